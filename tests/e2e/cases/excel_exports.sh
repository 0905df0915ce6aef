# Excel's exports: semicolon-separated CSV, and "Unicode text" (UTF-16LE
# with a byte order mark, tab-separated, CRLF) give the same runs as the
# comma original; the report's input line says what was detected. Rules
# saved as Unicode text load as the shipped ones do.
"$ALMAUDIT" runs --format csv data/small.csv >"$SCRATCH/comma.csv"
for f in data/excel-semicolon.csv data/excel-unicode.txt; do
	"$ALMAUDIT" runs --format csv "$f" >"$SCRATCH/other.csv"
	cmp "$SCRATCH/comma.csv" "$SCRATCH/other.csv" && echo "$f: the same runs as data/small.csv"
done
"$ALMAUDIT" audit --tz America/New_York data/excel-semicolon.csv data/excel-unicode.txt | sed -n '/^Input/,/^Rows/p'
"$ALMAUDIT" audit --format json data/excel-unicode.txt | grep -o '"inputs":\[[^]]*\]'
"$ALMAUDIT" rules check --rules data/excel-rules
echo "status: $?"
"$ALMAUDIT" runs --format csv --rules data/excel-rules data/small.csv | cmp - "$SCRATCH/comma.csv" && echo "the same runs with the Unicode-text rules"
