# Inputs that do not cover the question are an error said in the report,
# never an all-clear: an export of October audited for November (a stale
# export in a cron job), and an export that holds no run at all.
S=../../samples
"$ALMAUDIT" audit --tz America/New_York --period 2026-11 $S/jobs-2026-10.csv.gz
echo "status: $?"
"$ALMAUDIT" audit --summary --tz America/New_York --period 2026-11 $S/jobs-2026-10.csv.gz
echo "status: $?"
"$ALMAUDIT" audit --format email --to a@example.edu --from b@example.edu --tz America/New_York \
	--period 2026-11 $S/jobs-2026-10.csv.gz | grep '^Subject:'
"$ALMAUDIT" audit data/header-only.csv
echo "status: $?"
# a period the export does cover, partly: no error
"$ALMAUDIT" audit --summary --tz America/New_York --since 2026-10-31 --until 2026-11-02 \
	$S/jobs-2026-10.csv.gz
echo "status: $?"
