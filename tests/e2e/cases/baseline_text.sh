# Month over month (--baseline), text: the first half of October, as json, is
# the baseline of the second half; its findings are new or recurring (the
# same kind, person and job in the baseline), and what the baseline had and
# the second half has not is resolved.
S="--tz America/New_York --sandbox ../../samples/sandbox-2026-10.csv.gz"
S="$S ../../samples/jobs-2026-10.csv.gz ../../samples/jobs-2026-10-ui.csv.gz"
"$ALMAUDIT" audit $S --since 2026-10-01 --until 2026-10-15 --format json >"$SCRATCH/prev.json"
echo "baseline made: $?"
"$ALMAUDIT" audit $S --since 2026-10-16 --until 2026-10-31 --baseline "$SCRATCH/prev.json" \
	--format text --limit 3 >"$SCRATCH/got" 2>&1
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/got"
# every finding row of the text (at --limit 50) says new or recurring, as the
# csv of the same run says for that run and finding
"$ALMAUDIT" audit $S --since 2026-10-16 --until 2026-10-31 --baseline "$SCRATCH/prev.json" \
	--format csv | python3 -c '
import csv, sys
trend = {(r["finding"], r["run_id"]): r["trend"] for r in csv.DictReader(sys.stdin)}
print("csv findings:", len(trend), "new:", sum(t == "new" for t in trend.values()))
' 
"$ALMAUDIT" audit $S --since 2026-10-16 --until 2026-10-31 --baseline "$SCRATCH/prev.json" \
	>"$SCRATCH/text"
"$ALMAUDIT" audit $S --since 2026-10-16 --until 2026-10-31 --baseline "$SCRATCH/prev.json" \
	--format csv >"$SCRATCH/csv"
python3 - "$SCRATCH/text" "$SCRATCH/csv" <<'PY'
import csv, re, sys
trend = {(r["finding"], r["run_id"]): r["trend"] for r in csv.DictReader(open(sys.argv[2]))}
kind, rows, wrong = None, 0, []
for line in open(sys.argv[1]):
    m = re.match(r"([A-Z-]+) \(\d+\): ", line)
    if m:
        kind = m.group(1).lower()
        continue
    m = re.match(r"(new|recurring) +(\d{16,19}) ", line)
    if m and kind:
        rows += 1
        if trend.get((kind, m.group(2))) != m.group(1):
            wrong.append(line.strip())
    elif not line.strip():
        kind = None
print(f"text rows marked: {rows}; not as the csv says: {len(wrong)} {wrong[:2]}")
PY
