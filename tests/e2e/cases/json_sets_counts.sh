# The API's JSON, judged with care: the default counter rule takes the
# total of records processed, never "Total records failed" (0, listed
# first); a run whose instance name names no set is not accused against an
# approval limited to sets, nor cleared without a word: judged approved,
# with a WARNING and `set unknown` in runs --explain; a set named that the
# approval does not cover is unapproved. The Sets and Unchecked lines count
# runs, not their copies (every run but the import is in both files).
S="--tz America/New_York --since 2026-10-07 --until 2026-10-11"
"$ALMAUDIT" audit $S data/api-sets.json data/api-sets-copies.json
echo "status: $?"
"$ALMAUDIT" audit $S --format json data/api-sets.json data/api-sets-copies.json |
	grep -e '"sets_' -e '"runs":'
"$ALMAUDIT" runs $S --explain data/api-sets.json | grep -e '^[0-9]' -e 'set' -e 'records:'
"$ALMAUDIT" audit $S --format html data/api-sets.json 2>/dev/null | grep -o '<th>Sets</th><td><b>WARNING</b>: [^<]*'
