# With --baseline and waivers, the trend counts the findings the tables
# under it show (those no waiver covers), in text, --summary, html and
# json: "unapproved: 0 new, 37 recurring" heads "unapproved (37)"; the waived
# ones are counted apart, on a line (an html row, json keys) of their own.
S=../../samples
A="--tz America/New_York --period 2026-10 $S/jobs-2026-10.csv.gz"
# the baseline: this month's report less the findings of some people, so that
# some findings are new and some recurring, waived or not
"$ALMAUDIT" audit --format json $A 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
d["findings"] = [f for f in d["findings"] if sum(map(ord, f["user"])) % 3]
json.dump(d, sys.stdout)' >"$SCRATCH/base.json"
W="--waivers $S/waivers-2026-10.csv --baseline $SCRATCH/base.json"
echo "== text"
"$ALMAUDIT" audit $W $A 2>/dev/null | sed -n '/^Findings/p;/^Trend/,/^$/p;/^[A-Z-]* ([0-9,]*):/p'
echo "== the rows' marks under each heading, counted: as the trend says"
"$ALMAUDIT" audit $W $A 2>/dev/null | awk '
/^[A-Z-]+ \([0-9,]+\):/ { kind = $1; next }
/^$/ { kind = "" }
kind && $1 == "new" { n[kind]++ }
kind && $1 == "recurring" { r[kind]++ }
END { for (k in n) print k, n[k] + 0, "new"; for (k in r) print k, r[k] + 0, "recurring" }' | sort
echo "== summary"
"$ALMAUDIT" audit --summary $W $A 2>/dev/null | grep -i 'baseline'
echo "== html"
"$ALMAUDIT" audit --format html $W $A 2>/dev/null | sed -n '/id="trend"/,/<\/table>/p' |
	grep -o '<td[^>]*>\(<a [^>]*>\)\?[a-z-]*\(</a>\)\?</td><td[^>]*>.*</td>' | sed -e 's/<[^>]*>/ /g' -e 's/  */ /g'
"$ALMAUDIT" audit --format html $W $A 2>/dev/null | grep -o '<h3 id="[a-z-]*"[^>]*>[a-z-]* ([0-9,]*)'
echo "== json"
"$ALMAUDIT" audit --format json $W $A 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
t = d["baseline"]["trend"] if "baseline" in d else d["summary"]["baseline"]["trend"]
for k, v in t.items():
    print(k, v, "shown:", d["summary"]["findings"][k], "waived:", d["summary"]["waived"][k])
'
