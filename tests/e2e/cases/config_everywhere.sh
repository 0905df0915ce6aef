# One config serves every command (spec section 4): audit, runs, review and
# the rules commands read it; what a command does not take is left out when
# it comes from the config (said on --verbose, at the config's line) and an
# error on the command line; a value from the config that is wrong is an
# error at the config's FILE:LINE; '#' comments after a value. The README's
# own example config (and almaudit-config(5)'s, with --format email), its
# paths made the working directory's, works with every command.
top=$(pwd)/../..
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
cp -r "$top/rules" rules && mkdir data && cp "$top"/samples/*-2026-10.csv.gz data/ || exit 2
export ALMAUDIT_NOW=2026-11-01T11:00:00Z
unset ALMAUDIT_RULES
run() {
	echo "== almaudit $*"
	"$ALMAUDIT" "$@"
	echo "status: $?"
}
# the README's config, as its code block has it
sed -n '/^# \/etc\/almaudit.conf$/,/^```$/p' "$top/README.md" | grep -v '^```' |
	sed -e "s|/srv/almaudit/rules|rules|" -e "s|/data/alma/sandbox.csv.gz|data/sandbox-2026-10.csv.gz|" \
	>readme.conf
cat readme.conf
[ "$(grep -c '^--' readme.conf)" -ge 4 ] || echo "the README's config was not found"
# almaudit-config(5)'s example: --format email and a --subject
sed -n '/^# \/etc\/almaudit.conf: the options every run shares$/,/^\.EE$/p' \
	"$top/man/almaudit-config.5" | grep -v '^\.EE' | sed -e 's/\\-/-/g' \
	-e "s|/srv/almaudit/rules|rules|" -e "s|/data/alma/sandbox.csv.gz|data/sandbox-2026-10.csv.gz|" \
	>man.conf
grep -q -- '--format email' man.conf || echo "almaudit-config(5)'s example was not found"
J=data/jobs-2026-10.csv.gz
for conf in readme.conf man.conf; do
	export ALMAUDIT_CONFIG=$conf
	echo "#### $conf"
	run audit --period 2026-10 --format json -o audit.json $J
	run audit --period 2026-10 --summary --format text --verbose $J
	run runs --period 2026-10-14 --manual --top 2 --verbose $J
	run review --period 2026-10 --unit ITS-MUS --verbose $J
	run rules check --verbose
	run rules jobs >/dev/null
	run rules who batch-item-withdrawals
	run rules what "Te-Yi Lee"
	run rules drift rules/page.txt
done
unset ALMAUDIT_CONFIG
echo "#### the config's --rules is the rules commands': not the shipped rules"
mkdir own && cp rules/*.csv own/ && printf -- '--rules own\n' >own.conf
run rules check --config own.conf
echo "#### comments after a value, and values from the config wrong at its line"
cat >comments.conf <<EOF2
--tz America/New_York  # New York
--period 2026-10	# October
--rules rules # the shipped rules
EOF2
run audit --config comments.conf --summary $J
printf -- '--tz America/New_Yrok\n' >zone.conf
run audit --config zone.conf $J
printf -- '# the month\n--period 2026-13\n' >period.conf
run review --config period.conf $J
printf -- '--format pdf\n' >format.conf
run audit --config format.conf $J
printf -- '--user Lovlace\n--job batch-item-withdrawls\n' >filters.conf
run audit --config filters.conf --period 2026-10 --summary $J
printf -- '--large-set many\n' >large.conf
run rules jobs --config large.conf
printf -- '--rules no-such-rules\n' >norules.conf
run rules check --config norules.conf
printf -- '--sandbox no-such-sandbox.csv\n-o no/such/dir/report.txt\n' >files.conf
run audit --config files.conf $J
printf -- '--perod 2026-10\n' >typo.conf
run rules check --config typo.conf
echo "#### typed on the command line, an option the command does not take is an error"
run rules check --tz UTC
run review --limit 5 $J
run runs --to x@y.edu $J
