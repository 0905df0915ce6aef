/* The access review's renderers: see report_review.h. */
#include "report_review.h"

#include "cells.h"
#include "csvw.h"
#include "diag.h"
#include "report_header.h"
#include "report_json.h"
#include "times.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- what every format says ---- */

static const char *const kind_meaning[REVIEW_KINDS] = {
	[REVIEW_UNUSED] = "in force, and no production run in the period that it covered: a "
			  "candidate for revocation",
	[REVIEW_UNTESTED] = "no sandbox run of its job by the person on or before signed_off",
	[REVIEW_UNDATED] = "signed_off is empty: when was it signed off, after what test?",
	[REVIEW_NO_APPROVALS] = "in staff.csv with no approval in force: remove, or record what "
				"they may run",
};

static const char *state_name(enum review_state s)
{
	return s == REVIEW_REVOKED ? "revoked" : s == REVIEW_LATER ? "not-yet" : "in-force";
}

static const char *test_name(enum review_test t)
{
	return t == REVIEW_TESTED	? "tested"
	       : t == REVIEW_NOT_TESTED ? "untested"
	       : t == REVIEW_NOT_REACHED ? "not-reached"
					 : "";
}

#define NOT_REACHED_TEXT REPORT_REVIEW_NOT_REACHED

static void day_text(int64_t day, char *buf, size_t size)
{
	if (day == RULES_NO_DATE)
		snprintf(buf, size, "%s", "");
	else if (day == RULES_UNDATED)
		snprintf(buf, size, "%s", RULES_UNDATED_WORD);
	else
		times_format_day(day, buf, size);
}

static void local_day_of(int64_t t, char *buf, size_t size)
{
	if (t == TIME_NONE)
		snprintf(buf, size, "%s", "");
	else
		times_format_day(times_local_day(t), buf, size);
}

/* The findings of an approval or person, "unused, untested", into buf. */
static const char *kinds_text(unsigned findings, const char *sep, char *buf, size_t size)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int k = 0; k < REVIEW_KINDS; k++)
		if (findings & (1u << k)) {
			int n = snprintf(buf + o, size - o, "%s%s", o ? sep : "",
					 review_kind_name((enum review_kind)k));
			if (n > 0 && (size_t)n < size - o)
				o += (size_t)n;
		}
	return buf;
}

/* What the review says of approval i, in words. */
static const char *approval_text(const struct review_report *r, size_t i, char *buf, size_t size)
{
	const struct rules_approval *a = &r->rules->approvals[i];
	const struct review_approval *ra = &r->rv->approvals[i];
	char kinds[64], d[16];
	if (ra->state == REVIEW_REVOKED) {
		day_text(a->revoked, d, sizeof d);
		if (a->revoked == RULES_UNDATED)
			snprintf(buf, size, "revoked (date not recorded)");
		else
			snprintf(buf, size, "revoked %s", d);
	} else {
		kinds_text(ra->findings, ", ", kinds, sizeof kinds);
		if (ra->state == REVIEW_LATER)
			snprintf(buf, size, "signed off after the period%s%s", kinds[0] ? ", " : "",
				 kinds);
		else if (ra->tested == REVIEW_NOT_REACHED)
			/* neither a finding nor a pass: said as it is */
			snprintf(buf, size, "%s%s%s", kinds, kinds[0] ? "; " : "", NOT_REACHED_TEXT);
		else
			snprintf(buf, size, "%s", kinds[0] ? kinds : "ok");
	}
	if (ra->other) {
		size_t o = strlen(buf);
		char n[48];
		snprintf(buf + o, size - o, "; %s of its jobs it did not cover",
			 report_count_of(ra->other, "run", "runs", n, sizeof n));
	}
	return buf;
}

static const char *sandbox_text(const struct review_approval *ra, char *buf, size_t size)
{
	if (ra->tested == REVIEW_TESTED)
		local_day_of(ra->test, buf, size);
	else
		snprintf(buf, size, "%s",
			 ra->tested == REVIEW_NOT_TESTED ? "none" : ra->tested == REVIEW_NOT_REACHED
									 ? "not reached"
									 : "-");
	return buf;
}

