# csv has no place for what the text report's header says of the inputs
# and their reading; its notes (WARNING, ERROR) go to standard error as
# they are made, and so does the rest that qualifies its rows, before
# them: the Unchecked lines (a CSV with no record count column; the API's
# damaging jobs no counter gave a count), the sets inferred from instance
# names, the rows rejected (the exit status is 1 for them: a csv of no rows
# must say why) and the cells not read, the first of each at file:line. For
# each input the text header's lines, then the csv's standard error.
for f in data/nocount.csv data/api-page.json data/messy.csv data/rejected-only.csv; do
	echo "== $f"
	"$ALMAUDIT" audit --tz UTC "$f" 2>/dev/null |
		grep -e '^Unchecked' -e '^Sets' -e '^Rejected' -e '^Cells' -e '^WARNING' -e '^  '
	"$ALMAUDIT" audit --tz UTC --format csv "$f" 2>&1 >/dev/null
	echo "status: $?"
done
echo "== more than five rejected rows and cells: the first five"
{
	echo id,name,submitted_by,submitted_by_desc,start_time,status,total_records
	for i in 1 2 3 4 5 6 7; do
		echo "610000000000000$i,Withdraw items,80120001,\"Moody, Honor\",2026-10-3$i 10:00,,5"
		echo "620000000000000$i,Withdraw items,80120001,\"Moody, Honor\",2026-10-0$i 10:00,DONE$i,5"
	done
} >"$SCRATCH/many.csv"
"$ALMAUDIT" audit --tz UTC --format csv "$SCRATCH/many.csv" 2>&1 >/dev/null | sed "s|$SCRATCH/||"
