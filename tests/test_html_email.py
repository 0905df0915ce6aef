#!/usr/bin/env python3
"""The html page parses as HTML with its four SVG charts and every hostile
string from an export escaped; the email parses with Python's standard MIME
parser into exactly a text and an html part: the text report, and the page
for mail readers (no SVG, no style sheet, no class: every style inline; the
charts as tables with each bar's numbers as text; the same tables,
headings and paragraphs as the page, and the same escaping); a subject with
a line break cannot add a header; non-ASCII subjects are RFC 2047 encoded;
no line is longer than the standard allows. A period of two months or more
adds the month table and its chart to both.

    python3 tests/test_html_email.py BUILD/bin/almaudit
"""
import email
import email.policy
import html.parser
import os
import re
import subprocess
import sys

ALMAUDIT = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "e2e", "data", "hostile.csv")
RULES = os.path.join(HERE, "..", "rules")
ENV = dict(os.environ, TZ="UTC", ALMAUDIT_NOW="2026-11-01T13:00:00Z", LC_ALL="C")
COMMON = ["audit", "--rules", RULES, "--tz", "America/New_York", DATA]
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def run(*args):
    p = subprocess.run([ALMAUDIT, *COMMON, *args], capture_output=True, env=ENV)
    return p.returncode, p.stdout, p.stderr


VOID = {"meta", "br", "img", "hr", "input", "link", "col", "wbr"}  # no end tag
SVG_LEAVES = {"rect", "line", "path", "circle"}


