# Job names in the language of Alma's interface (a German library exports
# its job history as its staff see it): no run is of a job jobs.csv lists,
# so a 40,112-item withdrawal reads as an unlisted job and a question about
# damaging runs on large sets found none, exit 0. The job join: when fewer
# than a fifth of the manual runs are of listed jobs, under two names or
# more, a note at the top of every report: an ERROR, exit 2, from 10 runs;
# a WARNING below (a day's or one person's export may be all of jobs the
# matrix leaves out). A matrix that leaves a job out is an answer (one
# name, however many runs; or a good share of the runs listed): no note.
S=$SCRATCH
{
	echo 'id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records'
	echo '7600000000000001,Exemplare zurückziehen - Aussonderung,MANUAL,tlee,"Lee, Te-Yi",2026-10-26T10:00:00Z,COMPLETED_SUCCESS,40112'
	for i in 2 3 4 5 6 7 8 9 10 11; do
		echo "76000000000000$((10 + i)),Physische Exemplare ändern - Standort $i,MANUAL,mna,\"Na, Mihyang\",2026-10-$((10 + i))T11:00:00Z,COMPLETED_SUCCESS,30"
	done
} >"$S/de.csv"
head -4 "$S/de.csv" >"$S/small.csv"
echo "== 11 runs"
"$ALMAUDIT" audit --finding damaging-large-set "$S/de.csv" 2>&1 | sed "s|$S/||" | head -3
"$ALMAUDIT" audit --finding damaging-large-set -o /dev/null "$S/de.csv" 2>/dev/null
echo "exit $?"
"$ALMAUDIT" audit --format json "$S/de.csv" 2>/dev/null | python3 -c '
import json, sys
s = json.load(sys.stdin)["summary"]
print("json errors:", len(s["errors"]), s["errors"][0][:60])'
"$ALMAUDIT" audit --format csv -o /dev/null "$S/de.csv" 2>/dev/null
echo "csv exit $?"
"$ALMAUDIT" runs --job batch-item-withdrawals "$S/de.csv" 2>/dev/null | grep -c '^ERROR: 11 of the 11'
"$ALMAUDIT" runs --job batch-item-withdrawals -o /dev/null "$S/de.csv" 2>/dev/null
echo "runs exit $?"
"$ALMAUDIT" review --period 2026-10 "$S/de.csv" 2>/dev/null | grep -c '^ERROR: 11 of the 11'
"$ALMAUDIT" review --period 2026-10 -o /dev/null "$S/de.csv" 2>/dev/null
echo "review exit $?"
echo "== 3 runs"
"$ALMAUDIT" audit --finding damaging-large-set "$S/small.csv" 2>/dev/null | head -1
"$ALMAUDIT" audit --format json "$S/small.csv" 2>/dev/null | python3 -c '
import json, sys
s = json.load(sys.stdin)["summary"]
print("json warnings:", len(s["warnings"]), s["warnings"][0][:60])'
# one unlisted job name, however many runs: an answer about that job
sed 's/Exemplare zurückziehen - Aussonderung/Physische Exemplare ändern/' "$S/de.csv" >"$S/one.csv"
"$ALMAUDIT" audit -o /dev/null "$S/one.csv" 2>/dev/null
echo "one name: exit $?"
# a good share of the runs of listed jobs: the matrix leaves jobs out
cp "$S/small.csv" "$S/some.csv"
printf '7600000000000004,Withdraw items,MANUAL,tlee,"Lee, Te-Yi",2026-10-28T10:00:00Z,COMPLETED_SUCCESS,5\n' >>"$S/some.csv"
"$ALMAUDIT" audit -o /dev/null "$S/some.csv" 2>&1 | grep -c 'does not list'
