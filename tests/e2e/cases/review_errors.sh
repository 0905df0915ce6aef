# review: a filter value that matches nothing in the rules is an error
# (exit 2) with the nearest known value, never an empty review; so are an
# unknown format, an option review does not take, and no production history.
S=../../samples
run() {
	echo "== $*"
	"$ALMAUDIT" "$@"
	echo "status: $?"
}
run review --unit GTU $S/jobs-2026-10.csv.gz
run review --job batch-item-withdrawls $S/jobs-2026-10.csv.gz
run review --user "Te-Yi Le" --user "Nobody Atall" $S/jobs-2026-10.csv.gz
run review --format email $S/jobs-2026-10.csv.gz
run review --finding unused $S/jobs-2026-10.csv.gz
run review --sandbox $S/sandbox-2026-10.csv.gz
# a period the production history does not reach: an error, said in the report
run review --tz America/New_York --period 2026-09 --unit AEOD $S/jobs-2026-10.csv.gz
run help review
