#!/usr/bin/env python3
"""'almaudit fetch' against a real HTTP server on loopback: the stand-in for
the Alma API (alma_stub.py), started by each case on 127.0.0.1 with a port the
system picks, and stopped by it. No traffic goes anywhere else.

    python3 tests/fetch/test_fetch.py BUILD/bin/almaudit CASE

CASE is one of the names in CASES below (ctest runs each as fetch_CASE).
Exit 0 passed, 1 failed (each failed check said on standard error), 77
skipped (only 'audit', while 'almaudit audit' does not read JSON input).
"""
import base64
import gzip
import json
import os
import pty
import re
import select
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
STUB = os.path.join(HERE, "alma_stub.py")
KEY = "l7xx-TESTKEY-4f1c9a3e77d0-recognisable"
OTHER_KEY = "l7xx-SANDBOXKEY-0b5e2c1d-also-recognisable"
WINDOW = ("2026-09-30", "2026-11-01")  # --period 2026-10, a day more each side
SKIP = 77

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr)
    return cond


class Stub:
    """The stand-in, as a process of its own; its log read back."""

    def __init__(self, work, *args, key=KEY, sandbox_key=""):
        self.log = os.path.join(work, "stub-%d.log" % time.monotonic_ns())
        env = dict(os.environ, ALMA_STUB_KEY=key, ALMA_STUB_SANDBOX_KEY=sandbox_key)
        self.proc = subprocess.Popen([sys.executable, STUB, "--log", self.log, "--bodies"] +
                                     list(args), stdout=subprocess.PIPE, env=env, text=True)
        self.port = int(self.proc.stdout.readline())
        self.url = "http://127.0.0.1:%d" % self.port

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.proc.stdout.close()

    def requests(self):
        with open(self.log, encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def environment(**extra):
    env = {k: v for k, v in os.environ.items()
           if k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
           and not k.startswith("ALMA")}
    env.update(TZ="UTC", LC_ALL="C", ALMA_API_KEY=KEY, ALMAUDIT_FETCH_BACKOFF="0.05")
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def run(argv, env=None, timeout=90, **kw):
    """The command's result; one that has not ended in `timeout` seconds is
    killed, and said as status -9 and "timed out" on its standard error."""
    try:
        return subprocess.run(argv, capture_output=True, env=env or environment(),
                              timeout=timeout, **kw)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(argv, -9, e.stdout or b"",
                                           (e.stderr or b"") + b"timed out after %d s" % timeout)


def fetch(base, out, *args, env=None):
    return run([ALMAUDIT, "fetch", "--base-url", base, "--period", "2026-10",
                "--tz", "America/New_York", "-o", out] + list(args), env=env)


def members(path):
    """The gzip members of a file, each decompressed."""
    with open(path, "rb") as f:
        raw = f.read()
    out = []
    while raw:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out.append(d.decompress(raw) + d.flush())
        check(d.eof, "%s: a gzip member ends early" % path)
        raw = d.unused_data
    return out


def expected_instances(types=("MANUAL", "OTHER")):
    """What the data holds in the window: {job: [instance id]}, in listing order."""
    jobs = {}
    with open(os.path.join(DATA, "jobs.json"), encoding="utf-8") as f:
        for job in json.load(f)["job"]:
            if job["type"]["value"] not in types:
                continue
            with open(os.path.join(DATA, "instances", job["id"] + ".json"), encoding="utf-8") as g:
                page = json.load(g)
            jobs[job["id"]] = [i["id"] for i in page["job_instance"]
                               if WINDOW[0] <= i["submit_time"][:10] <= WINDOW[1]]
    return jobs


def order_of(types=("MANUAL", "OTHER")):
    """The listing order fetch walks in: the types in turn, jobs as listed."""
    with open(os.path.join(DATA, "jobs.json"), encoding="utf-8") as f:
        jobs = json.load(f)["job"]
    return [j["id"] for t in types for j in jobs if j["type"]["value"] == t]


def served_pages(requests):
    """{(job, offset): body} of the instance pages served with 200 (the last)."""
    pages = {}
    for r in requests:
        m = re.fullmatch(r"/almaws/v1/conf/jobs/([^/]+)/instances", r["path"])
        if m and r["status"] == 200:
            offset = int(re.search(r"offset=(\d+)", r["query"]).group(1))
            pages[(m.group(1), offset)] = base64.b64decode(r["body"])
    return pages


def written(pages, jobs):
    """What the file must hold: every page, in job and offset order, a newline after each."""
    out = b""
    for job in jobs:
        for offset in sorted(o for j, o in pages if j == job):
            body = pages[(job, offset)]
            out += body + (b"" if body.endswith(b"\n") else b"\n")
    return out


def summary_ok(stderr, out, jobs, instances, retries, env="production"):
    text = stderr.decode("utf-8", "replace")
    pattern = (r"almaudit: %s: %d jobs?, %s instances?, \d+ requests?, %d (retry|retries), "
               r"\d+\.\d s \(%s, submitted 2026-09-30 to 2026-11-01\)\n"
               % (re.escape(out), jobs, "{:,}".format(instances), retries, env))
    return check(re.fullmatch(pattern, text) is not None,
                 "standard error is the summary (%d jobs, %d instances, %d retries): %r"
                 % (jobs, instances, retries, text))


def no_temporary(directory):
    left = [n for n in os.listdir(directory) if ".almaudit-" in n]
    check(not left, "temporary files left in %s: %s" % (directory, left))


# ---- the cases ----

def case_pages(work):
    """Several jobs, a job of 250 instances (three pages), a job with none, an
    OTHER job; the period widened a day each side; pages written byte for byte
    (one indented over several lines, one with escapes), in order."""
    out = os.path.join(work, "out.json.gz")
    with Stub(work, "--pretty", "M26812") as stub:
        p = fetch(stub.url, out)
        reqs = stub.requests()
    check(p.returncode == 0, "exit status %d, not 0: %r" % (p.returncode, p.stderr))
    check(p.stdout == b"", "nothing on standard output")
    expect = expected_instances()
    summary_ok(p.stderr, out, len(expect), sum(len(v) for v in expect.values()), 0)
    got = members(out)
    check(len(got) == 1, "one gzip member, not %d" % len(got))
    pages = served_pages(reqs)
    check(b"".join(got) == written(pages, order_of()),
          "the file is every page served, as served, in job and offset order")
    lines = b"".join(got)
    ids = re.findall(rb'\{"id":"(\d+)","external_id"', lines)
    want = [i for job in order_of() for i in expect[job]]
    check([i.decode() for i in ids] == want,
          "the instances written are the data's in the window, each once, in order")
    check(b'"id":"6100008000013941"' not in lines and b'"id":"6100008000023941"' not in lines,
          "the runs outside the widened period are not asked for")
    check(b'caf\\u00e9 \\"weeding\\" 1\\/2' in lines, "the escapes are kept as the API wrote them")
    check(b'\n  {"id"' in lines, "the indented page is written as it came")
    check(b'{"total_record_count":0}\n' in lines, "the job without runs has its empty page")
    # what was asked
    listing = [r["query"] for r in reqs if r["path"] == "/almaws/v1/conf/jobs"]
    check(listing == ["type=MANUAL&limit=100&offset=0", "type=OTHER&limit=100&offset=0"],
          "the jobs listed: MANUAL and OTHER, not SCHEDULED: %s" % listing)
    inst = [r for r in reqs if r["path"].endswith("/instances")]
    check(all("submit_date_from=2026-09-30&submit_date_to=2026-11-01&limit=100&offset="
              in r["query"] for r in inst), "every instances request asks for the widened period")
    offsets = sorted(int(r["query"].rsplit("=", 1)[1]) for r in inst if "/M26714/" in r["path"])
    check(offsets == [0, 100, 200], "the job of 250 is read in three pages: %s" % offsets)
    check(len(reqs) == 2 + len(expect) + 2, "requests: %d" % len(reqs))
    check(all(r["auth"] and r["accept"] and not r["key_in_url"] for r in reqs),
          "every request has the key in its header, asks for JSON, and no key in its URL")
    check(stat.S_IMODE(os.stat(out).st_mode) == 0o644, "the file's mode is 0666 & ~umask")
    no_temporary(work)


def case_all_types(work):
    """--all-types lists SCHEDULED jobs too, and fetches their runs."""
    out = os.path.join(work, "out.json.gz")
    types = ("MANUAL", "OTHER", "SCHEDULED")
    with Stub(work) as stub:
        p = fetch(stub.url, out, "--all-types")
        reqs = stub.requests()
    check(p.returncode == 0, "exit status %d: %r" % (p.returncode, p.stderr))
    expect = expected_instances(types)
    summary_ok(p.stderr, out, len(expect), sum(len(v) for v in expect.values()), 0)
    check(b"".join(members(out)) == written(served_pages(reqs), order_of(types)),
          "every page of the three types written")
    check(any("type=SCHEDULED" in r["query"] for r in reqs), "SCHEDULED listed")


def case_listing(work):
    """A listing of 105 jobs is two pages; every job's runs are fetched."""
    out = os.path.join(work, "out.json.gz")
    with Stub(work, "--synthetic", "105:1") as stub:
        p = fetch(stub.url, out)
        reqs = stub.requests()
    check(p.returncode == 0, "exit status %d: %r" % (p.returncode, p.stderr))
    summary_ok(p.stderr, out, 105, 105, 0)
    listing = [r["query"] for r in reqs if "type=MANUAL" in r["query"]]
    check(listing == ["type=MANUAL&limit=100&offset=0", "type=MANUAL&limit=100&offset=100"],
          "the listing in two pages: %s" % listing)
    check(len(set(r["path"] for r in reqs if r["path"].endswith("/instances"))) == 105,
          "each of the 105 jobs asked for")


# The faults: (stub's --fault specs, fetch's extra options, exit status,
# what standard error must say (a regex; for 0, the retries of the summary),
# [(series, offset, number of requests, their statuses)]).
FAULTS = {
    "429": (["M26714:100:429:1"], [], 0, 1, [("M26714", 100, [429, 200])]),
    "500": (["M26720:0:500:1"], [], 0, 1, [("M26720", 0, [500, 200])]),
    "503": (["M26720:0:503"], [], 2,
            r'job M26720, offset 0: HTTP 503 \(after 5 tries\): the API says "Internal server '
            r'error\." \(code GENERAL_ERROR\)', [("M26720", 0, [503] * 5)]),
    "401": (["M26714:100:401"], [], 2,
            r'job M26714, offset 100: HTTP 401: the API says "API-key not defined or not '
            r'configured to allow this API\." \(code UNAUTHORIZED\) \(is the key the one for '
            r'this environment', [("M26714", 100, [401])]),
    "400": (["M27301:0:400"], [], 2,
            r'job M27301, offset 0: HTTP 400: the API says "Input parameters offset 0 is not '
            r'valid\." \(code 402203\)', [("M27301", 0, [400])]),
    "403xml": (["M26812:0:403xml"], [], 2,
               r'job M26812, offset 0: HTTP 403: the API says "This API key is not allowed to '
               r'read Configuration &amp; jobs\." \(code FORBIDDEN\)', [("M26812", 0, [403])]),
    "errorlist": (["M26714:200:errorlist"], [], 2,
                  r'job M26714, offset 200: the API answered with an error: "Failed to retrieve '
                  r'job instances\." \(code 402880\)', [("M26714", 200, [200])]),
    "notjson": (["M26720:0:notjson"], [], 2,
                r"job M26720, offset 0: the answer is not a page of the API: not JSON",
                [("M26720", 0, [200])]),
    "html": (["M26720:0:html"], [], 2,
             r"job M26720, offset 0: the answer is not a page of the API: an HTML page, not "
             r"JSON \(a proxy's or a login page: check the base URL and the key\)",
             [("M26720", 0, [200])]),
    "truncated_once": (["M26714:200:truncated:1"], [], 0, 1,
                       [("M26714", 200, [200, 200])]),
    "truncated": (["M26714:200:truncated"], [], 2,
                  r"job M26714, offset 200: the answer was cut short \(.*\) \(after 5 tries\)",
                  [("M26714", 200, [200] * 5)]),
    "cut": (["M26714:0:cut"], [], 2,
            r"job M26714, offset 0: the answer is not a page of the API: not JSON \(",
            [("M26714", 0, [200])]),
    "stall_once": (["M26720:0:stall:1"], ["--timeout", "2"], 0, 1, [("M26720", 0, [0, 200])]),
    "stall": (["M26720:0:stall"], ["--timeout", "2"], 2,
              r"job M26720, offset 0: nothing received for 2 s: the connection stalled "
              r"\(after 5 tries\)", [("M26720", 0, [0] * 5)]),
    "moved": (["M26714:200:moved"], [], 2,
              r"job M26714, offset 200: the history moved while it was read: "
              r"total_record_count was 250 at offset 0 and is 251 here; run fetch again",
              [("M26714", 200, [200])]),
    "empty": (["M26714:100:empty"], [], 2,
              r"job M26714, offset 100: the history moved while it was read: 0 instances on a "
              r"page where 100 were due \(total_record_count 250\); run fetch again",
              [("M26714", 100, [200])]),
    "huge": (["M26720:0:huge"], [], 2,
             r"job M26720, offset 0: total_record_count 1000000000000 is more than one job can "
             r"hold \(over 10000000\): not a count to follow", [("M26720", 0, [200])]),
    "429daily": (["M26714:0:429daily"], [], 2,
                 r"job M26714, offset 0: HTTP 429: the API's daily quota of requests is used "
                 r'up: the API says "Daily API Request Threshold has been reached\."',
                 [("M26714", 0, [429])]),
    "429long": (["M26714:0:429long"], [], 2,
                r"job M26714, offset 0: HTTP 429, and the API asks to wait 3600 s "
                r"\(Retry-After\), over 300 s", [("M26714", 0, [429])]),
    "listing500": (["jobs-MANUAL:0:500:1"], [], 0, 1, [("jobs-MANUAL", 0, [500, 200])]),
    "listing401": (["jobs-OTHER:0:401"], [], 2,
                   r"the jobs listing \(type OTHER\), offset 0: HTTP 401: the API says",
                   [("jobs-OTHER", 0, [401])]),
    # offset 100 gives offset 0's runs again, the total the same: 100 runs
    # would be missing from a file called complete
    "repeat": (["M26714:100:repeat"], [], 2,
               r"job M26714, offset 100: the history moved while it was read: instance \d+ "
               r"was given at offset 0 already; run fetch again", [("M26714", 100, [200])]),
    # a byte every half second never stalls; the try's whole time is capped
    # (3 times --timeout), then it is tried again
    "trickle_once": (["M26720:0:trickle:1"], ["--timeout", "2"], 0, 1,
                     [("M26720", 0, [200, 200])]),
    "trickle": (["M26720:0:trickle"], ["--timeout", "1"], 2,
                r"job M26720, offset 0: the answer was not in after 3 s \(\d+ bytes of it "
                r"came\), the most a try may take: too slow \(after 5 tries\)",
                [("M26720", 0, [200] * 5)]),
    # half the answer, then nothing: given up --timeout after the last byte
    "stallpart_once": (["M26720:0:stallpart:1"], ["--timeout", "2"], 0, 1,
                       [("M26720", 0, [200, 200])]),
    "stallpart": (["M26720:0:stallpart"], ["--timeout", "1"], 2,
                  r"job M26720, offset 0: nothing more received for 1 s, after \d+ bytes of the "
                  r"answer: the connection stalled \(after 5 tries\)",
                  [("M26720", 0, [200] * 5)]),
    # a count written 250.0 is the count; 250.5 is none, and said so
    "float": (["M26714:*:float"], [], 0, 0, [("M26714", 100, [200])]),
    "fraction": (["M26714:0:fraction"], [], 2,
                 r"job M26714, offset 0: the answer is not a page of the API: "
                 r"total_record_count is not a count of records \(a whole number, 0 or more\)",
                 [("M26714", 0, [200])]),
    # a page that quotes the key is not written: the key goes in no file
    "keypage": (["M26714:100:keypage"], [], 2,
                r"job M26714, offset 100: the page holds the API key: not written",
                [("M26714", 100, [200])]),
}


def series_requests(reqs, series, offset):
    out = []
    for r in reqs:
        q = "offset=%d" % offset
        if not re.search(r"(^|&)%s($|&)" % q, r["query"]):
            continue
        if series.startswith("jobs-"):
            if r["path"] == "/almaws/v1/conf/jobs" and "type=" + series[5:] in r["query"]:
                out.append(r)
        elif r["path"] == "/almaws/v1/conf/jobs/%s/instances" % series:
            out.append(r)
    return out


def fault_case(name, work):
    faults, extra, status, said, asked = FAULTS[name]
    out = os.path.join(work, "out.json.gz")
    with open(out, "wb") as f:
        f.write(b"last month's file\n")  # a failed fetch leaves it as it was
    args = [a for spec in faults for a in ("--fault", spec)]
    with Stub(work, *args) as stub:
        p = fetch(stub.url, out, *extra)
        reqs = stub.requests()
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == status, "exit status %d, not %d: %r" % (p.returncode, status, err))
    if status == 0:
        expect = expected_instances()
        summary_ok(p.stderr, out, len(expect), sum(len(v) for v in expect.values()), said)
        check(b"".join(members(out)) == written(served_pages(reqs), order_of()),
              "the file is complete, every page as served")
    else:
        check(re.search(r"^almaudit: " + said, err, re.M) is not None,
              "standard error says %r: %r" % (said, err))
        check(re.search(r"^almaudit: %s: not written: the fetch did not complete \(" %
                        re.escape(out), err, re.M) is not None,
              "standard error says the file was not written: %r" % err)
        with open(out, "rb") as f:
            check(f.read() == b"last month's file\n", "the earlier file is left as it was")
    for series, offset, statuses in asked:
        got = [r["status"] for r in series_requests(reqs, series, offset)]
        check(got == statuses, "%s offset %d answered %s, not %s" % (series, offset, got, statuses))
    if name == "429":
        t = [r["t"] for r in series_requests(reqs, "M26714", 100)]
        check(t[1] - t[0] >= 0.9, "the retry waited Retry-After (1 s): %.2f s" % (t[1] - t[0]))
    if name == "stallpart_once":
        # the stall is given up --timeout after the last byte, not before (the
        # wording of "stallpart" says what was measured); no upper bound here:
        # ctest asserts no speed, a loaded machine may be slow to retry
        t = [r["t"] for r in series_requests(reqs, "M26720", 0)]
        check(t[1] - t[0] >= 1.9,
              "the stall was not given up before 2 s after the last byte: %.2f s" % (t[1] - t[0]))
    check(KEY.encode() not in p.stderr, "the key is not in what was said: %r" % err)
    no_temporary(work)


