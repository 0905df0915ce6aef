#!/bin/sh
# The walk-through of 'almaudit help investigate' stays true: its source,
# analyzer/investigate.txt, is run command by command (each line
# "    $ almaudit ..." with the samples, from the source directory) and the
# output written under each command must be what the binary writes now; the
# README's section "Investigating a bad batch" must hold the same text, and
# so must 'almaudit help investigate' (compiled in from the same file).
# With --update the outputs in investigate.txt and the README section are
# rewritten instead (review the diff).
#   sh tests/investigate_check.sh BUILD/bin/almaudit SOURCE_DIR [--update]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
cd "$src" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export ALMAUDIT_RULES=rules ALMAUDIT_NOW=2026-10-15T13:00:00Z TZ=UTC LC_ALL=C
txt=analyzer/investigate.txt
status=0

# The walk-through as it is with every command run again: prose lines as
# they are; under each command its output, indented by four spaces (empty
# lines kept empty), then one empty line.
in_output=0
while IFS= read -r line; do
	case "$line" in
	'    $ almaudit '*)
		[ $in_output = 1 ] && echo
		echo "$line"
		cmd=${line#'    $ almaudit '}
		eval "\"\$bin\" $cmd" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		if [ $rc -gt 1 ] || [ -s "$tmp/err" ]; then
			echo "investigate: 'almaudit $cmd' exits $rc: $(cat "$tmp/err")" >&2
			status=1
		fi
		sed 's/^\(.\)/    \1/' "$tmp/out"
		in_output=1
		;;
	'    '* | '')
		[ $in_output = 1 ] || echo "$line"
		;;
	*)
		[ $in_output = 1 ] && echo
		in_output=0
		echo "$line"
		;;
	esac
done <"$txt" >"$tmp/walk"

# The README's section: the lines between "```text" and "```" after its heading.
readme_section() {
	awk '/^#+ Investigating a bad batch$/ { h = 1; next }
	     h && /^```text$/ { on = 1; next }
	     on && /^```$/ { exit }
	     on { print }' README.md
}

if [ "${3:-}" = --update ]; then
	cp "$tmp/walk" "$txt"
	awk -v walk="$tmp/walk" '
	     /^#+ Investigating a bad batch$/ { h = 1 }
	     h && !done && /^```text$/ { print; while ((getline l < walk) > 0) print l; skip = 1; next }
	     skip && /^```$/ { skip = 0; done = 1 }
	     !skip { print }' README.md >"$tmp/readme" && cp "$tmp/readme" README.md
	exit $status
fi
if ! cmp -s "$txt" "$tmp/walk"; then
	echo "$txt: the outputs are not what the commands write now:" >&2
	diff -u "$txt" "$tmp/walk" | head -40 >&2
	status=1
fi
readme_section >"$tmp/readme"
if ! cmp -s "$txt" "$tmp/readme"; then
	echo "README.md: 'Investigating a bad batch' differs from $txt:" >&2
	diff -u "$txt" "$tmp/readme" | head -40 >&2
	status=1
fi
"$bin" help investigate >"$tmp/help"
if ! cmp -s "$txt" "$tmp/help"; then
	echo "'almaudit help investigate' differs from $txt (rebuild?):" >&2
	diff -u "$txt" "$tmp/help" | head -20 >&2
	status=1
fi
[ $status = 0 ] || echo "to rewrite: sh tests/investigate_check.sh $1 $2 --update" >&2
exit $status
