# The man pages and the help keep up with the command line: every long
# option in the option tables of analyzer/*.c is in a command's man page
# (man/almaudit-audit.1, -runs.1, -review.1, -rules.1, -fetch.1) and in
# 'help audit' or 'help runs' or 'help rules' or 'help fetch'; the formats
# runs accepts are its man page's list.
pages="../../man/almaudit-audit.1 ../../man/almaudit-runs.1 ../../man/almaudit-review.1 ../../man/almaudit-rules.1 ../../man/almaudit-fetch.1"
text=$(cat $pages | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/^\.[A-Z][A-Z]* *//' | tr '\n' ' ' |
	sed -e 's/ ,/,/g' -e 's/  */ /g')
help=$("$ALMAUDIT" help audit; "$ALMAUDIT" help runs; "$ALMAUDIT" help rules; "$ALMAUDIT" help fetch)
opts=$(grep -ho '{"[a-z-]*", [a-z_]*_argument' ../../analyzer/*.c | sed 's/{"\([a-z-]*\)".*/\1/' | sort -u)
[ -n "$opts" ] || echo "no option table found in analyzer/*.c"
for opt in $opts; do
	case "$text" in *"--$opt"*) ;; *) echo "not in the man page: --$opt" ;; esac
	case "$help" in *"--$opt"*) ;; *) echo "not in the help: --$opt" ;; esac
done
"$ALMAUDIT" runs --format html data/small.csv 2>&1
case "$text" in *"text, csv or json for runs"*) echo "man: runs writes text, csv or json" ;;
*) echo "man: the runs formats are not 'text, csv or json'" ;; esac
