#!/bin/sh
# Regenerates the samples into a scratch directory and compares their
# contents (decompressed, so a different zlib cannot matter) with samples/:
# the CSV exports and the API's JSON.
set -eu
gen=$1
samples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" --out "$tmp" >/dev/null
status=0
for f in "$tmp"/*.csv.gz "$tmp"/*.json.gz; do
	name=$(basename "$f")
	gzip -dc "$f" >"$tmp/new"
	if ! gzip -dc "$samples/$name" | cmp - "$tmp/new"; then
		echo "samples/$name differs from what almaudit-gensample writes" >&2
		status=1
	fi
done
if [ "$(ls "$tmp"/*.csv.gz "$tmp"/*.json.gz | wc -l)" -ne \
	"$(ls "$samples"/*.csv.gz "$samples"/*.json.gz | wc -l)" ]; then
	echo "samples/ holds other exports than the generator writes" >&2
	status=1
fi
exit $status
