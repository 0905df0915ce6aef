# One export read as plain CSV, gzip, standard input (plain and gzip), and
# two gzip members split mid-row gives the same runs.
set -u
gzip -dc ../../samples/jobs-2026-10.csv.gz >"$SCRATCH/plain"
gzip -c "$SCRATCH/plain" >"$SCRATCH/gzip"
half=$(( $(wc -c <"$SCRATCH/plain") / 2 + 17 ))
{ head -c "$half" "$SCRATCH/plain" | gzip -c; tail -c "+$((half + 1))" "$SCRATCH/plain" | gzip -c; } >"$SCRATCH/members"

listing() { # the runs of a file, as the runs csv lists them, read under one name
	cp "$1" "$SCRATCH/jobs"
	"$ALMAUDIT" runs --format csv "$SCRATCH/jobs" | sed "s#$SCRATCH/jobs#F#"
}
listing "$SCRATCH/plain" >"$SCRATCH/want"
echo "runs: $(grep -c '^[^,]*,61' "$SCRATCH/want")"
listing "$SCRATCH/gzip" | cmp - "$SCRATCH/want" && echo "gzip: same runs"
listing "$SCRATCH/members" | cmp - "$SCRATCH/want" && echo "two gzip members: same runs"
"$ALMAUDIT" runs --format csv - <"$SCRATCH/plain" | sed 's#,(standard input),\([0-9]*\)$#,F,\1#' |
	cmp - "$SCRATCH/want" && echo "standard input: same runs"
"$ALMAUDIT" runs --format csv - <"$SCRATCH/gzip" | sed 's#,(standard input),\([0-9]*\)$#,F,\1#' |
	cmp - "$SCRATCH/want" && echo "standard input, gzip: same runs"
"$ALMAUDIT" audit "$SCRATCH/members" | sed "s#$SCRATCH/##"
