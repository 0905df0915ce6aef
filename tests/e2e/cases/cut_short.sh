# A plain export cut mid-field (...,40112 cut to ...,40, no final line end):
# the row is read, and a warning says the file may be cut short, on stderr
# and in every report; by itself it does not change the exit status.
"$ALMAUDIT" audit --tz America/New_York data/cut-short.csv
echo "status: $?"
"$ALMAUDIT" audit --summary --tz America/New_York data/cut-short.csv
"$ALMAUDIT" audit --format json --tz America/New_York data/cut-short.csv | grep '"summary"'
"$ALMAUDIT" audit --format html --tz America/New_York data/cut-short.csv | grep -o '<tr><th>Input.*</tr>'
