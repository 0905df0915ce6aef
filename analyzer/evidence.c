#include "evidence.h"

#include "hmap.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
#define FILTER_BITS (1u << 18) /* 32 KiB */

static unsigned filter_bit(uint64_t id)
{
	return (unsigned)((id * 0x9E3779B97F4A7C15ull) >> (64 - 18));
}

struct entry {
	int64_t time, time_ms;
	uint64_t id;
	uint32_t key;	  /* index in keys[] */
	uint32_t same_id; /* the next entry with the same id, or NONE */
	uint8_t state;	  /* an enum evidence_state */
};

/* An entry of a key, by time. */
struct slot {
	int64_t time_ms;
	uint32_t i; /* index in e[] */
};

/* A key's entries, sorted by time when sorted is set (they are sorted
 * when asked, after runs were added out of order); every entry before
 * cursor is set aside (states only ever go from evidence to set aside), so
 * its earliest evidence is found from there on. */
struct key {
	struct slot *slots;
	uint32_t n, cap, cursor;
	int sorted;
	uint32_t aside; /* its earliest run set aside, or NONE */
};

struct evidence {
	struct hmap at;	   /* key text -> index in keys[] */
	struct key *keys;
	size_t nkeys, ckeys;
	struct entry *e;
	size_t n, cap;
	struct idmap by_id;  /* id -> first entry + 1 */
	/* a filter before by_id, for the production ids asked about (every
	 * production row): the ids kept lie in [lo, hi], and a bit per hash */
	uint64_t lo, hi;
	uint64_t bits[FILTER_BITS / 64];
	struct idset prod;   /* production ids seen (when tracked) */
	int track;
	int names;	     /* runs of someone not in staff.csv kept by name */
	int64_t refreshed;   /* local day, or INT64_MIN */
	uint64_t aside, copies;
};

struct evidence *evidence_new(void)
{
	struct evidence *e = calloc(1, sizeof *e);
	if (!e)
		return NULL;
	hmap_init(&e->at);
	idmap_init(&e->by_id);
	idset_init(&e->prod);
	e->refreshed = INT64_MIN;
	return e;
}

void evidence_free(struct evidence *e)
{
	if (!e)
		return;
	hmap_free(&e->at);
	idmap_free(&e->by_id);
	idset_free(&e->prod);
	for (size_t k = 0; k < e->nkeys; k++)
		free(e->keys[k].slots);
	free(e->keys);
	free(e->e);
	free(e);
}

void evidence_set_refreshed(struct evidence *e, int64_t day)
{
	e->refreshed = day;
}

void evidence_track_production(struct evidence *e)
{
	e->track = 1;
}

int evidence_by_name(const struct evidence *e)
{
	return e->names;
}

uint64_t evidence_aside(const struct evidence *e)
{
	return e->aside;
}

uint64_t evidence_copies(const struct evidence *e)
{
	return e->copies;
}

/* v in decimal at o (at most 11 bytes); their count. */
static size_t put_int(char *o, int v)
{
	char tmp[12];
	size_t n = 0;
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	size_t len = 0;
	if (v < 0)
		o[len++] = '-';
	while (n)
		o[len++] = tmp[--n];
	return len;
}

/* The text of a key: the job, then 'p' and the person, 'u' and the id, 'o'
 * and the name of a run with no id, or 'n' and the name of any run. */
static size_t key_text(char *buf, size_t size, int job, char kind, int person, const char *s)
{
	/* as snprintf would write "%d|p%d" or "%d|%c%s", cut to size */
	char head[32];
	size_t n = 0;
	n += put_int(head + n, job);
	head[n++] = '|';
	head[n++] = kind;
	if (kind == 'p')
		n += put_int(head + n, person);
	size_t used = n < size ? n : size - 1;
	memcpy(buf, head, used);
	if (kind != 'p') {
		size_t len = strlen(s);
		if (len > size - 1 - used)
			len = size - 1 - used;
		memcpy(buf + used, s, len);
		if (kind == 'u') /* an Alma id: case ignored, as Alma does */
			for (size_t i = used; i < used + len; i++)
				buf[i] = (char)tolower((unsigned char)buf[i]);
		used += len;
	}
	buf[used] = '\0';
	return used;
}

