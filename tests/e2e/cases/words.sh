# Words as a person reads them: one of a thing is singular ("1 row", "1
# run", "1 system run", "1 approval grants it"), counts have thousands
# separators (the BY MONTH table, the chart labels), and the tool's own
# words name no library ("run before sign-off").
S=../../samples
head -2 data/small.csv >"$SCRATCH/one.csv"
head -3 data/small.csv >"$SCRATCH/two.csv"
run() {
	"$ALMAUDIT" "$@" 2>&1 | sed "s|$SCRATCH|SCRATCH|g"
}
echo "== one row: a manual run with a finding"
run audit "$SCRATCH/one.csv" | grep -E '^(Input|Rows|Findings) '
run audit --summary "$SCRATCH/one.csv"
run audit --format html "$SCRATCH/one.csv" | sed "s|<wbr>||g" | grep -o '<td>SCRATCH/one.csv[^<]*</td>\|1 run[s]*, [0-9]* with findings'
echo "== and a system run"
run runs --manual "$SCRATCH/two.csv" | tail -1
run runs --summary --manual "$SCRATCH/two.csv" | sed -n 2,3p
run rules who delete-bib-records | sed -n 3p
echo "== no library's name in the tool's own words"
run audit --tz America/New_York --finding no-signoff --sandbox $S/sandbox-2026-10.csv.gz \
	$S/jobs-2026-10.csv.gz | grep '^NO-SIGNOFF'
run audit --format html --sandbox $S/sandbox-2026-10.csv.gz $S/jobs-2026-10.csv.gz | grep -c 'LTS sign'
echo "== thousands separators: 1,121 runs audited in a month"
run audit --period 2026-Q4 --tz America/New_York $S/jobs-2026-10.csv.gz | sed -n '/^BY MONTH/,/^$/p'
run audit --period 2026-Q4 --tz America/New_York --format html $S/jobs-2026-10.csv.gz |
	grep -o '<title>2026-10: [^<]*</title>'
echo "== the cards of the page and the mail: 1 run with findings"
run audit --format html "$SCRATCH/one.csv" | sed "s|<wbr>||g" | grep -o '<b>1</b>runs* with findings'
run audit --format email --to lts@example.edu "$SCRATCH/one.csv" | grep -o '>1</b>runs* with findings'
echo "== the chart by unit shows 12 units and says how many more (14 here)"
mkdir "$SCRATCH/u" "$SCRATCH/u/rules"
cat >"$SCRATCH/u/rules/jobs.csv" <<'CSV'
job,scope,title,damaging,large_set,match,includes
change,Items,Change physical items,no,,^Change Physical Items(?: - |$),
CSV
echo "job,staff,signed_off,revoked,sets,ticket,note" >"$SCRATCH/u/rules/approvals.csv"
awk -v dir="$SCRATCH/u" 'BEGIN {
	print "name,unit,alma_ids,aliases" > (dir "/rules/staff.csv")
	print "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records" > (dir "/jobs.csv")
	for (i = 0; i < 14; i++) {
		printf "\"Person%d, Given\",U%02d,9%06d,\n", i, i, i >> (dir "/rules/staff.csv")
		printf "%d,Change Physical Items,MANUAL,9%06d,x,2026-10-%02dT14:00:00Z,COMPLETED_SUCCESS,20\n",
			1000 + i, i, 1 + i >> (dir "/jobs.csv")
	}
}'
run audit --rules "$SCRATCH/u/rules" --format html "$SCRATCH/u/jobs.csv" | grep -o 'and [0-9]* more units*'
run audit --rules "$SCRATCH/u/rules" --format email --to lts@example.edu "$SCRATCH/u/jobs.csv" |
	grep -o 'and [0-9]* more units*'
echo "== thousands separators in what is said of 1,200 waivers, 1,100 of them expired"
awk 'BEGIN {
	print "finding,job,staff,run_id,sets,from,until,ticket,reason"
	for (i = 0; i < 1200; i++)
		printf "unapproved,,,%d,,2026-01-01,%s,T-%d,a test\n", 1000000 + i,
			i < 1100 ? "2026-06-30" : "2027-06-30", i
}' >"$SCRATCH/waivers.csv"
run rules check --waivers "$SCRATCH/waivers.csv" | grep waivers.csv | head -1
run audit --waivers "$SCRATCH/waivers.csv" "$SCRATCH/one.csv" | grep -E '^(Waivers|EXPIRED|WAIVERS)'
