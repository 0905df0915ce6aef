/* report: the audit's renderers behind one interface. The audit calls
 * begin once, finding once per finding shown (as it is found), and end once
 * with the tally and the bounded summary. csv and json write each finding as
 * it comes; text writes everything at the end from the summary. A struct
 * reporter borrows its FILE; it owns nothing else. */
#ifndef ALMAUDIT_REPORT_H
#define ALMAUDIT_REPORT_H

#include <stdio.h>

#include "csvw.h"
#include "period.h"
#include "rules.h"
#include "run.h"
#include "summary.h"
#include "tally.h"
#include "verdict.h"

struct baseline;
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
 * of the kinds no waiver covers, then summary_flag when new_run). ctx is
 * the tap's own. */
struct report_tap {
	void *ctx;
	void (*audited)(void *ctx, const struct run *run, const struct verdict *v);
	void (*damaging)(void *ctx, const struct run *run, const struct verdict *v);
	void (*waived)(void *ctx, const struct run *run, const struct verdict *v,
		       enum finding_kind kind, int waiver);
	void (*found)(void *ctx, const struct run *run, const struct verdict *v, unsigned kinds,
		      int new_run);
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
};

void reporter_text(struct reporter *r, FILE *out);

/* The audit's reporter for a format (text, csv, json, html or email;
 * summary: the short text form). */
void reporter_audit(struct reporter *r, const char *format, int summary, FILE *out,
		    const struct email_options *mail);

/* What a unit's report says of itself, as text: "GUT, Gutman Library: the
 * runs of its people only: 12 of 1,234 runs audited" (which), and "4 runs
 * with findings by people not in staff.csv are in all.txt" (which = 1; ""
 * when there are none). */
void report_unit_text(const struct report_info *info, int which, char *buf, size_t size);
void reporter_csv(struct reporter *r, FILE *out);
void reporter_json(struct reporter *r, FILE *out);

/* The html page (reports/report_html.c). */
void reporter_html(struct reporter *r, FILE *out);
void report_html_page(FILE *out, const struct report_info *info);
/* The page as the email's html part: no SVG and no style sheet (mail
 * readers show neither): charts drawn as tables, every style inline. */
void report_html_mail(FILE *out, const struct report_info *info);
void report_html_escape(FILE *out, const char *s);
/* What other pages share with it (almaudit review): the style sheet, the
 * table of what was read, the INCOMPLETE box and the rejected rows. */
extern const char report_html_style[];
void report_html_facts(FILE *out, const struct report_info *info);
void report_html_incomplete(FILE *out, const struct tally *t);
void report_html_rejects(FILE *out, const struct tally *t);

/* The text report and its short form (reports/report_text.c). */
void report_text_page(FILE *out, const struct report_info *info);
void report_text_summary(FILE *out, const struct report_info *info);
void reporter_summary(struct reporter *r, FILE *out);

/* The email (reports/report_email.c): an RFC 5322 message, multipart/
 * alternative with the text report and the page for mail readers
 * (report_html_mail), for sendmail -t. */
struct email_options {
	const char *to, *from, *subject; /* subject NULL: a default naming the counts */
	int64_t now;			 /* the Date header */
};
void reporter_email(struct reporter *r, FILE *out, const struct email_options *o);

/* Helpers of the email, for tests: the RFC 2047 form of a header value
 * (line breaks and controls become spaces; non-ASCII text becomes encoded
 * words; folded at 78), and a quoted-printable body. */
void report_email_header(FILE *out, const char *name, const char *value);
void report_email_qp(FILE *out, const char *text, size_t n);

/* The run listing (reports/report_runs.c). */
void reporter_runs_text(struct reporter *r, FILE *out, int explain, int full);
void reporter_runs_csv(struct reporter *r, FILE *out, int explain);
void reporter_runs_json(struct reporter *r, FILE *out, int explain);

/* json helpers shared by the two json renderers (reports/report_json.c) */
void report_json_string(FILE *out, const char *s);
/* An instant as an ISO 8601 UTC string, or null (TIME_NONE). */
void report_json_instant(FILE *out, int64_t t);
/* "complete":…,"period_covered":{…} of a summary, and an input's error
 * ({line, message}, or null): the audit's and the review's json alike. */
void report_json_complete(FILE *out, const struct tally *t);
void report_json_file_error(FILE *out, const struct tally_file *f);
void report_json_begin(struct reporter *r, const struct report_info *info);
void report_json_end(struct reporter *r, const struct report_info *info);

/* The length of the well-formed UTF-8 character at p (shortest form, no
 * surrogate, at most U+10FFFF), or 0 when the bytes there are not one. */
size_t report_utf8_len(const unsigned char *p);

/* The columns of a finding in csv and json (spec section 5). */
#define REPORT_COLUMNS 15
extern const char *const report_columns[REPORT_COLUMNS];

struct report_fields {
	const char *value[REPORT_COLUMNS];
	char id[24], time[32], records[24];
	/* the start in the --tz zone, "2026-10-14 16:43:07" ("" when unknown):
	 * csv's last column start_local, json's key of that name */
	char local[32];
};

/* A waived finding's waiver as csv cites it, "waivers.csv:4", into buf
 * ("" when not waived). */
const char *report_waiver_cite(const struct report_finding *f, char *buf, size_t size);

/* "2026-10-14 16:43:07": instant t in the --tz zone, as a spreadsheet
 * reads a date and time; "" for TIME_NONE. buf >= 32 bytes. */
const char *report_local_time(int64_t t, char *buf, size_t size);

/* Fills the column values of a finding ("" for what is unknown). */
void report_fields(struct report_fields *out, const struct report_finding *f);

/* The columns of a finding or run as "key":value pairs, comma separated
 * (records a number, or null when unknown; the rest strings). */
void report_json_fields(FILE *out, const struct report_fields *f);


#endif
