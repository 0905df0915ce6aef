#!/usr/bin/env python3
"""Writes tests/fetch/data/: what the stand-in Alma API (alma_stub.py) serves,
in the shapes of the Alma API's answers (the jobs listing of GET
/almaws/v1/conf/jobs and the job instances of GET .../jobs/{id}/instances).

The runs are the October sample's (samples/jobs-2026-10.csv.gz) of a few jobs,
turned into job instances as the API writes them (SPEC.md 1.1: submitted_by
and status as {value, desc}, the record count as a counter, job_info), plus:

- 11 runs of M26714 on 2026-09-30 (UTC), inside the day fetch adds before
  October, so that the job has 250 instances to fetch: three pages;
- 2 runs of M27301 outside even the widened period (2026-09-20, 2026-11-25),
  which the stand-in's submit-date filter must leave out;
- one run whose name holds escapes the API may write (\\u00e9, \\/, \\"), to
  show that pages are written byte for byte as they came;
- an OTHER job (2 runs by System), a SCHEDULED one (the sample's Users sync),
  and a manual job with no runs at all.

data/sandbox/ is the sandbox's (its API key answers with it): the same jobs
listed, and the sample sandbox's runs of them (samples/sandbox-2026-10.csv.gz).

Each instances file is one page object, an instance a line, so that the
stand-in can serve slices of the lines exactly as written here.

    python3 tests/fetch/make_data.py   (from the source directory)
"""
import csv
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "samples", "jobs-2026-10.csv.gz")
SANDBOX = os.path.join(HERE, "..", "..", "samples", "sandbox-2026-10.csv.gz")
OUT = os.path.join(HERE, "data")
BASE = "https://api-na.hosted.exlibrisgroup.com/almaws/v1/conf/jobs"

JOBS = ["M26714", "M26720", "M27301", "M26812", "S3750770700003941"]
LABELS = {
    "COMPLETED_SUCCESS": "Completed Successfully",
    "COMPLETED_WARNING": "Completed with Warnings",
    "COMPLETED_NO_BULKS": "Completed No Bulks",
    "COMPLETED_FAILED": "Completed with Errors",
    "SYSTEM_ABORTED": "System Aborted",
    "FAILED": "Failed",
    "USER_ABORTED": "Aborted",
    "MANUAL_HANDLING_REQUIRED": "Manual Handling Required",
    "SKIPPED": "Skipped",
}


def code(text):
    return text.upper().replace(" ", "_").replace("/", "_")


def instance(row):
    job_name = row["name"].split(" - ")[0]
    prefix = code(job_name).lower()
    counters = []
    # the damaging jobs' counters as the samples write them (gensample.c;
    # rules/jobs.csv's records column names them), the rest a plain total
    named = {"Withdraw items": ("withdraw_items.items_in_set", "Number of items in the set"),
             "Delete holdings without items": ("delete_holdings.holdings_in_set",
                                               "Holdings records in the set")}
    if row["total_records"] and job_name in named:
        value, desc = named[job_name]
        counters.append({"type": {"value": value, "desc": desc}, "value": row["total_records"]})
    elif row["total_records"]:
        counters.append({"type": {"value": prefix + ".total", "desc": "Total records processed"},
                         "value": row["total_records"]})
        counters.append({"type": {"value": prefix + ".failed", "desc": "Records failed"},
                         "value": "0"})
    inst = {
        "id": row["id"],
        "external_id": str(int(row["id"]) - 10000000),
        "name": row["name"],
        "submitted_by": {"value": row["submitted_by"], "desc": row["submitted_by_desc"]},
        "submit_time": row["submit_time"],
        "start_time": row["start_time"],
        "end_time": row["end_time"],
        "progress": int(row["progress"]) if row["progress"].isdigit() else row["progress"],
        "status": {"value": row["status"], "desc": LABELS.get(row["status"], row["status"])},
        "status_date": row["end_time"][:10] + "Z",
        "counter": counters,
        "job_info": {"id": row["job_id"], "name": job_name,
                     "type": {"value": row["type"], "desc": row["type"].title()},
                     "category": {"value": code(row["category"]), "desc": row["category"]}},
        "link": BASE + "/" + row["job_id"] + "/instances/" + row["id"],
    }
    return inst


