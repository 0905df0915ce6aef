# waivers.csv in a rules directory: a waived finding is not deleted but
# listed apart, with its waiver's file:line, ticket and reason (text, csv,
# json, the short report); waivers past their until (ALMAUDIT_NOW) and those
# that covered nothing are listed; waived findings do not make the exit
# status 1, so it is 0 when every finding is waived. --waivers names another
# file, read instead of the directory's. rules check reports the waivers and each problem at file:line.
export ALMAUDIT_NOW=2026-11-03T12:00:00Z
rules=$SCRATCH/rules
mkdir "$rules"
cp ../../rules/jobs.csv ../../rules/staff.csv ../../rules/approvals.csv "$rules"
cat >"$rules/waivers.csv" <<'CSV'
finding,job,staff,run_id,sets,from,until,ticket,reason
# the API integration, by its export id, on its sets
unapproved,change-physical-items,exl_api,,^shelfready,2026-10-01,2026-12-31,LTS-4390,The ShelfReady integration runs by design
damaging-large-set,,Te-Yi Lee,6100000170523941,,,2026-10-31,LTS-4471,"HD transfer cleanup, <b>planned</b> & done"
unapproved,delete-bib-records,Amy Armitage,,,2026-08-01,2026-09-30,LTS-4402,Her former role's deletions
no-signoff,,"Castillo, Rafael",,,,2026-12-31,LTS-4500,Someone not in staff.csv by the export's name
CSV
run() {
	{ echo "== $*"; "$ALMAUDIT" "$@"; echo "status: $?"; } 2>&1 | sed "s#$SCRATCH#SCRATCH#g"
}
run audit --rules "$rules" data/small.csv
run audit --rules "$rules" --summary data/small.csv
run audit --rules "$rules" --format csv data/small.csv
run audit --rules "$rules" --format json data/small.csv
# html (and the email's html part): the waived table and the waiver lists, escaped
"$ALMAUDIT" audit --rules "$rules" --format html data/small.csv 2>/dev/null |
	sed -n '/<div class="card" style="border-left-color:#999">/p; /<h2 id="waived">/,/<footer>/p' |
	sed "s#$SCRATCH#SCRATCH#g"
# every finding waived: exit 0, the findings still listed as waived
{ cat "$rules/waivers.csv"; echo 'unapproved,,80130004,,,2026-10-15,2026-10-15,LTS-4501,One fix of call numbers'; } >"$SCRATCH/all.csv"
run audit --rules "$rules" --waivers "$SCRATCH/all.csv" data/small.csv
run audit --rules "$rules" --waivers "$SCRATCH/all.csv" --format csv data/small.csv
run rules check --rules "$rules"
# the run listing applies no waivers
run runs --rules "$rules" --waivers "$SCRATCH/all.csv" data/small.csv
# a waivers file with problems: each at its line; the audit refuses to run
cat >"$SCRATCH/bad.csv" <<'CSV'
finding,job,staff,run_id,sets,from,until,ticket,reason
unaproved,change-physical-items,,,,,2026-12-31,T,r
unapproved,change-physical-item,,,,,2026-12-31,T,r
unapproved,,Honor Mody,,,,2026-12-31,T,r
unapproved,,,,(HD,,2026-12-31,T,r
unapproved,,exl_api,,,2026-10-01,2026-09-30,T,r
unapproved,,exl_api,,,,,,
CSV
run rules check --rules "$rules" --waivers "$SCRATCH/bad.csv"
cp "$SCRATCH/bad.csv" "$rules/waivers.csv"
run rules check --rules "$rules"
run audit --rules "$rules" data/small.csv
