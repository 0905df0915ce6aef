# Slash dates are month first unless the file proves them day first (a
# first number over 12): an export whose first dates read both ways
# (05/10/2026) and whose later one is 25/10/2026 is read day first, its
# rows held until that date decided it (5 October, not 10 May), and the
# input line says which reading and which line proved it. A date against
# the reading is an error at its line: its row rejected, the report's top
# says the file's dates cannot be read with certainty, exit 2.
tz="--tz America/New_York"
"$ALMAUDIT" runs $tz data/dayfirst.csv
echo "status: $?"
"$ALMAUDIT" audit $tz --period 2026-10 data/dayfirst.csv | head -3
"$ALMAUDIT" audit $tz --format json data/dayfirst.csv | grep -o '"dates":"[^"]*","dates_line":[0-9]*'
"$ALMAUDIT" audit $tz data/dates-conflict.csv
echo "status: $?"
"$ALMAUDIT" audit $tz --summary data/dates-conflict.csv 2>/dev/null | head -3
echo "== month first: the UI's own export"
"$ALMAUDIT" audit $tz --summary ../../samples/jobs-2026-10-ui.csv.gz 2>/dev/null | head -1
"$ALMAUDIT" audit $tz ../../samples/jobs-2026-10-ui.csv.gz 2>/dev/null | sed -n 2p
