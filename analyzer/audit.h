/* audit: the audit's pipeline. Reads sandbox files into the judge's
 * evidence, and the sandbox rows of production files that are regular files
 * with an environment column (a first reading), then streams production
 * history through: each run is counted (system, sandbox, outside the
 * period, seen twice) or judged; each finding the filters let through goes
 * to the reporter as it is found (csv and json sort them: sortout.h) and
 * into the bounded summary. A run whose unapproved or no-signoff choice
 * could still change (sandbox rows of an input read once may follow it;
 * the sandbox run it rests on may prove a copy of a production run) is
 * held and decided at the end, so that the verdicts do not depend on the
 * order of the rows. The joins (joins.h) are checked at the end. Every
 * row read is also shown to filter_seen, and the filter values nothing
 * matched are reported before the report's end. Owns nothing it is given;
 * everything it makes it frees before returning. */
#ifndef ALMAUDIT_AUDIT_H
#define ALMAUDIT_AUDIT_H

#include <stdint.h>
#include <stdio.h>

#include "baseline.h"
#include "columns.h"
#include "filter.h"
#include "period.h"
#include "report.h"
#include "rules.h"
#include "summary.h"
#include "tally.h"

struct audit_inputs {
	const char *const *sandbox; /* files given with --sandbox */
	size_t nsandbox;
	const char *const *files; /* production files */
	size_t nfiles;
	const struct columns *cols;
	FILE *rejects; /* NULL: no rejects file */
};

enum audit_mode {
	AUDIT_FINDINGS, /* the audit: each finding shown goes to rep->finding */
	AUDIT_RUNS	/* the run listing: every run shown goes to rep->run */
};

struct audit_config {
	enum audit_mode mode;
	const struct rules *rules;
	const struct period *period;
	const struct filter *filter;
	int64_t large_set;
	size_t limit; /* findings kept per kind for the text report */
	uint64_t *rejected; /* NULL, or set to the count of rejected rows */
	struct baseline *baseline; /* NULL, or the --baseline read: each finding shown is
				      marked in it, and its resolved ones counted at the end */
	int64_t today;	    /* the local day of "now", for expired waivers */
	int64_t refreshed;  /* --sandbox-refreshed: the latest day, or TIME_NONE */
	/* a report with no place for what its header would say of the reading
	 * (csv): said on standard error before its rows (report_header_say) */
	int say_reading;
};

/* Runs the audit into rep. Returns 0 and sets *findings to the runs with
 * findings shown that no waiver covers (waivers.csv: a waived finding goes to
 * the reporter marked with its waiver, counted apart), and the runs the
 * filters hid for want of their size (filter_undecided: said in a note at
 * the report's top, they make the exit status 1); -1 when an input could not be read whole (reported; the
 * report still covers the rest). In AUDIT_RUNS mode every run the period and
 * the filters let through is shown, sandbox and system runs too. */
int audit_run(const struct audit_inputs *in, const struct audit_config *c, struct reporter *rep,
	      uint64_t *findings);

struct ingest;

/* How audit_read hands out what it reads. */
struct audit_reading {
	/* every row read (which may be rejected with ingest_reject_last) */
	void (*each)(void *ctx, const struct run *run);
	/* NULL, or the sandbox rows of the production inputs that are regular
	 * files with an environment column, read a first time before anything
	 * else is read (then again, with the rest, through each) */
	void (*early)(void *ctx, const struct run *run);
	void *ctx;
	/* NULL, or set while each() is given production rows: 1 when sandbox
	 * rows may still come after them (from the input being read, or a
	 * later one, that could not be read ahead), 0 when all are known */
	int *evidence_open;
};

/* The reading every command over history shares (audit, runs, review): the
 * --sandbox files, then the production files; a file named twice in one
 * role is listed, warned about and read once; a run from the Alma API's
 * JSON gets its record count from its counters (records.c); every row read
 * goes to tally_seen and filter_seen, then to how->each. Returns 0, or -1
 * when an input could not be read whole (reported); sets *oom when memory
 * ran out. */
int audit_read(const struct audit_inputs *in, struct ingest *ing, struct tally *t,
	       const struct filter *f, const struct rules *r, const struct audit_reading *how,
	       int *oom);

/* 1 when a production input cannot be read twice (standard input, a pipe):
 * its rows are read once, in whatever order they come. */
int audit_unread_twice(const struct audit_inputs *in);

/* The period against the production inputs' spans (joins_coverage): -1
 * when they reach no day of it (said in t->uncovered and on standard
 * error), else 0, with a partial coverage and a quiet period in the tally. */
int audit_uncovered(const struct audit_inputs *in, const struct period *period, int any_run,
		    struct tally *t);

#endif
