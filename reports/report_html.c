/* The html renderer: one self-contained page (no scripts, no external
 * styles, fonts or images) with the text report's content and four charts
 * drawn here as inline SVG: findings by kind, findings by unit, manual runs
 * per day with the runs that had findings marked, and the largest damaging
 * runs. Everything that came from an export or the rules is escaped. Written
 * at the end from the bounded summary. */
#include "report.h"

#include "filter.h"
#include "report_text.h"
#include "times.h"

#include <inttypes.h>
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

static const char style[] =
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
				"<title>%s: %" PRIu64 "</title></rect>",
				x, y + 2, w < 1 ? 1 : w, kind_color[k],
				finding_name((enum finding_kind)k), rows[i].count[k]);
			x += w;
			sum += rows[i].count[k];
		}
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%" PRIu64 "</text>\n",
			x + 4, y + 14, sum);
	}
	/* legend */
	int lx = 4, ly = (int)n * row_h + 20;
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
		fprintf(out,
			"</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\">"
			"<title>run %" PRIu64 ": %" PRId64 " records (threshold %" PRId64
			")</title></rect><text x=\"%.1f\" y=\"%d\" font-size=\"11\">%" PRId64 "</text>\n",
			label_w, y + 2, w < 1 ? 1 : w, d->records > d->threshold ? "#7d3c98" : "#b7a6c4",
			d->id, d->records, d->threshold, label_w + (w < 1 ? 1 : w) + 4, y + 14,
			d->records);
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

void report_html_page(FILE *out, const struct report_info *info)
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
	fputs(style, out);
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

	fputs("<h2>Findings</h2>\n<div class=\"cards\">\n", out);
	fprintf(out, "<div class=\"card\" style=\"border-left-color:#1b1b1b\"><b>");
	count(out, s->runs);
	fputs("</b>runs with findings</div>\n", out);
	for (int k = 0; k < FIND_COUNT; k++) {
		fprintf(out, "<div class=\"card\" style=\"border-left-color:%s\"><b>", kind_color[k]);
		count(out, s->kinds[k]);
		fprintf(out, "</b><a href=\"#%s\">%s</a></div>\n", finding_name((enum finding_kind)k),
			finding_name((enum finding_kind)k));
	}
	fputs("</div>\n", out);
	if (info->hidden) {
		fputs("<p class=\"more\">", out);
		count(out, info->hidden);
		fputs(" more runs with findings not shown: filters.</p>\n", out);
	}
	if (s->failed)
		fputs("<p class=\"incomplete\">OUT OF MEMORY: the tables and charts below are short: "
		      "some findings are counted above but missing from them.</p>\n",
		      out);

	fputs("<div class=\"charts\">\n<figure><figcaption>Findings by kind</figcaption>\n", out);
	chart_kinds(out, s);
	fputs("</figure>\n<figure><figcaption>Findings by unit</figcaption>\n", out);
	bars_by_kind(out, "Findings by unit", s->units, s->nunits, 12);
	fputs("</figure>\n<figure><figcaption>Manual runs per day</figcaption>\n", out);
	chart_days(out, s);
	fputs("</figure>\n<figure><figcaption>The largest runs of damaging jobs</figcaption>\n", out);
	chart_damaging(out, s);
	fputs("</figure>\n</div>\n", out);

	fputs("<h2>What was read</h2>\n", out);
	facts(out, info);

	if (s->runs) {
		fputs("<h2>Runs with findings</h2>\n", out);
		for (int k = 0; k < FIND_COUNT; k++)
			if (s->kinds[k])
				findings_table(out, s, (enum finding_kind)k);
		fputs("<h2>Summary</h2>\n", out);
		summary_table(out, "By person", "Person (unit)", s, s->people, s->npeople,
			      &s->people_others);
		summary_table(out, "By job", "Job", s, s->jobs, s->njobs, &s->jobs_others);
		summary_table(out, "By unit", "Unit", s, s->units, s->nunits, NULL);
	}
	rejects(out, info->tally);
	fputs("<footer>Made by almaudit from the exports and rules named above.</footer>\n"
	      "</body>\n</html>\n",
	      out);
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
