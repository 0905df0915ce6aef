# Two outputs of almaudit fetch joined in one file (cat, or gzip members)
# are two exports: the days between them are missing, said at the top as
# they are when the files are given apart (spec 1.2). fetch writes each
# job's pages together, once: a page of a job this export gave already
# starts the next. The samples' one API export stays whole (no warning).
python3 - "$SCRATCH" <<'PY'
import gzip, json, sys
pages = [json.loads(l) for l in gzip.open("../../samples/jobs-2026-10-api.json.gz", "rt")]
def part(lo, hi, name):
    with open(sys.argv[1] + "/" + name, "w") as f:
        for p in pages:
            runs = [i for i in p["job_instance"] if lo <= i.get("start_time", i["submit_time"])[:10] <= hi]
            if runs:
                f.write(json.dumps({"total_record_count": len(runs), "job_instance": runs}) + "\n")
part("2026-10-01", "2026-10-10", "a.json")
part("2026-10-14", "2026-10-31", "b.json")
PY
cat "$SCRATCH/a.json" "$SCRATCH/b.json" >"$SCRATCH/ab.json"
gzip -c "$SCRATCH/a.json" >"$SCRATCH/a.gz"
gzip -c "$SCRATCH/b.json" >"$SCRATCH/b.gz"
cat "$SCRATCH/a.gz" "$SCRATCH/b.gz" >"$SCRATCH/ab.json.gz"
for f in "$SCRATCH/a.json $SCRATCH/b.json" "$SCRATCH/ab.json" "$SCRATCH/ab.json.gz"; do
	"$ALMAUDIT" audit --tz America/New_York --period 2026-10 $f 2>/dev/null | head -1
done
"$ALMAUDIT" audit --tz America/New_York --period 2026-10 --format json "$SCRATCH/ab.json" 2>/dev/null |
	grep -o '"missing":\[[^]]*\]'
echo "== one export"
"$ALMAUDIT" audit --tz America/New_York --period 2026-10 ../../samples/jobs-2026-10-api.json.gz 2>&1 | grep -c 'cover only part'
echo "== instances alone, one a line, in time order across jobs: one export, no gap"
i() {
	printf '{"id":"%s","name":"%s","submitted_by":{"value":"System","desc":"System"},"start_time":"%s",' "$1" "$2" "$3"
	printf '"status":{"value":"COMPLETED_SUCCESS"},"job_info":{"id":"%s","name":"%s","type":{"value":"SCHEDULED"}}}\n' "$4" "$2"
}
{ i 1 P 2026-10-02T10:00:00Z S1; i 2 E 2026-10-02T11:00:00Z S2; i 3 P 2026-10-05T10:00:00Z S1; } >"$SCRATCH/lines.json"
"$ALMAUDIT" audit --tz UTC "$SCRATCH/lines.json" 2>/dev/null | grep -c 'leave days between'
