# The findings of the October sample as one json document.
"$ALMAUDIT" audit --format json --tz America/New_York --period 2026-10 \
	--sandbox ../../samples/sandbox-2026-10.csv.gz ../../samples/jobs-2026-10.csv.gz \
	../../samples/jobs-2026-10-ui.csv.gz
