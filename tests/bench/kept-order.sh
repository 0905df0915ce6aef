#!/bin/sh
# The findings a text report keeps for its tables (--limit per kind, the
# first by time) against the order of the rows (not part of ctest): an
# export whose every row is a finding, newest first and oldest first, for
# the plain audit and for the split by unit. Keeping them by a scan and a
# move per finding cost O(rows x limit) when the rows came newest first
# (200,000 rows, --limit 100,000: 222 s of CPU against 0.68 s oldest first);
# a heap costs O(rows x log limit) either way. For each case and build it
# runs the command once under /usr/bin/time -v and prints the wall time, the
# CPU time (user + system) and the peak RSS.
#
#   sh tests/bench/kept-order.sh BUILD[:BUILD2...] [ROWS] [LIMIT] [UNITS] [CASES]
#       ROWS:  rows of the export (default 200000), one finding each
#       LIMIT: --limit (default 100000)
#       UNITS: units of staff.csv for the split (default 10)
#       CASES: default "audit-newest audit-oldest split-newest split-oldest"
# A case that runs past $BENCH_TIMEOUT seconds (default 900) is cut and shown
# as such. Needs GNU time (/usr/bin/time).
set -eu
builds=
for b in $(echo "$1" | tr ':' ' '); do builds="$builds $(cd "$b" && pwd)"; done
rows=${2:-200000}
limit=${3:-100000}
units=${4:-10}
cases=${5:-"audit-newest audit-oldest split-newest split-oldest"}
work=${BENCH_DIR:-/tmp/almaudit-kept-bench}
timeout=${BENCH_TIMEOUT:-900}
[ -x /usr/bin/time ] || { echo "kept-order: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
mkdir -p "$work"

# one job that nobody is approved for: every run is an unapproved finding
rules=$work/rules-$units
mkdir -p "$rules"
awk -v units="$units" -v dir="$rules" 'BEGIN {
	print "job,scope,title,damaging,large_set,match,includes" > (dir "/jobs.csv")
	print "job-0,Scope,Job zero,no,,^Job 0(?: - |$)," > (dir "/jobs.csv")
	print "name,unit,alma_ids,aliases" > (dir "/staff.csv")
	for (p = 0; p < 1000; p++)
		printf "\"Surname%d, Given%d\",U%03d,9%07d,\n", p, p, p % units, p > (dir "/staff.csv")
	print "job,staff,signed_off,revoked,sets,ticket,note" > (dir "/approvals.csv")
}'
for order in newest oldest; do
	f=$work/export-$rows-$order.csv.gz
	[ -s "$f" ] && continue
	awk -v rows="$rows" -v order="$order" 'BEGIN {
		print "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records"
		for (k = 0; k < rows; k++) {
			i = order == "newest" ? rows - 1 - k : k
			s = int(i * 2592000 / rows)
			printf "%d,Job 0,MANUAL,9%07d,x,2026-09-%02dT%02d:%02d:%02dZ,COMPLETED_SUCCESS,10\n",
				1000000 + i, i % 1000, 1 + int(s / 86400), int(s / 3600) % 24,
				int(s / 60) % 60, s % 60
		}
	}' | gzip -1 >"$f"
done

echo "machine: $(nproc) cores, $(awk '/model name/ { $1 = $2 = $3 = ""; print; exit }' /proc/cpuinfo | sed 's/^ *//')"
echo "inputs: $rows rows (one finding each), --limit $limit, $units units"
n=0
for b in $builds; do n=$((n + 1)); echo "build $n: $b"; done
echo
printf '%-13s %5s %9s %9s %12s %6s\n' case build "wall s" "CPU s" "peak RSS KB" status
for c in $cases; do
	n=0
	for b in $builds; do
		n=$((n + 1))
		out=$work/out-$c-$n
		rm -rf "$out"
		case $c in
		audit-*) set -- audit -o "$out" ;;
		split-*) set -- audit --split unit -o "$out" ;;
		*) echo "kept-order: unknown case '$c'" >&2; exit 2 ;;
		esac
		status=0
		timeout "$timeout" /usr/bin/time -v -o "$work/time.t" "$b/bin/almaudit" "$@" \
			--limit "$limit" --rules "$rules" --tz UTC "$work/export-$rows-${c#*-}.csv.gz" \
			>/dev/null 2>"$work/err.t" || status=$?
		if [ "$status" -eq 124 ]; then
			printf '%-13s %5d %9s %9s %12s %6s\n' "$c" "$n" ">$timeout" - - cut
			continue
		fi
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
			for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$work/time.t")
		cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$work/time.t")
		rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.t")
		printf '%-13s %5d %9s %9s %12s %6s\n' "$c" "$n" "$wall" "$cpu" "$rss" "$status"
		rm -rf "$out"
	done
done
