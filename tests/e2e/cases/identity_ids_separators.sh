# staff.csv's alma_ids separated as librarians type them: by spaces, by
# ';' as aliases are ("bfischer;bf2"), or by a comma and a space
# ("cdiaz, cd2"); a comma inside an id ("fischer,b") stays part of it, a
# comma ending one is dropped. Each run below is found by its second or
# trailing id: it was "not in staff.csv", an unapproved stranger, while
# rules check said OK.
r=$SCRATCH/r
mkdir "$r"
cp ../../rules/jobs.csv "$r/"
printf 'name,unit,alma_ids,aliases\nBen Fischer,ITS,bfischer;bf2,\nCarla Diaz,ITS,"cdiaz, cd2",\nDora Eng,ITS,"fischer,b; de2 ,de3,",\n' >"$r/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Ben Fischer,,,,,\nchange-physical-items,Carla Diaz,,,,,\nchange-physical-items,Dora Eng,,,,,\n' >"$r/approvals.csv"
cd "$SCRATCH" || exit 2
"$ALMAUDIT" rules check --rules r >/dev/null
echo "rules check: $?"
{
	echo 'id,job_id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records'
	echo '1,M1,Change Physical Items,MANUAL,bf2,"Fischer, Benjamin",2026-10-01 09:00,COMPLETED_SUCCESS,5'
	echo '2,M1,Change Physical Items,MANUAL,bfischer,"Fischer, Benjamin",2026-10-01 10:00,COMPLETED_SUCCESS,5'
	echo '3,M1,Change Physical Items,MANUAL,CD2,"Diaz, C.",2026-10-01 11:00,COMPLETED_SUCCESS,5'
	echo '4,M1,Change Physical Items,MANUAL,cdiaz,"Diaz, C.",2026-10-01 12:00,COMPLETED_SUCCESS,5'
	echo '5,M1,Change Physical Items,MANUAL,"fischer,b",,2026-10-01 13:00,COMPLETED_SUCCESS,5'
	echo '6,M1,Change Physical Items,MANUAL,de2,"Eng, D.",2026-10-01 14:00,COMPLETED_SUCCESS,5'
	echo '7,M1,Change Physical Items,MANUAL,de3,"Eng, D.",2026-10-01 15:00,COMPLETED_SUCCESS,5'
} >ids.csv
"$ALMAUDIT" audit --rules r --summary ids.csv
echo "status: $?"
"$ALMAUDIT" runs --rules r --explain ids.csv | grep 'person:'
echo "== rules what by the second id"
"$ALMAUDIT" rules what bf2 --rules r
echo "status: $?"
