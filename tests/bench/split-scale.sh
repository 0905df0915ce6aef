#!/bin/sh
# The split by unit and the review at a consortium's scale (not part of
# ctest): many units, many people, many rows, a large baseline. For each
# case and build it runs the command once under /usr/bin/time -v and prints
# the wall time, the CPU time (user + system: the steadier figure on a
# shared machine) and the peak RSS in one table.
#
#   sh tests/bench/split-scale.sh BUILD[:BUILD2...] [UNITS] [PEOPLE] [ROWS] [TRIPLES] [CASES]
#       BUILD:   a build directory (bin/almaudit); several, colon-separated,
#                are run one after the other (the table's build column)
#       UNITS:   units of staff.csv (default 5000)
#       PEOPLE:  people of staff.csv (default 100000), person p in unit p % UNITS
#       ROWS:    rows of the export (default 4000000): row i is run by person
#                i % PEOPLE, of job i % 10; every person is approved for job-0
#                only, so nine rows in ten are unapproved findings
#       TRIPLES: distinct (kind, person, job) of the baseline (default 1000000;
#                none of them recurs: every unit lists resolved items)
#       CASES:   default "split-text split-fd64 split-limit split-csv split-baseline review-text"
#
# The cases (inputs generated once into $BENCH_DIR, default
# /tmp/almaudit-split-bench):
#   split-text      audit --split unit -o DIR (text), the default --limit
#   split-fd64      the same under ulimit -n 64
#   split-limit     the same with --limit 100000 (every unit keeps every finding)
#   split-csv       the same with --format csv (every finding in its unit's file)
#   split-baseline  split-text with --baseline TRIPLES.json
#   review-text     review --format text (a table per unit, every person in one)
# A case that runs past $BENCH_TIMEOUT seconds (default 900) is cut and shown
# as such. Needs GNU time (/usr/bin/time, Debian package "time").
set -eu
builds=
for b in $(echo "$1" | tr ':' ' '); do builds="$builds $(cd "$b" && pwd)"; done
units=${2:-5000}
people=${3:-100000}
rows=${4:-4000000}
triples=${5:-1000000}
cases=${6:-"split-text split-fd64 split-limit split-csv split-baseline review-text"}
work=${BENCH_DIR:-/tmp/almaudit-split-bench}
timeout=${BENCH_TIMEOUT:-900}
[ -x /usr/bin/time ] || { echo "split-scale: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
mkdir -p "$work"

# The rules: ten jobs, PEOPLE people in UNITS units (units.csv names them),
# each approved for job-0.
rules=$work/rules-$units-$people
if [ ! -s "$rules/approvals.csv" ]; then
	mkdir -p "$rules"
	awk -v units="$units" -v people="$people" -v dir="$rules" 'BEGIN {
		f = dir "/jobs.csv"
		print "job,scope,title,damaging,large_set,match,includes" > f
		for (j = 0; j < 10; j++)
			printf "job-%d,Scope,Job number %d,%s,,^Job %d(?: - |$),\n", j, j,
				j % 3 ? "no" : "yes", j > f
		f = dir "/units.csv"
		print "unit,name,email" > f
		for (u = 0; u < units; u++)
			printf "U%04d,Unit number %d,u%d@example.edu\n", u, u, u > f
		f = dir "/staff.csv"
		print "name,unit,alma_ids,aliases" > f
		for (p = 0; p < people; p++)
			printf "\"Surname%d, Given%d\",U%04d,9%07d,\n", p, p, p % units, p > f
		f = dir "/approvals.csv"
		print "job,staff,signed_off,revoked,sets,ticket,note" > f
		for (p = 0; p < people; p++)
			printf "job-0,\"Surname%d, Given%d\",,,,T-%d,\n", p, p, p > f
	}'
fi

