#include "report_header.h"

#include "baseline.h"
#include "cells.h"
#include "diag.h"
#include "fields.h"
#include "filter.h"
#include "period.h"
#include "summary.h"
#include "times.h"
#include "waivers.h"

#include <stdlib.h>
#include <string.h>

/* "LEAD TEXT" on a line of its own when there is text (the words of
 * fields.h), the text as a terminal shows it. */
static void text_line(FILE *out, const char *lead, const char *text)
{
	if (!text[0])
		return;
	fputs(lead, out);
	report_text_cell(out, text, 0);
	putc('\n', out);
}

/* "system runs: 2,196, sandbox runs: 214" for the non-zero counts. */
static void reasons(FILE *out, const char *label, const uint64_t *counts, int n,
		    const char *(*name)(int))
{
	char b[32];
	int any = 0;
	for (int i = 0; i < n; i++) {
		if (!counts[i])
			continue;
		fprintf(out, "%s%s: %s", any ? ", " : label, name(i),
			report_count(counts[i], b, sizeof b));
		any = 1;
	}
	if (any)
		fputc('\n', out);
}

static const char *reject_name(int i)
{
	return tally_reject_name((enum reject_reason)i);
}

static const char *skip_name(int i)
{
	return tally_skip_name((enum skip_reason)i);
}

/* The filter values that matched nothing, said in the report itself: an
 * empty report must not read as an all-clear. */
static void misses(FILE *out, const struct report_info *info)
{
	char msg[512];
	size_t i = 0;
	for (; filter_miss(info->filter, info->rules, i, msg, sizeof msg); i++) {
		fputs("ERROR: ", out);
		report_text_cell(out, msg, 0);
		putc('\n', out);
	}
	if (i)
		fputs("Nothing below answers for those values: this report is no all-clear.\n\n", out);
	if (info->tally->uncovered[0]) {
		fputs("ERROR: ", out);
		report_text_cell(out, info->tally->uncovered, 0);
		fputs(".\nNothing below answers for the period: this report is no all-clear.\n\n", out);
	}
	report_header_notes(out, info->tally);
}

void report_header_notes(FILE *out, const struct tally *t)
{
	for (size_t i = 0; i < t->nnotes; i++) {
		fputs(t->notes[i].error ? "ERROR: " : "WARNING: ", out);
		report_text_cell(out, t->notes[i].text, 0);
		fputs(".\n", out);
	}
	if (t->nnotes)
		putc('\n', out);
}

/* The first rejected rows and cells not read, under their counts: where
 * to look, not only how many. */
static void first_rows(FILE *out, const struct tally *t, size_t limit)
{
	for (size_t i = 0; i < t->nrejects && i < limit; i++) {
		const struct tally_reject *r = &t->rejects[i];
		fprintf(out, "%-10s ", "");
		report_text_cell(out, r->file, 0);
		fprintf(out, ":%ld: %s: ", r->line, tally_reject_name(r->why));
		report_text_cell(out, r->detail, 0);
		putc('\n', out);
	}
	if (tally_rejected(t) > limit && t->nrejects > limit)
	{
		char n[32];
		fprintf(out, "%-10s (the first %s; --rejects FILE writes them all)\n", "",
			report_count(limit, n, sizeof n));
	}
}

static void first_cells(FILE *out, const struct tally *t, size_t limit)
{
	uint64_t total = 0;
	for (int c = 0; c < COL_COUNT; c++)
		total += t->bad_cells[c];
	for (size_t i = 0; i < t->ncells && i < limit; i++) {
		fprintf(out, "%-10s ", "");
		report_text_cell(out, t->cells[i].file, 0);
		fprintf(out, ":%ld: ", t->cells[i].line);
		report_text_cell(out, t->cells[i].text, 0);
		putc('\n', out);
	}
	if (total > limit && t->ncells > limit)
	{
		char n[32];
		fprintf(out, "%-10s (the first %s)\n", "", report_count(limit, n, sizeof n));
	}
}

