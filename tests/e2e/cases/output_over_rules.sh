# -o and --rejects never write over a file the run reads besides its
# inputs: a file of the rules directory (read or not: the directory's
# waivers.csv beside --waivers), --waivers, --baseline, the config, and
# for fetch the --api-key-file and the config; by any name (a symbolic
# link). Each is a usage error (2) before anything is opened for writing,
# and the file is left as it was. A --split unit's file at a rules file's
# name (a unit "waivers", in csv) is refused too, also when --waivers
# names another file.
unset ALMAUDIT_CONFIG ALMA_API_KEY ALMA_SANDBOX_API_KEY
ALMAUDIT_FETCH_BACKOFF=0
export ALMAUDIT_FETCH_BACKOFF
data=$(pwd)/data
shipped=$(pwd)/../../rules
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
cp -r "$shipped" rules
cp "$data/small.csv" in.csv
"$ALMAUDIT" audit --rules rules --format json -o prev.json in.csv
echo "status: $?"
cp rules/waivers.csv mine.csv
printf -- '--tz UTC\n' >conf
printf 'l7xxSECRET\n' >key
chmod 600 key
cp -r rules keep
cp prev.json mine.csv conf key keep/
f() {
	echo "== $*"
	"$ALMAUDIT" "$@"
	echo "status: $?"
}
(cd rules && f review --rules . --user Lee --format csv -o approvals.csv ../in.csv)
f review --rules rules -o rules/staff.csv in.csv
f runs --rules rules --rejects rules/jobs.csv in.csv
f audit --rules rules -o rules/units.csv in.csv
f audit --rules rules -o rules/waivers.csv in.csv
f audit --rules rules --waivers mine.csv -o mine.csv in.csv
f audit --rules rules --waivers mine.csv -o rules/waivers.csv in.csv
f audit --rules rules --baseline prev.json -o prev.json in.csv
f audit --rules rules --format json --baseline prev.json --rejects prev.json in.csv
f audit --rules rules --config conf -o conf in.csv
ln -s rules/approvals.csv link.csv
f audit --rules rules -o link.csv in.csv
echo "== \$ALMAUDIT_RULES: its files too"
ALMAUDIT_RULES=rules "$ALMAUDIT" audit -o ./rules/../rules/staff.csv in.csv
echo "status: $?"
echo "== the rules directory's other files, or a new one there: page.txt, README.md"
cp rules/page.txt rules/README.md keep/ 2>/dev/null
f audit --rules rules -o rules/page.txt in.csv
f audit --rules rules --rejects ./rules/README.md in.csv
f audit --rules rules -o rules/new.txt in.csv
ln -s rules/page.txt page-link.txt
f review --rules rules -o page-link.txt in.csv
f audit --rules rules --split unit --format csv -o rules/ in.csv
echo "== a unit named waivers, in csv, -o the rules directory"
printf 'Wai Vers,waivers,80120028,\n' >>rules/staff.csv
cp rules/staff.csv keep/staff.csv
f audit --rules rules --waivers mine.csv --split unit --format csv -o rules in.csv
f fetch --base-url http://127.0.0.1:1 --period 2026-10 --api-key-file key -o key
f fetch --config conf --base-url http://127.0.0.1:1 --period 2026-10 --api-key-file key -o conf
for x in approvals.csv staff.csv jobs.csv units.csv waivers.csv page.txt README.md; do
	cmp -s rules/$x keep/$x || echo "rules/$x changed"
done
for x in prev.json mine.csv conf key; do
	cmp -s $x keep/$x || echo "$x changed"
done
ls rules
