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

/* How far apart a run read again is from its first copy, in ms: their
 * submit times (fixed once a run is queued) where both rows give one, else
 * their start times; 0 when the two rows give no time of the same kind (a
 * queued row's submit time against a finished one's start: not told). */
static int64_t apart(const struct copies_run *k, const struct run *run)
{
	if (k->submit != TIME_NONE && run->submit_time != TIME_NONE)
		return (run->submit_time - k->submit) * 1000;
	if (k->start != TIME_NONE && run->start_time != TIME_NONE)
		return (run->start_time - k->start) * 1000;
	return 0;
}

/* Whether d (ms, not 0) is a whole number of hours, within a minute (a UI
 * export's times have no seconds). */
static int whole_hours(int64_t d)
{
	int64_t a = d < 0 ? -d : d, off = a % 3600000;
	return a >= 3600000 - 60000 && (off <= 60000 || off >= 3600000 - 60000);
}

static struct copies_run kept(const struct run *run)
{
	return (struct copies_run){run->time_ms, run->submit_time, run->start_time, run->file,
				   run->line, run->part};
}

void copies_seen(struct copies *c, const struct run *run, int first, struct tally *t)
{
	if (run->time_ms == TIME_NONE)
		return;
	if (first) {
		if (c->n >= COPIES_ALL && !sampled(run->id))
			return;
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
		c->runs[c->n] = kept(run);
		*slot = (uint32_t)++c->n;
		return;
	}
	const uint32_t *slot = idmap_get(&c->at, run->id);
	if (!slot)
		return;
	const struct copies_run *k = &c->runs[*slot - 1];
	int64_t d = apart(k, run);
	if (d <= 60000 && d >= -60000)
		return; /* a copy */
	/* one export's times are in one zone: a whole number of hours apart
	 * within one export is two runs too (a UI export's times have no
	 * seconds: 9:00 and 11:00 are common); between two exports joined in
	 * one file (a header between them) it may be their zones */
	int one_export = k->file == run->file && k->part == run->part;
	if (!whole_hours(d) || one_export) {
		if (k->file == run->file && !c->clashes++) {
			c->clash[0] = *k;
			c->clash[1] = kept(run);
			c->clash_id = run->id;
		}
		return;
	}
	if (c->nsaid == COPIES_SAID || said(c, k->file, run->file))
		return;
	c->said[c->nsaid][0] = k->file;
	c->said[c->nsaid++][1] = run->file;
	char a[32], b[32];
	times_format_utc(k->time_ms / 1000, a, sizeof a);
	times_format_utc(run->time_ms / 1000, b, sizeof b);
	long h = (long)(((d < 0 ? -d : d) + 1800000) / 3600000);
	tally_note(t, 0,
		   "run %llu is at %s in %s and at %s in %s, %ld hour%s apart: the local times of "
		   "one export may be in another zone than --tz (%s); the run is reported at the "
		   "first",
		   (unsigned long long)run->id, a, k->file, b, run->file, h, h == 1 ? "" : "s",
		   times_zone_name());
}

int copies_say(const struct copies *c, struct tally *t)
{
	if (!c->clashes)
		return 0;
	const struct copies_run *a = &c->clash[0], *b = &c->clash[1];
	char x[32], y[32];
	times_format_utc(a->time_ms / 1000, x, sizeof x);
	times_format_utc(b->time_ms / 1000, y, sizeof y);
	int error = c->clashes > 1;
	if (!error)
		tally_note(t, 0,
			   "%s:%ld: run %llu is at %s here and at %s at line %ld: two runs with one "
			   "id, read as one (a damaged id?)",
			   b->file, b->line, (unsigned long long)c->clash_id, y, x, a->line);
	else /* past COPIES_ALL runs, only the sample's ids were compared */
		tally_note(t, 1,
			   "%s%llu rows repeat the id of a run at another time in the same input "
			   "(the first, %s:%ld: run %llu at %s there and at %s at line %ld), each "
			   "read as that run: the id column may not hold the job instance ids, and "
			   "the counts below are not to be trusted",
			   c->n >= COPIES_ALL ? "at least " : "", (unsigned long long)c->clashes,
			   b->file, b->line, (unsigned long long)c->clash_id, y, x, a->line);
	return error;
}
