# What an export says of itself that the figures cannot, at the top of
# every report: an Analytics report's title and filter lines above the
# header (the month's imports only: no finding, exit 0, and nothing said
# but a line on standard error), its "Rows 1 - 3 of 2,692" above the
# header or below the rows, and an export ending on line 65,536, the last
# a sheet of Excel (.xls) holds.
S=$SCRATCH
H='id,name,submitted_by_desc,start_time,total_records'
R='"Lee, Te-Yi",2026-10-14T20:43:00Z,12'
printf 'Job History - Production\nJob Category is equal to Import\n%s\n1,Import profile X,%s\n' "$H" "$R" >"$S/imp.csv"
printf 'Rows 1 - 3 of 2,692\n%s\n1,Withdraw items,%s\n2,Withdraw items,%s\n3,Withdraw items,%s\n' "$H" "$R" "$R" "$R" >"$S/top.csv"
printf '%s\n1,Withdraw items,%s\n2,Withdraw items,%s\n3,Withdraw items,%s\n"Rows 1 - 3 of 2,692"\n' "$H" "$R" "$R" "$R" >"$S/foot.csv"
for f in imp top foot; do
	"$ALMAUDIT" audit --format json "$S/$f.csv" 2>/dev/null | python3 -c '
import json, sys
print(json.load(sys.stdin)["summary"]["warnings"])' | sed "s|$S/||g"
done
awk -v h="$H" 'BEGIN { print h; for (i = 1; i <= 65535; i++) printf "%d,Withdraw items,\"Lee, Te-Yi\",2026-10-14T20:43:00Z,12\n", i }' >"$S/xls.csv"
"$ALMAUDIT" audit "$S/xls.csv" 2>/dev/null | head -1 | sed "s|$S/||g"
# a line fewer: nothing said
sed '$d' "$S/xls.csv" >"$S/fewer.csv"
"$ALMAUDIT" audit "$S/fewer.csv" 2>/dev/null | head -1 | sed "s|$S/||g"
# Excel's padding of the footer ("Rows 1 - 3 of 2,692",,,,): the same
printf '%s\n1,Withdraw items,%s\n"Rows 1 - 3 of 2,692",,,,\n' "$H" "$R" >"$S/padfoot.csv"
"$ALMAUDIT" audit "$S/padfoot.csv" 2>/dev/null | head -1 | sed "s|$S/||g"
# the report's pages, all given: nothing said of them
printf 'Rows 1 - 2 of 4\n%s\n1,Withdraw items,%s\n2,Withdraw items,%s\n' "$H" "$R" "$R" >"$S/p1.csv"
printf 'Rows 3 - 4 of 4\n%s\n3,Withdraw items,%s\n4,Withdraw items,%s\n' "$H" "$R" "$R" >"$S/p2.csv"
"$ALMAUDIT" audit "$S/p1.csv" "$S/p2.csv" 2>/dev/null | head -1 | sed "s|$S/||g"
"$ALMAUDIT" audit "$S/p2.csv" 2>/dev/null | head -1 | sed "s|$S/||g"
# a page given twice (a browser's "p1 (1).csv"): rows 3 and 4 still missing
"$ALMAUDIT" audit "$S/p1.csv" "$S/p1.csv" 2>/dev/null | head -1 | sed "s|$S/||g"
# a complete note below the rows ("Rows 1 - 1 of 1"): no run, nothing said
printf '%s\n1,Withdraw items,%s\n"Rows 1 - 1 of 1"\n' "$H" "$R" >"$S/whole.csv"
"$ALMAUDIT" audit "$S/whole.csv" 2>&1 | sed "s|$S/||g" | grep -E '^(WARNING|Rows)'
