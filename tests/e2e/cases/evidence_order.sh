# Evidence does not depend on order (spec section 3): October's production
# runs and its sandbox runs in one file with an environment column, the
# rows in ascending, descending (as exports come: newest first) and
# shuffled order, give the same findings and the same text report. The
# csv and json reports list findings in one order that does not depend on
# the input's (time, run id, kind, then the row's bytes): compared byte for
# byte, as is the text report. Read once from standard input (no first
# reading of its sandbox rows), the reports are the same bytes too.
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
for order in ascending descending shuffled; do
	write $order >"$SCRATCH/runs.csv"
	audit "$SCRATCH/runs.csv" >"$SCRATCH/$order.txt"
	audit --format csv "$SCRATCH/runs.csv" >"$SCRATCH/$order.csv"
	audit --format csv - <"$SCRATCH/runs.csv" >"$SCRATCH/$order-stdin.csv"
	# json's findings array (its summary names the input: left out)
	audit --format json "$SCRATCH/runs.csv" | sed -n '/^"findings":\[/,/^"summary"/{/^"summary"/!p;}' >"$SCRATCH/$order.json"
	audit --format json - <"$SCRATCH/runs.csv" | sed -n '/^"findings":\[/,/^"summary"/{/^"summary"/!p;}' >"$SCRATCH/$order-stdin.json"
done
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/ascending.txt" | head -14
grep -c '^no-signoff' "$SCRATCH/ascending.csv"
grep -c '^{"finding":"no-signoff"' "$SCRATCH/ascending.json"
for order in descending shuffled; do
	cmp -s "$SCRATCH/ascending.txt" "$SCRATCH/$order.txt" && echo "$order: the same text report" ||
		diff "$SCRATCH/ascending.txt" "$SCRATCH/$order.txt"
done
for order in descending shuffled ascending-stdin descending-stdin shuffled-stdin; do
	cmp -s "$SCRATCH/ascending.csv" "$SCRATCH/$order.csv" && echo "$order: the same csv" ||
		diff "$SCRATCH/ascending.csv" "$SCRATCH/$order.csv" | head -6
	cmp -s "$SCRATCH/ascending.json" "$SCRATCH/$order.json" && echo "$order: the same json" ||
		diff "$SCRATCH/ascending.json" "$SCRATCH/$order.json" | head -6
done
# the first findings: in time order
sed -n '2,4p' "$SCRATCH/ascending.csv" | cut -d, -f1-3
