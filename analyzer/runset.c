#include "runset.h"

#include <stdlib.h>
#include <string.h>

void runset_init(struct runset *s)
{
	memset(s, 0, sizeof *s);
	idset_init(&s->ids);
	idmap_init(&s->held_at);
}

void runset_free(struct runset *s)
{
	for (size_t i = 0; i < s->nheld; i++)
		free(s->held[i].text);
	free(s->held);
	for (size_t i = 0; i < s->ndeferred; i++)
		free(s->deferred[i].text);
	free(s->deferred);
	idset_free(&s->ids);
	idmap_free(&s->held_at);
	memset(s, 0, sizeof *s);
}

int runset_add(struct runset *s, uint64_t id)
{
	return idset_add(&s->ids, id);
}

/* The bits of a run's value: found kinds in the low byte (bits 5 and 6:
 * marks of runset_mark; bit 7: counted among the runs with findings),
 * shown kinds in the high byte (bits 13 to 15: marks). */
#define FOUND 0x1Fu
#define MARKS (RUNSET_SET_INFERRED | RUNSET_SETS_UNKNOWN | RUNSET_SET_KNOWN)
#define FLAGGED 0x80u
_Static_assert(FIND_COUNT <= 5, "finding kinds fit in 5 bits");
_Static_assert((MARKS & (FOUND | FLAGGED | FOUND << 8)) == 0 && MARKS <= 0xFFFFu,
	       "the marks are bits of their own");

void runset_prefetch(const struct runset *s, uint64_t id)
{
	idset_prefetch(&s->ids, id);
}

int runset_found(struct runset *s, uint64_t id, unsigned found, unsigned *fresh)
{
	unsigned was;
	*fresh = 0;
	if (!found)
		return 0;
	if (idset_or(&s->ids, id, found & FOUND, &was) != 0)
		return -1;
	*fresh = found & ~(was & FOUND);
	return 0;
}

int runset_shown(struct runset *s, uint64_t id, unsigned kinds, int *first)
{
	unsigned was;
	*first = 0;
	if (!kinds)
		return 0;
	if (idset_or(&s->ids, id, (kinds & FOUND) << 8 | (kinds & FOUND), &was) != 0)
		return -1;
	*first = ((was >> 8) & FOUND) == 0;
	return 0;
}

unsigned runset_shown_kinds(const struct runset *s, uint64_t id)
{
	unsigned v;
	idset_get(&s->ids, id, &v);
	return (v >> 8) & FOUND;
}

int runset_flag(struct runset *s, uint64_t id)
{
	unsigned was;
	if (idset_or(&s->ids, id, FLAGGED, &was) != 0)
		return -1;
	return !(was & FLAGGED);
}

int runset_mark(struct runset *s, uint64_t id, unsigned mark)
{
	unsigned was;
	if (idset_or(&s->ids, id, mark & MARKS, &was) != 0)
		return -1;
	return (int)(mark & ~was);
}

/* Copies a string into the held block at *o. */
static const char *keep(char *text, size_t *o, const char *s)
{
	size_t n = strlen(s) + 1;
	memcpy(text + *o, s, n);
	*o += n;
	return text + *o - n;
}

/* Copies run into *dst, its strings into text (sized for them: text_size
 * with the same note). note 0: without its records_note. */
static void copy_run(struct run *dst, const struct run *run, char *text, int note)
{
	size_t o = 0;
	*dst = *run;
	dst->job_id = keep(text, &o, run->job_id);
	dst->name = keep(text, &o, run->name);
	dst->category = keep(text, &o, run->category);
	dst->user = keep(text, &o, run->user);
	dst->user_name = keep(text, &o, run->user_name);
	dst->status = keep(text, &o, run->status);
	dst->set_name = keep(text, &o, run->set_name);
	if (run->records_bad)
		dst->records_bad = keep(text, &o, run->records_bad);
	dst->records_note = note ? keep(text, &o, run->records_note ? run->records_note : "") : NULL;
	dst->counters = NULL; /* the counters stay with the reader */
	dst->ncounters = 0;
}

