#!/bin/sh
# Runs one end-to-end case: cases/NAME.sh is a shell script that calls
# "$ALMAUDIT" on files under tests/e2e or samples/; its standard output,
# standard error and exit status must equal cases/NAME.out, NAME.err and
# NAME.status byte for byte. With --update as third argument the expected
# files are rewritten instead (review the diff before committing them).
# A case that cannot run here (it needs root, to act as a second user)
# exits 77 after saying why on standard error: the case is skipped (ctest
# counts exit status 77 as skipped), never passed.
#
#   sh tests/e2e/run.sh BUILD/bin/almaudit NAME [--update]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
name=$2
here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# the files a case writes get mode 0644 whatever the runner's umask (a
# config others may change is refused)
umask 022
ALMAUDIT=$bin SCRATCH=$tmp TZ=UTC LC_ALL=C ALMAUDIT_RULES=../../rules \
	sh "cases/$name.sh" >"$tmp/out" 2>"$tmp/err" </dev/null
echo $? >"$tmp/status"
if [ "$(cat "$tmp/status")" = 77 ]; then
	echo "$name: skipped:" >&2
	cat "$tmp/err" >&2
	exit 77
fi

if [ "${3:-}" = --update ]; then
	for k in out err status; do cp "$tmp/$k" "cases/$name.$k"; done
	exit 0
fi
fail=0
for k in out err status; do
	if [ ! -f "cases/$name.$k" ]; then
		echo "$name: cases/$name.$k is missing" >&2
		fail=1
	elif ! cmp -s "cases/$name.$k" "$tmp/$k"; then
		echo "$name: $k differs from cases/$name.$k:" >&2
		diff -u "cases/$name.$k" "$tmp/$k" | head -60 >&2
		fail=1
	fi
done
exit $fail
