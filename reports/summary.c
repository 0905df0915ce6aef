#include "summary.h"

#include "times.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void summary_init(struct summary *s, size_t limit)
{
	memset(s, 0, sizeof *s);
	s->limit = limit;
	hmap_init(&s->people_at);
	hmap_init(&s->jobs_at);
	hmap_init(&s->units_at);
}

static void rows_free(struct summary_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].label);
	free(rows);
}

void summary_free(struct summary *s)
{
	for (int k = 0; k < FIND_COUNT; k++) {
		for (size_t i = 0; i < s->nkept[k]; i++) {
			struct summary_kept *e = &s->kept[k][i];
			free(e->job);
			free(e->person);
			free(e->status);
			free(e->detail);
			free(e->name);
			free(e->set);
		}
		free(s->kept[k]);
	}
	rows_free(s->people, s->npeople);
	rows_free(s->jobs, s->njobs);
	rows_free(s->units, s->nunits);
	free(s->days);
	hmap_free(&s->people_at);
	hmap_free(&s->jobs_at);
	hmap_free(&s->units_at);
	memset(s, 0, sizeof *s);
}

void summary_person(char *buf, size_t size, const struct rules *rules, const struct run *run,
		    const struct verdict *v)
{
	if (v->person >= 0) {
		const struct rules_person *p = &rules->people[v->person];
		if (p->unit[0])
			snprintf(buf, size, "%s (%s)", p->name, p->unit);
		else
			snprintf(buf, size, "%s", p->name);
	} else {
		const char *name = run->user_name[0] ? run->user_name : run->user;
		snprintf(buf, size, "%s (not in staff.csv)", name[0] ? name : "nobody named");
	}
}

void summary_job(char *buf, size_t size, const struct rules *rules, const struct run *run,
		 const struct verdict *v)
{
	if (v->job >= 0) {
		snprintf(buf, size, "%s", rules->jobs[v->job].id);
		return;
	}
	/* an unlisted job: its Alma name, without the instance's suffixes */
	const char *cut = strstr(run->name, " - ");
	int n = cut ? (int)(cut - run->name) : (int)strlen(run->name);
	snprintf(buf, size, "%.*s", n, run->name);
}

void summary_unit(char *buf, size_t size, const struct rules *rules, const struct verdict *v)
{
	if (v->person >= 0 && rules->people[v->person].unit[0])
		snprintf(buf, size, "%s", rules->people[v->person].unit);
	else if (v->person >= 0)
		snprintf(buf, size, "(no unit)");
	else
		snprintf(buf, size, "(not in staff.csv)");
}

static struct summary_row *row(struct summary *s, struct hmap *at, struct summary_row **rows,
			       size_t *n, const char *label)
{
	int added;
	int64_t *index = hmap_put(at, label, strlen(label), (int64_t)*n, &added);
	if (!index)
		return NULL;
	if (added) {
		struct summary_row *grown = realloc(*rows, (*n + 1) * sizeof *grown);
		char *copy = strdup(label);
		if (!grown || !copy) {
			free(copy);
			if (grown)
				*rows = grown;
			s->failed = 1;
			return NULL;
		}
		*rows = grown;
		memset(&grown[*n], 0, sizeof grown[0]);
		grown[*n].label = copy;
		(*n)++;
	}
	return &(*rows)[*index];
}

static char *dup(struct summary *s, const char *text)
{
	char *d = strdup(text ? text : "");
	if (!d)
		s->failed = 1;
	return d;
}

void summary_add(struct summary *s, const struct rules *rules, const struct run *run,
		 const struct verdict *v, unsigned kinds, int new_run)
{
	char person[256], job[256], unit[128];
	summary_person(person, sizeof person, rules, run, v);
	summary_job(job, sizeof job, rules, run, v);
	summary_unit(unit, sizeof unit, rules, v);
	struct summary_row *p = row(s, &s->people_at, &s->people, &s->npeople, person);
	struct summary_row *j = row(s, &s->jobs_at, &s->jobs, &s->njobs, job);
	struct summary_row *u = row(s, &s->units_at, &s->units, &s->nunits, unit);

	if (new_run) {
		s->runs++;
		if (p)
			p->runs++;
		if (j)
			j->runs++;
		if (u)
			u->runs++;
	}
	for (int k = 0; k < FIND_COUNT; k++) {
		if (!(kinds & (1u << k)))
			continue;
		s->kinds[k]++;
		if (p)
			p->count[k]++;
		if (j)
			j->count[k]++;
		if (u)
			u->count[k]++;
		if (s->nkept[k] >= s->limit)
			continue;
		if (s->nkept[k] == 0 && !s->kept[k]) {
			s->kept[k] = calloc(s->limit ? s->limit : 1, sizeof *s->kept[k]);
			if (!s->kept[k]) {
				s->failed = 1;
				continue;
			}
		}
		struct summary_kept *e = &s->kept[k][s->nkept[k]++];
		e->id = run->id;
		e->time = run->time;
		e->records = run->records;
		e->job = dup(s, job);
		e->person = dup(s, person);
		e->status = dup(s, run->status);
		e->detail = dup(s, v->detail[k]);
		e->name = dup(s, run->name);
		e->set = dup(s, run->set_name);
	}
}

