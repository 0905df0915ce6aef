# An option that takes one value given twice on the command line is a usage
# error naming it (which of the two was meant is not known; the values are
# not repeated: fetch's --base-url may hold a key), before anything is read
# or written; under any of its names (-o, --output, an abbreviation). A
# config's value is overridden by the command line's, as before; the
# options that add up (--sandbox, --column, the filters) and
# --sandbox-refreshed (the latest counts) may be repeated.
unset ALMAUDIT_CONFIG
data=$(pwd)/data
ALMAUDIT_RULES=$(pwd)/../../rules
export ALMAUDIT_RULES
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
cp "$data/small.csv" in.csv
f() {
	echo "== $*"
	"$ALMAUDIT" "$@" >/dev/null
	echo "status: $?"
}
f audit --baseline a.json --baseline b.json in.csv
f audit -o a.txt --output b.txt in.csv
ln -s "$ALMAUDIT_RULES" rules
f audit --rules rules --rul ./rules in.csv
f audit --period 2026-10 --period=2026-09 in.csv
f audit --format csv --format json in.csv
f audit --waivers a.csv --waivers b.csv in.csv
f audit --tz UTC --tz UTC in.csv
f runs --sort time --sort records in.csv
f review --format csv --format json in.csv
f rules check --waivers a.csv --waivers b.csv
f fetch --base-url 'https://h.example.org/?apikey=l7xxSECRET' --base-url https://h.example.org \
	--period 2026-10 -o out.json.gz
f fetch --region eu --period 2026-10 --api-key-file a --api-key-file b -o out.json.gz
ls
echo "== the config's --period and --format, the command line's win"
printf -- '--period 2026-09\n--format json\n' >conf
"$ALMAUDIT" audit --config conf --period 2026-10 --format csv in.csv | head -1
echo "== repeatable"
cp in.csv a.csv
cp in.csv b.csv
"$ALMAUDIT" audit --sandbox a.csv --sandbox b.csv --user Lee --user Castillo \
	--sandbox-refreshed 2026-01-01 --sandbox-refreshed 2026-02-01 --summary in.csv |
	head -1
