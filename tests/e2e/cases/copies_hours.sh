# The same runs in two exports at times a whole number of hours apart: the
# UI export's local times (America/New_York) read with --tz UTC beside the
# API export's UTC times. A WARNING at the top names a run, both times and
# both inputs (the zone of one export may not be --tz); once for the pair,
# whatever the order; the same exports read in the right zone say nothing.
ALMAUDIT_RULES=$PWD/../../rules
export ALMAUDIT_RULES
cd "$SCRATCH" || exit 2
H=id,job_id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records
{
	echo "$H"
	for i in $(seq 100 399); do
		echo "7100000000$i,M1,Change Physical Items,MANUAL,80120017,\"Moody, Honor\",2026-10-$((i % 28 + 1))T14:$((i % 60 / 10))$((i % 10)):00Z,COMPLETED_SUCCESS,5"
	done
} | sed 's/-\([1-9]\)T/-0\1T/' >api.csv
{
	echo "$H"
	for i in $(seq 100 399); do
		echo "7100000000$i,M1,Change Physical Items,MANUAL,80120017,\"Moody, Honor\",2026-10-$((i % 28 + 1)) 10:$((i % 60 / 10))$((i % 10)),COMPLETED_SUCCESS,5"
	done
} | sed 's/-\([1-9]\) 10/-0\1 10/' >ui.csv
"$ALMAUDIT" audit --tz UTC --summary api.csv ui.csv 2>/dev/null
echo "status: $?"
"$ALMAUDIT" audit --tz UTC --summary ui.csv api.csv 2>&1 >/dev/null
echo "== in the zone the UI export was written in"
"$ALMAUDIT" audit --tz America/New_York --summary api.csv ui.csv 2>&1 | head -1