def case_refused(work):
    """Nothing listens: each try refused, then an error naming the listing."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))  # bound, never listening: refused, and no one else's
    port = s.getsockname()[1]
    out = os.path.join(work, "out.json.gz")
    p = fetch("http://127.0.0.1:%d" % port, out)
    s.close()
    err = p.stderr.decode()
    check(p.returncode == 2, "exit status %d" % p.returncode)
    check(re.search(r"^almaudit: the jobs listing \(type (MANUAL|OTHER)\), offset 0: .*onnect.* "
                    r"\(after 5 tries\)$", err, re.M) is not None, "refused, said: %r" % err)
    check(not os.path.exists(out), "no file")
    no_temporary(work)


def case_interrupted(work):
    """Killed mid-fetch (SIGTERM, SIGINT): nothing under the real name, no
    temporary file left, an earlier file as it was."""
    import signal
    for sig in (signal.SIGTERM, signal.SIGINT):
        out = os.path.join(work, "out.json.gz")
        with open(out, "wb") as f:
            f.write(b"last month's file\n")
        with Stub(work, "--fault", "M26720:0:stall") as stub:
            p = subprocess.Popen([ALMAUDIT, "fetch", "--base-url", stub.url, "--period",
                                  "2026-10", "-o", out], env=environment(),
                                 stderr=subprocess.PIPE)
            for _ in range(1200):  # until it waits on the stalled page (60 s at most)
                if any(r["path"].endswith("/M26720/instances") for r in stub.requests()):
                    break
                time.sleep(0.05)
            temps = [n for n in os.listdir(work) if ".almaudit-" in n]
            check(len(temps) == 1, "while fetching, one temporary file: %s" % temps)
            p.send_signal(sig)
            p.communicate(timeout=30)
        check(p.returncode == -sig, "%s: ended by the signal (%d)" % (sig.name, p.returncode))
        with open(out, "rb") as f:
            check(f.read() == b"last month's file\n", "%s: the earlier file as it was" % sig.name)
        no_temporary(work)


def case_tls(work):
    """HTTPS is verified: a self-signed certificate is refused."""
    if not shutil.which("openssl"):
        check(False, "this test needs the openssl command (apt-get install openssl)")
        return
    cert, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                    "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    out = os.path.join(work, "out.json.gz")
    with Stub(work, "--tls", cert, key) as stub:
        p = fetch("https://127.0.0.1:%d" % stub.port, out)
        reqs = stub.requests()
    err = p.stderr.decode()
    check(p.returncode == 2, "exit status %d: %r" % (p.returncode, err))
    check(re.search(r"^almaudit: the jobs listing \(type MANUAL\), offset 0: the server's "
                    r"certificate does not verify", err, re.M) is not None,
          "the certificate refused: %r" % err)
    check(reqs == [], "no request reached the server: %s" % reqs)
    check(not os.path.exists(out), "no file")


def case_secret(work):
    """The key is in no byte the command writes, whatever happens; never taken
    on the command line; refused in a file others may read."""
    seen = []  # everything written: standard output, standard error, files

    def keep(p, *files):
        seen.extend([p.stdout, p.stderr])
        for f in files:
            if os.path.exists(f):
                with open(f, "rb") as g:
                    raw = g.read()
                seen.append(raw)
                seen.extend(members(f))
        return p

    out = os.path.join(work, "out.json.gz")
    with Stub(work, "--fault", "M26720:0:401echo") as stub:
        p = keep(fetch(stub.url, out), out)
        check(p.returncode == 2, "401: exit status %d" % p.returncode)
        check(b"[API key]" in p.stderr,
              "the API's message quoting the key is printed with the key cut out: %r" % p.stderr)
        reqs = stub.requests()
    with Stub(work, "--fault", "M26714:100:500:1", "--fault", "M26720:0:stall:1") as stub:
        p = keep(fetch(stub.url, out, "--timeout", "1"), out)
        check(p.returncode == 0, "success: exit status %d: %r" % (p.returncode, p.stderr))
        reqs += stub.requests()
    check(all(r["auth"] and not r["key_in_url"] for r in reqs),
          "the key went in the Authorization header only, never in a URL")
    # on a terminal too (the progress line)
    with Stub(work) as stub:
        status, text = on_terminal([ALMAUDIT, "fetch", "--base-url", stub.url, "--period",
                                    "2026-10", "-o", out], environment())
        seen.append(text)
        check(status == 0, "on a terminal: exit status %d" % status)
    # the key file: its mode
    keyfile = os.path.join(work, "key")
    with open(keyfile, "w") as f:
        f.write(KEY + "\n")
    os.chmod(keyfile, 0o644)
    env = environment(ALMA_API_KEY=None)
    with Stub(work) as stub:
        p = keep(fetch(stub.url, out, "--api-key-file", keyfile, env=env), out)
        check(p.returncode == 2 and b"mode 0644" in p.stderr and b"chmod 600" in p.stderr,
              "a key file others may read is refused, naming its mode: %r" % p.stderr)
        os.chmod(keyfile, 0o600)
        p = keep(fetch(stub.url, out, "--api-key-file", keyfile, env=env), out)
        check(p.returncode == 0, "a key file of mode 0600 is read: %r" % p.stderr)
    # never from the command line
    for args in (["--api-key=" + KEY], ["--api-key", KEY], ["--api", KEY], [KEY],
                 ["--apikey=" + KEY], ["--sandbox=" + KEY]):
        p = keep(run([ALMAUDIT, "fetch", "--region", "eu", "--period", "2026-10", "-o", out] +
                     args))
        check(p.returncode == 2, "%s: exit status %d" % (args[0][:9], p.returncode))
    # the sandbox's own key
    env = environment(ALMA_API_KEY=KEY, ALMA_SANDBOX_API_KEY=OTHER_KEY)
    with Stub(work, key=OTHER_KEY) as stub:
        p = keep(fetch(stub.url, out, "--sandbox", env=env), out)
        check(p.returncode == 0 and b"(sandbox, submitted" in p.stderr,
              "--sandbox sends $ALMA_SANDBOX_API_KEY: %r" % p.stderr)
        p = keep(fetch(stub.url, out, env=env), out)
        check(p.returncode == 2 and b"HTTP 401" in p.stderr,
              "without --sandbox, $ALMA_API_KEY: refused by the sandbox: %r" % p.stderr)
    for text in seen:
        for k in (KEY, OTHER_KEY):
            check(k.encode() not in text, "the key %s... is in what was written: %r"
                  % (k[:12], text[:300]))
    check(len(seen) > 20, "everything written was looked at (%d pieces)" % len(seen))


class ErrorServer:
    """A server of this test's own, on 127.0.0.1, that answers every request
    with an API error quoting the key at a place its path names:
    /VARIANT/STATUS/PAD/almaws/v1/... (the base URL's prefix), VARIANT one of
    json-message, json-code, xml-message, xml-code; PAD the bytes before the
    key."""

    def __init__(self):
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                _, variant, status, pad = self.path.split("/")[:4]
                text = "x" * int(pad) + KEY
                body = {
                    "json-message": '{"errorsExist":true,"errorList":{"error":[{"errorCode":'
                                    '"UNAUTHORIZED","errorMessage":"%s is not a key"}]}}' % text,
                    "json-code": '{"errorsExist":true,"errorList":{"error":[{"errorCode":"%s"}]}}'
                                 % text,
                    "xml-message": "<web_service_result><errorsExist>true</errorsExist>"
                                   "<errorList><error><errorCode>UNAUTHORIZED</errorCode>"
                                   "<errorMessage>%s is not a key</errorMessage></error>"
                                   "</errorList></web_service_result>" % text,
                    "xml-code": "<web_service_result><errorsExist>true</errorsExist>"
                                "<errorList><error><errorCode>%s</errorCode></error>"
                                "</errorList></web_service_result>" % text,
                }[variant].encode()
                self.send_response(int(status))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def case_secret_cut(work):
    """The API's message is cut for the diagnostic (a message at 240 bytes, a
    code alone at 60): the key is taken out before the cut, whole copies and
    any run of 4 bytes or more that begins it, so that no part of it shows,
    wherever it sits around the cut: in errorMessage and errorCode, JSON and
    XML, a 401 and an error object in a 200."""
    out = os.path.join(work, "out.json.gz")
    parts = [KEY[i:i + 6] for i in range(len(KEY) - 5)]
    runs = 0
    with ErrorServer() as server:
        for variant, pads in (("json-message", range(180, 250)), ("json-code", range(0, 70)),
                              ("xml-message", range(180, 250)), ("xml-code", range(0, 70))):
            for status in ("401", "200") if variant.startswith("json") else ("403",):
                for pad in pads:
                    base = "%s/%s/%s/%d" % (server.url, variant, status, pad)
                    p = fetch(base, out)
                    runs += 1
                    err = p.stderr.decode("utf-8", "replace")
                    if not check(p.returncode == 2 and "the API" in err,
                                 "%s %s pad %d: the API's error said: %r"
                                 % (variant, status, pad, err)):
                        continue
                    shown = [part for part in parts if part in err]
                    check(not shown, "%s %s pad %d: part of the key is shown (%s): %r"
                          % (variant, status, pad, shown[:2], err))
                    check(not re.search(r"l7xx", err),
                          "%s %s pad %d: the key's start is shown: %r" % (variant, status, pad, err))
    check(runs > 400, "every place tried (%d)" % runs)


def case_key_fifo(work):
    """--api-key-file naming a FIFO is refused at once, not read (it would
    wait forever for a writer)."""
    fifo = os.path.join(work, "key")
    os.mkfifo(fifo, 0o600)
    out = os.path.join(work, "out.json.gz")
    p = run([ALMAUDIT, "fetch", "--base-url", "http://127.0.0.1:9", "--period", "2026-10",
             "--api-key-file", fifo, "-o", out], env=environment(ALMA_API_KEY=None), timeout=20)
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 2, "exit status %d: %r" % (p.returncode, err))
    check(re.fullmatch(r"almaudit: %s: the API key file is a FIFO, not a regular file: "
                       r"refused\n" % re.escape(fifo), err) is not None,
          "the FIFO refused at once: %r" % err)
    check(not os.path.exists(out), "no file")


def case_config_values(work):
    """An error about a value fetch took from the config names the config's
    FILE:LINE, as audit's do."""
    conf = os.path.join(work, "almaudit.conf")
    out = os.path.join(work, "out.json.gz")
    nowhere = "http://127.0.0.1:9"  # nothing is asked: each fails before
    cases = [
        ("--period 2026-1O", ["--base-url", nowhere], r"--period wants .*not '2026-1O'"),
        ("--since 2026-13-01", ["--base-url", nowhere], r"--since"),
        ("--region xx", ["--period", "2026-10"], r"--region wants na, eu.*not 'xx'"),
        ("--tz bad/zone", ["--base-url", nowhere, "--period", "2026-10"],
         r"unknown time zone 'bad/zone'"),
        ("--timeout 0", ["--base-url", nowhere, "--period", "2026-10"],
         r"--timeout wants 1 to 3600 seconds, not '0'"),
        ("--timeout x", ["--base-url", nowhere, "--period", "2026-10"],
         r"--timeout wants a count, not 'x'"),
        ("--base-url http://example.org", ["--period", "2026-10"],
         r"--base-url: plain http:// is taken only for this machine"),
        ("--api-key-file %s/none" % work, ["--base-url", nowhere, "--period", "2026-10"],
         r"%s/none: cannot read the API key" % re.escape(work)),
    ]
    for line, typed, said in cases:
        with open(conf, "w") as f:
            f.write("# fetch's and audit's\n--rules /srv/almaudit/rules\n%s\n" % line)
        p = run([ALMAUDIT, "fetch", "--config", conf, "-o", out] + typed)
        err = p.stderr.decode("utf-8", "replace")
        check(p.returncode == 2, "%s: exit status %d: %r" % (line, p.returncode, err))
        check(re.match(r"almaudit: %s:3: %s" % (re.escape(conf), said), err) is not None,
              "%s: the error names the config's line 3: %r" % (line, err))
    # typed, the same value is said without a config line
    p = run([ALMAUDIT, "fetch", "--config", conf, "--base-url", nowhere, "--period", "2026-1O",
             "-o", out])
    check(re.match(r"almaudit: --period wants", p.stderr.decode()) is not None,
          "typed: no config line: %r" % p.stderr)


