/* The html renderer: one self-contained page (no scripts, no external
 * styles, fonts or images) with the text report's content and four charts
 * drawn here as inline SVG: findings by kind, findings by unit, manual runs
 * per day with the runs that had findings marked, and the largest damaging
 * runs. Everything that came from an export or the rules is escaped. Written
 * at the end from the bounded summary. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "report_html.h"

#include "baseline.h"
#include "cells.h"
#include "fields.h"
#include "filter.h"
#include "times.h"
#include "waivers.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_color[FIND_COUNT] = {
	[FIND_UNAPPROVED] = "#c0392b",
	[FIND_NO_SIGNOFF] = "#d35400",
	[FIND_DAMAGING_LARGE_SET] = "#7d3c98",
	[FIND_UNKNOWN_SIZE] = "#7f8c8d",
	[FIND_UNLISTED_JOB] = "#1f618d",
};

void report_html_escape(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned char c = *p;
		if (c == '&')
			fputs("&amp;", out);
		else if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c == '"')
			fputs("&quot;", out);
		else if (c == '\'')
			fputs("&#39;", out);
		else if (c == '\n' || c == '\t')
			putc(' ', out);
		else if (c < 0x20 || c == 0x7F)
			fputs("&#xFFFD;", out);
		else if (c < 0x80)
			putc(c, out);
		else {
			/* whole UTF-8 characters pass; a stray byte becomes U+FFFD */
			size_t len = report_utf8_len(p);
			if (len) {
				fwrite(p, 1, len, out);
				p += len;
				continue;
			}
			fputs("&#xFFFD;", out);
		}
		p++;
	}
}

#define E(s) report_html_escape(out, (s))

static void count(FILE *out, uint64_t n)
{
	char b[32];
	fputs(report_count(n, b, sizeof b), out);
}

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
	"@media print{body{max-width:none;margin:0;font-size:10.5px}"
	".charts{grid-template-columns:1fr 1fr}figure,tr,.card{break-inside:avoid}"
	"h2{break-after:avoid}}\n"
	"</style>\n";

/* ---- charts ---- */

#define CHART_W 520

/* The finding kinds' colours in an SVG chart, from y down, wrapped to the
 * chart's width. */
static void legend(FILE *out, int y)
{
	int lx = 4, ly = y;
	for (int k = 0; k < FIND_COUNT; k++) {
		fprintf(out,
			"<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
			"<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>",
			lx, ly, kind_color[k], lx + 14, ly + 9, finding_name((enum finding_kind)k));
		lx += 128;
		if (lx + 128 > CHART_W) {
			lx = 4;
			ly += 16;
		}
	}
}

/* Horizontal bars: one row per label, stacked by finding kind. */
static void bars_by_kind(FILE *out, const char *title, const struct summary_row *rows, size_t n,
			 size_t max_rows)
{
	uint64_t top = 1;
	if (n > max_rows)
		n = max_rows;
	for (size_t i = 0; i < n; i++) {
		uint64_t sum = 0;
		for (int k = 0; k < FIND_COUNT; k++)
			sum += rows[i].count[k];
		if (sum > top)
			top = sum;
	}
	int row_h = 22, label_w = 190, bar_w = CHART_W - label_w - 50;
	int per_line = CHART_W / 128, legend_lines = (FIND_COUNT + per_line - 1) / per_line;
	int h = (int)n * row_h + 34 + (legend_lines - 1) * 16;
	fprintf(out, "<svg viewBox=\"0 0 %d %d\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
		     "<title>",
		CHART_W, h);
	E(title);
	fputs("</title>\n", out);
	for (size_t i = 0; i < n; i++) {
		int y = (int)i * row_h + 4;
		double x = label_w;
		uint64_t sum = 0;
		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">",
			label_w - 6, y + 14);
		char label[40];
		snprintf(label, sizeof label, "%.36s%s", rows[i].label,
			 strlen(rows[i].label) > 36 ? "..." : "");
		E(label);
		fputs("</text>", out);
		for (int k = 0; k < FIND_COUNT; k++) {
			if (!rows[i].count[k])
				continue;
			double w = (double)rows[i].count[k] * bar_w / (double)top;
			fprintf(out,
				"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\">"
				"<title>",
				x, y + 2, w < 1 ? 1 : w, kind_color[k]);
			if (strcmp(rows[i].label, finding_name((enum finding_kind)k))) {
				E(rows[i].label);
				fputs(": ", out);
			}
			fprintf(out, "%s: %" PRIu64 "</title></rect>", finding_name((enum finding_kind)k),
				rows[i].count[k]);
			x += w;
			sum += rows[i].count[k];
		}
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%" PRIu64 "</text>\n",
			x + 4, y + 14, sum);
	}
	legend(out, (int)n * row_h + 20);
	fputs("</svg>\n", out);
}

static void chart_kinds(FILE *out, const struct summary *s)
{
	struct summary_row rows[FIND_COUNT];
	memset(rows, 0, sizeof rows);
	for (int k = 0; k < FIND_COUNT; k++) {
		rows[k].label = (char *)finding_name((enum finding_kind)k);
		rows[k].count[k] = s->kinds[k];
		rows[k].runs = s->kinds[k];
	}
	bars_by_kind(out, "Findings by kind", rows, FIND_COUNT, FIND_COUNT);
}

/* Manual runs per day, the runs with findings shown at the bottom of each
 * bar. The days are sparse (only days with runs); over a span wider than
 * the plot has pixels, each bar sums `per` consecutive days, so the chart's
 * size does not grow with the span. */
