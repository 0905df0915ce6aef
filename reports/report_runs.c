/* The run listing's renderers: see report_runs.h. */
#include "report_runs.h"

#include "cells.h"
#include "fields.h"
#include "diag.h"
#include "filter.h"
#include "output.h"
#include "report_header.h"
#include "report_json.h"
#include "runs_view.h"
#include "summary.h"
#include "times.h"

#include <inttypes.h>
#include <string.h>

/* ---- explanations, collected line by line ---- */

#define EXPLAIN_LINES 64

struct lines {
	char text[EXPLAIN_LINES][512];
	size_t n;
};

static void add_line(void *ctx, const char *text)
{
	struct lines *l = ctx;
	if (l->n < EXPLAIN_LINES)
		snprintf(l->text[l->n++], sizeof l->text[0], "%s", text);
}

static void explain(struct lines *l, const struct report_run *rr)
{
	const struct run *run = rr->run;
	l->n = 0;
	if (!strcmp(rr->verdict, "system") && run->type == RUN_SCHEDULED && run->type_from_job_id) {
		char text[160];
		snprintf(text, sizeof text,
			 "system run: job id %.64s marks a scheduled job (the type column is empty), "
			 "counted and never judged",
			 run->job_id);
		add_line(l, text);
	} else if (!strcmp(rr->verdict, "system"))
		add_line(l, run->type == RUN_SCHEDULED
				    ? "system run: scheduled (type SCHEDULED), counted and never judged"
				    : "system run: submitted by System, counted and never judged");
	else if (!strcmp(rr->verdict, "sandbox"))
		add_line(l, "sandbox run: evidence for the production runs after it, not judged");
	verdict_explain(rr->rules, run, rr->v, strcmp(rr->verdict, "system") &&
					       strcmp(rr->verdict, "sandbox"),
			add_line, l);
}

/* ---- the cells a run has in csv and json ---- */

#define RUN_COLUMNS (REPORT_COLUMNS + 1)

struct run_cells {
	struct report_fields f;
	char findings[96];
	char detail[FIND_COUNT * 170];
};

static void run_cells(struct run_cells *c, const struct report_run *rr)
{
	struct report_finding rf = {FIND_UNAPPROVED, rr->run, rr->v, rr->rules, NULL, NULL};
	report_fields(&c->f, &rf);
	size_t used = 0;
	c->findings[0] = c->detail[0] = '\0';
	for (int k = 0; k < FIND_COUNT; k++) {
		if (!(rr->v->findings & (1u << k)))
			continue;
		snprintf(c->findings + strlen(c->findings), sizeof c->findings - strlen(c->findings),
			 "%s%s", c->findings[0] ? "," : "", finding_name((enum finding_kind)k));
		used += (size_t)snprintf(c->detail + used, used < sizeof c->detail ? sizeof c->detail - used : 0,
					 "%s%s", used ? "; " : "", rr->v->detail[k]);
	}
	c->f.value[0] = c->findings;
	c->f.value[14] = c->detail;
}

/* ---- text ---- */

/* The listing's columns: run id, start, env, job, person, records, set,
 * status, verdict (the rest of the line); on a terminal cut to fit. */
enum { C_ID, C_START, C_ENV, C_JOB, C_PERSON, C_RECORDS, C_SET, C_STATUS, C_VERDICT, C_N };
static void text_widths(int *w)
{
	/* in a file as always; on a terminal an Alma id's 16 digits, a
	 * local time's 16 characters, and the text columns cut to fit */
	static const struct report_col file[C_N] = {{19, 19, 0}, {24, 16, 0}, {4, 4, 0},  {29, 6, 0}, {36, 8, 0},
						    {8, 8, 0},   {28, 6, 0},  {24, 6, 0}, {0, 12, 0}};
	static const struct report_col tty[C_N] = {{16, 16, 0}, {16, 16, 0}, {4, 4, 0},	  {29, 5, 0}, {36, 6, 0},
						   {7, 7, 0},	{28, 4, 0},  {24, 4, 0}, {0, 8, 0}};
	report_fit(report_width() ? tty : file, C_N, report_width() ? C_N - 1 : C_N, w);
}

