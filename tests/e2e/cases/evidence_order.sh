# Evidence does not depend on order (spec section 3): October's production
# runs and its sandbox runs in one file with an environment column, the
# rows in ascending, descending (as exports come: newest first) and
# shuffled order, give the same findings and the same text report. csv
# streams each finding as it is found, so its data rows are compared
# sorted; the text report is compared whole. Read once from standard input
# (no first reading of its sandbox rows), the verdicts are the same too.
S=../../samples
# one record a line (its line breaks as \001), its environment last, a sort
# key (its first time) before a tab
records() {
	zcat "$1" | awk -v env="$2" 'NR == 1 { next }
	{ buf = buf == "" ? $0 : buf "\001" $0; n = gsub(/"/, "\"", buf)
	  if (n % 2 == 0) { match(buf, /20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:.]+Z/)
	    print substr(buf, RSTART, RLENGTH) "\t" buf "," env; buf = "" } }'
}
{ records $S/jobs-2026-10.csv.gz production; records $S/sandbox-2026-10.csv.gz sandbox; } >"$SCRATCH/all"
header="$(zcat $S/jobs-2026-10.csv.gz | head -1),environment"
write() { # ORDER: ascending, descending or shuffled, into runs.csv
	echo "$header"
	case $1 in
	ascending) sort -t "$(printf '\t')" -k1,1 "$SCRATCH/all" ;;
	descending) sort -r -t "$(printf '\t')" -k1,1 "$SCRATCH/all" ;;
	shuffled) awk '{ printf "%05d\t%s\n", (NR * 7919) % 10007, $0 }' "$SCRATCH/all" | sort | cut -f2- ;;
	esac | cut -f2- | tr '\001' '\n'
}
audit() {
	"$ALMAUDIT" audit --tz America/New_York --period 2026-10 "$@"
}
sorted() { # a csv report's header, then its rows sorted
	awk 'NR == 1 { print; next } { print | "sort" }'
}
for order in ascending descending shuffled; do
	write $order >"$SCRATCH/runs.csv"
	audit "$SCRATCH/runs.csv" >"$SCRATCH/$order.txt"
	audit --format csv "$SCRATCH/runs.csv" | sorted >"$SCRATCH/$order.csv"
	audit --format csv - <"$SCRATCH/runs.csv" | sorted >"$SCRATCH/$order-stdin.csv"
done
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/ascending.txt" | head -14
grep -c '^no-signoff' "$SCRATCH/ascending.csv"
for order in descending shuffled; do
	cmp -s "$SCRATCH/ascending.txt" "$SCRATCH/$order.txt" && echo "$order: the same text report" ||
		diff "$SCRATCH/ascending.txt" "$SCRATCH/$order.txt"
done
for order in descending shuffled ascending-stdin descending-stdin shuffled-stdin; do
	cmp -s "$SCRATCH/ascending.csv" "$SCRATCH/$order.csv" && echo "$order: the same findings" ||
		diff "$SCRATCH/ascending.csv" "$SCRATCH/$order.csv"
done
