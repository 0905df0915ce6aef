# The README's main command: the bundled October sample, production and sandbox.
"$ALMAUDIT" audit --tz America/New_York --sandbox ../../samples/sandbox-2026-10.csv.gz \
	../../samples/jobs-2026-10.csv.gz ../../samples/jobs-2026-10-ui.csv.gz
