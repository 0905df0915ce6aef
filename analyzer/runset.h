/* runset: what makes every run count once (spec section 3): the ids of the
 * distinct production runs judged, the finding kinds found and shown for
 * each run that had any (so the findings of a run read in several inputs are
 * the union of its copies, each kind reported once), and the unknown-size
 * findings held back until the end (a later copy may carry the record count
 * that answers them), and the runs whose unapproved or no-signoff choice
 * waits for all the sandbox evidence. struct runset owns every table and
 * every held run;
 * runset_free releases them. Memory: 9.1 to 13.7 bytes per distinct run
 * (the id set, its kinds included; see hmap.h; 16 to 21 for an id far from
 * the others), and more only per run held (for unknown-size, or for its
 * evidence). */
#ifndef ALMAUDIT_RUNSET_H
#define ALMAUDIT_RUNSET_H

#include <stddef.h>
#include <stdint.h>

#include "hmap.h"
#include "run.h"
#include "verdict.h"

/* A run held back, without its verdict (judged again at the end: its
 * details would take 800 bytes a run) nor its records_note (the report
 * shows neither): every string of run points into text. */
struct runset_held {
	struct run run;
	char *text;
	int live; /* 0: a later copy had a record count */
};

/* A run kept without its verdict: every string of run points into text. */
struct runset_run {
	struct run run;
	char *text;
};

struct runset {
	struct idset ids;    /* every distinct run judged -> found kinds | marks |
				flagged << 7 | shown kinds << 8 | marks */
	struct idmap held_at; /* run id -> index in held[] + 1 */
	struct runset_held *held;
	size_t nheld, cap;
	/* the runs whose unapproved or no-signoff finding waits for the end of
	 * reading (evidence may still come, or prove a copy), in the order read */
	struct runset_run *deferred;
	size_t ndeferred, cdeferred;
};

void runset_init(struct runset *s);
void runset_free(struct runset *s);

/* Adds a run id: 1 when it is new, 0 when a copy was read before, -1 when
 * out of memory (nothing reported). */
int runset_add(struct runset *s, uint64_t id);

/* Starts loading where a run id is or will go (a cache miss a run, hidden
 * behind the work done before runset_add). */
void runset_prefetch(const struct runset *s, uint64_t id);

/* Records `found` as found for a run and sets *fresh to the kinds not found
 * in an earlier copy. 0, or -1 when out of memory. */
int runset_found(struct runset *s, uint64_t id, unsigned found, unsigned *fresh);

/* Records kinds as shown for the run; *first tells whether they are the
 * first kinds shown for it. 0, or -1 when out of memory. */
int runset_shown(struct runset *s, uint64_t id, unsigned kinds, int *first);

/* Counts a run among the runs with findings: 1 the first time, 0 after,
 * -1 when out of memory. */
int runset_flag(struct runset *s, uint64_t id);

/* Marks a run with the marks below: the bits of mark it had not had yet
 * (0 when it had them all), or -1 when out of memory. */
#define RUNSET_SET_INFERRED 0x20u /* its set was inferred from its name */
/* a copy approved pending its unknown set, by why (enum run_set_unknown):
 * the instance name names none, the CSV has no set_name column, its set
 * cell is empty */
#define RUNSET_SET_UNKNOWN 0x40u
#define RUNSET_SET_NO_COLUMN 0x4000u
#define RUNSET_SET_EMPTY 0x8000u
#define RUNSET_SETS_UNKNOWN (RUNSET_SET_UNKNOWN | RUNSET_SET_NO_COLUMN | RUNSET_SET_EMPTY)
#define RUNSET_SET_KNOWN 0x2000u  /* a copy whose set was known */
int runset_mark(struct runset *s, uint64_t id, unsigned mark);

/* The runs marked `mark` and not `unless`. */
uint64_t runset_count(const struct runset *s, unsigned mark, unsigned unless);

/* The kinds shown so far for a run (0 when none). */
unsigned runset_shown_kinds(const struct runset *s, uint64_t id);

/* Holds a copy of a run until the end (a later copy of a run held
 * replaces it). 0, or -1 when out of memory. */
int runset_hold(struct runset *s, const struct run *run);

/* 1 when a run is held (no copy has given its record count yet). */
int runset_held(const struct runset *s, uint64_t id);

/* A later copy carried a record count: the held run (if any) is let go. */
void runset_release(struct runset *s, uint64_t id);

/* Keeps a copy of a run until the end of reading, its unapproved or
 * no-signoff finding to be decided then. 0, or -1 when out of memory. */
int runset_defer(struct runset *s, const struct run *run);

/* Runs with findings of which none were shown (hidden by filters). */
uint64_t runset_hidden(const struct runset *s);

#endif