def case_config_sandbox(work):
    """A bare --sandbox in the config is fetch's own flag: the sandbox is
    fetched, with its key. A --sandbox FILE line is audit's (its sandbox
    history): left out, and said so with --verbose; production is fetched."""
    conf = os.path.join(work, "almaudit.conf")
    out = os.path.join(work, "out.json.gz")
    env = environment(ALMA_SANDBOX_API_KEY=OTHER_KEY)
    with Stub(work, sandbox_key=OTHER_KEY) as stub:
        with open(conf, "w") as f:
            f.write("--tz America/New_York\n--sandbox\n")
        p = run([ALMAUDIT, "fetch", "--config", conf, "--base-url", stub.url, "--period",
                 "2026-10", "-o", out], env=env)
        reqs = stub.requests()
        check(p.returncode == 0 and b"(sandbox, submitted" in p.stderr,
              "the config's bare --sandbox fetches the sandbox: %r" % p.stderr)
        check(reqs and all(r["sandbox"] for r in reqs), "every request with the sandbox's key")
        with open(conf, "w") as f:
            f.write("--tz America/New_York\n--sandbox %s/sandbox.json.gz\n" % work)
        p = run([ALMAUDIT, "fetch", "--config", conf, "--base-url", stub.url, "--period",
                 "2026-10", "--verbose", "-o", out], env=env)
        err = p.stderr.decode("utf-8", "replace")
        check(p.returncode == 0 and "(production, submitted" in err,
              "a --sandbox FILE line is not fetch's: production fetched: %r" % err)
        check(re.search(r"^almaudit: %s:2: --sandbox FILE left out: it is audit's"
                        % re.escape(conf), err, re.M) is not None,
              "--verbose says the config's --sandbox FILE was left out: %r" % err)
        p = run([ALMAUDIT, "fetch", "--config", conf, "--base-url", stub.url, "--period",
                 "2026-10", "-o", out], env=env)
        check(p.returncode == 0 and b"left out" not in p.stderr,
              "without --verbose, nothing said of it: %r" % p.stderr)