/* Bytes past the strings, zeroed: PCRE2's JIT reads up to 16 bytes past a
 * subject's end (SIMD), and a run held is matched again (judged at the end,
 * filtered); what it reads there is defined. */
#define TEXT_PAD 32

/* The bytes the strings of a run take, and the pad after them. */
static size_t text_size(const struct run *run, int note)
{
	const char *const fields[] = {run->job_id,    run->name,	 run->category,
				      run->user,      run->user_name, run->status,
				      run->set_name,  note && run->records_note ? run->records_note : ""};
	size_t total = TEXT_PAD + (run->records_bad ? strlen(run->records_bad) + 1 : 0);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		total += strlen(fields[i]) + 1;
	return total;
}

int runset_defer(struct runset *s, const struct run *run)
{
	if (s->ndeferred == s->cdeferred) {
		size_t cap = s->cdeferred ? s->cdeferred * 2 : 16;
		struct runset_run *grown = realloc(s->deferred, cap * sizeof *grown);
		if (!grown)
			return -1;
		s->deferred = grown;
		s->cdeferred = cap;
	}
	struct runset_run *d = &s->deferred[s->ndeferred];
	if (!(d->text = calloc(1, text_size(run, 1))))
		return -1;
	copy_run(&d->run, run, d->text, 1);
	s->ndeferred++;
	return 0;
}

int runset_hold(struct runset *s, const struct run *run)
{
	size_t total = text_size(run, 0);
	uint32_t *was = idmap_get(&s->held_at, run->id);
	if (was && *was) {
		/* a later copy, still without a count: it is the one reported */
		struct runset_held *h = &s->held[*was - 1];
		char *text = calloc(1, total);
		if (!text)
			return -1;
		free(h->text);
		h->text = text;
		copy_run(&h->run, run, text, 0);
		return 0;
	}
	if (s->nheld == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		struct runset_held *grown = realloc(s->held, cap * sizeof *grown);
		if (!grown)
			return -1;
		s->held = grown;
		s->cap = cap;
	}
	uint32_t *at = idmap_put(&s->held_at, run->id);
	char *text = calloc(1, total);
	if (!at || !text) {
		free(text);
		return -1;
	}
	struct runset_held *h = &s->held[s->nheld];
	h->text = text;
	h->live = 1;
	copy_run(&h->run, run, text, 0);
	*at = (uint32_t)++s->nheld;
	return 0;
}

void runset_release(struct runset *s, uint64_t id)
{
	uint32_t *at = idmap_get(&s->held_at, id);
	if (at && *at) {
		struct runset_held *h = &s->held[*at - 1];
		h->live = 0;
		free(h->text);
		h->text = NULL;
		*at = 0;
	}
}

static void count_hidden(void *arg, uint64_t id, unsigned value)
{
	(void)id;
	if ((value & FOUND) && !((value >> 8) & FOUND))
		++*(uint64_t *)arg;
}

struct marked {
	unsigned mark, unless;
	uint64_t n;
};

static void count_marked(void *arg, uint64_t id, unsigned value)
{
	struct marked *m = arg;
	(void)id;
	m->n += (value & m->mark) && !(value & m->unless);
}

uint64_t runset_count(const struct runset *s, unsigned mark, unsigned unless)
{
	struct marked m = {mark, unless, 0};
	idset_each(&s->ids, count_marked, &m);
	return m.n;
}

uint64_t runset_hidden(const struct runset *s)
{
	uint64_t n = 0;
	idset_each(&s->ids, count_hidden, &n);
	return n;
}

int runset_held(const struct runset *s, uint64_t id)
{
	const uint32_t *at = idmap_get(&s->held_at, id);
	return at && *at;
}