/* "User       --user Moody: Honor Moody (ITS); Todd Moody (ITS-LANGDELL)" */
static void user_lines(FILE *out, const struct report_info *info)
{
	char who[1024];
	const char *value;
	for (size_t i = 0; (value = filter_user_means(info->filter, info->rules, i, who, sizeof who));
	     i++) {
		if (!who[0])
			continue;
		fprintf(out, "%-10s --user ", "User");
		report_text_cell(out, value, 0);
		fputs(": ", out);
		report_text_cell(out, who, 0);
		putc('\n', out);
	}
}

/* A unit's report (audit --split unit) says whose runs it holds, and where
 * the findings of people not in staff.csv are. */
static void unit_lines(FILE *out, const struct report_info *info, int brief)
{
	char text[512];
	static const char *const lead[2][2] = {{"Unit       ", "Not here   "},
						{"Unit: ", "Not here: "}};
	for (int which = 0; which < 2; which++) {
		report_unit_text(info, which, text, sizeof text);
		text_line(out, lead[brief != 0][which], text);
	}
}

/* What the report says about its baseline, in its own text: the file,
 * its period, and each reason to read the trend with care. */
static void baseline_notes(FILE *out, const struct report_info *info, const char *indent)
{
	const struct baseline *b = info->baseline;
	char text[512], n[64];
	if (b->other_rules) {
		baseline_rules_text(b, text, sizeof text);
		fprintf(out, "%s%s\n", indent, text);
	}
	if (b->not_before) {
		baseline_period_warning(b, info->period, text, sizeof text);
		fprintf(out, "%sWARNING: %s\n", indent, text);
	}
	if (b->incomplete)
		fprintf(out, "%sWARNING: %s\n", indent, baseline_incomplete_text(b));
	if (b->hidden)
		fprintf(out,
			"%sWARNING: the baseline report's filters hid %s with findings: those "
			"count as new\n",
			indent, report_count_of(b->hidden, "run", "runs", n, sizeof n));
}

static void baseline_header(FILE *out, const struct report_info *info)
{
	const struct baseline *b = info->baseline;
	char period[96], n[32], m[32];
	if (!b)
		return;
	period_text(&b->period, period, sizeof period);
	fprintf(out, "%-10s ", "Baseline");
	report_text_cell(out, b->path, 0);
	fprintf(out, ": %s, %s %s", period, report_count(b->findings, n, sizeof n),
		b->findings == 1 ? "finding" : "findings");
	if (b->filtered)
		fprintf(out, " (%s not shown by this report's filters)",
			report_count(b->filtered, m, sizeof m));
	putc('\n', out);
	baseline_notes(out, info, "           ");
}

/* The damaging jobs whose runs from the Alma API's JSON no counter gave a
 * record count, after lead. */
static void uncounted(FILE *out, const struct report_info *info, const char *lead)
{
	const struct tally *t = info->tally;
	char n[32];
	if (!t->nuncounted || !info->rules)
		return;
	fprintf(out, "%sdamaging-large-set not checked: no counter gave the record count of ", lead);
	for (size_t i = 0; i < t->nuncounted; i++)
		fprintf(out, "%s%s (%s %s)", i ? ", " : "", info->rules->jobs[t->uncounted[i].job].id,
			report_count(t->uncounted[i].runs, n, sizeof n),
			t->uncounted[i].runs == 1 ? "run" : "runs");
	fputs(" (JSON input: their runs are unknown-size; name the counter in jobs.csv's records "
	      "column)\n",
	      out);
}

void report_header_reading(FILE *out, const struct report_info *info, int header)
{
	const struct tally *t = info->tally;
	char line[640];
	reasons(out, "Rejected   ", t->rejected, REJ_COUNT, reject_name);
	first_rows(out, t, 5);
	text_line(out, "Cells      ", report_cells_text(t, line, sizeof line));
	if (line[0])
		first_cells(out, t, 5);
	if (!header)
		return;
	text_line(out, "People     ", report_identity_text(info, line, sizeof line));
	text_line(out, "Sandbox    sandbox runs not evidence: ",
		  report_sandbox_text(t, line, sizeof line));
}