/* A run id: whole when its column holds it, or pushing the line on when the
 * column is an Alma id's width and the id longer (never cut at its width);
 * cut only on a terminal too narrow for the id column's width. */
static void id_cell(FILE *out, uint64_t id, int width)
{
	char digits[24];
	int n = snprintf(digits, sizeof digits, "%" PRIu64, id);
	if (width < 16 && n > width)
		report_text_cell(out, digits, width);
	else
		fprintf(out, "%-*s", width, digits);
}

static void text_begin(struct reporter *r, const struct report_info *info)
{
	/* the notes known before reading (a zone to check) at the top; the
	 * rest, known only once every row is read, at the end */
	report_header_notes(r->out, info->tally);
	r->noted = info->tally->nnotes;
	const char *why;
	r->spool = output_tmpfile(&why); /* NULL: the notes come after the rows */
	if (r->full)
		return;
	FILE *out = r->spool ? r->spool : r->out;
	char start[48];
	int w[C_N];
	text_widths(w);
	snprintf(start, sizeof start, "START (%s)", times_zone_name());
	report_text_cell(out, "RUN ID", w[C_ID]);
	putc(' ', out);
	report_text_cell(out, start, w[C_START]);
	putc(' ', out);
	report_text_cell(out, "ENV", w[C_ENV]);
	putc(' ', out);
	report_text_cell(out, "JOB", w[C_JOB]);
	putc(' ', out);
	report_text_cell(out, "PERSON (UNIT)", w[C_PERSON]);
	putc(' ', out);
	report_text_rcell(out, "RECORDS", w[C_RECORDS]);
	fputs(report_width() ? " " : "  ", out);
	report_text_cell(out, "SET", w[C_SET]);
	putc(' ', out);
	report_text_cell(out, "STATUS", w[C_STATUS]);
	putc(' ', out);
	report_text_last(out, "VERDICT", w[C_VERDICT]);
	putc('\n', out);
}

static void full_field(FILE *out, const char *label, const char *value)
{
	fprintf(out, "  %-13s ", label);
	report_text_cell(out, value, 0);
	putc('\n', out);
}

static void full_time(FILE *out, const char *label, int64_t t)
{
	char local[32], utc[32], both[80] = "";
	if (t != TIME_NONE) {
		times_format_local(t, local, sizeof local);
		times_format_utc(t, utc, sizeof utc);
		snprintf(both, sizeof both, "%s (%s)", local, utc);
	}
	full_field(out, label, both);
}

static void text_full(struct reporter *r, const struct report_run *rr)
{
	const struct run *run = rr->run;
	FILE *out = r->spool ? r->spool : r->out;
	char buf[256];

	if (r->written)
		putc('\n', out);
	fprintf(out, "run %" PRIu64 "  ", run->id);
	report_text_cell(out, run->file, 0);
	fprintf(out, ":%ld\n", run->line);
	full_field(out, "job name", run->name);
	full_field(out, "job id", run->job_id);
	full_field(out, "category", run->category);
	full_field(out, "type", run->type_unknown ? "(a label not known: judged as a staff run)"
						  : run_type_name(run->type));
	full_field(out, "environment", run_env_name(run->env));
	if (run->user[0])
		snprintf(buf, sizeof buf, "%s%s%s%s", run->user, run->user_name[0] ? " (" : "",
			 run->user_name, run->user_name[0] ? ")" : "");
	else /* no id: a name only (read from submitted_by when it held one) */
		snprintf(buf, sizeof buf, "%s%s", run->user_name,
			 run->name_from_user ? " (a name, in submitted_by)" : "");
	full_field(out, "submitted by", buf);
	full_time(out, "submitted", run->submit_time);
	full_time(out, "started", run->start_time);
	full_time(out, "ended", run->end_time);
	full_field(out, "status", run->status);
	snprintf(buf, sizeof buf, "%d%%", run->progress);
	full_field(out, "progress", run->progress >= 0 ? buf : "");
	report_count((uint64_t)(run->records >= 0 ? run->records : 0), buf, sizeof buf);
	full_field(out, "records", run->records >= 0 ? buf : "");
	full_field(out, "set", run->set_name);
	summary_job(buf, sizeof buf, rr->rules, run, rr->v);
	full_field(out, "job", rr->v->job >= 0 ? buf : "(not in jobs.csv)");
	summary_person(buf, sizeof buf, rr->rules, run, rr->v);
	full_field(out, "person", buf);
	full_field(out, "verdict", rr->verdict);
	for (int k = 0; k < FIND_COUNT; k++)
		if (rr->v->findings & (1u << k)) {
			snprintf(buf, sizeof buf, "%s: %s", finding_name((enum finding_kind)k),
				 rr->v->detail[k]);
			full_field(out, "finding", buf);
		}
	struct lines l;
	explain(&l, rr);
	fputs("  why:\n", out);
	for (size_t i = 0; i < l.n; i++) {
		fputs("    ", out);
		report_text_cell(out, l.text[i], 0);
		putc('\n', out);
	}
}

