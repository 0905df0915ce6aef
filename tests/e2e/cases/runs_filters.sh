# Each filter of runs alone, then combined, on the explain fixture; csv and
# json for combinations. The status is 1 when a run shown has findings.
R="--tz America/New_York --rules data/explain-rules --sandbox data/explain-sandbox.csv"
F=data/explain-prod.csv
show() {
	echo "== runs $*"
	# shellcheck disable=SC2086
	"$ALMAUDIT" runs $R "$@" $F
	echo "status: $?"
}
show --job withdraw
show --job '^Delete'
show --user 801
show --user "Samuels, Vardit"
show --user "Laura Hartnett"
show --unit JUD
show --finding unapproved
show --finding no-signoff
show --min-records 500
show --status Failed
show --grep weeding
show --grep '^11[0-9]$'
show --since 2026-10-09
show --until 2026-10-04
show --period 2026-09
show --job withdraw --user 801 --min-records 100
show --user 801 --user 802 --finding unapproved --format csv
show --job '^Suppress' --grep judaica --format json
