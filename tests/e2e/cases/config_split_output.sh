# A config written for audit --split unit -o DIR serves runs, review and
# fetch too: they leave out its --split, and its -o with it (the split's
# directory, no file name for their report), noted with --verbose; runs and
# review write to standard output (they wrote a FILE named monthly, or
# failed on the directory), fetch asks for its own -o.
S=$PWD/../../samples
export ALMAUDIT_RULES="$PWD/$ALMAUDIT_RULES"
cd "$SCRATCH" || exit 2
printf -- '--tz UTC\n--split unit\n-o monthly\n' >m.conf
"$ALMAUDIT" runs --config m.conf --verbose --top 1 $S/jobs-2026-10.csv.gz >out.txt
echo "runs: status $?; $(wc -l <out.txt) lines on standard output; monthly: $(ls -d monthly 2>&1 | sed 's/.*: //')"
"$ALMAUDIT" review --config m.conf $S/jobs-2026-10.csv.gz >out.txt
echo "review: status $?; $(grep -c '^Period' out.txt) report on standard output; monthly: $(ls -d monthly 2>&1 | sed 's/.*: //')"
mkdir monthly
"$ALMAUDIT" runs --config m.conf --top 1 $S/jobs-2026-10.csv.gz >out.txt
echo "runs, monthly a directory: status $?; $(ls monthly | wc -l) files in it"
"$ALMAUDIT" fetch --config m.conf --verbose
echo "fetch: status $?"
# the command line's -o is the command line's
"$ALMAUDIT" runs --config m.conf --top 1 -o listing.txt $S/jobs-2026-10.csv.gz
echo "runs -o listing.txt: status $?; $(wc -l <listing.txt) lines in it"
# audit takes both: the split into monthly/
"$ALMAUDIT" audit --config m.conf --period 2026-10 $S/jobs-2026-10.csv.gz >list.txt
echo "audit: status $?; $(ls monthly | wc -l) files in monthly"
