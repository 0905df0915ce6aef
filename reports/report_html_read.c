/* What the audit's html page says of what was read (report_html_read.h). */
#include "report_html_read.h"

#include "cells.h"
#include "fields.h"
#include "filter.h"
#include "html.h"
#include "times.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define T(s) report_html_text(out, (s)) /* text, not an attribute */

/* "and 390 more inputs (all of them in the message's plain-text part)":
 * the rows of a list the email's html part leaves out, as a row of the
 * facts table (row) or a paragraph. */
static void more_listed(FILE *out, size_t n, const char *what, int row)
{
	fputs(row ? "<tr><th></th><td class=\"more\">and " : "<p class=\"more\">and ", out);
	html_count(out, n);
	fprintf(out, " more %s (all of them in the message&#39;s plain-text part)%s\n", what,
		row ? "</td></tr>" : "</p>");
}

void report_html_facts(FILE *out, const struct report_info *info)
{
	const struct tally *t = info->tally;
	char a[48], b[48], fmt[320];

	/* the email's html part lists the first list_rows inputs */
	size_t most = info->list_rows ? info->list_rows : t->nfiles, shown = 0, left = 0;
	fputs("<table class=\"facts\"><tbody>\n", out);
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (i >= most)
			break;
		fprintf(out, "<tr><th>%s</th><td>", i ? "" : "Input");
		T(f->name);
		if (f->same_as) {
			fprintf(out, ": <b>the same file as input %d: read once</b></td></tr>\n",
				f->same_as);
			continue;
		}
		if (f->unread) {
			fprintf(out, ": %s, <b>not read</b>: ", run_env_name(f->env));
			T(f->error);
			fputs("</td></tr>\n", out);
			continue;
		}
		fprintf(out, ": %s, ", run_env_name(f->env));
		T(tally_file_format(f, fmt, sizeof fmt));
		fprintf(out, ", %s", f->json ? report_count_of(f->rows, "instance", "instances", a, sizeof a)
					     : report_count_of(f->rows, "row", "rows", a, sizeof a));
		if (f->incomplete && f->error_line > 0)
			fprintf(out, ", <b>INCOMPLETE</b>: %s at line %ld",
				f->resumed ? "damaged" : "stopped", f->error_line);
		else if (f->incomplete)
			fputs(", <b>INCOMPLETE</b>", out);
		if (f->no_line_end)
			fprintf(out, ", <b>WARNING</b>: line %ld, %s", f->no_line_end,
				TALLY_NO_LINE_END);
		fputs("</td></tr>\n", out);
	}
	if (t->nfiles > most)
		more_listed(out, t->nfiles - most, t->nfiles - most == 1 ? "input" : "inputs", 1);
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!f->no_records || f->same_as || f->unread)
			continue;
		if (shown++ >= most) {
			left++;
			continue;
		}
		fputs("<tr><th>Unchecked</th><td><b>damaging-large-set not checked</b>: no record "
		      "count column in ",
		      out);
		T(f->name);
		fputs(" (its damaging runs are unknown-size)</td></tr>\n", out);
	}
	if (left)
		more_listed(out, left, left == 1 ? "input without a record count"
					     : "inputs without a record count",
			    1);
	if (t->nuncounted && info->rules) {
		fputs("<tr><th>Unchecked</th><td><b>damaging-large-set not checked</b>: no counter "
		      "gave the record count of ",
		      out);
		for (size_t i = 0; i < t->nuncounted; i++) {
			fputs(i ? ", " : "", out);
			T(info->rules->jobs[t->uncounted[i].job].id);
			fputs(" (", out);
			html_count(out, t->uncounted[i].runs);
			fputs(t->uncounted[i].runs == 1 ? " run)" : " runs)", out);
		}
		fputs(" (JSON input: their runs are unknown-size; name the counter in jobs.csv's "
		      "records column)</td></tr>\n",
		      out);
	}
	if (t->sets_inferred) {
		fputs("<tr><th>Sets</th><td>inferred from the instance names of ", out);
		html_count(out, t->sets_inferred);
		fputs(t->sets_inferred == 1 ? " run" : " runs", out);
		fputs(" (their input gives no set name: the Alma API, a CSV without one)</td></tr>\n", out);
	}
	if (t->first != TIME_NONE) {
		times_format_local(t->first, a, sizeof a);
		times_format_local(t->last, b, sizeof b);
		fprintf(out, "<tr><th>Runs seen</th><td>%s to %s</td></tr>\n", a, b);
	}
	char line[640];
	if (report_coverage_text(info, line, sizeof line)[0]) {
		fputs("<tr><th>Coverage</th><td><b>", out);
		T(line);
		fputs("</b></td></tr>\n", out);
	}
	fputs("<tr><th>Rows</th><td>", out);
	html_count(out, t->read);
	fputs(" read = ", out);
	html_count(out, t->audited);
	fputs(" audited + ", out);
	html_count(out, tally_skipped(t));
	fputs(" skipped + ", out);
	html_count(out, tally_rejected(t));
	fputs(" rejected</td></tr>\n", out);
	fputs("<tr><th>Skipped</th><td>", out);
	int any = 0;
	for (int i = 0; i < SKIP_COUNT; i++)
		if (t->skipped[i]) {
			fprintf(out, "%s%s: ", any++ ? ", " : "", tally_skip_name((enum skip_reason)i));
			html_count(out, t->skipped[i]);
		}
	fputs(any ? "</td></tr>\n" : "none</td></tr>\n", out);
	if (t->headers) {
		fputs("<tr><th>Headers</th><td>repeated header rows skipped: ", out);
		html_count(out, t->headers);
		fputs("</td></tr>\n", out);
	}
	const char *const more[][2] = {
		{"Cells", report_cells_text(t, line, sizeof line)[0] ? line : NULL},
	};
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		if (more[i][1]) {
			fprintf(out, "<tr><th>%s</th><td><b>", more[i][0]);
			T(more[i][1]);
			fputs("</b> (below)</td></tr>\n", out);
		}
	if (report_identity_text(info, line, sizeof line)[0]) {
		fputs("<tr><th>People</th><td>", out);
		T(line);
		fputs("</td></tr>\n", out);
	}
	if (report_sandbox_text(t, line, sizeof line)[0]) {
		fputs("<tr><th>Sandbox</th><td>sandbox runs not evidence: ", out);
		T(line);
		fputs("</td></tr>\n", out);
	}
	fputs("<tr><th>Rules</th><td>", out);
	T(info->rules->dir);
	char c[48];
	fprintf(out, ": %s, %s, %s</td></tr>\n",
		report_count_of(info->rules->njobs, "job", "jobs", a, sizeof a),
		report_count_of(info->rules->npeople, "person", "people", b, sizeof b),
		report_count_of(info->rules->napprovals, "approval", "approvals", c, sizeof c));
	char unit[512];
	for (int which = 0; which < 2; which++) {
		report_unit_text(info, which, unit, sizeof unit);
		if (!unit[0])
			continue;
		fprintf(out, "<tr><th>%s</th><td>%s", which ? "Not here" : "Unit", which ? "<b>" : "");
		T(unit);
		fprintf(out, "%s</td></tr>\n", which ? "</b>" : "");
	}
	char who[1024];
	const char *value;
	for (size_t i = 0; (value = filter_user_means(info->filter, info->rules, i, who, sizeof who));
	     i++) {
		if (!who[0])
			continue;
		fputs("<tr><th>User</th><td>--user ", out);
		T(value);
		fputs(": ", out);
		T(who);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

static void rejects(FILE *out, const struct tally *t)
{
	fputs("<h2>Rejected rows</h2>\n", out);
	if (!tally_rejected(t)) {
		fputs("<p>None: every row was read.</p>\n", out);
		return;
	}
	fputs("<p>", out);
	int any = 0;
	for (int i = 0; i < REJ_COUNT; i++)
		if (t->rejected[i]) {
			fprintf(out, "%s%s: ", any++ ? ", " : "", tally_reject_name((enum reject_reason)i));
			html_count(out, t->rejected[i]);
		}
	fputs(".</p>\n<table><thead><tr><th>File</th><th class=\"n\">Line</th><th>Reason</th>"
	      "<th>Detail</th></tr></thead><tbody>\n",
	      out);
	for (size_t i = 0; i < t->nrejects; i++) {
		const struct tally_reject *r = &t->rejects[i];
		fputs("<tr><td>", out);
		T(r->file);
		fprintf(out, "</td><td class=\"n\">%ld</td><td>%s</td><td>", r->line,
			tally_reject_name(r->why));
		T(r->detail);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (tally_rejected(t) > t->nrejects) {
		fputs("<p class=\"more\">and ", out);
		html_count(out, tally_rejected(t) - t->nrejects);
		fputs(" more (all of them: --rejects FILE)</p>\n", out);
	}
}

/* The cells not read, their runs judged without them: the first ones,
 * at file and line. */
static void cells(FILE *out, const struct tally *t)
{
	char line[640];
	if (!report_cells_text(t, line, sizeof line)[0])
		return;
	fputs("<h2>Cells not read</h2>\n<p>", out);
	T(line);
	fputs(".</p>\n<table><thead><tr><th>File</th><th class=\"n\">Line</th><th>Cell</th>"
	      "</tr></thead><tbody>\n",
	      out);
	for (size_t i = 0; i < t->ncells; i++) {
		fputs("<tr><td>", out);
		T(t->cells[i].file);
		fprintf(out, "</td><td class=\"n\">%ld</td><td>", t->cells[i].line);
		T(t->cells[i].text);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

/* The errors and warnings of the top: the period the inputs do not reach,
 * then the notes (joins.h), a paragraph each. */
void report_html_notes(FILE *out, const struct tally *t)
{
	if (t->uncovered[0]) {
		fputs("<p class=\"incomplete\">ERROR: ", out);
		T(t->uncovered);
		fputs(". Nothing below answers for the period: this report is no all-clear.</p>\n",
		      out);
	}
	for (size_t i = 0; i < t->nnotes; i++) {
		fprintf(out, "<p class=\"incomplete\">%s: ", t->notes[i].error ? "ERROR" : "WARNING");
		T(t->notes[i].text);
		fputs(".</p>\n", out);
	}
}

/* INCOMPLETE, and what went wrong: file, line and error of each input not
 * read whole (a mail reader sees no standard error). */
void report_html_incomplete(FILE *out, const struct tally *t, size_t list_rows)
{
	size_t failed = 0;
	for (size_t i = 0; i < t->nfiles; i++)
		failed += t->files[i].incomplete != 0;
	fputs("<div class=\"incomplete\"><p>INCOMPLETE: ", out);
	if (t->out_of_memory)
		fputs("out of memory: some runs may be counted or reported twice. ", out);
	if (!failed) {
		fputs("</p></div>\n", out);
		return;
	}
	if (failed == 1) {
		fputs("an input", out);
	} else {
		html_count(out, failed);
		fputs(" inputs", out);
	}
	fputs(" could not be read whole; the figures cover only what was read.</p>\n<ul>\n", out);
	size_t listed = 0;
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!f->incomplete || (list_rows && listed >= list_rows))
			continue;
		listed++;
		fputs("<li>", out);
		T(f->name);
		if (f->error_line > 0)
			fprintf(out, ":%ld", f->error_line);
		fputs(": ", out);
		T(f->error);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n", out);
	if (failed > listed)
		more_listed(out, failed - listed,
			    failed - listed == 1 ? "input not read whole" : "inputs not read whole", 0);
	fputs("</div>\n", out);
}

void report_html_rejects(FILE *out, const struct tally *t)
{
	rejects(out, t);
	cells(out, t);
}