class Strict(html.parser.HTMLParser):
    """Checks that every element is closed, in order, and collects text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.tags, self.text = [], [], [], []
        self.attrs = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


class Parts(Strict):
    """Also collects what the page and the mail must share (the cells of
    each table that is not a chart, row by row; the headings; the
    paragraphs), the rows of the chart tables (role="presentation") as
    text, and the titles inside the SVG charts."""

    def __init__(self):
        super().__init__()
        self.tables, self.charts, self.headings, self.paragraphs, self.titles = [], [], [], [], []
        self.open = []  # (tag, attrs, text collected inside)

    def in_chart(self):
        tables = [a for t, a, _ in self.open if t == "table"]
        return bool(tables) and tables[-1].get("role") == "presentation"

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag in VOID:
            return
        if tag == "tr" and not self.in_chart():
            self.tables[-1].append([])
        self.open.append((tag, dict(attrs), []))
        if tag == "table":
            (self.charts if dict(attrs).get("role") == "presentation" else self.tables).append([])

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if not self.open or self.open[-1][0] != tag:
            return
        _, attrs, text = self.open.pop()
        words = " ".join("".join(text).split())
        if self.open:
            self.open[-1][2].append(" " + "".join(text) + " ")
        if tag == "title" and any(t == "svg" for t, _, _ in self.open):
            self.titles.append(words)
        elif tag in ("h1", "h2", "h3"):
            self.headings.append(words)
        elif tag == "p":
            self.paragraphs.append(words)
        elif tag in ("td", "th") and not self.in_chart():
            self.tables[-1][-1].append(words)
        elif tag == "tr" and self.in_chart():
            self.charts[-1].append(words)

    def handle_data(self, data):
        super().handle_data(data)
        if self.open:
            self.open[-1][2].append(data)


def parse(doc):
    p = Parts()
    p.feed(doc)
    p.close()
    return p


def check_escaped(doc, parser, what):
    """The escaping checks the page has always had, for the page and the mail."""
    check(not parser.errors and not parser.stack,
          f"{what}: every element closed in order ({parser.errors[:3]}, open: {parser.stack})")
    check("script" not in parser.tags, f"{what}: no script element, the hostile one included")
    check("img" not in parser.tags, f"{what}: no img element from the export")
    check(parser.tags.count("table") == doc.count("<table"), f"{what}: no table element from the export")
    check(not any(name.startswith("on") for name, _ in parser.attrs), f"{what}: no event-handler attribute")
    check(not any(t in parser.tags for t in ("link", "object", "iframe", "embed")),
          f"{what}: no external resource element")
    check(not any(name == "src" or (name == "href" and not (value or "").startswith("#"))
               for name, value in parser.attrs) and "url(" not in doc and "@import" not in doc,
          f"{what}: nothing loaded from elsewhere (no src, only in-page links, no CSS url())")
    text = "".join(parser.text)
    for hostile in ("<script>alert(1)</script>", "onerror=alert(2)>", "<b>Bold</b>, Mallory & Co",
                    "</td></tr></table><svg onload=alert(3)>"):
        check(hostile in text, f"{what}: {hostile!r} shown as text")
    check("\ufffd" in text, f"{what}: invalid UTF-8 and control bytes shown as U+FFFD")
    check("O\u2019Malley" in text or "Dénise" in text or "Delete Users \u2014 \u00e9t\u00e9" in text,
          f"{what}: valid UTF-8 kept as it is")


def alternative(msg):
    """The text and html parts: the message is multipart/mixed, a
    multipart/alternative of the two, then the csv attachment."""
    return list(list(msg.iter_parts())[0].iter_parts())


def html_part(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    return alternative(msg)[1].get_content()


def same_words(mail):
    """The mail's words that differ from the page's by design: where the
    rows left out are (the attached csv), and the note that the mail shows
    fewer rows."""
    return re.sub(r"\(all of them in the attached [^)]*\)", "(all of them: --format csv)", mail)


def check_mail(page, mail, what, days=True):
    """The mail html against the page: mail-safe, the same tables, headings
    and paragraphs, and every number of the page's charts as text in a row
    of the mail's charts. days: the chart of runs per day has the same bars
    (over a span longer than 31 days the mail sums more days a bar)."""
    check("<svg" not in mail, f"{what}: no <svg in the mail html")
    check("<style" not in mail, f"{what}: no style sheet in the mail html (mail readers strip it)")
    check("class=" not in mail, f"{what}: no class attribute: every style is inline "
          f"({re.findall(r'class=[^ >]*', mail)[:3]})")
    check("<div class" not in mail and "display:flex" not in mail and "display:grid" not in mail,
          f"{what}: no flex or grid layout (Outlook shows neither)")
    p, m = parse(page), parse(mail)
    check(not m.errors and not m.stack, f"{what}: the mail html is well formed ({m.errors[:3]}, open: {m.stack})")
    check(m.tables == p.tables, f"{what}: the same tables as the page, cell for cell "
          f"({len(m.tables)} and {len(p.tables)} tables)")
    check([h for h in m.headings if h not in CHART_HEADINGS] ==
          [h for h in p.headings if h not in CHART_HEADINGS],
          f"{what}: the same headings as the page")
    check([same_words(t) for t in m.paragraphs if not t.startswith("To stay readable")] == p.paragraphs,
          f"{what}: the same paragraphs as the page")
    missing = []
    for title in p.titles:
        if ": " not in title or (not days and re.match(r"\d{4}-\d\d-\d\d", title)):
            continue  # a chart's own title
        label, numbers = title.split(": ", 1)
        if not any(label in row and numbers in row for chart in m.charts for row in chart):
            missing.append(title)
    check(p.titles and not missing, f"{what}: each of the page's {len(p.titles)} chart numbers "
          f"is text in a row of the mail's charts (missing: {missing[:3]})")
    return p, m


CHART_HEADINGS = {"Findings by kind", "Findings by unit", "Manual runs per day",
                  "The largest runs of damaging jobs", "Findings by month"}


status, page, err = run("--format", "html")
check(status == 1, f"html: exit status 1 with findings (got {status}, {err!r})")
doc = page.decode("utf-8")
check(doc.startswith("<!DOCTYPE html>"), "html: starts with <!DOCTYPE html>")
parser = Strict()
parser.feed(doc)
parser.close()
check(parser.tags.count("svg") == 4, f"html: four inline SVG charts (found {parser.tags.count('svg')})")
check_escaped(doc, parser, "html")

status, textreport, _ = run()
_, htmlreport, _ = run("--format", "html")

status, raw, err = run("--format", "email", "--to", "lts@example.edu",
                       "--from", "almaudit <audit@library.example.edu>",
                       "--subject", "Audit\nBcc: victim@example.com\r\nX-Evil: 1")
check(status == 1, f"email: exit status 1 with findings (got {status}, {err!r})")
msg = email.message_from_bytes(raw, policy=email.policy.default)
check(msg.get_content_type() == "multipart/mixed", "email: multipart/mixed (the report, the findings attached)")
top = list(msg.iter_parts())
check([p.get_content_type() for p in top] == ["multipart/alternative", "text/csv"],
      f"email: the report and a csv attachment ({[p.get_content_type() for p in top]})")
parts = alternative(msg)
check([p.get_content_type() for p in parts] == ["text/plain", "text/html"],
      f"email: exactly a text/plain and a text/html part ({[p.get_content_type() for p in parts]})")
check(parts[0].get_content() == textreport.decode("utf-8"), "email: the text part is the text report")
mail = parts[1].get_content()
check(mail != htmlreport.decode("utf-8"), "email: the html part is not the page (no SVG for mail readers)")
parser = Strict()
parser.feed(mail)
parser.close()
check_escaped(mail, parser, "email html")
check_mail(htmlreport.decode("utf-8"), mail, "email html")
for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
    check(msg[h] is not None, f"email: has a {h} header")
check(msg["Bcc"] is None and msg["X-Evil"] is None, "email: a line break in the subject adds no header")
check("\n" not in str(msg["Subject"]) and "Bcc: victim@example.com" in str(msg["Subject"]),
      "email: the subject keeps its text on one logical line")
head, _, body = raw.partition(b"\n\n")
check(all(len(line) <= 78 for line in head.split(b"\n")), "email: header lines within 78 characters")
check(all(len(line) <= 76 for line in body.split(b"\n")), "email: body lines within 76 characters")
check(all(b < 0x80 for b in raw), "email: the message is 7-bit ASCII on the wire")

status, raw, _ = run("--format", "email", "--to", "lts@example.edu", "--from", "a@b.example",
                     "--subject", "Prüfung der Jobs – Oktober: 3 Befunde")
msg = email.message_from_bytes(raw, policy=email.policy.default)
check(b"=?UTF-8?B?" in raw.partition(b"\n\n")[0], "email: a non-ASCII subject is RFC 2047 encoded")
check(str(msg["Subject"]) == "Prüfung der Jobs – Oktober: 3 Befunde", "email: and decodes back whole")

status, raw, _ = run("--format", "email", "--to", "lts@example.edu", "--from", "a@b.example")
msg = email.message_from_bytes(raw, policy=email.policy.default)
check(str(msg["Subject"]).startswith("Alma job audit, all dates: 3 runs with findings"),
      f"email: the default subject names the period and the counts ({msg['Subject']})")

status, _, err = run("--format", "email", "--to", "lts@example.edu\nBcc: x@y")
check(status == 2 and b"on one line" in err, "email: an address with a line break is refused")

# --limit bounds the html page's tables (and so the email's) as the text's.
_, full, _ = run("--format", "html")
_, cut, _ = run("--format", "html", "--limit", "1")
rows = lambda page: page.decode("utf-8").count("<tr><td")
check(rows(cut) < rows(full) and b"<p class=\"more\">and " in cut and b"<p class=\"more\">and " not in full,
      f"html: --limit 1 bounds the tables ({rows(full)} rows, {rows(cut)} with --limit 1)")
_, raw, _ = run("--format", "email", "--to", "lts@example.edu", "--from", "a@b.example", "--limit", "1")
msg = email.message_from_bytes(raw, policy=email.policy.default)
_, m = check_mail(cut.decode("utf-8"), alternative(msg)[1].get_content(), "email --limit 1")
_, whole = check_mail(full.decode("utf-8"), html_part(run("--format", "email", "--to", "lts@example.edu",
                                                          "--from", "a@b.example")[1]), "email")
check(sum(map(len, m.tables)) < sum(map(len, whole.tables)),
      "email: --limit 1 bounds its html part as the html page")

# The October sample: the mail html of a real month, each day a bar.
SAMPLES = os.path.join(HERE, "..", "samples")
OCTOBER = ["--tz", "America/New_York", "--period", "2026-10", "--sandbox",
           os.path.join(SAMPLES, "sandbox-2026-10.csv.gz"), os.path.join(SAMPLES, "jobs-2026-10.csv.gz"),
           os.path.join(SAMPLES, "jobs-2026-10-ui.csv.gz")]
sample = lambda *a: subprocess.run([ALMAUDIT, "audit", "--rules", RULES, *a], capture_output=True, env=ENV).stdout
page = sample("--format", "html", *OCTOBER).decode("utf-8")
raw = sample("--format", "email", "--to", "lts@example.edu", "--from", "a@b.example", *OCTOBER)
mail = html_part(raw)
p, m = check_mail(page, mail, "october email")
check(len(p.titles) > 30, f"october: the page's charts carry their numbers ({len(p.titles)} titles)")
check(len(mail.encode("utf-8")) < 100000,
      f"october email: the html under the 102 kB past which Gmail clips a message ({len(mail)} characters)")

# A quarter: the month table and its chart in the page and in the mail.
QUARTER = os.path.join(HERE, "e2e", "data", "quarter.csv")
quarter = ["--tz", "America/New_York", "--period", "2026-Q4", QUARTER]
page = sample("--format", "html", *quarter).decode("utf-8")
mail = html_part(sample("--format", "email", "--to", "lts@example.edu", "--from", "a@b.example", *quarter))
p, m = check_mail(page, mail, "quarter email", days=False)
months = [t for t in p.tables if t and t[0][:2] == ["Month", "Runs audited"]]
check(len(months) == 1 and [r[0] for r in months[0][1:]] == ["2026-10", "2026-11", "2026-12"],
      f"quarter: the page's month table has a row per month ({months})")
check(page.count("<svg") == 5, "quarter: the page adds a fifth SVG chart, findings by month")
check(sum(1 for t in p.titles if re.match(r"2026-1[012]: \d+ runs audited", t)) == 3,
      "quarter: a bar a month in the page's chart")
check(sum(1 for c in m.charts for r in c if re.match(r"2026-1[012] \d+ findings", r)) == 3,
      "quarter: a bar a month in the mail's chart")

# An INCOMPLETE report says in its own text what went wrong (a mail reader
# sees no standard error): each input not read whole, with its line and error.
E2E = os.path.join(HERE, "e2e", "data")
TRUNCATED = os.path.join(E2E, "truncated.csv.gz")
MISSING = os.path.join(E2E, "missing.csv")
p = subprocess.run([ALMAUDIT, "audit", "--rules", RULES, "--format", "email", "--to", "lts@example.edu",
                    "--from", "a@b.example", MISSING, TRUNCATED, os.path.join(E2E, "small.csv")],
                   capture_output=True, env=ENV)
check(p.returncode == 2, f"incomplete email: exit status 2 (got {p.returncode})")
msg = email.message_from_bytes(p.stdout, policy=email.policy.default)
check(re.match(r"(WARNING: |ERROR: )?INCOMPLETE: ", str(msg["Subject"])),
      f"incomplete email: the subject says so ({msg['Subject']})")
parts = alternative(msg)
says = [f"{TRUNCATED}:263: truncated gzip stream (unexpected end of file)",
        f"{MISSING}: cannot open: No such file or directory"]
for part, name in zip(parts, ("text", "html")):
    body = part.get_content()
    if name == "html":
        parser = Strict()
        parser.feed(body)
        parser.close()
        check(not parser.errors and not parser.stack, "incomplete email: the html part is well formed")
        body = " ".join("".join(parser.text).split())
    check("see the errors above" not in body, f"incomplete email: the {name} part points nowhere else")
    for what in says:
        check(what in body, f"incomplete email: the {name} part says {what!r}")
    check(f"{MISSING}  production, not read: cannot open" in body
          or f"{MISSING}: production, not read: cannot open" in body,
          f"incomplete email: the {name} part lists the missing file as not read")

# --baseline: the trend as badges and the resolved as a table, every name
# from the baseline escaped; the email carries the same page and text.
import json
import tempfile
_, base, _ = run("--format", "json")
doc = json.loads(base)
hostile_name = "<script>alert(4)</script> & Co"
hostile_job = "</td></tr></table><svg onload=alert(5)> - 10/01/2026"
doc["findings"].append(dict(doc["findings"][0], finding="no-signoff", job="", user="x1",
                            user_name=hostile_name, staff="", job_name=hostile_job))
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump(doc, f)
status, page, err = run("--format", "html", "--baseline", f.name)
check(status == 1, f"baseline html: exit status 1 (got {status}, {err!r})")
parser = Strict()
parser.feed(page.decode("utf-8"))
parser.close()
check(not parser.errors and not parser.stack, "baseline html: every element closed in order")
check(parser.tags.count("svg") == 4, "baseline html: still four SVG charts, none from the baseline")
text = " ".join("".join(parser.text).split())
for what in ("Since the baseline", " recurring", "1 resolved", hostile_name,
             "</td></tr></table><svg onload=alert(5)>", "resolved (1)"):
    check(what in text, f"baseline html: shows {what!r} as text")
_, textreport, _ = run("--baseline", f.name)
_, raw, _ = run("--format", "email", "--to", "lts@example.edu", "--from", "a@b.example",
                "--baseline", f.name)
parts = alternative(email.message_from_bytes(raw, policy=email.policy.default))
check(parts[0].get_content() == textreport.decode("utf-8") and "RESOLVED (1)" in parts[0].get_content(),
      "baseline email: the text part is the text report, with the RESOLVED table")
check_mail(page.decode("utf-8"), parts[1].get_content(), "baseline email")
os.unlink(f.name)


# ---- the mail within its budget (spec section 5) ----
# The html part, as sent, under Gmail's clipping size; the findings whole in
# a csv attachment, exactly what --format csv writes for the same run
# (gzip past a megabyte); no header line over 78 characters where words
# allow, none over 998.
import csv as csvmod
import gzip
import io
import shutil

BUDGET = 100000


def sent(part):
    """A part's size as sent (its encoded body)."""
    return len(part.get_payload(decode=False).encode("ascii"))


