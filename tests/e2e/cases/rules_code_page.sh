# A Polish library's rules saved by Excel in its code page (Windows-1250),
# and its export likewise: the bytes that are no UTF-8 are read as
# Windows-1252, so "Łukasz Wąsowski" in staff.csv and "Wąsowski, Łukasz"
# in the export never meet, and his approved run reads "unapproved, not in
# staff.csv" with nothing but a line on standard error. A person not
# matched whom the bytes of another code page would have found (the
# export's name read back in it, or staff.csv's written in it): a WARNING
# at the top naming the file and the code page, or the identity ERROR's
# cause when under half matched. A genuine Windows-1252 file with a
# stranger (O'Brien with a curly apostrophe) says nothing of code pages.
S=$SCRATCH
mkdir "$S/pl" "$S/utf8"
cp "$ALMAUDIT_RULES/jobs.csv" "$S/pl/"
cp "$ALMAUDIT_RULES/jobs.csv" "$S/utf8/"
printf 'name,unit,alma_ids,aliases\nŁukasz Wąsowski,GUT,,\nPaweł Gołębiowski,GUT,,\nMihyang Na,HYL,,\nCindy Reid,FAL,,\n' >"$S/utf8/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Mihyang Na,,,,,\nchange-physical-items,Cindy Reid,,,,,\nchange-physical-items,Łukasz Wąsowski,,,,,\nchange-physical-items,Paweł Gołębiowski,,,,,\n' >"$S/utf8/approvals.csv"
for f in staff.csv approvals.csv; do
	iconv -f UTF-8 -t CP1250 "$S/utf8/$f" >"$S/pl/$f"
done
H='id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records'
printf '%s\n7000000000000201,Change Physical Items,MANUAL,u1,"Wąsowski, Łukasz",2026-10-26T10:00:00Z,COMPLETED_SUCCESS,10\n7000000000000202,Change Physical Items,MANUAL,u2,"Na, Mihyang",2026-10-26T10:01:00Z,COMPLETED_SUCCESS,10\n7000000000000203,Change Physical Items,MANUAL,u3,"Reid, Cindy",2026-10-26T10:02:00Z,COMPLETED_SUCCESS,10\n' "$H" >"$S/one.csv"
printf '%s\n7000000000000204,Change Physical Items,MANUAL,u4,"Gołębiowski, Paweł",2026-10-26T10:03:00Z,COMPLETED_SUCCESS,10\n7000000000000201,Change Physical Items,MANUAL,u1,"Wąsowski, Łukasz",2026-10-26T10:00:00Z,COMPLETED_SUCCESS,10\n' "$H" >"$S/two.csv"
iconv -f UTF-8 -t CP1250 "$S/one.csv" >"$S/one-1250.csv"
echo "== the rules in Windows-1250, one of three not matched"
"$ALMAUDIT" audit --rules "$S/pl" --format json "$S/one.csv" 2>/dev/null | python3 -c '
import json, sys
s = json.load(sys.stdin)["summary"]
print("errors:", s["errors"]); print("warnings:", s["warnings"])' | sed "s|$S/||g"
echo "== the rules in Windows-1250, none matched"
"$ALMAUDIT" audit --rules "$S/pl" "$S/two.csv" 2>/dev/null | head -1 | sed "s|$S/||g"
echo "== the export in Windows-1250"
"$ALMAUDIT" audit --rules "$S/utf8" "$S/one-1250.csv" 2>/dev/null | head -1 | sed "s|$S/||g"
echo "== both in UTF-8: matched, nothing said"
"$ALMAUDIT" audit --rules "$S/utf8" "$S/one.csv" 2>&1 | head -1 | sed "s|$S/||g"
echo "== a genuine Windows-1252 staff.csv, O'Brien matched, a stranger not"
mkdir "$S/ob"
cp "$ALMAUDIT_RULES/jobs.csv" "$S/ob/"
printf 'name,unit,alma_ids,aliases\nSe\341n O\222Brien,GUT,,\n' >"$S/ob/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Se\341n O\222Brien,,,,,\n' >"$S/ob/approvals.csv"
printf '%s\n1,Change Physical Items,MANUAL,u1,"O\342\200\231Brien, Se\303\241n",2026-10-05T10:00:00Z,COMPLETED_SUCCESS,1\n2,Change Physical Items,MANUAL,u2,"Newhire, Pat",2026-10-05T11:00:00Z,COMPLETED_SUCCESS,1\n' "$H" >"$S/ob.csv"
"$ALMAUDIT" audit --rules "$S/ob" "$S/ob.csv" 2>/dev/null | head -1