def case_output_words(work):
    """fetch's words about -o are its own: it never writes standard output,
    and what it writes is the fetched history, not a report."""
    fifo = os.path.join(work, "fifo")
    os.mkfifo(fifo)
    p = run([ALMAUDIT, "fetch", "--base-url", "http://127.0.0.1:9", "--period", "2026-10",
             "-o", fifo])
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 2 and re.fullmatch(
        r"almaudit: %s: a FIFO, not a regular file: never opened for writing; write to a "
        r"regular file \(or /dev/null\)\n" % re.escape(fifo), err) is not None,
        "-o FIFO: %r" % err)
    link = os.path.join(work, "dev")
    os.symlink("/dev/null", link)
    p = run([ALMAUDIT, "fetch", "--base-url", "http://127.0.0.1:9", "--period", "2026-10",
             "-o", link])
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 2 and re.fullmatch(
        r"almaudit: %s: a symbolic link to a character device: almaudit writes through no "
        r"link; name the file itself\n" % re.escape(link), err) is not None,
        "-o a link to a device: %r" % err)
    target, link = os.path.join(work, "kept"), os.path.join(work, "out.json.gz")
    with open(target, "w") as f:
        f.write("kept\n")
    os.symlink(target, link)
    with Stub(work) as stub:
        p = fetch(stub.url, link)
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 0 and re.match(
        r"almaudit: %s: warning: a symbolic link \(to '%s'\): replaced by the fetched "
        r"history; the file it names is left as it was\n" % (re.escape(link), re.escape(target)),
        err) is not None, "-o a link: %r" % err)
    for text in (b"standard output", b"report"):
        check(text not in p.stderr, "%r not said: %r" % (text, p.stderr))
    with open(target) as f:
        check(f.read() == "kept\n", "the file the link named is left as it was")


