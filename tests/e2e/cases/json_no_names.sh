# The identity join (spec section 1.2) on the API's JSON (section 1.1):
# instances with no submitted_by.desc (or no submitted_by at all) give no
# name, as a CSV export without a submitted_by_desc column does. With the
# shipped staff.csv (no alma_ids) they match no one: the ERROR at the top
# of every format, exit 2, naming that cause (not "one stranger", a
# finding with exit 1, nor "the people who ran them are not in
# staff.csv"), the same for the JSON as for the CSV of the same runs. In a
# JSON file where some instances give a name, the cause is named when the
# nameless ones are most of those not matched; else the strangers are.
ALMAUDIT_RULES=$(cd ../../rules && pwd)
export ALMAUDIT_RULES
cd "$SCRATCH" || exit 2
for i in 1 2 3; do
	printf '{"id":"610000000000000%s","name":"Withdraw items - weeding","submitted_by":{"value":"80120001"},"start_time":"2026-10-07T19:0%s:00Z","counter":[{"type":{"value":"w.items_in_set","desc":"Number of items in set"},"value":"50"}],"job_info":{"id":"M1","name":"Withdraw items","type":{"value":"MANUAL"}}}\n' $i $i
done >d3.json
printf 'id,name,submitted_by,start_time,total_records,type\n' >d3.csv
for i in 1 2 3; do
	printf '610000000000000%s,Withdraw items - weeding,80120001,2026-10-07T19:0%s:00Z,50,MANUAL\n' $i $i
done >>d3.csv
sed 's/"submitted_by":{"value":"80120001"},//' d3.json >nosub.json
every() { # file: the top of each format, and its exit status
	"$ALMAUDIT" audit --tz UTC "$1" >o.txt 2>/dev/null
	echo "text status: $?"
	grep '^ERROR\|^WARNING' o.txt
	"$ALMAUDIT" audit --tz UTC --format csv "$1" 2>&1 >/dev/null
	echo "csv status: $?"
	"$ALMAUDIT" audit --tz UTC --format json "$1" 2>/dev/null | grep -o '"errors":\["[^]]*\]'
	"$ALMAUDIT" audit --tz UTC --format html "$1" 2>/dev/null | grep -c 'class="incomplete">ERROR: only 0'
	"$ALMAUDIT" audit --tz UTC --format email --to a@example.edu --from b@example.edu "$1" \
		2>/dev/null | grep '^Subject:'
}
for f in d3.json d3.csv nosub.json; do
	echo "== $f"
	every $f
done
inst() { # id submitted_by.value [submitted_by.desc]
	printf '{"id":"%s","name":"Withdraw items - weeding","submitted_by":{"value":"%s"%s},"start_time":"2026-10-07T19:00:00Z","job_info":{"id":"M1","type":{"value":"MANUAL"}}}\n' \
		"$1" "$2" "${3:+,\"desc\":\"$3\"}"
}
a() {
	"$ALMAUDIT" audit --tz UTC --summary "$@" >o.txt 2>/dev/null
	echo "status: $?"
	grep '^ERROR\|^WARNING' o.txt
}
echo "== some named: the nameless are most of those not matched"
{ inst 7001 aadams "Adams, Anne"; inst 7002 aadams "Adams, Anne"; inst 7003 801; inst 7004 801; inst 7005 802; } >mix1.json
a mix1.json
echo "== some named: the strangers are most of those not matched"
{ inst 7001 aadams "Adams, Anne"; inst 7002 aadams "Adams, Anne"; inst 7003 801; inst 7004 rc "Castillo, Rafael"; inst 7005 mm "Morse, Mary"; } >mix2.json
a mix2.json
echo "== staff.csv gives alma_ids, not these"
mkdir r
cp "$ALMAUDIT_RULES/jobs.csv" "$ALMAUDIT_RULES/approvals.csv" r/
sed 's/^Anne Adams,ITS-MUS,,/Anne Adams,ITS-MUS,aadams,/' "$ALMAUDIT_RULES/staff.csv" >r/staff.csv
a --rules r d3.json
a --rules r d3.csv
echo "--- a small input without names beside a large one of named strangers: the strangers are the cause"
for i in $(seq 0 19); do n=$((i % 3)); case $n in 0) d="Doe, Jane" ;; 1) d="Roe, Richard" ;; 2) d="Poe, Edgar" ;; esac
	printf '{"id":"61000000000003%02d","name":"Withdraw items - w","submitted_by":{"value":"8013000%d","desc":"%s"},"start_time":"2026-10-08T%02d:00:00Z","status":{"value":"COMPLETED_SUCCESS"},"counter":[{"type":{"value":"w.items_in_set","desc":"Number of items in set"},"value":"5"}],"job_info":{"id":"M1","name":"Withdraw items","type":{"value":"MANUAL"}}}\n' $i $n "$d" $i
