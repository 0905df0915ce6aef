# The years a date is read in (1900 to 9999) bound the periods the tool
# writes: a period relative to now that would reach past them (today in
# Pacific/Kiritimati when it is 9999-12-31T23:59:59Z in UTC is
# 10000-01-01) is an error that says so, never a report whose period
# --baseline then refuses; the last day that can be read back is written
# and read back.
S=$(pwd)/../../samples
export ALMAUDIT_RULES="$(pwd)/../../rules"
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
ln -s "$S/jobs-2026-10.csv.gz" in.csv.gz
in=in.csv.gz
export ALMAUDIT_NOW=9999-12-31T23:59:59Z
for p in today this-week this-month last-month; do
	"$ALMAUDIT" audit --tz Pacific/Kiritimati --period $p --format json -o y-$p.json $in
	echo "$p: $?"
done
"$ALMAUDIT" review --tz Pacific/Kiritimati --period this-year $in >/dev/null
echo "review: $?"
ls  # written: last-month only
# in UTC it is still 9999: written, and read back
"$ALMAUDIT" audit --tz UTC --period today --format json -o y.json $in 2>/dev/null
echo "written: $?"
grep -o '"period":{[^}]*}' y.json
"$ALMAUDIT" audit --tz UTC --period today --baseline y.json $in 2>&1 >/dev/null |
	grep -v 'falls in the period'
echo "read back: the baseline was read"
export ALMAUDIT_NOW=1900-01-01T00:00:00Z
"$ALMAUDIT" audit --tz America/New_York --period today $in
echo "1899: $?"
"$ALMAUDIT" audit --tz UTC --period last-year $in
echo "last-year: $?"
