# Our own json report is always a valid --baseline, plain or gzip: a set name of 40,000
# backslashes (under the 64 KiB cell limit on input) escapes to 80,000
# bytes in the report, past the 64 KiB that bounds a string of the API's
# JSON; the baseline reader allows what the writer can make of a cell.
S="--tz UTC --since 2026-10-05 --until 2026-10-05"
{
	echo "id,name,submitted_by,submitted_by_desc,start_time,status,total_records,type,set_name"
	printf '1001,Delete Users - x,801,"Moody, Honor",2026-10-05T14:00:00Z,COMPLETED_SUCCESS,3,MANUAL,'
	awk 'BEGIN { s = "\\"; for (i = 0; i < 15; i++) s = s s; print substr(s s, 1, 40000) }'
} >"$SCRATCH/long.csv"
"$ALMAUDIT" audit $S --format json "$SCRATCH/long.csv" >"$SCRATCH/prev.json"
echo "status: $?"
echo "report bytes over 80,000: $(($(wc -c <"$SCRATCH/prev.json") > 80000))"
"$ALMAUDIT" audit $S --summary --baseline "$SCRATCH/prev.json" "$SCRATCH/long.csv" 2>&1 |
	sed "s|$SCRATCH|SCRATCH|g" | grep -i -e baseline -e recurring -e error
echo "status: $?"
echo "--- the report gzipped: read as it is"
gzip -c "$SCRATCH/prev.json" >"$SCRATCH/prev.json.gz"
"$ALMAUDIT" audit $S --summary --baseline "$SCRATCH/prev.json.gz" "$SCRATCH/long.csv" 2>/dev/null |
	grep -e '^Since the baseline'
echo "status: $?"
head -c $(($(wc -c <"$SCRATCH/prev.json.gz") - 10)) "$SCRATCH/prev.json.gz" >"$SCRATCH/cut.json.gz"
# (the line reached depends on where the inflater's chunks end)
"$ALMAUDIT" audit $S --summary --baseline "$SCRATCH/cut.json.gz" "$SCRATCH/long.csv" 2>&1 >/dev/null |
	sed -e "s|$SCRATCH|SCRATCH|g" -e 's|gz:[0-9]*: |gz:LINE: |'
