# The October example of almaudit-audit(1), WAIVERS, with the sample waivers:
# the API integration, Laura Hartnett's Export Physical Items and the planned
# 40,112 withdrawals are waived (listed apart with file:line, ticket and
# reason), one waiver has expired and two covered nothing in October.
export ALMAUDIT_NOW=2026-11-01T13:00:00Z
"$ALMAUDIT" audit --waivers ../../samples/waivers-2026-10.csv --tz America/New_York --period 2026-10 \
	--sandbox ../../samples/sandbox-2026-10.csv.gz ../../samples/jobs-2026-10.csv.gz \
	../../samples/jobs-2026-10-ui.csv.gz
