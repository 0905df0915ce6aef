# The run listing built for reading, on the samples: the set column and
# cells cut with …, --manual, --sort by each key, --top (alone: by records),
# --summary (with --top, with a filter), the bounds of the options, a
# period by date, by weekday and by times of day, and csv/json start_local.
export ALMAUDIT_NOW=2026-10-19T13:00:00Z # a Monday: wednesday is 14 October
S="--tz America/New_York ../../samples/jobs-2026-10.csv.gz"
show() {
	echo "== runs $*"
	# shellcheck disable=SC2086
	"$ALMAUDIT" runs "$@" $S
	echo "status: $?"
}
show --period 2026-10-14 --job "Withdraw items"
show --period wednesday --user Lee
show --since "2026-10-14 16:00" --until "2026-10-14 16:43" --manual
show --since "2026-10-14 16:00" --until "2026-10-14 16:42" --manual
show --period 2026-10-14 --manual --sort records --top 5
show --period 2026-10-14 --top 3
show --period 2026-10-14 --manual --sort person --job "Withdraw items"
show --period 2026-10-14 --manual --sort job --user Moody
show --period 2026-10-14 --sort time --user Lee --top 1
show --period 2026-10-14 --sort records --min-records 2000
show --period 2026-10-14 --sort records --top 2 --manual --format csv
show --period 2026-10-14 --sort records --top 1 --manual --format json
show --period 2026-10-14 --manual --summary --top 5
show --period 2026-10-14 --summary --job "Withdraw items"
show --period 2026-10 --manual --summary --top 3 --user Lee
show --period 2026-10-14 --user Lee --format csv
# the options' bounds and conflicts: usage errors, exit 2
show --sort size
show --top 0
show --top 100001
show --summary --sort records
show --summary --explain
show --summary --format csv
show --manual --period 2026-10-14 --limit 5
"$ALMAUDIT" audit --manual $S; echo "status: $?"
"$ALMAUDIT" audit --sort records $S; echo "status: $?"