def attachment(msg):
    att = [p for p in msg.iter_parts() if p.get_filename()]
    if len(att) != 1:
        return None, None
    data = att[0].get_payload(decode=True)
    if att[0].get_content_type() == "application/gzip":
        data = gzip.decompress(data)
    return att[0], data


def header_lines(raw):
    return raw.partition(b"\n\n")[0].split(b"\n")


def check_budget(raw, csv_bytes, what):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    text, html = alternative(msg)
    att, data = attachment(msg)
    check(sent(html) < BUDGET, f"{what}: the html part as sent is under 100 kB ({sent(html):,} bytes)")
    check(att is not None and data == csv_bytes,
          f"{what}: the attachment is what --format csv writes ({len(data or b''):,} and {len(csv_bytes):,} bytes)")
    check(all(len(l) <= 78 for l in header_lines(raw)),
          f"{what}: header lines within 78 characters ({max(map(len, header_lines(raw)))})")
    return msg, text, html, att


MAIL = ["--format", "email", "--to", "lts@example.edu", "--from", "a@b.example"]
for what, args in (("hostile", []), ("october", OCTOBER), ("october, --limit 100000", ["--limit", "100000", *OCTOBER])):
    raw = run(*MAIL, *args)[1] if what == "hostile" else sample(*MAIL, *args)
    csv_bytes = run("--format", "csv")[1] if what == "hostile" else sample("--format", "csv", *args)
    msg, text, html, att = check_budget(raw, csv_bytes, what)
    check(att.get_content_type() == "text/csv" and att.get_filename().endswith(".csv"),
          f"{what}: a small csv attached as text/csv ({att.get_content_type()}, {att.get_filename()})")

