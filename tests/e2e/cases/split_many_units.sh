# A consortium's split: 2,000 units, each with a run, within 64 open files
# (each unit's report is made and written at the end, one at a time; every
# unit's file open at once failed from the 1,018th unit under ulimit -n
# 1024), and in memory that does not grow with the units (156 kB a unit
# before: 300 MB here), measured while the split waits for its last input.
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
awk 'BEGIN {
	print "name,unit,alma_ids,aliases" > "rules/staff.csv"
	print "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records" > "jobs.csv"
	for (i = 0; i < 2000; i++) {
		printf "\"Person%d, Given\",U%04d,9%06d,\n", i, i, i >> "rules/staff.csv"
		printf "%d,Change Physical Items,MANUAL,9%06d,x,2026-10-%02dT14:00:00Z,COMPLETED_SUCCESS,20\n",
			1000 + i, i, 1 + i % 28 >> "jobs.csv"
	}
}'
echo "job,staff,signed_off,revoked,sets,ticket,note" >rules/approvals.csv
for f in text csv; do
	(ulimit -n 64 && "$ALMAUDIT" audit --rules rules --format $f --split unit -o out-$f jobs.csv >list)
	echo "$f: status $?, $(wc -l <list) lines listed, $(ls out-$f | wc -l) files"
	sed -n '1p;2000,$p' list
done
grep '^Unit' out-text/U1999.txt
cat out-csv/U1234.csv | cut -d, -f1-9

mkfifo last.csv
"$ALMAUDIT" audit --rules rules --split unit -o out-mem jobs.csv last.csv >/dev/null &
pid=$!
i=0
while [ "$(cat /proc/$pid/wchan 2>/dev/null)" != wait_for_partner ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
kb=$(awk '/^VmHWM/ { print $2 }' /proc/$pid/status)
head -1 jobs.csv >last.csv
wait $pid
echo "status $?; peak memory after 2,000 units: $([ "$kb" -lt 100000 ] && echo "under 100 MB" || echo "$kb kB")"
