# runs --explain on runs decided by each row of the verdict table: approved,
# unlisted job, no approval, unknown person, revoked on the run's date, a set
# the approval does not cover, ran before sign-off, tried in the sandbox and
# never signed off, a damaging job on a large set (default and own
# threshold), approved through a chain of includes, system runs, a sandbox run.
"$ALMAUDIT" runs --explain --tz America/New_York --rules data/explain-rules \
	--sandbox data/explain-sandbox.csv data/explain-prod.csv
echo "status: $?"
