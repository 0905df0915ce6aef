# A stray quote early in a 1,000-row export: its row is rejected naming its
# first line, the 999 rows after it are read, the report says INCOMPLETE
# with file and line, and the exit status is 2. A quote still open at the
# end of a small file likewise.
awk 'BEGIN {
	print "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name"
	for (i = 1; i <= 1000; i++)
		printf "%d,%s,MANUAL,801,Moody Honor,2026-10-05 10:00,COMPLETED_SUCCESS,5,HD\n", i, i == 3 ? "\"oops" : "Withdraw items"
}' >"$SCRATCH/stray.csv"
"$ALMAUDIT" audit --summary --tz America/New_York "$SCRATCH/stray.csv" >"$SCRATCH/report.txt" 2>&1
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/report.txt"
head -8 "$SCRATCH/stray.csv" >"$SCRATCH/short.csv"
"$ALMAUDIT" audit --tz America/New_York "$SCRATCH/short.csv" >"$SCRATCH/report.txt" 2>&1
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/report.txt"
"$ALMAUDIT" audit --format json --tz America/New_York "$SCRATCH/short.csv" 2>/dev/null |
	grep '"summary"' | sed "s|$SCRATCH|SCRATCH|g"