static const char *rule_cite(const struct rules *r, size_t i, char *buf, size_t size)
{
	snprintf(buf, size, "%s:%ld", rules_file_name(r->approvals_path), r->approvals[i].line);
	return buf;
}

/* The production history in the period does not reach its first or last
 * day, by more than a day (a quiet first or last day is an answer: spec
 * 1.2, as the audit's coverage): "unused" then means unused in the days it
 * does reach. 1 and the warning in buf, or 0. */
static int short_history(const struct review_report *r, char *buf, size_t size)
{
	const struct review *rv = r->rv;
	const struct period *p = r->period;
	if (rv->prod_first == TIME_NONE)
		return 0;
	int64_t first = times_local_day(rv->prod_first), last = times_local_day(rv->prod_last);
	if ((p->first_day == TIME_NONE || first <= p->first_day + 1) &&
	    (p->last_day == TIME_NONE || last >= p->last_day - 1))
		return 0;
	char a[16], b[16], period[96];
	times_format_day(first, a, sizeof a);
	times_format_day(last, b, sizeof b);
	period_text(p, period, sizeof period);
	snprintf(buf, size,
		 "the production history reaches only %s to %s of the period %s: unused means no "
		 "run in those days",
		 a, b, period);
	return 1;
}

static void sandbox_reach(const struct review_report *r, char *buf, size_t size)
{
	const struct review *rv = r->rv;
	if (rv->sandbox_first == TIME_NONE) {
		snprintf(buf, size, "none read (--sandbox FILE): no sign-off can be checked for a "
				    "sandbox test");
		return;
	}
	char a[16], b[16];
	local_day_of(rv->sandbox_first, a, sizeof a);
	local_day_of(rv->sandbox_last, b, sizeof b);
	snprintf(buf, size, "%s to %s: a sign-off before %s cannot be checked for a test", a, b, a);
}

/* ---- units and people in order ---- */

/* A person shown in a unit: the unit as their cell spells it, the person
 * (in staff.csv's order) and their rank by name. */
struct member {
	const char *s;
	size_t n;
	int p;
	size_t rank;
};

static int unit_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n = an < bn ? an : bn;
	int c = strncasecmp(a, b, n);
	return c ? c : (an > bn) - (an < bn);
}

/* By unit (case ignored), then by name. */
static int member_cmp(const void *x, const void *y)
{
	const struct member *a = x, *b = y;
	int c = unit_cmp(a->s, a->n, b->s, b->n);
	return c ? c : (a->rank > b->rank) - (a->rank < b->rank);
}

static int unit_wanted(const struct filter *f, const char *s, size_t n)
{
	if (!f || !f->count[FILTER_UNIT])
		return 1;
	for (size_t i = 0; i < f->count[FILTER_UNIT]; i++) {
		const char *v = f->values[FILTER_UNIT][i].text;
		if (strlen(v) == n && strncasecmp(v, s, n) == 0)
			return 1;
	}
	return 0;
}

/* The people shown (order: by name, n of them) in each unit their cell
 * names, each unit once per person, sorted by unit and then by name, in
 * one pass over the people (a sort, never units x people); *none set when
 * some person shown has no unit. NULL when out of memory; the caller
 * frees. */
static struct member *members_of_units(const struct review_report *r, const int *order,
				       size_t n, size_t *count, int *none)
{
	const struct rules *rules = r->rules;
	size_t cap = 16, k = 0;
	struct member *m = malloc(cap * sizeof *m);
	*none = 0;
	for (size_t i = 0; m && i < n; i++) {
		const char *cell = rules->people[order[i]].unit, *u;
		size_t at = 0, len, mine = k;
		int any = 0;
		while (m && (u = review_next_unit(cell, &at, &len))) {
			any = 1;
			int again = 0; /* "GUT/gut": once */
			for (size_t j = mine; j < k && !again; j++)
				again = unit_cmp(m[j].s, m[j].n, u, len) == 0;
			if (again || !unit_wanted(r->filter, u, len))
				continue;
			if (k == cap) {
				struct member *grown = realloc(m, 2 * cap * sizeof *m);
				if (!grown) {
					free(m);
					m = NULL;
					break;
				}
				m = grown;
				cap *= 2;
			}
			m[k++] = (struct member){u, len, order[i], i};
		}
		if (!any && (!r->filter || !r->filter->count[FILTER_UNIT]))
			*none = 1;
	}
	if (m)
		qsort(m, k, sizeof *m, member_cmp);
	*count = k;
	return m;
}

