#include "report_rules.h"

#include "cells.h"
#include "times.h"
#include "units.h"
#include "waivers.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static void day_cell(FILE *out, int64_t day, int width)
{
	char buf[16];
	if (day == RULES_UNDATED)
		snprintf(buf, sizeof buf, "%s", RULES_UNDATED_WORD);
	else
		times_format_day(day, buf, sizeof buf);
	report_text_pad(out, buf[0] ? buf : "-", width);
}

/* A column's width on a terminal: its widest value (at least least), at
 * most its width in a file. */
static void widen(struct report_col *c, const char *s, int least)
{
	if (!report_width())
		return;
	int w = report_text_columns(s);
	if (c->want == c->min)
		c->want = c->min = least; /* first call: start from the least */
	w = w > c->want ? w : c->want;
	c->want = w;
}

/* The rule column of an approval: "approvals.csv:27", and its notes. */
static void rule_cell(FILE *out, const struct rules *r, const struct rules_approval *a, int width)
{
	char rule[512], *p = rule;
	size_t left = sizeof rule;
	int n = snprintf(p, left, "%s:%ld", rules_file_name(r->approvals_path), a->line);
	if (n > 0 && (size_t)n < left && a->sets_src) {
		p += n, left -= (size_t)n;
		n = snprintf(p, left, "  sets matching %s", a->sets_src);
	}
	if (n > 0 && (size_t)n < left && a->revoked == RULES_UNDATED) {
		p += n, left -= (size_t)n;
		snprintf(p, left, "  revoked (date not recorded)");
	}
	report_text_last(out, rule, width);
}

static int holds_today(const struct rules_approval *a, int64_t today)
{
	return a->revoked == RULES_NO_DATE || a->revoked > today;
}

/* People who may run job j today (rules_may_run); -1 out of memory. */
static long may_run(const struct rules *r, int j, int64_t today)
{
	size_t *count = malloc((r->njobs ? r->njobs : 1) * sizeof *count);
	long n = count && rules_may_run(r, today, count) == 0 ? (long)count[j] : -1;
	free(count);
	return n;
}

void report_rules_check(FILE *out, const struct rules *r, size_t warnings)
{
	size_t damaging = 0;
	for (size_t i = 0; i < r->njobs; i++)
		damaging += r->jobs[i].damaging != 0;
	char a[48], b[48], c[48], d[48];
	fprintf(out, "%s: %s (%s damaging), %s, %s", r->dir,
		report_count_of(r->njobs, "job", "jobs", a, sizeof a), report_count(damaging, d, sizeof d),
		report_count_of(r->npeople, "person", "people", b, sizeof b),
		report_count_of(r->napprovals, "approval", "approvals", c, sizeof c));
	if (r->units)
		fprintf(out, ", %s", report_count_of(r->units->n, "unit", "units", a, sizeof a));
	fputs(": OK", out);
	if (warnings)
		fprintf(out, ", %zu %s (on standard error)", warnings,
			warnings == 1 ? "warning" : "warnings");
	putc('\n', out);
}

void report_rules_waivers(FILE *out, const struct rules *r, int64_t today)
{
	const struct waivers *w = r->waivers;
	if (!w)
		return;
	size_t expired = 0;
	for (size_t i = 0; i < w->n; i++)
		expired += waivers_expired(&w->w[i], today) != 0;
	char n[48];
	fprintf(out, "%s: %s", w->path, report_count_of(w->n, "waiver", "waivers", n, sizeof n));
	if (expired)
		fprintf(out, " (%s expired)", report_count(expired, n, sizeof n));
	fputs(": OK\n", out);
	for (size_t i = 0; i < w->n; i++) {
		const struct waiver *wv = &w->w[i];
		char until[16];
		times_format_day(wv->until, until, sizeof until);
		if (waivers_expired(wv, today)) {
			fprintf(out, "  %s:%ld: expired: until %s, ticket ", w->name, wv->line, until);
			report_text_cell(out, wv->ticket, 0);
			putc('\n', out);
		}
		if (wv->staff && wv->person < 0) {
			fprintf(out, "  %s:%ld: ", w->name, wv->line);
			report_text_cell(out, wv->staff, 0);
			fprintf(out, " is not in staff.csv: matched against the export's %s\n",
				wv->staff_key[0] ? "name" : "id");
		}
	}
}

static void threshold(char *buf, size_t size, const struct rules_job *j, int64_t large_set)
{
	char n[32];
	if (!j->damaging)
		snprintf(buf, size, "-");
	else if (j->large_set >= 0)
		snprintf(buf, size, "%s", report_count((uint64_t)j->large_set, n, sizeof n));
	else
		snprintf(buf, size, "%s (default)", report_count((uint64_t)large_set, n, sizeof n));
}

