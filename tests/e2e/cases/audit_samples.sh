# The README's main command: the bundled October sample, production and
# sandbox, judged against the shipped rules.
"$ALMAUDIT" audit --tz America/New_York --period 2026-10 --sandbox ../../samples/sandbox-2026-10.csv.gz \
	../../samples/jobs-2026-10.csv.gz ../../samples/jobs-2026-10-ui.csv.gz