static const struct rules *sort_rules;

static int person_cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	int c = strcasecmp(sort_rules->people[a].name, sort_rules->people[b].name);
	return c ? c : (a > b) - (a < b);
}

/* The people shown, by name. The caller frees. */
static int *people_sorted(const struct review_report *r, size_t *count)
{
	int *order = malloc((r->rules->npeople ? r->rules->npeople : 1) * sizeof *order);
	size_t n = 0;
	for (size_t p = 0; order && p < r->rules->npeople; p++)
		if (r->rv->people[p].shown)
			order[n++] = (int)p;
	sort_rules = r->rules;
	if (order)
		qsort(order, n, sizeof *order, person_cmp);
	*count = n;
	return order;
}

/* ---- text ---- */

/* A row of a unit's table: person, job, signed off, runs, last run,
 * sandbox test, review (the rest of the line); on a terminal cut to fit. */
static void text_row(FILE *out, const char *person, const char *job, const char *signed_off,
		     const char *runs, const char *last, const char *sandbox, const char *verdict)
{
	static const struct report_col cols[] = {{24, 8, 0}, {29, 8, 0}, {10, 10, 0}, {5, 5, 0},
						 {10, 10, 0}, {13, 8, 0}, {0, 12, 0}};
	int w[7];
	report_fit(cols, 7, 7, w);
	report_text_cell(out, person, w[0]);
	putc(' ', out);
	report_text_cell(out, job, w[1]);
	putc(' ', out);
	report_text_cell(out, signed_off, w[2]);
	putc(' ', out);
	report_text_rcell(out, runs, w[3]);
	fputs("  ", out);
	report_text_cell(out, last, w[4]);
	putc(' ', out);
	report_text_cell(out, sandbox, w[5]);
	putc(' ', out);
	report_text_last(out, verdict, w[6]);
	putc('\n', out);
}

static void text_person(FILE *out, const struct review_report *r, int p)
{
	const struct rules *rules = r->rules;
	const struct review *rv = r->rv;
	char signed_off[16], runs[24], last[16], sandbox[16], verdict[160];
	int first = 1;
	for (size_t i = rules->person_first[p]; i < rules->person_first[p + 1]; i++) {
		size_t k = rules->by_person[i];
		const struct rules_approval *a = &rules->approvals[k];
		const struct review_approval *ra = &rv->approvals[k];
		if (!ra->shown)
			continue;
		day_text(a->signed_off, signed_off, sizeof signed_off);
		report_count(ra->runs, runs, sizeof runs);
		local_day_of(ra->last, last, sizeof last);
		text_row(out, first ? rules->people[p].name : "", rules->jobs[a->job].id,
			 signed_off[0] ? signed_off : "-", runs, last[0] ? last : "-",
			 sandbox_text(ra, sandbox, sizeof sandbox), approval_text(r, k, verdict, sizeof verdict));
		first = 0;
	}
	const struct review_person *rp = &rv->people[p];
	if (rp->findings & (1u << REVIEW_NO_APPROVALS)) {
		if (rp->revoked)
			snprintf(verdict, sizeof verdict, "no-approvals (%zu revoked)", rp->revoked);
		else
			snprintf(verdict, sizeof verdict, "no-approvals");
		text_row(out, first ? rules->people[p].name : "", "(no approval in force)", "", "",
			 "", "", verdict);
	}
}

/* The findings to review of person p: their approvals' and their own. */
static uint64_t person_findings(const struct review_report *r, int p)
{
	uint64_t findings = (r->rv->people[p].findings >> REVIEW_NO_APPROVALS) & 1u;
	for (size_t k = r->rules->person_first[p]; k < r->rules->person_first[p + 1]; k++) {
		const struct review_approval *ra = &r->rv->approvals[r->rules->by_person[k]];
		if (!ra->shown)
			continue;
		for (int kind = 0; kind < REVIEW_KINDS; kind++)
			findings += (ra->findings >> kind) & 1u;
	}
	return findings;
}

