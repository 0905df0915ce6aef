# Month over month (--baseline), json: the first half of October, as json, is
# the baseline of the second half; its findings are new or recurring (the
# same kind, person and job in the baseline), and what the baseline had and
# the second half has not is resolved.
S="--tz America/New_York --sandbox ../../samples/sandbox-2026-10.csv.gz"
S="$S ../../samples/jobs-2026-10.csv.gz ../../samples/jobs-2026-10-ui.csv.gz"
"$ALMAUDIT" audit $S --since 2026-10-01 --until 2026-10-15 --format json >"$SCRATCH/prev.json"
echo "baseline made: $?"
"$ALMAUDIT" audit $S --since 2026-10-16 --until 2026-10-31 --baseline "$SCRATCH/prev.json" \
	--format json >"$SCRATCH/got" 2>&1
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/got"
