# The coverage join (spec section 1.2): each production input's span, its
# first to its last run, against the period. An export of 25-31 October
# audited for October is a WARNING at the top of every format naming the
# days missing (json: period_covered.missing); two exports with days
# between them likewise; months of a long period with no run are said at
# the top; a quiet day inside the span is an answer, exit 0.
S=../../samples
a() { "$ALMAUDIT" "$@"; echo "status: $?"; }
tz="--tz America/New_York"
echo "== 25-31 October audited for October"
a audit $tz --period 2026-10 $S/jobs-2026-10-ui.csv.gz | head -14
a audit $tz --summary --period 2026-10 $S/jobs-2026-10-ui.csv.gz
"$ALMAUDIT" audit $tz --format json --period 2026-10 $S/jobs-2026-10-ui.csv.gz |
	grep -o '"period_covered":{[^}]*}[^]]*\]\|"warnings":\[[^]]*\]'
"$ALMAUDIT" audit $tz --format email --to a@example.edu --from b@example.edu --period 2026-10 \
	$S/jobs-2026-10-ui.csv.gz | grep '^Subject:'
"$ALMAUDIT" audit $tz --format html --period 2026-10 $S/jobs-2026-10-ui.csv.gz |
	grep 'class="incomplete"\|Coverage'
echo "== two exports with days between them"
grep '^id,\|2026-10-0[1-3]' data/quiet.csv >"$SCRATCH/early.csv"
a audit $tz --summary --period 2026-10 "$SCRATCH/early.csv" $S/jobs-2026-10-ui.csv.gz 2>/dev/null |
	sed "s|$SCRATCH|SCRATCH|g"
echo "== a quiet day inside the span"
a audit $tz --period 2026-10-04 data/quiet.csv
"$ALMAUDIT" audit $tz --format json --period 2026-10-04 data/quiet.csv | grep -o '"period_covered":{[^}]*}'
a runs $tz --period 2026-10-04 data/quiet.csv
echo "== a quarter with a month of no run"
a audit $tz --summary --period 2026-Q4 data/quiet.csv
echo "== a period the export does not reach: an error"
a audit $tz --summary --period 2026-09 data/quiet.csv
