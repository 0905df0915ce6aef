# A name matched without its middle names clears or accuses one person:
# never the wrong one. Refused: a generational suffix taken for a middle
# name ("Fischer, Tom Jr." is not the approved Tom Fischer: it is matched
# whole, to staff.csv's Tom Fischer Jr., who has no approval); a run
# whose Alma id is not among the alma_ids of the person its reduced name
# fits ("Fischer, Ben J." as bjfischer, Ben Fischer being bfischer); and a
# waiver's staff cell, which names one person whole ("Smith, John Q." does
# not waive staff.csv's John Smith).
R=$SCRATCH/r
mkdir "$R"
cp ../../rules/jobs.csv "$R/"
cat >"$R/staff.csv" <<'CSV'
name,unit,alma_ids,aliases
Tom Fischer,ITS,,
Tom Fischer Jr.,ITS,,
Ben Fischer,ITS,bfischer,
John Smith,GUT,jsmith,
CSV
cat >"$R/approvals.csv" <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change-physical-items,Tom Fischer,,,,,
change-physical-items,Ben Fischer,,,,,
CSV
cat >"$SCRATCH/in.csv" <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,total_records,set_name
6100000000000001,Change Physical Items - s,MANUAL,tfischer2,"Fischer, Tom Jr.",2026-10-11T10:00:00Z,10,s
6100000000000002,Change Physical Items - s,MANUAL,tf3,"Smith, John III",2026-10-11T11:00:00Z,10,s
6100000000000003,Change Physical Items - s,MANUAL,bjfischer,"Fischer, Ben J.",2026-10-11T12:00:00Z,10,s
6100000000000004,Change Physical Items - s,MANUAL,bfischer,"Fischer, Ben",2026-10-11T13:00:00Z,10,s
6100000000000005,Change Physical Items - s,MANUAL,jsmith,"Smith, John",2026-10-11T14:00:00Z,10,s
CSV
printf 'finding,job,staff,run_id,sets,from,until,ticket,reason\nunapproved,change-physical-items,"Smith, John Q.",,,,2027-12-31,T1,contractor John Q. Smith (not staff)\n' >"$SCRATCH/w.csv"
"$ALMAUDIT" audit --rules "$R" --tz UTC "$SCRATCH/in.csv" >"$SCRATCH/o.txt" 2>"$SCRATCH/e.txt"
echo "status: $?"
grep -E '^(WARNING|People|Findings)|^6100' "$SCRATCH/o.txt"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/e.txt"
echo "== the waiver"
"$ALMAUDIT" audit --rules "$R" --tz UTC --waivers "$SCRATCH/w.csv" "$SCRATCH/in.csv" >"$SCRATCH/o.txt" 2>"$SCRATCH/e.txt"
echo "status: $?"
grep -E '^Waived' "$SCRATCH/o.txt"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/e.txt"