/* A unit's table: its n people at m (by name), the unit named as the
 * first of them in staff.csv's order spells it; unit NULL: the people
 * with no unit (n of them at order, which holds others too). */
static void text_unit(FILE *out, const struct review_report *r, const struct member *m, size_t n,
		      const int *order, const char *unit)
{
	size_t people = 0, label = 0;
	uint64_t findings = 0;
	for (size_t i = 0; i < n; i++) {
		int p = m ? m[i].p : order[i];
		size_t at = 0, l;
		if (!m && review_next_unit(r->rules->people[p].unit, &at, &l))
			continue;
		if (m && m[i].p < m[label].p)
			label = i;
		people++;
		findings += person_findings(r, p);
	}
	fputs("UNIT ", out);
	if (unit) {
		char code[201]; /* the unit's code, as the cell spells it */
		snprintf(code, sizeof code, "%.*s", (int)m[label].n < 200 ? (int)m[label].n : 200,
			 m[label].s);
		report_text_cell(out, code, 0);
	} else {
		fputs("(none in staff.csv)", out);
	}
	char a[48], b[48];
	fprintf(out, ": %s, %s to review\n", report_count_of(people, "person", "people", a, sizeof a),
		report_count_of(findings, "finding", "findings", b, sizeof b));
	text_row(out, "PERSON", "JOB", "SIGNED OFF", "RUNS", "LAST RUN", "SANDBOX TEST", "REVIEW");
	for (size_t i = 0; i < n; i++) {
		int p = m ? m[i].p : order[i];
		size_t at = 0, l;
		if (m || !review_next_unit(r->rules->people[p].unit, &at, &l))
			text_person(out, r, p);
	}
	putc('\n', out);
}

static struct report_info text_info(const struct review_report *r)
{
	struct report_info info = {r->tally, r->rules, r->period, NULL, 0, 0, r->filter, NULL,
				   r->today, NULL, NULL, NULL, 0};
	return info;
}

void report_review_text(FILE *out, const struct review_report *r)
{
	const struct review *rv = r->rv;
	struct report_info info = text_info(r);
	char text[512], a[32], b[32];

	report_header_write(out, &info);
	sandbox_reach(r, text, sizeof text);
	fprintf(out, "%-10s %s\n", "Sandbox", text);
	if (short_history(r, text, sizeof text))
		fprintf(out, "WARNING: %s\n", text);
	putc('\n', out);
	char c[32], d[32], e[32];
	fprintf(out, "%-10s %s shown: %s in force, %s revoked, %s signed off after the period\n",
		"Approvals", report_count(rv->shown, a, sizeof a),
		report_count(rv->shown - rv->revoked - rv->later, b, sizeof b),
		report_count(rv->revoked, c, sizeof c), report_count(rv->later, d, sizeof d));
	fprintf(out, "%-10s %s tested, %s untested, %s not reached (%s)\n", "Sign-offs",
		report_count(rv->tested, a, sizeof a), report_count(rv->count[REVIEW_UNTESTED], b, sizeof b),
		report_count(rv->not_reached, e, sizeof e), NOT_REACHED_TEXT);
	uint64_t total = review_findings(rv);
	if (!total) {
		fputs("To review  none\n\n", out);
	} else {
		fprintf(out, "To review  %s %s:", report_count(total, a, sizeof a),
			total == 1 ? "finding" : "findings");
		int any = 0;
		for (int k = 0; k < REVIEW_KINDS; k++)
			if (rv->count[k])
				fprintf(out, "%s %s %s", any++ ? "," : "",
					report_count(rv->count[k], b, sizeof b),
					review_kind_name((enum review_kind)k));
		fputs("\n\n", out);
	}

	size_t nmembers = 0, npeople = 0;
	int none = 0;
	int *order = people_sorted(r, &npeople);
	struct member *m = order ? members_of_units(r, order, npeople, &nmembers, &none) : NULL;
	if (!m) {
		fputs("OUT OF MEMORY: the tables by unit are missing\n", out);
	} else {
		for (size_t i = 0, j; i < nmembers; i = j) {
			for (j = i + 1; j < nmembers && !unit_cmp(m[i].s, m[i].n, m[j].s, m[j].n); j++)
				;
			text_unit(out, r, m + i, j - i, NULL, m[i].s);
		}
		if (none)
			text_unit(out, r, NULL, npeople, order, NULL);
	}
	free(m);
	free(order);
	fputs("FINDINGS\n", out);
	for (int k = 0; k < REVIEW_KINDS; k++)
		fprintf(out, "  %-13s %s\n", review_kind_name((enum review_kind)k), kind_meaning[k]);
	fprintf(out, "  %-13s %s: the sandbox history read begins after it; give an older one\n",
		"not reached", NOT_REACHED_TEXT);
}

