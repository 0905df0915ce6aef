/* unitlog: the calls the audit makes for each unit's report during
 * audit --split unit (reports/split.c), kept in one scratch file until the
 * end, so that each unit's report is made then, one at a time, from the
 * same calls in the same order: neither memory nor open files grow with
 * the number of units or with --limit. A unit's records gather in a block
 * of UNITLOG_BLOCK bytes, written to the file when full: a run with its
 * verdict once (packed, run.h) for all the calls about it, then each call
 * in a few bytes (audited: the run's time; damaging: what the table of the
 * largest damaging runs keeps, for runs it counts; a finding: its kind,
 * trend and waiver; waived; found). unitlog_replay reads a unit's blocks
 * back in order and makes the calls again, then forgets them.
 *
 * Memory: a block for each unit with records, 16 bytes per block written,
 * and 24 bytes a unit. struct unitlog owns its buffers and the scratch file's
 * descriptor (given to unitlog_new, closed by unitlog_free); it borrows
 * the rules. */
#ifndef ALMAUDIT_UNITLOG_H
#define ALMAUDIT_UNITLOG_H

#include <stddef.h>

#include "reporter.h"
#include "rules.h"
#include "run.h"
#include "verdict.h"

#define UNITLOG_BLOCK 4096

struct unitlog;

/* A log for units 0 .. nunits - 1 in the scratch file fd (read and
 * write, empty), for summaries that keep limit findings of a kind; lean:
 * see above. NULL when out of memory (reported; fd is closed). */
struct unitlog *unitlog_new(int fd, size_t nunits, const struct rules *rules, size_t limit,
			    int lean);
void unitlog_free(struct unitlog *l);

/* The calls, for unit u: those of struct report_tap, and a finding. */
void unitlog_audited(struct unitlog *l, size_t u, const struct run *run);
void unitlog_damaging(struct unitlog *l, size_t u, const struct run *run,
		      const struct verdict *v);
void unitlog_finding(struct unitlog *l, size_t u, const struct report_finding *f);
void unitlog_waived(struct unitlog *l, size_t u, const struct run *run, const struct verdict *v,
		    enum finding_kind kind, int waiver, int is_new);
void unitlog_found(struct unitlog *l, size_t u, const struct run *run, const struct verdict *v,
		   unsigned kinds, unsigned new_kinds, int new_run);

/* Where a replay goes: the tap's calls (ctx is tap.ctx), as the audit made
 * them, except that audited's run holds only its time, damaging's only
 * what summary_damaging reads (id, records; the verdict's job, person and
 * threshold), and in a lean log, past the findings a summary keeps,
 * found's only what summary_add counts by (time, an unlisted job's name;
 * the verdict's job and person) and waived's nothing; and each finding (in
 * a lean log, trend only: the sink counts it, the run is NULL). */
struct unitlog_sink {
	struct report_tap tap;
	void (*finding)(void *ctx, const struct report_finding *f);
};

/* Replays unit u's calls in order to sink, then forgets them. 0, or -1
 * when the scratch file could not be written or read back, or memory ran
 * out (reported once, at the scratch file's name: shown). */
int unitlog_replay(struct unitlog *l, size_t u, const struct unitlog_sink *sink,
		   const char *shown);

#endif