def dump(inst):
    return json.dumps(inst, ensure_ascii=False, separators=(",", ":"))


def write_page(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"job_instance":[\n' + ",\n".join(lines) + '\n],"total_record_count":%d}\n'
                % len(lines))


def read_rows(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    rows = read_rows(SAMPLE)
    by_job = {j: [r for r in rows if r["job_id"] == j] for j in JOBS}
    # 11 more of M26714 the day before October (UTC): 250 in all
    extra = []
    for i, r in enumerate(by_job["M26714"][:11]):
        r = dict(r)
        r["id"] = "61000090%04d3941" % (i + 1)
        r["submit_time"] = "2026-09-30T13:%02d:00.941Z" % i
        r["start_time"] = "2026-09-30T13:%02d:05.134Z" % i
        r["end_time"] = "2026-09-30T13:%02d:45.533Z" % i
        extra.append(r)
    by_job["M26714"] = extra + by_job["M26714"]
    assert len(by_job["M26714"]) == 250, len(by_job["M26714"])
    # outside even the widened period
    for day, n in (("2026-09-20", 1), ("2026-11-25", 2)):
        r = dict(by_job["M27301"][0])
        r["id"] = "61000080%04d3941" % n
        for k in ("submit_time", "start_time", "end_time"):
            r[k] = day + r[k][10:]
        by_job["M27301"].append(r)
    other = []
    for i in range(2):
        other.append({
            "id": "61000070%04d3941" % (i + 1), "job_id": "O3750771000003941",
            "name": "Publish bibliographic records to Primo - 10/%02d/2026 02:00:00" % (i + 5),
            "category": "Publishing", "type": "OTHER", "submitted_by": "System",
            "submitted_by_desc": "System",
            "submit_time": "2026-10-%02dT06:00:00.941Z" % (i + 5),
            "start_time": "2026-10-%02dT06:00:10.134Z" % (i + 5),
            "end_time": "2026-10-%02dT06:10:00.533Z" % (i + 5),
            "status": "COMPLETED_SUCCESS", "progress": "100", "total_records": "",
            "set_name": ""})
    by_job["O3750771000003941"] = other
    by_job["M27003"] = []  # listed, never run

    os.makedirs(os.path.join(OUT, "instances"), exist_ok=True)
    listing = []
    for job, runs in by_job.items():
        lines = [dump(instance(r)) for r in runs]
        if job == "M26812" and lines:
            # the escapes an API may write, kept as they are
            inst = instance(runs[0])
            inst["id"] = "6100006000013941"
            inst["external_id"] = "6100005999013941"
            inst["link"] = BASE + "/" + job + "/instances/" + inst["id"]
            inst["name"] = "Delete holdings without items - caf\u00e9 \"weeding\" 1/2"
            text = dump(inst).replace("café", "caf\\u00e9").replace("1/2", "1\\/2")
            lines.append(text)
        write_page(os.path.join(OUT, "instances", job + ".json"), lines)
        first = runs[0] if runs else None
        kind = first["type"] if first else "MANUAL"
        name = first["name"].split(" - ")[0] if first else "Export Electronic Portfolios"
        category = first["category"] if first else "Export"
        listing.append({"id": job, "name": name, "description": name,
                        "type": {"value": kind, "desc": kind.title()},
                        "category": {"value": code(category), "desc": category},
                        "content": {"value": "BIB_MMS", "desc": "All Titles"},
                        "link": BASE + "/" + job})
    with open(os.path.join(OUT, "jobs.json"), "w", encoding="utf-8") as f:
        f.write('{"job":[\n' + ",\n".join(dump(j) for j in listing) +
                '\n],"total_record_count":%d}\n' % len(listing))
    sandbox = read_rows(SANDBOX)
    os.makedirs(os.path.join(OUT, "sandbox", "instances"), exist_ok=True)
    with open(os.path.join(OUT, "sandbox", "jobs.json"), "w", encoding="utf-8") as f:
        f.write('{"job":[\n' + ",\n".join(dump(j) for j in listing) +
                '\n],"total_record_count":%d}\n' % len(listing))
    for job in by_job:
        write_page(os.path.join(OUT, "sandbox", "instances", job + ".json"),
                   [dump(instance(r)) for r in sandbox if r["job_id"] == job])


if __name__ == "__main__":
    main()
