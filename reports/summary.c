#include "summary.h"

#include "cells.h"
#include "times.h"
#include "waivers.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char others_people[] = "(other people not in staff.csv)";
static char others_jobs[] = "(other unlisted job names)";

void summary_init(struct summary *s, size_t limit)
{
	memset(s, 0, sizeof *s);
	s->limit = limit;
	s->keep = SUMMARY_KEEP;
	hmap_init(&s->people_at);
	hmap_init(&s->jobs_at);
	hmap_init(&s->units_at);
	idmap_init(&s->days_at);
	idmap_init(&s->months_at);
	s->people_others.label = others_people;
	s->jobs_others.label = others_jobs;
}

static void rows_free(struct summary_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].label);
	free(rows);
}

static void kept_strings_free(struct summary_kept *e)
{
	free(e->job);
	free(e->person);
	free(e->status);
	free(e->detail);
	free(e->name);
	free(e->set);
}

static void kept_free(struct summary_kept *kept, size_t n)
{
	for (size_t i = 0; i < n; i++)
		kept_strings_free(&kept[i]);
	free(kept);
}

void summary_free(struct summary *s)
{
	for (int k = 0; k < FIND_COUNT; k++)
		kept_free(s->kept[k], s->nkept[k]);
	kept_free(s->waived_kept, s->nwaived_kept);
	free(s->covered);
	rows_free(s->people, s->npeople);
	rows_free(s->jobs, s->njobs);
	rows_free(s->units, s->nunits);
	free(s->days);
	free(s->months);
	hmap_free(&s->people_at);
	hmap_free(&s->jobs_at);
	hmap_free(&s->units_at);
	idmap_free(&s->days_at);
	idmap_free(&s->months_at);
	free(s->person_row);
	free(s->unit_row);
	free(s->job_row);
	memset(s, 0, sizeof *s);
}

/* The n strings of parts, joined into buf as snprintf would ("%s%s.."):
 * cut at size - 1 bytes, NUL-terminated (a finding's labels, by hand: they
 * are made for every finding). */
static void join(char *buf, size_t size, const char *const *parts, int n)
{
	size_t at = 0;
	if (!size)
		return;
	for (int i = 0; i < n && at + 1 < size; i++) {
		size_t len = strlen(parts[i]);
		if (len > size - 1 - at)
			len = size - 1 - at;
		memcpy(buf + at, parts[i], len);
		at += len;
	}
	buf[at] = '\0';
}

void summary_person(char *buf, size_t size, const struct rules *rules, const struct run *run,
		    const struct verdict *v)
{
	if (v->person >= 0) {
		const struct rules_person *p = &rules->people[v->person];
		const char *parts[] = {p->name, " (", p->unit, ")"};
		join(buf, size, parts, p->unit[0] ? 4 : 1);
	} else {
		const char *name = run->user_name[0] ? run->user_name : run->user;
		const char *parts[] = {name[0] ? name : "nobody named", " (not in staff.csv)"};
		join(buf, size, parts, 2);
	}
}

void summary_job(char *buf, size_t size, const struct rules *rules, const struct run *run,
		 const struct verdict *v)
{
	if (v->job >= 0) {
		const char *parts[] = {rules->jobs[v->job].id};
		join(buf, size, parts, 1);
		return;
	}
	/* an unlisted job: its Alma name, without the instance's suffixes */
	size_t n = run_job_name_len(run->name);
	if (!n) { /* the export gives no job name */
		const char *parts[] = {"(no job name)"};
		join(buf, size, parts, 1);
		return;
	}
	if (!size)
		return;
	if (n > size - 1)
		n = size - 1;
	memcpy(buf, run->name, n);
	buf[n] = '\0';
}

void summary_unit(char *buf, size_t size, const struct rules *rules, const struct verdict *v)
{
	const char *parts[1];
	if (v->person >= 0 && rules->people[v->person].unit[0])
		parts[0] = rules->people[v->person].unit;
	else if (v->person >= 0)
		parts[0] = "(no unit)";
	else
		parts[0] = "(not in staff.csv)";
	join(buf, size, parts, 1);
}

/* Room for one more element in *items (n used, *cap allocated), growing
 * geometrically; -1 when out of memory. */
static int room(void **items, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return 0;
	size_t grown_cap = *cap ? *cap * 2 : 16;
	void *grown = realloc(*items, grown_cap * size);
	if (!grown)
		return -1;
	*items = grown;
	*cap = grown_cap;
	return 0;
}

