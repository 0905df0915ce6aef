#!/bin/sh
# The performance benchmark (not part of ctest): the audit of a large gzip
# export against the cost of decompressing it. Generates synthetic exports
# of 1 and 4 million rows, then times, side by side and alternating, `zcat
# FILE >/dev/null`, `almaudit audit --format csv -o /dev/null FILE` and the
# text report, and prints the median wall times, the ratio to zcat, and the
# peak RSS of each.
#
#   sh tests/bench/bench.sh BUILD [RUNS] [SIZES]
#       BUILD: the build directory (with bin/almaudit, bin/almaudit-gensample)
#       RUNS:  timed runs of each command (default 5)
#       SIZES: row counts (default "1000000 4000000")
# Needs GNU time (/usr/bin/time, Debian package "time").
set -eu
build=$(cd "$1" && pwd)
runs=${2:-5}
sizes=${3:-"1000000 4000000"}
work=${BENCH_DIR:-/tmp/almaudit-bench}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "machine: $(nproc) cores, $(awk '/model name/ { $1 = $2 = $3 = ""; print; exit }' /proc/cpuinfo | sed 's/^ *//')"
for rows in $sizes; do
	file=$work/jobs-$rows.csv.gz
	[ -s "$file" ] || "$build/bin/almaudit-gensample" --rows "$rows" -o "$file"
	bytes=$(gzip -dc "$file" | wc -c)
	echo
	echo "$rows rows: $(du -m "$file" | cut -f1) MB gzip, $((bytes / 1000000)) MB uncompressed"
	: >"$work/zcat.t"; : >"$work/csv.t"; : >"$work/text.t"
	for i in $(seq "$runs"); do
		/usr/bin/time -f "%e %M" -a -o "$work/zcat.t" sh -c "zcat '$file' >/dev/null"
		/usr/bin/time -f "%e %M" -a -o "$work/csv.t" "$build/bin/almaudit" audit --format csv \
			-o /dev/null "$file" || [ $? -eq 1 ]
		/usr/bin/time -f "%e %M" -a -o "$work/text.t" "$build/bin/almaudit" audit \
			-o /dev/null "$file" || [ $? -eq 1 ]
	done
	z=$(grep -v Command "$work/zcat.t" | cut -d' ' -f1 | median)
	for what in csv text; do
		t=$(grep -v Command "$work/$what.t" | cut -d' ' -f1 | median)
		rss=$(grep -v Command "$work/$what.t" | cut -d' ' -f2 | sort -n | tail -1)
		printf '  audit --format %-4s median %6.2f s   zcat %6.2f s   ratio %.2f   peak RSS %d KB\n' \
			"$what" "$t" "$z" "$(echo "$t $z" | awk '{ print $1 / $2 }')" "$rss"
	done
done
