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
	idset_free(&s->ids);
	idmap_free(&s->held_at);
	memset(s, 0, sizeof *s);
}

int runset_add(struct runset *s, uint64_t id)
{
	return idset_add(&s->ids, id);
}

int runset_found(struct runset *s, uint64_t id, unsigned found, unsigned *fresh)
{
	*fresh = 0;
	if (!found)
		return 0;
	uint16_t *at = idset_value(&s->ids, id);
	if (!at)
		return -1;
	*fresh = found & ~(*at & 0xFFu);
	*at |= found & 0xFFu;
	return 0;
}

int runset_shown(struct runset *s, uint64_t id, unsigned kinds, int *first)
{
	*first = 0;
	if (!kinds)
		return 0;
	uint16_t *at = idset_value(&s->ids, id);
	if (!at)
		return -1;
	*first = (*at >> 8) == 0;
	*at |= (uint16_t)((kinds & 0xFFu) << 8 | (kinds & 0xFFu));
	return 0;
}

unsigned runset_shown_kinds(const struct runset *s, uint64_t id)
{
	const uint16_t *at = idset_find(&s->ids, id);
	return at ? (*at >> 8) & 0xFFu : 0;
}

/* Copies a string into the held block at *o. */
static const char *keep(char *text, size_t *o, const char *s)
{
	size_t n = strlen(s) + 1;
	memcpy(text + *o, s, n);
	*o += n;
	return text + *o - n;
}

/* Copies run and v into h, the strings into h->text (sized for them). */
static void copy(struct runset_held *h, const struct run *run, const struct verdict *v)
{
	char *text = h->text;
	size_t o = 0;
	h->run = *run;
	h->v = *v;
	h->run.job_id = keep(text, &o, run->job_id);
	h->run.name = keep(text, &o, run->name);
	h->run.category = keep(text, &o, run->category);
	h->run.user = keep(text, &o, run->user);
	h->run.user_name = keep(text, &o, run->user_name);
	h->run.status = keep(text, &o, run->status);
	h->run.set_name = keep(text, &o, run->set_name);
}

int runset_hold(struct runset *s, const struct run *run, const struct verdict *v)
{
	const char *const fields[] = {run->job_id, run->name,	   run->category,
				      run->user,   run->user_name, run->status, run->set_name};
	size_t total = 0;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		total += strlen(fields[i]) + 1;
	uint32_t *was = idmap_get(&s->held_at, run->id);
	if (was && *was) {
		/* a later copy, still without a count: it is the one reported */
		struct runset_held *h = &s->held[*was - 1];
		char *text = malloc(total);
		if (!text)
			return -1;
		free(h->text);
		h->text = text;
		copy(h, run, v);
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
	char *text = malloc(total);
	if (!at || !text) {
		free(text);
		return -1;
	}
	struct runset_held *h = &s->held[s->nheld];
	h->text = text;
	h->live = 1;
	copy(h, run, v);
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

uint64_t runset_hidden(const struct runset *s)
{
	uint64_t n = 0;
	for (int i = 0; i < IDSET_SHARDS; i++) {
		const struct idset_shard *t = &s->ids.shard[i];
		for (uint32_t j = 0; j < t->cap; j++)
			if (t->ids[j] && (t->values[j] & 0xFFu) && !(t->values[j] >> 8))
				n++;
	}
	if (s->ids.has_zero && (s->ids.zero & 0xFFu) && !(s->ids.zero >> 8))
		n++;
	return n;
}

int runset_held(const struct runset *s, uint64_t id)
{
	const uint32_t *at = idmap_get(&s->held_at, id);
	return at && *at;
}