/* ---- csv ---- */

const char *const report_review_columns[REPORT_REVIEW_COLUMNS] = {
	"findings", "staff",	"unit",	  "job",	"job_title", "signed_off",
	"revoked",  "sets",	"state",  "runs",	"other_runs", "last_run",
	"sandbox",  "sandbox_run", "detail", "rule"};

static void csv_approval(struct csvw *w, const struct review_report *r, size_t i)
{
	const struct rules *rules = r->rules;
	const struct rules_approval *a = &rules->approvals[i];
	const struct review_approval *ra = &r->rv->approvals[i];
	char kinds[64], d1[16], d2[16], last[32], test[32], verdict[160], cite[300];
	times_format_utc(ra->last, last, sizeof last);
	times_format_utc(ra->test, test, sizeof test);
	day_text(a->signed_off, d1, sizeof d1);
	day_text(a->revoked, d2, sizeof d2);
	csvw_str(w, kinds_text(ra->findings, " ", kinds, sizeof kinds));
	csvw_str(w, rules->people[a->person].name);
	csvw_str(w, rules->people[a->person].unit);
	csvw_str(w, rules->jobs[a->job].id);
	csvw_str(w, rules->jobs[a->job].title);
	csvw_str(w, d1);
	csvw_str(w, d2);
	csvw_str(w, a->sets_src);
	csvw_str(w, state_name(ra->state));
	csvw_i64(w, (int64_t)ra->runs);
	csvw_i64(w, (int64_t)ra->other);
	csvw_str(w, last);
	csvw_str(w, test_name(ra->tested));
	csvw_str(w, test);
	csvw_str(w, approval_text(r, i, verdict, sizeof verdict));
	csvw_str(w, rule_cite(rules, i, cite, sizeof cite));
	csvw_end(w);
}

static void csv_person(struct csvw *w, const struct review_report *r, int p)
{
	const struct rules_person *who = &r->rules->people[p];
	const struct review_person *rp = &r->rv->people[p];
	char cite[300], detail[64];
	snprintf(cite, sizeof cite, "%s:%ld", rules_file_name(r->rules->staff_path), who->line);
	snprintf(detail, sizeof detail, "no approval in force (%zu revoked)", rp->revoked);
	const char *cells[REPORT_REVIEW_COLUMNS] = {
		"no-approvals", who->name, who->unit, "", "", "", "", "", "", "", "", "", "", "",
		detail, cite};
	for (int i = 0; i < REPORT_REVIEW_COLUMNS; i++)
		csvw_str(w, cells[i]);
	csvw_end(w);
}

void report_review_csv(FILE *out, const struct review_report *r)
{
	struct csvw w;
	size_t n = 0;
	char text[400];
	if (short_history(r, text, sizeof text)) /* no place in the rows: said on stderr */
		diag_error(NULL, 0, "warning: %s", text);
	csvw_init(&w, out);
	for (int i = 0; i < REPORT_REVIEW_COLUMNS; i++)
		csvw_str(&w, report_review_columns[i]);
	csvw_end(&w);
	int *order = people_sorted(r, &n);
	for (size_t o = 0; order && o < n; o++) {
		int p = order[o];
		for (size_t i = r->rules->person_first[p]; i < r->rules->person_first[p + 1]; i++)
			if (r->rv->approvals[r->rules->by_person[i]].shown)
				csv_approval(&w, r, r->rules->by_person[i]);
		if (r->rv->people[p].findings & (1u << REVIEW_NO_APPROVALS))
			csv_person(&w, r, p);
	}
	free(order);
}

/* ---- json ---- */

static void jkey(FILE *out, const char *k)
{
	report_json_string(out, k);
	putc(':', out);
}

