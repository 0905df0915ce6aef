# One person not in staff.csv, read from the API's JSON (names in
# submitted_by.desc): a finding, exit 1, not the identity join's ERROR
# ("no submitted_by_desc column") that a file without names gets. The day
# of the stranger's run alone: 0 of 1 matched, still one stranger.
mkdir "$SCRATCH/r"
cp ../../rules/jobs.csv "$SCRATCH/r/"
printf 'name,unit,alma_ids,aliases\nAnne Adams,ITS,,\n' >"$SCRATCH/r/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Anne Adams,,,,,\n' \
	>"$SCRATCH/r/approvals.csv"
inst() { # id day user name
	printf '{"id":"%s","name":"Change Physical Items - s - 10/%s/2026 09:58:26","submitted_by":{"value":"%s","desc":"%s"},"start_time":"2026-10-%sT13:58:26Z","status":{"value":"COMPLETED_SUCCESS"},"job_info":{"id":"M1","name":"Change Physical Items","type":{"value":"MANUAL"}}}' "$1" "$2" "$3" "$4" "$2"
}
{
	printf '{"total_record_count":4,"job_instance":['
	inst 6500000000000101 16 aadams "Adams, Anne"; printf ,
	inst 6500000000000102 17 rcastillo "Castillo, Rafael"; printf ,
	inst 6500000000000103 18 aadams "Adams, Anne"; printf ,
	inst 6500000000000104 19 aadams "Adams, Anne"
	printf ']}\n'
} >"$SCRATCH/mix.json"
for p in 2026-10 2026-10-17; do
	echo "--- --period $p"
	"$ALMAUDIT" audit --rules "$SCRATCH/r" --tz UTC --period $p --summary "$SCRATCH/mix.json" \
		>"$SCRATCH/o.txt" 2>&1
	echo "status: $?"
	sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/o.txt" | grep -v '^Rules\|^Period\|^Input'
done
"$ALMAUDIT" audit --rules "$SCRATCH/r" --tz UTC --period 2026-10-17 "$SCRATCH/mix.json" >/dev/null 2>&1
