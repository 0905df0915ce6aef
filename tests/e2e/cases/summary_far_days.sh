# Days are kept sparse: two runs 8,000 years apart cost two entries, and the
# chart of runs per day sums days into at most one bar a pixel (here 16 years
# a bar) with ten year labels: the page stays small.
printf '%s\n' \
	'id,job_id,name,category,type,submitted_by,submitted_by_desc,submit_time,start_time,end_time,status,progress,total_records,set_name' \
	'1,J,Change Physical Items,Items,MANUAL,,"Stranger, Early",1901-01-01T10:00:00Z,,,COMPLETED_SUCCESS,100,10,' \
	'2,J,Change Physical Items,Items,MANUAL,,"Moody, Honor",9000-06-01T10:00:00Z,,,COMPLETED_SUCCESS,100,10,' \
	>"$SCRATCH/far.csv"
"$ALMAUDIT" audit --format html "$SCRATCH/far.csv" >"$SCRATCH/far.html"
echo "status: $?"
[ "$(wc -c <"$SCRATCH/far.html")" -lt 20000 ] && echo "the page is under 20,000 bytes"
sed -n '/<title>Manual runs per day/,/<\/svg>/p' "$SCRATCH/far.html"
"$ALMAUDIT" audit --format email --to a@example.edu "$SCRATCH/far.csv" | wc -c | awk '{ print ($1 < 40000 ? "the email is under 40,000 bytes" : "the email is " $1 " bytes") }'
