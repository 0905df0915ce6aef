#include "html_chart.h"

#include "cells.h"
#include "html.h"
#include "times.h"

#include <inttypes.h>
#include <string.h>

#define E(s) report_html_escape(out, (s))

/* ---- SVG ---- */

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
			lx, ly, html_kind_color[k], lx + 14, ly + 9, finding_name((enum finding_kind)k));
		lx += 128;
		if (lx + 128 > CHART_W) {
			lx = 4;
			ly += 16;
		}
	}
}

/* A chart's label: s whole when it takes at most LABEL_COLUMNS columns,
 * else cut at a character's end to one less, with "…" (never inside a
 * UTF-8 character). */
#define LABEL_COLUMNS 36
static const char *short_label(char *buf, size_t size, const char *s)
{
	if (report_text_columns(s) <= LABEL_COLUMNS) {
		snprintf(buf, size, "%s", s);
		return buf;
	}
	size_t at = 0, len;
	for (int cols = 0; s[at];) {
		int c = report_char_columns((const unsigned char *)s + at, &len);
		if (!len)
			len = 1;
		if (cols + c > LABEL_COLUMNS - 1 || at + len + sizeof "…" > size)
			break;
		cols += c;
		at += len;
	}
	snprintf(buf, size, "%.*s…", (int)at, s);
	return buf;
}

/* "and 14 more units", in the charts that show the first rows of more. */
static const char *more_text(char *buf, size_t size, size_t more, const char *one, const char *many)
{
	char n[32];
	snprintf(buf, size, "and %s more %s", report_count(more, n, sizeof n), more == 1 ? one : many);
	return buf;
}

/* The largest sum of a row's counts by kind among the first n rows (at
 * least 1): the length of a full bar. */
static uint64_t rows_top(const struct summary_row *rows, size_t n)
{
	uint64_t top = 1;
	for (size_t i = 0; i < n; i++) {
		uint64_t sum = 0;
		for (int k = 0; k < FIND_COUNT; k++)
			sum += rows[i].count[k];
		if (sum > top)
			top = sum;
	}
	return top;
}

/* The counts by kind as rows of one kind each, for the bars by kind. */
static void kind_rows(struct summary_row *rows, const struct summary *s)
{
	memset(rows, 0, FIND_COUNT * sizeof *rows);
	for (int k = 0; k < FIND_COUNT; k++) {
		rows[k].label = (char *)finding_name((enum finding_kind)k);
		rows[k].count[k] = s->kinds[k];
		rows[k].runs = s->kinds[k];
	}
}

/* Horizontal bars: one row per label, stacked by finding kind. */
static void bars_by_kind(FILE *out, const char *title, const struct summary_row *rows, size_t n,
			 size_t max_rows, const char *one, const char *many)
{
	size_t more = n > max_rows ? n - max_rows : 0;
	n -= more;
	uint64_t top = rows_top(rows, n);
	int row_h = 22, label_w = 190, bar_w = CHART_W - label_w - 50;
	int per_line = CHART_W / 128, legend_lines = (FIND_COUNT + per_line - 1) / per_line;
	int more_h = more ? 18 : 0;
	int h = (int)n * row_h + 34 + (legend_lines - 1) * 16 + more_h;
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
		char label[160];
		E(short_label(label, sizeof label, rows[i].label));
		fputs("</text>", out);
		for (int k = 0; k < FIND_COUNT; k++) {
			if (!rows[i].count[k])
				continue;
			double w = (double)rows[i].count[k] * bar_w / (double)top;
			fprintf(out,
				"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\">"
				"<title>",
				x, y + 2, w < 1 ? 1 : w, html_kind_color[k]);
			if (strcmp(rows[i].label, finding_name((enum finding_kind)k))) {
				E(rows[i].label);
				fputs(": ", out);
			}
			char c[32];
			fprintf(out, "%s: %s</title></rect>", finding_name((enum finding_kind)k),
				report_count(rows[i].count[k], c, sizeof c));
			x += w;
			sum += rows[i].count[k];
		}
		char c[32];
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>\n", x + 4, y + 14,
			report_count(sum, c, sizeof c));
	}
	if (more) {
		char text[96];
		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" font-style=\"italic\">",
			label_w, (int)n * row_h + 14);
		E(more_text(text, sizeof text, more, one, many));
		fputs("</text>\n", out);
	}
	legend(out, (int)n * row_h + 20 + more_h);
	fputs("</svg>\n", out);
}

