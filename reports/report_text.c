#include "report_text.h"

#include "report.h"

#include "filter.h"
#include "period.h"
#include "times.h"

#include <inttypes.h>
#include <string.h>

const char *report_count(uint64_t n, char *buf, size_t size)
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%" PRIu64, n);
	size_t o = 0;
	for (int i = 0; i < len && o + 1 < size; i++) {
		if (i && (len - i) % 3 == 0 && o + 2 < size)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

void report_text_cell(FILE *out, const char *s, int width)
{
	const unsigned char *p = (const unsigned char *)s;
	int shown = 0;
	while (*p && (width <= 0 || shown < width)) {
		size_t len = report_utf8_len(p);
		if (len == 1 && (*p < 0x20 || *p == 0x7F))
			putc(' ', out);
		else if (len == 0)
			putc('?', out); /* a stray byte of invalid UTF-8 */
		else
			fwrite(p, 1, len, out);
		p += len ? len : 1;
		shown++;
	}
	while (shown++ < width)
		putc(' ', out);
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
	for (int which = 0; which < 2; which++) {
		report_unit_text(info, which, text, sizeof text);
		if (!text[0])
			continue;
		const char *label = which ? "Not here" : "Unit";
		if (brief)
			fprintf(out, "%s: ", label);
		else
			fprintf(out, "%-10s ", label);
		report_text_cell(out, text, 0);
		putc('\n', out);
	}
}

void report_text_header(FILE *out, const struct report_info *info)
{
	const struct tally *t = info->tally;
	char a[32], b[32], c[32], d[32], period[96], fmt[64];

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
			fprintf(out, "INCOMPLETE: %zu inputs could not be read whole", failed);
		if (failed)
			fputs("; the figures cover only what was read.\n", out);
		for (size_t i = 0; i < t->nfiles; i++)
			if (t->files[i].incomplete) {
				fputs("  ", out);
				report_text_file_error(out, &t->files[i]);
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
		fprintf(out, "  %s, %s, %s rows", run_env_name(f->env),
			tally_file_format(f, fmt, sizeof fmt), report_count(f->rows, a, sizeof a));
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
	if (t->first != TIME_NONE) {
		times_format_local(t->first, a, sizeof a);
		times_format_local(t->last, b, sizeof b);
		fprintf(out, "%-10s %s to %s\n", "Runs seen", a, b);
	}
	fprintf(out, "%-10s %s read = %s audited + %s skipped + %s rejected\n", "Rows",
		report_count(t->read, a, sizeof a), report_count(t->audited, b, sizeof b),
		report_count(tally_skipped(t), c, sizeof c),
		report_count(tally_rejected(t), d, sizeof d));
	reasons(out, "Skipped    ", t->skipped, SKIP_COUNT, skip_name);
	reasons(out, "Rejected   ", t->rejected, REJ_COUNT, reject_name);
	if (t->headers)
		fprintf(out, "%-10s repeated header rows skipped: %s\n", "Headers",
			report_count(t->headers, a, sizeof a));
	if (info->rules)
		fprintf(out, "%-10s %s: %zu jobs, %zu people, %zu approvals\n", "Rules",
			info->rules->dir, info->rules->njobs, info->rules->npeople,
			info->rules->napprovals);
	unit_lines(out, info, 0);
	user_lines(out, info);
}

void report_text_file_error(FILE *out, const struct tally_file *f)
{
	report_text_cell(out, f->name, 0);
	if (f->error_line > 0)
		fprintf(out, ":%ld", f->error_line);
	fputs(": ", out);
	report_text_cell(out, f->error, 0);
}

static void upper(FILE *out, const char *s)
{
	for (; *s; s++)
		putc(*s >= 'a' && *s <= 'z' ? *s - 32 : *s, out);
}

static void findings_table(FILE *out, const struct summary *s, enum finding_kind k)
{
	char n[32], when[32];
	upper(out, finding_name(k));
	fprintf(out, " (%s): %s\n", report_count(s->kinds[k], n, sizeof n), finding_meaning(k));
	fprintf(out, "%-19s %-16s %-29s %-36s %8s  %-24s %s\n", "RUN ID", "START", "JOB",
		"PERSON (UNIT)", "RECORDS", "STATUS", "WHY");
	for (size_t i = 0; i < s->nkept[k]; i++) {
		const struct summary_kept *e = &s->kept[k][i];
		times_format_local(e->time, when, sizeof when);
		fprintf(out, "%-19" PRIu64 " %-16s ", e->id, when);
		report_text_cell(out, e->job, 29);
		putc(' ', out);
		report_text_cell(out, e->person, 36);
		if (e->records >= 0)
			fprintf(out, " %8" PRId64 "  ", e->records);
		else
			fprintf(out, " %8s  ", "");
		report_text_cell(out, e->status, 24);
		putc(' ', out);
		report_text_cell(out, e->detail, 0);
		putc('\n', out);
	}
	if (s->kinds[k] > s->nkept[k])
		fprintf(out, "and %s more\n", report_count(s->kinds[k] - s->nkept[k], n, sizeof n));
	putc('\n', out);
}

static void upper(FILE *out, const char *s);

static void table_row(FILE *out, const struct summary_row *row)
{
	report_text_cell(out, row->label, 40);
	fprintf(out, " %18" PRIu64, row->runs);
	for (int k = 0; k < FIND_COUNT; k++) {
		int w = (int)strlen(finding_name((enum finding_kind)k));
		fprintf(out, " %*" PRIu64, w < 10 ? 10 : w, row->count[k]);
	}
	putc('\n', out);
}

/* The first `limit` rows, "and N more" for the rest kept, then the others
 * row (labels past the summary's bound), when it counts anything. */
static void summary_table(FILE *out, const char *title, const struct summary *s,
			  const struct summary_row *rows, size_t n, const struct summary_row *others)
{
	char c[32];
	size_t limit = s->limit;
	/* the runs counted are the runs with findings shown, not all runs */
	fprintf(out, "%-40s %18s", title, "RUNS WITH FINDINGS");
	for (int k = 0; k < FIND_COUNT; k++) {
		int w = (int)strlen(finding_name((enum finding_kind)k));
		fprintf(out, " %*s", w < 10 ? 10 - w : 0, "");
		upper(out, finding_name((enum finding_kind)k));
	}
	putc('\n', out);
	for (size_t i = 0; i < n && i < limit; i++)
		table_row(out, &rows[i]);
	if (n > limit)
		fprintf(out, "and %s more\n", report_count(n - limit, c, sizeof c));
	if (others && summary_folded(others)) {
		char note[256];
		table_row(out, others);
		summary_others_note(note, sizeof note, s, others);
		fprintf(out, "%s\n", note);
	}
	putc('\n', out);
}

/* A summary that ran out of memory says so where its tables are. */
static void short_tables(FILE *out, const struct summary *s)
{
	if (s->failed)
		fputs("OUT OF MEMORY: the tables below are short: some findings are counted above "
		      "but missing from them.\n\n",
		      out);
}

static void text_begin(struct reporter *r, const struct report_info *info)
{
	(void)r;
	(void)info;
}

static void text_finding(struct reporter *r, const struct report_finding *f)
{
	(void)f;
	r->written++;
}

static void text_end(struct reporter *r, const struct report_info *info)
{
	report_text_page(r->out, info);
}

void report_text_page(FILE *out, const struct report_info *info)
{
	const struct summary *s = info->summary;
	char n[32];

	report_text_header(out, info);
	putc('\n', out);
	if (!s->runs) {
		fputs("Findings   none", out);
	} else {
		fprintf(out, "Findings   %s %s:", report_count(s->runs, n, sizeof n),
			s->runs == 1 ? "run" : "runs");
		int any = 0;
		for (int k = 0; k < FIND_COUNT; k++)
			if (s->kinds[k])
				fprintf(out, "%s %s %s", any++ ? "," : "",
					report_count(s->kinds[k], n, sizeof n),
					finding_name((enum finding_kind)k));
	}
	if (info->hidden)
		fprintf(out, " (%s more %s with findings not shown: filters)",
			report_count(info->hidden, n, sizeof n), info->hidden == 1 ? "run" : "runs");
	fputs("\n\n", out);
	if (!s->runs)
		return;
	short_tables(out, s);
	for (int k = 0; k < FIND_COUNT; k++)
		if (s->kinds[k])
			findings_table(out, s, (enum finding_kind)k);
	summary_table(out, "BY PERSON", s, s->people, s->npeople, &s->people_others);
	summary_table(out, "BY JOB", s, s->jobs, s->njobs, &s->jobs_others);
}

void report_text_summary(FILE *out, const struct report_info *info)
{
	const struct summary *s = info->summary;
	const struct tally *t = info->tally;
	char period[96], n[32], m[32];

	misses(out, info);
	period_text(info->period, period, sizeof period);
	fprintf(out, "%sAlma job audit, %s: %s %s with findings in %s audited",
		t->incomplete ? "INCOMPLETE " : "", period, report_count(s->runs, n, sizeof n),
		s->runs == 1 ? "run" : "runs", report_count(t->audited, m, sizeof m));
	if (info->hidden)
		fprintf(out, " (%s more %s with findings not shown: filters)",
			report_count(info->hidden, n, sizeof n), info->hidden == 1 ? "run" : "runs");
	putc('\n', out);
	for (size_t i = 0; i < t->nfiles; i++)
		if (t->files[i].incomplete) {
			fputs(t->files[i].unread ? "Not read: " : "Not read whole: ", out);
			report_text_file_error(out, &t->files[i]);
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
	for (size_t i = 0; i < t->nfiles; i++)
		if (t->files[i].no_line_end) {
			fputs("Warning: ", out);
			report_text_cell(out, t->files[i].name, 0);
			fprintf(out, ":%ld: %s\n", t->files[i].no_line_end, TALLY_NO_LINE_END);
		}
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
	if (!s->runs)
		return;
	int any = 0;
	for (int k = 0; k < FIND_COUNT; k++)
		if (s->kinds[k])
			fprintf(out, "%s%s %s", any++ ? ", " : "", report_count(s->kinds[k], n, sizeof n),
				finding_name((enum finding_kind)k));
	putc('\n', out);
	if (s->failed)
		fputs("Out of memory: the counts by person and by job are short.\n", out);
	const struct {
		const char *title;
		const struct summary_row *rows;
		size_t n;
		const struct summary_row *others;
	} tops[] = {{"Runs with findings by person", s->people, s->npeople, &s->people_others},
		    {"Runs with findings by job", s->jobs, s->njobs, &s->jobs_others}};
	for (size_t i = 0; i < 2; i++) {
		fprintf(out, "%s:", tops[i].title);
		for (size_t k = 0; k < tops[i].n && k < 5; k++) {
			fprintf(out, "%s ", k ? "," : "");
			report_text_cell(out, tops[i].rows[k].label, 0);
			fprintf(out, " %s", report_count(tops[i].rows[k].runs, n, sizeof n));
		}
		if (tops[i].n > 5)
			fprintf(out, ", and %zu more", tops[i].n - 5);
		if (summary_folded(tops[i].others)) {
			fputs(", and ", out);
			report_text_cell(out, tops[i].others->label, 0);
			fprintf(out, " %s", report_count(tops[i].others->runs, n, sizeof n));
		}
		putc('\n', out);
	}
}

static void summary_end(struct reporter *r, const struct report_info *info)
{
	report_text_summary(r->out, info);
}

void reporter_summary(struct reporter *r, FILE *out)
{
	reporter_text(r, out);
	r->end = summary_end;
}

void reporter_text(struct reporter *r, FILE *out)
{
	memset(r, 0, sizeof *r);
	r->out = out;
	r->begin = text_begin;
	r->finding = text_finding;
	r->end = text_end;
	r->written = 0;
}
