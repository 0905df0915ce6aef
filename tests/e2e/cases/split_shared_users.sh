# A shared folder (a sticky 1777 directory, as /tmp) where another user,
# nobody, plants files: root's reports never take a mode from a file root
# does not own (a planted -rwsrwsrwx file gave root's report that mode:
# nobody could then write into it), and from root's own files only the read
# and write bits; a DIR that belongs to nobody is refused (its owner could
# swap the reports before they are renamed into place); run as nobody, a
# file of root's at a unit's name, which nobody may not replace in a
# sticky directory, and an immutable one (chattr +i) are found before any
# file is put in place. Needs root (setpriv acts as nobody): skipped
# otherwise.
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	echo "needs root and setpriv, to act as a second user (nobody)" >&2
	exit 77
fi
umask 022
chmod 0755 "$SCRATCH"
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
chmod 0755 .
if ! touch imm && chattr +i imm 2>/dev/null; then
	echo "needs a file system where chattr +i works" >&2
	exit 77
fi
chattr -i imm
rm imm
mkdir rules
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
bad row
CSV
A() { timeout 20 "$ALMAUDIT" audit --rules rules "$@"; }
N() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
modes() { for f in "$@"; do echo "$(stat -c '%A %U' "$f") $f"; done; }
mkdir shared
chmod 1777 shared

echo "== nobody's -rwsrwsrwx files at the names root writes"
mkdir shared/out
chmod 1777 shared/out
N sh -c 'umask 0; for f in shared/out/ITS.txt shared/report.txt shared/rej.csv; do
	echo planted >$f; chmod 6777 $f; done'
modes shared/out/ITS.txt
A --split unit -o shared/out jobs.csv >/dev/null
echo "status: $?"
A -o shared/report.txt --rejects shared/rej.csv jobs.csv
echo "status: $?"
modes shared/out/ITS.txt shared/out/GUT.txt shared/report.txt shared/rej.csv
for f in shared/out/ITS.txt shared/report.txt shared/rej.csv; do
	N sh -c "echo x >>$f" 2>/dev/null && echo "nobody wrote into $f" ||
		echo "nobody cannot write $f"
done

echo "== root's own files: their read and write bits, nothing more"
echo old >shared/mine.txt
chmod 0640 shared/mine.txt
echo old >shared/suid.txt
chmod 4755 shared/suid.txt
A -o shared/mine.txt jobs.csv
A -o shared/suid.txt jobs.csv
modes shared/mine.txt shared/suid.txt

echo "== a DIR that belongs to nobody"
N mkdir shared/theirs
A --split unit -o shared/theirs jobs.csv
echo "status: $?"
ls -A shared/theirs

echo "== run as nobody: root's file at a unit's name in a sticky DIR"
mkdir shared/pub
chmod 1777 shared/pub
echo "root's" >shared/pub/GUT.txt
N "$ALMAUDIT" audit --rules rules --split unit -o shared/pub jobs.csv
echo "status: $?"
ls -A shared/pub
cat shared/pub/GUT.txt

echo "== an immutable file at a unit's name"
mkdir out
echo old >out/ITS.txt
chattr +i out/ITS.txt
A --split unit -o out jobs.csv
echo "status: $?"
chattr -i out/ITS.txt
ls -A out