/* The row of label: a row of its own, or, for an open-ended label (a
 * person not in staff.csv, an unlisted job name) first seen when `keep`
 * of them are kept, the table's others row. *kept counts the open-ended
 * rows; kept NULL: the label is bounded by the rules. NULL when out of
 * memory. */
static struct summary_row *row(struct summary *s, struct hmap *at, struct summary_row **rows,
			       size_t *n, size_t *cap, size_t *kept, struct summary_row *others,
			       const char *label)
{
	size_t len = strlen(label);
	int64_t *index = hmap_get(at, label, len);
	if (index)
		return &(*rows)[*index];
	if (kept && *kept >= s->keep)
		return others;
	int added;
	char *copy = strdup(label);
	if (!copy || room((void **)rows, *n, cap, sizeof **rows) != 0 ||
	    !(index = hmap_put(at, label, len, (int64_t)*n, &added))) {
		free(copy);
		s->failed = 1;
		return NULL;
	}
	memset(&(*rows)[*n], 0, sizeof **rows);
	(*rows)[*n].label = copy;
	(*n)++;
	if (kept)
		(*kept)++;
	return &(*rows)[*index];
}

static char *dup(struct summary *s, const char *text)
{
	char *d = strdup(text ? text : "");
	if (!d)
		s->failed = 1;
	return d;
}

/* The entry of a local day's month, added when it is the first run of
 * its month; NULL when out of memory. */
static struct summary_month *month_of(struct summary *s, int64_t day)
{
	/* the month of the last day asked for is remembered */
	if (!s->month_known || s->month_day != day) {
		int y, m, d;
		times_civil_from_days(day, &y, &m, &d);
		s->month_day = day;
		s->month_value = (int64_t)y * 12 + m - 1;
		s->month_known = 1;
	}
	int64_t month = s->month_value;
	/* runs come mostly in order: the month of the last run first */
	if (s->nmonths && s->months[s->last_month].month == month)
		return &s->months[s->last_month];
	uint32_t *at = idmap_put(&s->months_at, (uint64_t)month);
	if (!at) {
		s->failed = 1;
		return NULL;
	}
	if (!*at) {
		if (s->nmonths >= UINT32_MAX - 1 ||
		    room((void **)&s->months, s->nmonths, &s->cmonths, sizeof *s->months) != 0) {
			s->failed = 1;
			return NULL;
		}
		memset(&s->months[s->nmonths], 0, sizeof *s->months);
		s->months[s->nmonths].month = month;
		*at = (uint32_t)++s->nmonths;
	}
	s->last_month = *at - 1;
	return &s->months[s->last_month];
}

/* Whether kept finding a comes before b: by time, then run id, then the
 * order they came in. */
static int kept_before(const struct summary_kept *a, const struct summary_kept *b)
{
	if (a->time != b->time)
		return a->time < b->time;
	if (a->id != b->id)
		return a->id < b->id;
	return a->seq < b->seq;
}

static int kept_cmp(const void *a, const void *b)
{
	return kept_before(a, b) ? -1 : kept_before(b, a) ? 1 : 0;
}

/* Where a finding goes among those kept of its table: the first --limit
 * by time (then by run id, then as they came) are kept, whatever order
 * the runs come in, so that the report does not depend on the order of
 * the rows. While the audit reads, the kept findings are a heap with the
 * latest on top: a finding later than all of a full table's is turned away
 * at once, an earlier one takes the latest's place, in O(log limit) either
 * way (a scan and a move per finding cost O(rows x limit) when the rows
 * came latest first); summary_sort puts them in order. The slot has its
 * time, id and order set; NULL when the finding is not kept (or out of
 * memory: s->failed). */
static struct summary_kept *kept_slot(struct summary *s, struct summary_kept **kept, size_t *n,
				      size_t *cap, const struct run *run)
{
	struct summary_kept key = {.id = run->id, .time = run->time, .seq = s->seq++};
	struct summary_kept *h = *kept;
	size_t at;
	if (!s->limit)
		return NULL;
	if (*n == s->limit) {
		if (!kept_before(&key, &h[0]))
			return NULL;
		kept_strings_free(&h[0]); /* the latest gives way */
		at = 0; /* the hole, moved down past the later of its children */
		for (;;) {
			size_t c = 2 * at + 1;
			if (c >= *n)
				break;
			if (c + 1 < *n && kept_before(&h[c], &h[c + 1]))
				c++;
			if (!kept_before(&key, &h[c]))
				break;
			h[at] = h[c];
			at = c;
		}
	} else {
		if (room((void **)kept, *n, cap, sizeof **kept) != 0) {
			/* grown as findings come, never sized by --limit */
			s->failed = 1;
			return NULL;
		}
		h = *kept;
		at = (*n)++; /* the hole, moved up past earlier parents */
		while (at > 0 && kept_before(&h[(at - 1) / 2], &key)) {
			h[at] = h[(at - 1) / 2];
			at = (at - 1) / 2;
		}
	}
	h[at] = key;
	return &h[at];
}

