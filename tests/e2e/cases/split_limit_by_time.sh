# A unit's tables keep the first --limit findings of a kind by time, not
# by place in the file: here every unit's rows come latest first, so the
# findings its tables keep are its last rows. Each unit's text report of
# the split must show the same table rows (findings, waived, by person, by
# job, by month) as the report of that unit alone (audit --unit), with
# the strings of every run it keeps.
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
withdraw,Items,Batch item withdrawals,yes,100,^Withdraw items(?: - |$),
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
cat >rules/staff.csv <<'CSV'
name,unit,alma_ids,aliases
Julie Petzold,HKS,801,
Te-Yi Lee,GUT,802,
Honor Moody,GUT,803,
CSV
cat >rules/approvals.csv <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change,Honor Moody,,,,,
CSV
cat >rules/waivers.csv <<'CSV'
finding,job,staff,run_id,sets,from,until,ticket,reason
unapproved,change,Te-Yi Lee,,^keep$,,2026-12-31,LTS-1,accepted
CSV
# 30 rows, the latest first: run 1000 + i on 2026-10-(30 - i), by person
# i % 3, of job i % 3 (a withdrawal, a change, a job not in jobs.csv), a
# set of its own
awk 'BEGIN {
	print "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name"
	for (i = 0; i < 30; i++) {
		p = i % 3
		who = p == 0 ? "\"Petzold, Julie\"" : p == 1 ? "\"Lee, Te-Yi\"" : "\"Moody, Honor\""
		j = i % 3
		name = j == 0 ? "Withdraw items - batch " i : j == 1 ? "Change Physical Items - batch " i : "Odd job " i
		printf "%d,%s,MANUAL,%d,%s,2026-10-%02dT12:00:00Z,COMPLETED_SUCCESS,%d,%s\n",
			1000 + i, name, 801 + p, who, 30 - i, 10 * (i + 1), i % 2 ? "keep" : "set " i
	}
}' >runs.csv
"$ALMAUDIT" audit --rules rules --limit 2 --split unit -o out runs.csv
echo "split: $?"
# the rows of a report's tables: what follows a line of column headings
# (RUN ID, RUNS AUDITED, RUNS WITH FINDINGS) to the blank line
rows() {
	awk '/^$/ { on = 0 } on { print } /RUN ID|RUNS AUDITED|RUNS WITH FINDINGS/ { on = 1 }' "$1"
}
for u in GUT HKS; do
	"$ALMAUDIT" audit --rules rules --limit 2 --unit $u --format text -o alone-$u.txt runs.csv
	echo "alone $u: $?"
	rows out/$u.txt >split-$u.rows
	rows alone-$u.txt >alone-$u.rows
	if cmp -s split-$u.rows alone-$u.rows; then
		echo "== $u: the same rows"
	else
		echo "== $u: the rows differ"
		diff split-$u.rows alone-$u.rows
	fi
	cat split-$u.rows
done
