# Every ERROR the text report opens with is in json's summary.errors too
# (it had the failed join's only): a period the inputs do not reach, inputs
# that hold no run, a filter value that matched nothing. For each, the
# text's ERROR lines, then json's errors, one a line.
S=../../samples
both() {
	"$ALMAUDIT" audit "$@" 2>/dev/null | sed -n 's/^ERROR: /text: /p' | sed 's/\.$//'
	"$ALMAUDIT" audit --format json "$@" 2>/dev/null >"$SCRATCH/r.json"
	echo "json status: $?"
	python3 -c 'import json,sys
s = json.load(open(sys.argv[1]))["summary"]
print("complete:", s["complete"])
for e in s["errors"]: print("json:", e)' "$SCRATCH/r.json"
}
both --tz America/New_York --period 2026-09 $S/jobs-2026-10.csv.gz
both data/header-only.csv
both --tz America/New_York --period 2026-10 --user Lindqvst $S/jobs-2026-10.csv.gz
