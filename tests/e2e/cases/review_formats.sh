# review in csv and json: one row (object) per approval shown, and one per
# person with no approval in force; the summary counts each kind.
S=../../samples
R="--tz America/New_York --period 2026-10 --sandbox $S/sandbox-2025-11-to-2026-10.csv.gz"
"$ALMAUDIT" review $R --format csv --user Popkin --user Armitage --user Sutton \
	$S/jobs-2026-10.csv.gz
echo "status: $?"
"$ALMAUDIT" review $R --format json --unit DIG $S/jobs-2026-10.csv.gz
echo "status: $?"
# html: the matrix, its cells coloured by use, names escaped
"$ALMAUDIT" review $R --format html --unit GUT $S/jobs-2026-10.csv.gz | grep -E '<td class="(used|unused|untested|revoked|later)"' | head -5
"$ALMAUDIT" review $R --format html --user Armitage $S/jobs-2026-10.csv.gz | grep -c 'class="revoked"'
