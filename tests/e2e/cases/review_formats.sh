# review in csv and json: one row (object) per approval shown, and one per
# person with no approval in force; the summary counts each kind.
S=../../samples
R="--tz America/New_York --period 2026-10 --sandbox $S/sandbox-2025-11-to-2026-10.csv.gz"
"$ALMAUDIT" review $R --format csv --user Popkin --user Armitage --user Sutton \
	$S/jobs-2026-10.csv.gz
echo "status: $?"
"$ALMAUDIT" review $R --format json --unit DIG $S/jobs-2026-10.csv.gz
echo "status: $?"
# html: the matrix, its cells coloured by use, names escaped
"$ALMAUDIT" review $R --format html --unit GUT $S/jobs-2026-10.csv.gz | grep -E '<td class="(used|unused|untested|revoked|later)"' | head -5
"$ALMAUDIT" review $R --format html --user Armitage $S/jobs-2026-10.csv.gz | grep -c 'class="revoked"'
# the page fits a window of 1280 pixels and prints with its details: each
# matrix cell's tooltip (its review, sign-off and rule, which do not print)
# is a row of the "Every approval" table; printed landscape, in colour
"$ALMAUDIT" review $R --format html $S/jobs-2026-10.csv.gz | python3 -c '
import html.parser, re, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.titles, self.rows, self.table, self.row, self.cell = [], [], None, None, None
        self.div, self.who = None, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.table = a.get("class")
        elif tag == "div":
            self.div = a.get("class")
        elif tag == "td" and self.table == "matrix" and a.get("class") == "who":
            self.who.append((self.div, a.get("title")))
        elif tag == "td" and self.table == "matrix" and "title" in a:
            self.titles.append(a["title"])
        elif tag == "tr" and self.table == "every":
            self.row = []
        elif tag == "td" and self.row is not None:
            self.cell = ""
    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row:
            self.rows.append(self.row)
            self.row = None
    def handle_data(self, d):
        if self.cell is not None:
            self.cell += d
page = sys.stdin.read()
p = P()
p.feed(page)
rows = {(r[1], r[6], r[7]) for r in p.rows if len(r) == 8}
missing = [t for t in p.titles
           if (lambda m: (m.group(1), m.group(2), m.group(3)) not in rows)(
               re.match(r"(\S+): (.*); (?:signed off \S+|no sign-off date) \((\S+)\)$", t))]
print("matrix cells:", len(p.titles), "rows of every approval:", len(p.rows), "tooltips not in it:", len(missing))
print("prints landscape, in colour:", "@page{size:A4 landscape" in page and "print-color-adjust:exact" in page)
# wider than a window of 1280 pixels, the matrix scrolls in its own box
# (not the page), and prints unboxed; each person whole in the title of a
# cut name, the unit under the name
print("people in the scrolling box:", sum(d == "mbox" for d, _ in p.who), "of", len(p.who),
      ".mbox{overflow:auto" in page, "@media print{.mbox{overflow:visible" in page)
print("Vardit Samuels:", [t for _, t in p.who if t.startswith("Vardit")],
      page.count("Vardit Samuels<br><small>JUD</small>"))

'
