# A CSV's unknown set is judged as the API's is: a UI export with no
# set_name column, or a set_name cell that is empty (or blank), never turns
# an approval limited to sets into an accusation nor clears it in silence:
# the runs are judged approved, counted in a Sets WARNING at the top of
# every format naming the file without the column (text, --summary, html,
# email, json's sets_unknown and each input's set_names), on standard
# error, and in runs --explain. A set named that the approval does not
# cover is still unapproved.
S="--tz America/New_York --period 2026-10-14"
"$ALMAUDIT" audit $S data/sets-ui-noset.csv
echo "status: $?"
"$ALMAUDIT" audit $S --summary data/sets-ui-noset.csv 2>/dev/null
"$ALMAUDIT" audit $S --format html data/sets-ui-noset.csv 2>/dev/null |
	grep -o '<th>Sets</th><td><b>WARNING</b>: [^<]*'
"$ALMAUDIT" audit $S --format email --to lts@example.org data/sets-ui-noset.csv 2>/dev/null |
	grep -c 'has no set_name col'
"$ALMAUDIT" audit $S --format json data/sets-ui-noset.csv 2>/dev/null |
	grep -o -e '"sets_[a-z_]*":[^,]*' -e '"set_names":[a-z]*'
"$ALMAUDIT" runs $S --explain data/sets-ui-noset.csv 2>/dev/null | grep -e '^6' -e 'set'
echo "-- empty set cells"
"$ALMAUDIT" audit $S data/sets-empty-cell.csv data/sets-ui-noset.csv
echo "status: $?"
"$ALMAUDIT" audit $S --format json data/sets-empty-cell.csv 2>/dev/null |
	grep -o -e '"sets_[a-z_]*":[^,]*' -e '"set_names":[a-z]*'
"$ALMAUDIT" runs $S --explain data/sets-empty-cell.csv 2>/dev/null | grep -e '^6' -e 'set'
