# A shared report folder is hostile ground: the split, -o FILE and
# --rejects FILE never write through a symbolic link (one planted before
# the run, or while it reads: the link is replaced, the file it names left
# as it was), never open a FIFO or other file that is not regular (said, and
# an error, never a hang), and write only into DIR itself (not through a
# link named DIR). A killed split leaves no temporary file in a DIR it did
# not make, and leaves that DIR.
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules victim
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
cat >rules/staff.csv <<'CSV'
name,unit,alma_ids,aliases
Julie Petzold,GUT,801,
Honor Moody,ITS,803,
CSV
cat >rules/approvals.csv <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change,Honor Moody,,,,,
CSV
cat >jobs.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name
101,Change Physical Items,MANUAL,801,"Petzold, Julie",2026-10-02T14:00:00Z,COMPLETED_SUCCESS,20,a
103,Change Physical Items,MANUAL,803,"Moody, Honor",2026-10-04T14:00:00Z,COMPLETED_SUCCESS,30,b
CSV
printf 'secret=1\n' >victim/important.conf
printf 'secret=2\n' >victim/other.conf
chmod 600 victim/important.conf
chmod 644 victim/other.conf
# (a hang would show as status 124)
A() { timeout 20 "$ALMAUDIT" audit --rules rules "$@"; }
intact() {
	[ "$(cat victim/important.conf victim/other.conf)" = "secret=1
secret=2" ] && echo "victims intact" || echo "VICTIM OVERWRITTEN"
	ls -l victim | awk 'NR > 1 { print $1, $NF }'
}

echo "== a link planted in DIR before the run"
mkdir out
ln -s ../victim/important.conf out/ITS.txt
A --split unit -o out jobs.csv >list
echo "status: $?"
cat list
intact
[ -L out/ITS.txt ] && echo "out/ITS.txt is still a link" || head -1 out/ITS.txt
ls -A out

echo "== a link planted in DIR while the split reads"
rm -rf out
mkfifo in.csv
timeout 20 "$ALMAUDIT" audit --rules rules --split unit -o out in.csv >list 2>err &
pid=$!
exec 3>in.csv
head -2 jobs.csv >&3
i=0
while [ ! -d out ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
ln -s ../victim/important.conf out/ITS.txt
ln -s ../victim/important.conf out/GUT.txt
tail -1 jobs.csv >&3
exec 3>&-
wait $pid
echo "status: $?"
cat list err
intact
ls -A out
rm in.csv

echo "== a FIFO named like a unit's file: never opened, an error"
rm -rf out
mkdir out
mkfifo out/GUT.txt
A --split unit -o out jobs.csv
echo "status: $?"
ls -A out
rm out/GUT.txt

echo "== a link named DIR"
ln -s victim linked
A --split unit -o linked jobs.csv
echo "status: $?"
A --split unit -o linked/ jobs.csv
echo "status: $?"
ls -A victim

echo "== -o and --rejects through a link planted before the run"
ln -s victim/important.conf report.txt
ln -s victim/other.conf rejects.csv
A -o report.txt --rejects rejects.csv jobs.csv
echo "status: $?"
intact
[ -L report.txt ] || head -1 report.txt
[ -L rejects.csv ] || head -1 rejects.csv
rm report.txt rejects.csv

echo "== -o through a link planted while the audit reads"
mkfifo in.csv
timeout 20 "$ALMAUDIT" audit --rules rules -o report.txt in.csv 2>err &
pid=$!
exec 3>in.csv
head -2 jobs.csv >&3
i=0
while [ -z "$(ls -A | grep almaudit-)" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
ln -s victim/important.conf report.txt
tail -1 jobs.csv >&3
exec 3>&-
wait $pid
echo "status: $?"
cat err
intact
[ -L report.txt ] && echo "report.txt is still a link" || head -1 report.txt
rm in.csv report.txt

echo "== -o naming a FIFO, or a link to a device"
mkfifo fifo
A -o fifo jobs.csv
echo "status: $?"
A --rejects fifo jobs.csv >/dev/null
echo "status: $?"
ln -s /dev/null null
A -o null jobs.csv
echo "status: $?"
A -o /dev/null --rejects /dev/null jobs.csv
echo "status: $?"

echo "== killed while reading, in a DIR it did not make"
rm -rf out
mkdir out
mkfifo in.csv
"$ALMAUDIT" audit --rules rules --split unit -o out in.csv >/dev/null &
pid=$!
exec 3<>in.csv
head -2 jobs.csv >&3
i=0
while [ -z "$(ls -A out)" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM $pid
{ wait $pid; } 2>/dev/null
echo "killed: status $?"
exec 3>&-
ls -A out
echo "end of out/"
ls -A
