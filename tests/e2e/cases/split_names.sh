# The file names of the split: a unit code too long for a file name (236
# bytes and more failed the split; 252 lost the extension) gets a short,
# stable, distinct one (its first 48 bytes, '~' and a hash), said in the
# listing; the listing writes codes and names with their control
# characters (CR, LF, ESC) as spaces, as the reports do; two units that
# would share a file are an error at the row that names the second one
# (staff.csv's when it is not in units.csv).
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
long() { awk -v n="$1" -v c="$2" 'BEGIN { s = ""; while (length(s) < n) s = s c; printf "%s", substr(s, 1, n) }'; }
L236=$(long 236 A)
L252=$(long 252 B)
L300a="$(long 299 C)x"
L300b="$(long 299 C)y"
esc=$(printf '\033')
{
	echo "name,unit,alma_ids,aliases"
	echo "Julie Petzold,$L236,801,"
	echo "Te-Yi Lee,$L252,802,"
	echo "Honor Moody,$L300a,803,"
	echo "Amy Dittman,$L300b,804,"
	printf 'Rick Roe,"LAW%s[31mRED\r\nX",805,\n' "$esc"
	echo "Ann Ames,GUT,806,"
} >rules/staff.csv
printf 'unit,name,email\nGUT,"Gutman%s]0;owned%s\\\\ Library\r\nline two",\n' "$esc" "$esc" >rules/units.csv
cat >rules/approvals.csv <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change,Honor Moody,,,,,
CSV
{
	echo "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records"
	for i in 1 2 3 4 5 6; do
		echo "10$i,Change Physical Items,MANUAL,80$i,someone,2026-10-0${i}T14:00:00Z,COMPLETED_SUCCESS,20"
	done
} >jobs.csv
"$ALMAUDIT" audit --rules rules --split unit -o out jobs.csv >list
echo "status: $?"
cat -v list
ls out | sort
# the same names the next time
"$ALMAUDIT" audit --rules rules --split unit -o again jobs.csv >/dev/null
ls again | sort | cmp - "$(ls out | sort >names; echo names)" && echo "the same names again"
grep '^Unit' out/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA~*.txt | cut -c1-60

echo "== two units, one file"
mkdir r2
cp rules/jobs.csv rules/approvals.csv r2/
printf 'unit,name,email\nGUT,Gutman,\n' >r2/units.csv
cat >r2/staff.csv <<'CSV'
name,unit,alma_ids,aliases
Julie Petzold,GUT,801,
Te-Yi Lee,Bibliothèque,802,
Honor Moody,Bibliothéque,803,
CSV
"$ALMAUDIT" audit --rules r2 --split unit -o out2 jobs.csv
echo "status: $?"
ls out2 2>&1 | head -1