/* Fills a kept finding (its strings copied). */
static void keep(struct summary *s, struct summary_kept *e, const struct run *run,
		 const struct verdict *v, enum finding_kind k, int waiver, const char *job,
		 const char *person)
{
	e->id = run->id;
	e->time = run->time;
	e->records = run->records;
	e->job = dup(s, job);
	e->person = dup(s, person);
	e->status = dup(s, run->status);
	e->detail = dup(s, v->detail[k]);
	e->name = dup(s, run->name);
	e->set = dup(s, run->set_name);
	e->kind = (int)k;
	e->waiver = waiver;
}

/* The row caches for rules: 1 when ready (sized for its people and jobs;
 * emptied when the rules change), 0 when out of memory (every row is then
 * found by its label). */
static int rows_cached(struct summary *s, const struct rules *rules)
{
	if (s->cache_rules == rules)
		return s->person_row != NULL;
	free(s->person_row);
	free(s->unit_row);
	free(s->job_row);
	s->cache_rules = rules;
	s->person_row = calloc(rules->npeople + 1, sizeof *s->person_row);
	s->unit_row = calloc(rules->npeople + 1, sizeof *s->unit_row);
	s->job_row = calloc(rules->njobs + 1, sizeof *s->job_row);
	if (s->person_row && s->unit_row && s->job_row)
		return 1;
	free(s->person_row);
	free(s->unit_row);
	free(s->job_row);
	s->person_row = s->unit_row = s->job_row = NULL;
	return 0;
}

/* A finding's labels (summary_person, _job, _unit), made when first
 * needed. */
struct labels {
	char person[256], job[256], unit[128];
	int made;
	const struct rules *rules;
	const struct run *run;
	const struct verdict *v;
};

static void labels_make(struct labels *l)
{
	if (l->made)
		return;
	summary_person(l->person, sizeof l->person, l->rules, l->run, l->v);
	summary_job(l->job, sizeof l->job, l->rules, l->run, l->v);
	summary_unit(l->unit, sizeof l->unit, l->rules, l->v);
	l->made = 1;
}

/* Remembers at slot (when given) the index of row, one of rows (a row of
 * the rules' own, never the others row), plus 1. */
static struct summary_row *remember(uint32_t *slot, struct summary_row *rows,
				    struct summary_row *row)
{
	if (slot && row)
		*slot = (uint32_t)(row - rows) + 1;
	return row;
}

void summary_add(struct summary *s, const struct rules *rules, const struct run *run,
		 const struct verdict *v, unsigned kinds, unsigned new_kinds, int new_run)
{
	struct labels l; /* its labels made when first needed (not zeroed: 640 bytes a run) */
	l.made = 0, l.rules = rules, l.run = run, l.v = v;
	/* the rows of a person, unit and job of the rules are found by their
	 * index after the first time: the same label finds the same row */
	int cached = rows_cached(s, rules);
	uint32_t *ps = cached && v->person >= 0 ? &s->person_row[v->person] : NULL;
	uint32_t *us = cached ? &s->unit_row[v->person >= 0 ? (size_t)v->person : rules->npeople]
			      : NULL;
	uint32_t *js = cached && v->job >= 0 ? &s->job_row[v->job] : NULL;
	struct summary_row *p, *j, *u;
	if (ps && *ps) {
		p = &s->people[*ps - 1];
	} else {
		labels_make(&l);
		p = row(s, &s->people_at, &s->people, &s->npeople, &s->cpeople,
			v->person < 0 ? &s->kept_people : NULL, &s->people_others, l.person);
		remember(ps, s->people, p);
	}
	if (js && *js) {
		j = &s->jobs[*js - 1];
	} else {
		labels_make(&l);
		j = row(s, &s->jobs_at, &s->jobs, &s->njobs, &s->cjobs,
			v->job < 0 ? &s->kept_jobs : NULL, &s->jobs_others, l.job);
		remember(js, s->jobs, j);
	}
	if (us && *us) {
		u = &s->units[*us - 1];
	} else {
		labels_make(&l);
		u = row(s, &s->units_at, &s->units, &s->nunits, &s->cunits, NULL, NULL, l.unit);
		remember(us, s->units, u);
	}
	struct summary_month *mo = month_of(s, times_local_day(run->time));

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
		if (mo)
			mo->count[k]++;
		if (p)
			p->count[k]++;
		if (j)
			j->count[k]++;
		if (u)
			u->count[k]++;
		struct summary_kept *e = kept_slot(s, &s->kept[k], &s->nkept[k], &s->ckept[k], run);
		if (e) {
			labels_make(&l);
			keep(s, e, run, v, (enum finding_kind)k, -1, l.job, l.person);
			e->is_new = (new_kinds >> k) & 1u;
		}
	}
}

