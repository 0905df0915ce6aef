# The man page and the help keep up with the command line: every long option
# in cli.c's option tables is in the man page and in 'help audit' or 'help
# runs' or 'help rules'; the formats runs accepts are the man page's list.
man=../../analyzer/almaudit.1
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/^\.[A-Z][A-Z]* *//' "$man" | tr '\n' ' ' |
	sed -e 's/ ,/,/g' -e 's/  */ /g')
help=$("$ALMAUDIT" help audit; "$ALMAUDIT" help runs; "$ALMAUDIT" help rules)
for opt in $(grep -o '{"[a-z-]*", [a-z_]*_argument' ../../analyzer/cli.c | sed 's/{"\([a-z-]*\)".*/\1/' | sort -u); do
	case "$text" in *"--$opt"*) ;; *) echo "not in the man page: --$opt" ;; esac
	case "$help" in *"--$opt"*) ;; *) echo "not in the help: --$opt" ;; esac
done
"$ALMAUDIT" runs --format html data/small.csv 2>&1
case "$text" in *"text, csv or json for runs"*) echo "man: runs writes text, csv or json" ;;
*) echo "man: the runs formats are not 'text, csv or json'" ;; esac
