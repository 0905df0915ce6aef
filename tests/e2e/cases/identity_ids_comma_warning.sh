# alma_ids written "aadams,aadams2" (a comma, no space) are one id, as an
# Alma id may hold a comma ("fischer,b": identity_comma_id); a run by
# aadams2 would read "not in staff.csv" while rules check said OK. Each id
# holding a comma is a warning at its staff.csv line, in rules check
# (counted, exit 0) and in every run that loads the rules.
top=$(pwd)/../..
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
cp -r "$top/rules" r
printf 'Al Adams,ITS,"aadams,aadams2",\nBo Berg,ITS,"bberg; b,berg",\n' >>r/staff.csv
"$ALMAUDIT" rules check --rules r >o.txt
echo "status: $?"
head -1 o.txt
printf 'id,job_id,name,type,submitted_by,start_time,status,total_records\n1,M1,Change Physical Items,MANUAL,aadams2,2026-10-01 09:00,COMPLETED_SUCCESS,5\n' >in.csv
"$ALMAUDIT" audit --rules r --summary in.csv >/dev/null
echo "status: $?"