done >"$SCRATCH/strangers.json"
"$ALMAUDIT" audit --tz UTC "$SCRATCH/strangers.json" "$SCRATCH/d3.json" 2>/dev/null | grep -e ^ERROR -e ^WARNING | sed "s|$SCRATCH/||g"
echo "--- the same with CSV: the examples are the strangers' names, not the other input's ids"
{ echo 'id,name,submitted_by,start_time,total_records'; for i in 1 2 3; do echo "700000000000010$i,Change Physical Items,8019000$i,2026-10-0${i}T10:00:00Z,5"; done; } >"$SCRATCH/noname.csv"
{ echo 'id,name,submitted_by,submitted_by_desc,start_time,total_records'; for i in $(seq 10 29); do case $((i % 3)) in 0) d="Doe, Jane" ;; 1) d="Roe, Richard" ;; 2) d="Poe, Edgar" ;; esac
	echo "70000000000002$i,Change Physical Items,8013000$((i % 3)),\"$d\",2026-10-${i}T10:00:00Z,5"; done; } >"$SCRATCH/strangers.csv"
"$ALMAUDIT" audit --tz UTC "$SCRATCH/noname.csv" "$SCRATCH/strangers.csv" 2>/dev/null | grep ^ERROR | sed "s|$SCRATCH/||g"
echo "--- runs with neither name nor id beside one named stranger: no join held, the ERROR stays"
sed 's/"submitted_by":{"value":"80120001"},//' "$SCRATCH/d3.json" >"$SCRATCH/anon.json"
grep '"Doe, Jane"' "$SCRATCH/strangers.json" >"$SCRATCH/doe.json" # 7 runs, one person
"$ALMAUDIT" audit --tz UTC "$SCRATCH/doe.json" "$SCRATCH/anon.json" 2>/dev/null | grep -e ^ERROR -e ^People | sed "s|$SCRATCH/||g"
"$ALMAUDIT" audit --tz UTC "$SCRATCH/strangers.json" "$SCRATCH/anon.json" 2>/dev/null | grep -e ^ERROR -e ^WARNING | sed "s|$SCRATCH/||g"
echo "--- a name that fits several people in staff.csv: in it, not told apart; the ERROR says so"
cp -r "$ALMAUDIT_RULES" "$SCRATCH/r2"
sed -i '/^Honor Moody,/d' "$SCRATCH/r2/staff.csv"
printf 'Honor A. Moody,ITS,,\nHonor B. Moody,ITS,,\n' >>"$SCRATCH/r2/staff.csv"
sed -i 's/,Honor Moody,/,Honor A. Moody,/' "$SCRATCH/r2/approvals.csv"
sed 's/"submitted_by":{"value":"80120001"}/"submitted_by":{"value":"80120001","desc":"Moody, Honor"}/' "$SCRATCH/d3.json" >"$SCRATCH/sev.json"
"$ALMAUDIT" audit --rules "$SCRATCH/r2" --tz UTC "$SCRATCH/sev.json" 2>/dev/null | grep -e ^ERROR -e ^WARNING | sed "s|$SCRATCH/||g"
echo "--- the first run without a name has no id, the others have one: their ids are said"
{ head -1 "$SCRATCH/anon.json"; tail -n +2 "$SCRATCH/d3.json"; } >"$SCRATCH/mixed.json"
"$ALMAUDIT" audit --tz UTC "$SCRATCH/mixed.json" 2>/dev/null | grep -e ^ERROR | sed "s|$SCRATCH/||g"
echo "--- the names that fit several people are the ones quoted, before any encoding cause"
{ echo 'id,name,submitted_by,submitted_by_desc,start_time,total_records,type'
	echo '9000000000000001,Withdraw items - a,x1,"Roe, Jane",2026-10-01T10:00:00Z,5,MANUAL'
	for i in 2 3 4 5 6 7 8 9; do printf '900000000000000%s,Withdraw items - M\374nchen,x2,"Moody, Honor",2026-10-0%sT10:00:00Z,5,MANUAL\n' $i $i; done; } >"$SCRATCH/sev2.csv"
"$ALMAUDIT" audit --rules "$SCRATCH/r2" --tz UTC "$SCRATCH/sev2.csv" 2>/dev/null | grep -e ^ERROR | sed "s|$SCRATCH/||g"