# Many findings: a month in which every run is one, and --limit 100000 asks
# for every row. The mail shows fewer rows per table and says so; the csv
# (megabytes) travels gzip-compressed.
with tempfile.TemporaryDirectory() as tmp:
    big = os.path.join(tmp, "big.csv")
    with open(big, "w", newline="") as f:
        w = csvmod.writer(f)
        w.writerow(["id", "job_id", "name", "category", "type", "submitted_by", "submitted_by_desc",
                    "submit_time", "start_time", "end_time", "status", "progress", "total_records",
                    "set_name", "environment"])
        for i in range(30000):
            day, minute = 1 + i % 28, i % 1440
            t = f"2026-10-{day:02d}T{minute // 60:02d}:{minute % 60:02d}:00.000Z"
            w.writerow([6200000000000000 + i, "M26720", f"Delete Users - batch {i % 97} - 10/{day:02d}/2026",
                        "Users", "MANUAL", f"u{i % 400}", f"Person{i % 400}, Someone", t, t, t,
                        "COMPLETED_SUCCESS", 100, 10 + i % 900, f"set {i % 53} of the month", ""])
    args = ["--tz", "UTC", "--limit", "100000", big]
    raw = sample(*MAIL, *args)
    csv_bytes = sample("--format", "csv", *args)
    check(len(csv_bytes) > 1000000, f"many findings: the csv is over a megabyte ({len(csv_bytes):,} bytes)")
    msg, text, html, att = check_budget(raw, csv_bytes, "many findings")
    check(att.get_content_type() == "application/gzip" and att.get_filename().endswith(".csv.gz"),
          f"many findings: the csv gzip-compressed ({att.get_content_type()}, {att.get_filename()})")
    check(len(raw) < 2 * len(gzip.compress(csv_bytes)) + 200000,
          f"many findings: --limit 100000 is no way around the budget ({len(raw):,} bytes)")
    body = text.get_content()
    m = re.match(r"To stay readable in a mail reader, this message shows the first (\d+) rows? of each "
                 r"table; all ([\d,]+) findings are in the attached (\S+)\.\n\n", body)
    check(m is not None and m.group(3) == att.get_filename(), f"many findings: the text part says so first ({body[:160]!r})")
    if m:
        rows = m.group(1)
        report = sample("--tz", "UTC", "--limit", rows, big).decode("utf-8")
        check(body[m.end():] == report, f"many findings: the text part is the text report at --limit {rows}")
        check(int(m.group(2).replace(",", "")) == len(csv_bytes.splitlines()) - 1,
              "many findings: the note counts every finding in the csv")
        page = html.get_content()
        check(page.count("(all of them in the attached " + att.get_filename() + ")") >= 1 and
              "To stay readable in a mail reader" in page,
              "many findings: the html says how many rows each table leaves out, and where they are")
        parsed = parse(page)
        rows_shown = [len(t) - 1 for t in parsed.tables if t and t[0][:2] == ["Run id", "Start"]]
        check(rows_shown and max(rows_shown) <= int(rows), f"many findings: at most {rows} rows a table ({rows_shown})")

    # To: 60 addresses folded between them; a long subject in UTF-8 cut at a
    # character's start; with --split unit, each unit's subject keeps ": UNIT"
    many = ", ".join(f"unit-head-{i:02d}@library.example.edu" for i in range(60))
    subject = "Prüfung der Aufträge – Oktober " * 60  # 2,000 bytes and more
    raw = sample("--format", "email", "--to", many, "--from", "a@b.example", "--subject", subject, *OCTOBER)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    heads = header_lines(raw)
    check(all(len(l) <= 78 for l in heads), f"60 addresses: every header line within 78 ({max(map(len, heads))})")
    to = raw.partition(b"\nTo:")[2].partition(b"\nSubject:")[0].split(b"\n")
    check(len(to) > 1 and all(l.rstrip().endswith(b",") for l in to[:-1]),
          "60 addresses: To folded at address boundaries, after a comma")
    check([a.strip() for a in str(msg["To"]).split(",")] == many.split(", "), "60 addresses: To decodes to each address")
    # the October samples' WARNING at the report's top (a run's set unknown)
    # is said in the subject too, before --subject's text
    got = str(msg["Subject"])
    check(got.startswith("WARNING: "), "a long subject: the report's WARNING before it")
    got = got[len("WARNING: "):]
    check(got.endswith("…") and subject.startswith(got[:-1]) and len(got[:-1].encode()) <= 900,
          f"a long subject: cut at a character's start, and said ({len(got.encode())} bytes)")
    words = re.findall(rb"=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=", raw.partition(b"\n\n")[0])
    import base64 as b64mod
    check(words and all(b64mod.b64decode(w).decode("utf-8", "strict") is not None for w in words),
          f"a long subject: each of its {len(words)} encoded words whole UTF-8")
    raw = sample("--format", "email", "--to", "a@b.example", "--from", "a@b.example",
                 "--subject", "x" * 300, *OCTOBER)
    check(all(len(l) <= 78 for l in header_lines(raw)) and
          str(email.message_from_bytes(raw, policy=email.policy.default)["Subject"]) == "WARNING: " + "x" * 300,
          "a subject of one long word: encoded words, no line over 78")

    rules = os.path.join(tmp, "rules")
    shutil.copytree(RULES, rules)
    units = open(os.path.join(rules, "units.csv")).read().replace("\nGUT,,\n", f'\nGUT,,"{many}"\n')
    open(os.path.join(rules, "units.csv"), "w").write(units)
    out = os.path.join(tmp, "mail")
    csvdir = os.path.join(tmp, "csv")
    split = ["--split", "unit", "--tz", "America/New_York", "--period", "2026-10", "--sandbox",
             os.path.join(SAMPLES, "sandbox-2026-10.csv.gz"), os.path.join(SAMPLES, "jobs-2026-10.csv.gz")]
    subprocess.run([ALMAUDIT, "audit", "--rules", rules, "--format", "email", "--to", "lts@example.edu",
                    "--from", "a@b.example", "--subject", subject, "-o", out, *split], capture_output=True, env=ENV)
    subprocess.run([ALMAUDIT, "audit", "--rules", rules, "--format", "csv", "-o", csvdir, *split],
                   capture_output=True, env=ENV)
    files = sorted(f for f in os.listdir(out) if f.endswith(".eml"))
    subjects = set()
    for name in files:
        raw = open(os.path.join(out, name), "rb").read()
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        unit = name[:-4]
        subjects.add(str(msg["Subject"]))
        code = str(msg["Subject"]).rpartition(": ")[2]
        check((unit == "all" or code.replace(" ", "_") == unit) and
              all(len(l) <= 78 for l in header_lines(raw)),
              f"split {name}: the subject ends with ': {unit}', header lines within 78")
        _, data = attachment(msg)
        check(data == open(os.path.join(csvdir, unit + ".csv"), "rb").read(),
              f"split {name}: the attachment is the unit's --format csv report")
    check(len(files) > 5 and len(subjects) == len(files), f"split: {len(files)} messages, {len(subjects)} subjects")
    gut = email.message_from_bytes(open(os.path.join(out, "GUT.eml"), "rb").read(), policy=email.policy.default)
    check(len(str(gut["To"]).split(",")) == 60, "split GUT.eml: to its 60 addresses from units.csv")

