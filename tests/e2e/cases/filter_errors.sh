# Filters take the names people use (a job's title, a surname, one unit of
# several), and a value that matches nothing the rules or the inputs know is
# an error (exit 2) with the nearest known value, said in the report too.
S=../../samples
J=$S/jobs-2026-10.csv.gz
T="--tz America/New_York"
run() {
	echo "== $*"
	"$ALMAUDIT" "$@"
	echo "status: $?"
}

# --job by the page's title, in any case and spacing
run audit $T --job "Batch  item WITHDRAWALS" --format csv $J
# --user by a surname that picks out two staff people, named in the header
run audit $T --user Moody --limit 2 $J
# --user by a surname only the export knows
run audit $T --user Lindqvist --summary $J
"$ALMAUDIT" audit $T --user Lindqvist --format json $J | grep '"filters"'
"$ALMAUDIT" audit $T --user Moody --format html $J | grep '<th>User'
# --unit GUT: Julie Petzold (HKS/GUT) and Te-Yi Lee (GUT)
"$ALMAUDIT" runs $T --unit GUT $J >"$SCRATCH/gut"
echo "status: $?"
grep -o '[A-Z][A-Za-z-]* [A-Z][a-z]* ([A-Z/]*)' "$SCRATCH/gut" | sort | uniq -c

# typos: before reading when the rules can tell, after it when only the
# inputs can, then in the report itself
run audit $T --unit GTU $J
run audit $T --finding unaproved $J
run audit $T --job batch-item-withdrawls --summary $J
run audit $T --job "Batch item withdrawls" --user Lindqvst $J
"$ALMAUDIT" audit $T --user Mooody --format json $J | grep '"filters"'
"$ALMAUDIT" audit $T --user Mooody --format html $J | grep 'ERROR\|all-clear'
run audit $T --status Faild --summary $J
run runs $T --status Compelted $J
# a --job that is no id, no title and no pattern
run audit $T --job '(unclosed' $J

# --column naming a header the file does not have
run runs $T --column id=Ref_Nr --column name=task --column submitted_by_desc=Who \
	--column start_time=When data/odd-headers.csv

# --tz: UTC in any case; a file of the zone directory that is no zone
"$ALMAUDIT" audit --tz utc --format json $J | grep -o '"zone":"[^"]*"'
run audit --tz zone.tab $J
run audit --tz America $J

# an option of audit given to runs is named, not its value
run runs --limit 5 $J
run audit --id 5 $J
# a --grep that matches no field of any row: an error, said in the report
"$ALMAUDIT" audit --summary --tz America/New_York --grep 'zzzqq' ../../samples/jobs-2026-10.csv.gz
echo "grep nothing: $?"
"$ALMAUDIT" audit --summary --tz America/New_York --grep 'HD transfer' ../../samples/jobs-2026-10.csv.gz
echo "grep something: $?"
