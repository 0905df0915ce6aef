# C1 controls (U+0080 to U+009F: U+009B is CSI, which a terminal acts on as
# ESC [ does) and the bidirectional overrides and isolates (U+202A to
# U+202E, U+2066 to U+2069, which reorder what a terminal shows after them)
# from staff.csv and units.csv reached the terminal raw in the split's
# listing and in the text reports; they are written as spaces, as C0 and
# DEL are. Counted in the listing, in each text report, and in the text
# audit on standard output; the csv keeps the bytes as they are (a file,
# not a terminal).
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
csi=$(printf '\302\233')
rlo=$(printf '\342\200\256')
fsi=$(printf '\342\201\250')
{
	echo "name,unit,alma_ids,aliases"
	echo "Julie Petzold,GUT${csi}31m,801,"
	echo "Te-Yi Lee${rlo}gnirts,ITS,802,"
} >rules/staff.csv
printf 'unit,name,email\nITS,"IT %sServices%s",\n' "$fsi" "$rlo" >rules/units.csv
echo "job,staff,signed_off,revoked,sets,ticket,note" >rules/approvals.csv
cat >jobs.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records
101,Change Physical Items,MANUAL,801,someone,2026-10-01T14:00:00Z,COMPLETED_SUCCESS,20
102,Change Physical Items,MANUAL,802,someone,2026-10-02T14:00:00Z,COMPLETED_SUCCESS,20
CSV
count() { # the C1 controls and bidirectional controls in a file
	python3 -c 'import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
print(sys.argv[1] + ":", len(re.findall("[\u0080-\u009f\u202a-\u202e\u2066-\u2069]", t)))' "$1"
}
"$ALMAUDIT" audit --rules rules --split unit -o out jobs.csv >list
echo "status: $?"
count list
cat list
for f in out/*.txt; do count "$f"; done
"$ALMAUDIT" audit --rules rules jobs.csv >audit.txt
count audit.txt
grep -a 'GUT' audit.txt | head -3
"$ALMAUDIT" audit --rules rules --format csv jobs.csv >audit.csv
count audit.csv
