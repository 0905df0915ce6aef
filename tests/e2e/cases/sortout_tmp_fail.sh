# The csv and json findings wait in a temporary file past 4 MiB (sortout.c).
# When that file cannot be written (a full disk: here a file size limit,
# with SIGXFSZ ignored so that the write fails) the report says so in its
# own text: json complete false and the error in summary.errors (a later
# --baseline warns that it is INCOMPLETE), the email ERROR: in its subject
# and a note at its top; csv, which cannot say so, leaves the old file. A
# $TMPDIR where no file can be made falls back to /tmp, with a warning.
hide() { sed "s|$SCRATCH|SCRATCH|g" "$@"; }
R=$SCRATCH/rr
mkdir "$R"
cp ../../rules/jobs.csv "$R/"
printf 'name,unit,alma_ids,aliases\nBen Fischer,ITS,bfischer,\n' >"$R/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nbatch-item-withdrawals,Ben Fischer,,,,,\n' >"$R/approvals.csv"
awk 'BEGIN{print "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name"; for(i=1;i<=30000;i++) printf "%d,Delete Users - purge,MANUAL,bfischer,\"Fischer, Ben\",2026-10-%02dT%02d:%02d:00Z,COMPLETED_SUCCESS,5,batch %d\n",1000000+i,1+i%31,i%24,i%60,i}' >"$SCRATCH/many.csv"
set -- --rules "$R" --tz UTC --period 2026-10 "$SCRATCH/many.csv"
mkdir "$SCRATCH/tmp"
limited() { (trap '' XFSZ; ulimit -f 2048; TMPDIR=$SCRATCH/tmp "$ALMAUDIT" audit "$@"); }
for f in last.json last.eml last.csv; do echo old >"$SCRATCH/$f"; done

limited --format json -o "$SCRATCH/last.json" "$@" 2>"$SCRATCH/e.txt"
echo "json, a full TMPDIR: status $?"
hide "$SCRATCH/e.txt"
grep -o '"findings":\[[^]]*\]' "$SCRATCH/last.json"
grep -o '"summary":{"complete":[a-z]*' "$SCRATCH/last.json"
grep -o '"errors":\["[^]]*\]' "$SCRATCH/last.json" | hide
"$ALMAUDIT" audit --format json --baseline "$SCRATCH/last.json" -o /dev/null "$@" 2>"$SCRATCH/e.txt"
echo "as a baseline: status $?"
hide "$SCRATCH/e.txt"

limited --format email --to a@b.org -o "$SCRATCH/last.eml" "$@" 2>"$SCRATCH/e.txt"
echo "email, a full TMPDIR: status $?"
hide "$SCRATCH/e.txt"
grep '^Subject:' "$SCRATCH/last.eml"
echo "the text part opens with:"
awk '/quoted-printable/ { getline; getline; print; exit }' "$SCRATCH/last.eml" | cut -c 1-48
echo "the html part says it: $(grep -c '">ERROR: the findings could not be attached' "$SCRATCH/last.eml")"
grep -c 'all .* findings are in the attached' "$SCRATCH/last.eml"

limited --format csv -o "$SCRATCH/last.csv" "$@" 2>"$SCRATCH/e.txt"
echo "csv, a full TMPDIR: status $?; the old file: $(cat "$SCRATCH/last.csv")"
hide "$SCRATCH/e.txt"

TMPDIR=$SCRATCH/none "$ALMAUDIT" audit --format json -o "$SCRATCH/last.json" "$@" 2>"$SCRATCH/e.txt"
echo "json, TMPDIR missing: status $?; $(grep -c '^{"finding"' "$SCRATCH/last.json") findings listed"
hide "$SCRATCH/e.txt"
grep -o '"summary":{"complete":[a-z]*' "$SCRATCH/last.json"
