# review --format text: a table per unit, the units in order (case
# ignored), each spelled as the first person of it in staff.csv spells it,
# its people by name, a person in two units in both and once in one they
# name twice ("GUT/gut"), those with no unit last; made in one pass over the
# people (a sort), not one per unit.
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
cat >rules/staff.csv <<'CSV'
name,unit,alma_ids,aliases
Zed Young,gut,801,
Amy Brook,GUT/hks,802,
Carl Dunn,,803,
Bea Ames,Gut;gut,804,
Dan Cole,HKS ; law,805,
Eve Ash,,806,
Fay Bell,ITS,807,
CSV
cat >rules/approvals.csv <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change,Zed Young,2026-01-02,,,,
change,Amy Brook,,,,,
change,Carl Dunn,2026-01-02,,,,
change,Dan Cole,2026-01-02,,,,
change,Fay Bell,2026-01-02,,,,
CSV
cat >jobs.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records
101,Change Physical Items,MANUAL,801,"Young, Zed",2026-10-02T14:00:00Z,COMPLETED_SUCCESS,20
102,Change Physical Items,MANUAL,805,"Cole, Dan",2026-10-03T14:00:00Z,COMPLETED_SUCCESS,20
CSV
"$ALMAUDIT" review --rules rules --format text jobs.csv | sed -n '/^UNIT/,/^FINDINGS/p'
echo "status: $?"
"$ALMAUDIT" review --rules rules --format text --unit HKS jobs.csv | sed -n '/^UNIT/,/^FINDINGS/p'
