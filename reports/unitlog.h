/* unitlog: the calls the audit makes for each unit's report during
 * audit --split unit (reports/split.c), kept in one scratch file until the
 * end, so that each unit's report is made then, one at a time, from the
 * same calls in the same order: neither memory nor open files grow with
 * the number of units or with --limit. A unit's records gather in a block
 * of UNITLOG_BLOCK bytes, written to the file when full: a run with its
 * verdict once (packed, run.h) for all the calls about it, then each call
 * in a few bytes (audited: the run's time; damaging: what the table of the
 * largest damaging runs keeps, for runs it counts; a finding: its kind,
 * trend and waiver; waived; found). Every finding, waived and found call
 * keeps its run whole, past --limit too: a unit's tables keep the first
 * findings of a kind by time (summary.h), which a run read late may be
 * among. unitlog_replay reads a unit's blocks back in order and makes the
 * calls again, then forgets them.
 *
 * Memory: a block for each unit with records, 16 bytes per block written,
 * and 48 bytes a unit. struct unitlog owns its buffers and the scratch file's
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
 * write, empty). NULL when out of memory (reported; fd is closed). */
struct unitlog *unitlog_new(int fd, size_t nunits, const struct rules *rules);
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
 * them, except that audited's run holds only its time and damaging's only
 * what summary_damaging reads (id, records; the verdict's job, person and
 * threshold); and each finding, with its run and verdict. */
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
