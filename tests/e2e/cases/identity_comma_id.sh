# An Alma id with a comma ("fischer,b") listed in staff.csv's alma_ids,
# with the name cell empty: the value reads like a name, yet spec section
# 2 looks submitted_by up among alma_ids first, so the run is Ben
# Fischer's (approved), not an unapproved stranger. So is a name with the
# Alma id in parentheses after it ("Fischer, Ben (bfischer)"): found by
# the id, else by the name before it.
r=$SCRATCH/r
mkdir "$r"
cp ../../rules/jobs.csv "$r/"
printf 'name,unit,alma_ids,aliases\nBen Fischer,ITS,"fischer,b",\nAnne Adams,ITS,,\n' >"$r/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Ben Fischer,,,,,\n' >"$r/approvals.csv"
printf 'id,job_id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records\n1,M1,Change Physical Items,MANUAL,"fischer,b",,2026-10-01 09:00,COMPLETED_SUCCESS,5\n' >"$SCRATCH/ids.csv"
cd "$SCRATCH" || exit 2
"$ALMAUDIT" audit --rules r --summary ids.csv
echo "status: $?"
"$ALMAUDIT" runs --rules r --explain ids.csv | grep 'person:'
echo "== a name with the Alma id in parentheses (Fischer, Ben (bfischer))"
printf 'id,job_id,name,type,submitted_by,start_time,status,total_records\n2,M1,Change Physical Items,MANUAL,"Fischer, Ben (fischer,b)",2026-10-01 09:00,COMPLETED_SUCCESS,5\n3,M1,Change Physical Items,MANUAL,"Fischer, Ben (bf)",2026-10-02 09:00,COMPLETED_SUCCESS,5\n' >paren.csv
"$ALMAUDIT" audit --rules r --summary paren.csv
echo "status: $?"
"$ALMAUDIT" runs --rules r --explain paren.csv | grep 'person:'
