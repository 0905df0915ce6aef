# The other way round: staff.csv has the middle names ("Ben J. Fischer",
# "Okafor, Ngozi Adaeze"), the export not ("Fischer, Ben", "Ngozi Okafor").
# Matched without them when one person alone fits, with a WARNING; never
# when two staff people fit ("Jones, Mary": Mary A. and Mary B. Jones) or
# the export's initial contradicts the staff person's ("Smith, Tom Q."
# against Tom Z. Smith): no match beats a wrong one, and the detail, runs
# --explain and rules check say why. Exit 1 (the findings), not 2.
mkdir "$SCRATCH/r"
cp ../../rules/jobs.csv "$SCRATCH/r/"
{
	echo 'name,unit,alma_ids,aliases'
	echo 'Ben J. Fischer,ITS,,'
	echo '"Okafor, Ngozi Adaeze",HKS,,'
	echo 'Tom Z. Smith,GUT,,'
	echo 'Mary A. Jones,GUT,,'
	echo 'Mary B. Jones,GUT,,'
} >"$SCRATCH/r/staff.csv"
{
	echo 'job,staff,signed_off,revoked,sets,ticket,note'
	for p in 'Ben J. Fischer' 'Okafor, Ngozi Adaeze' 'Tom Z. Smith' 'Mary A. Jones' 'Mary B. Jones'; do
		echo "change-physical-items,\"$p\",,,,,"
	done
} >"$SCRATCH/r/approvals.csv"
row() { # id user name day
	printf '%s,M1,Change Physical Items - s,Physical Items,MANUAL,%s,"%s",2026-10-%sT10:00:00.000Z,2026-10-%sT10:00:01.000Z,2026-10-%sT10:05:00.000Z,COMPLETED_SUCCESS,100,10,s,\n' \
		"$1" "$2" "$3" "$4" "$4" "$4"
}
{
	echo 'id,job_id,name,category,type,submitted_by,submitted_by_desc,submit_time,start_time,end_time,status,progress,total_records,set_name,environment'
	row 6100000000000001 u1 "Fischer, Ben" 11
	row 6100000000000002 u1 "Fischer, Ben" 12
	row 6100000000000003 u2 "Ngozi Okafor" 13
	row 6100000000000004 u3 "Smith, Tom Q." 14
	row 6100000000000005 u4 "Jones, Mary" 15
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
echo "--- runs --explain"
for id in 6100000000000001 6100000000000004 6100000000000005; do
	"$ALMAUDIT" runs --rules "$SCRATCH/r" --tz UTC --explain --id $id "$SCRATCH/in.csv" \
		2>/dev/null | grep 'person'
done
echo "--- rules check"
"$ALMAUDIT" rules check --rules "$SCRATCH/r" >"$SCRATCH/o" 2>&1
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/o"