static void text_run(struct reporter *r, const struct report_run *rr)
{
	const struct run *run = rr->run;
	FILE *out = r->spool ? r->spool : r->out;
	char when[32], records[24] = "", label[256];

	if (r->full) {
		text_full(r, rr);
		r->written++;
		return;
	}
	int w[C_N];
	text_widths(w);
	times_format_local(run->time, when, sizeof when);
	if (run->records >= 0)
		report_count((uint64_t)run->records, records, sizeof records);
	id_cell(out, run->id, w[C_ID]);
	putc(' ', out);
	report_text_cell(out, when, w[C_START]);
	putc(' ', out);
	report_text_cell(out, run->env == RUN_SANDBOX ? "sbx" : "prod", w[C_ENV]);
	putc(' ', out);
	summary_job(label, sizeof label, rr->rules, run, rr->v);
	runs_view_cell(out, label, w[C_JOB]);
	putc(' ', out);
	summary_person(label, sizeof label, rr->rules, run, rr->v);
	runs_view_cell(out, label, w[C_PERSON]);
	putc(' ', out);
	/* a count is never cut ("1,000,0…" reads as a number): one wider than
	 * its column pushes the line on, as a long run id does */
	if ((int)strlen(records) > w[C_RECORDS])
		fputs(records, out);
	else
		report_text_rcell(out, records, w[C_RECORDS]);
	fputs(report_width() ? " " : "  ", out);
	runs_view_cell(out, run->set_name, w[C_SET]);
	putc(' ', out);
	runs_view_cell(out, run->status, w[C_STATUS]);
	putc(' ', out);
	report_text_last(out, rr->verdict, w[C_VERDICT]);
	putc('\n', out);
	if (r->explain) {
		struct lines l;
		explain(&l, rr);
		for (size_t i = 0; i < l.n; i++) {
			fputs("    ", out);
			report_text_cell(out, l.text[i], 0);
			putc('\n', out);
		}
	}
	r->written++;
}

static void nothing(struct reporter *r, const struct report_info *info)
{
	(void)r;
	(void)info;
}

/* See struct reporter's top. */
static void text_top(struct reporter *r, const struct report_info *info)
{
	char msg[512];
	int said = 0;
	if (r->said_top)
		return;
	r->said_top = 1;
	/* each filter value that matched nothing, so that an empty listing
	 * does not read as "no such runs" */
	for (size_t i = 0; filter_miss(info->filter, info->rules, i, msg, sizeof msg); i++) {
		fputs("ERROR: ", r->out);
		report_text_cell(r->out, msg, 0);
		putc('\n', r->out);
		said = 1;
	}
	if (info->tally->uncovered[0]) {
		fputs("ERROR: ", r->out);
		report_text_cell(r->out, info->tally->uncovered, 0);
		putc('\n', r->out);
		said = 1;
	}
	/* what the audit's header says: the notes (a failed join) */
	for (size_t i = r->noted; i < info->tally->nnotes; i++) {
		fputs(info->tally->notes[i].error ? "ERROR: " : "WARNING: ", r->out);
		report_text_cell(r->out, info->tally->notes[i].text, 0);
		fputs(".\n", r->out);
		said = 1;
	}
	r->noted = info->tally->nnotes;
	if (said)
		putc('\n', r->out);
}

