#!/bin/sh
# What evidence regardless of order costs (not part of ctest): the audit of
# a synthetic year (almaudit-gensample, ROWS rows) with its sandbox history
#   sandbox   given apart, --sandbox FILE (the sandbox read first, as before)
#   env-asc   in the production file, an environment column, oldest first
#   env-desc  the same rows newest first, as Alma's exports come
#   stdin     env-desc from standard input (read once: no first reading,
#             the verdicts that could change are held to the end)
# The sandbox history is every 50th production record copied with a new id
# (2% of the rows; the manual ones among them are the evidence). For each
# build and case: the median wall time, the median CPU time (user + system,
# both threads: what a shared machine's load does not inflate) and the
# largest peak RSS of RUNS runs of `almaudit audit --format csv -o
# /dev/null`, and the findings (csv data rows, to show the cases agree
# within a build).
#
#   sh tests/bench/evidence.sh BUILD[:BUILD2...] [RUNS] [ROWS]
# Needs GNU time (/usr/bin/time).
set -eu
builds=
for b in $(echo "$1" | tr ':' ' '); do builds="$builds $(cd "$b" && pwd)"; done
runs=${2:-5}
rows=${3:-1000000}
work=${BENCH_DIR:-/tmp/almaudit-bench}/evidence-$rows
rules=$(cd "$(dirname "$0")/../../rules" && pwd)
[ -x /usr/bin/time ] || { echo "evidence: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
mkdir -p "$work"
first=$(echo $builds | cut -d' ' -f1)

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

if [ ! -f "$work/env-desc.csv.gz" ]; then
	"$first/bin/almaudit-gensample" --rows "$rows" -o "$work/jobs.csv.gz"
	# one record a line (its line breaks as \001), production or sandbox last
	zcat "$work/jobs.csv.gz" | awk -v out="$work" '
	NR == 1 { header = $0; next }
	{ buf = buf == "" ? $0 : buf "\001" $0; n = gsub(/"/, "\"", buf)
	  if (n % 2) next
	  match(buf, /20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:.]+Z/)
	  key = substr(buf, RSTART, RLENGTH)
	  print key "\t" buf ",production" >out "/prod.rec"
	  if (++k % 50 == 0) { s = buf; sub(/^61/, "95", s); print key "\t" s ",sandbox" >out "/sb.rec"
	                       print s >out "/sb-plain.rec" }
	  buf = "" }
	END { print header >out "/header" }'
	{ cat "$work/header"; tr '\001' '\n' <"$work/sb-plain.rec"; } | gzip -1 >"$work/sandbox.csv.gz"
	h="$(cat "$work/header"),environment"
	{ echo "$h"; sort -t "$(printf '\t')" -k1,1 "$work/prod.rec" "$work/sb.rec" | cut -f2- | tr '\001' '\n'; } |
		gzip -1 >"$work/env-asc.csv.gz"
	{ echo "$h"; sort -r -t "$(printf '\t')" -k1,1 "$work/prod.rec" "$work/sb.rec" | cut -f2- | tr '\001' '\n'; } |
		gzip -1 >"$work/env-desc.csv.gz"
	rm -f "$work"/*.rec "$work/header"
fi

run() { # BUILD CASE: one timed run; prints "wall cpu rss"
	a="$1/bin/almaudit audit --rules $rules --tz UTC --format csv -o /dev/null"
	case $2 in
	sandbox) /usr/bin/time -f '%e %U %S %M' -o "$work/t" $a --sandbox "$work/sandbox.csv.gz" "$work/jobs.csv.gz" ;;
	env-asc) /usr/bin/time -f '%e %U %S %M' -o "$work/t" $a "$work/env-asc.csv.gz" ;;
	env-desc) /usr/bin/time -f '%e %U %S %M' -o "$work/t" $a "$work/env-desc.csv.gz" ;;
	stdin) /usr/bin/time -f '%e %U %S %M' -o "$work/t" sh -c "$a - <'$work/env-desc.csv.gz'" ;;
	esac >/dev/null 2>&1 || true
	tail -1 "$work/t" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

findings() { # BUILD CASE: the csv's data rows, counted, and a checksum of them sorted
	a="$1/bin/almaudit audit --rules $rules --tz UTC --format csv"
	case $2 in
	sandbox) $a --sandbox "$work/sandbox.csv.gz" "$work/jobs.csv.gz" ;;
	env-asc | env-desc) $a "$work/$2.csv.gz" ;;
	stdin) $a - <"$work/env-desc.csv.gz" ;;
	esac 2>/dev/null | tail -n +2 | sort >"$work/f" || true
	printf '%d findings, sorted cksum %s' "$(wc -l <"$work/f")" "$(cksum <"$work/f" | cut -d' ' -f1)"
}

echo "rows: $rows; runs: $runs; machine: $(nproc) cores"
printf '%-6s %-9s %7s %7s %12s  %s\n' build case "wall s" "cpu s" "peak RSS KB" "csv findings"
n=0
for b in $builds; do
	n=$((n + 1))
	for c in sandbox env-asc env-desc stdin; do
		: >"$work/walls"
		: >"$work/cpus"
		: >"$work/rss"
		for i in $(seq "$runs"); do
			set -- $(run "$b" $c)
			echo "$1" >>"$work/walls"
			echo "$2" >>"$work/cpus"
			echo "$3" >>"$work/rss"
		done
		printf '%-6s %-9s %7s %7s %12s  %s\n' "$n" $c "$(median <"$work/walls")" \
			"$(median <"$work/cpus")" "$(sort -n "$work/rss" | tail -1)" "$(findings "$b" $c)"
	done
done