# Many inputs, many stale waivers: the tables that are not of findings (the
# inputs read, the waivers expired and those that covered nothing) are cut
# too, each saying how many rows it leaves out, so that the findings keep
# their rows and the html part stays under the budget whatever the inputs.
with tempfile.TemporaryDirectory() as tmp:
    small = open(os.path.join(E2E, "small.csv")).read().split("\n")
    inputs = []
    for i in range(400):
        name = os.path.join(tmp, f"jobs-part-{i:03d}-of-the-october-export-from-alma.csv")
        with open(name, "w") as f:
            f.write(small[0] + "\n" + small[1].replace("6100000170523941", str(6100000170523941 + i * 1000)) + "\n")
        inputs.append(name)
    p = subprocess.run([ALMAUDIT, "audit", "--rules", RULES, *MAIL, *inputs], capture_output=True, env=ENV)
    msg = email.message_from_bytes(p.stdout, policy=email.policy.default)
    text, html = alternative(msg)
    page = html.get_content()
    check(sent(html) < BUDGET, f"400 inputs: the html part as sent is under 100 kB ({sent(html):,} bytes)")
    m = re.search(r"and ([\d,]+) more inputs \(all of them in the message&#39;s plain-text part\)", page)
    shown = page.count(": production, plain, 1 row")
    check(m is not None and shown + int(m.group(1).replace(",", "")) == 400 and shown <= 20,
          f"400 inputs: the html lists a few ({shown}) and says how many more ({m and m.group(1)})")
    check(all(os.path.basename(n) in text.get_content() for n in inputs),
          "400 inputs: the text part lists every input")
    rows = [len(t) - 1 for t in parse(page).tables if t and t[0][:2] == ["Run id", "Start"]]
    check(rows and min(rows) >= 20, f"400 inputs: the findings keep their rows ({rows})")

    waivers = os.path.join(tmp, "stale.csv")
    with open(waivers, "w") as f:
        f.write("finding,job,staff,run_id,sets,from,until,ticket,reason\n")
        for i in range(400):
            f.write(f'unapproved,change-physical-items,Honor Moody,,,2025-01-01,2025-12-31,LTS-{1000 + i},'
                    f'"An old exception, number {i}, that nobody renewed and nobody removed"\n')
    raw = sample(*MAIL, "--waivers", waivers, *OCTOBER)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    text, html = alternative(msg)
    page = html.get_content()
    check(sent(html) < BUDGET, f"400 stale waivers: the html part as sent is under 100 kB ({sent(html):,} bytes)")
    cut = re.findall(r"and ([\d,]+) more \(all of them in the message&#39;s plain-text part\)", page)
    tables = parse(page).tables
    listed = [len(t) - 1 for t in tables if t and t[0] == ["Waiver", "Until", "Ticket", "Reason"]]
    check(len(cut) == 2 and len(listed) == 2 and all(n + int(c.replace(",", "")) == 400 for n, c in zip(listed, cut)),
          f"400 stale waivers: both lists cut, each saying how many more ({listed}, {cut})")
    check("Expired waivers: renew or remove them (400)" in " ".join(parse(page).headings),
          "400 stale waivers: the heading counts them all")
    rows = [len(t) - 1 for t in tables if t and t[0][:2] == ["Run id", "Start"]]
    check(rows and min(rows) >= 2 and "shows the first 0 rows" not in page,
          f"400 stale waivers: the findings keep their rows ({rows})")
    check(text.get_content().count("LTS-1") >= 800, "400 stale waivers: the text part lists them all, twice")

