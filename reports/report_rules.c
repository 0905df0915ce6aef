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
	fprintf(out, "%-*s", width, buf[0] ? buf : "-");
}

/* What a row's line says after its rule: the set limit, an undated revocation. */
static void approval_notes(FILE *out, const struct rules_approval *a)
{
	if (a->sets_src)
		fprintf(out, "  sets matching %s", a->sets_src);
	if (a->revoked == RULES_UNDATED)
		fprintf(out, "  revoked (date not recorded)");
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
	fprintf(out, "%s: %zu %s", w->path, w->n, w->n == 1 ? "waiver" : "waivers");
	if (expired)
		fprintf(out, " (%zu expired)", expired);
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
	fprintf(out, "%-30s %-8s %-16s %7s  %-32s %s\n", "JOB", "DAMAGING", "LARGE SET", "MAY RUN",
		"SCOPE", "TITLE");
	for (size_t i = 0; i < r->njobs; i++) {
		const struct rules_job *j = &r->jobs[i];
		char t[48];
		threshold(t, sizeof t, j, large_set);
		fprintf(out, "%-30s %-8s %-16s %7zu  ", j->id, j->damaging ? "yes" : "no", t,
			count[i]);
		report_text_cell(out, j->scope, 32);
		putc(' ', out);
		report_text_cell(out, j->title, 0);
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
	fprintf(out, "%-26s %-22s %-11s %-11s %-28s %s\n", "PERSON", "UNIT", "SIGNED OFF",
		"REVOKED", "THROUGH", "RULE");
	for (size_t i = 0; i < r->napprovals; i++) {
		const struct rules_approval *a = &r->approvals[i];
		if (!rules_grants(r, a->job, job))
			continue;
		const struct rules_person *p = &r->people[a->person];
		report_text_cell(out, p->name, 26);
		putc(' ', out);
		report_text_cell(out, p->unit, 22);
		putc(' ', out);
		day_cell(out, a->signed_off, 11);
		putc(' ', out);
		day_cell(out, a->revoked, 11);
		fprintf(out, " %-28s %s:%ld", a->job == job ? "-" : r->jobs[a->job].id,
			rules_file_name(r->approvals_path), a->line);
		approval_notes(out, a);
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
	fprintf(out, "%-30s %-11s %-11s %-28s %s\n", "JOB", "SIGNED OFF", "REVOKED", "THROUGH",
		"RULE");
	for (size_t j = 0; j < r->njobs; j++)
		for (size_t i = 0; i < approvals; i++) {
			const struct rules_approval *a = &r->approvals[mine[i]];
			if (!rules_grants(r, a->job, (int)j))
				continue;
			fprintf(out, "%-30s ", r->jobs[j].id);
			day_cell(out, a->signed_off, 11);
			putc(' ', out);
			day_cell(out, a->revoked, 11);
			fprintf(out, " %-28s %s:%ld", a->job == (int)j ? "-" : r->jobs[a->job].id,
				rules_file_name(r->approvals_path), a->line);
			approval_notes(out, a);
			putc('\n', out);
		}
}
