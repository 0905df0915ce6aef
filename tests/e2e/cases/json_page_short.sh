# One page of a longer history (one curl, Alma's default limit of 10: the
# page says 248 runs, gives 10), then a whole page of 2: not an all-clear.
# INCOMPLETE at the page's line with the counts, in every format, exit 2
# (spec 1.1). Also the repro of the hostile review.
mkdir "$SCRATCH/rr"
cp ../../rules/jobs.csv "$SCRATCH/rr/"
printf 'name,unit,alma_ids,aliases\nBen Fischer,ITS,bfischer,\n' >"$SCRATCH/rr/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Ben Fischer,,,,,\n' \
	>"$SCRATCH/rr/approvals.csv"
S="--rules $SCRATCH/rr --tz UTC --period 2026-10"
cp data/api-page-short.json "$SCRATCH/pages.json"
cd "$SCRATCH" || exit 2
echo "--- text"
"$ALMAUDIT" audit $S pages.json 2>&1 | sed "s|$SCRATCH|SCRATCH|g"
echo "--- summary"
"$ALMAUDIT" audit $S --summary pages.json 2>/dev/null >summary
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" summary
echo "--- json"
"$ALMAUDIT" audit $S --format json pages.json 2>/dev/null |
	grep -o '"complete":[a-z]*\|"error":{[^}]*}'
echo "--- html"
"$ALMAUDIT" audit $S --format html pages.json 2>/dev/null | grep -o 'INCOMPLETE[^<]*\|pages.json:1[^<]*\|the page of[^<]*'
echo "--- email subject"
"$ALMAUDIT" audit $S --format email --to a@example.org pages.json 2>/dev/null | grep '^Subject'
echo "--- the whole history (the second page alone): clean"
sed -n 2p pages.json >whole.json
"$ALMAUDIT" audit $S --summary whole.json
echo "status: $?"
"$ALMAUDIT" audit $S pages.json >/dev/null 2>&1