/* The earlier of two entries (either may be NONE). */
static uint32_t earlier(const struct evidence *e, uint32_t a, uint32_t b)
{
	if (a == NONE)
		return b;
	if (b == NONE)
		return a;
	return e->e[b].time_ms < e->e[a].time_ms ? b : a;
}

/* Keeps an entry under one key. -1 out of memory. */
static int add_under(struct evidence *e, const char *text, size_t len, int state, int64_t time,
		     int64_t time_ms, uint64_t id)
{
	int added;
	int64_t *at = hmap_put(&e->at, text, len, (int64_t)e->nkeys, &added);
	if (!at)
		return -1;
	if (added) {
		if (e->nkeys == e->ckeys) {
			size_t cap = e->ckeys ? e->ckeys * 2 : 64;
			struct key *grown = realloc(e->keys, cap * sizeof *grown);
			if (!grown)
				return -1;
			e->keys = grown;
			e->ckeys = cap;
		}
		e->keys[e->nkeys++] = (struct key){NULL, 0, 0, 0, 1, NONE};
	}
	uint32_t k = (uint32_t)*at;
	uint32_t *first = idmap_put(&e->by_id, id);
	if (!first)
		return -1;
	for (uint32_t i = *first ? *first - 1 : NONE; i != NONE; i = e->e[i].same_id)
		if (e->e[i].key == k)
			return 0; /* the same run read twice */
	struct key *key = &e->keys[k];
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 256;
		if (cap >= NONE)
			return -1;
		struct entry *grown = realloc(e->e, cap * sizeof *grown);
		if (!grown)
			return -1;
		e->e = grown;
		e->cap = cap;
	}
	if (key->n == key->cap) {
		uint32_t cap = key->cap ? key->cap * 2 : 4;
		struct slot *grown = realloc(key->slots, cap * sizeof *grown);
		if (!grown)
			return -1;
		key->slots = grown;
		key->cap = cap;
	}
	uint32_t i = (uint32_t)e->n++;
	e->e[i] = (struct entry){time, time_ms, id, k, *first ? *first - 1 : NONE, (uint8_t)state};
	*first = i + 1;
	if (e->n == 1 || id < e->lo)
		e->lo = id;
	if (e->n == 1 || id > e->hi)
		e->hi = id;
	e->bits[filter_bit(id) / 64] |= 1ull << (filter_bit(id) % 64);
	if (key->n && key->slots[key->n - 1].time_ms > time_ms)
		key->sorted = 0;
	key->slots[key->n++] = (struct slot){time_ms, i};
	if (state != EVIDENCE_OK)
		key->aside = earlier(e, key->aside, i);
	return 0;
}

int evidence_add(struct evidence *e, int job, const struct evidence_who *who, int64_t day,
		 int64_t time, int64_t time_ms, uint64_t id)
{
	char text[256];
	int state = EVIDENCE_OK;
	if (e->track && idset_has(&e->prod, id))
		state = EVIDENCE_COPY;
	else if (e->refreshed != INT64_MIN && day < e->refreshed)
		state = EVIDENCE_ASIDE;
	/* counted once per run: the first time its id is kept */
	int fresh = idmap_get(&e->by_id, id) == NULL;
	int rc = 0;
	if (who->person >= 0) {
		size_t len = key_text(text, sizeof text, job, 'p', who->person, "");
		rc |= add_under(e, text, len, state, time, time_ms, id);
	} else {
		if (who->user[0]) {
			size_t len = key_text(text, sizeof text, job, 'u', -1, who->user);
			rc |= add_under(e, text, len, state, time, time_ms, id);
		} else if (who->name_key[0]) {
			size_t len = key_text(text, sizeof text, job, 'o', -1, who->name_key);
			rc |= add_under(e, text, len, state, time, time_ms, id);
		}
		if (who->name_key[0]) {
			size_t len = key_text(text, sizeof text, job, 'n', -1, who->name_key);
			rc |= add_under(e, text, len, state, time, time_ms, id);
			e->names = 1;
		}
	}
	if (fresh && state == EVIDENCE_ASIDE)
		e->aside++;
	if (fresh && state == EVIDENCE_COPY)
		e->copies++;
	return rc ? -1 : state;
}

