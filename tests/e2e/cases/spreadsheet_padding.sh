# What a spreadsheet does to an export when it is saved again, and what an
# Analytics report's columns look like:
# - a header naming one column twice ("Number of Records" twice, 0 beside
#   40,112): the first was read in silence, exit 0, no findings; which one
#   holds the count cannot be told: an error at the header, exit 2;
# - "Set" (a set's id) beside "Set Name": the better name is read, wherever
#   it stands (the id was matched against the approval's sets: a wrong
#   accusation);
# - rows of empty cells (",,,,,", Excel's padding of a blank line) are
#   blank lines, above the header too;
# - rows with more or fewer empty cells at their end than the header are
#   read when no column read is missing (they were "wrong field count").
S=$SCRATCH
printf 'Job Instance ID,Job Name,Job Type,Submitted By,Submitted By Name,Start Time,Number of Records,Number of Records\n6100000323773941,Withdraw items,Manual,80120028,"Lee, Te-Yi",10/14/2026 4:43 PM,0,"40,112"\n' >"$S/dup.csv"
"$ALMAUDIT" audit --tz America/New_York "$S/dup.csv" 2>&1 | sed "s|$S/||" | head -1
"$ALMAUDIT" audit --tz America/New_York -o /dev/null "$S/dup.csv" 2>/dev/null
echo "exit $?"
# two names for one column ("Number of Records" and "Total Records"): the
# same; --column says which is read
printf 'Job Instance ID,Job Name,Job Type,Submitted By,Submitted By Name,Start Time,Number of Records,Total Records\n6100000323773941,Withdraw items,Manual,80120028,"Lee, Te-Yi",10/14/2026 4:43 PM,"40,112",0\n' >"$S/rec2.csv"
"$ALMAUDIT" audit --tz America/New_York "$S/rec2.csv" 2>&1 | sed "s|$S/||" | head -1
"$ALMAUDIT" audit --tz America/New_York --format csv --column total_records='Number of Records' "$S/rec2.csv" | cut -d, -f1
# a comma left unquoted in a count ("40,112") under a header that ends in a
# name: damage, rejected, never read as 40
printf 'id,name,submitted_by,submitted_by_desc,start_time,total_records,set_name\n6100000323773941,Withdraw items,80120028,"Lee, Te-Yi",2026-10-14T20:43:00Z,40,112,\n' >"$S/thou.csv"
"$ALMAUDIT" audit "$S/thou.csv" 2>&1 | sed "s|$S/||" | grep -E '^(Rows|Findings)'
printf 'Job Instance ID,Job Name,Job Type,Submitted By,Submitted By Name,Start Time,Set,Set Name\n6100000140693941,Suppress / unsuppress bibliographic record,Manual,80120030,"Samuels, Vardit",10/14/2026 3:35 PM,21877432510003941,Judaica weeding FY27 - 32\n' >"$S/set.csv"
"$ALMAUDIT" runs --tz America/New_York --format csv "$S/set.csv" 2>/dev/null | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["set_name"], "|", r["verdict"])' 
printf 'Job History - Production,,,,,\r\n,,,,,\r\nid,name,submitted_by,submitted_by_desc,start_time,total_records\r\n6100000323773941,Withdraw items,80120028,"Lee, Te-Yi",2026-10-14T20:43:00Z,40112\r\n,,,,,\r\n,,,,,\r\n' >"$S/pad.csv"
"$ALMAUDIT" audit "$S/pad.csv" 2>&1 | sed "s|$S/||" | grep -E '^(almaudit|Rows|Findings)'
printf 'Job Instance ID,Job Name,Submitted By,Submitted By Name,Start Time,Number of Records,,,,\n6100000323773941,Withdraw items,80120028,"Lee, Te-Yi",10/14/2026 4:43 PM,12,,,,\n6100000323773961,Withdraw items,80120028,"Lee, Te-Yi",10/14/2026 4:55 PM,"40,112",,,,,,\n6100000323773951,Withdraw items,80120028,"Lee, Te-Yi",10/14/2026 4:53 PM,"40,112"\n6100000323773952,Withdraw items,80120028,"Lee, Te-Yi",10/14/2026 4:54 PM,"40,112",,,,,x\n6100000323773953,Withdraw items,80120028,"Lee, Te-Yi",10/14/2026 4:57 PM\n' >"$S/trail.csv"
"$ALMAUDIT" audit --tz America/New_York "$S/trail.csv" 2>&1 | sed "s|$S/||" | grep -E '^(Rows|Rejected|Findings| )'
# under a header padded with empty cells, an unquoted comma shifts a value
# into the padding: damage, rejected (it read as 40, exit 0)
printf 'id,name,submitted_by,submitted_by_desc,start_time,total_records,set_name,,\n6100000323773941,Withdraw items,80120028,"Lee, Te-Yi",2026-10-14T20:43:00Z,40,112,HD,,\n' >"$S/padthou.csv"
"$ALMAUDIT" audit "$S/padthou.csv" 2>&1 | sed "s|$S/||" | grep -E '^(Rows|Findings|           )'