static void chart_days(FILE *out, const struct summary *s)
{
	int h = 190, left = 36, bottom = 24, top_pad = 10;
	fprintf(out, "<svg viewBox=\"0 0 %d %d\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
		     "<title>Manual runs per day, with the runs that had findings</title>\n",
		CHART_W, h);
	if (!s->ndays) {
		fputs("<text x=\"10\" y=\"30\" font-size=\"12\">No manual runs.</text></svg>\n", out);
		return;
	}
	int64_t first = s->days[0].day, last = s->days[s->ndays - 1].day;
	int64_t span = last - first + 1;
	double plot_w = CHART_W - left - 8, plot_h = h - bottom - top_pad;
	int64_t per = span > (int64_t)plot_w ? (span + (int64_t)plot_w - 1) / (int64_t)plot_w : 1;
	int64_t bars = (span + per - 1) / per;
	uint64_t top = 1;
	for (size_t i = 0, j; i < s->ndays; i = j) {
		uint64_t runs = 0;
		for (j = i; j < s->ndays && (s->days[j].day - first) / per == (s->days[i].day - first) / per; j++)
			runs += s->days[j].runs;
		if (runs > top)
			top = runs;
	}
	double slot = plot_w / (double)bars;
	fprintf(out,
		"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>"
		"<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%" PRIu64 "</text>"
		"<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">0</text>\n",
		left, top_pad + plot_h, CHART_W - 8, top_pad + plot_h, left - 4, top_pad + 8, top,
		left - 4, top_pad + plot_h);
	for (size_t i = 0, j; i < s->ndays; i = j) {
		int64_t bar = (s->days[i].day - first) / per;
		uint64_t runs = 0, flagged = 0;
		for (j = i; j < s->ndays && (s->days[j].day - first) / per == bar; j++) {
			runs += s->days[j].runs;
			flagged += s->days[j].flagged;
		}
		if (!runs)
			continue;
		double x = left + (double)bar * slot;
		double w = slot > 3 ? slot - 1.5 : slot;
		double hr = (double)runs * plot_h / (double)top;
		double hf = (double)flagged * plot_h / (double)top;
		int y, m, dd;
		times_civil_from_days(first + bar * per, &y, &m, &dd);
		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#a9bfd3\">"
			     "<title>%04d-%02d-%02d",
			x, top_pad + plot_h - hr, w, hr, y, m, dd);
		if (per > 1) {
			times_civil_from_days(first + bar * per + per - 1, &y, &m, &dd);
			fprintf(out, " to %04d-%02d-%02d", y, m, dd);
		}
		fprintf(out, ": %" PRIu64 " runs, %" PRIu64 " with findings</title></rect>", runs,
			flagged);
		if (flagged)
			fprintf(out,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
				"fill=\"#c0392b\"/>",
				x, top_pad + plot_h - hf, w, hf);
		putc('\n', out);
	}
	/* date labels: the first day and every seventh after it; over a long
	 * span, at most ten, as months or years */
	int64_t step = span > 120 ? 30 : 7;
	if (per > 1)
		step = (span + 9) / 10;
	for (int64_t day = first; day <= last; day += step) {
		int y, m, dd;
		times_civil_from_days(day, &y, &m, &dd);
		double x = left + (double)(day - first) * (slot / (double)per);
		if (per == 1)
			fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%02d-%02d</text>", x,
				h - 8, m, dd);
		else if (span <= 3660)
			fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%04d-%02d</text>", x,
				h - 8, y, m);
		else
			fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%04d</text>", x, h - 8,
				y);
	}
	fprintf(out,
		"<rect x=\"%d\" y=\"2\" width=\"10\" height=\"10\" fill=\"#a9bfd3\"/>"
		"<text x=\"%d\" y=\"11\" font-size=\"10\">runs</text>"
		"<rect x=\"%d\" y=\"2\" width=\"10\" height=\"10\" fill=\"#c0392b\"/>"
		"<text x=\"%d\" y=\"11\" font-size=\"10\">with findings</text></svg>\n",
		CHART_W - 190, CHART_W - 176, CHART_W - 130, CHART_W - 116);
}

static void chart_damaging(FILE *out, const struct summary *s)
{
	int row_h = 22, label_w = 250, bar_w = CHART_W - label_w - 60;
	int h = (int)(s->ndamaging ? s->ndamaging : 1) * row_h + 30;
	fprintf(out, "<svg viewBox=\"0 0 %d %d\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
		     "<title>The largest runs of damaging jobs</title>\n",
		CHART_W, h);
	if (!s->ndamaging) {
		fputs("<text x=\"10\" y=\"20\" font-size=\"12\">No runs of damaging jobs.</text></svg>\n",
		      out);
		return;
	}
	double top = (double)s->damaging[0].records;
	if (top < 1)
		top = 1;
	for (size_t i = 0; i < s->ndamaging; i++) {
		const struct summary_damaging *d = &s->damaging[i];
		int y = (int)i * row_h + 4;
		double w = (double)d->records * bar_w / top;
		char full[200], label[48];
		snprintf(full, sizeof full, "%s, %s", d->person, d->job);
		snprintf(label, sizeof label, "%.36s%s", full, strlen(full) > 36 ? "..." : "");
		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">",
			label_w - 6, y + 14);
		E(label);
		char n[32], t[32];
		report_count((uint64_t)d->records, n, sizeof n);
		report_count((uint64_t)(d->threshold > 0 ? d->threshold : 0), t, sizeof t);
		fprintf(out,
			"</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\">"
			"<title>run %" PRIu64 ": %s records (threshold %s)</title></rect>"
			"<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>\n",
			label_w, y + 2, w < 1 ? 1 : w, d->records > d->threshold ? "#7d3c98" : "#b7a6c4",
			d->id, n, t, label_w + (w < 1 ? 1 : w) + 4, y + 14, n);
		if (d->threshold <= top) {
			double tx = label_w + (double)d->threshold * bar_w / top;
			fprintf(out,
				"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1b1b1b\" "
				"stroke-width=\"1.5\"/>",
				tx, y, tx, y + 20);
		}
	}
	fprintf(out,
		"<text x=\"4\" y=\"%d\" font-size=\"10\">dark bars: above the job's threshold "
		"(black tick)</text></svg>\n",
		h - 4);
}

/* The months of the month chart: each row of the month table a slot
 * (a long stretch without runs one slot), at most MONTH_BARS slots, so
 * that over a longer table each bar sums `per` rows. */
#define MONTH_BARS 60

/* "2026-10: 1121 runs audited, 92 with findings", or "2020-01 to 2026-08:
 * no runs audited": the numbers of a month's bar, as its SVG title and as
 * the text of its row in the email. */
static void month_title(char *buf, size_t size, int64_t first, int64_t last, uint64_t runs,
			uint64_t flagged)
{
	char a[16], b[16];
	summary_month_name(first, a, sizeof a);
	if (last > first)
		summary_month_name(last, b, sizeof b);
	if (!runs && !flagged)
		snprintf(buf, size, "%s%s%s: no runs audited", a, last > first ? " to " : "",
			 last > first ? b : "");
	else
		snprintf(buf, size, "%s%s%s: %" PRIu64 " runs audited, %" PRIu64 " with findings", a,
			 last > first ? " to " : "", last > first ? b : "", runs, flagged);
}

