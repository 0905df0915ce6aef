#!/usr/bin/env python3
"""A stand-in for the Alma API's jobs and job instances, for the tests of
'almaudit fetch'. It listens on 127.0.0.1 only, on a port the system picks,
prints that port as its first line on standard output, and serves until it is
killed:

    GET /almaws/v1/conf/jobs?type=T&limit=L&offset=O
    GET /almaws/v1/conf/jobs/{id}/instances?submit_date_from=D&submit_date_to=D&limit=L&offset=O

from DATA (tests/fetch/data: jobs.json, the jobs listing, and instances/ID.json,
one page object per job with an instance a line), slicing the lines exactly as
written there; or, with --synthetic JOBS:N, from JOBS made-up manual jobs of N
instances each (for the listing's pages and the benchmark).

Every request must carry "Authorization: apikey KEY" ($ALMA_STUB_KEY, or
$ALMA_STUB_SANDBOX_KEY, which is answered from DATA/sandbox) and
"Accept: application/json", and no key anywhere in its URL; otherwise it gets
the API's error answer (401, 400). --log FILE appends a JSON line per request:
the time, path, query, status, whether the key and Accept were right, whether
a key was in the URL, and (with --bodies) the body served, base64.

Faults, --fault SERIES:OFFSET:KIND[:TIMES] (repeatable): SERIES is a job id or
"jobs-TYPE" (the listing of a type); OFFSET a number or *; TIMES how many
requests get the fault (default: all). KIND is one of
  429 (Retry-After: 1)  429long (Retry-After: 3600)  429daily  500  503
  401  401echo (the error message quotes the Authorization header)  400
  403xml (the error as XML)  errorlist (200 with an error object)
  truncated (Content-Length more than is sent)  cut (no Content-Length,
  the body cut short)  stall (nothing sent for 60 s)  stallpart (half the
  body, then nothing for 60 s)  trickle (the body a byte every 0.5 s)
  moved (total_record_count one more)  empty (no instances before the total)
  repeat (offset 0's instances again, the same total)  huge (a total of 10^12)
  float (the total as 250.0)  fraction (the total as 250.5)  keypage (the
  page quotes the Authorization header)  notjson  html (a login page, 200)
--pretty SERIES serves that job's pages indented over several lines.
"""
import argparse
import base64
import json
import os
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

ERROR = ('{"errorsExist":true,"errorList":{"error":[{"errorCode":"%s","errorMessage":"%s",'
         '"trackingId":"E01-0612201920-ABCDE-AWAE1234567890"}]},"result":null}')
ERROR_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<web_service_result xmlns="http://com/exlibris/urm/general/xmlbeans">'
             '<errorsExist>true</errorsExist><errorList><error><errorCode>%s</errorCode>'
             '<errorMessage>%s</errorMessage><trackingId>unknown</trackingId></error>'
             '</errorList></web_service_result>')

# a single sign-on login page, as a proxy in front of the API serves it
LOGIN_PAGE = ('<!DOCTYPE html>\n<html lang="en"><head><title>Sign in</title></head>\n'
              '<body><form method="post" action="/idp/profile/SAML2/Redirect/SSO">'
              '<input name="j_username"></form></body></html>\n')


class Fault:
    def __init__(self, spec):
        parts = spec.split(":")
        self.series, offset, self.kind = parts[0], parts[1], parts[2]
        self.offset = None if offset == "*" else int(offset)
        self.left = int(parts[3]) if len(parts) > 3 else -1
        self.lock = threading.Lock()

    def take(self, series, offset):
        if self.series != series or (self.offset is not None and self.offset != offset):
            return False
        with self.lock:
            if self.left == 0:
                return False
            if self.left > 0:
                self.left -= 1
            return True