/* The notes known once every row is read, then the rows spooled, then
 * the coverage and what was read (rows rejected, cells not read). */
static void text_end(struct reporter *r, const struct report_info *info)
{
	text_top(r, info);
	if (r->spool) {
		char buf[8192];
		size_t n;
		rewind(r->spool);
		while ((n = fread(buf, 1, sizeof buf, r->spool)) > 0)
			fwrite(buf, 1, n, r->out);
		if (ferror(r->spool)) {
			diag_error(NULL, 0, "cannot read back the listing's scratch file");
			r->failed = 1;
		}
		fclose(r->spool);
		r->spool = NULL;
	}
	char line[640];
	if (report_coverage_text(info, line, sizeof line)[0]) {
		fprintf(r->out, "%-10s ", "Coverage");
		report_text_cell(r->out, line, 0);
		putc('\n', r->out);
	}
	report_header_reading(r->out, info, 0);
}

void reporter_runs_text(struct reporter *r, FILE *out, int explain_each, int full)
{
	memset(r, 0, sizeof *r);
	r->out = out;
	r->begin = text_begin;
	r->run = text_run;
	r->end = text_end;
	r->top = text_top;
	r->explain = explain_each;
	r->full = full;
}

/* ---- csv ---- */

static void csv_begin(struct reporter *r, const struct report_info *info)
{
	(void)info;
	csvw_init(&r->csv, r->out);
	for (int i = 0; i < REPORT_COLUMNS; i++)
		csvw_str(&r->csv, report_columns[i]);
	csvw_str(&r->csv, "verdict");
	if (r->explain)
		csvw_str(&r->csv, "explain");
	csvw_str(&r->csv, "start_local"); /* the start in --tz, last */
	csvw_end(&r->csv);
}

static void csv_run(struct reporter *r, const struct report_run *rr)
{
	struct run_cells c;
	run_cells(&c, rr);
	for (int i = 0; i < REPORT_COLUMNS; i++)
		csvw_str(&r->csv, c.f.value[i]);
	csvw_str(&r->csv, rr->verdict);
	if (r->explain) {
		struct lines l;
		char text[EXPLAIN_LINES * 200];
		size_t used = 0;
		explain(&l, rr);
		text[0] = '\0';
		for (size_t i = 0; i < l.n && used < sizeof text; i++)
			used += (size_t)snprintf(text + used, sizeof text - used, "%s%s", i ? "\n" : "",
						 l.text[i]);
		csvw_str(&r->csv, text);
	}
	csvw_str(&r->csv, c.f.local);
	csvw_end(&r->csv);
	r->written++;
}

void reporter_runs_csv(struct reporter *r, FILE *out, int explain_each)
{
	memset(r, 0, sizeof *r);
	r->out = out;
	r->begin = csv_begin;
	r->run = csv_run;
	r->end = nothing;
	r->explain = explain_each;
}

/* ---- json ---- */

static void json_run(struct reporter *r, const struct report_run *rr)
{
	FILE *out = r->out;
	struct run_cells c;
	run_cells(&c, rr);
	fputs(r->written ? ",\n{" : "\n{", out);
	report_json_fields(out, &c.f);
	fputs(",\"verdict\":", out);
	report_json_string(out, rr->verdict);
	if (r->explain) {
		struct lines l;
		explain(&l, rr);
		fputs(",\"explain\":[", out);
		for (size_t i = 0; i < l.n; i++) {
			if (i)
				putc(',', out);
			report_json_string(out, l.text[i]);
		}
		putc(']', out);
	}
	putc('}', out);
	r->written++;
}

void reporter_runs_json(struct reporter *r, FILE *out, int explain_each)
{
	memset(r, 0, sizeof *r);
	r->out = out;
	r->begin = report_json_begin;
	r->run = json_run;
	r->end = report_json_end;
	r->array = "runs";
	r->explain = explain_each;
}