# Addresses as RFC 5322 writes them: a display name with a quoted-pair
# ("O\\"Brien, Pat") holds its comma and its quote; 100 addresses fold
# between them, no line over 998 (nor 78), and Python's parser reads each
# address back; a name in any script is RFC 2047 encoded words; an address
# without '@' is refused, the reason said before the address.
names = ['"O\\"Brien, Pat" <pob@library.example.edu>', "(Smith, J) js@library.example.edu",
         '"Lee, Te-Yi" <tl@library.example.edu>'] + [f"staff{i}@library.example.edu" for i in range(97)]
raw = sample("--format", "email", "--to", ", ".join(names), "--from", "José Núñez <jn@library.example.edu>",
             *OCTOBER)
heads = header_lines(raw)
check(max(map(len, heads)) <= 78, f"a quoted-pair in a name: header lines within 78 ({max(map(len, heads))})")
msg = email.message_from_bytes(raw, policy=email.policy.default)
got = [(a.display_name, a.addr_spec) for a in msg["To"].addresses]
want = [('O"Brien, Pat', "pob@library.example.edu"), ("", "js@library.example.edu"),
        ("Lee, Te-Yi", "tl@library.example.edu")] + [("", f"staff{i}@library.example.edu") for i in range(97)]
check(got == want, f"a quoted-pair in a name: the parser reads the 100 addresses ({len(got)}: {got[:2]})")
frm = msg["From"].addresses
check(len(frm) == 1 and frm[0].display_name == "José Núñez" and frm[0].addr_spec == "jn@library.example.edu"
      and b"=?UTF-8?B?" in raw.partition(b"\nTo:")[0] and all(b < 0x80 for b in raw),
      f"a name not in ASCII: encoded words, read back whole ({frm})")
