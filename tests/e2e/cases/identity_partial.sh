# The identity join per input (spec section 1.2). An export without a
# name column beside one with it: the first's runs cannot be matched (its
# ids are in no alma_ids), a WARNING at the top naming it, and its findings
# say "not matched: FILE gives no name", never a flat "not in staff.csv".
# The same when staff.csv gives alma_ids for some people only. One
# stranger alone, however many runs, is a finding (exit 1), not a failed
# join; two strangers with most runs are the ERROR (exit 2).
r=$SCRATCH/r
mkdir "$r"
cp ../../rules/jobs.csv "$r/"
printf 'name,unit,alma_ids,aliases\nBen Fischer,ITS,,\nAnne Adams,ITS,,\n' >"$r/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Ben Fischer,,,,,\nchange-physical-items,Anne Adams,,,,,\n' >"$r/approvals.csv"
cd "$SCRATCH" || exit 2
H=id,job_id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records
{
	echo id,job_id,name,type,submitted_by,start_time,status,total_records
	for d in 01 02 03 04; do
		echo "10$d,M1,Change Physical Items,MANUAL,bfischer,2026-10-$d 10:00,COMPLETED_SUCCESS,5"
	done
} >noname.csv
{
	echo "$H"
	for d in 05 06 07 08 09; do
		echo "20$d,M1,Change Physical Items,MANUAL,aadams,\"Adams, Anne\",2026-10-$d 10:00,COMPLETED_SUCCESS,5"
	done
} >named.csv
a() { "$ALMAUDIT" audit --rules r "$@"; echo "status: $?"; }
a noname.csv named.csv
a --format csv noname.csv named.csv | cut -d, -f1,2,15
a --format json noname.csv named.csv | grep -o '"warnings":\[[^]]*\]'
echo "== alma_ids for one person of two"
sed 's/^Ben Fischer,ITS,,/Ben Fischer,ITS,bfischer,/' r/staff.csv >staff.csv && mv staff.csv r/
sed 's/bfischer/aadams/; s/^10/11/' noname.csv >noname2.csv
a --summary noname.csv noname2.csv named.csv
echo "== one stranger among listed people: a finding"
{
	echo "$H"
	echo "3001,M1,Change Physical Items,MANUAL,rcastillo,\"Castillo, Rafael\",2026-10-17 10:00,COMPLETED_SUCCESS,5"
} >stranger.csv
a --summary stranger.csv
echo "== two strangers, most runs: the ERROR"
{
	cat stranger.csv
	echo "3002,M1,Change Physical Items,MANUAL,mmorse,\"Morse, Mary\",2026-10-18 10:00,COMPLETED_SUCCESS,5"
} >strangers.csv
a --summary strangers.csv
