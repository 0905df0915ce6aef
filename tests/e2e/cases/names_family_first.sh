# Names whose family name comes first (Hungarian, Chinese, Japanese) as a
# library writes them in staff.csv ("Nagy László", "山田 太郎", "李德义")
# and as Alma gives them ("Nagy, László", "山田, 太郎", "李, 德义"): each
# read "not in staff.csv", unapproved. A name in Han, kana or Hangul is
# matched with its words in the order written (with or without a space);
# any other gets a hint only; staff.csv holding both orders, the family-
# first reading wins for a name in those scripts; (Thomas James and James Thomas may be two
# people): staff.csv's name with the words the other way round.
S=$SCRATCH
mkdir "$S/rules"
cp "$ALMAUDIT_RULES/jobs.csv" "$S/rules/"
printf 'name,unit,alma_ids,aliases\nNagy László,GUT,,\n山田 太郎,GUT,,\n李德义,HYL,,\nCindy Reid,FAL,,\nThomas James,FAL,,\n周 文,GUT,,\n文 周,HYL,,\n' >"$S/rules/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\nchange-physical-items,Nagy László,,,,,\nchange-physical-items,山田 太郎,,,,,\nchange-physical-items,李德义,,,,,\nchange-physical-items,Cindy Reid,,,,,\nchange-physical-items,Thomas James,,,,,\nchange-physical-items,周 文,,,,,\n' >"$S/rules/approvals.csv"
cat >"$S/runs.csv" <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time
7000000000000301,Change Physical Items,MANUAL,u1,"Nagy, László",2026-10-26T10:00:00Z
7000000000000302,Change Physical Items,MANUAL,u2,"山田, 太郎",2026-10-26T10:01:00Z
7000000000000303,Change Physical Items,MANUAL,u3,"李, 德义",2026-10-26T10:02:00Z
7000000000000304,Change Physical Items,MANUAL,u5,"Reid, Cindy",2026-10-26T10:04:00Z
7000000000000305,Change Physical Items,MANUAL,u6,"Thomas, James",2026-10-26T10:05:00Z
7000000000000306,Change Physical Items,MANUAL,u7,"James, Thomas",2026-10-26T10:06:00Z
7000000000000307,Change Physical Items,MANUAL,u8,"周, 文",2026-10-26T10:07:00Z
7000000000000308,Change Physical Items,MANUAL,u9,"文, 周",2026-10-26T10:08:00Z
CSV
"$ALMAUDIT" runs --rules "$S/rules" --tz UTC --format csv "$S/runs.csv" 2>/dev/null | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["user_name"], "|", r["staff"], "|", r["verdict"], "|", r["detail"])' 