void summary_waive(struct summary *s, const struct rules *rules, const struct run *run,
		   const struct verdict *v, enum finding_kind kind, int waiver, int is_new)
{
	s->waived[kind]++;
	s->waived_new[kind] += is_new != 0;
	size_t n = rules->waivers ? rules->waivers->n : 0;
	if (!s->covered && n) {
		if (!(s->covered = calloc(n, sizeof *s->covered)))
			s->failed = 1;
		else
			s->ncovered = n;
	}
	if (waiver >= 0 && (size_t)waiver < s->ncovered)
		s->covered[waiver]++;
	struct summary_kept *e =
		kept_slot(s, &s->waived_kept, &s->nwaived_kept, &s->cwaived_kept, run);
	if (!e)
		return;
	char person[256], job[256];
	summary_person(person, sizeof person, rules, run, v);
	summary_job(job, sizeof job, rules, run, v);
	keep(s, e, run, v, kind, waiver, job, person);
	e->is_new = is_new;
}

void summary_view(const struct summary *s, size_t rows, struct summary *view)
{
	*view = *s;
	view->limit = rows < s->limit ? rows : s->limit;
	for (int k = 0; k < FIND_COUNT; k++)
		view->nkept[k] = s->nkept[k] < rows ? s->nkept[k] : rows;
	view->nwaived_kept = s->nwaived_kept < rows ? s->nwaived_kept : rows;
}

uint64_t summary_covered(const struct summary *s, size_t i)
{
	return i < s->ncovered ? s->covered[i] : 0;
}

/* The entry of a local day, added when it is the first run of its day;
 * NULL when out of memory. */
static struct summary_day *day_of(struct summary *s, int64_t day)
{
	/* runs come mostly in order: the day of the last run first */
	if (s->ndays && s->days[s->last_day].day == day)
		return &s->days[s->last_day];
	uint32_t *at = idmap_put(&s->days_at, (uint64_t)day);
	if (!at) {
		s->failed = 1;
		return NULL;
	}
	if (!*at) {
		if (s->ndays >= UINT32_MAX - 1 ||
		    room((void **)&s->days, s->ndays, &s->cdays, sizeof *s->days) != 0) {
			s->failed = 1;
			return NULL;
		}
		s->days[s->ndays] = (struct summary_day){day, 0, 0};
		*at = (uint32_t)++s->ndays;
	}
	s->last_day = *at - 1;
	return &s->days[s->last_day];
}

void summary_audited(struct summary *s, const struct run *run)
{
	int64_t day = times_local_day(run->time);
	struct summary_day *d = day_of(s, day);
	if (d)
		d->runs++;
	struct summary_month *m = month_of(s, day);
	if (m)
		m->runs++;
}

void summary_flag(struct summary *s, const struct run *run)
{
	int64_t day = times_local_day(run->time);
	struct summary_day *d = day_of(s, day);
	if (d)
		d->flagged++;
	struct summary_month *m = month_of(s, day);
	if (m)
		m->flagged++;
}

int summary_is_damaging(const struct rules *rules, const struct run *run,
			const struct verdict *v)
{
	return v->job >= 0 && rules->jobs[v->job].damaging && run->records >= 0;
}

