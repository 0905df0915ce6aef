/* copies: a sample of the production runs read, each with its time and
 * input, to see a run whose copies in two inputs are a whole number of
 * hours apart: the local times of one export read in another zone than
 * the one it was written in (a UI export's local times, an API export's
 * UTC). One id in COPIES_SAMPLE is kept, at most COPIES_MAX of them: the
 * overlap of two exports is days of runs, so a shifted export shows in
 * the sample while memory stays bounded (16 bytes a run kept and its
 * idmap slot). Each pair
 * of inputs is said once, at most COPIES_SAID pairs, as a WARNING (the
 * tally's notes).
 *
 * The same id twice in one input at times that differ (by more than a
 * minute and not by whole hours; the submit times compared where both rows
 * give one, else the start times, else nothing) is not one run: a damaged id, or an id column that does not hold the job
 * instance's id (a job's id, a record count). Every id of the first
 * COPIES_ALL runs is kept for this, then the sample; copies_say puts it at
 * the top of the report. copies_init; copies_free releases what it holds. */
#ifndef ALMAUDIT_COPIES_H
#define ALMAUDIT_COPIES_H

#include <stddef.h>
#include <stdint.h>

#include "hmap.h"
#include "run.h"
#include "tally.h"

#define COPIES_SAMPLE 64
#define COPIES_MAX 65536
#define COPIES_SAID 2
#define COPIES_ALL 16384

struct copies_run {
	int64_t time_ms, submit, start; /* submit, start: seconds, or TIME_NONE */
	const char *file;	 /* the tally's name of its input */
	long line;
	unsigned part; /* the export within the file */
};

struct copies {
	struct idmap at; /* id -> index + 1 into runs */
	struct copies_run *runs;
	size_t n, cap;
	const char *said[COPIES_SAID][2]; /* the pairs of inputs said */
	size_t nsaid;
	/* ids two runs share in one input: how many, and the first */
	uint64_t clashes;
	struct copies_run clash[2];
	uint64_t clash_id;
};

void copies_init(struct copies *c);
void copies_free(struct copies *c);

/* A production run read: first, its first copy (kept when sampled); else a
 * later copy, compared with the first when it was kept: a whole number of
 * hours apart, in two inputs not said yet, is a WARNING note in t. */
void copies_seen(struct copies *c, const struct run *run, int first, struct tally *t);

/* At the end: ids that two runs share in one input, said at the top of
 * the report (a WARNING for one, an ERROR for more: the counts rest on one
 * id being one run). 1 when an ERROR was noted (the exit status is 2). */
int copies_say(const struct copies *c, struct tally *t);

#endif