/* One bar of the month chart: the rows of the month table it sums. */
struct month_bar {
	int64_t first, last;
	uint64_t runs, flagged, count[FIND_COUNT], findings;
};

/* The bars of the month chart, at most MONTH_BARS; returns how many. */
static size_t month_bars(const struct summary *s, int64_t first, int64_t last,
			 struct month_bar *bars)
{
	struct summary_month_row row;
	size_t rows = 0, per, n = 0, in = 0;
	for (int64_t at = first; summary_month_next(s, &at, last, &row);)
		rows++;
	per = (rows + MONTH_BARS - 1) / MONTH_BARS;
	if (!per)
		per = 1;
	for (int64_t at = first; summary_month_next(s, &at, last, &row);) {
		if (!in)
			bars[n] = (struct month_bar){row.first, row.last, 0, 0, {0}, 0};
		struct month_bar *b = &bars[n];
		b->last = row.last;
		if (row.e) {
			b->runs += row.e->runs;
			b->flagged += row.e->flagged;
			for (int k = 0; k < FIND_COUNT; k++) {
				b->count[k] += row.e->count[k];
				b->findings += row.e->count[k];
			}
		}
		if (++in == per) {
			in = 0;
			n++;
		}
	}
	return in ? n + 1 : n;
}

/* Findings per month, stacked by kind, with the count above each bar and
 * the month below it. */
static void chart_months(FILE *out, const struct month_bar *bars, size_t n)
{
	int per_line = CHART_W / 128, legend_lines = (FIND_COUNT + per_line - 1) / per_line;
	int h = 200 + legend_lines * 16, left = 36, bottom = 20, top_pad = 18 + legend_lines * 16;
	double plot_w = CHART_W - left - 8, plot_h = h - bottom - top_pad;
	uint64_t top = 1;
	for (size_t i = 0; i < n; i++)
		if (bars[i].findings > top)
			top = bars[i].findings;
	fprintf(out, "<svg viewBox=\"0 0 %d %d\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
		     "<title>Findings by month</title>\n",
		CHART_W, h);
	fprintf(out,
		"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>"
		"<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">0</text>\n",
		left, top_pad + plot_h, CHART_W - 8, top_pad + plot_h, left - 4, top_pad + plot_h);
	double slot = plot_w / (double)(n ? n : 1);
	size_t label_every = n > 12 ? (n + 11) / 12 : 1;
	for (size_t i = 0; i < n; i++) {
		const struct month_bar *b = &bars[i];
		double x = left + (double)i * slot + (slot > 6 ? slot * 0.15 : 0);
		double w = slot > 6 ? slot * 0.7 : slot;
		double y = top_pad + plot_h;
		char title[96];
		month_title(title, sizeof title, b->first, b->last, b->runs, b->flagged);
		fputs("<g><title>", out);
		E(title);
		fputs("</title>", out);
		for (int k = 0; k < FIND_COUNT; k++) {
			if (!b->count[k])
				continue;
			double hk = (double)b->count[k] * plot_h / (double)top;
			y -= hk;
			fprintf(out,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
				"<title>%s: %" PRIu64 "</title></rect>",
				x, y, w, hk, kind_color[k], finding_name((enum finding_kind)k),
				b->count[k]);
		}
		if (slot >= 14)
			fprintf(out,
				"<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%" PRIu64
				"</text>",
				x + w / 2, y - 3, b->findings);
		if (i % label_every == 0) {
			char name[16];
			summary_month_name(b->first, name, sizeof name);
			fprintf(out,
				"<text x=\"%.1f\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%s</text>",
				x + w / 2, h - 6, name);
		}
		fputs("</g>\n", out);
	}
	legend(out, 2);
	fputs("</svg>\n", out);
}

/* ---- charts for mail readers: HTML tables with inline styles ---- */

/* Gmail and Outlook do not show inline SVG: the email's html part draws
 * each bar as table cells of a width, coloured inline, with its numbers as
 * text beside it. */
#define MAIL_BAR_W 300

struct seg {
	uint64_t value;
	const char *color;
};

static void mail_chart_open(FILE *out, const char *title)
{
	fputs("<h3>", out);
	E(title);
	fputs("</h3>\n<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" "
	      "style=\"border-collapse:collapse;margin:4px 0 14px\">\n",
	      out);
}

/* A row: the label, the bar of its segments (top: the largest bar's total),
 * the number, and a line of detail under the bar. */
static void mail_bar(FILE *out, const char *label, const struct seg *seg, int nseg, uint64_t top,
		     const char *number, const char *detail)
{
	fputs("<tr style=\"border:0\"><td width=\"200\" valign=\"top\" "
	      "style=\"padding:3px 8px 3px 0;font-size:12px\">",
	      out);
	E(label);
	fputs("</td><td valign=\"top\" style=\"padding:3px 0\">"
	      "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" "
	      "style=\"border-collapse:collapse;margin:0\"><tr style=\"border:0\">",
	      out);
	for (int i = 0; i < nseg; i++) {
		if (!seg[i].value)
			continue;
		int w = (int)((double)seg[i].value * MAIL_BAR_W / (double)(top ? top : 1) + 0.5);
		if (w < 1)
			w = 1;
		fprintf(out,
			"<td width=\"%d\" height=\"14\" style=\"width:%dpx;height:14px;"
			"background-color:%s;font-size:1px;line-height:1px\">&nbsp;</td>",
			w, w, seg[i].color);
	}
	fputs("<td style=\"padding-left:6px;font-size:12px;white-space:nowrap\">", out);
	E(number);
	fputs("</td></tr></table>", out);
	if (detail && detail[0]) {
		fputs("<div style=\"font-size:11px;color:#555\">", out);
		E(detail);
		fputs("</div>", out);
	}
	fputs("</td></tr>\n", out);
}

static void mail_legend(FILE *out)
{
	fputs("<tr style=\"border:0\"><td colspan=\"2\" style=\"padding:4px 0;"
	      "font-size:11px\">",
	      out);
	for (int k = 0; k < FIND_COUNT; k++)
		fprintf(out,
			"<span style=\"display:inline-block;width:10px;height:10px;"
			"background-color:%s\">&nbsp;</span> %s&nbsp;&nbsp; ",
			kind_color[k], finding_name((enum finding_kind)k));
	fputs("</td></tr>\n", out);
}

