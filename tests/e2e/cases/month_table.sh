# A year at a glance: a period of two months or more adds a table per local
# month (runs audited, runs with findings, findings of each kind). The
# quarter holds a run at 03:00 UTC on December 1st, still November 30th in
# New York, and one on New Year's night UTC, still December 31st.
"$ALMAUDIT" audit --tz America/New_York --period 2026-Q4 data/quarter.csv
echo "status: $?"
"$ALMAUDIT" audit --format json --tz America/New_York --period 2026-Q4 data/quarter.csv
echo "status: $?"
# one month: no table
"$ALMAUDIT" audit --tz America/New_York --period 2026-11 data/quarter.csv | grep -c 'BY MONTH'
# no period: the months of the runs audited, September to December
"$ALMAUDIT" audit --tz America/New_York data/quarter.csv | grep -A6 'BY MONTH'
# an open end (--since alone) runs to the last month with runs
"$ALMAUDIT" audit --tz America/New_York --since 2026-11-15 data/quarter.csv | grep -A3 'BY MONTH'
# months of the period with no runs are rows of zeros, and said so
"$ALMAUDIT" audit --tz America/New_York --period 2026-Q4 ../../samples/jobs-2026-10.csv.gz | grep -A5 'BY MONTH'
# more than 12 months in a row without runs are one line, so the table's
# length follows the months with runs, not the span asked
"$ALMAUDIT" audit --tz America/New_York --since 2020-01-01 --until 2026-10-31 data/quarter.csv | grep -A4 'BY MONTH'
"$ALMAUDIT" audit --format json --tz America/New_York --since 2020-01-01 --until 2026-10-31 data/quarter.csv | grep '"until":"2026-08"'
