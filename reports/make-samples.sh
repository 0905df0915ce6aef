#!/bin/sh
# Rewrites the sample reports kept here, reports/sample-report.html,
# reports/sample-email.eml and reports/sample-review.html (the access review
# of the year's sandbox history and October), from the bundled samples/ and
# the shipped rules, with "now" fixed so that the same binary always writes
# the same bytes.
#   sh reports/make-samples.sh BUILD/bin/almaudit [OUTDIR]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here}
cd "$here/.." || exit 2
export ALMAUDIT_NOW=2026-11-01T13:00:00Z ALMAUDIT_RULES=rules LC_ALL=C
set -- --tz America/New_York --period 2026-10 --sandbox samples/sandbox-2026-10.csv.gz \
	samples/jobs-2026-10.csv.gz samples/jobs-2026-10-ui.csv.gz
# exit status 1 means findings: expected here
"$bin" audit --format html -o "$out/sample-report.html" "$@"
[ $? -le 1 ] || exit 2
"$bin" audit --format email --to "LTS Systems <lts-systems@library.example.edu>" \
	--from "almaudit <almaudit@library.example.edu>" -o "$out/sample-email.eml" "$@"
[ $? -le 1 ] || exit 2
"$bin" review --format html -o "$out/sample-review.html" --tz America/New_York \
	--since 2025-11-01 --until 2026-10-31 --sandbox samples/sandbox-2025-11-to-2026-10.csv.gz \
	samples/jobs-2026-10.csv.gz samples/jobs-2026-10-ui.csv.gz
[ $? -le 1 ] || exit 2
exit 0
