#include "baseline.h"

#include "cells.h"
#include "diag.h"
#include "names.h"
#include "run.h"
#include "times.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The person's part of a triple's key, in one of the spaces a person is
 * known by: 'p', a person of this audit's staff.csv (their index); 'u', an
 * Alma id; 'n', the name's key (names.h) of a finding without an Alma id,
 * 'm' of one with an id (a name is compared only when one of the two
 * findings has no id). A baseline finding that has a person now is in the
 * upper-case spaces too ('U', 'N', 'M'), which only a finding without a
 * person looks in: when both have a person, the persons decide. */
static size_t person_key(char *buf, size_t size, char space, const struct baseline_finding *f)
{
	int n;
	if (space == 'p') {
		n = snprintf(buf, size, "p%d", f->person);
	} else if (space == 'u' || space == 'U') {
		n = snprintf(buf, size, "%c%s", space, f->user);
	} else {
		const char *name = f->staff[0] ? f->staff : f->user_name;
		char key[NAMES_KEY_MAX];
		/* a name with no key (blank, only marks): as written */
		n = snprintf(buf, size, "%c%s", space,
			     names_key(name, strlen(name), key) ? key : name);
	}
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

static int job_part(const char *job, const char *job_name, const char **s)
{
	if (job[0]) {
		*s = job;
		return (int)strlen(job);
	}
	*s = job_name;
	return (int)run_job_name_len(job_name);
}

/* kind, 0x1f, person key, 0x1f, job key; long names are cut (at 1 KiB),
 * which only merges triples that differ past it. */
static size_t triple_key(char *buf, size_t size, enum finding_kind k, const char *person,
			 const char *job, const char *job_name)
{
	const char *js;
	int jn = job_part(job, job_name, &js);
	int n = snprintf(buf, size, "%d\x1f%s\x1f%c%.*s", (int)k, person, job[0] ? 'j' : 'n', jn, js);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

#define KEY_MAX 2304

static char *dup_printf(const char *fmt, ...) DIAG_PRINTF(1, 2);

static char *dup_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* The spaces a baseline finding is put in (see person_key), the first
 * the one its item is known by; how many. */
static size_t spaces_of(const struct baseline_finding *f, char spaces[3])
{
	size_t n = 0;
	int has = f->person >= 0;
	if (has)
		spaces[n++] = 'p';
	if (f->user[0])
		spaces[n++] = has ? 'U' : 'u';
	spaces[n++] = f->user[0] ? (has ? 'M' : 'm') : has ? 'N' : 'n';
	return n;
}

/* The triple key of f with its person in space. */
static size_t key_in(char *key, size_t size, char space, const struct baseline_finding *f)
{
	char person[KEY_MAX / 2];
	person_key(person, sizeof person, space, f);
	return triple_key(key, size, f->kind, person, f->job, f->job_name);
}

int baseline_add(struct baseline *b, const struct baseline_finding *f, const char *unit)
{
	char key[KEY_MAX], spaces[3];
	size_t nspaces = spaces_of(f, spaces);
	size_t len = key_in(key, sizeof key, spaces[0], f);
	int added;
	int64_t *slot = hmap_put(&b->at, key, len, (int64_t)b->nitems, &added);
	if (!slot)
		return -1;
	int64_t at = *slot;
	if (!added) {
		b->items[at].count++;
	} else {
		if (b->nitems == b->citems) {
			size_t cap = b->citems ? b->citems * 2 : 64;
			struct baseline_item *grown = realloc(b->items, cap * sizeof *grown);
			if (!grown)
				return -1;
			b->items = grown;
			b->citems = cap;
		}
		struct baseline_item *it = &b->items[b->nitems];
		const char *js;
		int jn = job_part(f->job, f->job_name, &js);
		it->kind = f->kind;
		it->hit = 0;
		it->count = 1;
		it->staff = f->person;
		it->job = dup_printf("%.*s", jn, js);
		if (f->staff[0])
			it->person = unit[0] ? dup_printf("%s (%s)", f->staff, unit)
					     : dup_printf("%s", f->staff);
		else
			it->person = dup_printf("%s (not in staff.csv)",
						f->user_name[0] ? f->user_name
						: f->user[0]	? f->user
								: "nobody named");
		if (!it->job || !it->person) {
			free(it->job);
			free(it->person);
			return -1;
		}
		b->nitems++;
	}
	/* its other spaces name the same item, unless another holds them */
	for (size_t i = 1; i < nspaces; i++) {
		len = key_in(key, sizeof key, spaces[i], f);
		if (!hmap_put(&b->at, key, len, at, &added))
			return -1;
	}
	return 0;
}


void baseline_init(struct baseline *b)
{
	memset(b, 0, sizeof *b);
	hmap_init(&b->at);
	b->period.first_day = b->period.last_day = TIME_NONE;
	b->period.from = b->period.to = TIME_NONE;
}

void baseline_free(struct baseline *b)
{
	for (size_t i = 0; i < b->nitems; i++) {
		free(b->items[i].person);
		free(b->items[i].job);
	}
	free(b->items);
	free(b->gone);
	free(b->path);
	hmap_free(&b->at);
	memset(b, 0, sizeof *b);
}

void baseline_rules_text(const struct baseline *b, char *buf, size_t size)
{
	char j[48], p[48], a[48];
	snprintf(buf, size, "the baseline was made with other rules (%s, %s, %s)",
		 report_count_of(b->njobs, "job", "jobs", j, sizeof j),
		 report_count_of(b->npeople, "person", "people", p, sizeof p),
		 report_count_of(b->napprovals, "approval", "approvals", a, sizeof a));
}

void baseline_period_warning(const struct baseline *b, const struct period *current, char *buf,
			     size_t size)
{
	char was[96], now[96];
	period_text(&b->period, was, sizeof was);
	period_text(current, now, sizeof now);
	snprintf(buf, size,
		 "the baseline's period (%s) is not before this report's (%s): runs in both "
		 "count as recurring",
		 was, now);
}

void baseline_compare(struct baseline *b, const struct period *current,
		      const struct rules *rules)
{
	char text[320];
	b->other_rules = rules && (b->njobs != rules->njobs || b->npeople != rules->npeople ||
				   b->napprovals != rules->napprovals);
	/* before: the baseline ends on a day before this period begins */
	b->not_before = !(b->period.last_day != TIME_NONE && current->first_day != TIME_NONE &&
			  b->period.last_day < current->first_day);
	if (b->not_before) {
		baseline_period_warning(b, current, text, sizeof text);
		diag_error(b->path, 0, "warning: %s", text);
	}
	if (b->incomplete)
		diag_error(b->path, 0, "warning: %s", baseline_incomplete_text(b));
	char n[48];
	if (b->hidden)
		diag_error(b->path, 0,
			   "warning: the baseline report's filters hid %s with findings: those count "
			   "as new",
			   report_count_of(b->hidden, "run", "runs", n, sizeof n));
}

enum baseline_trend baseline_mark(struct baseline *b, const struct baseline_finding *f)
{
	/* the same person: the same person of staff.csv now; else (one of
	 * the two has none) the same Alma id; else (one has none) the same
	 * name. The spaces looked in, in that order (see person_key). */
	char spaces[8], key[KEY_MAX];
	size_t n = 0;
	int has = f->person >= 0;
	if (has)
		spaces[n++] = 'p';
	if (f->user[0]) {
		spaces[n++] = 'u';
		if (!has)
			spaces[n++] = 'U';
		spaces[n++] = 'n';
		if (!has)
			spaces[n++] = 'N';
	} else {
		spaces[n++] = 'n';
		spaces[n++] = 'm';
		if (!has) {
			spaces[n++] = 'N';
			spaces[n++] = 'M';
		}
	}
	int64_t *at = NULL;
	for (size_t i = 0; i < n && !at; i++) {
		size_t len = key_in(key, sizeof key, spaces[i], f);
		at = hmap_get(&b->at, key, len);
	}
	if (!at) {
		b->fresh[f->kind]++;
		return TREND_NEW;
	}
	b->items[*at].hit = 1;
	b->recurring[f->kind]++;
	return TREND_RECURRING;
}

static const struct baseline *sorting;

static int by_kind_count(const void *pa, const void *pb)
{
	const struct baseline_item *a = &sorting->items[*(const size_t *)pa];
	const struct baseline_item *b = &sorting->items[*(const size_t *)pb];
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	int c = strcmp(a->job, b->job);
	return c ? c : strcmp(a->person, b->person);
}

int baseline_finish(struct baseline *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->nitems; i++)
		n += !b->items[i].hit;
	free(b->gone);
	b->gone = NULL;
	b->ngone = 0;
	memset(b->resolved, 0, sizeof b->resolved);
	if (!n)
		return 0;
	if (!(b->gone = malloc(n * sizeof *b->gone))) {
		diag_error(b->path, 0, "out of memory: the resolved findings are not listed");
		return -1;
	}
	for (size_t i = 0; i < b->nitems; i++)
		if (!b->items[i].hit) {
			b->gone[b->ngone++] = i;
			b->resolved[b->items[i].kind]++;
		}
	sorting = b;
	qsort(b->gone, b->ngone, sizeof *b->gone, by_kind_count);
	sorting = NULL;
	return 0;
}

const char *baseline_incomplete_text(const struct baseline *b)
{
	if (b->uncovered)
		return "the baseline report's exports did not cover its period: what it missed "
		       "counts as new";
	return "the baseline report is INCOMPLETE: findings it missed count as new";
}

const char *baseline_trend_name(enum baseline_trend t)
{
	return t == TREND_NEW ? "new" : t == TREND_RECURRING ? "recurring" : "";
}