class Data:
    def __init__(self, args, directory):
        self.jobs = []        # listing entries as JSON text, in order
        self.types = []       # each job's type
        self.instances = {}   # job id -> [(submit date, raw text)]
        if args.synthetic:
            njobs, n = (int(x) for x in args.synthetic.split(":"))
            for j in range(njobs):
                job = "M%05d" % (90000 + j)
                self.jobs.append(json.dumps({
                    "id": job, "name": "Synthetic job %d" % j,
                    "type": {"value": "MANUAL", "desc": "Manual"},
                    "category": {"value": "PHYSICAL_ITEMS", "desc": "Physical Items"}},
                    separators=(",", ":")))
                self.types.append("MANUAL")
                self.instances[job] = [self.synthetic(job, j, i) for i in range(n)]
            return
        with open(os.path.join(directory, "jobs.json"), encoding="utf-8") as f:
            listing = f.read()
        for line in listing.split("\n")[1:-2]:
            text = line.rstrip(",")
            self.jobs.append(text)
            self.types.append(json.loads(text)["type"]["value"])
        for text in self.jobs:
            job = json.loads(text)["id"]
            with open(os.path.join(directory, "instances", job + ".json"), encoding="utf-8") as f:
                lines = [l.rstrip(",") for l in f.read().split("\n")[1:-2] if l]
            self.instances[job] = [(json.loads(l)["submit_time"][:10], l) for l in lines]

    @staticmethod
    def synthetic(job, j, i):
        day = 1 + (i * 7 + j) % 31
        ident = "62%06d%04d3941" % (j, i)
        inst = {
            "id": ident, "name": "Change Physical Items - batch %d - 10/%02d/2026" % (i, day),
            "submitted_by": {"value": "80120025", "desc": "Honshuku, Mariko"},
            "submit_time": "2026-10-%02dT12:%02d:%02d.941Z" % (day, i % 60, j % 60),
            "start_time": "2026-10-%02dT12:%02d:%02d.991Z" % (day, i % 60, j % 60),
            "end_time": "2026-10-%02dT13:%02d:%02d.533Z" % (day, i % 60, j % 60),
            "progress": 100,
            "status": {"value": "COMPLETED_SUCCESS", "desc": "Completed Successfully"},
            "counter": [{"type": {"value": "x.total", "desc": "Total records processed"},
                         "value": str(100 + i)}],
            "job_info": {"id": job, "name": "Change Physical Items",
                         "type": {"value": "MANUAL", "desc": "Manual"},
                         "category": {"value": "PHYSICAL_ITEMS", "desc": "Physical Items"}}}
        return ("2026-10-%02d" % day, json.dumps(inst, separators=(",", ":")))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AlmaStub/1"

    def log_message(self, fmt, *args):
        pass

    def send(self, status, body, ctype="application/json;charset=UTF-8", headers=(),
             length=None, close=False):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.served = (status, data)
        self.log_once()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        if length != "none":
            self.send_header("Content-Length", str(len(data) if length is None else length))
        if close or length == "none":
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        return data

    def do_GET(self):
        st = self.server.stub
        self.served = (0, b"")
        self.logged = False
        t = time.time()
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        auth = self.headers.get("Authorization", "")
        sandbox = st.sandbox is not None and auth == "apikey " + st.sandbox_key
        self.record = record = {"t": t, "path": url.path, "query": url.query,
                  "auth": auth == "apikey " + st.key or sandbox, "sandbox": sandbox,
                  "accept": self.headers.get("Accept", "") == "application/json",
                  "key_in_url": "apikey" in self.path.lower() or
                                any(k and k in unquote(self.path) for k in (st.key, st.sandbox_key))}
        try:
            self.answer(st, url, query, auth, record)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_once(self):
        """Logs the request before its answer goes out: fetch may end, and the
        test read the log, the moment it is in."""
        if self.logged:
            return
        self.logged = True
        st = self.server.stub
        self.record["status"] = self.served[0]
        if st.args.bodies:
            self.record["body"] = base64.b64encode(self.served[1]).decode("ascii")
        st.log(self.record)

    def answer(self, st, url, query, auth, record):
        data = st.sandbox if record["sandbox"] else st.data
        if record["key_in_url"]:
            return self.write(self.send(400, ERROR % ("INVALID_REQUEST",
                                                      "API key in the URL: send it in a header")))
        if not record["auth"]:
            return self.write(self.send(401, ERROR % (
                "UNAUTHORIZED", "API-key not defined or not configured to allow this API.")))
        if not record["accept"]:
            return self.write(self.send(400, ERROR % ("INVALID_REQUEST", "Accept JSON, please")))
        parts = url.path.split("/")
        limit = int(query.get("limit", ["10"])[0])
        offset = int(query.get("offset", ["0"])[0])
        if limit < 0 or limit > 100:
            return self.write(self.send(400, ERROR % (
                "INVALID_PARAMETER", "Illegal value for parameter limit: %d" % limit)))
        if url.path == "/almaws/v1/conf/jobs":
            kind = query.get("type", [None])[0]
            series = "jobs-%s" % kind
            items = [j for j, k in zip(data.jobs, data.types) if kind in (None, k)]
            array = "job"
            pretty = False
        elif len(parts) == 7 and parts[:5] == ["", "almaws", "v1", "conf", "jobs"] and \
                parts[6] == "instances":
            series = unquote(parts[5])
            if series not in data.instances:
                return self.write(self.send(400, ERROR % (
                    "402201", "Job ID %s is not valid" % series)))
            lo = query.get("submit_date_from", ["0000-00-00"])[0]
            hi = query.get("submit_date_to", ["9999-99-99"])[0]
            items = [text for day, text in data.instances[series] if lo <= day <= hi]
            array = "job_instance"
            pretty = series in st.args.pretty
        else:
            return self.write(self.send(404, ERROR % ("404", "No such resource")))
        total = len(items)
        page = items[offset:offset + limit]
        fault = next((f for f in st.faults if f.take(series, offset)), None)
        kind = fault.kind if fault else None
        record["fault"] = kind
        if kind == "moved":
            total += 1
        if kind == "huge":
            total = 10 ** 12
        if kind == "empty":
            page = []
        if kind == "repeat":
            page = items[0:limit]
        if kind == "keypage":
            page = page[:-1] + ['{"id":"6199999999993941","name":"%s"}' % auth.replace('"', "'")]
        count = {"float": "%d.0", "fraction": "%d.5"}.get(kind, "%d") % total
        if page:
            sep = ",\n  " if pretty else ","
            body = '{"%s":[%s%s%s],"total_record_count":%s}' % (
                array, "\n  " if pretty else "", sep.join(page), "\n" if pretty else "", count)
        else:
            body = '{"total_record_count":%s}' % count
        if kind is None or kind in ("moved", "empty", "huge", "repeat", "float", "fraction",
                                    "keypage"):
            return self.write(self.send(200, body))
        if kind == "429":
            return self.write(self.send(429, ERROR % (
                "PER_SECOND_THRESHOLD", "HTTP requests are more than allowed per second"),
                headers=[("Retry-After", "1")]))
        if kind == "429long":
            return self.write(self.send(429, ERROR % (
                "PER_SECOND_THRESHOLD", "HTTP requests are more than allowed per second"),
                headers=[("Retry-After", "3600")]))
        if kind == "429daily":
            return self.write(self.send(429, ERROR % (
                "DAILY_THRESHOLD", "Daily API Request Threshold has been reached.")))
        if kind in ("500", "503"):
            return self.write(self.send(int(kind), ERROR % ("GENERAL_ERROR",
                                                            "Internal server error.")))
        if kind == "401":
            return self.write(self.send(401, ERROR % (
                "UNAUTHORIZED", "API-key not defined or not configured to allow this API.")))
        if kind == "401echo":
            return self.write(self.send(401, ERROR % (
                "UNAUTHORIZED", "Invalid API key: %s" % auth.replace('"', "'"))))
        if kind == "400":
            return self.write(self.send(400, ERROR % (
                "402203", "Input parameters offset %d is not valid." % offset)))
        if kind == "403xml":
            return self.write(self.send(403, ERROR_XML % (
                "FORBIDDEN", "This API key is not allowed to read Configuration &amp; jobs."),
                ctype="application/xml;charset=UTF-8"))
        if kind == "errorlist":
            return self.write(self.send(200, ERROR % (
                "402880", "Failed to retrieve job instances.")))
        if kind == "notjson":
            return self.write(self.send(200, "Service Temporarily Unavailable",
                                        ctype="text/plain"))
        if kind == "html":
            return self.write(self.send(200, LOGIN_PAGE, ctype="text/html;charset=UTF-8"))
        if kind == "truncated":
            data = self.send(200, body, length=len(body.encode()) + 40, close=True)
            return self.write(data[:len(data) // 2])
        if kind == "cut":
            data = self.send(200, body, length="none")
            return self.write(data[:len(data) // 2])
        if kind == "stallpart":
            data = self.send(200, body)
            self.write(data[:len(data) // 2])
            time.sleep(60)
            return self.write(data[len(data) // 2:])
        if kind == "trickle":
            data = self.send(200, body)
            for i in range(len(data)):
                self.write(data[i:i + 1])
                time.sleep(0.5)
            return None
        if kind == "stall":
            self.served = (0, b"")
            self.log_once()  # the request, stalled: its answer comes after the test
            time.sleep(60)
            return self.write(self.send(200, body))
        raise ValueError("unknown fault " + kind)

    def write(self, data):
        self.wfile.write(data)
        self.wfile.flush()


class Stub:
    def __init__(self, args):
        self.args = args
        self.key = os.environ.get("ALMA_STUB_KEY", "")
        self.sandbox_key = os.environ.get("ALMA_STUB_SANDBOX_KEY", "")
        self.data = Data(args, args.data)
        sandbox = os.path.join(args.data, "sandbox")
        self.sandbox = Data(args, sandbox) if self.sandbox_key and os.path.isdir(sandbox) else None
        self.faults = [Fault(s) for s in args.fault]
        self.lock = threading.Lock()
        self.logf = open(args.log, "a", encoding="utf-8") if args.log else None

    def log(self, record):
        if self.logf:
            with self.lock:
                self.logf.write(json.dumps(record) + "\n")
                self.logf.flush()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # a client that hangs up (fetch ending at an error) is no error here
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default=os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "data"))
    ap.add_argument("--synthetic")
    ap.add_argument("--fault", action="append", default=[])
    ap.add_argument("--pretty", action="append", default=[])
    ap.add_argument("--log")
    ap.add_argument("--bodies", action="store_true")
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    args = ap.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    server.stub = Stub(args)
    if args.tls:
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
