# runs --explain and the csv details on the verdict corrections: an approval
# for other sets signed off after the run (unapproved, not no-signoff; for
# its own set, no-signoff), a sandbox run half a second before the production
# run, quoted cells padded with white space, names in decomposed or
# precomposed accents and letters with no decomposition, an unknown person's
# findings of every kind, a scheduled run known only by its S job id, an
# approval revoked "undated".
"$ALMAUDIT" runs --explain --tz America/New_York --rules data/explain-verdicts-rules \
	--sandbox data/explain-verdicts-sandbox.csv data/explain-verdicts-prod.csv
echo "status: $?"
"$ALMAUDIT" runs --format csv --tz America/New_York --rules data/explain-verdicts-rules \
	--sandbox data/explain-verdicts-sandbox.csv data/explain-verdicts-prod.csv
echo "status: $?"
