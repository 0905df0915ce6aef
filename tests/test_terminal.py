#!/usr/bin/env python3
"""The terminal, through a pseudo-terminal (never by faking isatty): text to
a terminal fits its width (TIOCGWINSZ, else $COLUMNS, else 80) with cells
cut by "…" (audit, runs, review), and to a pipe or a file it is the full
width, byte for byte what -o writes; a progress line on standard error for
a long read (an input, a baseline), when standard error is a terminal and
never otherwise.

    python3 tests/test_terminal.py BUILD/bin/almaudit
"""
import fcntl
import os
import re
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import unicodedata

ALMAUDIT = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "rules")
SAMPLES = os.path.join(HERE, "..", "samples")
ENV = dict(os.environ, TZ="UTC", ALMAUDIT_NOW="2026-11-01T13:00:00Z", LC_ALL="C", ALMAUDIT_RULES=RULES)
ENV.pop("COLUMNS", None)
OCTOBER = ["--tz", "America/New_York", "--sandbox", os.path.join(SAMPLES, "sandbox-2026-10.csv.gz"),
           os.path.join(SAMPLES, "jobs-2026-10.csv.gz"), os.path.join(SAMPLES, "jobs-2026-10-ui.csv.gz")]
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def on_pty(args, cols, env=ENV, stdout_pty=True, stderr_pty=True, stdin=subprocess.DEVNULL,
           feed=None):
    """Runs almaudit with standard output and/or standard error on a
    pseudo-terminal of cols columns (0: the size unset); returns (status,
    what the terminal got, standard output if not the terminal, standard
    error if not the terminal). feed: a function writing standard input."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, cols, 0, 0))
    p = subprocess.Popen([ALMAUDIT, *args], env=env,
                         stdin=subprocess.PIPE if feed else stdin,
                         stdout=slave if stdout_pty else subprocess.PIPE,
                         stderr=slave if stderr_pty else subprocess.PIPE)
    os.close(slave)
    got, pipes = [], {}
    reader = threading.Thread(target=lambda: got.append(read_all(master)))
    reader.start()
    if feed:
        feed(p.stdin)
    for name, stream in (("out", p.stdout), ("err", p.stderr)):
        if stream:
            pipes[name] = stream.read()
    status = p.wait()
    reader.join()
    os.close(master)
    return status, got[0].replace(b"\r\n", b"\n"), pipes.get("out", b""), pipes.get("err", b"")


def read_all(fd):
    data = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the other end closed: EIO
            return data
        if not chunk:
            return data
        data += chunk


def columns(line):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in line)


def plain(*args):
    p = subprocess.run([ALMAUDIT, *args], capture_output=True, env=ENV)
    return p.returncode, p.stdout


def table_lines(lines):
    """The lines of the tables: from a heading row to the blank line or the
    "and N more" after the rows. The lines of prose around them (the header
    lines, the notes) the terminal wraps, as it would any sentence."""
    rows, inside = [], False
    for line in lines:
        if line.startswith(("RUN ID", "TREND", "BY ", "PERSON", "FINDING ")):
            inside = True
        elif not line.strip() or line.startswith(("and ", "The first", "Hidden")):
            inside = False
        if inside:
            rows.append(line)
    return rows


def fits(text, width, what):
    lines = text.decode("utf-8").split("\n")
    rows = table_lines(lines)
    over = [l for l in rows if columns(l) > width]
    check(len(rows) > 10 and not over,
          f"{what}: each of the {len(rows)} table lines within {width} columns ({len(over)} over: {over[:2]})")
    return lines


# ---- audit: fits the terminal; to a pipe and to a file, the full width ----
for cols in (80, 120, 200):
    status, tty, _, _ = on_pty(["audit", *OCTOBER], cols)
    check(status == 1, f"audit on a {cols}-column terminal: exit status 1 ({status})")
    lines = fits(tty, cols, f"audit, {cols} columns")
    check(any("…" in l for l in lines if l.startswith("61")), f"audit, {cols} columns: cut cells end in …")
    check(any(l.startswith("RUN ID") for l in lines), f"audit, {cols} columns: the tables are there")

_, piped = plain("audit", *OCTOBER)
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "report.txt")
    plain("audit", "-o", out, *OCTOBER)
    to_file = open(out, "rb").read()
    check(piped == to_file, "audit to a pipe is what -o FILE writes")
    status, tty, _, _ = on_pty(["audit", "-o", out, *OCTOBER], 80)
    check(open(out, "rb").read() == to_file, "audit -o FILE from a terminal: the full width still")
widest = max(columns(l) for l in piped.decode("utf-8").split("\n"))
check(widest > 200, f"audit to a pipe: the full width, as always ({widest} columns)")

# --format csv and email to a terminal are not fitted
status, tty, _, _ = on_pty(["audit", "--format", "csv", *OCTOBER], 80, stderr_pty=False)
check(tty == plain("audit", "--format", "csv", *OCTOBER)[1], "csv to a terminal: as to a pipe")

# the width from $COLUMNS when the terminal gives none, else 80
status, tty, _, _ = on_pty(["audit", *OCTOBER], 0, env=dict(ENV, COLUMNS="100"))
lines = fits(tty, 100, "audit, no size, COLUMNS=100")
check(max(columns(l) for l in lines if l.startswith("61")) == 100, "audit, COLUMNS=100: rows as wide as that")
status, tty, _, _ = on_pty(["audit", *OCTOBER], 0)
lines = fits(tty, 80, "audit, no size, no COLUMNS")
check(max(columns(l) for l in lines if l.startswith("61")) == 80, "audit, no size: 80 columns")

# ---- runs and review ----
status, tty, _, _ = on_pty(["runs", "--period", "2026-10-14", "--manual", *OCTOBER], 100)
lines = fits(tty, 100, "runs, 100 columns")
check(sum(l.startswith("61") for l in lines) > 10 and any("…" in l for l in lines), "runs, 100 columns: rows cut with …")
_, piped = plain("runs", "--period", "2026-10-14", "--manual", *OCTOBER)
check(max(map(columns, piped.decode().split("\n"))) > 180, "runs to a pipe: the full width")
status, tty, _, _ = on_pty(["review", "--period", "2026-10", *OCTOBER], 90)
lines = fits(tty, 90, "review, 90 columns")
check(any(l.startswith("PERSON") for l in lines) and any("…" in l for l in lines), "review, 90 columns: cut with …")
_, piped = plain("review", "--period", "2026-10", *OCTOBER)
check(max(map(columns, piped.decode().split("\n"))) > 120, "review to a pipe: the full width")

# ---- every line of every command within 40, 80 and 120 columns ----
# The tables fitted column by column (the widest text cut first, ids and
# times whole as long as they can be, then cut too), each row on a line of
# its own; the lines of prose around them (the header, the notes, --summary)
# wrapped at their spaces, indented under their value, nothing lost.
WAIVERS = os.path.join(SAMPLES, "waivers-2026-10.csv")
with tempfile.TemporaryDirectory() as tmp:
    base = os.path.join(tmp, "base.json")
    with open(base, "wb") as f:
        f.write(plain("audit", "--format", "json", "--tz", "America/New_York", "--period", "2026-10",
                      os.path.join(SAMPLES, "jobs-2026-10.csv.gz"))[1])
    commands = [["audit", *OCTOBER], ["audit", "--waivers", WAIVERS, "--baseline", base, "--period", "2026-10",
                                      *OCTOBER],
                ["audit", "--summary", *OCTOBER], ["runs", "--period", "2026-10-14", *OCTOBER],
                ["runs", "--summary", *OCTOBER], ["runs", "--explain", "--top", "3", *OCTOBER],
                ["review", "--period", "2026-10", *OCTOBER], ["rules", "jobs"],
                ["rules", "who", "batch-item-withdrawals"], ["rules", "what", "Te-Yi Lee"], ["rules", "check"]]
    for cols in (40, 80, 120):
        for args in commands:
            what = " ".join(a for a in args[:4] if not a.startswith("/"))
            status, tty, _, err = on_pty(args, cols, stderr_pty=False)
            text = tty.decode("utf-8")
            lines = text.split("\n")
            over = [l for l in lines if columns(l) > cols]
            check(status in (0, 1) and len(lines) >= 3 and not over,
                  f"{what}, {cols} columns: every one of {len(lines)} lines within the width "
                  f"({len(over)} over: {over[:1]})")
            _, piped = plain(*args)
            piped = piped.decode("utf-8")
            # each row of a table on a line of its own: as many rows (a run
            # id first; every line of rules jobs) as to a pipe
            if (args[0] in ("audit", "runs") and "--summary" not in args) or args[:2] == ["rules", "jobs"]:
                rows = lambda t: sum(1 for l in t.split("\n")
                                     if re.match(r"((new|rec\S*) +)?\d", l) or args[0] == "rules")
                check(rows(text) == rows(piped) >= 3, f"{what}, {cols} columns: no table row wrapped "
                      f"({rows(text)} rows, {rows(piped)} to a pipe)")
            if args[0] == "audit" and "--summary" not in args:
                # the header's prose wrapped, not cut: its words all there
                said = " ".join(text.split())
                check("dates month first (line 2: 10/25/2026), 592 rows" in said and
                      "3,401 read = 1,121 audited + 2,278 skipped + 2 rejected" in said,
                      f"{what}, {cols} columns: the header's lines wrapped whole")

# ---- the progress line ----
JOBS = open(os.path.join(SAMPLES, "jobs-2026-10.csv.gz"), "rb").read()


def slow(data, stall=4.5):
    def feed(pipe):
        half = len(data) // 2
        pipe.write(data[:half])
        pipe.flush()
        time.sleep(stall)
        pipe.write(data[half:])
        pipe.close()
    return feed


status, tty, out, _ = on_pty(["audit", "--summary", "-"], 80, stdout_pty=False, feed=slow(JOBS))
text = tty.decode("utf-8", "replace")
# (the summary's first line after the WARNINGs at its top: the sample's
# unknown set)
check(status == 1 and out.lstrip(b"\n").split(b"\n\n")[-1].startswith(b"Alma job audit") or
      b"\nAlma job audit" in out, f"a slow input: read whole ({status})")
check("almaudit: reading (standard input)" in text and " s" in text,
      f"a slow input, standard error a terminal: a progress line ({text[:80]!r})")
check("\r\x1b[K" in text[text.rfind("almaudit: reading"):],
      "the progress line is erased at the end (after its last drawing)")
status, tty, out, err = on_pty(["audit", "--summary", "-"], 80, stdout_pty=True, stderr_pty=False,
                               feed=slow(JOBS))
check(status == 1 and b"reading" not in err and b"reading" not in tty,
      f"a slow input, standard error a pipe: no progress line ({err[:80]!r})")

with tempfile.TemporaryDirectory() as tmp:
    base = os.path.join(tmp, "base.json")
    with open(base, "wb") as f:
        f.write(plain("audit", "--format", "json", *OCTOBER)[1])
    fifo = os.path.join(tmp, "base.fifo")
    os.mkfifo(fifo)
    data = open(base, "rb").read()

    def writer():
        with open(fifo, "wb") as w:
            slow(data)(w)
    t = threading.Thread(target=writer)
    t.start()
    status, tty, out, _ = on_pty(["audit", "--summary", "--baseline", fifo, *OCTOBER], 80,
                                 stdout_pty=False)
    t.join()
    text = tty.decode("utf-8", "replace")
    check(status == 1 and b"Since the baseline" in out, f"a slow baseline: read whole ({status})")
    check(f"almaudit: reading {fifo}" in text, f"a slow baseline: a progress line ({text[:90]!r})")

    # on a narrow terminal the line is never wider than it (a wider one
    # wraps, and "\r\x1b[K" erases only its last row): the name cut with
    # "…"; erased at the end
    fifo = os.path.join(tmp, "a-baseline-with-a-long-name-from-last-month-of-the-library.fifo")
    os.mkfifo(fifo)
    t = threading.Thread(target=lambda: slow(data)(open(fifo, "wb")))
    t.start()
    status, tty, out, _ = on_pty(["audit", "--summary", "--baseline", fifo, *OCTOBER], 50,
                                 stdout_pty=False)
    t.join()
    text = tty.decode("utf-8", "replace")
    draws = [d.replace("\x1b[K", "") for d in text.split("\r") if "reading" in d]
    check(status == 1 and draws and all(columns(d) < 50 for d in draws) and "…" in draws[-1],
          f"a 50-column terminal: every progress line under 50 columns, the name cut ({draws[-1:]!r})")
    check("\r\x1b[K" in text[text.rfind("almaudit: reading"):], "and erased at the end")

    # a quick read shows none
    status, tty, out, _ = on_pty(["audit", "--summary", "--baseline", base, *OCTOBER], 80,
                                 stdout_pty=False)
    check(b"reading" not in tty, "a quick read: no progress line")

print(f"{len(failures)} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
