# audit --split unit -o DIR: a report per unit that has runs plus the whole
# one, listed on standard output; a person in two units (HKS/GUT) is in
# both; a person not in staff.csv is in all.txt only, and each unit's report
# says so; a unit without runs gets no file. Then csv, and the email split:
# each unit's message to its units.csv address, else to --to.
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
withdraw,Items,Batch item withdrawals,yes,,^Withdraw items(?: - |$),
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
cat >rules/staff.csv <<'CSV'
name,unit,alma_ids,aliases
Julie Petzold,HKS/GUT,801,
Te-Yi Lee,GUT,802,
Honor Moody,ITS,803,
Amy Dittman,LAW,804,
CSV
cat >rules/approvals.csv <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change,Honor Moody,,,,,
withdraw,Te-Yi Lee,,,,,
CSV
cat >rules/units.csv <<'CSV'
unit,name,email
GUT,Gutman Library,gut-head@library.example.edu
HKS,Kennedy School Library,
ITS,Information and Technical Services,"its@library.example.edu, its-lead@library.example.edu"
LAW,Law Library,
CSV
cat >jobs.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name
101,Change Physical Items,MANUAL,801,"Petzold, Julie",2026-10-02T14:00:00Z,COMPLETED_SUCCESS,20,HKS fix
102,Withdraw items - cleanup,MANUAL,802,"Lee, Te-Yi",2026-10-03T14:00:00Z,COMPLETED_SUCCESS,40000,GUT withdrawn
103,Change Physical Items,MANUAL,803,"Moody, Honor",2026-10-04T14:00:00Z,COMPLETED_SUCCESS,30,ITS set
104,Withdraw items,MANUAL,999,"Doe, Jane",2026-10-05T14:00:00Z,COMPLETED_SUCCESS,5,stray
105,Withdraw items,MANUAL,803,"Moody, Honor",2026-10-06T14:00:00Z,COMPLETED_SUCCESS,10,ITS set
CSV
"$ALMAUDIT" audit --rules rules --split unit -o out jobs.csv
echo "status: $?"
ls out
echo "== out/GUT.txt"
cat out/GUT.txt
echo "== out/HKS.txt (findings)"
sed -n '/^Findings/,$p' out/HKS.txt
"$ALMAUDIT" audit --rules rules --format csv --split unit -o csv jobs.csv
echo "status: $?"
echo "== csv/GUT.csv"
cat csv/GUT.csv
"$ALMAUDIT" audit --rules rules --format json --split unit -o json jobs.csv >/dev/null
echo "== json/HKS.json unit"
grep -o '"unit":{[^}]*}' json/HKS.json
export ALMAUDIT_NOW=2026-11-01T11:00:00Z
"$ALMAUDIT" audit --rules rules --format email --to "LTS <lts@library.example.edu>" \
	--from "almaudit <almaudit@library.example.edu>" --split unit -o mail jobs.csv
echo "status: $?"
for f in mail/*.eml; do
	echo "== $f"
	grep -E '^(To|Subject|Date):' "$f"
done
echo "== errors"
"$ALMAUDIT" audit --rules rules --split unit jobs.csv
echo "status: $?"
"$ALMAUDIT" audit --rules rules --split person -o x jobs.csv
echo "status: $?"
"$ALMAUDIT" runs --rules rules --split unit -o x jobs.csv
echo "status: $?"
: >file
"$ALMAUDIT" audit --rules rules --split unit -o file jobs.csv
echo "status: $?"
