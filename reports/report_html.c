/* The audit's html page and the email's html part: see report_html.h. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "report_html.h"

#include "report_html_read.h"

#include "baseline.h"
#include "cells.h"
#include "fields.h"
#include "filter.h"
#include "html.h"
#include "html_chart.h"
#include "html_inline.h"
#include "times.h"
#include "waivers.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define E(s) report_html_escape(out, (s))
#define T(s) report_html_text(out, (s)) /* a table cell's text */

const char report_html_style[] =
	"<style>\n"
	"body{font:14px/1.45 \"DejaVu Sans\",\"Segoe UI\",Arial,sans-serif;color:#1b1b1b;"
	"max-width:1120px;margin:1.5em auto;padding:0 1em}\n"
	"h1{font-size:1.55em;margin:0 0 .15em}h2{font-size:1.2em;margin:1.6em 0 .4em;"
	"border-bottom:2px solid #1b1b1b;padding-bottom:.15em}h3{font-size:1.02em;margin:1.2em 0 .3em}\n"
	".sub{color:#555;margin:0 0 1em}\n"
	".incomplete{background:#fdecea;border:1px solid #c0392b;padding:.5em 1em;font-weight:600}\n"
	".incomplete p,.incomplete ul{margin:.2em 0}.incomplete li{font-weight:400}\n"
	"table{border-collapse:collapse;width:100%;margin:.3em 0 1em;font-size:.93em}\n"
	"th,td{border-bottom:1px solid #ddd;padding:.22em .45em;text-align:left;vertical-align:top}\n"
	"th{background:#f2f3f5;font-weight:600}td.n,th.n{text-align:right;"
	"font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"td small{color:#555}td.id{font-family:\"DejaVu Sans Mono\",monospace;font-size:.92em;white-space:nowrap}\n"
	".facts th{width:9em;background:none}\n"
	".cards{display:flex;flex-wrap:wrap;gap:.8em;margin:.5em 0}\n"
	".card{border:1px solid #ccc;border-left-width:6px;border-radius:4px;padding:.4em .9em;"
	"min-width:11em}.card b{display:block;font-size:1.7em;line-height:1.2}\n"
	".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1em}\n"
	"figure{margin:0;border:1px solid #e3e3e3;border-radius:4px;padding:.6em}\n"
	"figcaption{font-weight:600;margin-bottom:.3em}svg{width:100%;height:auto}\n"
	".more{color:#555;font-style:italic}footer{margin-top:2em;color:#777;font-size:.85em}\n"
	"td.tnew{color:#a93226;font-weight:600}td.trec{color:#555}\n"
	".note{background:#eef4fb;border:1px solid #9dbbd8;padding:.4em .8em}\n"
	"@media print{body{max-width:none;margin:0;font-size:10.5px}"
	".charts{grid-template-columns:1fr 1fr}figure,tr,.card{break-inside:avoid}"
	"h2{break-after:avoid}}\n"
	"</style>\n";

/* The counts by kind as cards: a table of three a row for mail readers. */
static void mail_cards(FILE *out, const struct summary *s)
{
	fputs("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"8\" "
	      "style=\"border-collapse:separate;margin:0 0 6px -8px;width:auto\"><tr style=\"border:0\">",
	      out);
	for (int k = -1; k < FIND_COUNT; k++) {
		if (k == 2)
			fputs("</tr>\n<tr style=\"border:0\">", out);
		fprintf(out,
			"<td width=\"170\" style=\"width:170px;border:1px solid #ccc;border-left:6px solid "
			"%s;padding:5px 10px\"><b style=\"display:block;font-size:24px;line-height:1.2\">",
			k < 0 ? "#1b1b1b" : html_kind_color[k]);
		html_count(out, k < 0 ? s->runs : s->kinds[k]);
		fprintf(out, "</b>%s</td>",
			k < 0 ? (s->runs == 1 ? "run with findings" : "runs with findings")
			      : finding_name((enum finding_kind)k));
	}
	fputs("</tr></table>\n", out);
}

/* ---- tables ---- */

/* With --baseline, a finding's first cell: new or recurring. */
static void trend_cell(FILE *out, const struct summary_kept *e, int trend, int head)
{
	if (!trend)
		return;
	if (head)
		fputs("<th>Trend</th>", out);
	else
		fprintf(out, "<td class=\"%s\">%s</td>", e->is_new ? "tnew" : "trec",
			e->is_new ? "new" : "recurring");
}

/* "and 12 more (all of them: --format csv)", or in the email "... in the
 * attached NAME". */
static void more(FILE *out, uint64_t n, const char *attached)
{
	fputs("<p class=\"more\">and ", out);
	html_count(out, n);
	if (attached) {
		fputs(" more (all of them in the attached ", out);
		E(attached);
		fputs(")</p>\n", out);
	} else {
		fputs(" more (all of them: --format csv)</p>\n", out);
	}
}

/* "and 390 more (all of them in the message's plain-text part)": the rows
 * of a list that is not of findings that the email's html part leaves out
 * (the text part lists them all). */
static void more_in_text(FILE *out, uint64_t n)
{
	fputs("<p class=\"more\">and ", out);
	html_count(out, n);
	fputs(" more (all of them in the message&#39;s plain-text part)</p>\n", out);
}

static void findings_table(FILE *out, const struct summary *s, enum finding_kind k, int trend,
			   const char *attached)
{
	char when[32];
	fprintf(out, "<h3 id=\"%s\" style=\"color:%s\">", finding_name(k), html_kind_color[k]);
	fputs(finding_name(k), out);
	fputs(" (", out);
	html_count(out, s->kinds[k]);
	fprintf(out, ")</h3>\n<p>%s.</p>\n", finding_meaning(k));
	fputs("<table><thead><tr>", out);
	trend_cell(out, NULL, trend, 1);
	fputs("<th>Run id</th><th>Start</th><th>Job</th><th>Person (unit)</th>"
	      "<th class=\"n\">Records</th><th>Set</th><th>Status</th><th>Why</th></tr></thead>"
	      "<tbody>\n",
	      out);
	for (size_t i = 0; i < s->nkept[k]; i++) {
		const struct summary_kept *e = &s->kept[k][i];
		times_format_local(e->time, when, sizeof when);
		fputs("<tr>", out);
		trend_cell(out, e, trend, 0);
		fprintf(out, "<td class=\"id\">%" PRIu64 "</td><td>%s</td><td>", e->id, when);
		T(e->job);
		fputs("<br><small>", out);
		T(e->name);
		fputs("</small></td><td>", out);
		T(e->person);
		fputs("</td><td class=\"n\">", out);
		if (e->records >= 0)
			html_count(out, (uint64_t)e->records);
		fputs("</td><td>", out);
		T(e->set);
		fputs("</td><td>", out);
		T(e->status);
		fputs("</td><td>", out);
		T(e->detail);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (s->kinds[k] > s->nkept[k])
		more(out, s->kinds[k] - s->nkept[k], attached);
}

static void table_row(FILE *out, const struct summary_row *row)
{
	fputs("<tr><td>", out);
	T(row->label);
	fputs("</td><td class=\"n\">", out);
	html_count(out, row->runs);
	for (int k = 0; k < FIND_COUNT; k++) {
		fputs("</td><td class=\"n\">", out);
		html_count(out, row->count[k]);
	}
	fputs("</td></tr>\n", out);
}

/* The first --limit rows, then the others row (labels past the summary's
 * bound) when it counts anything, then "and N more" for the kept rows not
 * shown. */
static void summary_table(FILE *out, const char *title, const char *what, const struct summary *s,
			  const struct summary_row *rows, size_t n, const struct summary_row *others)
{
	size_t limit = s->limit;
	fprintf(out,
		"<h3>%s</h3>\n<table><thead><tr><th>%s</th><th class=\"n\">Runs with findings</th>",
		title, what);
	for (int k = 0; k < FIND_COUNT; k++)
		fprintf(out, "<th class=\"n\">%s</th>", finding_name((enum finding_kind)k));
	fputs("</tr></thead><tbody>\n", out);
	for (size_t i = 0; i < n && i < limit; i++)
		table_row(out, &rows[i]);
	int folded = others && summary_folded(others);
	if (folded)
		table_row(out, others);
	fputs("</tbody></table>\n", out);
	if (n > limit) {
		fputs("<p class=\"more\">and ", out);
		html_count(out, n - limit);
		fputs(" more</p>\n", out);
	}
	if (folded) {
		char note[256];
		summary_others_note(note, sizeof note, s, others);
		fputs("<p class=\"more\">", out);
		E(note);
		fputs("</p>\n", out);
	}
}

/* A waiver's row in the lists of waivers expired and of those that covered
 * nothing: where, until, ticket, reason. */
static void waiver_row(FILE *out, const struct waivers *w, const struct waiver *wv)
{
	char until[16];
	times_format_day(wv->until, until, sizeof until);
	fputs("<tr><td>", out);
	T(w->name);
	fprintf(out, ":%ld</td><td>%s</td><td>", wv->line, until);
	T(wv->ticket);
	fputs("</td><td>", out);
	T(wv->reason);
	fputs("</td></tr>\n", out);
}

/* The waived findings with their waivers, then the waivers expired and
 * those that covered nothing. */
static void waived_section(FILE *out, const struct report_info *info)
{
	const struct summary *s = info->summary;
	const struct waivers *w = info->rules ? info->rules->waivers : NULL;
	char when[32];
	uint64_t total = 0;
	if (!w || !w->n)
		return;
	for (int k = 0; k < FIND_COUNT; k++)
		total += s->waived[k];
	char count[64];
	fputs("<h2 id=\"waived\">Waived</h2>\n<p>", out);
	fputs(report_count_of(total, "finding", "findings", count, sizeof count), out);
	fputs(" covered by an accepted exception (", out);
	E(w->path);
	fputs("): not among the runs with findings above.</p>\n", out);
	if (total) {
		int t = info->baseline != NULL;
		fputs("<table><thead><tr>", out);
		trend_cell(out, NULL, t, 1);
		fputs("<th>Run id</th><th>Start</th><th>Finding</th><th>Job</th>"
		      "<th>Person (unit)</th><th>Waiver</th><th>Ticket</th><th>Reason</th></tr></thead>"
		      "<tbody>\n",
		      out);
		for (size_t i = 0; i < s->nwaived_kept; i++) {
			const struct summary_kept *e = &s->waived_kept[i];
			const struct waiver *wv = &w->w[e->waiver];
			times_format_local(e->time, when, sizeof when);
			fputs("<tr>", out);
			trend_cell(out, e, t, 0);
			fprintf(out, "<td class=\"id\">%" PRIu64 "</td><td>%s</td><td>%s</td><td>",
				e->id, when, finding_name((enum finding_kind)e->kind));
			T(e->job);
			fputs("</td><td>", out);
			T(e->person);
			fputs("</td><td>", out);
			T(w->name);
			fprintf(out, ":%ld</td><td>", wv->line);
			T(wv->ticket);
			fputs("</td><td>", out);
			T(wv->reason);
			fputs("</td></tr>\n", out);
		}
		fputs("</tbody></table>\n", out);
		if (total > s->nwaived_kept)
			more(out, total - s->nwaived_kept, info->attachment);
	}
	for (int pass = 0; pass < 2; pass++) {
		size_t n = 0, shown = 0;
		for (size_t i = 0; i < w->n; i++)
			n += pass ? summary_covered(s, i) == 0 : waivers_expired(&w->w[i], info->today);
		if (!n)
			continue;
		fprintf(out, "<h3>%s (", pass ? "Waivers that covered nothing"
					      : "Expired waivers: renew or remove them");
		html_count(out, n);
		fputs(")</h3>\n<table><thead><tr><th>Waiver</th><th>Until</th><th>Ticket</th>"
		      "<th>Reason</th></tr></thead><tbody>\n",
		      out);
		/* the email's html part: the first list_rows of them */
		for (size_t i = 0; i < w->n && (!info->list_rows || shown < info->list_rows); i++)
			if (pass ? summary_covered(s, i) == 0 : waivers_expired(&w->w[i], info->today)) {
				waiver_row(out, w, &w->w[i]);
				shown++;
			}
		fputs("</tbody></table>\n", out);
		if (n > shown)
			more_in_text(out, n - shown);
	}
}

/* The trend against --baseline: the baseline named, what to read with
 * care, and per kind its new, recurring and resolved as badges. Inline
 * styles only, so that a mail reader keeps them. */
static const char warn_style[] =
	"background:#fdecea;border:1px solid #c0392b;padding:.4em .8em;font-weight:600";

static void badge(FILE *out, const char *bg, const char *fg, uint64_t n, const char *what)
{
	fprintf(out,
		"<span style=\"display:inline-block;padding:.05em .6em;margin:0 .3em .2em 0;"
		"border-radius:.8em;background:%s;color:%s;font-weight:600;white-space:nowrap\">",
		bg, fg);
	html_count(out, n);
	fprintf(out, " %s</span>", what);
}

static void trend(FILE *out, const struct report_info *info)
{
	const struct baseline *b = info->baseline;
	char period[96], text[512];
	if (!b)
		return;
	period_text(&b->period, period, sizeof period);
	fputs("<h2 id=\"trend\">Since the baseline</h2>\n<p>Baseline <b>", out);
	E(b->path);
	fputs("</b>: ", out);
	E(period);
	fputs(", ", out);
	html_count(out, b->findings);
	fputs(b->findings == 1 ? " finding" : " findings", out);
	if (b->filtered) {
		fputs(" (", out);
		html_count(out, b->filtered);
		fputs(" not shown by this report&#39;s filters)", out);
	}
	fputs(".</p>\n", out);
	if (b->other_rules) {
		baseline_rules_text(b, text, sizeof text);
		fputs("<p>Note: ", out);
		E(text);
		fputs(".</p>\n", out);
	}
	if (b->not_before) {
		baseline_period_warning(b, info->period, text, sizeof text);
		fprintf(out, "<p style=\"%s\">WARNING: ", warn_style);
		E(text);
		fputs(".</p>\n", out);
	}
	if (b->incomplete) {
		fprintf(out, "<p style=\"%s\">WARNING: ", warn_style);
		E(baseline_incomplete_text(b));
		fputs(".</p>\n", out);
	}
	if (b->hidden) {
		char n[48];
		fprintf(out, "<p style=\"%s\">WARNING: the baseline report&#39;s filters hid %s with "
			     "findings: those count as new.</p>\n",
			warn_style, report_count_of(b->hidden, "run", "runs", n, sizeof n));
	}
	fputs("<table style=\"border-collapse:collapse\"><tbody>\n", out);
	int any = 0;
	uint64_t wsum[2] = {0, 0};
	for (int k = 0; k < FIND_COUNT; k++) {
		uint64_t fresh, recurring, wnew, wrec;
		report_trend(info, k, &fresh, &recurring, &wnew, &wrec);
		wsum[0] += wnew, wsum[1] += wrec;
		if (!fresh && !recurring && !b->resolved[k])
			continue;
		any = 1;
		fprintf(out,
			"<tr><td style=\"padding:.2em .8em .2em 0;font-weight:600;color:%s\">%s</td>"
			"<td style=\"padding:.2em 0\">",
			html_kind_color[k], finding_name((enum finding_kind)k));
		badge(out, "#fdecea", "#a93226", fresh, "new");
		badge(out, "#eef0f2", "#444444", recurring, "recurring");
		badge(out, "#e6f4ea", "#1e7b34", b->resolved[k], "resolved");
		fputs("</td></tr>\n", out);
	}
	if (!any)
		fputs("<tr><td>No findings, none in the baseline either.</td></tr>\n", out);
	/* the waived findings are not in the tables these head: apart */
	if (wsum[0] || wsum[1]) {
		fputs("<tr><td style=\"padding:.2em .8em .2em 0;font-weight:600;color:#777777\">"
		      "<a href=\"#waived\">waived</a></td><td style=\"padding:.2em 0\">",
		      out);
		badge(out, "#fdecea", "#a93226", wsum[0], "new");
		badge(out, "#eef0f2", "#444444", wsum[1], "recurring");
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

/* The baseline's (kind, person, job) that no finding matched now. */
static void resolved(FILE *out, const struct report_info *info)
{
	const struct baseline *b = info->baseline;
	const char *th = "text-align:left;background:#f2f3f5;padding:.22em .45em",
		   *td = "border-bottom:1px solid #ddd;padding:.22em .45em";
	if (!b || !b->ngone)
		return;
	fputs("<h3 id=\"resolved\" style=\"color:#1e7b34\">resolved (", out);
	html_count(out, b->ngone);
	fputs(")</h3>\n<p>In the baseline, no such finding now (the same kind for the same "
	      "person and job).</p>\n",
	      out);
	fprintf(out,
		"<table style=\"border-collapse:collapse;width:100%%\"><thead><tr>"
		"<th style=\"%s\">Finding</th><th style=\"%s\">Job</th>"
		"<th style=\"%s\">Person (unit)</th><th style=\"%s;text-align:right\">In the "
		"baseline</th></tr></thead><tbody>\n",
		th, th, th, th);
	size_t limit = info->summary->limit;
	for (size_t i = 0; i < b->ngone && i < limit; i++) {
		const struct baseline_item *it = &b->items[b->gone[i]];
		fprintf(out, "<tr><td style=\"%s;color:%s\">%s</td><td style=\"%s\">", td,
			html_kind_color[it->kind], finding_name(it->kind), td);
		T(it->job);
		fprintf(out, "</td><td style=\"%s\">", td);
		T(it->person);
		fprintf(out, "</td><td style=\"%s;text-align:right\">", td);
		html_count(out, it->count);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (b->ngone > limit) {
		fputs("<p style=\"color:#555;font-style:italic\">and ", out);
		html_count(out, b->ngone - limit);
		fputs(" more (all of them: --format json)</p>\n", out);
	}
}

/* A year at a glance: when the period spans two months or more, a chart of
 * the findings per month and the month table (runs audited, runs with
 * findings, findings by kind). */
static void months(FILE *out, const struct report_info *info, int mail)
{
	const struct summary *s = info->summary;
	int64_t first, last;
	if (!summary_month_span(s, info->period, &first, &last))
		return;
	fputs("<h2>Month by month</h2>\n", out);
	if (mail) {
		html_chart_months(out, s, first, last, 1);
	} else {
		/* as wide as the charts above: a grid that keeps its second column */
		fputs("<div class=\"charts\" style=\"grid-template-columns:repeat(auto-fill,"
		      "minmax(480px,1fr))\">\n<figure><figcaption>Findings by month</figcaption>\n",
		      out);
		html_chart_months(out, s, first, last, 0);
		fputs("</figure>\n</div>\n", out);
	}
	fputs("<table><thead><tr><th>Month</th><th class=\"n\">Runs audited</th>"
	      "<th class=\"n\">Runs with findings</th>",
	      out);
	for (int k = 0; k < FIND_COUNT; k++)
		fprintf(out, "<th class=\"n\">%s</th>", finding_name((enum finding_kind)k));
	fputs("</tr></thead><tbody>\n", out);
	uint64_t empty = 0;
	size_t rows = 0, left = 0;
	struct summary_month_row row;
	char name[16], until[16];
	for (int64_t at = first; summary_month_next(s, &at, last, &row);) {
		/* the email's html part: the first list_rows rows */
		if (info->list_rows && rows++ >= info->list_rows) {
			left++;
			continue;
		}
		const struct summary_month *e = row.e;
		summary_month_name(row.first, name, sizeof name);
		if (row.last > row.first) {
			empty += (uint64_t)(row.last - row.first + 1);
			fprintf(out, "<tr><td>%s to %s</td><td colspan=\"%d\">no runs audited (", name,
				summary_month_name(row.last, until, sizeof until), FIND_COUNT + 2);
			html_count(out, (uint64_t)(row.last - row.first + 1));
			fputs(" months)</td></tr>\n", out);
			continue;
		}
		empty += !e || !e->runs;
		fprintf(out, "<tr><td>%s</td><td class=\"n\">", name);
		html_count(out, e ? e->runs : 0);
		fputs("</td><td class=\"n\">", out);
		html_count(out, e ? e->flagged : 0);
		for (int k = 0; k < FIND_COUNT; k++) {
			fputs("</td><td class=\"n\">", out);
			html_count(out, e ? e->count[k] : 0);
		}
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (left)
		more_in_text(out, left);
	if (empty) {
		fputs("<p class=\"more\">", out);
		html_count(out, empty);
		fprintf(out, " %s no runs audited: the inputs hold none from %s.</p>\n",
			empty == 1 ? "month has" : "months have", empty == 1 ? "it" : "them");
	}
}

/* The page; mail: the email's html part (no style sheet, no SVG: the
 * cards and charts as tables with inline styles; report_html_mail inlines
 * the rest). */
static void page(FILE *out, const struct report_info *info, int mail)
{
	const struct summary *s = info->summary;
	char period[96];

	period_text(info->period, period, sizeof period);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>Alma job audit: ",
	      out);
	E(period);
	fputs("</title>\n", out);
	if (!mail)
		fputs(report_html_style, out);
	fputs("</head>\n<body>\n<h1>Alma job audit</h1>\n<p class=\"sub\">", out);
	E(period);
	fputs(", ", out);
	E(times_zone_name());
	fputs("</p>\n", out);
	if (mail && info->mail_note) {
		/* the findings not attached: an error, shown as one */
		fputs(strncmp(info->mail_note, "ERROR:", 6) ? "<p class=\"note\">"
							     : "<p class=\"incomplete\">",
		      out);
		E(info->mail_note);
		fputs("</p>\n", out);
	}
	if (info->tally->incomplete)
		report_html_incomplete(out, info->tally, info->list_rows);
	char miss[512];
	size_t misses = 0;
	for (; filter_miss(info->filter, info->rules, misses, miss, sizeof miss); misses++) {
		fputs("<p class=\"incomplete\">ERROR: ", out);
		E(miss);
		fputs("</p>\n", out);
	}
	if (misses)
		fputs("<p class=\"incomplete\">Nothing below answers for those values: this report "
		      "is no all-clear.</p>\n",
		      out);
	report_html_notes(out, info->tally);

	fputs("<h2>Findings</h2>\n", out);
	uint64_t waived = 0;
	for (int k = 0; k < FIND_COUNT; k++)
		waived += s->waived[k];
	if (mail) {
		mail_cards(out, s);
	} else {
		fputs("<div class=\"cards\">\n", out);
		fprintf(out, "<div class=\"card\" style=\"border-left-color:#1b1b1b\"><b>");
		html_count(out, s->runs);
		fputs(s->runs == 1 ? "</b>run with findings</div>\n" : "</b>runs with findings</div>\n",
		      out);
		if (waived) {
			fputs("<div class=\"card\" style=\"border-left-color:#999\"><b>", out);
			html_count(out, waived);
			fputs("</b><a href=\"#waived\">waived</a></div>\n", out);
		}
		for (int k = 0; k < FIND_COUNT; k++) {
			fprintf(out, "<div class=\"card\" style=\"border-left-color:%s\"><b>", html_kind_color[k]);
			html_count(out, s->kinds[k]);
			fprintf(out, "</b><a href=\"#%s\">%s</a></div>\n", finding_name((enum finding_kind)k),
				finding_name((enum finding_kind)k));
		}
		fputs("</div>\n", out);
	}
	if (info->hidden) {
		char n[48];
		fprintf(out, "<p class=\"more\">%s more with findings not shown: filters.</p>\n",
			report_count_of(info->hidden, "run", "runs", n, sizeof n));
	}
	if (s->failed)
		fputs("<p class=\"incomplete\">OUT OF MEMORY: the tables and charts below are short: "
		      "some findings are counted above but missing from them.</p>\n",
		      out);
	trend(out, info);

	if (mail) {
		for (int c = 0; c < HTML_CHARTS; c++)
			html_chart_write(out, s, (enum html_chart)c, 1);
	} else {
		fputs("<div class=\"charts\">\n<figure><figcaption>Findings by kind</figcaption>\n", out);
		html_chart_write(out, s, HTML_CHART_KINDS, 0);
		fputs("</figure>\n<figure><figcaption>Findings by unit</figcaption>\n", out);
		html_chart_write(out, s, HTML_CHART_UNITS, 0);
		fputs("</figure>\n<figure><figcaption>Manual runs per day</figcaption>\n", out);
		html_chart_write(out, s, HTML_CHART_DAYS, 0);
		fputs("</figure>\n<figure><figcaption>The largest runs of damaging jobs</figcaption>\n", out);
		html_chart_write(out, s, HTML_CHART_DAMAGING, 0);
		fputs("</figure>\n</div>\n", out);
	}
	months(out, info, mail);

	fputs("<h2>What was read</h2>\n", out);
	report_html_facts(out, info);

	if (s->runs) {
		fputs("<h2>Runs with findings</h2>\n", out);
		for (int k = 0; k < FIND_COUNT; k++)
			if (s->kinds[k])
				findings_table(out, s, (enum finding_kind)k, info->baseline != NULL,
					       mail ? info->attachment : NULL);
		resolved(out, info);
		fputs("<h2>Summary</h2>\n", out);
		summary_table(out, "By person", "Person (unit)", s, s->people, s->npeople,
			      &s->people_others);
		summary_table(out, "By job", "Job", s, s->jobs, s->njobs, &s->jobs_others);
		summary_table(out, "By unit", "Unit", s, s->units, s->nunits, NULL);
	} else if (info->baseline && info->baseline->ngone) {
		fputs("<h2>Runs with findings</h2>\n", out);
		resolved(out, info);
	}
	waived_section(out, info);
	report_html_rejects(out, info->tally);
	fputs("<footer>Made by almaudit from the exports and rules named above.</footer>\n"
	      "</body>\n</html>\n",
	      out);
}

void report_html_page(FILE *out, const struct report_info *info)
{
	page(out, info, 0);
}

/* The page as the email's html part: rendered for mail (tables for the
 * charts and cards, no style sheet), then each start tag given its styles
 * inline (html_inline.h). What came from an export is escaped, so every
 * '<' in the page opens a tag of ours and no '>' sits inside an attribute. */
void report_html_mail(FILE *out, const struct report_info *info)
{
	char *html = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&html, &n);
	if (!mem)
		return;
	page(mem, info, 1);
	if (fclose(mem) != 0) {
		free(html);
		return;
	}
	html_inline_write(out, html, n);
	free(html);
}


static void html_begin(struct reporter *r, const struct report_info *info)
{
	(void)r;
	(void)info;
}

static void html_finding(struct reporter *r, const struct report_finding *f)
{
	(void)f;
	r->written++;
}

static void html_end(struct reporter *r, const struct report_info *info)
{
	report_html_page(r->out, info);
}

void reporter_html(struct reporter *r, FILE *out)
{
	memset(r, 0, sizeof *r);
	r->out = out;
	r->begin = html_begin;
	r->finding = html_finding;
	r->end = html_end;
}
