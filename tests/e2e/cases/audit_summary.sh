# --summary: a few lines for a chat message or a short mail; and the email
# options refused where they do not apply.
"$ALMAUDIT" audit --summary --tz America/New_York --period 2026-10 \
	--sandbox ../../samples/sandbox-2026-10.csv.gz ../../samples/jobs-2026-10.csv.gz \
	../../samples/jobs-2026-10-ui.csv.gz
echo "status: $?"
"$ALMAUDIT" audit --summary data/explain-prod.csv --rules data/explain-rules --finding no-signoff --job change
echo "status: $?"
"$ALMAUDIT" audit --summary --format csv data/small.csv
echo "status: $?"
"$ALMAUDIT" audit --format email data/small.csv
echo "status: $?"
"$ALMAUDIT" audit --to lts@example.edu data/small.csv
echo "status: $?"
"$ALMAUDIT" runs --format html data/small.csv
echo "status: $?"
