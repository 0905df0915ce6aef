/* The access review's html page (almaudit review --format html): see
 * report_review.h. It fits a window of 1280 pixels: the matrix scrolls in a
 * box of its own (its heading row and its column of people stay in view),
 * its cells narrow, each person's unit under the name, so that a long name
 * or unit is cut at the column and not wrapped; it prints with its details:
 * every approval's review, sign-off and rule in a table of its own, not
 * only in the matrix cells' tooltips, which do not print. */
#include "report_review.h"

#include "html.h"
#include "report_html.h"
#include "report_html_read.h"
#include "times.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define E(s) report_html_escape(out, (s))
#define T(s) report_html_text(out, (s)) /* a table cell's text */

static const char review_style[] =
	"<style>\n"
	".mbox{overflow:auto;max-width:100%;max-height:85vh;border:1px solid #ccc;margin:.3em 0 1em}\n"
	".matrix{width:auto;font-size:.8em;margin:0}.matrix th,.matrix td{padding:.15em .2em}\n"
	".matrix thead th{position:sticky;top:0;z-index:2}"
	".matrix thead th:first-child{left:0;z-index:3;vertical-align:bottom}\n"
	".matrix th.job{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;"
	"font-weight:400;vertical-align:bottom;font-size:.95em}\n"
	".matrix td{text-align:center;min-width:1.7em;border:1px solid #e3e3e3;color:#1b1b1b}"
	".matrix td.who{text-align:left;white-space:nowrap;max-width:17em;overflow:hidden;"
	"text-overflow:ellipsis;position:sticky;left:0;z-index:1;background:#fff;line-height:1.15}\n"
	".matrix td.who small{display:block;overflow:hidden;text-overflow:ellipsis}\n"
	".used{background:#a9dfbf}.unused{background:#f9e79f}"
	".untested{background:#f1948a;font-weight:700}"
	".revoked{background:#d5d8dc;color:#3b3b3b}.later{background:#d6eaf8}\n"
	".legend span{display:inline-block;padding:.1em .6em;margin-right:.4em;border:1px solid #ccc}\n"
	".every td{font-size:.95em}\n"
	"@page{size:A4 landscape;margin:1cm}\n"
	"@media print{.mbox{overflow:visible;max-height:none;border:0}"
	".matrix th,.matrix td,.matrix td.who{position:static}"
	".matrix{font-size:7pt}.matrix td.who{max-width:none}.matrix td{min-width:1.4em}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
	"</style>\n";

/* The colour of a cell: the approvals of one person for one job. */
static const char *cell_class(const struct review_approval *ra)
{
	if (ra->state == REVIEW_REVOKED)
		return "revoked";
	if (ra->findings & (1u << REVIEW_UNTESTED))
		return "untested";
	if (ra->state == REVIEW_LATER)
		return "later";
	return ra->runs ? "used" : "unused";
}

/* "Anne Adams <small>(ITS-MUS)</small>"; br: the unit on a line of its own. */
static void person(FILE *out, const struct rules_person *p, int br)
{
	T(p->name);
	if (p->unit[0]) {
		fputs(br ? "<br><small>" : " <small>(", out);
		T(p->unit);
		fputs(br ? "</small>" : ")</small>", out);
	}
}

