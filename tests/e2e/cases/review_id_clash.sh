# review checks the joins audit checks: one id at other times in one
# export (ids rounded by Excel: three runs read as one) is the ERROR at the
# top, exit 2; the same run in two inputs a whole number of hours apart is
# the zone's WARNING (almaudit-review(1): the same joins as audit).
R=$SCRATCH/r
mkdir "$R"
printf 'job,scope,title,damaging,large_set,match,includes,records\nchange,Items,Change physical items,,,^Change Physical Items(?: - |$),,\n' >"$R/jobs.csv"
printf 'name,unit,alma_ids,aliases\nAda Lovelace,GUT,ada1,\nCarol Gone,GUT,cg,\n' >"$R/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange,Ada Lovelace,,,,,\nchange,Carol Gone,,,,,\n' >"$R/approvals.csv"
cat >"$SCRATCH/ui.csv" <<'CSV'
Job Instance ID,Job ID,Job Name,Job Category,Job Type,Submitted By,Submitted By Name,Submit Date,Start Time,End Time,Status,Progress,Number of Records
6100000323773940,M26714,Change Physical Items - relabel,Physical Items,Manual,ada1,"Lovelace, Ada",10/14/2026 9:00 AM,10/14/2026 9:00 AM,10/14/2026 9:05 AM,Completed Successfully,100,20
6100000323773940,M26714,Change Physical Items - relabel,Physical Items,Manual,cg,"Gone, Carol",10/14/2026 11:13 AM,10/14/2026 11:13 AM,10/14/2026 11:15 AM,Completed Successfully,100,20
6100000323773940,M26714,Change Physical Items - relabel,Physical Items,Manual,cg,"Gone, Carol",10/14/2026 2:07 PM,10/14/2026 2:07 PM,10/14/2026 2:15 PM,Completed Successfully,100,20
CSV
for f in text json; do
	"$ALMAUDIT" review --rules "$R" --tz America/New_York --format $f "$SCRATCH/ui.csv" >"$SCRATCH/o.txt" 2>"$SCRATCH/e.txt"
	echo "$f status: $?"
	grep -o -E '^ERROR: .{60}|"errors":\[.{60}' "$SCRATCH/o.txt" | sed "s|$SCRATCH|SCRATCH|g"
done
echo "== the same run in two inputs, 4 hours apart"
printf 'id,name,type,submitted_by,submitted_by_desc,start_time,total_records\n77,Change Physical Items - x,MANUAL,ada1,"Lovelace, Ada",2026-10-14T09:00:00Z,5\n' >"$SCRATCH/a.csv"
printf 'id,name,type,submitted_by,submitted_by_desc,start_time,total_records\n77,Change Physical Items - x,MANUAL,ada1,"Lovelace, Ada",2026-10-14 13:00,5\n' >"$SCRATCH/b.csv"
"$ALMAUDIT" review --rules "$R" --tz UTC "$SCRATCH/a.csv" "$SCRATCH/b.csv" 2>/dev/null | head -1 | sed "s|$SCRATCH|SCRATCH|g"
