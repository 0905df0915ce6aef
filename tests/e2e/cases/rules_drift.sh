# rules drift PAGE: the matrix page's text against the rules. The shipped
# page (rules/page.txt) and the shipped rules agree: no drift, exit 0 (the
# last row, cut short on the page, said in a note).
"$ALMAUDIT" rules drift ../../rules/page.txt
echo "shipped: $?"
# One person added under a job (Tom Ma under Batch item withdrawals) and
# one removed (Te-Yi Lee from it): exactly those two, at their page lines,
# exit 1.
sed -e '/^(warning) Batch item withdrawals/,/^Work orders/{/Te-Yi Lee/d;}' \
	-e '/Marek Kornilowicz/a\  • Tom Ma (ITS)' ../../rules/page.txt >"$SCRATCH/edited.txt"
"$ALMAUDIT" rules drift "$SCRATCH/edited.txt" >"$SCRATCH/drift.txt"
status=$?
sed "s#$SCRATCH/##" "$SCRATCH/drift.txt"
echo "edited: $status"
# A new job title on the page (with its list): the title has no job.
sed -e '/^Unlink bib headings/i\Batch relink bibs\n  • Honor Moody (ITS)' \
	../../rules/page.txt >"$SCRATCH/new-title.txt"
"$ALMAUDIT" rules drift "$SCRATCH/new-title.txt" >"$SCRATCH/drift.txt"
status=$?
sed "s#$SCRATCH/##" "$SCRATCH/drift.txt"
echo "new title: $status"
# The rules written with '/' between units (as units.csv has them) compare
# as the same units as the page's commas.
cp -r ../../rules "$SCRATCH/r"
sed -i -e 's#"Access Services, MED GUT KSG SEC"#Access Services/MED/GUT/KSG/SEC#' \
	-e 's#"Access Services, FAL"#Access Services/FAL#' "$SCRATCH/r/staff.csv"
grep -c 'Access Services/' "$SCRATCH/r/staff.csv"
"$ALMAUDIT" rules drift ../../rules/page.txt --rules "$SCRATCH/r" >"$SCRATCH/drift.txt"
status=$?
sed "s#$SCRATCH/##" "$SCRATCH/drift.txt"
echo "units with slashes: $status"
# Not a page, no page, a directory: errors, exit 2.
"$ALMAUDIT" rules drift ../../rules/jobs.csv
echo "not a page: $?"
"$ALMAUDIT" rules drift data/no-such-page.txt
echo "no page: $?"
"$ALMAUDIT" rules drift data
echo "a directory: $?"
"$ALMAUDIT" rules drift
echo "no argument: $?"
