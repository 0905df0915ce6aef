/* review: the access review (almaudit review). Judges the matrix instead of
 * the runs: streams a long history once and keeps, per approval in
 * approvals.csv, a few numbers (the production runs in the period that the
 * approval covered, the last one, the last sandbox run of its jobs by its
 * person on or before its sign-off), and from them the findings: unused, untested,
 * undated per approval, no-approvals per person in staff.csv. Memory:
 * those aggregates per approval and per person, and the set of run ids
 * that makes every production run count once. struct review owns its
 * tables; review_free releases them. It borrows the rules, the period and
 * the filter, which must outlive it. */
#ifndef ALMAUDIT_REVIEW_H
#define ALMAUDIT_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "audit.h"
#include "copies.h"
#include "filter.h"
#include "hmap.h"
#include "period.h"
#include "rules.h"
#include "run.h"
#include "tally.h"

enum review_kind {
	REVIEW_UNUSED,	     /* in force, no production run in the period it covered */
	REVIEW_UNTESTED,     /* no sandbox run of its jobs by the person on or before signed_off */
	REVIEW_UNDATED,	     /* in force, signed_off empty */
	REVIEW_NO_APPROVALS, /* a person in staff.csv with no approval in force */
	REVIEW_KINDS
};

/* "unused", "untested", "undated", "no-approvals" */
const char *review_kind_name(enum review_kind k);

/* Where an approval stands at the end of the period. */
enum review_state {
	REVIEW_IN_FORCE,
	REVIEW_REVOKED, /* revoked on or before the period's last day (or "undated") */
	REVIEW_LATER	/* signed off after the period's last day: not in force in it */
};

/* What the sandbox history says of a sign-off. */
enum review_test {
	REVIEW_TEST_NONE,     /* not asked: no date to test against, or revoked */
	REVIEW_TESTED,	      /* a sandbox run on or before the sign-off day */
	REVIEW_NOT_TESTED,    /* none, and the sandbox history reaches back that far */
	REVIEW_NOT_REACHED    /* none, but the sandbox history begins after the sign-off:
				 it cannot say (neither a finding nor a pass) */
};

struct review_approval {
	uint64_t runs;	   /* production runs in the period the approval covered */
	uint64_t other;	   /* runs of its jobs by its person in the period it did not
			      cover (another set, before the sign-off) */
	int64_t last;	   /* the last covered run's time; TIME_NONE: none */
	int64_t test;	   /* the last sandbox run of its jobs by its person on or
			      before signed_off; TIME_NONE: none */
	enum review_state state;
	enum review_test tested;
	unsigned findings; /* 1 << review_kind */
	int shown;	   /* the filters let it through */
};

struct review_person {
	size_t in_force, revoked; /* approvals of each kind (LATER counts in force) */
	unsigned findings;
	int shown; /* the filters let it, or some approval of its, through */
};

struct review {
	const struct rules *rules;
	const struct period *period;
	const struct filter *filter;
	struct tally *tally;  /* NULL: nothing counted */
	int64_t end_day;      /* the day revocations are judged at: the period's last
				 day, else today */
	struct review_approval *approvals; /* [rules->napprovals] */
	struct review_person *people;	   /* [rules->npeople] */
	int64_t sandbox_first, sandbox_last; /* the sandbox history read; TIME_NONE: none */
	int64_t prod_first, prod_last;	     /* production runs in the period (system ones too) */
	struct idset once;		     /* production runs counted */
	struct copies copies;		     /* the runs' times, to tell copies from two runs */
	uint64_t count[REVIEW_KINDS];	     /* findings shown, by kind */
	size_t shown, revoked, not_reached, tested, later; /* approvals shown, and of them */
	size_t people_shown;
	int failed; /* out of memory: a run may count twice */
};

/* Sets up a review of the rules' approvals over the period (today: the
 * local day of "now", the end of an open period). The filter's --job,
 * --user and --unit choose the approvals and people shown. 0, or -1
 * (reported) out of memory. */
int review_init(struct review *rv, const struct rules *rules, const struct period *period,
		const struct filter *filter, int64_t today, struct tally *tally);
void review_free(struct review *rv);

/* One run read. A sandbox run is evidence of testing (at any date, but
 * for one dated before the tally's refreshed day: set aside, counted); a
 * production run in the period, not a system run, counts once (by id) for
 * each approval of its person that grants its job (directly or through
 * includes) and held for it (signed off on or before its day, not revoked,
 * its set matching). 0; -2 when a pattern hit the PCRE2 limits (nothing
 * counted: the caller rejects the row); -1 out of memory. */
int review_add(struct review *rv, const struct run *run);

/* After the last run: each approval's state and findings, and the counts
 * of what the filters show. */
void review_finish(struct review *rv);

/* The whole pass: reads the inputs as the audit does (audit_read), each run
 * into review_add (a row whose pattern hit the limits rejected), then
 * review_finish. 0, or -1 when an input could not be read whole or memory
 * ran out (reported; what was read is reviewed). */
int review_read(struct review *rv, const struct audit_inputs *in, struct ingest *ing);

/* Findings shown, all kinds. */
uint64_t review_findings(const struct review *rv);

/* The --job, --user and --unit values the rules alone do not know (a --job
 * that is no job id or title, a --user that picks out no one in
 * staff.csv): the review judges approvals, which only the rules hold.
 * Reports each with the nearest known value and returns how many. */
size_t review_check_filter(const struct filter *f, const struct rules *r);

/* 1 when the person's unit cell names unit (see rules_person_in_unit);
 * the units of a cell in turn: *at starts at 0; returns the next unit's
 * start and length, or NULL after the last. */
const char *review_next_unit(const char *cell, size_t *at, size_t *len);

#endif
