# An export saved by Excel on Windows (Windows-1252, not UTF-8): its bytes
# that are no UTF-8 are read as Windows-1252, never as '?', so that
# "Domínguez, Laura" is the approved Laura Domínguez of staff.csv; the
# input line (and json's encoding) says Windows-1252. A staff.csv saved so
# is read the same way, with a warning naming it. Its 0x96 is an en dash,
# which Excel puts for a typed hyphen: "Change Physical Items – fix" is
# the job change.
"$ALMAUDIT" audit --rules data/quirks-rules data/cp1252.csv
echo "status: $?"
"$ALMAUDIT" audit --format json --rules data/quirks-rules data/cp1252.csv | grep -o '"encoding":"[^"]*"'
"$ALMAUDIT" runs --rules data/quirks-rules data/cp1252.csv
mkdir "$SCRATCH/rules"
cp data/quirks-rules/jobs.csv "$SCRATCH/rules/"
for f in staff approvals; do
	iconv -f UTF-8 -t CP1252 data/quirks-rules/$f.csv >"$SCRATCH/rules/$f.csv"
done
"$ALMAUDIT" audit --summary --rules "$SCRATCH/rules" data/cp1252.csv >"$SCRATCH/summary.txt" 2>&1
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/summary.txt"
