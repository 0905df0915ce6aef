# --limit past its cap is a usage error naming the cap (a huge value once
# made an allocation fail and the tables come out silently empty); an
# ALMAUDIT_NOW that does not parse is an error, not the clock.
"$ALMAUDIT" audit --limit 9223372036854775807 data/small.csv
echo "status: $?"
"$ALMAUDIT" audit --limit 100001 data/small.csv
echo "status: $?"
"$ALMAUDIT" audit --summary --limit 100000 data/small.csv
echo "status: $?"
ALMAUDIT_NOW=2026-13-45 "$ALMAUDIT" audit --period yesterday data/small.csv
echo "status: $?"
ALMAUDIT_NOW=yesterday "$ALMAUDIT" rules jobs
echo "status: $?"
ALMAUDIT_NOW=2026-10-16T12:00:00Z "$ALMAUDIT" audit --summary --period yesterday data/small.csv
echo "status: $?"
