# A production run after a sandbox test, by someone whose approval did not
# hold for it, is no-signoff, and its detail names what limited the
# approval (spec 3.4) rather than saying the person was never signed off:
# approved only for other sets, revoked (with a date, or undated); someone
# with no approval for the job is still "never signed off". The shipped
# rules (sets, undated revocation), then a small matrix (a dated
# revocation, sets).
S="--tz America/New_York --period 2026-10-14"
"$ALMAUDIT" audit $S --sandbox data/signoff-limits-sandbox.csv data/signoff-limits-prod.csv
echo "status: $?"
"$ALMAUDIT" audit $S --rules data/explain-rules --sandbox data/signoff-limits-sandbox.csv \
	data/signoff-limits-prod.csv | grep -e 'tested in sandbox'
