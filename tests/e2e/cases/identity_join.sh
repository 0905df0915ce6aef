# The identity join (spec section 1.2): runs to people. An export without a
# Submitted By Name column, with the shipped staff.csv (no alma_ids),
# matches no one: an ERROR at the top of every format naming the cause (and
# the column that looks like names, for --column), exit 2; with --column
# the same export is judged. Names in Submitted By ("Moody, Honor", "Laura
# Hartnett") are read as names, and the input line and runs --explain say
# so. The header counts the manual runs matched in every report.
a() { "$ALMAUDIT" "$@" --tz America/New_York; echo "status: $?"; }
a audit data/no-names.csv
a audit --summary data/no-names.csv
"$ALMAUDIT" audit --format json --tz America/New_York data/no-names.csv |
	grep -o '"errors":\[[^]]*\]\|"identity":{[^}]*}'
"$ALMAUDIT" audit --format email --to a@example.edu --from b@example.edu --tz America/New_York \
	data/no-names.csv | grep '^Subject:'
"$ALMAUDIT" audit --format html --tz America/New_York data/no-names.csv | grep 'ERROR'
a audit --summary --column "submitted_by_desc=Full Name" data/no-names.csv
echo "== no column that looks like names"
sed 's/,Full Name,/,Notes,/' data/no-names.csv >"$SCRATCH/no-names.csv"
"$ALMAUDIT" audit --summary --tz America/New_York "$SCRATCH/no-names.csv" 2>/dev/null | grep "^ERROR" |
	sed "s|$SCRATCH|SCRATCH|g"
echo "== names in Submitted By"
a audit data/names-in-user.csv
a runs --explain --id 7100000000113941 data/names-in-user.csv
sed 's/Moody, Honor/Morse, Anna/; s/Laura Hartnett/Ada Byron/; s/Lee, Te-Yi/Kay, Alan/g' \
	data/names-in-user.csv >"$SCRATCH/strangers.csv"
"$ALMAUDIT" audit --summary --tz America/New_York "$SCRATCH/strangers.csv" 2>/dev/null | grep "^ERROR" |
	sed "s|$SCRATCH|SCRATCH|g"
