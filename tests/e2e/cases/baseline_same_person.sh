# A baseline finding and this month's are the same person's when they are:
# the same person of staff.csv now (the baseline's staff name found through
# this staff.csv's names and aliases), else the same Alma id, else the same
# name. A person renamed in staff.csv (the old name kept as an alias, or not
# kept but the same Alma id), removed from it, or added to it since is
# recurring, never "new" plus "resolved"; two people of one name with
# different Alma ids, neither in staff.csv, are two people.
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir jan
cat >jan/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
cat >jan/staff.csv <<'CSV'
name,unit,alma_ids,aliases
Ben Fischer,GUT,801,
Honor Moody,ITS,803,
CSV
cat >jan/approvals.csv <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change,Honor Moody,,,,,
CSV
runs() {
	echo "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name"
	echo "$1""01,Change Physical Items,MANUAL,801,\"Fischer, Ben\",$2T14:00:00Z,COMPLETED_SUCCESS,20,a"
	echo "$1""02,Change Physical Items,MANUAL,803,\"Moody, Honor\",$2T15:00:00Z,COMPLETED_SUCCESS,20,a"
	echo "$1""03,Change Physical Items,MANUAL,901,\"Smith, Jo\",$2T16:00:00Z,COMPLETED_SUCCESS,20,a"
}
runs 1 2026-01-05 >jan.csv
runs 2 2026-02-05 >feb.csv
sed 's/,901,/,902,/' feb.csv >feb-other-smith.csv
"$ALMAUDIT" audit --rules jan --since 2026-01-05 --until 2026-01-05 --format json -o jan.json \
	jan.csv
echo "baseline made: $?"
feb() {
	echo "== $1"
	"$ALMAUDIT" audit --rules "$2" --since 2026-02-05 --until 2026-02-05 --baseline jan.json \
		"$3" 2>/dev/null | grep -E '^Trend|^(new|recurring|unapproved) '
}
cp -r jan same
feb "the same rules" same feb.csv
cp -r jan renamed
sed -i 's/^Ben Fischer,GUT,801,$/Benjamin Fischer,GUT,801,Ben Fischer/' renamed/staff.csv
feb "renamed, the old name an alias" renamed feb.csv
cp -r jan renamed-id
sed -i 's/^Ben Fischer,GUT,801,$/Benjamin Fischer,GUT,801,/' renamed-id/staff.csv
feb "renamed, the same Alma id" renamed-id feb.csv
cp -r jan removed
sed -i '/^Ben Fischer,/d' removed/staff.csv
feb "removed from staff.csv" removed feb.csv
cp -r jan added
echo "Jo Smith,HKS,901," >>added/staff.csv
feb "Jo Smith added to staff.csv" added feb.csv
feb "another Jo Smith (another Alma id), not in staff.csv" same feb-other-smith.csv
