# Alma's submitted_by_desc is the full name ("Fischer, Ben J.", "Okafor,
# Ngozi Adaeze"); staff.csv has it without the middle names ("Ben
# Fischer"). Matched without them, one person alone fitting: never "not in
# staff.csv", and a WARNING at the top of every format names each name so
# matched, the person and its runs. A warning: the exit status is the
# findings' (1: Ngozi Okafor has no approval), not 2.
mkdir "$SCRATCH/r"
cp ../../rules/jobs.csv "$SCRATCH/r/"
printf 'name,unit,alma_ids,aliases\nBen Fischer,ITS,,\nNgozi Okafor,HKS,,\nAnna van der Berg,GUT,,\n' \
	>"$SCRATCH/r/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Ben Fischer,,,,,\nchange-physical-items,Anna van der Berg,,,,,\n' \
	>"$SCRATCH/r/approvals.csv"
row() { # id user name day
	printf '%s,M1,Change Physical Items - s,Physical Items,MANUAL,%s,"%s",2026-10-%sT10:00:00.000Z,2026-10-%sT10:00:01.000Z,2026-10-%sT10:05:00.000Z,COMPLETED_SUCCESS,100,10,s,\n' \
		"$1" "$2" "$3" "$4" "$4" "$4"
}
{
	echo 'id,job_id,name,category,type,submitted_by,submitted_by_desc,submit_time,start_time,end_time,status,progress,total_records,set_name,environment'
	row 6100000000000001 u1 "Fischer, Ben J." 11
	row 6100000000000002 u1 "Fischer, Ben J." 12
	row 6100000000000003 u2 "Okafor, Ngozi Adaeze" 13
	row 6100000000000004 u3 "van der Berg, Anna M." 14
	row 6100000000000005 u4 "Fischer, Ben" 15
} >"$SCRATCH/in.csv"
au() {
	"$ALMAUDIT" audit --rules "$SCRATCH/r" --tz UTC "$@" "$SCRATCH/in.csv" >"$SCRATCH/o" 2>&1
	echo "status: $?"
	sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/o"
}
echo "--- text"
au
echo "--- --summary"
au --summary
echo "--- json"
au --format json
for f in html "email --to lts@example.edu"; do
	echo "--- $f: the warning at the top"
	"$ALMAUDIT" audit --rules "$SCRATCH/r" --tz UTC --format $f "$SCRATCH/in.csv" 2>/dev/null |
		grep -c '3 names matched to staff.csv without their middle names: '
done
echo "--- runs --explain"
"$ALMAUDIT" runs --rules "$SCRATCH/r" --tz UTC --explain --id 6100000000000003 "$SCRATCH/in.csv" 2>/dev/null |
	grep 'person'
