# review judges a run whose set is unknown (a UI export without Set Name,
# an instance name that names none) as the audit does: within an approval
# limited to sets pending it, so that the approval is shown used, not
# unused with "1 run of its jobs it did not cover"; and says so at its top.
R=$SCRATCH/r
mkdir "$R"
cp ../../rules/jobs.csv "$R/"
printf 'name,unit,alma_ids,aliases\nJohn Smith,GUT,jsmith,\n' >"$R/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,John Smith,2026-01-05,,judaica,,\n' >"$R/approvals.csv"
cat >"$SCRATCH/ui.csv" <<'CSV'
Job Instance ID,Job Name,Job Type,Submitted By,Submitted By Name,Start Time,Number of Records
6100000000000001,Change Physical Items,Manual,jsmith,"Smith, John",10/14/2026 9:03 AM,12
CSV
set -- --rules "$R" --tz America/New_York --period 2026-10-14
"$ALMAUDIT" review "$@" --format csv "$SCRATCH/ui.csv" 2>/dev/null
echo "status: $?"
"$ALMAUDIT" review "$@" "$SCRATCH/ui.csv" 2>/dev/null | head -1 | sed "s|$SCRATCH|SCRATCH|g"