def case_base_prefix(work):
    """--base-url as Ex Libris writes the API's base, ending in /almaws/v1
    (with a slash after or not): the paths are not doubled."""
    out = os.path.join(work, "out.json.gz")
    with Stub(work) as stub:
        for tail in ("/almaws/v1", "/almaws/v1/", "/"):
            p = fetch(stub.url + tail, out)
            check(p.returncode == 0, "%s: exit status %d: %r" % (tail, p.returncode, p.stderr))
        reqs = stub.requests()
    check(reqs and all(r["path"].startswith("/almaws/v1/conf/jobs") for r in reqs),
          "every path is /almaws/v1/conf/jobs...: %s" % sorted(set(r["path"] for r in reqs))[:3])


def case_no_jobs(work):
    """A listing of no jobs is the key's or the host's fault, not a quiet
    month: an error, nothing written; and audit, given an empty file, says
    what it is."""
    out = os.path.join(work, "out.json.gz")
    with Stub(work, "--synthetic", "0:0") as stub:
        p = fetch(stub.url, out)
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 2, "exit status %d: %r" % (p.returncode, err))
    check(re.match(r"almaudit: the jobs listing: the API lists no jobs of type MANUAL or OTHER: "
                   r"is the key the institution's", err) is not None, "said: %r" % err)
    check(not os.path.exists(out), "nothing written")
    with gzip.open(out, "wb"):
        pass  # an empty gzip file, as fetch once wrote for this
    p = run([ALMAUDIT, "audit", "--period", "2026-10", out])
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 2 and "no header row" not in err and
          re.search(r"%s: empty file: nothing in it \(no CSV header row, no JSON page\)"
                    % re.escape(out), err) is not None, "audit of an empty file: %r" % err)


