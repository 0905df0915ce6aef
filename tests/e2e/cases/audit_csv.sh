# The findings of the October sample as csv, one row per finding.
"$ALMAUDIT" audit --format csv --tz America/New_York --period 2026-10 \
	--sandbox ../../samples/sandbox-2026-10.csv.gz ../../samples/jobs-2026-10.csv.gz \
	../../samples/jobs-2026-10-ui.csv.gz
