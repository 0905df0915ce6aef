#!/bin/sh
# The walk-through of 'almaudit help investigate' stays true, wherever it is
# written: its source, analyzer/investigate.txt, is run command by command
# (each line "    $ almaudit ..." with the samples, from the source
# directory) and the output written under each command must be what the
# binary writes now; the section "INVESTIGATING A BAD BATCH" of
# man/almaudit-runs.1 must hold the same text as roff (the lines between its
# ".\" BEGIN analyzer/investigate.txt" and ".\" END" comments, each line of
# the text escaped as roff() below does); the README's "The morning after a
# bad batch" quotes one whole step of it ("1. ..." up to the next line that
# is not indented), word for word; and 'almaudit help investigate' (compiled
# in from the same file) prints it.
# With --update the outputs in investigate.txt, the man page's section and
# the README's step are rewritten instead (review the diff).
#   sh tests/investigate_check.sh BUILD/bin/almaudit SOURCE_DIR [--update]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
cd "$src" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export ALMAUDIT_RULES=rules ALMAUDIT_NOW=2026-10-15T13:00:00Z TZ=UTC LC_ALL=C
txt=analyzer/investigate.txt
man=man/almaudit-runs.1
readme=README.md
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

# roff FILE: the text as lines of roff in no-fill mode (.EX), read back as
# the same text: a backslash is \e, a hyphen-minus \- (so that a command
# copied from the rendered page is the command), a character beyond ASCII
# \[uXXXX] (UTF-8 decoded here, so groff reads the file as ASCII), and a
# line starting with . or ' is guarded by \&.
roff() {
	awk 'BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
	{
		out = ""
		n = length($0)
		for (i = 1; i <= n; i++) {
			c = substr($0, i, 1)
			b = ord[c]
			if (c == "\\") out = out "\\e"
			else if (c == "-") out = out "\\-"
			else if (b < 128) out = out c
			else {
				if (b >= 240) { k = 3; cp = b - 240 }
				else if (b >= 224) { k = 2; cp = b - 224 }
				else { k = 1; cp = b - 192 }
				for (j = 1; j <= k; j++) cp = cp * 64 + ord[substr($0, i + j, 1)] - 128
				i += k
				out = out sprintf("\\[u%04X]", cp)
			}
		}
		if (out ~ /^[.\047]/) out = "\\&" out
		print out
	}' "$1"
}

# The man page's section: the lines between the BEGIN and END comments.
man_section() {
	awk '/^\.\\" END analyzer\/investigate\.txt/ { on = 0 }
	     on { print }
	     /^\.\\" BEGIN analyzer\/investigate\.txt/ { on = 1 }' "$man"
}

# The README's excerpt: the lines between "```text" and "```" after its
# heading.
readme_excerpt() {
	awk '/^#+ The morning after a bad batch$/ { h = 1; next }
	     h && /^```text$/ { on = 1; next }
	     on && /^```$/ { exit }
	     on { print }' "$readme"
}

# step N FILE: step N of the walk-through, from its line "N. ..." to the
# line before the next line that is not indented, empty lines at its end
# left out.
step() {
	awk -v n="$1" 'on && /^[^ ]/ { exit }
	     index($0, n ". ") == 1 { on = 1 }
	     on { buf[++k] = $0 }
	     END { while (k > 0 && buf[k] == "") k--; for (i = 1; i <= k; i++) print buf[i] }' "$2"
}

readme_excerpt >"$tmp/excerpt"
n=$(sed -n '1s/^\([0-9][0-9]*\)\. .*/\1/p' "$tmp/excerpt")
if [ -z "$n" ]; then
	echo "$readme: 'The morning after a bad batch' quotes no step of $txt (its block must begin \"N. \")" >&2
	exit 1
fi

if [ "${3:-}" = --update ]; then
	cp "$tmp/walk" "$txt"
	roff "$txt" >"$tmp/roff"
	awk -v section="$tmp/roff" '
	     /^\.\\" END analyzer\/investigate\.txt/ { skip = 0 }
	     !skip { print }
	     /^\.\\" BEGIN analyzer\/investigate\.txt/ { while ((getline l < section) > 0) print l; skip = 1 }' \
		"$man" >"$tmp/man" && cp "$tmp/man" "$man"
	step "$n" "$txt" >"$tmp/step"
	awk -v step="$tmp/step" '
	     /^#+ The morning after a bad batch$/ { h = 1 }
	     h && !done && /^```text$/ { print; while ((getline l < step) > 0) print l; skip = 1; next }
	     skip && /^```$/ { skip = 0; done = 1 }
	     !skip { print }' "$readme" >"$tmp/readme" && cp "$tmp/readme" "$readme"
	exit $status
fi
if ! cmp -s "$txt" "$tmp/walk"; then
	echo "$txt: the outputs are not what the commands write now:" >&2
	diff -u "$txt" "$tmp/walk" | head -40 >&2
	status=1
fi
roff "$txt" >"$tmp/roff"
man_section >"$tmp/man"
if ! [ -s "$tmp/man" ] || ! cmp -s "$tmp/roff" "$tmp/man"; then
	echo "$man: 'INVESTIGATING A BAD BATCH' differs from $txt (as roff):" >&2
	diff -u "$tmp/roff" "$tmp/man" | head -40 >&2
	status=1
fi
step "$n" "$txt" >"$tmp/step"
if ! cmp -s "$tmp/step" "$tmp/excerpt"; then
	echo "$readme: 'The morning after a bad batch' is not step $n of $txt word for word:" >&2
	diff -u "$tmp/step" "$tmp/excerpt" | head -40 >&2
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