def case_usage_words(work):
    """An option that takes no value, given one, is said so (not "fetch
    takes no --all-types"); the value is not repeated."""
    for arg, name in (("--all-types=" + KEY, "--all-types"), ("--verbose=1", "--verbose"),
                      ("--all=x", "--all")):
        p = run([ALMAUDIT, "fetch", "--region", "eu", "--period", "2026-10", "-o",
                 os.path.join(work, "o.gz"), arg])
        err = p.stderr.decode("utf-8", "replace")
        check(p.returncode == 2 and err.startswith("almaudit: %s takes no value" % name),
              "%s: %r" % (name, err))
        check(KEY not in err, "the value is not repeated: %r" % err)


def on_terminal(argv, env):
    """Runs argv with standard error on a terminal; (status, what it wrote there)."""
    master, slave = pty.openpty()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=slave, env=env)
    os.close(slave)
    text = b""
    while True:
        r, _, _ = select.select([master], [], [], 30)
        if not r:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        text += chunk
    os.close(master)
    return p.wait(), text


def case_terminal(work):
    """A progress line on a terminal; on a pipe, the summary alone."""
    out = os.path.join(work, "out.json.gz")
    with Stub(work, "--synthetic", "20:150") as stub:
        status, text = on_terminal([ALMAUDIT, "fetch", "--base-url", stub.url, "--period",
                                    "2026-10", "-o", out], environment())
        check(status == 0, "exit status %d: %r" % (status, text))
        check(re.search(rb"\rjobs \d+ of 20, [\d,]+ instances, \d+ requests?, \d+ (retry|retries)\x1b\[K",
                        text) is not None, "a progress line: %r" % text[:400])
        check(re.search(rb"\r\x1b\[Kalmaudit: .*: 20 jobs, 3,000 instances, \d+ requests, 0 "
                        rb"retries", text) is not None, "the line cleared, then the summary")
        # a terminal of 30 columns (no size set: $COLUMNS): never a wider
        # line, which would wrap and be erased only in part
        status, text = on_terminal([ALMAUDIT, "fetch", "--base-url", stub.url, "--period",
                                    "2026-10", "-o", out], environment(COLUMNS="30"))
        draws = [d.replace(b"\x1b[K", b"") for d in text.split(b"\r") if d.startswith(b"jobs ")]
        check(status == 0 and draws and max(map(len, draws)) <= 29,
              "30 columns: every progress line within 29: %r" % draws[-1:])
        p = fetch(stub.url, out)
        check(p.stderr.count(b"\n") == 1 and b"\r" not in p.stderr,
              "not on a terminal: the summary line only: %r" % p.stderr)
    # an error on a terminal starts on a line of its own, the progress line cleared
    with Stub(work, "--fault", "O3750771000003941:0:401") as stub:
        status, text = on_terminal([ALMAUDIT, "fetch", "--base-url", stub.url, "--period",
                                    "2026-10", "-o", out], environment())
        check(status == 2, "exit status %d: %r" % (status, text))
        check(re.search(rb"(\A|\n|\r\x1b\[K)almaudit: job O3750771000003941, offset 0: HTTP 401",
                        text) is not None, "the error on a clear line: %r" % text[-600:])
        check(b"\rjobs " in text, "progress was shown before the error: %r" % text[:300])