static void chart_kinds(FILE *out, const struct summary *s)
{
	struct summary_row rows[FIND_COUNT];
	kind_rows(rows, s);
	bars_by_kind(out, "Findings by kind", rows, FIND_COUNT, FIND_COUNT, "kinds", "kinds");
}

/* A bar of a chart by day: the days from *i on in the same stretch of per
 * days from the first (days since 1970 / per), their runs and the runs with
 * findings summed; moves *i past them and returns the bar's index. */
static int64_t days_bar(const struct summary *s, int64_t per, size_t *i, uint64_t *runs,
			uint64_t *flagged)
{
	int64_t first = s->days[0].day, bar = (s->days[*i].day - first) / per;
	*runs = *flagged = 0;
	for (; *i < s->ndays && (s->days[*i].day - first) / per == bar; ++*i) {
		*runs += s->days[*i].runs;
		*flagged += s->days[*i].flagged;
	}
	return bar;
}

/* The most runs in a bar of per days (at least 1). */
static uint64_t days_top(const struct summary *s, int64_t per)
{
	uint64_t top = 1, runs, flagged;
	for (size_t i = 0; i < s->ndays;) {
		days_bar(s, per, &i, &runs, &flagged);
		if (runs > top)
			top = runs;
	}
	return top;
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
	uint64_t top = days_top(s, per);
	double slot = plot_w / (double)bars;
	char c[32], d[48];
	fprintf(out,
		"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>"
		"<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>"
		"<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">0</text>\n",
		left, top_pad + plot_h, CHART_W - 8, top_pad + plot_h, left - 4, top_pad + 8,
		report_count(top, c, sizeof c), left - 4, top_pad + plot_h);
	for (size_t i = 0; i < s->ndays;) {
		uint64_t runs, flagged;
		int64_t bar = days_bar(s, per, &i, &runs, &flagged);
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
		fprintf(out, ": %s, %s with findings</title></rect>",
			report_count_of(runs, "run", "runs", d, sizeof d), report_count(flagged, c, sizeof c));
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
		char full[200], label[160];
		snprintf(full, sizeof full, "%s, %s", d->person, d->job);
		short_label(label, sizeof label, full);
		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">",
			label_w - 6, y + 14);
		E(label);
		char n[32], t[32];
		report_count((uint64_t)d->records, n, sizeof n);
		report_count((uint64_t)(d->threshold > 0 ? d->threshold : 0), t, sizeof t);
		fprintf(out,
			"</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\">"
			"<title>run %" PRIu64 ": %s %s (threshold %s)</title></rect>"
			"<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>\n",
			label_w, y + 2, w < 1 ? 1 : w, d->records > d->threshold ? "#7d3c98" : "#b7a6c4",
			d->id, n, d->records == 1 ? "record" : "records", t, label_w + (w < 1 ? 1 : w) + 4,
			y + 14, n);
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
	else {
		char n[48], f[32];
		snprintf(buf, size, "%s%s%s: %s audited, %s with findings", a, last > first ? " to " : "",
			 last > first ? b : "", report_count_of(runs, "run", "runs", n, sizeof n),
			 report_count(flagged, f, sizeof f));
	}
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
			char c[32];
			fprintf(out,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
				"<title>%s: %s</title></rect>",
				x, y, w, hk, html_kind_color[k], finding_name((enum finding_kind)k),
				report_count(b->count[k], c, sizeof c));
		}
		char c[32];
		if (slot >= 14)
			fprintf(out,
				"<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s"
				"</text>",
				x + w / 2, y - 3, report_count(b->findings, c, sizeof c));
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
			html_kind_color[k], finding_name((enum finding_kind)k));
	fputs("</td></tr>\n", out);
}

/* "unapproved: 2, no-signoff: 1" for the kinds a row counts. */
static void kinds_text(char *buf, size_t size, const uint64_t *count)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int k = 0; k < FIND_COUNT && used < size; k++)
		if (count[k])
		{
			char c[32];
			used += (size_t)snprintf(buf + used, size - used, "%s%s: %s", used ? ", " : "",
						 finding_name((enum finding_kind)k),
						 report_count(count[k], c, sizeof c));
		}
}