/* The day of a run, in the dense range of days (widened to take it); NULL
 * when out of memory. */
static struct summary_day *day_of(struct summary *s, int64_t t)
{
	int64_t day = times_local_day(t);
	if (!s->ndays || day < s->days[0].day || day > s->days[s->ndays - 1].day) {
		int64_t first = s->ndays && s->days[0].day < day ? s->days[0].day : day;
		int64_t last = s->ndays && s->days[s->ndays - 1].day > day ? s->days[s->ndays - 1].day : day;
		size_t n = (size_t)(last - first + 1);
		struct summary_day *grown = calloc(n, sizeof *grown);
		if (!grown) {
			s->failed = 1;
			return NULL;
		}
		for (size_t i = 0; i < n; i++)
			grown[i].day = first + (int64_t)i;
		if (s->ndays)
			memcpy(&grown[s->days[0].day - first], s->days, s->ndays * sizeof *grown);
		free(s->days);
		s->days = grown;
		s->ndays = n;
	}
	return &s->days[day - s->days[0].day];
}

void summary_audited(struct summary *s, const struct run *run)
{
	struct summary_day *d = day_of(s, run->time);
	if (d)
		d->runs++;
}

void summary_flag(struct summary *s, const struct run *run)
{
	struct summary_day *d = day_of(s, run->time);
	if (d)
		d->flagged++;
}

void summary_damaging(struct summary *s, const struct rules *rules, const struct run *run,
		      const struct verdict *v)
{
	if (v->job < 0 || !rules->jobs[v->job].damaging || run->records < 0)
		return;
	/* a copy of a run already kept: drop the old entry, keep the larger */
	size_t n = s->ndamaging;
	for (size_t i = 0; i < n; i++) {
		if (s->damaging[i].id != run->id)
			continue;
		if (s->damaging[i].records >= run->records)
			return;
		memmove(&s->damaging[i], &s->damaging[i + 1], (n - i - 1) * sizeof s->damaging[0]);
		s->ndamaging = --n;
		break;
	}
	/* the largest damaging runs, kept sorted, most records first */
	if (n == SUMMARY_DAMAGING && run->records <= s->damaging[n - 1].records)
		return;
	size_t at_pos = n < SUMMARY_DAMAGING ? n : n - 1;
	while (at_pos > 0 && s->damaging[at_pos - 1].records < run->records) {
		if (at_pos < SUMMARY_DAMAGING)
			s->damaging[at_pos] = s->damaging[at_pos - 1];
		at_pos--;
	}
	struct summary_damaging *d = &s->damaging[at_pos];
	d->id = run->id;
	d->records = run->records;
	d->threshold = v->large_set;
	snprintf(d->job, sizeof d->job, "%s", rules->jobs[v->job].id);
	summary_person(d->person, sizeof d->person, rules, run, v);
	if (n < SUMMARY_DAMAGING)
		s->ndamaging++;
}

static int by_runs(const void *a, const void *b)
{
	const struct summary_row *x = a, *y = b;
	if (x->runs != y->runs)
		return x->runs < y->runs ? 1 : -1;
	return strcmp(x->label, y->label);
}

void summary_sort(struct summary *s)
{
	/* the index maps labels to positions; sorting ends its use */
	if (s->npeople)
		qsort(s->people, s->npeople, sizeof *s->people, by_runs);
	if (s->njobs)
		qsort(s->jobs, s->njobs, sizeof *s->jobs, by_runs);
	if (s->nunits)
		qsort(s->units, s->nunits, sizeof *s->units, by_runs);
	hmap_free(&s->people_at);
	hmap_free(&s->jobs_at);
	hmap_free(&s->units_at);
}
