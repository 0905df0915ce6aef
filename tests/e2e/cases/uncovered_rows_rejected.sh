# A period not covered because every row was rejected (dates in a form not
# read: dotted, ISO with AM, Excel serial numbers) is not blamed on the
# exports' span: the ERROR says how many rows were rejected, the first
# reason and its file:line, at the report's top, in json's errors and on
# standard error (exit 2). With some runs read outside the period, it says
# both. With no period, the same.
S="--tz America/New_York --period 2026-10-14"
for f in dates-dotted dates-iso-am; do
	"$ALMAUDIT" audit $S data/$f.csv >"$SCRATCH/report.txt"
	echo "status: $?"
	head -1 "$SCRATCH/report.txt"
done
"$ALMAUDIT" audit $S data/dates-dotted.csv data/dates-iso-am.csv >/dev/null
echo "status: $?"
"$ALMAUDIT" audit --tz America/New_York data/dates-dotted.csv >/dev/null
echo "status: $?"
"$ALMAUDIT" audit $S --summary data/dates-excel-serial.csv | head -1
"$ALMAUDIT" audit $S --format json data/dates-dotted.csv 2>/dev/null | grep -o '"errors":\[[^]]*\]' | head -1
