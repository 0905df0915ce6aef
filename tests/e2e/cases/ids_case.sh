# Alma's primary ids ignore case (BFISCHER is bfischer; an email as the id
# is Tom.Ma@Example.edu or tom.ma@example.edu): an id in alma_ids matches
# submitted_by whatever its case, and two people whose ids differ only in
# case are a rules error. A person not in staff.csv: a sandbox run by the
# same id in another case is the sandbox evidence, and a waiver naming the
# id in another case covers the run.
R=$SCRATCH/r
mkdir "$R"
cp ../../rules/jobs.csv "$R/"
cat >"$R/staff.csv" <<'CSV'
name,unit,alma_ids,aliases
Anne Adams,ITS-MUS,AADAMS,
Tom Ma,ITS,Tom.Ma@Example.edu,
CSV
cat >"$R/approvals.csv" <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change-physical-items,Anne Adams,2026-01-05,,,,
change-physical-items,Tom Ma,2026-01-05,,,,
CSV
cat >"$SCRATCH/x.csv" <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,total_records
6100000000000001,Change Physical Items - relabel,MANUAL,aadams,"Adams-Smith, Anne",2026-10-14 09:03,120
6100000000000002,Change Physical Items - relabel,MANUAL,tom.ma@example.edu,"Ma, T.",2026-10-14 10:03,12
6100000000000003,Change Physical Items - relabel,MANUAL,ZZ9,"Stranger, A.",2026-10-14 11:03,12
CSV
cat >"$SCRATCH/s.csv" <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,total_records
6100500000000003,Change Physical Items - test,MANUAL,zz9,,2026-10-01 11:03,12
CSV
"$ALMAUDIT" audit --rules "$R" --tz UTC --period 2026-10-14 --sandbox "$SCRATCH/s.csv" "$SCRATCH/x.csv" >"$SCRATCH/o.txt"
echo "status: $?"
grep -E '^(People|Findings)|^[A-Z-]+ \(|^ *6100' "$SCRATCH/o.txt"
echo "== a waiver naming the stranger's id in another case"
printf 'finding,job,staff,run_id,sets,from,until,ticket,reason\nno-signoff,change-physical-items,zz9,,,,2026-12-31,LTS-1,sign-off due\n' >"$SCRATCH/w.csv"
"$ALMAUDIT" audit --rules "$R" --tz UTC --period 2026-10-14 --waivers "$SCRATCH/w.csv" --sandbox "$SCRATCH/s.csv" "$SCRATCH/x.csv" >"$SCRATCH/o.txt"
echo "status: $?"
grep -E '^(Findings|Waived)' "$SCRATCH/o.txt"
printf 'Ann Other,ITS,aadams,\n' >>"$R/staff.csv"
"$ALMAUDIT" rules check --rules "$R" 2>"$SCRATCH/e.txt"
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/e.txt"
