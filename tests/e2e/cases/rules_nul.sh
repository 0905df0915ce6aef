# A NUL byte in a rules file: said at its line, the row left out (a rules
# error, exit 2), never read as a shorter text: a unit code "IT<NUL>S" in
# units.csv was refused for a ',' it does not hold, and a staff.csv unit
# cell "GU<NUL>T" was silently cut to "GU".
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir r
cat >r/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
printf 'name,unit,alma_ids,aliases\nJulie Petzold,GU\000T,801,\nHonor Moody,ITS,803,\n' >r/staff.csv
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange,Honor Moody,,,,,\n' >r/approvals.csv
"$ALMAUDIT" rules check --rules r
echo "staff.csv: $?"
printf 'name,unit,alma_ids,aliases\nJulie Petzold,GUT,801,\nHonor Moody,ITS,803,\n' >r/staff.csv
printf 'unit,name,email\nIT\000S,IT Services,\n' >r/units.csv
"$ALMAUDIT" rules check --rules r
echo "units.csv: $?"
printf 'unit,name,email\nITS,IT Services,its@example.edu\000x\n' >r/units.csv
"$ALMAUDIT" rules check --rules r
echo "an address: $?"
printf 'unit,name,email\n# a comment \000 is no row\nITS,IT Services,\n' >r/units.csv
"$ALMAUDIT" rules check --rules r
echo "a comment: $?"
