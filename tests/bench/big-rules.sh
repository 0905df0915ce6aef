#!/bin/sh
# Writes a large approval matrix into DIR (jobs.csv, staff.csv,
# approvals.csv), for timing the `rules` commands at scale (not part of
# ctest): by default 300 jobs (every tenth including the next), 20,000
# people (each with an Alma id and an alias), 100,000 approvals (one in
# five revoked, one in ten limited to sets), the same each time.
#
#   sh tests/bench/big-rules.sh DIR [JOBS] [PEOPLE] [APPROVALS]
#   /usr/bin/time -f '%es %MKB' build/bin/almaudit rules jobs --rules DIR >/dev/null
set -eu
dir=$1
jobs=${2:-300}
people=${3:-20000}
approvals=${4:-100000}
mkdir -p "$dir"
awk -v jobs="$jobs" -v people="$people" -v approvals="$approvals" -v dir="$dir" 'BEGIN {
	f = dir "/jobs.csv"
	print "job,scope,title,damaging,large_set,match,includes" > f
	for (j = 0; j < jobs; j++)
		printf "job-%d,Scope %d,Job number %d,%s,%s,^Job %d(?: - |$),%s\n", j, j % 7, j,
			j % 3 ? "no" : "yes", j % 6 ? "" : 5000, j,
			(j % 10 == 0 && j + 1 < jobs) ? "job-" (j + 1) : "" > f
	f = dir "/staff.csv"
	print "name,unit,alma_ids,aliases" > f
	for (p = 0; p < people; p++)
		printf "\"Surname%d, Given%d\",Unit%d,9%07d,Nick%d Surname%d\n", p, p, p % 40, p, p, p > f
	f = dir "/approvals.csv"
	print "job,staff,signed_off,revoked,sets,ticket,note" > f
	srand(12345) # the same matrix every time, with one awk
	for (a = 0; a < approvals; a++) {
		j = int(rand() * jobs)
		p = int(rand() * people)
		printf "job-%d,\"Surname%d, Given%d\",2025-01-%02d,%s,%s,T-%d,\n", j, p, p, a % 28 + 1,
			a % 5 == 0 ? "2026-01-15" : "", a % 10 == 3 ? "^Unit" (a % 40) " " : "", a > f
	}
}'
