#include "copies.h"

#include "times.h"

#include <stdlib.h>
#include <string.h>

void copies_init(struct copies *c)
{
	memset(c, 0, sizeof *c);
	idmap_init(&c->at);
}

void copies_free(struct copies *c)
{
	idmap_free(&c->at);
	free(c->runs);
	memset(c, 0, sizeof *c);
}

/* One id in COPIES_SAMPLE, by a hash of it (ids are near each other). */
static int sampled(uint64_t id)
{
	id ^= id >> 33;
	id *= 0xff51afd7ed558ccdull;
	id ^= id >> 33;
	return id % COPIES_SAMPLE == 0;
}

static int said(const struct copies *c, const char *a, const char *b)
{
	for (size_t i = 0; i < c->nsaid; i++)
		if ((c->said[i][0] == a && c->said[i][1] == b) ||
		    (c->said[i][0] == b && c->said[i][1] == a))
			return 1;
	return 0;
}

void copies_seen(struct copies *c, const struct run *run, int first, struct tally *t)
{
	if (run->time_ms == TIME_NONE || !sampled(run->id))
		return;
	if (first) {
		if (c->n == COPIES_MAX)
			return;
		if (c->n == c->cap) {
			size_t cap = c->cap ? c->cap * 2 : 256;
			struct copies_run *grown = realloc(c->runs, cap * sizeof *grown);
			if (!grown)
				return; /* a sample: one the fewer */
			c->runs = grown;
			c->cap = cap;
		}
		uint32_t *slot = idmap_put(&c->at, run->id);
		if (!slot)
			return;
		c->runs[c->n] = (struct copies_run){run->time_ms, run->file};
		*slot = (uint32_t)++c->n;
		return;
	}
	const uint32_t *slot = idmap_get(&c->at, run->id);
	if (!slot || c->nsaid == COPIES_SAID)
		return;
	const struct copies_run *k = &c->runs[*slot - 1];
	int64_t d = run->time_ms - k->time_ms;
	if (!d || d % 3600000 != 0 || k->file == run->file || said(c, k->file, run->file))
		return;
	c->said[c->nsaid][0] = k->file;
	c->said[c->nsaid++][1] = run->file;
	char a[32], b[32];
	times_format_utc(k->time_ms / 1000, a, sizeof a);
	times_format_utc(run->time_ms / 1000, b, sizeof b);
	long h = (long)((d < 0 ? -d : d) / 3600000);
	tally_note(t, 0,
		   "run %llu is at %s in %s and at %s in %s, %ld hour%s apart: the local times of "
		   "one export may be in another zone than --tz (%s); the run is reported at the "
		   "first",
		   (unsigned long long)run->id, a, k->file, b, run->file, h, h == 1 ? "" : "s",
		   times_zone_name());
}
