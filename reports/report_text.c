#include "report_text.h"

#include "baseline.h"
#include "cells.h"
#include "fields.h"
#include "report_header.h"
#include "summary.h"
#include "times.h"
#include "waivers.h"

#include <inttypes.h>
#include <stddef.h>
#include <string.h>

/* "Trend      unapproved: 12 new, 28 recurring, 5 resolved", a line per
 * kind that has any. */
static void trend_lines(FILE *out, const struct report_info *info)
{
	const struct baseline *b = info->baseline;
	char x[32], y[32], z[32];
	int any = 0;
	if (!b)
		return;
	uint64_t wsum[2] = {0, 0};
	for (int k = 0; k < FIND_COUNT; k++) {
		uint64_t fresh, recurring, wnew, wrec;
		report_trend(info, k, &fresh, &recurring, &wnew, &wrec);
		wsum[0] += wnew, wsum[1] += wrec;
		if (!fresh && !recurring && !b->resolved[k])
			continue;
		fprintf(out, "%-10s %s: %s new, %s recurring, %s resolved\n", any++ ? "" : "Trend",
			finding_name((enum finding_kind)k), report_count(fresh, x, sizeof x),
			report_count(recurring, y, sizeof y),
			report_count(b->resolved[k], z, sizeof z));
	}
	if (!any)
		fprintf(out, "%-10s no findings, none in the baseline either\n", "Trend");
	/* the waived findings are not in the tables these head: apart */
	if (wsum[0] || wsum[1])
		fprintf(out, "%-10s waived (WAIVED below): %s new, %s recurring\n", "",
			report_count(wsum[0], x, sizeof x), report_count(wsum[1], y, sizeof y));
	putc('\n', out);
}

/* The baseline's (kind, person, job) that no finding matched. */
static void resolved_table(FILE *out, const struct report_info *info)
{
	const struct baseline *b = info->baseline;
	char n[32];
	if (!b || !b->ngone)
		return;
	fprintf(out, "RESOLVED (%s): in the baseline, no such finding now (same kind, person, job)\n",
		report_count(b->ngone, n, sizeof n));
	/* on a terminal, the job and the person cut to fit */
	const struct report_col cols[] = {{18, 18, 0}, {29, 6, 0}, {36, 8, 0}, {11, 11, 0}};
	int w[4];
	report_fit(cols, 4, 4, w);
	report_text_cell(out, "FINDING", w[0]);
	fputs("  ", out);
	report_text_cell(out, "JOB", w[1]);
	putc(' ', out);
	report_text_cell(out, "PERSON (UNIT)", w[2]);
	putc(' ', out);
	report_text_rcell(out, "IN BASELINE", w[3]);
	putc('\n', out);
	size_t limit = info->summary->limit;
	for (size_t i = 0; i < b->ngone && i < limit; i++) {
		const struct baseline_item *it = &b->items[b->gone[i]];
		report_text_cell(out, finding_name(it->kind), w[0]);
		fputs("  ", out);
		report_text_cell(out, it->job, w[1]);
		putc(' ', out);
		report_text_cell(out, it->person, w[2]);
		putc(' ', out);
		report_text_rcell(out, report_count(it->count, n, sizeof n), w[3]);
		putc('\n', out);
	}
	if (b->ngone > limit)
		fprintf(out, "and %s more\n", report_count(b->ngone - limit, n, sizeof n));
	putc('\n', out);
}


static void upper(FILE *out, const char *s)
{
	for (; *s; s++)
		putc(*s >= 'a' && *s <= 'z' ? *s - 32 : *s, out);
}

/* With --baseline, the first column of a finding's row: new or recurring. */
#define TREND_WIDTH 9
static void trend_cell(FILE *out, int trend, const char *text)
{
	if (trend) {
		/* "recurring" as "rec…" on a terminal too narrow for it */
		report_text_cell(out, text, report_width() && report_width() < 60 ? 4 : TREND_WIDTH);
		putc(' ', out);
	}
}