static void jday(FILE *out, int64_t day)
{
	char buf[16];
	if (day == TIME_NONE || day == RULES_NO_DATE) {
		fputs("null", out);
		return;
	}
	day_text(day, buf, sizeof buf);
	report_json_string(out, buf);
}

static void jkinds(FILE *out, unsigned findings)
{
	int any = 0;
	putc('[', out);
	for (int k = 0; k < REVIEW_KINDS; k++)
		if (findings & (1u << k)) {
			fputs(any++ ? "," : "", out);
			report_json_string(out, review_kind_name((enum review_kind)k));
		}
	putc(']', out);
}

static void json_header(FILE *out, const struct review_report *r)
{
	const struct tally *t = r->tally;
	const struct review *rv = r->rv;
	char text[512];
	fputs("{\"report\":{\"command\":\"review\",", out);
	jkey(out, "period");
	fputs("{\"from\":", out);
	jday(out, r->period->first_day);
	fputs(",\"until\":", out);
	jday(out, r->period->last_day);
	fputs(",\"name\":", out);
	report_json_string(out, r->period->name);
	fputs("},\"zone\":", out);
	report_json_string(out, times_zone_name());
	fputs(",\"rules\":{\"dir\":", out);
	report_json_string(out, r->rules->dir);
	fprintf(out, ",\"jobs\":%zu,\"people\":%zu,\"approvals\":%zu},\n", r->rules->njobs,
		r->rules->npeople, r->rules->napprovals);
	report_json_complete(out, t, NULL, NULL);
	fputs(",\"inputs\":[", out);
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		fputs(i ? ",{\"file\":" : "{\"file\":", out);
		report_json_string(out, f->name);
		fprintf(out, ",\"environment\":\"%s\",\"rows\":%" PRIu64 ",\"read\":%s,\"error\":",
			run_env_name(f->env), f->rows, f->unread || f->same_as ? "false" : "true");
		report_json_file_error(out, f);
		if (f->same_as)
			fprintf(out, ",\"same_as_input\":%d", f->same_as);
		putc('}', out);
	}
	fprintf(out,
		"],\n\"rows\":{\"read\":%" PRIu64 ",\"counted\":%" PRIu64 ",\"skipped\":%" PRIu64
		",\"rejected\":%" PRIu64 "},\n",
		t->read, t->audited, tally_skipped(t), tally_rejected(t));
	fputs("\"sandbox_history\":{\"from\":", out);
	jday(out, rv->sandbox_first == TIME_NONE ? TIME_NONE : times_local_day(rv->sandbox_first));
	fputs(",\"until\":", out);
	jday(out, rv->sandbox_last == TIME_NONE ? TIME_NONE : times_local_day(rv->sandbox_last));
	fputs("},\"production_history\":{\"from\":", out);
	jday(out, rv->prod_first == TIME_NONE ? TIME_NONE : times_local_day(rv->prod_first));
	fputs(",\"until\":", out);
	jday(out, rv->prod_last == TIME_NONE ? TIME_NONE : times_local_day(rv->prod_last));
	fputs(",\"warning\":", out);
	if (short_history(r, text, sizeof text))
		report_json_string(out, text);
	else
		fputs("null", out);
	fputs("}},\n", out);
}

static void json_approval(FILE *out, const struct review_report *r, size_t i)
{
	const struct rules *rules = r->rules;
	const struct rules_approval *a = &rules->approvals[i];
	const struct review_approval *ra = &r->rv->approvals[i];
	char verdict[160], cite[300];
	fputs("{\"staff\":", out);
	report_json_string(out, rules->people[a->person].name);
	fputs(",\"unit\":", out);
	report_json_string(out, rules->people[a->person].unit);
	fputs(",\"job\":", out);
	report_json_string(out, rules->jobs[a->job].id);
	fputs(",\"job_title\":", out);
	report_json_string(out, rules->jobs[a->job].title);
	fputs(",\"signed_off\":", out);
	jday(out, a->signed_off);
	fputs(",\"revoked\":", out);
	jday(out, a->revoked);
	fputs(",\"sets\":", out);
	if (a->sets_src)
		report_json_string(out, a->sets_src);
	else
		fputs("null", out);
	fprintf(out, ",\"state\":\"%s\",\"runs\":%" PRIu64 ",\"other_runs\":%" PRIu64
		     ",\"last_run\":",
		state_name(ra->state), ra->runs, ra->other);
	report_json_instant(out, ra->last);
	fputs(",\"sandbox\":", out);
	if (ra->tested == REVIEW_TEST_NONE)
		fputs("null", out);
	else
		report_json_string(out, test_name(ra->tested));
	fputs(",\"sandbox_run\":", out);
	report_json_instant(out, ra->test);
	fputs(",\"findings\":", out);
	jkinds(out, ra->findings);
	fputs(",\"detail\":", out);
	report_json_string(out, approval_text(r, i, verdict, sizeof verdict));
	fputs(",\"rule\":", out);
	report_json_string(out, rule_cite(rules, i, cite, sizeof cite));
	putc('}', out);
}

