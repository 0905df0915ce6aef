/* evidence: the sandbox runs that are evidence of testing (spec section 3),
 * whatever order they are read in. Every sandbox run of a job in jobs.csv
 * is kept (its time and id) under its job and person: the staff.csv person
 * when known; for someone not in staff.csv, under their Alma id and under
 * their name, so that a production run by such a person finds the sandbox
 * runs with the same id where both runs have one, else the same name. Each
 * kept run is evidence, or set aside: dated before the sandbox's latest
 * refresh (--sandbox-refreshed), or a copy (a production run has its id:
 * production history copied over by a refresh, never a test). Per key the
 * earliest evidence and the earliest run set aside are kept up to date, so
 * that the verdict of a production run asks once (each key's runs are
 * sorted by time when asked). struct evidence owns
 * every table; evidence_new allocates it, evidence_free releases it.
 * Memory: some 56 bytes per sandbox run of a listed job (two entries for
 * someone not in staff.csv), and 16 per distinct id. */
#ifndef ALMAUDIT_EVIDENCE_H
#define ALMAUDIT_EVIDENCE_H

#include <stddef.h>
#include <stdint.h>

enum evidence_state {
	EVIDENCE_OK,	/* a test */
	EVIDENCE_ASIDE, /* dated before the latest --sandbox-refreshed day */
	EVIDENCE_COPY	/* its id is a production run's */
};

/* A sandbox run as kept. */
struct evidence_run {
	int64_t time, time_ms; /* to the second, and to the millisecond */
	uint64_t id;
	enum evidence_state state;
};

/* Whose sandbox run: a staff.csv person (person >= 0), else the export's
 * id (user, "" when none) and the comparison key of the name (names.h;
 * "" when none). */
struct evidence_who {
	int person;
	const char *user;
	const char *name_key;
};

struct evidence;

struct evidence *evidence_new(void);
void evidence_free(struct evidence *e);

/* Sandbox runs dated (local day, days since 1970) before day are set aside
 * from now on; call before the first evidence_add. */
void evidence_set_refreshed(struct evidence *e, int64_t day);

/* Keeps a sandbox run of job (an index in rules->jobs), run on local day
 * `day`. A run kept before under the same key with the same id is not kept
 * twice. Returns its state (EVIDENCE_OK, _ASIDE, or _COPY when a production
 * run already had its id), or -1 out of memory (the evidence is lost,
 * nothing reported). */
int evidence_add(struct evidence *e, int job, const struct evidence_who *who, int64_t day,
		 int64_t time, int64_t time_ms, uint64_t id);

/* From now on, every production id is remembered (11 bytes or so each),
 * so that a sandbox run read after a production run with its id is known
 * as a copy: for inputs read once, in whatever order. */
void evidence_track_production(struct evidence *e);

/* A production run's id: a sandbox run kept with the same id is a copy
 * (and one kept later, once evidence_track_production is on). -1 out of
 * memory (nothing reported), else 0. */
int evidence_production(struct evidence *e, uint64_t id);

/* For a production run of job by who at time_ms: 1 and *found the earliest
 * evidence strictly before it, else 0; in both cases *aside is the earliest
 * run set aside (or copied) strictly before it, state set, or its time is
 * INT64_MIN when none. */
int evidence_find(struct evidence *e, int job, const struct evidence_who *who,
		  int64_t time_ms, struct evidence_run *found, struct evidence_run *aside);

/* 1 when a run of someone not in staff.csv was kept under a name: only
 * then does evidence_find need a name's key. */
int evidence_by_name(const struct evidence *e);

/* Distinct sandbox runs set aside as dated before the refresh, and found to
 * be copies of production runs (not counting those already set aside). */
uint64_t evidence_aside(const struct evidence *e);
uint64_t evidence_copies(const struct evidence *e);

#endif