/* The width of the trend column and its gap (0 without a baseline). */
static int trend_width(int trend)
{
	return trend ? (report_width() && report_width() < 60 ? 4 : TREND_WIDTH) + 1 : 0;
}

static const char *trend_of(const struct summary_kept *e)
{
	return e->is_new ? "new" : "recurring";
}

/* The widest of the kept findings' texts at offset `at` of struct
 * summary_kept, at most most: a column's width on a terminal. */
static int widest(const struct summary_kept *kept, size_t n, size_t at, int most, int least)
{
	int w = least;
	for (size_t i = 0; i < n && w < most; i++) {
		int c = report_text_columns(*(char *const *)((const char *)&kept[i] + at));
		w = c > w ? c : w;
	}
	return w < most ? w : most;
}

/* The columns of a table of findings: run id, start, job, person, records,
 * status, why (the rest of the line). In a file as they have always been;
 * on a terminal as wide as what they hold, then cut to fit. */
static void finding_widths(const struct summary_kept *kept, size_t n, int trend, int *w)
{
	struct report_col cols[] = {{19, 19, 0}, {16, 16, 0}, {29, 6, 0}, {36, 8, 0}, {8, 8, 0}, {24, 6, 0}, {0, 10, 0}};
	/* records: as wide as the largest count shown, in a file too (a count
	 * is never cut) */
	for (size_t i = 0; i < n; i++) {
		char count[32];
		int len = kept[i].records >= 0
				  ? (int)strlen(report_count((uint64_t)kept[i].records, count, sizeof count))
				  : 0;
		if (len > cols[4].want)
			cols[4].want = cols[4].min = len;
	}
	if (report_width()) {
		int id = 6;
		for (size_t i = 0; i < n; i++) {
			char digits[24];
			int len = snprintf(digits, sizeof digits, "%" PRIu64, kept[i].id);
			id = len > id ? len : id;
		}
		cols[0].want = cols[0].min = id;
		cols[2].want = widest(kept, n, offsetof(struct summary_kept, job), 29, 3);
		cols[3].want = widest(kept, n, offsetof(struct summary_kept, person), 36, 13);
		cols[5].want = widest(kept, n, offsetof(struct summary_kept, status), 24, 6);
		/* why: cut with the others, not left the rest */
		cols[6].want = widest(kept, n, offsetof(struct summary_kept, detail), 1000, 3);
		for (int i = 2; i < 7; i++)
			cols[i].min = cols[i].min < cols[i].want ? cols[i].min : cols[i].want;
	}
	report_fit(cols, 7, 7 + trend_width(trend), w);
}

static void findings_table(FILE *out, const struct summary *s, enum finding_kind k, int trend)
{
	char n[32], when[32];
	int w[7];
	finding_widths(s->kept[k], s->nkept[k], trend, w);
	upper(out, finding_name(k));
	fprintf(out, " (%s): %s\n", report_count(s->kinds[k], n, sizeof n), finding_meaning(k));
	trend_cell(out, trend, "TREND");
	report_text_cell(out, "RUN ID", w[0]);
	putc(' ', out);
	report_text_cell(out, "START", w[1]);
	putc(' ', out);
	report_text_cell(out, "JOB", w[2]);
	putc(' ', out);
	report_text_cell(out, "PERSON (UNIT)", w[3]);
	putc(' ', out);
	report_text_rcell(out, "RECORDS", w[4]);
	fputs("  ", out);
	report_text_cell(out, "STATUS", w[5]);
	putc(' ', out);
	report_text_last(out, "WHY", w[6]);
	putc('\n', out);
	for (size_t i = 0; i < s->nkept[k]; i++) {
		const struct summary_kept *e = &s->kept[k][i];
		char id[24];
		times_format_local(e->time, when, sizeof when);
		snprintf(id, sizeof id, "%" PRIu64, e->id);
		trend_cell(out, trend, trend_of(e));
		report_text_cell(out, id, w[0]);
		putc(' ', out);
		report_text_cell(out, when, w[1]);
		putc(' ', out);
		report_text_cell(out, e->job, w[2]);
		putc(' ', out);
		report_text_cell(out, e->person, w[3]);
		putc(' ', out);
		report_text_rcell(out,
				  e->records >= 0 ? report_count((uint64_t)e->records, n, sizeof n) : "",
				  w[4]);
		fputs("  ", out);
		report_text_cell(out, e->status, w[5]);
		putc(' ', out);
		report_text_last(out, e->detail, w[6]);
		putc('\n', out);
	}
	if (s->kinds[k] > s->nkept[k])
		fprintf(out, "and %s more\n", report_count(s->kinds[k] - s->nkept[k], n, sizeof n));
	putc('\n', out);
}

