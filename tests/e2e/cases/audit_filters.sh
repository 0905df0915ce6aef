# Filters narrow what the audit reports; relative periods count from
# $ALMAUDIT_NOW; the exit status follows what is shown.
S=../../samples
export ALMAUDIT_NOW=2026-11-28T12:00:00Z
"$ALMAUDIT" audit --tz America/New_York --period last-month --sandbox $S/sandbox-2026-10.csv.gz \
	--finding no-signoff --finding damaging-large-set --limit 3 $S/jobs-2026-10.csv.gz
echo "status: $?"
"$ALMAUDIT" audit --format csv --tz America/New_York --since 2026-10-14 --until 2026-10-14 \
	--job batch-item-withdrawals --min-records 1000 $S/jobs-2026-10.csv.gz
echo "status: $?"
"$ALMAUDIT" audit --format csv --tz America/New_York --user "Samuels, Vardit" --unit JUD \
	--grep 'FY27' --status "Completed Successfully" $S/jobs-2026-10.csv.gz
echo "status: $?"
"$ALMAUDIT" audit --format csv --tz America/New_York --job '^Delete Users' --user 'Nobody' \
	$S/jobs-2026-10.csv.gz
echo "status: $?"
"$ALMAUDIT" audit --tz America/New_York --period this-week $S/jobs-2026-10.csv.gz
echo "status: $?"
"$ALMAUDIT" audit --period lastmonth $S/jobs-2026-10.csv.gz
echo "status: $?"
