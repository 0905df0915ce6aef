# A text report on a terminal is fitted to at least 40 columns: with no
# window size and COLUMNS=1 each cell was cut to nothing and every line
# wrapped a character a line (thousands of lines). The terminal is a pty
# made by script(1); no script(1) here: skipped. Standard error (a warning
# is one line, as a compiler's) is left out: the report is what is fitted.
command -v script >/dev/null 2>&1 || { echo "no script(1) to make a terminal" >&2; exit 77; }
S=../../samples
for c in audit runs review; do
	COLUMNS=1 script -qec "$ALMAUDIT $c --tz UTC --period 2026-10 $S/jobs-2026-10.csv.gz 2>/dev/null" /dev/null |
		tr -d '\r' >"$SCRATCH/out.txt"
	lines=$(wc -l <"$SCRATCH/out.txt")
	# the widest line in characters (… one), and the line count
	widest=$(python3 -c 'import sys
print(max(len(l) for l in open(sys.argv[1], encoding="utf-8").read().split("\n")))' "$SCRATCH/out.txt")
	echo "$c: $lines lines, the widest $widest columns"
done