/* "unapproved: 2, no-signoff: 1" for the kinds a row counts. */
static void kinds_text(char *buf, size_t size, const uint64_t *count)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int k = 0; k < FIND_COUNT && used < size; k++)
		if (count[k])
			used += (size_t)snprintf(buf + used, size - used, "%s%s: %" PRIu64,
						 used ? ", " : "", finding_name((enum finding_kind)k),
						 count[k]);
}

static void mail_bars_by_kind(FILE *out, const char *title, const struct summary_row *rows,
			      size_t n, size_t max_rows, int detail)
{
	uint64_t top = 1;
	if (n > max_rows)
		n = max_rows;
	for (size_t i = 0; i < n; i++) {
		uint64_t sum = 0;
		for (int k = 0; k < FIND_COUNT; k++)
			sum += rows[i].count[k];
		if (sum > top)
			top = sum;
	}
	mail_chart_open(out, title);
	for (size_t i = 0; i < n; i++) {
		struct seg seg[FIND_COUNT];
		uint64_t sum = 0;
		for (int k = 0; k < FIND_COUNT; k++) {
			seg[k] = (struct seg){rows[i].count[k], kind_color[k]};
			sum += rows[i].count[k];
		}
		char number[32], text[256];
		snprintf(number, sizeof number, "%" PRIu64, sum);
		kinds_text(text, sizeof text, rows[i].count);
		mail_bar(out, rows[i].label, seg, FIND_COUNT, top, number, detail ? text : NULL);
	}
	if (detail)
		mail_legend(out);
	fputs("</table>\n", out);
}

static void mail_kinds(FILE *out, const struct summary *s)
{
	struct summary_row rows[FIND_COUNT];
	memset(rows, 0, sizeof rows);
	for (int k = 0; k < FIND_COUNT; k++) {
		rows[k].label = (char *)finding_name((enum finding_kind)k);
		rows[k].count[k] = s->kinds[k];
	}
	mail_bars_by_kind(out, "Findings by kind", rows, FIND_COUNT, FIND_COUNT, 0);
}

/* Manual runs per day: a row a day (over a span longer than MAIL_DAYS
 * days, a row sums consecutive days), the runs with findings in red. */
#define MAIL_DAYS 31
static void mail_days(FILE *out, const struct summary *s)
{
	mail_chart_open(out, "Manual runs per day");
	if (!s->ndays) {
		fputs("<tr><td>No manual runs.</td></tr>\n</table>\n", out);
		return;
	}
	int64_t first = s->days[0].day, last = s->days[s->ndays - 1].day;
	int64_t span = last - first + 1;
	int64_t per = span > MAIL_DAYS ? (span + MAIL_DAYS - 1) / MAIL_DAYS : 1;
	uint64_t top = 1;
	for (size_t i = 0, j; i < s->ndays; i = j) {
		uint64_t runs = 0;
		for (j = i; j < s->ndays && (s->days[j].day - first) / per == (s->days[i].day - first) / per; j++)
			runs += s->days[j].runs;
		if (runs > top)
			top = runs;
	}
	for (size_t i = 0, j; i < s->ndays; i = j) {
		int64_t bar = (s->days[i].day - first) / per;
		uint64_t runs = 0, flagged = 0;
		for (j = i; j < s->ndays && (s->days[j].day - first) / per == bar; j++) {
			runs += s->days[j].runs;
			flagged += s->days[j].flagged;
		}
		if (!runs)
			continue;
		char label[48], number[64];
		int y, m, dd, used;
		times_civil_from_days(first + bar * per, &y, &m, &dd);
		used = snprintf(label, sizeof label, "%04d-%02d-%02d", y, m, dd);
		if (per > 1) {
			times_civil_from_days(first + bar * per + per - 1, &y, &m, &dd);
			snprintf(label + used, sizeof label - (size_t)used, " to %04d-%02d-%02d", y, m, dd);
		}
		snprintf(number, sizeof number, "%" PRIu64 " runs, %" PRIu64 " with findings", runs,
			 flagged);
		struct seg seg[2] = {{flagged, "#c0392b"}, {runs - flagged, "#a9bfd3"}};
		mail_bar(out, label, seg, 2, top, number, NULL);
	}
	fputs("</table>\n", out);
}

static void mail_damaging(FILE *out, const struct summary *s)
{
	mail_chart_open(out, "The largest runs of damaging jobs");
	if (!s->ndamaging) {
		fputs("<tr><td>No runs of damaging jobs.</td></tr>\n</table>\n", out);
		return;
	}
	uint64_t top = s->damaging[0].records > 0 ? (uint64_t)s->damaging[0].records : 1;
	for (size_t i = 0; i < s->ndamaging; i++) {
		const struct summary_damaging *d = &s->damaging[i];
		char label[200], number[32], detail[128];
		snprintf(label, sizeof label, "%s, %s", d->person, d->job);
		char t[32];
		report_count((uint64_t)d->records, number, sizeof number);
		report_count((uint64_t)(d->threshold > 0 ? d->threshold : 0), t, sizeof t);
		snprintf(detail, sizeof detail, "run %" PRIu64 ": %s records (threshold %s)%s", d->id,
			 number, t, d->records > d->threshold ? ": above" : "");
		struct seg seg = {(uint64_t)d->records, d->records > d->threshold ? "#7d3c98" : "#b7a6c4"};
		mail_bar(out, label, &seg, 1, top, number, detail);
	}
	fputs("<tr style=\"border:0\"><td colspan=\"2\" style=\"padding:4px 0;"
	      "font-size:11px\">dark bars: above the job's threshold</td></tr>\n</table>\n",
	      out);
}

static void mail_months(FILE *out, const struct month_bar *bars, size_t n)
{
	uint64_t top = 1;
	for (size_t i = 0; i < n; i++)
		if (bars[i].findings > top)
			top = bars[i].findings;
	mail_chart_open(out, "Findings by month");
	for (size_t i = 0; i < n; i++) {
		const struct month_bar *b = &bars[i];
		char label[48], number[32], title[96], kinds[256], detail[400];
		summary_month_name(b->first, label, sizeof label);
		if (b->last > b->first) {
			size_t used = strlen(label);
			snprintf(label + used, sizeof label - used, " to ");
			summary_month_name(b->last, label + used + 4, sizeof label - used - 4);
		}
		snprintf(number, sizeof number, "%" PRIu64 " findings", b->findings);
		month_title(title, sizeof title, b->first, b->last, b->runs, b->flagged);
		kinds_text(kinds, sizeof kinds, b->count);
		snprintf(detail, sizeof detail, "%s%s%s", title, kinds[0] ? "; " : "", kinds);
		struct seg seg[FIND_COUNT];
		for (int k = 0; k < FIND_COUNT; k++)
			seg[k] = (struct seg){b->count[k], kind_color[k]};
		mail_bar(out, label, seg, FIND_COUNT, top, number, detail);
	}
	mail_legend(out);
	fputs("</table>\n", out);
}

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
			k < 0 ? "#1b1b1b" : kind_color[k]);
		count(out, k < 0 ? s->runs : s->kinds[k]);
		fprintf(out, "</b>%s</td>", k < 0 ? "runs with findings" : finding_name((enum finding_kind)k));
	}
	fputs("</tr></table>\n", out);
}

