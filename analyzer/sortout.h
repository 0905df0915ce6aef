/* sortout: the findings of a csv or json report in one order that does not
 * depend on the order they were read in: by the run's time (ms), then the
 * run's id, then the finding's kind (enum finding_kind: the order reports
 * list kinds), then the line's bytes, so that the same findings give the
 * same bytes whatever order the rows came in (spec section 3).
 *
 * A renderer writes each finding's line (a csv row, a json object) with its
 * usual writer into a wbuf that sortout_capture points at the sorter (what
 * the wbuf flushes, a line longer than its buffer, goes to the line being
 * made), and ends the line with sortout_add, which takes what is buffered.
 * sortout_write writes the lines in order through a wbuf to the report.
 *
 * Memory is bounded: the lines are held up to the budget (index included),
 * then sorted and written as one run to a scratch file (output_tmpfile: in
 * $TMPDIR, unlinked), and at the end the runs are merged (a heap over the
 * runs, each read through a buffer of about budget / runs bytes). A line
 * longer than the budget is held whole on its own.
 *
 * A struct sortout owns its lines, its index, its scratch file and the
 * buffers of the merge; sortout_free releases them. A failure (memory, the
 * scratch file) is reported once where it happens; the lines from then on
 * are dropped and sortout_write returns -1. */
#ifndef ALMAUDIT_SORTOUT_H
#define ALMAUDIT_SORTOUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csvw.h"

#define SORTOUT_BUDGET (4u * 1024u * 1024u)

struct sortout;

/* A sorter holding at most budget bytes before it spills; scratch: the file
 * to spill to (the sorter's from now on: closed by sortout_free), or NULL
 * to make one with output_tmpfile at the first spill. NULL (reported) when
 * memory runs out. */
struct sortout *sortout_new(size_t budget, FILE *scratch);

/* What b flushes goes to the line being made: b must be empty (its FILE
 * written and flushed before). sortout_release(b) gives b back its FILE. */
void sortout_capture(struct sortout *s, struct wbuf *b);
void sortout_release(struct wbuf *b);

/* Ends the line being made with what b holds (b emptied), under its key.
 * 0, or -1 when the sorter has failed (reported once). */
int sortout_add(struct sortout *s, struct wbuf *b, int64_t time_ms, uint64_t id, unsigned kind);

/* A line held may stand for a longer one: each byte 1 to 31 in it with a
 * code is written out by sortout_write as codes[byte] (the json
 * renderer's keys, the same in every line: the lines held and spilled are
 * shorter by them). codes: 32 strings or NULLs (a byte without a code is
 * written as it is), borrowed until sortout_free. */
void sortout_codes(struct sortout *s, const char *const *codes);

/* The lines held so far. */
uint64_t sortout_count(const struct sortout *s);
/* The runs spilled to the scratch file so far. */
size_t sortout_runs(const struct sortout *s);
/* The lines sortout_write wrote (fewer than sortout_count when it failed). */
uint64_t sortout_written(const struct sortout *s);
/* NULL, or what made the sorter fail, as reported ("cannot write the
 * findings to a temporary file in /tmp: File too large"): for the report to
 * say in its own text. Valid until sortout_free. */
const char *sortout_error(const struct sortout *s);

/* Writes every line in order to out (first before the first line, between
 * before each other), ending the sorter's lines. 0, or -1 (reported) when a
 * line was lost (the sorter failed before, or its scratch file could not be
 * read). A short write to out's FILE sets its error flag, for whoever
 * closes it. */
int sortout_write(struct sortout *s, struct wbuf *out, const char *first, const char *between);

void sortout_free(struct sortout *s);

#endif
