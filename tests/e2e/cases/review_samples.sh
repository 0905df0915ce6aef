# The yearly access review of the README and almaudit-review(1): October's
# production history and a year of sandbox history, judged against the shipped
# rules. Every finding kind is there: unused, untested, undated, no-approvals;
# and tested, revoked and "sandbox history does not reach the sign-off".
"$ALMAUDIT" review --tz America/New_York --period 2026-10 \
	--sandbox ../../samples/sandbox-2025-11-to-2026-10.csv.gz \
	../../samples/jobs-2026-10.csv.gz ../../samples/jobs-2026-10-ui.csv.gz
