# What the report says about its baseline: one made with other rules is
# accepted and named so; one whose period is not before this one is a
# warning in the report (a report against itself is all recurring); the
# filters of this report apply to the baseline too, so that what they hide
# is never "resolved"; with no findings now, everything is resolved.
S="--tz America/New_York --sandbox ../../samples/sandbox-2026-10.csv.gz"
S="$S ../../samples/jobs-2026-10.csv.gz ../../samples/jobs-2026-10-ui.csv.gz"
run() {
	"$ALMAUDIT" audit $S "$@" >"$SCRATCH/got" 2>&1
	echo "status: $?"
	sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/got"
}
"$ALMAUDIT" audit $S --period 2026-09 --format json >"$SCRATCH/sep.json" 2>/dev/null
"$ALMAUDIT" audit $S --since 2026-10-01 --until 2026-10-15 --format json >"$SCRATCH/prev.json"
echo "--- other rules (the baseline's counts edited)"
sed 's/"approvals":145/"approvals":140/' "$SCRATCH/prev.json" >"$SCRATCH/older.json"
run --since 2026-10-16 --until 2026-10-31 --summary --baseline "$SCRATCH/older.json"
echo "--- a report against itself, and json read back as a baseline"
"$ALMAUDIT" audit $S --since 2026-10-16 --until 2026-10-31 --format json \
	--baseline "$SCRATCH/prev.json" >"$SCRATCH/now.json"
run --since 2026-10-16 --until 2026-10-31 --summary --baseline "$SCRATCH/now.json"
echo "--- filters apply to the baseline"
run --since 2026-10-16 --until 2026-10-31 --unit JUD --baseline "$SCRATCH/prev.json" --limit 1
echo "--- nothing now: everything resolved"
run --since 2026-10-16 --until 2026-10-31 --user "Mihyang Na" --baseline "$SCRATCH/prev.json"
echo "--- a baseline whose exports did not cover its period"
run --period 2026-10 --user Armitage --baseline "$SCRATCH/sep.json" --summary