/* ---- tables ---- */

static void findings_table(FILE *out, const struct summary *s, enum finding_kind k)
{
	char when[32];
	fprintf(out, "<h3 id=\"%s\" style=\"color:%s\">", finding_name(k), kind_color[k]);
	fputs(finding_name(k), out);
	fputs(" (", out);
	count(out, s->kinds[k]);
	fprintf(out, ")</h3>\n<p>%s.</p>\n", finding_meaning(k));
	fputs("<table><thead><tr><th>Run id</th><th>Start</th><th>Job</th><th>Person (unit)</th>"
	      "<th class=\"n\">Records</th><th>Set</th><th>Status</th><th>Why</th></tr></thead>"
	      "<tbody>\n",
	      out);
	for (size_t i = 0; i < s->nkept[k]; i++) {
		const struct summary_kept *e = &s->kept[k][i];
		times_format_local(e->time, when, sizeof when);
		fprintf(out, "<tr><td class=\"id\">%" PRIu64 "</td><td>%s</td><td>", e->id, when);
		E(e->job);
		fputs("<br><small>", out);
		E(e->name);
		fputs("</small></td><td>", out);
		E(e->person);
		fputs("</td><td class=\"n\">", out);
		if (e->records >= 0)
			count(out, (uint64_t)e->records);
		fputs("</td><td>", out);
		E(e->set);
		fputs("</td><td>", out);
		E(e->status);
		fputs("</td><td>", out);
		E(e->detail);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (s->kinds[k] > s->nkept[k]) {
		fputs("<p class=\"more\">and ", out);
		count(out, s->kinds[k] - s->nkept[k]);
		fputs(" more (all of them: --format csv)</p>\n", out);
	}
}

static void table_row(FILE *out, const struct summary_row *row)
{
	fputs("<tr><td>", out);
	E(row->label);
	fputs("</td><td class=\"n\">", out);
	count(out, row->runs);
	for (int k = 0; k < FIND_COUNT; k++) {
		fputs("</td><td class=\"n\">", out);
		count(out, row->count[k]);
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
		count(out, n - limit);
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
	E(w->name);
	fprintf(out, ":%ld</td><td>%s</td><td>", wv->line, until);
	E(wv->ticket);
	fputs("</td><td>", out);
	E(wv->reason);
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
	fputs("<h2 id=\"waived\">Waived</h2>\n<p>", out);
	count(out, total);
	fputs(" findings covered by an exception LTS accepted (", out);
	E(w->path);
	fputs("): not among the runs with findings above.</p>\n", out);
	if (total) {
		fputs("<table><thead><tr><th>Run id</th><th>Start</th><th>Finding</th><th>Job</th>"
		      "<th>Person (unit)</th><th>Waiver</th><th>Ticket</th><th>Reason</th></tr></thead>"
		      "<tbody>\n",
		      out);
		for (size_t i = 0; i < s->nwaived_kept; i++) {
			const struct summary_kept *e = &s->waived_kept[i];
			const struct waiver *wv = &w->w[e->waiver];
			times_format_local(e->time, when, sizeof when);
			fprintf(out, "<tr><td class=\"id\">%" PRIu64 "</td><td>%s</td><td>%s</td><td>",
				e->id, when, finding_name((enum finding_kind)e->kind));
			E(e->job);
			fputs("</td><td>", out);
			E(e->person);
			fputs("</td><td>", out);
			E(w->name);
			fprintf(out, ":%ld</td><td>", wv->line);
			E(wv->ticket);
			fputs("</td><td>", out);
			E(wv->reason);
			fputs("</td></tr>\n", out);
		}
		fputs("</tbody></table>\n", out);
		if (total > s->nwaived_kept) {
			fputs("<p class=\"more\">and ", out);
			count(out, total - s->nwaived_kept);
			fputs(" more (all of them: --format csv)</p>\n", out);
		}
	}
	for (int pass = 0; pass < 2; pass++) {
		size_t n = 0;
		for (size_t i = 0; i < w->n; i++)
			n += pass ? summary_covered(s, i) == 0 : waivers_expired(&w->w[i], info->today);
		if (!n)
			continue;
		fprintf(out, "<h3>%s (%zu)</h3>\n", pass ? "Waivers that covered nothing"
						       : "Expired waivers: renew or remove them", n);
		fputs("<table><thead><tr><th>Waiver</th><th>Until</th><th>Ticket</th><th>Reason</th>"
		      "</tr></thead><tbody>\n",
		      out);
		for (size_t i = 0; i < w->n; i++)
			if (pass ? summary_covered(s, i) == 0 : waivers_expired(&w->w[i], info->today))
				waiver_row(out, w, &w->w[i]);
		fputs("</tbody></table>\n", out);
	}
}

static void facts(FILE *out, const struct report_info *info)
{
	const struct tally *t = info->tally;
	char a[32], b[32], fmt[64];

	fputs("<table class=\"facts\"><tbody>\n", out);
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		fprintf(out, "<tr><th>%s</th><td>", i ? "" : "Input");
		E(f->name);
		if (f->same_as) {
			fprintf(out, ": <b>the same file as input %d: read once</b></td></tr>\n",
				f->same_as);
			continue;
		}
		if (f->unread) {
			fprintf(out, ": %s, <b>not read</b>: ", run_env_name(f->env));
			E(f->error);
			fputs("</td></tr>\n", out);
			continue;
		}
		fprintf(out, ": %s, %s, ", run_env_name(f->env), tally_file_format(f, fmt, sizeof fmt));
		count(out, f->rows);
		fputs(" rows", out);
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
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!f->no_records || f->same_as || f->unread)
			continue;
		fputs("<tr><th>Unchecked</th><td><b>damaging-large-set not checked</b>: no record "
		      "count column in ",
		      out);
		E(f->name);
		fputs(" (its damaging runs are unknown-size)</td></tr>\n", out);
	}
	if (t->first != TIME_NONE) {
		times_format_local(t->first, a, sizeof a);
		times_format_local(t->last, b, sizeof b);
		fprintf(out, "<tr><th>Runs seen</th><td>%s to %s</td></tr>\n", a, b);
	}
	fputs("<tr><th>Rows</th><td>", out);
	count(out, t->read);
	fputs(" read = ", out);
	count(out, t->audited);
	fputs(" audited + ", out);
	count(out, tally_skipped(t));
	fputs(" skipped + ", out);
	count(out, tally_rejected(t));
	fputs(" rejected</td></tr>\n", out);
	fputs("<tr><th>Skipped</th><td>", out);
	int any = 0;
	for (int i = 0; i < SKIP_COUNT; i++)
		if (t->skipped[i]) {
			fprintf(out, "%s%s: ", any++ ? ", " : "", tally_skip_name((enum skip_reason)i));
			count(out, t->skipped[i]);
		}
	fputs(any ? "</td></tr>\n" : "none</td></tr>\n", out);
	if (t->headers) {
		fputs("<tr><th>Headers</th><td>repeated header rows skipped: ", out);
		count(out, t->headers);
		fputs("</td></tr>\n", out);
	}
	fputs("<tr><th>Rules</th><td>", out);
	E(info->rules->dir);
	fprintf(out, ": %zu jobs, %zu people, %zu approvals</td></tr>\n", info->rules->njobs,
		info->rules->npeople, info->rules->napprovals);
	char unit[512];
	for (int which = 0; which < 2; which++) {
		report_unit_text(info, which, unit, sizeof unit);
		if (!unit[0])
			continue;
		fprintf(out, "<tr><th>%s</th><td>%s", which ? "Not here" : "Unit", which ? "<b>" : "");
		E(unit);
		fprintf(out, "%s</td></tr>\n", which ? "</b>" : "");
	}
	char who[1024];
	const char *value;
	for (size_t i = 0; (value = filter_user_means(info->filter, info->rules, i, who, sizeof who));
	     i++) {
		if (!who[0])
			continue;
		fputs("<tr><th>User</th><td>--user ", out);
		E(value);
		fputs(": ", out);
		E(who);
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
			count(out, t->rejected[i]);
		}
	fputs(".</p>\n<table><thead><tr><th>File</th><th class=\"n\">Line</th><th>Reason</th>"
	      "<th>Detail</th></tr></thead><tbody>\n",
	      out);
	for (size_t i = 0; i < t->nrejects; i++) {
		const struct tally_reject *r = &t->rejects[i];
		fputs("<tr><td>", out);
		E(r->file);
		fprintf(out, "</td><td class=\"n\">%ld</td><td>%s</td><td>", r->line,
			tally_reject_name(r->why));
		E(r->detail);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (tally_rejected(t) > t->nrejects) {
		fputs("<p class=\"more\">and ", out);
		count(out, tally_rejected(t) - t->nrejects);
		fputs(" more (all of them: --rejects FILE)</p>\n", out);
	}
}

/* INCOMPLETE, and what went wrong: file, line and error of each input not
 * read whole (a mail reader sees no standard error). */
static void incomplete(FILE *out, const struct tally *t)
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
	if (failed == 1)
		fputs("an input", out);
	else
		fprintf(out, "%zu inputs", failed);
	fputs(" could not be read whole; the figures cover only what was read.</p>\n<ul>\n", out);
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!f->incomplete)
			continue;
		fputs("<li>", out);
		E(f->name);
		if (f->error_line > 0)
			fprintf(out, ":%ld", f->error_line);
		fputs(": ", out);
		E(f->error);
		fputs("</li>\n", out);
	}
	fputs("</ul></div>\n", out);
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
	count(out, n);
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
	count(out, b->findings);
	fputs(b->findings == 1 ? " finding" : " findings", out);
	if (b->filtered) {
		fputs(" (", out);
		count(out, b->filtered);
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
		fprintf(out, "<p style=\"%s\">WARNING: the baseline report&#39;s filters hid ",
			warn_style);
		count(out, b->hidden);
		fputs(" runs with findings: those count as new.</p>\n", out);
	}
	fputs("<table style=\"border-collapse:collapse\"><tbody>\n", out);
	int any = 0;
	for (int k = 0; k < FIND_COUNT; k++) {
		if (!b->fresh[k] && !b->recurring[k] && !b->resolved[k])
			continue;
		any = 1;
		fprintf(out,
			"<tr><td style=\"padding:.2em .8em .2em 0;font-weight:600;color:%s\">%s</td>"
			"<td style=\"padding:.2em 0\">",
			kind_color[k], finding_name((enum finding_kind)k));
		badge(out, "#fdecea", "#a93226", b->fresh[k], "new");
		badge(out, "#eef0f2", "#444444", b->recurring[k], "recurring");
		badge(out, "#e6f4ea", "#1e7b34", b->resolved[k], "resolved");
		fputs("</td></tr>\n", out);
	}
	if (!any)
		fputs("<tr><td>No findings, none in the baseline either.</td></tr>\n", out);
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
	count(out, b->ngone);
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
			kind_color[it->kind], finding_name(it->kind), td);
		E(it->job);
		fprintf(out, "</td><td style=\"%s\">", td);
		E(it->person);
		fprintf(out, "</td><td style=\"%s;text-align:right\">", td);
		count(out, it->count);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (b->ngone > limit) {
		fputs("<p style=\"color:#555;font-style:italic\">and ", out);
		count(out, b->ngone - limit);
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
	struct month_bar bars[MONTH_BARS];
	if (!summary_month_span(s, info->period, &first, &last))
		return;
	size_t n = month_bars(s, first, last, bars);
	fputs("<h2>Month by month</h2>\n", out);
	if (mail) {
		mail_months(out, bars, n);
	} else {
		/* as wide as the charts above: a grid that keeps its second column */
		fputs("<div class=\"charts\" style=\"grid-template-columns:repeat(auto-fill,"
		      "minmax(480px,1fr))\">\n<figure><figcaption>Findings by month</figcaption>\n",
		      out);
		chart_months(out, bars, n);
		fputs("</figure>\n</div>\n", out);
	}
	fputs("<table><thead><tr><th>Month</th><th class=\"n\">Runs audited</th>"
	      "<th class=\"n\">Runs with findings</th>",
	      out);
	for (int k = 0; k < FIND_COUNT; k++)
		fprintf(out, "<th class=\"n\">%s</th>", finding_name((enum finding_kind)k));
	fputs("</tr></thead><tbody>\n", out);
	uint64_t empty = 0;
	struct summary_month_row row;
	char name[16], until[16];
	for (int64_t at = first; summary_month_next(s, &at, last, &row);) {
		const struct summary_month *e = row.e;
		summary_month_name(row.first, name, sizeof name);
		if (row.last > row.first) {
			empty += (uint64_t)(row.last - row.first + 1);
			fprintf(out, "<tr><td>%s to %s</td><td colspan=\"%d\">no runs audited (", name,
				summary_month_name(row.last, until, sizeof until), FIND_COUNT + 2);
			count(out, (uint64_t)(row.last - row.first + 1));
			fputs(" months)</td></tr>\n", out);
			continue;
		}
		empty += !e || !e->runs;
		fprintf(out, "<tr><td>%s</td><td class=\"n\">", name);
		count(out, e ? e->runs : 0);
		fputs("</td><td class=\"n\">", out);
		count(out, e ? e->flagged : 0);
		for (int k = 0; k < FIND_COUNT; k++) {
			fputs("</td><td class=\"n\">", out);
			count(out, e ? e->count[k] : 0);
		}
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	if (empty) {
		fputs("<p class=\"more\">", out);
		count(out, empty);
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
	if (info->tally->incomplete)
		incomplete(out, info->tally);
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
	if (info->tally->uncovered[0]) {
		fputs("<p class=\"incomplete\">ERROR: ", out);
		E(info->tally->uncovered);
		fputs(". Nothing below answers for the period: this report is no all-clear.</p>\n",
		      out);
	}

	fputs("<h2>Findings</h2>\n", out);
	uint64_t waived = 0;
	for (int k = 0; k < FIND_COUNT; k++)
		waived += s->waived[k];
	if (mail) {
		mail_cards(out, s);
	} else {
		fputs("<div class=\"cards\">\n", out);
		fprintf(out, "<div class=\"card\" style=\"border-left-color:#1b1b1b\"><b>");
		count(out, s->runs);
		fputs("</b>runs with findings</div>\n", out);
		if (waived) {
			fputs("<div class=\"card\" style=\"border-left-color:#999\"><b>", out);
			count(out, waived);
			fputs("</b><a href=\"#waived\">waived</a></div>\n", out);
		}
		for (int k = 0; k < FIND_COUNT; k++) {
			fprintf(out, "<div class=\"card\" style=\"border-left-color:%s\"><b>", kind_color[k]);
			count(out, s->kinds[k]);
			fprintf(out, "</b><a href=\"#%s\">%s</a></div>\n", finding_name((enum finding_kind)k),
				finding_name((enum finding_kind)k));
		}
		fputs("</div>\n", out);
	}
	if (info->hidden) {
		fputs("<p class=\"more\">", out);
		count(out, info->hidden);
		fputs(" more runs with findings not shown: filters.</p>\n", out);
	}
	if (s->failed)
		fputs("<p class=\"incomplete\">OUT OF MEMORY: the tables and charts below are short: "
		      "some findings are counted above but missing from them.</p>\n",
		      out);
	trend(out, info);

	if (mail) {
		mail_kinds(out, s);
		mail_bars_by_kind(out, "Findings by unit", s->units, s->nunits, 12, 1);
		mail_days(out, s);
		mail_damaging(out, s);
	} else {
		fputs("<div class=\"charts\">\n<figure><figcaption>Findings by kind</figcaption>\n", out);
		chart_kinds(out, s);
		fputs("</figure>\n<figure><figcaption>Findings by unit</figcaption>\n", out);
		bars_by_kind(out, "Findings by unit", s->units, s->nunits, 12);
		fputs("</figure>\n<figure><figcaption>Manual runs per day</figcaption>\n", out);
		chart_days(out, s);
		fputs("</figure>\n<figure><figcaption>The largest runs of damaging jobs</figcaption>\n", out);
		chart_damaging(out, s);
		fputs("</figure>\n</div>\n", out);
	}
	months(out, info, mail);

	fputs("<h2>What was read</h2>\n", out);
	facts(out, info);

	if (s->runs) {
		fputs("<h2>Runs with findings</h2>\n", out);
		for (int k = 0; k < FIND_COUNT; k++)
			if (s->kinds[k])
				findings_table(out, s, (enum finding_kind)k);
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
	rejects(out, info->tally);
	fputs("<footer>Made by almaudit from the exports and rules named above.</footer>\n"
	      "</body>\n</html>\n",
	      out);
}

void report_html_page(FILE *out, const struct report_info *info)
{
	page(out, info, 0);
}

/* ---- the email's html: every style inline ---- */

/* What the page's style sheet gives each element and class, as attributes
 * and inline styles for mail readers, which strip <style> (Gmail, Outlook).
 * Kept short: Gmail clips a message past about 100 kB. A class not listed
 * here stays a class, and the tests fail on any class in the mail. */
static const struct mail_look {
	const char *name; /* an element, or ".class" */
	const char *attrs, *style;
} mail_looks[] = {
	{"body", "",
	 "margin:0;padding:12px;font-family:'DejaVu Sans','Segoe UI',Arial,sans-serif;"
	 "font-size:14px;line-height:1.45;color:#1b1b1b"},
	{"h1", "", "font-size:22px;margin:0 0 2px"},
	{"h2", "", "font-size:17px;margin:22px 0 6px;border-bottom:2px solid #1b1b1b;padding-bottom:2px"},
	{"h3", "", "font-size:14px;margin:16px 0 4px"},
	{"table", "width=\"100%\" cellpadding=\"3\" cellspacing=\"0\"",
	 "border-collapse:collapse;margin:4px 0 14px;font-size:13px"},
	{"th", "align=\"left\"", "background-color:#f2f3f5"},
	{"tr", "", "border-bottom:1px solid #ddd"},
	{"small", "", "color:#555"},
	{"ul", "", "margin:3px 0"},
	{"footer", "", "display:block;margin-top:24px;color:#777;font-size:12px"},
	{".sub", "", "color:#555;margin:0 0 12px"},
	{".incomplete", "",
	 "background-color:#fdecea;border:1px solid #c0392b;padding:6px 12px;font-weight:bold"},
	{".n", "align=\"right\"", ""},
	{".id", "", "font-family:monospace"},
	{".facts", "", ""},
	{".more", "", "color:#555;font-style:italic"},
};

static const struct mail_look *mail_look(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof mail_looks / sizeof mail_looks[0]; i++)
		if (strlen(mail_looks[i].name) == n && !memcmp(mail_looks[i].name, name, n))
			return &mail_looks[i];
	return NULL;
}

/* 1 when the attributes a..e hold one named name (name="..." or name). */
static int has_attr(const char *a, const char *e, const char *name, size_t n)
{
	for (const char *p = a; p + n <= e; p++)
		if ((p == a || p[-1] == ' ') && !memcmp(p, name, n) && (p + n == e || p[n] == '=' || p[n] == ' '))
			return 1;
	return 0;
}

/* Adds a look's attributes that the tag does not set itself, nor an
 * earlier look (set: the attributes added so far, " name=..." each). */
static void look_attrs(FILE *out, const struct mail_look *look, const char *a, const char *e,
		       char *set, size_t size)
{
	const char *p = look->attrs;
	while (*p) {
		size_t name = strcspn(p, "="), len = strcspn(p, " ");
		const char *q = memchr(p, '"', len);
		if (q) /* the value may hold no space: ours do not */
			len = (size_t)(strchr(q + 1, '"') + 1 - p);
		size_t used = strlen(set);
		if (!has_attr(a, e, p, name) && !has_attr(set, set + used, p, name)) {
			putc(' ', out);
			fwrite(p, 1, len, out);
			snprintf(set + used, size - used, " %.*s", (int)len, p);
		}
		p += len;
		while (*p == ' ')
			p++;
	}
}

/* Writes one start tag with the looks of its element and classes inline:
 * their attributes where the tag sets none, and one style attribute, the
 * element's style (unless the tag has a style of its own), then the
 * classes', then the tag's own (which wins). */
static void mail_tag(FILE *out, const char *tag, size_t n)
{
	const char *name = tag + 1, *p = name;
	while (p < tag + n && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
		p++;
	const char *a = p, *e = tag + n - 1; /* the attributes: a..e, before '>' */
	const char *cls = NULL, *own = NULL;
	size_t ncls = 0, nown = 0;
	const struct mail_look *looks[8];
	size_t nlooks = 0;
	looks[nlooks] = mail_look(name, (size_t)(p - name));
	nlooks += looks[nlooks] != NULL;
	size_t element = nlooks; /* 1: looks[0] is the element's */
	fwrite(tag, 1, (size_t)(a - tag), out);
	/* the other attributes as they are; class and style kept aside */
	for (p = a; p < e;) {
		while (p < e && *p == ' ')
			p++;
		const char *start = p;
		while (p < e && *p != ' ' && *p != '=')
			p++;
		const char *value = NULL;
		size_t nvalue = 0;
		if (p < e && *p == '=' && p[1] == '"') {
			value = p + 2;
			const char *close = memchr(value, '"', (size_t)(e - value));
			nvalue = close ? (size_t)(close - value) : (size_t)(e - value);
			p = value + nvalue + 1;
		}
		if (p == start)
			break;
		if ((size_t)(p - start) > 6 && !memcmp(start, "class=", 6)) {
			cls = value;
			ncls = nvalue;
		} else if ((size_t)(p - start) > 6 && !memcmp(start, "style=", 6)) {
			own = value;
			nown = nvalue;
		} else {
			putc(' ', out);
			fwrite(start, 1, (size_t)(p - start), out);
		}
	}
	/* the classes: known ones become looks, others stay classes */
	char kept[128];
	size_t nkept = 0;
	for (size_t i = 0; i < ncls;) {
		size_t len = 0;
		while (i + len < ncls && cls[i + len] != ' ')
			len++;
		char dotted[64];
		const struct mail_look *look = NULL;
		if (len && len + 1 < sizeof dotted) {
			dotted[0] = '.';
			memcpy(dotted + 1, cls + i, len);
			look = mail_look(dotted, len + 1);
		}
		if (look && nlooks < sizeof looks / sizeof looks[0])
			looks[nlooks++] = look;
		else if (len && nkept + len + 1 < sizeof kept)
			nkept += (size_t)snprintf(kept + nkept, sizeof kept - nkept, "%s%.*s",
						  nkept ? " " : "", (int)len, cls + i);
		i += len + 1;
	}
	/* the classes' attributes win over the element's */
	char set[256] = "";
	for (size_t i = nlooks; i-- > 0;)
		look_attrs(out, looks[i], a, e, set, sizeof set);
	if (nkept)
		fprintf(out, " class=\"%s\"", kept);
	/* a tag with a style of its own (the charts, the cards) is styled
	 * whole by it: no element style (the page stays small) */
	int any = 0;
	for (size_t i = own ? element : 0; i < nlooks; i++)
		if (looks[i]->style[0])
			fprintf(out, "%s%s", any++ ? ";" : " style=\"", looks[i]->style);
	if (nown) {
		fputs(any++ ? ";" : " style=\"", out);
		fwrite(own, 1, nown, out);
	}
	if (any)
		putc('"', out);
	putc('>', out);
}

/* The page as the email's html part: rendered for mail (tables for the
 * charts and cards, no style sheet), then each start tag given its styles
 * inline. What came from an export is escaped, so every '<' in the page
 * opens a tag of ours and no '>' sits inside an attribute. */
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
	for (size_t i = 0; i < n;) {
		char *lt = memchr(html + i, '<', n - i);
		if (!lt) {
			fwrite(html + i, 1, n - i, out);
			break;
		}
		fwrite(html + i, 1, (size_t)(lt - (html + i)), out);
		char *gt = memchr(lt, '>', (size_t)(html + n - lt));
		size_t len = gt ? (size_t)(gt - lt) + 1 : (size_t)(html + n - lt);
		if (gt && lt[1] >= 'a' && lt[1] <= 'z')
			mail_tag(out, lt, len);
		else
			fwrite(lt, 1, len, out);
		i = (size_t)(lt - html) + len;
	}
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

/* The parts of the page other pages share (almaudit review). */
void report_html_facts(FILE *out, const struct report_info *info)
{
	facts(out, info);
}

void report_html_incomplete(FILE *out, const struct tally *t)
{
	incomplete(out, t);
}

void report_html_rejects(FILE *out, const struct tally *t)
{
	rejects(out, t);
}