void summary_damaging(struct summary *s, const struct rules *rules, const struct run *run,
		      const struct verdict *v)
{
	if (!summary_is_damaging(rules, run, v))
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
	/* the largest damaging runs, kept sorted, most records first (then the
	 * lower run id: the same whatever order they come in) */
	if (n == SUMMARY_DAMAGING &&
	    (run->records < s->damaging[n - 1].records ||
	     (run->records == s->damaging[n - 1].records && run->id > s->damaging[n - 1].id)))
		return;
	size_t at_pos = n < SUMMARY_DAMAGING ? n : n - 1;
	while (at_pos > 0 && (s->damaging[at_pos - 1].records < run->records ||
			      (s->damaging[at_pos - 1].records == run->records &&
			       s->damaging[at_pos - 1].id > run->id))) {
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

int summary_folded(const struct summary_row *others)
{
	uint64_t any = others->runs;
	for (int k = 0; k < FIND_COUNT; k++)
		any |= others->count[k];
	return any != 0;
}

void summary_others_note(char *buf, size_t size, const struct summary *s,
			 const struct summary_row *others)
{
	char grouped[32];
	report_count(s->keep, grouped, sizeof grouped);
	snprintf(buf, size,
		 "Only the first %s %s have a row each; those seen after them are summed in "
		 "\"%s\"; --format csv lists every finding.",
		 grouped, others == &s->people_others ? "people not in staff.csv" : "unlisted job names",
		 others->label);
}

static int by_day(const void *a, const void *b)
{
	const struct summary_day *x = a, *y = b;
	return x->day < y->day ? -1 : x->day > y->day;
}

static int by_month(const void *a, const void *b)
{
	const struct summary_month *x = a, *y = b;
	return x->month < y->month ? -1 : x->month > y->month;
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
	if (s->ndays)
		qsort(s->days, s->ndays, sizeof *s->days, by_day);
	if (s->nmonths)
		qsort(s->months, s->nmonths, sizeof *s->months, by_month);
	/* the findings kept, from their heaps into order */
	for (int k = 0; k < FIND_COUNT; k++)
		if (s->nkept[k])
			qsort(s->kept[k], s->nkept[k], sizeof *s->kept[k], kept_cmp);
	if (s->nwaived_kept)
		qsort(s->waived_kept, s->nwaived_kept, sizeof *s->waived_kept, kept_cmp);
	hmap_free(&s->people_at);
	hmap_free(&s->jobs_at);
	hmap_free(&s->units_at);
	idmap_free(&s->days_at);
	idmap_free(&s->months_at);
	free(s->person_row);
	free(s->unit_row);
	free(s->job_row);
	s->person_row = s->unit_row = s->job_row = NULL;
	s->cache_rules = NULL;
	s->last_day = 0;
	s->last_month = 0;
}

static int64_t month_of_day(int64_t day)
{
	int y, m, d;
	times_civil_from_days(day, &y, &m, &d);
	return (int64_t)y * 12 + m - 1;
}

int summary_month_span(const struct summary *s, const struct period *p, int64_t *first,
		       int64_t *last)
{
	int open_first = p->first_day == TIME_NONE, open_last = p->last_day == TIME_NONE;
	if ((open_first || open_last) && !s->nmonths)
		return 0;
	*first = open_first ? s->months[0].month : month_of_day(p->first_day);
	*last = open_last ? s->months[s->nmonths - 1].month : month_of_day(p->last_day);
	return *last > *first;
}

const struct summary_month *summary_month_get(const struct summary *s, int64_t month)
{
	size_t lo = 0, hi = s->nmonths;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->months[mid].month < month)
			lo = mid + 1;
		else if (s->months[mid].month > month)
			hi = mid;
		else
			return &s->months[mid];
	}
	return NULL;
}

int summary_month_next(const struct summary *s, int64_t *at, int64_t last,
		       struct summary_month_row *row)
{
	if (*at > last)
		return 0;
	/* the first month with runs at or after *at */
	size_t lo = 0, hi = s->nmonths;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->months[mid].month < *at)
			lo = mid + 1;
		else
			hi = mid;
	}
	row->first = *at;
	if (lo < s->nmonths && s->months[lo].month == *at) {
		row->last = *at;
		row->e = &s->months[lo];
	} else {
		int64_t end = lo < s->nmonths && s->months[lo].month <= last ? s->months[lo].month - 1
									      : last;
		row->last = end - *at + 1 > SUMMARY_MONTH_GAP ? end : *at;
		row->e = NULL;
	}
	*at = row->last + 1;
	return 1;
}

const char *summary_month_name(int64_t month, char *buf, size_t size)
{
	int64_t y = month >= 0 ? month / 12 : (month - 11) / 12;
	snprintf(buf, size, "%04" PRId64 "-%02d", y, (int)(month - y * 12 + 1));
	return buf;
}
