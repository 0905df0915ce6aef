# Everything after the reading works on the API's JSON as on CSV: runs
# --explain names the counter that gave the record count and says the set
# was inferred; filters, waivers (on the inferred set), a baseline, the
# split by unit and the access review.
S="--tz America/New_York --period 2026-10"
echo "--- runs --explain"
"$ALMAUDIT" runs $S --explain data/api-page.json
echo "--- filters"
"$ALMAUDIT" runs $S --min-records 1000 --format csv data/api-page.json
"$ALMAUDIT" runs $S --job delete-portfolios --user Flanders data/api-page.json
echo "--- waivers on an inferred set"
cp -r ../../rules "$SCRATCH/rules"
cat >"$SCRATCH/rules/waivers.csv" <<'CSV'
finding,job,staff,run_id,sets,from,until,ticket,reason
unknown-size,delete-portfolios,Dennis Flanders,,^Springer ebooks,2026-10-01,2026-12-31,LTS-1,Cancelled package: its size is in the ticket
CSV
"$ALMAUDIT" audit $S --rules "$SCRATCH/rules" --summary data/api-page.json
echo "status: $?"
echo "--- a baseline: the CSV's audit of the first half of the month"
"$ALMAUDIT" audit --tz America/New_York --since 2026-10-01 --until 2026-10-15 --format json \
	../../samples/jobs-2026-10.csv.gz >"$SCRATCH/prev.json"
"$ALMAUDIT" audit --tz America/New_York --since 2026-10-14 --until 2026-10-31 --summary \
	--baseline "$SCRATCH/prev.json" data/api-page.json 2>&1 | sed "s|$SCRATCH|SCRATCH|g"
"$ALMAUDIT" audit --tz America/New_York --since 2026-10-14 --until 2026-10-31 --format json \
	--baseline "$SCRATCH/prev.json" data/api-page.json 2>/dev/null | grep -o '"finding":"[^"]*","run_id":"[^"]*"\|"trend":"[a-z]*"' 
echo "--- split by unit"
"$ALMAUDIT" audit $S --split unit --format csv -o "$SCRATCH/split" data/api-page.json >/dev/null
echo "status: $?"
(cd "$SCRATCH/split" && for f in *.csv; do echo "$f: $(($(wc -l <"$f") - 1)) findings"; done)
echo "--- review"
"$ALMAUDIT" review $S --job batch-item-withdrawals --format csv data/api-page.json | grep -e ^findings -e Te-Yi
