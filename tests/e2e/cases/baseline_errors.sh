# A baseline that cannot be read, is not JSON or is not an almaudit audit
# report (a runs listing, an access review, a unit's report) is an error (exit 2) at its file and line, before any report is
# written: never a silent "all new".
S="--tz America/New_York ../../samples/jobs-2026-10.csv.gz"
run() {
	"$ALMAUDIT" audit $S --period 2026-10 --summary "$@" >"$SCRATCH/got" 2>&1
	echo "status: $?"
	sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/got"
}
"$ALMAUDIT" audit $S --since 2026-10-01 --until 2026-10-15 --format json >"$SCRATCH/prev.json"
echo "--- no such file"
run --baseline "$SCRATCH/missing.json"
echo "--- standard input"
run --baseline -
echo "--- cut short"
head -c 3000 "$SCRATCH/prev.json" >"$SCRATCH/cut.json"
run --baseline "$SCRATCH/cut.json"
echo "--- not JSON: an export"
run --baseline data/small.csv
echo "--- JSON, not a report"
printf '{"findings": []}\n' >"$SCRATCH/other.json"
run --baseline "$SCRATCH/other.json"
echo "--- a runs listing"
"$ALMAUDIT" runs --format json data/small.csv >"$SCRATCH/runs.json"
run --baseline "$SCRATCH/runs.json"
echo "--- an access review, as json"
"$ALMAUDIT" review --format json data/small.csv >"$SCRATCH/review.json"
run --baseline "$SCRATCH/review.json"
echo "--- runs takes no --baseline"
"$ALMAUDIT" runs --baseline "$SCRATCH/prev.json" data/small.csv
echo "status: $?"
echo "--- a unit's report from --split, not the whole one"
"$ALMAUDIT" audit $S --period 2026-10 --split unit --format json -o "$SCRATCH/split" >/dev/null
run --baseline "$SCRATCH/split/JUD.json"
