/* reporter: the interface every renderer implements (struct reporter) and
 * what it is given: the report as a whole (report_info), a finding
 * (report_finding), a run of the listing (report_run), and the summaries
 * fed beside the audit's own (report_tap). The audit calls begin once,
 * finding once per finding shown (as it is found), and end once with the
 * tally and the bounded summary. csv and json hold the findings in a
 * sorter (sortout.h) and write them in order at the end; text writes
 * everything at the end from the summary. The registry
 * that chooses a renderer for a format is report.h, above the renderers;
 * this header is below them. A struct reporter borrows its FILE and what
 * its info and findings point to; it owns nothing else. */
#ifndef ALMAUDIT_REPORTER_H
#define ALMAUDIT_REPORTER_H

#include <stdio.h>

#include "csvw.h"
#include "period.h"
#include "rules.h"
#include "run.h"
#include "summary.h"
#include "tally.h"
#include "verdict.h"

struct baseline;
struct email_options; /* report_email.h */
struct filter;
struct waiver;

/* The unit a report is for (audit --split unit, reports/split.c). */
struct report_unit {
	const char *code, *name; /* "GUT", "Gutman Library" or "" */
	uint64_t audited;	 /* runs audited by its people */
	uint64_t unknown;	 /* runs with findings by people not in staff.csv: in all only */
	const char *all;	 /* the whole report's file name ("all.txt") */
};

struct report_info {
	const struct tally *tally;
	const struct rules *rules;
	const struct period *period;
	const struct summary *summary;
	uint64_t hidden; /* runs with findings the filters did not show */
	int64_t large_set;
	/* the filters: who each --user value was taken to mean, and the values
	 * that matched nothing (filter_user_means, filter_miss); may be NULL */
	const struct filter *filter;
	/* --baseline: the trend counts by kind and the resolved items; NULL
	 * without one (then no report says anything of a trend) */
	const struct baseline *baseline;
	int64_t today; /* the local day of "now": waivers past their until have expired */
	/* NULL, or the unit this report is for: it holds the findings of that
	 * unit's people only, and says so */
	const struct report_unit *unit;
	/* the email's parts: what the message leaves out for its size and
	 * where it is (the attached csv), said at their top; else NULL */
	const char *mail_note;
	const char *attachment; /* the attached csv's file name, or NULL */
	/* the email's html part: the rows shown of each list that is not of
	 * findings (the inputs, the expired waivers and those that covered
	 * nothing, the months), the rest said left out; 0: every row */
	size_t list_rows;
};

struct report_finding {
	enum finding_kind kind;
	const struct run *run;
	const struct verdict *v;
	const struct rules *rules;
	const char *trend; /* with --baseline: "new" or "recurring"; else NULL */
	const struct waiver *waiver; /* the waiver that covers it (waivers.h), or NULL */
};

/* A run in the run listing: its verdict in a word ("ok", "system",
 * "sandbox", or the findings), with the job and person found. */
struct report_run {
	const struct run *run;
	const struct verdict *v;
	const char *verdict;
	const struct rules *rules;
};

/* Summaries kept beside the audit's own (the split by unit keeps one per
 * unit): in the audit (not the run listing), each call mirrors the audit's
 * call on its summary, for the same run and verdict: audited
 * (summary_audited, once per distinct run judged), damaging
 * (summary_damaging, each copy), waived (summary_waive: a finding a
 * waiver covers, the waiver's index in rules->waivers), found (summary_add
 * of the kinds no waiver covers, then summary_flag when new_run); is_new
 * and new_kinds: new against --baseline. ctx is the tap's own. */
struct report_tap {
	void *ctx;
	void (*audited)(void *ctx, const struct run *run, const struct verdict *v);
	void (*damaging)(void *ctx, const struct run *run, const struct verdict *v);
	void (*waived)(void *ctx, const struct run *run, const struct verdict *v,
		       enum finding_kind kind, int waiver, int is_new);
	void (*found)(void *ctx, const struct run *run, const struct verdict *v, unsigned kinds,
		      unsigned new_kinds, int new_run);
};

struct reporter {
	FILE *out;
	void (*begin)(struct reporter *r, const struct report_info *info);
	void (*finding)(struct reporter *r, const struct report_finding *f);
	void (*run)(struct reporter *r, const struct report_run *rr);
	void (*end)(struct reporter *r, const struct report_info *info);
	const char *array; /* json: "findings" or "runs" */
	int explain;	   /* runs: explain each verdict */
	int full;	   /* runs: every field of each run (--id) */
	const struct email_options *email;
	struct csvw csv;
	unsigned long written;
	const struct report_tap *tap; /* NULL, or summaries the audit feeds beside its own */
	size_t noted; /* the run listing: the tally's notes said at its top already */
	/* the run listing (text): its rows, spooled to an unnamed scratch file
	 * so that the notes known only at the end come first (NULL: written
	 * straight to out); said_top: those notes are said */
	FILE *spool;
	int said_top;
	/* the run listing (text): says those notes now, once (NULL: none) */
	void (*top)(struct reporter *r, const struct report_info *info);
	void *ctx; /* a renderer's own state (the email's csv attachment) */
	int failed; /* the report could not be made whole (the email's attachment):
		       said in it and on standard error; the status is 2 */
	/* csv and json: why the findings could not all be written (their
	 * sorter's error, and how many are listed), for the report's own
	 * text; "" when nothing failed */
	char failure[640];
};

#endif
