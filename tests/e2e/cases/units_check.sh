# units.csv is checked with the rules, every problem at its file and line
# (a code twice, case ignored; a code with ',', '/' or ';'; the reserved
# "all"; an email that is no address; a unit without a code), and the audit
# refuses to run on it. A unit staff.csv names that units.csv does not list
# is a warning of 'rules check' (a cell that separates units with ',' is told
# how to write it). The shipped rules have a units.csv for every unit.
here=$(pwd)
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
cat >rules/staff.csv <<'CSV'
name,unit,alma_ids,aliases
Julie Petzold,HKS/GUT,801,
Te-Yi Lee,GUT,802,
Brandon Lebel,"Access Services, MED",,
Honor Moody,ITS ; LAW,803,
CSV
cat >rules/approvals.csv <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change,Honor Moody,,,,,
CSV
cat >rules/units.csv <<'CSV'
unit,name,email
GUT,Gutman Library,gut@library.example.edu
HKS,Kennedy School Library,
ITS,Information and Technical Services,its@library.example.edu
CSV
"$ALMAUDIT" rules check --rules rules
echo "check: $?"
cat >>rules/units.csv <<'CSV'
gut,Gutman again,
"A, B",,
all,Everyone,
,No code,x@y.edu
LAW,Law Library,law at library
MED,Countway,"med@library.example.edu, nobody"
CSV
"$ALMAUDIT" rules check --rules rules
echo "check: $?"
printf 'id,name,submitted_by,start_time\n1,Change Physical Items,803,2026-10-01T10:00:00Z\n' >jobs.csv
"$ALMAUDIT" audit --rules rules jobs.csv
echo "audit: $?"
cd "$here" && "$ALMAUDIT" rules check --rules ../../rules
echo "shipped: $?"
