# The Alma API's JSON damaged, or not job instances: an error at the file and
# line, what was read before it still reported, INCOMPLETE, exit 2. An XML
# response is named, with what to do.
S="--tz America/New_York --period 2026-10"
gzip -c data/api-page.json | head -c 700 >"$SCRATCH/cut.json.gz"
echo "--- a truncated gzip stream"
"$ALMAUDIT" audit $S --summary "$SCRATCH/cut.json.gz" 2>&1 | sed "s|$SCRATCH|SCRATCH|g"
head -c 1600 data/api-page.json >"$SCRATCH/cut.json"
echo "--- cut short inside a page: the instances before the cut read"
"$ALMAUDIT" runs $S "$SCRATCH/cut.json" >"$SCRATCH/runs" 2>&1
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/runs"
"$ALMAUDIT" audit $S "$SCRATCH/cut.json" >"$SCRATCH/report" 2>/dev/null
echo "status: $?"
sed -n '1,5p' "$SCRATCH/report" | sed "s|$SCRATCH|SCRATCH|g"
echo "--- an API error, a jobs listing, XML"
"$ALMAUDIT" audit $S --summary data/api-error.json data/api-jobs.json data/api-instances.xml data/api-page.json
echo "status: $?"
