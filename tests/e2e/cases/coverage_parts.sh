# The coverage join per export (spec section 1.2). Exports joined with cat
# (a header repeated inside the file, also as gzip members) keep each its
# own span: the days between them are missing, a WARNING, and a period
# between them is not reached at all, the ERROR (exit 2). A day between
# two exports is missing even when it is one day (the day's tolerance is
# for the period's two ends only): a WARNING for the month, the ERROR for
# that day alone; a one-day period the day after the last export is quiet.
cd "$SCRATCH" || exit 2
r=$SCRATCH/r
mkdir "$r"
cp "$OLDPWD/../../rules/jobs.csv" "$r/"
printf 'name,unit,alma_ids,aliases\nAnne Adams,ITS,,\n' >"$r/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Anne Adams,,,,,\n' >"$r/approvals.csv"
mk() {
	echo id,job_id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records
	for d in $(seq -w "$2" "$3"); do
		echo "$1$d,M1,Change Physical Items,MANUAL,aadams,\"Adams, Anne\",2026-$4-$d 10:00,COMPLETED_SUCCESS,5"
	done
}
a() { "$ALMAUDIT" audit --rules r --summary "$@" 2>/dev/null; echo "status: $?"; }
mk 1 01 10 10 >early.csv
mk 2 20 31 10 >late.csv
echo "== cat early.csv late.csv"
cat early.csv late.csv | a --period 2026-10 -
(gzip -c early.csv && gzip -c late.csv) >members.gz
a --period 2026-10 members.gz
echo "== cat sep.csv nov.csv, --period 2026-10"
mk 3 01 30 09 >sep.csv
mk 4 01 30 11 >nov.csv
cat sep.csv nov.csv | a --period 2026-10 -
echo "== slash dates held across the repeated header"
ui() {
	echo 'Job Instance ID,Job Name,Job Type,Submitted By,Submitted By Name,Start Time,Status,Number of Records'
	for d in $(seq -w "$2" "$3"); do
		echo "$1$d,Change Physical Items,Manual,aadams,\"Adams, Anne\",10/$d/2026 10:00,Completed Successfully,20"
	done
}
ui 5 01 10 >u1.csv
ui 6 20 31 >u2.csv
cat u1.csv u2.csv | a --period 2026-10 -
echo "== one day between two exports"
mk 6 01 14 10 >a14.csv
mk 7 16 31 10 >b16.csv
a --period 2026-10 a14.csv b16.csv
"$ALMAUDIT" audit --rules r --format json --period 2026-10 a14.csv b16.csv 2>/dev/null |
	grep -o '"missing":\[[^]]*\]'
a --period 2026-10-15 a14.csv b16.csv
a --period 2026-10-14 a14.csv b16.csv
echo "== a one-day period the day after the last export"
mk 8 01 30 10 >to30.csv
a --period 2026-10-31 to30.csv
a --period 2026-11-01 to30.csv
