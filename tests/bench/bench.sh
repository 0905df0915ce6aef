#!/bin/sh
# The performance benchmark (not part of ctest): the audit of large gzip
# exports against the cost of decompressing them, in one table. For each
# profile and size it runs, RUNS times and alternating, `zcat FILE
# >/dev/null` and `almaudit audit --format F -o /dev/null FILE` for each
# format F of the profile (and each build): all of them on the machine's
# cores, then all of them again on one core (`taskset -c 0`). It prints per
# format the median wall time on all cores, on one core, and the median CPU
# time (user + sys) of the one-core runs, each with the median of the runs'
# ratios to the zcat run beside it, and the peak RSS of the runs; a zcat row
# gives zcat's own medians.
#
#   sh tests/bench/bench.sh BUILD[:BUILD2...] [RUNS] [SIZES] [PROFILES]
#       BUILD:    the build directory (with bin/almaudit, bin/almaudit-gensample);
#                 several, colon-separated, are timed in the same runs, one
#                 after the other (the table's build column: 1, 2, ...)
#       RUNS:     timed runs of each command (default 5)
#       SIZES:    row counts (default "1000000 4000000"; days: always 80,000)
#       PROFILES: default "bench heavy40 heavy98 real40 real98 ids names jobs all days json-input"
#
# Profiles (every input generated once into $BENCH_DIR, default
# /tmp/almaudit-bench; the rules are the repository's rules/ unless said):
#   bench    almaudit-gensample's synthetic year (41% manual runs, 7% of them
#            with findings; 229 bytes a row): csv and text
#   heavy40  the same export, against rules/ with every third approval
#            dropped: 40% of the manual runs with findings; csv json text html
#   heavy98  the same, with one approval in 40 kept: 98% of the manual runs
#            with findings (~400,000 findings at 1M rows); csv json text html
#   real40 real98   as heavy40 and heavy98, on the export as Alma writes it
#            for a library whose staff have accented names and type accented
#            descriptions (see accents below): csv json text html
#   ids names jobs all days   the memory profiles (see README.md, Memory): every
#            row a distinct submitted_by id, person not in staff.csv, unlisted
#            job name, all of these at once, and one row a day for 80,000
#            days; text
#   json-input  the bench export's runs as the Alma API's job instances (JSON
#            pages of 100, one a line, gzip: almaudit-gensample --json) against
#            the same runs as the CSV export, text: the rows incsv (the CSV)
#            and injson (the JSON); the zcat row is the JSON's
# Needs GNU time (/usr/bin/time, Debian package "time") and taskset
# (util-linux).
set -eu
builds=
for b in $(echo "$1" | tr ':' ' '); do builds="$builds $(cd "$b" && pwd)"; done
build=$(echo $builds | cut -d' ' -f1) # the one whose gensample makes the inputs
nbuilds=$(echo $builds | wc -w)
runs=${2:-5}
sizes=${3:-"1000000 4000000"}
profiles=${4:-"bench heavy40 heavy98 real40 real98 ids names jobs all days json-input"}
work=${BENCH_DIR:-/tmp/almaudit-bench}
rules=$(cd "$(dirname "$0")/../../rules" && pwd)
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v taskset >/dev/null || { echo "bench: needs taskset (apt-get install util-linux)" >&2; exit 2; }

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

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

# accents: the export with the accents Alma keeps: four people of staff.csv
# spelt with theirs (8% of the manual runs; the rules spell them without,
# and a name's key folds accents), and "rétro" in instance and set names
# (6% of the rows). 231 bytes a row.
accents() {
	sed -e 's/"Rouqui, Karim"/"Rouquí, Karim"/' -e 's/"Rua, Albertina"/"Rúa, Albertina"/' \
		-e 's/"Garcia, Catherine"/"García, Catherine"/' \
		-e 's/"Kornilowicz, Marek"/"Korniłowicz, Marek"/' -e 's/ retro / rétro /g'
}

# heavy DIR KEEP DROP: the rules with fewer approvals: a data line of
# approvals.csv is kept when its number n has n % KEEP == 0 (KEEP 1: all)
# and n % DROP != 0 (DROP 0: none dropped).
heavy() {
	mkdir -p "$1"
	cp "$rules/jobs.csv" "$rules/staff.csv" "$1/"
	awk -v keep="$2" -v drop="$3" 'NR == 1 || /^#/ { print; next }
		{ n++ } n % keep == 0 && (drop == 0 || n % drop != 0)' \
		"$rules/approvals.csv" >"$1/approvals.csv"
}

echo "machine: $(nproc) cores, $(awk '/model name/ { $1 = $2 = $3 = ""; print; exit }' /proc/cpuinfo | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
n=0
for b in $builds; do n=$((n + 1)); echo "build $n: $b"; done
echo "medians of $runs runs, alternating; x zcat: the median of each run's ratio to the zcat"
echo "run beside it; $(nproc) cores: wall s; 1 core: wall s under taskset -c 0, and CPU s"
echo "(user + sys) of those runs; peak RSS: the largest of the runs"
echo
printf '%-8s %8s  %-6s %5s %8s %6s %8s %6s %7s %6s %9s\n' "" "" "" "" "$(nproc) cores" "" "1 core" "" "" "" ""
printf '%-8s %8s  %-6s %5s %8s %6s %8s %6s %7s %6s %9s\n' profile rows format build "wall s" "x zcat" "wall s" "x zcat" "CPU s" "x zcat" "RSS KB"

