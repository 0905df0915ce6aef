# A bad cell does not remove a run (spec section 1.2): a record count
# grouped as a spreadsheet writes it (2.400, 2'400, "1 200") is read; one
# that is not a count ("lots") leaves the run judged with no count
# (unknown-size, the cell quoted); a type label not known ("Batch") is
# judged as a staff run, never skipped as a system run; a bad progress,
# status or end time leaves the run judged. Each such cell is named at
# file:line, with counts per column; rejected rows (no id, the run's time
# unreadable, a wrong field count) are named at file:line too, in audit and
# in runs.
tz="--tz America/New_York"
"$ALMAUDIT" audit $tz data/cells.csv
echo "status: $?"
"$ALMAUDIT" audit $tz --summary data/cells.csv
"$ALMAUDIT" audit $tz --format json data/cells.csv | grep '^"cells"\|^"rejected_rows"'
"$ALMAUDIT" runs $tz data/cells.csv
echo "status: $?"
"$ALMAUDIT" runs $tz --explain --id 8300000000053941 --id 8300000000043941 data/cells.csv | grep 'type\|threshold\|finding'
