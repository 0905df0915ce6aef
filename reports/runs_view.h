/* runs_view: what `almaudit runs` shows of the runs the audit lets through,
 * between the audit and the listing's renderer (report_runs.c): --manual
 * (system and sandbox runs hidden, and counted), --sort and --top (the runs
 * shown held and written in order at the end), and --summary (per person
 * and per job: the runs shown, the records they touched, the runs with
 * findings). Without any of them each run passes straight through.
 *
 * Memory is bounded: a sort holds a copy of each run shown (about half a
 * kilobyte each), at most RUNS_VIEW_MAX of them; with --top N, at most 2N
 * at a time (the first N of the order are kept). A listing past the bound
 * is an error said at the end (never a silent cut): nothing of it is
 * written but the error. The summary keeps one row per label for the first
 * SUMMARY_KEEP people not in staff.csv and names of unlisted jobs (the rest
 * fold into an "others" row), and one entry per distinct run id (a run in
 * several inputs counts once).
 *
 * A struct runs_view is itself a reporter (runs_view_reporter) and borrows
 * the renderer it wraps; it owns its copies and tables, which
 * runs_view_free releases. */
#ifndef ALMAUDIT_RUNS_VIEW_H
#define ALMAUDIT_RUNS_VIEW_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hmap.h"
#include "reporter.h"

/* The most runs a sort holds without --top; also the most --top may ask. */
#define RUNS_VIEW_MAX 100000

enum runs_order {
	RUNS_AS_READ,	 /* no --sort: as the inputs give them, never held */
	RUNS_BY_TIME,	 /* start time, earliest first */
	RUNS_BY_RECORDS, /* records, most first; runs with no count last */
	RUNS_BY_PERSON,	 /* the person's label, then time */
	RUNS_BY_JOB	 /* the job's label, then time */
};

/* "time", "records", "person" or "job"; -1 for another word. */
int runs_order_parse(const char *s, enum runs_order *out);
const char *runs_order_name(enum runs_order o);

struct runs_view_options {
	int manual;		/* hide system and sandbox runs */
	enum runs_order order;
	size_t top;		/* 0: every run; else the first top of the order (and
				   with summary, rows per table) */
	int summary;		/* the summary tables instead of the listing (text) */
	int text;		/* the listing is text: what was left out is said in it */
};

struct runs_view_held;

/* A row of the summary: a person's or a job's runs. */
struct runs_view_row {
	char *label; /* owned */
	uint64_t runs, flagged;
	uint64_t no_count; /* runs with no record count (records is then a floor) */
	int64_t records;
};

struct runs_view {
	struct reporter rep; /* first: the audit writes to it */
	struct reporter *inner;
	struct runs_view_options o;
	struct runs_view_held **held;
	size_t nheld, cheld;
	uint64_t seq;	      /* runs offered to the sort */
	uint64_t shown;	      /* runs (rows) shown after --manual */
	uint64_t hidden[2];   /* rows hidden by --manual: system, sandbox */
	int overflow;	      /* more than RUNS_VIEW_MAX runs to sort */
	int failed;	      /* out of memory (reported) */
	/* the summary: person and job tables, and the runs counted */
	struct hmap people_at, jobs_at;
	struct runs_view_row *people, *jobs;
	size_t npeople, njobs, cpeople, cjobs, kept_people, kept_jobs;
	struct runs_view_row others[2]; /* people, jobs: labels past SUMMARY_KEEP */
	struct runs_view_row all;	/* every run counted */
	struct idset ids;		/* run id -> what is counted of it */
};

/* Wraps inner, which the caller made (reporter_runs_text, _csv or _json). */
void runs_view_init(struct runs_view *v, struct reporter *inner, const struct runs_view_options *o);
/* The reporter to give the audit. */
struct reporter *runs_view_reporter(struct runs_view *v);
/* 1 when the listing could not be written whole (too many runs to sort,
 * out of memory): reported on stderr and in the text; the exit status is 2. */
int runs_view_failed(const struct runs_view *v);
void runs_view_free(struct runs_view *v);

/* A cell of the listing for a terminal: control characters become spaces;
 * cut to width columns (a wide character, as in CJK names, takes two, a
 * combining mark none), a cut cell ending with "…", never inside a UTF-8
 * character; padded to width. width 0 writes s whole. */
void runs_view_cell(FILE *out, const char *s, int width);

#endif