long_name = "Dr. " + "Núñez-García " * 12 + "<jn@library.example.edu>"
raw = sample("--format", "email", "--to", long_name + ", a@b.example", "--from", "a@b.example", *OCTOBER)
msg = email.message_from_bytes(raw, policy=email.policy.default)
check(max(map(len, header_lines(raw))) <= 78 and len(msg["To"].addresses) == 2 and
      # Python's parser puts a space between encoded words: cut after the
      # name's spaces, the words read whole
      msg["To"].addresses[0].display_name.split() == long_name.rpartition(" <")[0].split(),
      f"a long name not in ASCII: folded between its encoded words ({max(map(len, header_lines(raw)))})")
for bad, why in (("bad address", b"needs an '@'"), ("a@b.example, , c@d.example", b"empty address"),
                 ("jos\u00e9@b.example", b"plain ASCII"),
                 (", ".join(f"x{i}@b.example" for i in range(50)) + ", nobody", b"needs an '@'")):
    p = subprocess.run([ALMAUDIT, *COMMON, "--format", "email", "--to", bad, "--from", "a@b.example"],
                       capture_output=True, env=ENV)
    line = p.stderr.decode().strip()
    check(p.returncode == 2 and why.decode() in line and len(line) < 300 and line.index(why.decode()) < 80,
          f"--to {bad[:30]!r}: refused, the reason first ({line[:120]!r})")

