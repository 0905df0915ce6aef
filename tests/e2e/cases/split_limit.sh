# Each unit's report is made at the end from what the audit told it (kept
# in a scratch file): the same report, to the byte, as the whole report
# would be for that unit's people, also past --limit (a text or html
# report keeps the first N findings of a kind and counts the rest: by
# person, job, unlisted job name, unit, month and day), with waived
# findings past the limit, copies of a run in two inputs, unknown-size
# findings held to the end, and a baseline's trend.
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
mkdir rules
cat >rules/jobs.csv <<'CSV'
job,scope,title,damaging,large_set,match,includes
withdraw,Items,Batch item withdrawals,yes,100,^Withdraw items(?: - |$),
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
cat >rules/staff.csv <<'CSV'
name,unit,alma_ids,aliases
Julie Petzold,GUT/HKS,801,
Te-Yi Lee,GUT,802,
Honor Moody,ITS,803,
CSV
cat >rules/approvals.csv <<'CSV'
job,staff,signed_off,revoked,sets,ticket,note
change,Honor Moody,,,,,
withdraw,Te-Yi Lee,2026-10-20,,,,
CSV
cat >rules/waivers.csv <<'CSV'
finding,job,staff,run_id,sets,from,until,ticket,reason
unapproved,change,Te-Yi Lee,,,,2026-12-31,LTS-1,accepted
unlisted-job,,Julie Petzold,,^keep$,,2026-12-31,LTS-2,also accepted
CSV
awk 'BEGIN {
	print "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name"
	for (i = 0; i < 40; i++) {
		p = i % 3; id = 801 + p
		who = p == 0 ? "\"Petzold, Julie\"" : p == 1 ? "\"Lee, Te-Yi\"" : "\"Moody, Honor\""
		j = i % 5
		name = j == 0 ? "Withdraw items" : j == 1 ? "Change Physical Items" : "Odd job " (i % 4)
		records = j == 0 ? (i % 15 == 0 ? "" : 50 + i * 10) : i % 7 == 0 ? "" : i
		printf "%d,%s,MANUAL,%d,%s,2026-%02d-%02dT1%d:00:00Z,COMPLETED_SUCCESS,%s,%s\n",
			1000 + i, name, id, who, 9 + int(i / 20), 1 + i % 28, i % 10, records, i % 2 ? "keep" : "other"
	}
}' >a.csv
# the same runs again, some with the record count the first copy lacked
awk -F, 'NR == 1 || NR % 3 == 0 { if (NR > 1 && $8 == "") $8 = 7; print }' OFS=, a.csv >b.csv
"$ALMAUDIT" audit --rules rules --format json -o base.json a.csv >/dev/null
export ALMAUDIT_NOW=2026-11-01T11:00:00Z
for f in text html csv json; do
	"$ALMAUDIT" audit --rules rules --limit 2 --baseline base.json --format $f --split unit \
		-o out-$f a.csv b.csv
	echo "$f: $?"
done
"$ALMAUDIT" audit --rules rules --limit 1 --format email --to lts@example.edu \
	--from a@example.edu --split unit -o out-email a.csv b.csv
echo "email: $?"
# the html and email reports as checksums (the same as those of the
# version that kept every unit's report in memory)
for f in out-text/* out-csv/* out-json/*; do
	echo "== $f"
	cat "$f"
done
md5sum out-html/* out-email/*
