#!/bin/sh
# The time 'almaudit fetch' takes to pull JOBS jobs of N instances each from
# the stand-in Alma API (tests/fetch/alma_stub.py --synthetic JOBS:N, on
# 127.0.0.1), RUNS times: the requests made (from the stand-in's log), the
# wall seconds and peak RSS of each run (GNU time), the instances and the
# file's size. The fetch starts no more than 20 requests a second (under the
# API's 25), so the requests, not the bytes, set the time.
#   sh tests/bench/fetch_bench.sh BUILD/bin/almaudit [JOBS:N] [RUNS]
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shape=${2:-40:250}
runs=${3:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'kill $stub 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
ALMA_STUB_KEY=l7xx-bench python3 "$here/fetch/alma_stub.py" --synthetic "$shape" \
	--log "$tmp/log" >"$tmp/port" &
stub=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
base=http://127.0.0.1:$(head -1 "$tmp/port")
echo "stand-in: --synthetic $shape (jobs:instances each); $(nproc) cores"
printf '%-4s %9s %9s %8s %11s %10s\n' run instances requests "wall s" "peak RSS KB" "file KB"
for r in $(seq "$runs"); do
	: >"$tmp/log"
	ALMA_API_KEY=l7xx-bench /usr/bin/time -f '%e %M' -o "$tmp/time" \
		"$bin" fetch --base-url "$base" --period 2026-10 --tz UTC -o "$tmp/out.json.gz" \
		2>"$tmp/err"
	n=$(gzip -dc "$tmp/out.json.gz" | grep -o '"job_info"' | wc -l)
	printf '%-4s %9s %9s %8s %11s %10s\n' "$r" "$n" "$(wc -l <"$tmp/log")" \
		"$(cut -d' ' -f1 "$tmp/time")" "$(cut -d' ' -f2 "$tmp/time")" \
		"$(($(stat -c %s "$tmp/out.json.gz") / 1024))"
done
echo "summary line of the last run:"
cat "$tmp/err"