void report_header_write(FILE *out, const struct report_info *info)
{
	const struct tally *t = info->tally;
	char a[48], b[48], c[48], d[32], period[96], fmt[320];

	if (t->incomplete) {
		size_t failed = 0;
		for (size_t i = 0; i < t->nfiles; i++)
			failed += t->files[i].incomplete != 0;
		if (t->out_of_memory)
			fputs("INCOMPLETE: out of memory: some runs may be counted or reported twice\n",
			      out);
		if (failed == 1)
			fputs("INCOMPLETE: an input could not be read whole", out);
		else if (failed)
			fprintf(out, "INCOMPLETE: %s inputs could not be read whole",
				report_count(failed, d, sizeof d));
		if (failed)
			fputs("; the figures cover only what was read.\n", out);
		for (size_t i = 0; i < t->nfiles; i++)
			if (t->files[i].incomplete) {
				fputs("  ", out);
				report_header_file_error(out, &t->files[i]);
				putc('\n', out);
			}
		putc('\n', out);
	}
	misses(out, info);
	period_text(info->period, period, sizeof period);
	fprintf(out, "%-10s %s, %s\n", "Period", period, times_zone_name());
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		fprintf(out, "%-10s ", i ? "" : "Input");
		report_text_cell(out, f->name, 0);
		if (f->same_as) {
			fprintf(out, "  the same file as input %d: read once\n", f->same_as);
			continue;
		}
		if (f->unread) {
			fprintf(out, "  %s, not read: ", run_env_name(f->env));
			report_text_cell(out, f->error, 0);
			putc('\n', out);
			continue;
		}
		fprintf(out, "  %s, %s, %s", run_env_name(f->env), tally_file_format(f, fmt, sizeof fmt),
			f->json ? report_count_of(f->rows, "instance", "instances", a, sizeof a)
				: report_count_of(f->rows, "row", "rows", a, sizeof a));
		if (f->incomplete && f->error_line > 0)
			fprintf(out, ", INCOMPLETE: %s at line %ld", f->resumed ? "damaged" : "stopped",
				f->error_line);
		else if (f->incomplete)
			fputs(", INCOMPLETE", out);
		if (f->no_line_end)
			fprintf(out, ", WARNING: line %ld, %s", f->no_line_end, TALLY_NO_LINE_END);
		putc('\n', out);
	}
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!f->no_records || f->same_as || f->unread)
			continue;
		fprintf(out, "%-10s damaging-large-set not checked: no record count column in ",
			"Unchecked");
		report_text_cell(out, f->name, 0);
		fputs(" (its damaging runs are unknown-size)\n", out);
	}
	uncounted(out, info, "Unchecked  ");
	if (t->sets_inferred)
		fprintf(out, "%-10s inferred from the instance names of %s %s (their input gives no "
			"set name: the Alma API, a CSV without one)\n",
			"Sets", report_count(t->sets_inferred, a, sizeof a),
			t->sets_inferred == 1 ? "run" : "runs");
	if (t->first != TIME_NONE) {
		times_format_local(t->first, a, sizeof a);
		times_format_local(t->last, b, sizeof b);
		fprintf(out, "%-10s %s to %s\n", "Runs seen", a, b);
	}
	char line[640];
	text_line(out, "Coverage   ", report_coverage_text(info, line, sizeof line));
	fprintf(out, "%-10s %s read = %s audited + %s skipped + %s rejected\n", "Rows",
		report_count(t->read, a, sizeof a), report_count(t->audited, b, sizeof b),
		report_count(tally_skipped(t), c, sizeof c),
		report_count(tally_rejected(t), d, sizeof d));
	reasons(out, "Skipped    ", t->skipped, SKIP_COUNT, skip_name);
	report_header_reading(out, info, 1);
	if (t->headers)
		fprintf(out, "%-10s repeated header rows skipped: %s\n", "Headers",
			report_count(t->headers, a, sizeof a));
	if (info->rules)
		fprintf(out, "%-10s %s: %s, %s, %s\n", "Rules", info->rules->dir,
			report_count_of(info->rules->njobs, "job", "jobs", a, sizeof a),
			report_count_of(info->rules->npeople, "person", "people", b, sizeof b),
			report_count_of(info->rules->napprovals, "approval", "approvals", c, sizeof c));
	unit_lines(out, info, 0);
	baseline_header(out, info);
	if (info->rules && info->rules->waivers && info->rules->waivers->n)
		fprintf(out, "%-10s %s: %s\n", "Waivers", info->rules->waivers->path,
			report_count_of(info->rules->waivers->n, "waiver", "waivers", a, sizeof a));
	user_lines(out, info);
}

