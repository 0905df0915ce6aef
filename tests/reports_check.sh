#!/bin/sh
# The sample reports kept in reports/ are what the binary writes now.
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh "$src/reports/make-samples.sh" "$bin" "$tmp" || exit 1
status=0
for f in sample-report.html sample-email.eml sample-review.html; do
	if ! cmp "$src/reports/$f" "$tmp/$f"; then
		echo "reports/$f is out of date: sh reports/make-samples.sh $bin" >&2
		status=1
	fi
done
exit $status
