# Our own json report is always a valid --baseline: a set name of 40,000
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