/* The width of a count column: its heading's (at least 10), as in a file. */
static int count_want(const char *head)
{
	int w = (int)strlen(head);
	return w < 10 ? 10 : w;
}

/* The widths of a table of counts: a label column (lwant, cut to lmin on a
 * terminal), then n count columns (want[i] wide in a file; on a terminal
 * at least as wide as their largest count, max[i], their headings cut). */
static void count_fit(int lwant, int lmin, int n, const int *want, const uint64_t *max, int *w)
{
	struct report_col cols[3 + FIND_COUNT];
	char digits[32];
	cols[0] = (struct report_col){lwant, lmin, 0};
	for (int i = 0; i < n; i++) {
		int least = (int)strlen(report_count(max[i], digits, sizeof digits));
		least = least < 5 ? 5 : least;
		cols[i + 1] = (struct report_col){want[i], least < want[i] ? least : want[i], 1};
	}
	report_fit(cols, n + 1, n, w);
}

/* A count column's heading ("UNAPPROVED"), cut to its width. */
static void count_head(FILE *out, const char *name, int width)
{
	char up[64];
	size_t i = 0;
	for (; name[i] && i + 1 < sizeof up; i++)
		up[i] = name[i] >= 'a' && name[i] <= 'z' ? (char)(name[i] - 32) : name[i];
	up[i] = '\0';
	putc(' ', out);
	report_text_rcell(out, up, width);
}

