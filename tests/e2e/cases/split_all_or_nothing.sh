# The split's files go in place together, or none of them, and what cannot
# be undone is said: a directory planted at all.txt while the split reads
# (found before any file is renamed: none is); a rename that fails midway,
# which nothing could foresee (a fault loaded into the binary: the files
# put in place before it are listed and said, the others removed); SIGTERM
# while the files are being renamed (held until all are in place); a FIFO
# at a unit's name (said before the audit reads: the input is never
# opened); a link to a directory or to /dev/null at a unit's name (replaced,
# as a link to a file is); the listing cut by a closed pipe (every file,
# --rejects too, in place before it); a temporary file swapped in DIR while
# the split reads (not put in place); a file the run reads (the rules
# directory as -o DIR is refused before the split, as the rules directory,
# --baseline, --config) at a file's name of the split; unit codes that
# Windows reserves for devices.
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
cat >rules/staff.csv <<'CSV'
name,unit,alma_ids,aliases
Julie Petzold,GUT,801,
Te-Yi Lee,HKS,802,
Honor Moody,ITS,803,
CSV
cat >rules/approvals.csv <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change,Honor Moody,,,,,
CSV
cat >jobs.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name
101,Change Physical Items,MANUAL,801,"Petzold, Julie",2026-10-02T14:00:00Z,COMPLETED_SUCCESS,20,a
102,Change Physical Items,MANUAL,802,"Lee, Te-Yi",2026-10-03T14:00:00Z,COMPLETED_SUCCESS,30,b
103,Change Physical Items,MANUAL,803,"Moody, Honor",2026-10-04T14:00:00Z,COMPLETED_SUCCESS,30,b
CSV
A() { timeout 20 "$ALMAUDIT" audit --rules rules "$@"; }
# last month's reports, to tell old from new
old() {
	rm -rf out
	mkdir out
	for f in GUT HKS ITS all; do echo "old $f" >out/$f.txt; done
}
show() {
	for f in out/*; do
		if [ -d "$f" ]; then echo "$f: a directory"
		elif [ -L "$f" ]; then echo "$f: a link"
		else echo "$f: $(head -1 "$f" | cut -c1-40)"; fi
	done
}
fault=$(dirname "$ALMAUDIT")/almaudit_fault.so

echo "== a directory planted at all.txt while the split reads"
old
mkfifo in.csv
A --split unit -o out in.csv >list 2>err &
pid=$!
exec 3>in.csv
head -2 jobs.csv >&3
i=0
while [ -z "$(ls -A out | grep all.txt.almaudit-)" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
rm out/all.txt
mkdir out/all.txt
tail -2 jobs.csv >&3
exec 3>&-
wait $pid
echo "status: $?"
cat list err
show
rm in.csv

echo "== a rename that fails midway (HKS.txt)"
old
LD_PRELOAD=$fault ASAN_OPTIONS=verify_asan_link_order=0 FAULT_RENAME_FAIL=HKS.txt \
	A --split unit -o out --rejects rej.csv jobs.csv
echo "status: $?"
show
ls rej.csv 2>/dev/null || echo "no rej.csv"

echo "== SIGTERM while the files are put in place"
old
rm -f mark
LD_PRELOAD=$fault ASAN_OPTIONS=verify_asan_link_order=0 FAULT_RENAME_SLOW=GUT.txt \
	FAULT_RENAME_MARK=mark "$ALMAUDIT" audit --rules rules --split unit -o out \
	--rejects rej.csv jobs.csv >list &
pid=$!
i=0
while [ ! -f mark ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM $pid
{ wait $pid; } 2>/dev/null
echo "killed: status $?"
show
ls rej.csv 2>/dev/null || echo "no rej.csv"
rm -f rej.csv

echo "== a FIFO at a unit's name: said before the input is opened"
old
rm out/ITS.txt
mkfifo out/ITS.txt never.csv
A --split unit -o out never.csv
echo "status: $?"
rm out/ITS.txt never.csv

echo "== links to a directory and to /dev/null at units' names: replaced"
old
mkdir elsewhere
rm out/GUT.txt out/HKS.txt
ln -s ../elsewhere out/GUT.txt
ln -s /dev/null out/HKS.txt
A --split unit -o out jobs.csv
echo "status: $?"
show
echo "elsewhere: $(ls -A elsewhere | wc -l) files"
echo "== the listing cut by a closed pipe: every file in place before it"
awk 'BEGIN {
	print "name,unit,alma_ids,aliases" > "rules2-staff.csv"
	print "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records" > "many.csv"
	for (i = 0; i < 2000; i++) {
		printf "\"Person%d, Given\",U%04d,9%06d,\n", i, i, i >> "rules2-staff.csv"
		printf "%d,Change Physical Items,MANUAL,9%06d,x,2026-10-%02dT14:00:00Z,COMPLETED_SUCCESS,20\n",
			1000 + i, i, 1 + i % 28 >> "many.csv"
	}
	print "bad row" >> "many.csv"
}'
mkdir rules2
cp rules/jobs.csv rules2/
echo "job,staff,signed_off,revoked,sets,ticket,note" >rules2/approvals.csv
mv rules2-staff.csv rules2/staff.csv
"$ALMAUDIT" audit --rules rules2 --split unit -o many --rejects many-rej.csv many.csv | true
echo "$(ls many | wc -l) files; rejects: $(wc -l <many-rej.csv) lines"

echo "== a temporary file swapped in DIR while the split reads"
old
mkfifo in.csv
A --split unit -o out in.csv >list 2>err &
pid=$!
exec 3>in.csv
head -2 jobs.csv >&3
i=0
while [ -z "$(ls -A out | grep all.txt.almaudit-)" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
tmp=$(ls out | grep all.txt.almaudit-)
echo "not almaudit's" >swap
mv swap "out/$tmp"
tail -2 jobs.csv >&3
exec 3>&-
wait $pid
echo "status: $?"
cat list
sed "s/$tmp/TMP/" err
show
rm in.csv

echo "== files the run reads at a file's name of the split"
cp rules/staff.csv staff.bak
printf 'unit,name,email\nstaff,Staff,\n' >rules/units.csv
sed -i 's/^Julie Petzold,GUT,/Julie Petzold,staff,/' rules/staff.csv
cp rules/staff.csv staff.now
A --split unit --format csv -o rules jobs.csv >/dev/null
echo "status: $?"
cmp -s rules/staff.csv staff.now && echo "staff.csv intact"
rm rules/units.csv
cp staff.bak rules/staff.csv
A --format json -o last.json jobs.csv
mkdir -p month
cp last.json month/ITS.json
A --split unit --format json --baseline month/ITS.json -o month jobs.csv >/dev/null
echo "status: $?"
printf -- '--tz UTC\n' >month/GUT.json
A --config month/GUT.json --split unit --format json -o month jobs.csv >/dev/null
echo "status: $?"
ls month

echo "== codes Windows reserves for a device"
sed -i 's/^Julie Petzold,GUT,/Julie Petzold,CON,/; s/^Te-Yi Lee,HKS,/Te-Yi Lee,com1.x,/' rules/staff.csv
rm -rf out
A --split unit -o out jobs.csv
echo "status: $?"
ls out
