# One id is one run (spec section 3: a run read twice is a copy). Two rows
# of one input with the same id at times more than a minute apart are not
# copies: one such row is a WARNING (a damaged id); more is an ERROR at the
# top of every format, exit 2: the id column may not hold the job
# instance's id (here the job's id, named with --column). Copies that agree
# say nothing: two exports joined with an overlap, a run queued in the
# first (no start time) and started in the second (its submit time the
# same), and a queued row with only its submit time joined with the
# finished run's row with only its start time (times of two kinds are not
# compared). A whole number of hours apart in two inputs, or in two
# exports joined in one file, is the zone's WARNING instead; within one
# export (one zone) it is two runs: a UI export's times have no seconds,
# and 9:00, 11:00 and 2:00 PM are common.
R=../../rules
cat >"$SCRATCH/jobid.csv" <<'CSV'
Job ID,Job Name,Job Type,Submitted By,Submitted By Name,Start Time,Number of Records
2795740000561,Withdraw items - weeding,Manual,80120002,"Reid, Cindy",10/14/2026 9:03 AM,900
2795740000561,Withdraw items - weeding,Manual,80120002,"Reid, Cindy",10/14/2026 10:17 AM,40000
2795740000561,Withdraw items - weeding,Manual,80120099,"Nobody, Some",10/14/2026 11:41 AM,40000
CSV
set -- --rules $R --tz America/New_York --period 2026-10-14 --column "id=Job ID"
echo "== the job's id as the id column"
"$ALMAUDIT" audit "$@" "$SCRATCH/jobid.csv" 2>"$SCRATCH/e.txt" >"$SCRATCH/o.txt"
echo "status: $?"
sed -n '1,2p;/^Skipped/p' "$SCRATCH/o.txt" | sed "s|$SCRATCH|SCRATCH|g"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/e.txt"
"$ALMAUDIT" audit "$@" --summary "$SCRATCH/jobid.csv" 2>/dev/null | head -1 | sed "s|$SCRATCH|SCRATCH|g"
"$ALMAUDIT" audit "$@" --format json "$SCRATCH/jobid.csv" 2>/dev/null | grep -o '"errors":\[[^]]*\]' | sed "s|$SCRATCH|SCRATCH|g"
echo "== one damaged id"
head -3 "$SCRATCH/jobid.csv" >"$SCRATCH/one.csv"
"$ALMAUDIT" audit "$@" "$SCRATCH/one.csv" 2>/dev/null | head -1 | sed "s|$SCRATCH|SCRATCH|g"
"$ALMAUDIT" audit "$@" "$SCRATCH/one.csv" >/dev/null 2>&1
echo "status: $?"
echo "== copies that agree"
cat >"$SCRATCH/a.csv" <<'CSV'
id,name,type,submitted_by,submitted_by_desc,submit_time,start_time,status,total_records
6100000000000001,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 09:00,2026-10-14 09:03,COMPLETED_SUCCESS,900
6100000000000002,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 10:00,,QUEUED,900
CSV
cat >"$SCRATCH/b.csv" <<'CSV'
id,name,type,submitted_by,submitted_by_desc,submit_time,start_time,status,total_records
6100000000000001,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 09:00,2026-10-14 09:03,COMPLETED_SUCCESS,900
6100000000000002,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 10:00,2026-10-14 12:47,COMPLETED_SUCCESS,900
CSV
cat "$SCRATCH/a.csv" "$SCRATCH/b.csv" >"$SCRATCH/ab.csv"
"$ALMAUDIT" audit --rules $R --tz America/New_York --period 2026-10-14 --summary "$SCRATCH/ab.csv" 2>&1 | head -2
echo "== a queued row (submit time only) joined with the finished run (start time only)"
{
	echo 'id,name,type,submitted_by,submitted_by_desc,submit_time,start_time,status,total_records,set_name'
	echo '6100000000000003,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 10:00,,QUEUED,,s'
	echo 'Job Instance ID,Job Name,Job Type,Submitted By,Submitted By Name,Start Time,Status,Number of Records,Set Name'
	echo '6100000000000003,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 13:00,COMPLETED_SUCCESS,10,s'
} >"$SCRATCH/queued.csv"
"$ALMAUDIT" audit --rules $R --tz America/New_York --period 2026-10-14 --summary "$SCRATCH/queued.csv" >"$SCRATCH/o.txt" 2>&1
echo "status: $?"
head -2 "$SCRATCH/o.txt"
echo "== the same runs a whole number of hours apart in two exports joined in one file: the zone, not the id"
{
	echo 'id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name'
	echo '6100000000000004,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14T14:03:00Z,COMPLETED_SUCCESS,10,s'
	echo 'id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name'
	echo '6100000000000004,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 10:03,COMPLETED_SUCCESS,10,s'
} >"$SCRATCH/zone.csv"
"$ALMAUDIT" audit --rules $R --tz UTC --period 2026-10-14 --summary "$SCRATCH/zone.csv" 2>/dev/null | head -1 | sed "s|$SCRATCH|SCRATCH|g"
echo "== one export, one id at 9:00, 11:00 and 2:00 PM: two runs more, not a zone"
cat >"$SCRATCH/ui.csv" <<'CSV'
Job Instance ID,Job Name,Job Type,Submitted By,Submitted By Name,Start Time,Number of Records
6100000323773940,Withdraw items - weeding,Manual,80120002,"Reid, Cindy",10/14/2026 9:00 AM,20
6100000323773940,Withdraw items - weeding,Manual,80120099,"Nobody, Some",10/14/2026 11:00 AM,20
6100000323773940,Withdraw items - weeding,Manual,80120099,"Nobody, Some",10/14/2026 2:00 PM,20
CSV
"$ALMAUDIT" audit --rules $R --tz America/New_York --period 2026-10-14 --summary "$SCRATCH/ui.csv" 2>/dev/null | head -1 | sed "s|$SCRATCH|SCRATCH|g"