void report_header_file_error(FILE *out, const struct tally_file *f)
{
	report_text_cell(out, f->name, 0);
	if (f->error_line > 0)
		fprintf(out, ":%ld", f->error_line);
	fputs(": ", out);
	report_text_cell(out, f->error, 0);
}

void report_header_brief(FILE *out, const struct report_info *info)
{
	const struct summary *s = info->summary;
	const struct tally *t = info->tally;
	char period[96], n[32], m[32];

	misses(out, info);
	period_text(info->period, period, sizeof period);
	fprintf(out, "%sAlma job audit, %s, %s: %s %s with findings in %s audited",
		t->incomplete ? "INCOMPLETE " : "", period, times_zone_name(),
		report_count(s->runs, n, sizeof n), s->runs == 1 ? "run" : "runs",
		report_count(t->audited, m, sizeof m));
	if (info->hidden)
		fprintf(out, " (%s more %s with findings not shown: filters)",
			report_count(info->hidden, n, sizeof n), info->hidden == 1 ? "run" : "runs");
	putc('\n', out);
	for (size_t i = 0; i < t->nfiles; i++)
		if (t->files[i].incomplete) {
			fputs(t->files[i].unread ? "Not read: " : "Not read whole: ", out);
			report_header_file_error(out, &t->files[i]);
			putc('\n', out);
		}
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (f->same_as) {
			fputs("Read once: ", out);
			report_text_cell(out, f->name, 0);
			fprintf(out, " is the same file as input %d\n", f->same_as);
		} else if (f->no_records && !f->unread) {
			fputs("Unchecked: damaging-large-set not checked: no record count column in ", out);
			report_text_cell(out, f->name, 0);
			fputs(" (its damaging runs are unknown-size)\n", out);
		}
	}
	uncounted(out, info, "Unchecked: ");
	if (t->sets_inferred)
		fprintf(out, "Sets: inferred from the instance names of %s %s\n",
			report_count(t->sets_inferred, n, sizeof n),
			t->sets_inferred == 1 ? "run" : "runs");
	for (size_t i = 0; i < t->nfiles; i++)
		if (t->files[i].no_line_end) {
			fputs("Warning: ", out);
			report_text_cell(out, t->files[i].name, 0);
			fprintf(out, ":%ld: %s\n", t->files[i].no_line_end, TALLY_NO_LINE_END);
		}
	char line[640];
	text_line(out, "Coverage: ", report_coverage_text(info, line, sizeof line));
	text_line(out, "People: ", report_identity_text(info, line, sizeof line));
	text_line(out, "Cells: ", report_cells_text(t, line, sizeof line));
	text_line(out, "Sandbox runs not evidence: ", report_sandbox_text(t, line, sizeof line));
	if (tally_rejected(t)) {
		/* the exit status is 1 for them: say why here too */
		fprintf(out, "Rejected: %s %s, not audited (",
			report_count(tally_rejected(t), n, sizeof n),
			tally_rejected(t) == 1 ? "row" : "rows");
		for (int i = 0, any = 0; i < REJ_COUNT; i++)
			if (t->rejected[i])
				fprintf(out, "%s%s: %s", any++ ? ", " : "",
					tally_reject_name((enum reject_reason)i),
					report_count(t->rejected[i], m, sizeof m));
		fputs(")\n", out);
	}
	unit_lines(out, info, 1);
	user_lines(out, info);
	if (info->baseline) {
		const struct baseline *b = info->baseline;
		uint64_t sum[5] = {0, 0, 0, 0, 0};
		char x[32], y[32], z[32];
		for (int k = 0; k < FIND_COUNT; k++) {
			uint64_t c[4];
			report_trend(info, k, &c[0], &c[1], &c[2], &c[3]);
			sum[0] += c[0], sum[1] += c[1], sum[2] += b->resolved[k];
			sum[3] += c[2], sum[4] += c[3];
		}
		period_text(&b->period, period, sizeof period);
		fprintf(out, "Since the baseline (%s): %s new, %s recurring, %s resolved", period,
			report_count(sum[0], x, sizeof x), report_count(sum[1], y, sizeof y),
			report_count(sum[2], z, sizeof z));
		if (sum[3] || sum[4])
			fprintf(out, "; waived apart: %s new, %s recurring",
				report_count(sum[3], x, sizeof x), report_count(sum[4], y, sizeof y));
		putc('\n', out);
		baseline_notes(out, info, "Baseline: ");
	}
}