# timed LOG CMD...: runs CMD, appending "wall user+sys peakRSS" to LOG.
timed() {
	log=$1
	shift
	/usr/bin/time -f "%e %U %S %M" -o "$work/time.t" "$@" || [ $? -eq 1 ]
	grep -v Command "$work/time.t" | awk '{ print $1, $2 + $3, $4 }' >>"$log"
}

# column LOG N: the Nth column of a log, a line a run.
column() { cut -d' ' -f"$2" <"$1"; }

# ratio LOG ZLOG N: the median of the runs' ratios, column N of LOG to ZLOG.
ratio() {
	column "$1" "$3" >"$work/a.c"
	column "$2" "$3" >"$work/z.c"
	paste "$work/a.c" "$work/z.c" | awk '{ print ($2 > 0 ? $1 / $2 : 0) }' | median
}

for p in $profiles; do
	dir=$rules
	case $p in
	bench) formats="csv text" ;;
	heavy40 | real40) formats="csv json text html"; dir=$work/rules-heavy40; heavy "$dir" 1 3 ;;
	heavy98 | real98) formats="csv json text html"; dir=$work/rules-heavy98; heavy "$dir" 40 0 ;;
	ids | names | jobs | all | days) formats=text ;;
	json-input) formats="incsv injson" ;;
	*) echo "bench: unknown profile '$p'" >&2; exit 2 ;;
	esac
	if [ "$p" = days ]; then prows=80000; else prows=$sizes; fi
	for rows in $prows; do
		case $p in
		bench | heavy*)
			file=$work/jobs-$rows.csv.gz
			[ -s "$file" ] || "$build/bin/almaudit-gensample" --rows "$rows" -o "$file" ;;
		json-input)
			csvfile=$work/jobs-$rows.csv.gz
			[ -s "$csvfile" ] || "$build/bin/almaudit-gensample" --rows "$rows" -o "$csvfile"
			file=$work/jobs-$rows.json.gz
			[ -s "$file" ] || "$build/bin/almaudit-gensample" --rows "$rows" --json -o "$file" ;;
		real*)
			file=$work/real-$rows.csv.gz
			if [ ! -s "$file" ]; then
				"$build/bin/almaudit-gensample" --rows "$rows" --plain -o "$work/real.csv"
				accents <"$work/real.csv" | gzip -6 >"$file"
				rm -f "$work/real.csv"
			fi ;;
		*)
			file=$work/profile-$p-$rows.csv.gz
			[ -s "$file" ] || profile "$rows" "$p" | gzip -1 >"$file" ;;
		esac
		for mode in all one; do
			: >"$work/zcat.$mode"
			for f in $formats; do
				for n in $(seq "$nbuilds"); do : >"$work/$f.$n.$mode"; done
			done
		done
		for i in $(seq "$runs"); do
			for mode in all one; do
				pin=
				[ $mode = one ] && pin="taskset -c 0"
				timed "$work/zcat.$mode" $pin sh -c "zcat '$file' >/dev/null"
				for f in $formats; do
					n=0
					for b in $builds; do
						n=$((n + 1))
						# json-input: the same runs read from the CSV, then the JSON
						in=$file fmt=$f
						case $f in incsv) in=$csvfile fmt=text ;; injson) fmt=text ;; esac
						timed "$work/$f.$n.$mode" $pin "$b/bin/almaudit" audit \
							--rules "$dir" --format "$fmt" -o /dev/null "$in"
					done
				done
			done
		done
		rss=$(cat "$work/zcat.all" "$work/zcat.one" | cut -d' ' -f3 | sort -n | tail -1)
		printf '%-8s %8d  %-6s %5s %8.2f %6s %8.2f %6s %7.2f %6s %9d\n' "$p" "$rows" zcat - \
			"$(column "$work/zcat.all" 1 | median)" - "$(column "$work/zcat.one" 1 | median)" - \
			"$(column "$work/zcat.one" 2 | median)" - "$rss"
		for f in $formats; do
			for n in $(seq "$nbuilds"); do
				a=$work/$f.$n.all o=$work/$f.$n.one
				rss=$(cat "$a" "$o" | cut -d' ' -f3 | sort -n | tail -1)
				printf '%-8s %8d  %-6s %5d %8.2f %6.2f %8.2f %6.2f %7.2f %6.2f %9d\n' "$p" "$rows" "$f" "$n" \
					"$(column "$a" 1 | median)" "$(ratio "$a" "$work/zcat.all" 1)" \
					"$(column "$o" 1 | median)" "$(ratio "$o" "$work/zcat.one" 1)" \
					"$(column "$o" 2 | median)" "$(ratio "$o" "$work/zcat.one" 2)" "$rss"
			done
		done
	done
done