static void mail_bars_by_kind(FILE *out, const char *title, const struct summary_row *rows,
			      size_t n, size_t max_rows, int detail, const char *one, const char *many)
{
	size_t more = n > max_rows ? n - max_rows : 0;
	n -= more;
	uint64_t top = rows_top(rows, n);
	mail_chart_open(out, title);
	for (size_t i = 0; i < n; i++) {
		struct seg seg[FIND_COUNT];
		uint64_t sum = 0;
		for (int k = 0; k < FIND_COUNT; k++) {
			seg[k] = (struct seg){rows[i].count[k], html_kind_color[k]};
			sum += rows[i].count[k];
		}
		char number[32], text[256];
		report_count(sum, number, sizeof number);
		kinds_text(text, sizeof text, rows[i].count);
		mail_bar(out, rows[i].label, seg, FIND_COUNT, top, number, detail ? text : NULL);
	}
	if (more) {
		char text[96];
		fputs("<tr style=\"border:0\"><td colspan=\"2\" style=\"padding:3px 0;font-size:12px;"
		      "font-style:italic;color:#555\">",
		      out);
		E(more_text(text, sizeof text, more, one, many));
		fputs("</td></tr>\n", out);
	}
	if (detail)
		mail_legend(out);
	fputs("</table>\n", out);
}

static void mail_kinds(FILE *out, const struct summary *s)
{
	struct summary_row rows[FIND_COUNT];
	kind_rows(rows, s);
	mail_bars_by_kind(out, "Findings by kind", rows, FIND_COUNT, FIND_COUNT, 0, "kinds", "kinds");
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
	uint64_t top = days_top(s, per);
	for (size_t i = 0; i < s->ndays;) {
		uint64_t runs, flagged;
		int64_t bar = days_bar(s, per, &i, &runs, &flagged);
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
		char a[48], b[32];
		snprintf(number, sizeof number, "%s, %s with findings",
			 report_count_of(runs, "run", "runs", a, sizeof a), report_count(flagged, b, sizeof b));
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
		snprintf(detail, sizeof detail, "run %" PRIu64 ": %s %s (threshold %s)%s", d->id, number,
			 d->records == 1 ? "record" : "records", t,
			 d->records > d->threshold ? ": above" : "");
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
		report_count_of(b->findings, "finding", "findings", number, sizeof number);
		month_title(title, sizeof title, b->first, b->last, b->runs, b->flagged);
		kinds_text(kinds, sizeof kinds, b->count);
		snprintf(detail, sizeof detail, "%s%s%s", title, kinds[0] ? "; " : "", kinds);
		struct seg seg[FIND_COUNT];
		for (int k = 0; k < FIND_COUNT; k++)
			seg[k] = (struct seg){b->count[k], html_kind_color[k]};
		mail_bar(out, label, seg, FIND_COUNT, top, number, detail);
	}
	mail_legend(out);
	fputs("</table>\n", out);
}

/* ---- the charts ---- */

static void units(FILE *out, const struct summary *s)
{
	bars_by_kind(out, "Findings by unit", s->units, s->nunits, 12, "unit", "units");
}

static void mail_units(FILE *out, const struct summary *s)
{
	mail_bars_by_kind(out, "Findings by unit", s->units, s->nunits, 12, 1, "unit", "units");
}

/* Each chart drawn as SVG, and as tables for mail readers. */
static void (*const draw[HTML_CHARTS][2])(FILE *, const struct summary *) = {
	[HTML_CHART_KINDS] = {chart_kinds, mail_kinds},
	[HTML_CHART_UNITS] = {units, mail_units},
	[HTML_CHART_DAYS] = {chart_days, mail_days},
	[HTML_CHART_DAMAGING] = {chart_damaging, mail_damaging},
};

void html_chart_write(FILE *out, const struct summary *s, enum html_chart which, int mail)
{
	draw[which][mail != 0](out, s);
}

void html_chart_months(FILE *out, const struct summary *s, int64_t first, int64_t last, int mail)
{
	struct month_bar bars[MONTH_BARS];
	size_t n = month_bars(s, first, last, bars);
	if (mail)
		mail_months(out, bars, n);
	else
		chart_months(out, bars, n);
}
