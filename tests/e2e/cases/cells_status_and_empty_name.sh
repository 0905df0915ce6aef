# An unknown status ("Cancelled by user", kept as CANCELLED_BY_USER) is
# named as a cell, as an unknown type is (with the status nearest a typo);
# an empty (or blank) job name is said as such in the unlisted-job detail
# and the JOB cell, not a blank "no pattern matches the job name". Text and
# json.
S="--tz America/New_York --period 2026-10-14"
"$ALMAUDIT" audit $S data/cells-status-name.csv
echo "status: $?"
"$ALMAUDIT" audit $S --format json data/cells-status-name.csv | grep -o '"cells":{[^}]*}'
"$ALMAUDIT" audit $S --format csv data/cells-status-name.csv | grep unlisted-job
