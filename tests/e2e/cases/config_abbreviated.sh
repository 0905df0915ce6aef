# On the command line a long option may be abbreviated to any prefix that
# no other option of the command shares, as getopt_long takes it: --conf,
# --con=FILE, --c (rules) all name the config, which is read, never the
# shipped rules' all-clear nor $ALMAUDIT_CONFIG's. An ambiguous prefix is an
# error naming the options it begins; a config's own lines give names whole.
top=$(pwd)/../..
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
export ALMAUDIT_NOW=2026-11-01T11:00:00Z
export ALMAUDIT_RULES=rules
cp -r "$top/rules" broken && printf 'nojob,,\n' >>broken/jobs.csv
printf -- '--rules broken\n' >c.conf
cp -r "$top/rules" rules && printf -- '--rules rules\n' >env.conf
cp "$top/samples/jobs-2026-10.csv.gz" . && J=jobs-2026-10.csv.gz
run() {
	echo "== almaudit $*"
	"$ALMAUDIT" "$@" 2>&1
	echo "status: $?"
}
run rules check --conf c.conf
run rules check --c=c.conf
run audit --conf=c.conf --summary $J
run runs --confi c.conf --top 1 $J
run review --con c.conf $J
ALMAUDIT_CONFIG=env.conf run rules check --conf c.conf
echo "#### a value that looks like --config is its option's value"
run audit --summary --tz --conf $J
echo "#### ambiguous and unknown"
run audit --co c.conf $J
run audit --s x $J
run rules check --ve
printf -- '--rul broken\n' >short.conf
run rules check --config short.conf
