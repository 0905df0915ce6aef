/* verdict: judging production runs against the rules (spec section 3).
 * Sandbox runs are evidence (evidence.h), whichever order they come in;
 * each production run gets its findings: unlisted-job, unapproved, no-signoff, damaging-large-set,
 * unknown-size. Each copy of a run is judged on its own; runset.c makes the
 * copies count once. struct judge owns the evidence (every sandbox run of
 * a listed job, by job and person) and a cache of people looked up (a fixed number of
 * entries: JUDGE_PEOPLE_CACHE, the least recently used of two evicted);
 * judge_new allocates it, judge_free frees it. It borrows the rules. */
#ifndef ALMAUDIT_VERDICT_H
#define ALMAUDIT_VERDICT_H

#include <stddef.h>
#include <stdint.h>

#include "rules.h"
#include "run.h"

enum finding_kind {
	FIND_UNAPPROVED,
	FIND_NO_SIGNOFF,
	FIND_DAMAGING_LARGE_SET,
	FIND_UNKNOWN_SIZE,
	FIND_UNLISTED_JOB,
	FIND_COUNT
};

/* "unapproved", "no-signoff", ...; -1 from finding_parse for another word. */
const char *finding_name(enum finding_kind k);
/* What a finding means, for report headings. */
const char *finding_meaning(enum finding_kind k);
int finding_parse(const char *s);

struct verdict {
	int job;	     /* owning job, -1 when no pattern matched */
	int person;	     /* -1: not in staff.csv */
	int how;	     /* how the person was found, or not: RULES_BY_... (rules.h) */
	unsigned findings;   /* bit (1u << kind) per finding */
	int approval;	     /* the approval that held, or -1 */
	int later;	     /* an approval of the job signed off after the run, or -1 */
	int revoked;	     /* an approval of the job revoked by the run's day, or -1 */
	/* approval holds only if the run's set, unknown (run->set_unknown),
	 * matches its sets: judged approved, to be checked (never an accusation
	 * on a set no one knows, never cleared without a word) */
	int set_unknown;
	int sets_limited; /* an approval limited to sets was consulted */
	int64_t sandbox;     /* time of a sandbox run before this one, or TIME_NONE */
	uint64_t sandbox_id; /* and its id */
	int64_t large_set;   /* the damaging threshold that applied */
	char detail[FIND_COUNT][160];
	/* the earliest sandbox run before this one that was set aside (dated
	 * before --sandbox-refreshed, or a copy of a production run), TIME_NONE
	 * if none; its id; 1 when a copy */
	int64_t aside;
	uint64_t aside_id;
	int aside_copy;
};

/* 1 when the verdict's choice between unapproved and no-signoff rests on
 * sandbox evidence (no approval held, none signed off later): evidence read
 * later, or found to be a copy, could change it. */
int verdict_rests_on_sandbox(const struct verdict *v);

struct judge;

/* The (submitted_by, submitted_by_desc) pairs whose person is remembered. */
#define JUDGE_PEOPLE_CACHE 4096

/* large_set: the threshold for damaging jobs that set none. */
struct judge *judge_new(const struct rules *rules, int64_t large_set);
void judge_free(struct judge *j);

/* The entries of the people cache in use (at most JUDGE_PEOPLE_CACHE). */
size_t judge_people_cached(const struct judge *j);

/* Records a sandbox run as evidence (evidence.h). Its state: EVIDENCE_OK
 * (kept, or no run of a listed job), EVIDENCE_ASIDE (dated before the
 * refresh), EVIDENCE_COPY (a production run had its id); or -1 when a
 * pattern hit its limit (the caller rejects the row). */
int judge_evidence(struct judge *j, const struct run *run);

/* --sandbox-refreshed: sandbox runs dated before day (local, days since
 * 1970) are no evidence. Before any judge_evidence. */
void judge_set_refreshed(struct judge *j, int64_t day);

/* Every production run's id, as read: a sandbox run with that id is a
 * copy, no evidence. -1 out of memory. judge_track_production remembers
 * the ids, for sandbox runs that come after them. */
int judge_production_id(struct judge *j, uint64_t id);
void judge_track_production(struct judge *j);

/* Sandbox runs set aside as dated before the refresh; found to be copies. */
uint64_t judge_sandbox_aside(const struct judge *j);
uint64_t judge_sandbox_copies(const struct judge *j);

/* Judges a production run that is not a system run: fills *v. Returns 0,
 * or -1 when a pattern hit its limit. */
int judge_run(struct judge *j, const struct run *run, struct verdict *v);

/* For a run that is not judged (a sandbox or system run): fills *v with its
 * job and person only, no findings. -1 when a pattern hit its limit. */
int judge_describe(struct judge *j, const struct run *run, struct verdict *v);

/* The verdict in a word or a list: "ok", or "unapproved,damaging-large-set". */
void verdict_text(const struct verdict *v, char *buf, size_t size);

/* Explains a verdict line by line, citing the rule rows that decided it
 * (file:line of the job pattern, the staff row, each approval consulted and
 * why it did or did not apply, the sandbox run, the threshold). For a run
 * not judged (judged == 0) only the job and the person are explained. */
void verdict_explain(const struct rules *rules, const struct run *run, const struct verdict *v,
		     int judged, void (*line)(void *ctx, const char *text), void *ctx);

#endif
