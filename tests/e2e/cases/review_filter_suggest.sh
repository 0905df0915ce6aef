# review's --user and --job that match nothing in the rules are errors with
# the nearest known value, as audit and runs suggest it: a person by their
# whole name or one of its words (a surname: 'Lovelase' is Ada Lovelace),
# a job by its id or its title.
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
withdraw,Items,Batch item withdrawals,yes,,^Withdraw items(?: - |$),
CSV
cat >rules/staff.csv <<'CSV'
name,unit,alma_ids,aliases
Ada Lovelace,ITS,801,
Laura Hartnett,GUT,802,
CSV
cat >rules/approvals.csv <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
withdraw,Ada Lovelace,2026-01-01,,,,
CSV
cat >in.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name
101,Withdraw items,MANUAL,801,"Lovelace, Ada",2026-10-02T14:00:00Z,COMPLETED_SUCCESS,20,a
CSV
for cmd in review audit runs; do
	for arg in "--user Lovelase" "--user Hartnet" "--job withdrawl" "--job 'Batch item withdrawls'"; do
		eval "\"\$ALMAUDIT\" $cmd --rules rules $arg in.csv" >/dev/null
		echo "$cmd $arg: $?"
	done
done