export_=$work/export-$people-$rows.csv.gz
if [ ! -s "$export_" ]; then
	awk -v rows="$rows" -v people="$people" 'BEGIN {
		print "id,job_id,name,category,type,submitted_by,submitted_by_desc,submit_time,start_time,end_time,status,progress,total_records,set_name"
		for (i = 0; i < rows; i++) {
			p = i % people
			j = i % 10
			day = 1 + int(i / (rows / 30 + 1))
			t = sprintf("2026-09-%02dT%02d:%02d:00.000Z", day, int(i / 60) % 24, i % 60)
			printf "61%014d,J%d,Job %d - 09/%02d/2026,Items,MANUAL,9%07d,\"Surname%d, Given%d\",%s,%s,%s,COMPLETED_SUCCESS,100,10,\n",
				i + 1, j, j, day, p, p, p, t, t, t
		}
	}' | gzip -1 >"$export_"
fi

baseline=$work/baseline-$people-$triples.json
if [ ! -s "$baseline" ]; then
	awk -v triples="$triples" -v people="$people" -v units="$units" 'BEGIN {
		printf "{\"report\":{\"period\":{\"from\":\"2026-08-01\",\"until\":\"2026-08-31\",\"name\":\"2026-08\"},"
		printf "\"zone\":\"UTC\",\"rules\":{\"dir\":\"r\",\"jobs\":10,\"people\":%d,\"approvals\":%d},\"large_set\":1000},\n\"findings\":[", people, people
		for (i = 0; i < triples; i++) {
			p = i % people
			j = 100 + int(i / people) # jobs this audit never finds: every item resolved
			printf "%s\n{\"finding\":\"unapproved\",\"run_id\":\"%d\",\"job\":\"\",\"job_title\":\"\",\"job_name\":\"Old job %d - 08/01/2026\",\"user\":\"9%07d\",\"user_name\":\"Surname%d, Given%d\",\"staff\":\"Given%d Surname%d\",\"unit\":\"U%04d\"}",
				i ? "," : "", 5000000 + i, j, p, p, p, p, p, p % units
		}
		print "],\n\"summary\":{}}"
	}' >"$baseline"
fi

echo "machine: $(nproc) cores, $(awk '/model name/ { $1 = $2 = $3 = ""; print; exit }' /proc/cpuinfo | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
echo "inputs: $units units, $people people, $rows rows, a baseline of $triples triples"
n=0
for b in $builds; do n=$((n + 1)); echo "build $n: $b"; done
echo
printf '%-15s %5s %9s %9s %12s %6s\n' case build "wall s" "CPU s" "peak RSS KB" status
for c in $cases; do
	n=0
	for b in $builds; do
		n=$((n + 1))
		out=$work/out-$c-$n
		rm -rf "$out"
		files=
		case $c in
		split-text) set -- audit --split unit -o "$out" ;;
		split-fd64) set -- audit --split unit -o "$out"; files=64 ;;
		split-limit) set -- audit --split unit --limit 100000 -o "$out" ;;
		split-csv) set -- audit --split unit --format csv -o "$out" ;;
		split-baseline) set -- audit --split unit --baseline "$baseline" -o "$out" ;;
		review-text) set -- review --format text -o "$out" ;;
		*) echo "split-scale: unknown case '$c'" >&2; exit 2 ;;
		esac
		status=0
		({ [ -z "$files" ] || ulimit -n "$files"; } && timeout "$timeout" /usr/bin/time -v -o "$work/time.t" \
			"$b/bin/almaudit" "$@" --rules "$rules" --tz UTC --period 2026-09 "$export_" \
			>/dev/null 2>"$work/err.t") || status=$?
		if [ "$status" -eq 124 ]; then
			printf '%-15s %5d %9s %9s %12s %6s\n' "$c" "$n" ">$timeout" - - cut
			continue
		fi
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
			for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$work/time.t")
		cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$work/time.t")
		rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.t")
		printf '%-15s %5d %9s %9s %12s %6s\n' "$c" "$n" "$wall" "$cpu" "$rss" "$status"
		rm -rf "$out"
	done
done