int report_rules_jobs(FILE *out, const struct rules *r, int64_t today, int64_t large_set)
{
	size_t *count = malloc((r->njobs ? r->njobs : 1) * sizeof *count);
	if (!count || rules_may_run(r, today, count) != 0) {
		free(count);
		return -1;
	}
	/* on a terminal as wide as what they hold, then cut to fit: the
	 * title first, then the scope and the job */
	struct report_col cols[] = {{30, 30, 0}, {8, 8, 0}, {16, 16, 0}, {7, 7, 0}, {32, 32, 0},
				    {0, 10, 0}};
	char t[48], n[32];
	for (size_t i = 0; i < r->njobs; i++) {
		threshold(t, sizeof t, &r->jobs[i], large_set);
		widen(&cols[0], r->jobs[i].id, 3);
		widen(&cols[2], t, 9);
		widen(&cols[4], r->jobs[i].scope, 5);
	}
	if (report_width()) {
		/* the threshold, damaging and scope cut first, the job after */
		cols[0].min = cols[0].want < 12 ? cols[0].want : 12;
		cols[1] = (struct report_col){3, 3, 1};
		cols[2].min = cols[2].want < 5 ? cols[2].want : 5;
		cols[4].min = cols[4].want < 5 ? cols[4].want : 5;
		cols[4].want = cols[4].want < 32 ? cols[4].want : 32;
		cols[2].first = cols[4].first = 1;
	}
	int w[6];
	report_fit(cols, 6, 6, w);
	report_text_pad(out, "JOB", w[0]);
	putc(' ', out);
	report_text_pad(out, "DAMAGING", w[1]);
	putc(' ', out);
	report_text_pad(out, "LARGE SET", w[2]);
	putc(' ', out);
	report_text_rcell(out, "MAY RUN", w[3]);
	fputs("  ", out);
	report_text_pad(out, "SCOPE", w[4]);
	putc(' ', out);
	report_text_last(out, "TITLE", w[5]);
	putc('\n', out);
	for (size_t i = 0; i < r->njobs; i++) {
		const struct rules_job *j = &r->jobs[i];
		threshold(t, sizeof t, j, large_set);
		report_text_pad(out, j->id, w[0]);
		putc(' ', out);
		report_text_pad(out, j->damaging ? "yes" : "no", w[1]);
		putc(' ', out);
		report_text_pad(out, t, w[2]);
		putc(' ', out);
		report_text_rcell(out, report_count(count[i], n, sizeof n), w[3]);
		fputs("  ", out);
		report_text_cell(out, j->scope, w[4]);
		putc(' ', out);
		report_text_last(out, j->title, w[5]);
		putc('\n', out);
	}
	free(count);
	return 0;
}

int report_rules_who(FILE *out, const struct rules *r, int job, int64_t today, int64_t large_set)
{
	const struct rules_job *j = &r->jobs[job];
	char t[48];
	threshold(t, sizeof t, j, large_set);
	fprintf(out, "%s: ", j->id);
	report_text_cell(out, j->title, 0);
	fprintf(out, "\nScope %s; %s", j->scope, j->damaging ? "damaging" : "not damaging");
	if (j->damaging && j->large_set >= 0)
		fprintf(out, ", flagged above %s records", t);
	else if (j->damaging)
		fprintf(out, ", flagged above %s records (the default)",
			report_count((uint64_t)large_set, t, sizeof t));
	fprintf(out, "; pattern %s (%s:%ld)\n", j->match_src, rules_file_name(r->jobs_path), j->line);
	/* where a damaging run's size comes from in the Alma API's JSON */
	if (j->damaging && j->records_src)
		fprintf(out, "Record count of a JSON run: the counter matching %s (records)\n",
			j->records_src);
	else if (j->damaging)
		fputs("Record count of a JSON run: the first counter whose description reads as "
		      "the total of records (no records pattern)\n",
		      out);

	size_t rows = 0;
	for (size_t i = 0; i < r->napprovals; i++)
		rows += rules_grants(r, r->approvals[i].job, job) != 0;
	long people = may_run(r, job, today);
	if (people < 0)
		return -1;
	char who[48], grant[64];
	fprintf(out, "%s may run it today (%s it)\n\n",
		report_count_of((uint64_t)people, "person", "people", who, sizeof who),
		report_count_of(rows, "approval grants", "approvals grant", grant, sizeof grant));
	if (!rows)
		return 0;
	struct report_col cols[] = {{26, 26, 0}, {22, 22, 0}, {11, 11, 0}, {11, 11, 0},
				    {28, 28, 0}, {0, 16, 0}};
	for (size_t i = 0; i < r->napprovals; i++) {
		const struct rules_approval *a = &r->approvals[i];
		if (!rules_grants(r, a->job, job))
			continue;
		widen(&cols[0], r->people[a->person].name, 6);
		widen(&cols[1], r->people[a->person].unit, 4);
		widen(&cols[4], a->job == job ? "-" : r->jobs[a->job].id, 7);
	}
	if (report_width()) {
		cols[2].want = cols[3].want = 10; /* a date */
		for (int c = 0; c < 5; c++)
			cols[c].min = cols[c].want < 10 ? cols[c].want : 10;
		cols[0].want = cols[0].want < 26 ? cols[0].want : 26;
		cols[1].want = cols[1].want < 22 ? cols[1].want : 22;
	}
	int w[6];
	report_fit(cols, 6, 5, w);
	const char *head[] = {"PERSON", "UNIT", "SIGNED OFF", "REVOKED", "THROUGH"};
	for (int c = 0; c < 5; c++) {
		report_text_pad(out, head[c], w[c]);
		putc(' ', out);
	}
	report_text_last(out, "RULE", w[5]);
	putc('\n', out);
	for (size_t i = 0; i < r->napprovals; i++) {
		const struct rules_approval *a = &r->approvals[i];
		if (!rules_grants(r, a->job, job))
			continue;
		const struct rules_person *p = &r->people[a->person];
		report_text_cell(out, p->name, w[0]);
		putc(' ', out);
		report_text_cell(out, p->unit, w[1]);
		putc(' ', out);
		day_cell(out, a->signed_off, w[2]);
		putc(' ', out);
		day_cell(out, a->revoked, w[3]);
		putc(' ', out);
		report_text_pad(out, a->job == job ? "-" : r->jobs[a->job].id, w[4]);
		putc(' ', out);
		rule_cell(out, r, a, w[5]);
		putc('\n', out);
	}
	return 0;
}