void report_review_json(FILE *out, const struct review_report *r)
{
	const struct review *rv = r->rv;
	size_t n = 0;
	int any = 0;
	json_header(out, r);
	int *order = people_sorted(r, &n);
	fputs("\"approvals\":[", out);
	for (size_t o = 0; order && o < n; o++)
		for (size_t i = r->rules->person_first[order[o]];
		     i < r->rules->person_first[order[o] + 1]; i++) {
			size_t k = r->rules->by_person[i];
			if (!rv->approvals[k].shown)
				continue;
			fputs(any++ ? ",\n" : "\n", out);
			json_approval(out, r, k);
		}
	fputs("],\n\"people\":[", out);
	for (size_t o = 0; order && o < n; o++) {
		const struct rules_person *who = &r->rules->people[order[o]];
		const struct review_person *rp = &rv->people[order[o]];
		fputs(o ? ",\n{\"staff\":" : "\n{\"staff\":", out);
		report_json_string(out, who->name);
		fputs(",\"unit\":", out);
		report_json_string(out, who->unit);
		fprintf(out, ",\"in_force\":%zu,\"revoked\":%zu,\"findings\":", rp->in_force,
			rp->revoked);
		jkinds(out, rp->findings);
		fprintf(out, ",\"rule\":\"%s:%ld\"}", rules_file_name(r->rules->staff_path), who->line);
	}
	free(order);
	fprintf(out, "],\n\"summary\":{\"findings\":{");
	for (int k = 0; k < REVIEW_KINDS; k++)
		fprintf(out, "%s\"%s\":%" PRIu64, k ? "," : "", review_kind_name((enum review_kind)k),
			rv->count[k]);
	fprintf(out,
		"},\"to_review\":%" PRIu64 ",\"approvals\":%zu,\"revoked\":%zu,"
		"\"signed_off_after_period\":%zu,\"tested\":%zu,\"sandbox_not_reached\":%zu,"
		"\"people\":%zu}}\n",
		review_findings(rv), rv->shown, rv->revoked, rv->later, rv->tested, rv->not_reached,
		rv->people_shown);
}

/* ---- for the html page (report_review_html.c) ---- */

const char *report_review_meaning(enum review_kind k)
{
	return kind_meaning[k];
}

void report_review_day(int64_t day, char *buf, size_t size)
{
	day_text(day, buf, size);
}

void report_review_local_day(int64_t t, char *buf, size_t size)
{
	local_day_of(t, buf, size);
}

const char *report_review_verdict(const struct review_report *r, size_t i, char *buf, size_t size)
{
	return approval_text(r, i, buf, size);
}

const char *report_review_sandbox(const struct review_approval *ra, char *buf, size_t size)
{
	return sandbox_text(ra, buf, size);
}

const char *report_review_rule(const struct rules *r, size_t i, char *buf, size_t size)
{
	return rule_cite(r, i, buf, size);
}

int report_review_short_history(const struct review_report *r, char *buf, size_t size)
{
	return short_history(r, buf, size);
}

void report_review_sandbox_reach(const struct review_report *r, char *buf, size_t size)
{
	sandbox_reach(r, buf, size);
}

int *report_review_people(const struct review_report *r, size_t *count)
{
	return people_sorted(r, count);
}

struct report_info report_review_info(const struct review_report *r)
{
	return text_info(r);
}
