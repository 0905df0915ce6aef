# Memory bounded by design: past the first 10,000 people not in staff.csv
# (and 10,000 unlisted job names), new ones are summed in an "others" row
# that says so; the rows kept are exact. The export: 10,005 strangers (the
# first with 3 runs, one seen after the bound with 50), and 10,002 unlisted
# job names run by someone in staff.csv.
awk 'BEGIN {
	print "id,job_id,name,category,type,submitted_by,submitted_by_desc,submit_time,start_time,end_time,status,progress,total_records,set_name"
	for (i = 0; i < 10005; i++)
		for (k = 0; k < (i == 0 ? 3 : i == 10003 ? 50 : 1); k++)
			printf "61%014d,J,Change Physical Items,Items,MANUAL,,\"Stranger, Person%d\",2026-10-08T10:00:00Z,,,COMPLETED_SUCCESS,100,10,\n", ++n, i
	for (i = 0; i < 10002; i++)
		printf "61%014d,J,Unlisted job %d,Items,MANUAL,,\"Moody, Honor\",2026-10-09T10:00:00Z,,,COMPLETED_SUCCESS,100,10,\n", ++n, i
}' >"$SCRATCH/many.csv"
"$ALMAUDIT" audit --limit 3 "$SCRATCH/many.csv" | sed "s|$SCRATCH/||"
echo "status: $?"
"$ALMAUDIT" audit --summary "$SCRATCH/many.csv" | sed "s|$SCRATCH/||"
echo "status: $?"
"$ALMAUDIT" audit --format json "$SCRATCH/many.csv" | grep -o '"by_[a-z]*_others":{[^}]*}'
"$ALMAUDIT" audit --format html --limit 2 "$SCRATCH/many.csv" | sed -n '/<h3>By person/,/<h3>By unit/p'
