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
profiles=${4:-"bench ids names jobs all days"}
work=${BENCH_DIR:-/tmp/almaudit-bench}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "machine: $(nproc) cores, $(awk '/model name/ { $1 = $2 = $3 = ""; print; exit }' /proc/cpuinfo | sed 's/^ *//')"
case " $profiles " in *" bench "*) ;; *) sizes_bench= ;; esac
for rows in ${sizes_bench-$sizes}; do
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

# ---- memory profiles ----

# profile ROWS PROFILE: writes a plain export of ROWS manual runs of the profile.
profile() {
	awk -v rows="$1" -v profile="$2" '
	# the civil date of a day number (days since 1970-01-01)
	function civil(z,   era, doe, yoe, y, doy, mp, d, m) {
		z += 719468
		era = int((z >= 0 ? z : z - 146096) / 146097)
		doe = z - era * 146097
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
		y = yoe + era * 400
		doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
		mp = int((5 * doy + 2) / 153)
		d = doy - int((153 * mp + 2) / 5) + 1
		m = mp < 10 ? mp + 3 : mp - 9
		return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d)
	}
	BEGIN {
		print "id,job_id,name,category,type,submitted_by,submitted_by_desc,submit_time,start_time,end_time,status,progress,total_records,set_name"
		for (i = 0; i < rows; i++) {
			user = "80120017"; desc = "Moody, Honor"; name = "Change Physical Items"
			day = profile == "days" ? -25567 + i : 20454 + int(i / 1440)
			t = sprintf("%sT%02d:%02d:00.000Z", civil(day), int(i / 60) % 24, i % 60)
			if (profile == "ids" || profile == "all") user = sprintf("9%011d", i)
			if (profile == "names" || profile == "all") desc = sprintf("Stranger, Person%d", i)
			if (profile == "jobs" || profile == "all") name = sprintf("Unlisted job %d", i)
			printf "61%014d,J%d,%s,Items,MANUAL,%s,\"%s\",%s,%s,%s,COMPLETED_SUCCESS,100,10,\n", i + 1, i, name, user, desc, t, t, t
		}
	}'
}

header=
for p in $profiles; do
	[ "$p" = bench ] && continue
	if [ "$p" = days ]; then prows=80000; else prows=$sizes; fi
	for rows in $prows; do
		file=$work/profile-$p-$rows.csv.gz
		[ -s "$file" ] || profile "$rows" "$p" | gzip -1 >"$file"
		: >"$work/profile.t"
		for i in $(seq "$runs"); do
			/usr/bin/time -f "%e %M" -a -o "$work/profile.t" "$build/bin/almaudit" audit \
				-o /dev/null "$file" || [ $? -eq 1 ]
		done
		t=$(grep -v Command "$work/profile.t" | cut -d' ' -f1 | median)
		rss=$(grep -v Command "$work/profile.t" | cut -d' ' -f2 | sort -n | tail -1)
		if [ -z "$header" ]; then
			echo
			echo "memory profiles (text report, median of $runs, peak RSS of the runs):"
			printf '  %-8s %10s %10s %14s\n' profile rows "wall s" "peak RSS KB"
			header=1
		fi
		printf '  %-8s %10d %10.2f %14d\n' "$p" "$rows" "$t" "$rss"
	done
done