def case_config(work):
    """One config serves fetch and audit: each leaves out the other's options
    when they come from it; typed, they are errors."""
    conf = os.path.join(work, "almaudit.conf")
    rules = os.path.join(HERE, "..", "..", "rules")
    out = os.path.join(work, "out.json.gz")
    with Stub(work) as stub:
        with open(conf, "w") as f:
            f.write("--tz America/New_York\n--region eu\n--rules %s\n--format json\n"
                    "--sandbox %s/sb.json.gz\n--to lts@example.edu\n--timeout 30\n"
                    "--all-types\n--min-records 1000\n" % (rules, work))
        # --base-url typed wins over the config's --region
        p = run([ALMAUDIT, "fetch", "--config", conf, "--base-url", stub.url,
                 "--period", "2026-10", "-o", out])
        check(p.returncode == 0, "fetch with the config: %r" % p.stderr)
        check(any("type=SCHEDULED" in r["query"] for r in stub.requests()),
              "the config's --all-types is fetch's")
        with open(conf, "a") as f:
            f.write("--api-key-file %s/none\n" % work)
        p = run([ALMAUDIT, "fetch", "--config", conf, "--base-url", stub.url,
                 "--period", "2026-10", "-o", out])
        check(p.returncode == 2 and b"none: cannot read the API key" in p.stderr,
              "the config's --api-key-file is fetch's: %r" % p.stderr)
    p = run([ALMAUDIT, "fetch", "--config", conf, "--format", "json", "-o", out])
    check(p.returncode == 2 and b"fetch takes no --format" in p.stderr,
          "typed, an audit option is an error for fetch: %r" % p.stderr)
    # audit reads the same config, leaving out fetch's options
    sample = os.path.join(HERE, "..", "..", "samples", "jobs-2026-10.csv.gz")
    sb = os.path.join(HERE, "..", "..", "samples", "sandbox-2026-10.csv.gz")
    with open(conf, "w") as f:
        f.write("--tz America/New_York\n--region eu\n--timeout 30\n--all-types\n"
                "--api-key-file x\n--base-url https://example.org\n--sandbox %s\n" % sb)
    for cmd in ("audit", "runs", "review"):
        p = run([ALMAUDIT, cmd, "--config", conf, "--period", "2026-10", "-o", os.devnull,
                 sample])
        check(p.returncode in (0, 1), "%s with fetch's options in its config: %d %r"
              % (cmd, p.returncode, p.stderr))
    p = run([ALMAUDIT, "audit", "--region", "eu", sample])
    check(p.returncode == 2 and b"audit takes no --region"
          in p.stderr, "typed, a fetch option is an error for audit: %r" % p.stderr)


def case_audit(work):
    """Fetch, then audit what was fetched: the findings are those of the same
    runs read from the stand-in's own files, and there are some."""
    out = os.path.join(work, "out.json.gz")
    with Stub(work) as stub:
        p = fetch(stub.url, out, "--all-types")
    check(p.returncode == 0, "fetch: %r" % p.stderr)
    files = [os.path.join(DATA, "instances", n) for n in sorted(os.listdir(
        os.path.join(DATA, "instances")))]
    a = ["--tz", "America/New_York", "--period", "2026-10", "--format", "csv"]
    got = run([ALMAUDIT, "audit"] + a + [out])
    want = run([ALMAUDIT, "audit"] + a + files)
    check(got.returncode == 1, "the audit of the fetched file has findings: %d %r"
          % (got.returncode, got.stderr))
    rows = lambda out: sorted(out.decode("utf-8").splitlines())
    check(rows(got.stdout) == rows(want.stdout) and got.returncode == want.returncode,
          "the findings are those of the runs fetched:\n%s\n---\n%s"
          % (got.stdout.decode()[:2000], want.stdout.decode()[:2000]))
    check(got.stdout.count(b"\n") > 10 and b"damaging-large-set" in got.stdout,
          "findings, among them damaging-large-set: %r" % got.stdout[:300])


def readme_cycle():
    """The config and the script of README.md's "The monthly report"."""
    with open(os.path.join(HERE, "..", "..", "README.md"), encoding="utf-8") as f:
        text = f.read()
    conf = re.search(r"```\n(# /etc/almaudit.conf\n.*?)```", text, re.S).group(1)
    script = re.search(r"```sh\n(#!/bin/sh\n# /srv/almaudit/monthly.sh.*?)```", text, re.S).group(1)
    return conf, script


def man_cycle():
    """The script as almaudit-fetch(1) shows it, its roff undone."""
    with open(os.path.join(HERE, "..", "..", "man", "almaudit-fetch.1"), encoding="utf-8") as f:
        text = f.read()
    part = text.split('.\\" BEGIN README monthly.sh')[1].split('.\\" END README monthly.sh')[0]
    part = part.split("\n", 1)[1]  # the rest of the BEGIN line
    lines = [l for l in part.split("\n") if l and not l.startswith(".")]
    return "".join(l.replace("\\-", "-").replace("\\(aq", "'").replace("\\e", "\\") + "\n"
                   for l in lines)


