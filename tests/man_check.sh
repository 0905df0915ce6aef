#!/bin/sh
# The man pages render and point only at pages that exist: every page under
# man/ (NAME.SECTION) is formatted by 'groff -man -ww -z' without a word of
# output, and shown by 'man -l' (as man-db formats it, in the C locale and in
# C.UTF-8, 80 columns) with nothing on standard error and its NAME section on
# standard output; its .TH names it (ALMAUDIT-AUDIT 1 for almaudit-audit.1);
# and its SEE ALSO section names at least one page, each of them a page of
# man/.
#   sh tests/man_check.sh SOURCE_DIR
set -u
cd "$1/man" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export MANWIDTH=80 MANPAGER=cat PAGER=cat MAN_DISABLE_SECCOMP=1
status=0
fail() {
	echo "man/$page: $*" >&2
	status=1
}
pages=$(ls | grep '^[a-z][a-z0-9-]*\.[1-9]$')
[ -n "$pages" ] || { echo "man/: no pages" >&2; exit 1; }
for page in $pages; do
	name=${page%.*}
	section=${page##*.}
	if ! groff -man -ww -z "$page" >"$tmp/out" 2>&1 || [ -s "$tmp/out" ]; then
		fail "groff -man -ww -z is not silent:"
		head -20 "$tmp/out" >&2
	fi
	for locale in C C.UTF-8; do
		LC_ALL=$locale man -l "$page" >"$tmp/shown" 2>"$tmp/err"
		if [ $? != 0 ] || [ -s "$tmp/err" ]; then
			fail "man -l (LC_ALL=$locale) is not silent:"
			head -20 "$tmp/err" >&2
		fi
		grep -q "^NAME" "$tmp/shown" || fail "man -l (LC_ALL=$locale) shows no NAME section"
	done
	th=$(sed -n 's/^\.TH \([^ ]*\) \([^ ]*\) .*/\1 \2/p' "$page" | tr '[:lower:]' '[:upper:]')
	want=$(echo "$name $section" | tr '[:lower:]' '[:upper:]')
	[ "$th" = "$want" ] || fail ".TH says '$th', not '$want'"
	# SEE ALSO: the references name(section) from its heading to the next
	sed -n '/^\.SH "*SEE ALSO"*$/,/^\.SH/p' "$page" | sed -e '1d' -e '/^\.SH/d' \
		-e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/^\.[A-Z][A-Z]* *//' |
		tr '\n' ' ' | grep -o '[A-Za-z0-9_.-][A-Za-z0-9_.-]* *([1-9][a-z]*)' |
		tr -d ' ' >"$tmp/refs"
	[ -s "$tmp/refs" ] || fail "no SEE ALSO section, or it names no page"
	while IFS= read -r ref; do
		file="${ref%%(*}.$(echo "$ref" | sed 's/.*(\(.*\))/\1/')"
		[ -f "$file" ] || fail "SEE ALSO names $ref, which is no page of man/"
		[ "$file" = "$page" ] && fail "SEE ALSO names the page itself"
	done <"$tmp/refs"
done
exit $status
