# runs --id shows one run in full, from every file it appears in; an id in
# no input is an error.
"$ALMAUDIT" runs --tz America/New_York --id 6100000323773941 ../../samples/jobs-2026-10.csv.gz \
	../../samples/jobs-2026-10-ui.csv.gz
echo "status: $?"
"$ALMAUDIT" runs --tz America/New_York --id 6100000324883941 --id 6100000130323941 \
	../../samples/jobs-2026-10.csv.gz ../../samples/jobs-2026-10-ui.csv.gz
echo "status: $?"
"$ALMAUDIT" runs --id 42 ../../samples/jobs-2026-10.csv.gz
echo "status: $?"
"$ALMAUDIT" runs --id x42 ../../samples/jobs-2026-10.csv.gz
echo "status: $?"