def case_cycle(work):
    """README's monthly cycle, run as written (its paths moved into a scratch
    directory, the API host the stand-in, the date November's, sendmail a
    fake): fetch production, fetch the sandbox, keep the sandbox's history,
    audit, mail. Its copy in almaudit-fetch(1) is the same script."""
    conf, script = readme_cycle()
    check(man_cycle() == script, "almaudit-fetch(1) shows README's script, line for line:\n%s"
          % man_cycle())
    srv, binp, sent = (os.path.join(work, d) for d in ("srv", "bin", "sent"))
    for d in (srv, binp, sent, os.path.join(srv, "keys")):
        os.makedirs(d, exist_ok=True)
    shutil.copytree(os.path.join(HERE, "..", "..", "rules"), os.path.join(srv, "rules"))
    for name, key in (("production", KEY), ("sandbox", OTHER_KEY)):
        path = os.path.join(srv, "keys", name)
        with open(path, "w") as f:
            f.write(key + "\n")
        os.chmod(path, 0o600)
    os.symlink(ALMAUDIT, os.path.join(binp, "almaudit"))
    tools = {"date": '#!/bin/sh\n[ "$1" = -d ] && exec /bin/date -d "2026-11-01 12:00 $2" "$3"\n'
                     'exec /bin/date "$@"\n',
             "sendmail": '#!/bin/sh\n[ "$1" = -t ] || exit 64\n'
                         'n=$(ls "%s" | wc -l)\ncat >"%s/$n.eml"\n' % (sent, sent)}
    for name, text in tools.items():
        with open(os.path.join(binp, name), "w") as f:
            f.write(text)
        os.chmod(os.path.join(binp, name), 0o755)
    env = environment(ALMA_API_KEY=None, ALMAUDIT_NOW="2026-11-01T11:00:00Z",
                      PATH=binp + ":" + os.environ["PATH"])
    history = os.path.join(srv, "history")
    with Stub(work, sandbox_key=OTHER_KEY) as stub:
        conf_path = os.path.join(work, "almaudit.conf")
        with open(conf_path, "w") as f:
            f.write(conf.replace("/srv/almaudit", srv).replace("--region na",
                                                                "--base-url " + stub.url))
        with open(os.path.join(srv, "monthly.sh"), "w") as f:
            f.write(script.replace("/etc/almaudit.conf", conf_path)
                    .replace("/srv/almaudit", srv).replace("/usr/sbin/sendmail",
                                                          os.path.join(binp, "sendmail")))
        # September's sandbox history, kept from last month
        os.makedirs(history)
        p = run([ALMAUDIT, "fetch", "--config", conf_path, "--period", "2026-09", "--sandbox",
                 "--api-key-file", os.path.join(srv, "keys", "sandbox"), "-o",
                 os.path.join(history, "sandbox-2026-09.json.gz")], env=env)
        check(p.returncode == 0, "September's sandbox: %r" % p.stderr)
        p = run(["sh", os.path.join(srv, "monthly.sh")], env=env)
        reqs = stub.requests()
    err = p.stderr.decode("utf-8", "replace")
    prod = os.path.join(history, "2026-10.json.gz")
    check(os.path.exists(prod), "production's October fetched: %s" % err)
    if not os.path.exists(prod):
        return None
    expect = expected_instances()
    ids = re.findall(rb'\{"id":"(\d+)","external_id"', b"".join(members(prod)))
    check(len(ids) == sum(len(v) for v in expect.values()), "October's runs, every one")
    check(re.search(r"^almaudit: history/2026-10.json.gz: 6 jobs, 345 instances, .*\(production, "
                    r"submitted 2026-09-30 to 2026-11-01\)$", err, re.M) is not None,
          "the log has production's summary: %r" % err)
    check(re.search(r"^almaudit: history/sandbox-2026-10.json.gz: 6 jobs, \d+ instances, .*"
                    r"\(sandbox, ", err, re.M) is not None, "and the sandbox's: %r" % err)
    check(any(r["sandbox"] for r in reqs) and any(not r["sandbox"] for r in reqs),
          "each fetch with its own key")
    parts = []
    for month in ("2026-09", "2026-10"):
        with open(os.path.join(history, "sandbox-%s.json.gz" % month), "rb") as f:
            parts.append(f.read())
    with open(os.path.join(srv, "sandbox.json.gz"), "rb") as f:
        kept = f.read()
    check(kept == b"".join(parts), "sandbox.json.gz is September's and October's, concatenated")
    check(len(members(os.path.join(srv, "sandbox.json.gz"))) == 2, "two gzip members")
    report = os.path.join(srv, "json", "2026-10.json")
    check(os.path.exists(report), "the json report kept for November's baseline: %r" % err)
    emls = sorted(os.listdir(os.path.join(srv, "mail", "2026-10")))
    check(emls and all(e.endswith(".eml") for e in emls), "a message per unit: %s" % emls)
    mailed = sorted(os.listdir(sent))
    check(len(mailed) == len(emls) and len(emls) > 1, "each message handed to sendmail -t: %s"
          % mailed)
    for n in mailed:
        with open(os.path.join(sent, n), "rb") as f:
            check(re.search(rb"^To: ", f.read(), re.M) is not None, "%s has a To: header" % n)
    check(p.returncode in (0, 1), "the script's status: %d %r" % (p.returncode, err))


CASES = {
    "pages": case_pages,
    "all_types": case_all_types,
    "listing": case_listing,
    "refused": case_refused,
    "interrupted": case_interrupted,
    "tls": case_tls,
    "secret": case_secret,
    "terminal": case_terminal,
    "config": case_config,
    "audit": case_audit,
    "cycle": case_cycle,
    "secret_cut": case_secret_cut,
    "key_fifo": case_key_fifo,
    "config_values": case_config_values,
    "config_sandbox": case_config_sandbox,
    "output_words": case_output_words,
    "base_prefix": case_base_prefix,
    "no_jobs": case_no_jobs,
    "usage_words": case_usage_words,
}


def main():
    global ALMAUDIT
    name = sys.argv[2] if len(sys.argv) == 3 else ""
    if name not in CASES and name[len("fault_"):] not in FAULTS:
        print("usage: test_fetch.py ALMAUDIT CASE (CASE: %s)"
              % " ".join(list(CASES) + ["fault_" + f for f in FAULTS]), file=sys.stderr)
        return 2
    ALMAUDIT = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="fetch-")
    os.umask(0o022)
    try:
        status = CASES[name](work) if name in CASES else fault_case(name[6:], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if status == SKIP and not failures:
        return SKIP
    print("%s: %s" % (name, "FAILED (%d)" % len(failures) if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
