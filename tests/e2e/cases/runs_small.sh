# runs lists every run: system, sandbox (by the environment column) and
# API runs too; text in the --tz zone, csv in UTC.
"$ALMAUDIT" runs --tz America/New_York data/small.csv
"$ALMAUDIT" runs --format csv data/small.csv