static void table_row(FILE *out, const struct summary_row *row, const int *w)
{
	char n[32];
	report_text_cell(out, row->label, w[0]);
	putc(' ', out);
	report_text_rcell(out, report_count(row->runs, n, sizeof n), w[1]);
	for (int k = 0; k < FIND_COUNT; k++) {
		putc(' ', out);
		report_text_rcell(out, report_count(row->count[k], n, sizeof n), w[2 + k]);
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
	int want[1 + FIND_COUNT], w[2 + FIND_COUNT];
	uint64_t max[1 + FIND_COUNT] = {0};
	want[0] = 18;
	for (int k = 0; k < FIND_COUNT; k++)
		want[1 + k] = count_want(finding_name((enum finding_kind)k));
	for (size_t i = 0; i <= n && i <= limit; i++) {
		const struct summary_row *r = i < n && i < limit ? &rows[i] : others;
		if (!r)
			continue;
		max[0] = r->runs > max[0] ? r->runs : max[0];
		for (int k = 0; k < FIND_COUNT; k++)
			max[1 + k] = r->count[k] > max[1 + k] ? r->count[k] : max[1 + k];
	}
	count_fit(40, 10, 1 + FIND_COUNT, want, max, w);
	/* the runs counted are the runs with findings shown, not all runs */
	report_text_cell(out, title, w[0]);
	count_head(out, "RUNS WITH FINDINGS", w[1]);
	for (int k = 0; k < FIND_COUNT; k++)
		count_head(out, finding_name((enum finding_kind)k), w[2 + k]);
	putc('\n', out);
	for (size_t i = 0; i < n && i < limit; i++)
		table_row(out, &rows[i], w);
	if (n > limit)
		fprintf(out, "and %s more\n", report_count(n - limit, c, sizeof c));
	if (others && summary_folded(others)) {
		char note[256];
		table_row(out, others, w);
		summary_others_note(note, sizeof note, s, others);
		fprintf(out, "%s\n", note);
	}
	putc('\n', out);
}

/* The month table, when the period spans two months or more: each month
 * of it, those without runs as zeros (a long stretch of them as one line). */
static void month_table(FILE *out, const struct report_info *info)
{
	const struct summary *s = info->summary;
	int64_t first, last;
	char name[16], until[16], c[32];
	if (!summary_month_span(s, info->period, &first, &last))
		return;
	int want[2 + FIND_COUNT] = {14, 18}, w[3 + FIND_COUNT];
	uint64_t max[2 + FIND_COUNT] = {0};
	for (int k = 0; k < FIND_COUNT; k++)
		want[2 + k] = count_want(finding_name((enum finding_kind)k));
	for (size_t i = 0; i < s->nmonths; i++) {
		const struct summary_month *e = &s->months[i];
		max[0] = e->runs > max[0] ? e->runs : max[0];
		max[1] = e->flagged > max[1] ? e->flagged : max[1];
		for (int k = 0; k < FIND_COUNT; k++)
			max[2 + k] = e->count[k] > max[2 + k] ? e->count[k] : max[2 + k];
	}
	count_fit(10, 10, 2 + FIND_COUNT, want, max, w);
	report_text_cell(out, "BY MONTH", w[0]);
	count_head(out, "RUNS AUDITED", w[1]);
	count_head(out, "RUNS WITH FINDINGS", w[2]);
	for (int k = 0; k < FIND_COUNT; k++)
		count_head(out, finding_name((enum finding_kind)k), w[3 + k]);
	putc('\n', out);
	uint64_t empty = 0;
	struct summary_month_row row;
	for (int64_t at = first; summary_month_next(s, &at, last, &row);) {
		const struct summary_month *e = row.e;
		summary_month_name(row.first, name, sizeof name);
		if (row.last > row.first) {
			empty += (uint64_t)(row.last - row.first + 1);
			fprintf(out, "%s to %s: no runs audited (%s months)\n", name,
				summary_month_name(row.last, until, sizeof until),
				report_count((uint64_t)(row.last - row.first + 1), c, sizeof c));
			continue;
		}
		empty += !e || !e->runs;
		report_text_cell(out, name, w[0]);
		putc(' ', out);
		report_text_rcell(out, report_count(e ? e->runs : 0, c, sizeof c), w[1]);
		putc(' ', out);
		report_text_rcell(out, report_count(e ? e->flagged : 0, c, sizeof c), w[2]);
		for (int k = 0; k < FIND_COUNT; k++) {
			putc(' ', out);
			report_text_rcell(out, report_count(e ? e->count[k] : 0, c, sizeof c), w[3 + k]);
		}
		putc('\n', out);
	}
	if (empty)
		fprintf(out, "%s %s no runs audited: the inputs hold none from %s.\n",
			report_count(empty, c, sizeof c), empty == 1 ? "month has" : "months have",
			empty == 1 ? "it" : "them");
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

/* "11 unapproved, 2 unlisted-job": the non-zero counts by kind. */
static void kinds_line(FILE *out, const uint64_t *counts)
{
	char n[32];
	for (int k = 0, any = 0; k < FIND_COUNT; k++)
		if (counts[k])
			fprintf(out, "%s%s %s", any++ ? ", " : "", report_count(counts[k], n, sizeof n),
				finding_name((enum finding_kind)k));
}

static uint64_t waived_total(const struct summary *s)
{
	uint64_t n = 0;
	for (int k = 0; k < FIND_COUNT; k++)
		n += s->waived[k];
	return n;
}

/* One waiver on a line: "waivers.csv:4  until 2026-09-30  LTS-4410  reason". */
static void waiver_line(FILE *out, const struct waivers *w, const struct waiver *wv, int width)
{
	char until[16], cite[300];
	times_format_day(wv->until, until, sizeof until);
	snprintf(cite, sizeof cite, "%s:%ld", w->name, wv->line);
	fprintf(out, "%-*s  until %s  ", width, cite, until);
	report_text_cell(out, wv->ticket, 0);
	fputs("  ", out);
	report_text_cell(out, wv->reason, 0);
	putc('\n', out);
}

/* The waived findings, each with its waiver's file:line, ticket and reason;
 * then the waivers past their until, and those that covered nothing, so
 * that the file does not rot. */
static void waived_section(FILE *out, const struct report_info *info)
{
	const struct summary *s = info->summary;
	const struct waivers *w = info->rules ? info->rules->waivers : NULL;
	uint64_t total = waived_total(s);
	char n[32], when[32], cite[300];
	if (!w || !w->n)
		return;
	if (total) {
		int wcite = 6, wticket = 6;
		for (size_t i = 0; i < s->nwaived_kept; i++) {
			const struct waiver *wv = &w->w[s->waived_kept[i].waiver];
			int c = snprintf(cite, sizeof cite, "%s:%ld", w->name, wv->line);
			int t = (int)strlen(wv->ticket);
			wcite = c > wcite ? c : wcite;
			wticket = t > wticket ? (t < 24 ? t : 24) : wticket;
		}
		fprintf(out, "WAIVED (%s): findings an accepted exception covers (%s), not counted above\n",
			report_count(total, n, sizeof n), w->name);
		/* on a terminal the job, person, ticket and reason cut to fit */
		int trend = info->baseline != NULL, fw[7];
		finding_widths(s->waived_kept, s->nwaived_kept, trend, fw);
		const struct report_col cols[] = {{fw[0], fw[0], 0}, {16, 16, 0}, {18, 18, 0}, {fw[2], fw[2] < 6 ? fw[2] : 6, 0},
						  {fw[3], fw[3] < 8 ? fw[3] : 8, 0}, {wcite, wcite, 0},
						  {wticket, wticket < 6 ? wticket : 6, 0}, {0, 10, 0}};
		int cw[8];
		report_fit(cols, 8, 7 + trend_width(trend), cw);
		trend_cell(out, trend, "TREND");
		report_text_cell(out, "RUN ID", cw[0]);
		putc(' ', out);
		report_text_cell(out, "START", cw[1]);
		putc(' ', out);
		report_text_cell(out, "FINDING", cw[2]);
		putc(' ', out);
		report_text_cell(out, "JOB", cw[3]);
		putc(' ', out);
		report_text_cell(out, "PERSON (UNIT)", cw[4]);
		putc(' ', out);
		report_text_cell(out, "WAIVER", cw[5]);
		putc(' ', out);
		report_text_cell(out, "TICKET", cw[6]);
		fputs(" REASON\n", out);
		for (size_t i = 0; i < s->nwaived_kept; i++) {
			const struct summary_kept *e = &s->waived_kept[i];
			const struct waiver *wv = &w->w[e->waiver];
			times_format_local(e->time, when, sizeof when);
			trend_cell(out, trend, trend_of(e));
			char id[24];
			snprintf(id, sizeof id, "%" PRIu64, e->id);
			report_text_cell(out, id, cw[0]);
			putc(' ', out);
			report_text_cell(out, when, cw[1]);
			putc(' ', out);
			report_text_cell(out, finding_name((enum finding_kind)e->kind), cw[2]);
			putc(' ', out);
			report_text_cell(out, e->job, cw[3]);
			putc(' ', out);
			report_text_cell(out, e->person, cw[4]);
			snprintf(cite, sizeof cite, "%s:%ld", w->name, wv->line);
			putc(' ', out);
			report_text_cell(out, cite, cw[5]);
			putc(' ', out);
			report_text_cell(out, wv->ticket, cw[6]);
			putc(' ', out);
			report_text_last(out, wv->reason, cw[7]);
			putc('\n', out);
		}
		if (total > s->nwaived_kept)
			fprintf(out, "and %s more\n", report_count(total - s->nwaived_kept, n, sizeof n));
		putc('\n', out);
	}
	size_t expired = 0, unused = 0;
	int width = 0;
	for (size_t i = 0; i < w->n; i++) {
		int c = snprintf(cite, sizeof cite, "%s:%ld", w->name, w->w[i].line);
		width = c > width ? c : width;
		expired += waivers_expired(&w->w[i], info->today) != 0;
		unused += summary_covered(s, i) == 0;
	}
	if (expired) {
		fprintf(out, "EXPIRED WAIVERS (%s): past their until: renew or remove them\n",
			report_count(expired, n, sizeof n));
		for (size_t i = 0; i < w->n; i++)
			if (waivers_expired(&w->w[i], info->today))
				waiver_line(out, w, &w->w[i], width);
		putc('\n', out);
	}
	if (unused) {
		/* a unit's report (--split) counts them over the whole audit */
		fprintf(out, "WAIVERS THAT COVERED NOTHING (%s): no finding of %s matched them\n",
			report_count(unused, n, sizeof n), info->unit ? "the whole audit" : "this report");
		for (size_t i = 0; i < w->n; i++)
			if (!summary_covered(s, i))
				waiver_line(out, w, &w->w[i], width);
		putc('\n', out);
	}
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

	report_header_write(out, info);
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
	putc('\n', out);
	if (waived_total(s)) {
		/* waived findings count apart: not runs with findings, not exit 1 */
		uint64_t total = waived_total(s);
		fprintf(out, "Waived     %s %s: ", report_count(total, n, sizeof n),
			total == 1 ? "finding" : "findings");
		kinds_line(out, s->waived);
		fputs(" (under WAIVED below)\n", out);
	}
	fputs(info->baseline ? "" : "\n", out);
	trend_lines(out, info);
	if (!s->runs && !s->failed) {
		month_table(out, info);
		resolved_table(out, info);
		waived_section(out, info);
		return;
	}
	short_tables(out, s);
	month_table(out, info);
	if (!s->runs) {
		resolved_table(out, info);
		waived_section(out, info);
		return;
	}
	for (int k = 0; k < FIND_COUNT; k++)
		if (s->kinds[k])
			findings_table(out, s, (enum finding_kind)k, info->baseline != NULL);
	resolved_table(out, info);
	summary_table(out, "BY PERSON", s, s->people, s->npeople, &s->people_others);
	summary_table(out, "BY JOB", s, s->jobs, s->njobs, &s->jobs_others);
	waived_section(out, info);
}

/* The short report's word on waivers: what they covered, and those that
 * expired or covered nothing, cited at file:line. */
static void summary_waivers(FILE *out, const struct report_info *info)
{
	const struct summary *s = info->summary;
	const struct waivers *w = info->rules ? info->rules->waivers : NULL;
	char n[32];
	if (!w || !w->n)
		return;
	if (waived_total(s)) {
		fprintf(out, "Waived: %s %s, not among the runs with findings (", report_count(waived_total(s), n, sizeof n),
			waived_total(s) == 1 ? "finding" : "findings");
		kinds_line(out, s->waived);
		fputs(")\n", out);
	}
	for (int pass = 0; pass < 2; pass++) {
		int any = 0;
		for (size_t i = 0; i < w->n; i++) {
			if (pass ? summary_covered(s, i) != 0 : !waivers_expired(&w->w[i], info->today))
				continue;
			fprintf(out, "%s%s:%ld", any++ ? ", " : pass ? "Waivers that covered nothing: "
								  : "Waivers expired: ",
				w->name, w->w[i].line);
		}
		if (any)
			putc('\n', out);
	}
}

void report_text_summary(FILE *out, const struct report_info *info)
{
	const struct summary *s = info->summary;
	char n[32];

	report_header_brief(out, info);
	summary_waivers(out, info);
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
			fprintf(out, ", and %s more", report_count(tops[i].n - 5, n, sizeof n));
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
