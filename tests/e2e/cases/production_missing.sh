# Without a production export the audit is no all-clear. Only --sandbox
# files (an empty $in in a cron line): a usage error, exit 2, whatever the
# format. Production files given, none readable: the period is not
# covered, said at the top of the report and in json's period_covered.
R=$SCRATCH/r
mkdir "$R"
cp ../../rules/jobs.csv "$R/"
printf 'name,unit,alma_ids,aliases\nBen Fischer,ITS,bfischer,\n' >"$R/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Ben Fischer,,,,,\n' >"$R/approvals.csv"
printf 'id,name,type,submitted_by,submitted_by_desc,start_time,total_records\n2001,Change Physical Items - test,MANUAL,bfischer,"Fischer, Ben",2026-10-10T10:00:00Z,10\n' >"$SCRATCH/sb.csv"
for f in text json email; do
	to=
	[ $f = email ] && to=--to=a@example.org
	"$ALMAUDIT" audit --rules "$R" --tz UTC --period 2026-10 --format $f $to \
		--sandbox "$SCRATCH/sb.csv" >"$SCRATCH/o.txt" 2>&1
	echo "$f status: $?"
	sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/o.txt"
done
echo "== a config's --sandbox line and no input"
printf -- '--rules %s\n--tz UTC\n--sandbox %s\n' "$R" "$SCRATCH/sb.csv" >"$SCRATCH/c.conf"
ALMAUDIT_CONFIG=$SCRATCH/c.conf "$ALMAUDIT" audit --period 2026-10 >"$SCRATCH/o.txt" 2>&1
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/o.txt"
echo "== a production file not read"
"$ALMAUDIT" audit --rules "$R" --tz UTC --period 2026-10 --sandbox "$SCRATCH/sb.csv" \
	"$SCRATCH/nothere.csv" 2>"$SCRATCH/e.txt" | sed "s|$SCRATCH|SCRATCH|g"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/e.txt"
"$ALMAUDIT" audit --rules "$R" --tz UTC --period 2026-10 --format json "$SCRATCH/nothere.csv" \
	2>/dev/null | grep -o '"period_covered":{[^}]*}'
echo "== an export of system runs only (filtered by type): said at the top"
zcat ../../samples/jobs-2026-10.csv.gz | awk -F, 'NR == 1 || /SCHEDULED|,System,/' >"$SCRATCH/s.csv"
"$ALMAUDIT" audit --tz America/New_York --period 2026-10 "$SCRATCH/s.csv" 2>/dev/null | head -2
echo "status: $?"
"$ALMAUDIT" audit --tz America/New_York --period 2026-10 --format json "$SCRATCH/s.csv" \
	2>/dev/null | grep -o '"warnings":\[[^]]*\]'
echo "== a quiet Sunday of an export that holds staff runs on other days: no warning"
"$ALMAUDIT" audit --tz America/New_York --period 2026-10-11 ../../samples/jobs-2026-10.csv.gz 2>&1 | grep -c 'no staff run'
echo "== last month's whole export beside this month's system runs only: said"
zcat ../../samples/jobs-2026-10.csv.gz | grep -v '2026-10-31T' |
	sed 's/2026-10-/2026-09-/g; s/,61000/,71000/' >"$SCRATCH/sep.csv"
"$ALMAUDIT" audit --tz America/New_York --period 2026-10 "$SCRATCH/sep.csv" "$SCRATCH/s.csv" 2>&1 |
	grep -c '^WARNING: no staff run'
