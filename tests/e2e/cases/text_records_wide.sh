# A record count is never cut in the text reports ("1,000,0…" read as a
# number): the audit's RECORDS column is as wide as its largest count, in a
# file too; the run listing, written as it reads, pushes a line on past a
# count wider than its column, as it does for a long run id; the runs
# summary's counts are as wide as their total.
R=$SCRATCH/rr
mkdir "$R"
cp ../../rules/jobs.csv "$R/"
printf 'name,unit,alma_ids,aliases\nBen Fischer,ITS,bfischer,\n' >"$R/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nbatch-item-withdrawals,Ben Fischer,,,,,\n' >"$R/approvals.csv"
{
	echo "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name"
	echo '1,Withdraw items,MANUAL,bfischer,"Fischer, Ben",2026-10-01T01:00:00Z,COMPLETED_SUCCESS,1000000,big'
	echo '2,Withdraw items,MANUAL,bfischer,"Fischer, Ben",2026-10-01T02:00:00Z,COMPLETED_SUCCESS,123456789,bigger'
	echo '3,Withdraw items,MANUAL,bfischer,"Fischer, Ben",2026-10-01T03:00:00Z,COMPLETED_SUCCESS,5,small'
	echo '4,Withdraw items,MANUAL,bfischer,"Fischer, Ben",2026-10-01T04:00:00Z,COMPLETED_SUCCESS,999999999999,huge'
} >"$SCRATCH/big.csv"
set -- --rules "$R" --tz UTC "$SCRATCH/big.csv"
"$ALMAUDIT" audit "$@" | grep -A 4 '^RUN ID'
"$ALMAUDIT" runs "$@"
"$ALMAUDIT" runs --summary --top 1 "$@" | sed -n '/^PERSON/,$p'