void report_rules_what(FILE *out, const struct rules *r, int person, int64_t today)
{
	const struct rules_person *p = &r->people[person];
	report_text_cell(out, p->name, 0);
	if (p->unit[0])
		fprintf(out, " (%s)", p->unit);
	fprintf(out, ", %s:%ld", rules_file_name(r->staff_path), p->line);
	for (size_t i = 0; i < p->naliases; i++)
		fprintf(out, "%s%s", i ? "; " : ", also written ", p->aliases[i]);
	putc('\n', out);

	/* the person's approvals, in approvals.csv order (rules->by_person) */
	const size_t *mine = r->by_person + r->person_first[person];
	size_t jobs = 0, approvals = r->person_first[person + 1] - r->person_first[person];
	for (size_t j = 0; j < r->njobs; j++) {
		int any = 0;
		for (size_t i = 0; i < approvals && !any; i++) {
			const struct rules_approval *a = &r->approvals[mine[i]];
			any = rules_grants(r, a->job, (int)j) && holds_today(a, today);
		}
		jobs += any;
	}
	fprintf(out, "may run %zu %s today (%zu %s)\n\n", jobs, jobs == 1 ? "job" : "jobs",
		approvals, approvals == 1 ? "approval" : "approvals");
	if (!approvals)
		return;
	struct report_col cols[] = {{30, 30, 0}, {11, 11, 0}, {11, 11, 0}, {28, 28, 0}, {0, 16, 0}};
	for (size_t j = 0; j < r->njobs; j++)
		for (size_t i = 0; i < approvals; i++) {
			const struct rules_approval *a = &r->approvals[mine[i]];
			if (!rules_grants(r, a->job, (int)j))
				continue;
			widen(&cols[0], r->jobs[j].id, 3);
			widen(&cols[3], a->job == (int)j ? "-" : r->jobs[a->job].id, 7);
		}
	if (report_width()) {
		cols[1].want = cols[2].want = 10; /* a date */
		for (int c = 0; c < 4; c++)
			cols[c].min = cols[c].want < 10 ? cols[c].want : 10;
	}
	int w[5];
	report_fit(cols, 5, 4, w);
	const char *head[] = {"JOB", "SIGNED OFF", "REVOKED", "THROUGH"};
	for (int c = 0; c < 4; c++) {
		report_text_pad(out, head[c], w[c]);
		putc(' ', out);
	}
	report_text_last(out, "RULE", w[4]);
	putc('\n', out);
	for (size_t j = 0; j < r->njobs; j++)
		for (size_t i = 0; i < approvals; i++) {
			const struct rules_approval *a = &r->approvals[mine[i]];
			if (!rules_grants(r, a->job, (int)j))
				continue;
			report_text_pad(out, r->jobs[j].id, w[0]);
			putc(' ', out);
			day_cell(out, a->signed_off, w[1]);
			putc(' ', out);
			day_cell(out, a->revoked, w[2]);
			putc(' ', out);
			report_text_pad(out, a->job == (int)j ? "-" : r->jobs[a->job].id, w[3]);
			putc(' ', out);
			rule_cell(out, r, a, w[4]);
			putc('\n', out);
		}
}
