# A run read from the API's JSON in a status not final (PENDING, QUEUED,
# INITIALIZING, RUNNING, FINALIZING: spec section 1.1) is still counting:
# its counter is a lower bound. Over the job's large_set it is
# damaging-large-set, as a finished run's; at or under, its size is not
# known yet: unknown-size, the detail saying its status and the count so
# far (never "Findings none"). The run's copies are one run (spec section
# 3): a copy that finished, with its count, in another input wins over the
# running one, in either order. A CSV export's total_records is the size of
# the set whatever the status (spec section 1): its RUNNING row is judged
# on it, as before.
W=$SCRATCH/w
mkdir "$W" || exit 2
# inst STATUS PROGRESS COUNT: the damaging upgrade-bib-oclc run 6100000000000031
inst() {
	printf '{"id":"6100000000000031","name":"Staff upgrade bib OCLC number match (MRC) - 10/07/2026 15:00:00","submitted_by":{"value":"80120001","desc":"Moody, Honor"},"start_time":"2026-10-07T19:00:05Z","progress":%s,"status":{"value":"%s"},"counter":[{"type":{"value":"import.total_records_processed","desc":"Total records processed"},"value":"%s"}],"job_info":{"id":"M3","name":"Staff upgrade bib OCLC number match (MRC)","type":{"value":"MANUAL"}}}\n' "$2" "$1" "$3"
}
# the csv's columns named, a line a finding
cols() {
	python3 -c 'import csv, sys
for r in csv.DictReader(sys.stdin):
    print(" | ".join(r[k] for k in sys.argv[1:]))' "$@"
}
inst RUNNING 3 612 >"$W/d5.json"
echo "== RUNNING at 3%, 612 records so far"
"$ALMAUDIT" audit --tz UTC "$W/d5.json" | sed "s|$W/||" | grep -v '^Rules'
"$ALMAUDIT" audit --tz UTC "$W/d5.json" >/dev/null
echo "status: $?"
"$ALMAUDIT" audit --tz UTC --format csv "$W/d5.json" | cols finding run_id records status detail
"$ALMAUDIT" runs --tz UTC --explain "$W/d5.json" | grep -e 'threshold' -e '^6100'
echo "== each status not final; a final one judged on its count"
for s in PENDING QUEUED INITIALIZING FINALIZING COMPLETED_SUCCESS USER_ABORTED; do
	inst "$s" 50 612 >"$W/s.json"
	echo "$s:"
	"$ALMAUDIT" audit --tz UTC --format csv "$W/s.json" | cols finding detail
done
echo "== RUNNING, 1,500 so far: above 1,000 already"
inst RUNNING 40 1500 >"$W/big.json"
"$ALMAUDIT" audit --tz UTC --format csv "$W/big.json" | cols finding detail
"$ALMAUDIT" runs --tz UTC --explain "$W/big.json" | grep threshold
echo "== RUNNING at exactly 1,000 so far: not known yet"
inst RUNNING 40 1000 >"$W/edge.json"
"$ALMAUDIT" audit --tz UTC --format csv "$W/edge.json" | cols finding detail
echo "== the finished copy wins, in either order"
inst COMPLETED_SUCCESS 100 400 >"$W/done.json"
inst COMPLETED_SUCCESS 100 5000 >"$W/large.json"
for pair in "d5 done" "done d5" "d5 large" "large d5"; do
	set -- $pair
	echo "$1 then $2:"
	"$ALMAUDIT" audit --tz UTC --format csv "$W/$1.json" "$W/$2.json" >"$W/pair.csv"
	echo "status: $?"
	cols finding records status <"$W/pair.csv"
done
echo "== two running copies under the limit: unknown-size once, the later copy's"
inst RUNNING 9 800 >"$W/later.json"
"$ALMAUDIT" audit --tz UTC --format csv "$W/d5.json" "$W/later.json" | cols finding detail
echo "== --min-records cannot say a running run is below it"
"$ALMAUDIT" audit --tz UTC --min-records 1000 "$W/d5.json" 2>/dev/null | head -1
"$ALMAUDIT" audit --tz UTC --min-records 500 --format csv "$W/d5.json" 2>/dev/null | cols finding records
echo "== a CSV export's RUNNING row: total_records is the set's size"
cat >"$W/ui.csv" <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,status,progress,total_records
6100000000000032,Staff upgrade bib OCLC number match (MRC),MANUAL,80120001,"Moody, Honor",2026-10-07 15:00,RUNNING,3,612
CSV
"$ALMAUDIT" audit --tz UTC "$W/ui.csv" | grep Findings