static void html_matrix(FILE *out, const struct review_report *r, const int *order, size_t n)
{
	const struct rules *rules = r->rules;
	const struct review *rv = r->rv;
	unsigned char *cols = calloc(rules->njobs ? rules->njobs : 1, 1);
	if (!cols) {
		fputs("<p class=\"incomplete\">OUT OF MEMORY: the matrix is missing.</p>\n", out);
		return;
	}
	for (size_t i = 0; i < rules->napprovals; i++)
		if (rv->approvals[i].shown)
			cols[rules->approvals[i].job] = 1;
	fputs("<div class=\"mbox\"><table class=\"matrix\"><thead><tr><th>Person (unit)</th>", out);
	for (size_t j = 0; j < rules->njobs; j++)
		if (cols[j]) {
			fputs("<th class=\"job\" title=\"", out);
			E(rules->jobs[j].title);
			fputs("\">", out);
			E(rules->jobs[j].id);
			fputs("</th>", out);
		}
	fputs("</tr></thead><tbody>\n", out);
	char verdict[160], cite[300], d[16];
	for (size_t o = 0; o < n; o++) {
		int p = order[o];
		/* the whole name and unit in the title: a cut one is there on
		 * the screen, and printed whole (no cut on paper) */
		fputs("<tr><td class=\"who\" title=\"", out);
		E(rules->people[p].name);
		if (rules->people[p].unit[0]) {
			fputs(" (", out);
			E(rules->people[p].unit);
			fputs(")", out);
		}
		fputs("\">", out);
		person(out, &rules->people[p], 1);
		if (rv->people[p].findings & (1u << REVIEW_NO_APPROVALS))
			fputs(" <b>no-approvals</b>", out);
		fputs("</td>", out);
		for (size_t j = 0; j < rules->njobs; j++) {
			if (!cols[j])
				continue;
			/* the person's approvals for the job: the last shown one colours it */
			size_t found = SIZE_MAX;
			for (size_t i = rules->person_first[p]; i < rules->person_first[p + 1]; i++) {
				size_t k = rules->by_person[i];
				if (rules->approvals[k].job == (int)j && rv->approvals[k].shown &&
				    (found == SIZE_MAX || rv->approvals[found].state == REVIEW_REVOKED))
					found = k;
			}
			if (found == SIZE_MAX) {
				fputs("<td></td>", out);
				continue;
			}
			const struct review_approval *ra = &rv->approvals[found];
			report_review_day(rules->approvals[found].signed_off, d, sizeof d);
			fprintf(out, "<td class=\"%s\" title=\"", cell_class(ra));
			E(rules->jobs[j].id);
			fputs(": ", out);
			E(report_review_verdict(r, found, verdict, sizeof verdict));
			fputs(d[0] ? "; signed off " : "; no sign-off date", out);
			E(d);
			fputs(" (", out);
			E(report_review_rule(rules, found, cite, sizeof cite));
			fputs(")\">", out);
			if (ra->state == REVIEW_REVOKED)
				fputs("&#8211;0", out);
			else
				html_count(out, ra->runs);
			fputs(ra->findings & (1u << REVIEW_UNDATED) ? "*</td>" : "</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table></div>\n", out);
	free(cols);
}

/* A row of the approvals' table: person, job, signed off, runs, last run,
 * sandbox test, review, rule. */
static void approval_row(FILE *out, const struct review_report *r, int p, size_t k)
{
	const struct rules *rules = r->rules;
	const struct review_approval *ra = &r->rv->approvals[k];
	char signed_off[16], last[16], sandbox[16], verdict[160], cite[300];
	report_review_day(rules->approvals[k].signed_off, signed_off, sizeof signed_off);
	report_review_local_day(ra->last, last, sizeof last);
	fputs("<tr><td>", out);
	person(out, &rules->people[p], 0);
	fputs("</td><td>", out);
	T(rules->jobs[rules->approvals[k].job].id);
	fputs("</td><td>", out);
	E(signed_off[0] ? signed_off : "-");
	fputs("</td><td class=\"n\">", out);
	html_count(out, ra->runs);
	fputs("</td><td>", out);
	E(last[0] ? last : "-");
	fputs("</td><td>", out);
	E(report_review_sandbox(ra, sandbox, sizeof sandbox));
	fprintf(out, "</td><td class=\"%s\">", cell_class(ra));
	T(report_review_verdict(r, k, verdict, sizeof verdict));
	fputs("</td><td>", out);
	T(report_review_rule(rules, k, cite, sizeof cite));
	fputs("</td></tr>\n", out);
}

/* The approvals shown (findings: only those with findings), and the people
 * with none in force. */
static void html_approvals(FILE *out, const struct review_report *r, const int *order, size_t n,
			   int findings)
{
	const struct rules *rules = r->rules;
	const struct review *rv = r->rv;
	fprintf(out, "<table%s><thead><tr><th>Person (unit)</th><th>Job</th><th>Signed off</th>"
		     "<th class=\"n\">Runs</th><th>Last run</th><th>Sandbox test</th><th>Review</th>"
		     "<th>Rule</th></tr></thead><tbody>\n",
		findings ? "" : " class=\"every\"");
	for (size_t o = 0; o < n; o++) {
		int p = order[o];
		for (size_t i = rules->person_first[p]; i < rules->person_first[p + 1]; i++) {
			size_t k = rules->by_person[i];
			const struct review_approval *ra = &rv->approvals[k];
			if (ra->shown && (!findings || ra->findings))
				approval_row(out, r, p, k);
		}
		if (rv->people[p].findings & (1u << REVIEW_NO_APPROVALS)) {
			fputs("<tr><td>", out);
			person(out, &rules->people[p], 0);
			fprintf(out, "</td><td colspan=\"5\"></td><td>no-approvals (%zu revoked)"
				     "</td><td>%s:%ld</td></tr>\n",
				rv->people[p].revoked, rules_file_name(rules->staff_path),
				rules->people[p].line);
		}
	}
	fputs("</tbody></table>\n", out);
}

void report_review_html(FILE *out, const struct review_report *r)
{
	const struct review *rv = r->rv;
	struct report_info info = report_review_info(r);
	char period[96], text[512];
	size_t n = 0;

	period_text(r->period, period, sizeof period);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>Alma access review: ",
	      out);
	E(period);
	fputs("</title>\n", out);
	fputs(report_html_style, out);
	fputs(review_style, out);
	fputs("</head>\n<body>\n<h1>Alma access review</h1>\n<p class=\"sub\">", out);
	E(period);
	fputs(", ", out);
	E(times_zone_name());
	fputs("</p>\n", out);
	if (r->tally->incomplete)
		report_html_incomplete(out, r->tally, 0);
	report_html_notes(out, r->tally);
	if (report_review_short_history(r, text, sizeof text)) {
		fputs("<p class=\"incomplete\">WARNING: ", out);
		E(text);
		fputs("</p>\n", out);
	}
	fputs("<h2>To review</h2>\n<div class=\"cards\">\n", out);
	static const char *const colors[REVIEW_KINDS] = {"#d4ac0d", "#c0392b", "#7f8c8d",
							 "#1f618d"};
	for (int k = 0; k < REVIEW_KINDS; k++) {
		fprintf(out, "<div class=\"card\" style=\"border-left-color:%s\"><b>", colors[k]);
		html_count(out, rv->count[k]);
		fprintf(out, "</b>%s</div>\n", review_kind_name((enum review_kind)k));
	}
	fputs("<div class=\"card\" style=\"border-left-color:#999\"><b>", out);
	html_count(out, rv->not_reached);
	fprintf(out, "</b>%s</div>\n", REPORT_REVIEW_NOT_REACHED);
	fputs("</div>\n<p>", out);
	report_review_sandbox_reach(r, text, sizeof text);
	fputs("Sandbox history: ", out);
	E(text);
	fputs(".</p>\n", out);
	int *order = report_review_people(r, &n);
	if (!order) {
		fputs("<p class=\"incomplete\">OUT OF MEMORY: the tables are missing.</p>\n", out);
	} else {
		fputs("<h2>Who may run what, and did</h2>\n<p class=\"legend\">"
		      "<span class=\"used\">used</span><span class=\"unused\">unused</span>"
		      "<span class=\"untested\">untested</span><span class=\"revoked\">revoked</span>"
		      "<span class=\"later\">signed off after the period</span> "
		      "The number: production runs in the period the approval covered; "
		      "* no sign-off date (undated). Each approval's review, sign-off and rule: "
		      "<a href=\"#every\">Every approval</a> below.</p>\n",
		      out);
		html_matrix(out, r, order, n);
		if (review_findings(rv)) {
			fputs("<h2>Findings</h2>\n", out);
			html_approvals(out, r, order, n, 1);
		}
		fputs("<h2 id=\"every\">Every approval</h2>\n", out);
		html_approvals(out, r, order, n, 0);
	}
	free(order);
	fputs("<h2>What the findings mean</h2>\n<table class=\"facts\"><tbody>\n", out);
	for (int k = 0; k < REVIEW_KINDS; k++)
		fprintf(out, "<tr><th>%s</th><td>%s</td></tr>\n", review_kind_name((enum review_kind)k),
			report_review_meaning((enum review_kind)k));
	fputs("</tbody></table>\n<h2>What was read</h2>\n", out);
	report_html_facts(out, &info);
	report_html_rejects(out, r->tally);
	fputs("<footer>Made by almaudit review from the exports and rules named above.</footer>\n"
	      "</body>\n</html>\n",
	      out);
}