static int by_time(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;
	if (x->time_ms != y->time_ms)
		return x->time_ms < y->time_ms ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The earliest evidence of a key, or NONE. */
static uint32_t best_of(const struct evidence *e, struct key *key)
{
	if (!key->sorted) {
		qsort(key->slots, key->n, sizeof *key->slots, by_time);
		key->sorted = 1;
		key->cursor = 0;
	}
	while (key->cursor < key->n && e->e[key->slots[key->cursor].i].state != EVIDENCE_OK)
		key->cursor++;
	return key->cursor < key->n ? key->slots[key->cursor].i : NONE;
}

int evidence_production(struct evidence *e, uint64_t id)
{
	int maybe = e->n && id >= e->lo && id <= e->hi &&
		    (e->bits[filter_bit(id) / 64] >> (filter_bit(id) % 64) & 1);
	const uint32_t *first = maybe ? idmap_get(&e->by_id, id) : NULL;
	if (first && *first) {
		int counted = 0;
		for (uint32_t i = *first - 1; i != NONE; i = e->e[i].same_id) {
			if (e->e[i].state == EVIDENCE_COPY)
				continue;
			if (e->e[i].state == EVIDENCE_OK && !counted++)
				e->copies++;
			e->e[i].state = EVIDENCE_COPY;
			struct key *key = &e->keys[e->e[i].key];
			key->aside = earlier(e, key->aside, i);
		}
	}
	if (e->track && idset_add(&e->prod, id) < 0)
		return -1;
	return 0;
}

/* The evidence and the runs set aside of one key before time_ms. */
static void find_key(struct evidence *e, const char *text, size_t len, int64_t time_ms,
		     uint32_t *best, uint32_t *aside)
{
	const int64_t *at = hmap_get(&e->at, text, len);
	if (!at)
		return;
	struct key *key = &e->keys[*at];
	uint32_t b = best_of(e, key);
	if (b != NONE && e->e[b].time_ms < time_ms)
		*best = earlier(e, *best, b);
	if (key->aside != NONE && e->e[key->aside].time_ms < time_ms)
		*aside = earlier(e, *aside, key->aside);
}

int evidence_find(struct evidence *e, int job, const struct evidence_who *who,
		  int64_t time_ms, struct evidence_run *found, struct evidence_run *aside)
{
	char text[256];
	uint32_t best = NONE, set_aside = NONE;
	if (!e->nkeys) {
		/* no sandbox run kept: nothing to find */
		aside->time = aside->time_ms = INT64_MIN;
		return 0;
	}
	if (who->person >= 0) {
		size_t len = key_text(text, sizeof text, job, 'p', who->person, "");
		find_key(e, text, len, time_ms, &best, &set_aside);
	} else if (who->user[0]) {
		/* the same id where both runs have one, else the same name */
		size_t len = key_text(text, sizeof text, job, 'u', -1, who->user);
		find_key(e, text, len, time_ms, &best, &set_aside);
		if (who->name_key[0]) {
			len = key_text(text, sizeof text, job, 'o', -1, who->name_key);
			find_key(e, text, len, time_ms, &best, &set_aside);
		}
	} else if (who->name_key[0]) {
		size_t len = key_text(text, sizeof text, job, 'n', -1, who->name_key);
		find_key(e, text, len, time_ms, &best, &set_aside);
	}
	aside->time = aside->time_ms = INT64_MIN;
	if (set_aside != NONE) {
		const struct entry *x = &e->e[set_aside];
		*aside = (struct evidence_run){x->time, x->time_ms, x->id, (enum evidence_state)x->state};
	}
	if (best == NONE)
		return 0;
	const struct entry *x = &e->e[best];
	*found = (struct evidence_run){x->time, x->time_ms, x->id, EVIDENCE_OK};
	return 1;
}