# A name with no space (an instance, a set) wraps in its cell: no word in a
# table cell is longer than the page's width can hold (the browser sizes a
# cell to its longest word), so the columns after it stay on the page; with
# chromium installed, its table measured at a window 1280 pixels wide.
def long_words(doc):
    cells = re.findall(r"<td[^>]*>(.*?)</td>", doc, re.S)
    words = [w for c in cells for w in re.split(r"<wbr>|<[^>]*>|\s", c)]
    return max(map(len, words), default=0)


with tempfile.TemporaryDirectory() as tmp:
    rows = list(csvmod.reader(open(os.path.join(E2E, "small.csv"), newline="")))
    for r in rows[1:]:
        if r[4] == "MANUAL":
            r[2] = "Change Physical Items - " + "HD_transfer_cleanup_" * 30
            r[13] = "SET_" + "verylongsetname_" * 30
    LONG = os.path.join(tmp, "long.csv")
    with open(LONG, "w", newline="") as f:
        csvmod.writer(f).writerows(rows)
    page = sample("--format", "html", LONG).decode("utf-8")
    mail = html_part(sample("--format", "email", "--to", "lts@example.edu", "--from", "a@b.example", LONG))
    for what, doc in (("html", page), ("email html", mail)):
        check("HD_transfer_cleanup_" * 30 in doc.replace("<wbr>", "") and long_words(doc) <= 40,
              f"{what}: a 600-character name wraps in its cell (longest word {long_words(doc)} characters)")
    # a break never parts a character from an accent written apart, a
    # joiner or a skin tone that goes with it
    for r in rows[1:]:
        if r[4] == "MANUAL":
            r[2] = "Change Physical Items - " + "e\u0301" * 40 + "\U0001F469\u200d\U0001F4BB" * 12
            r[13] = "SET_" + "o\u0308" * 50 + "\U0001F44D\U0001F3FD" * 20
    with open(LONG, "w", newline="", encoding="utf-8") as f:
        csvmod.writer(f).writerows(rows)
    marks = sample("--format", "html", LONG).decode("utf-8")
    check("<wbr>" in marks and not re.search("<wbr>[\u0301\u0308\u200d\U0001F3FD]", marks),
          "html: no break before a combining mark, a joiner or a skin tone")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("note  chromium not installed: the table's width not measured")
    for what, doc in (("html", page), ("email html", mail)) if chromium else ():
        js = ("<script>addEventListener('load',()=>{let w=0;for(const t of document.querySelectorAll"
              "('table'))w=Math.max(w,t.getBoundingClientRect().right);"
              "document.body.setAttribute('data-right',Math.ceil(w))})</script>")
        name = os.path.join(tmp, "page.html")
        with open(name, "w") as f:
            f.write(doc.replace("</body>", js + "</body>") if "</body>" in doc else doc + js)
        dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                              "--dump-dom", "file://" + name], capture_output=True, text=True).stdout
        right = re.search(r'data-right="(\d+)"', dom)
        check(right and int(right.group(1)) <= 1280,
              f"{what}: with a 600-character name the tables end within 1280 pixels "
              f"(right edge {right and right.group(1)})")

print(f"{len(failures)} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