void report_header_say(const struct report_info *info)
{
	const struct tally *t = info->tally;
	char line[640], n[32];
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (f->no_records && !f->same_as && !f->unread)
			diag_error(f->name, 0,
				   "warning: damaging-large-set not checked: no record count column "
				   "(its damaging runs are unknown-size)");
	}
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (mem) {
		uncounted(mem, info, "");
		if (fclose(mem) == 0 && len) {
			text[len - 1] = '\0'; /* its line end */
			diag_error(NULL, 0, "warning: %s", text);
		}
	}
	free(text);
	if (t->sets_inferred)
		diag_error(NULL, 0,
			   "note: sets inferred from the instance names of %s %s (their input "
			   "gives no set name: the Alma API, a CSV without one)",
			   report_count(t->sets_inferred, n, sizeof n),
			   t->sets_inferred == 1 ? "run" : "runs");
	size_t limit = 5, used = 0;
	line[0] = '\0';
	for (int i = 0; i < REJ_COUNT && used < sizeof line; i++)
		if (t->rejected[i])
			used += (size_t)snprintf(line + used, sizeof line - used, "%s%s: %s",
						 used ? ", " : "",
						 tally_reject_name((enum reject_reason)i),
						 report_count(t->rejected[i], n, sizeof n));
	if (tally_rejected(t)) {
		diag_error(NULL, 0, "warning: %s %s rejected, not audited (%s)%s",
			   report_count(tally_rejected(t), n, sizeof n),
			   tally_rejected(t) == 1 ? "row" : "rows", line,
			   tally_rejected(t) > limit && t->nrejects > limit
				   ? " (the first 5 below; --rejects FILE writes them all)"
				   : "");
		for (size_t i = 0; i < t->nrejects && i < limit; i++)
			diag_error(t->rejects[i].file, t->rejects[i].line, "rejected: %s: %s",
				   tally_reject_name(t->rejects[i].why), t->rejects[i].detail);
	}
	if (report_cells_text(t, line, sizeof line)[0]) {
		uint64_t cells = 0;
		for (int c = 0; c < COL_COUNT; c++)
			cells += t->bad_cells[c];
		diag_error(NULL, 0, "warning: %s%s", line,
			   cells > limit && t->ncells > limit ? " (the first 5 below)" : "");
		for (size_t i = 0; i < t->ncells && i < limit; i++)
			diag_error(t->cells[i].file, t->cells[i].line, "%s", t->cells[i].text);
	}
}
