/* cells_in: the cells of an export row read as values, apart from the
 * reading of the file: an id (digits only, eight at a time), a time cell
 * against the file's reading of slash dates, a status cell no status can
 * be, the type an Alma job id says, and for messages a time cell's date
 * part and why a time is none when for its year. Pure functions of the
 * text they are given: nothing is allocated (but one message's static
 * buffer), nothing reported (ingest.c counts and names what they refuse). */
#ifndef ALMAUDIT_CELLS_IN_H
#define ALMAUDIT_CELLS_IN_H

#include <stddef.h>
#include <stdint.h>

#include "run.h"

/* An id: digits only (surrounding blanks trimmed), at most max. 0 and *out
 * set, or -1. */
int cells_in_id(const char *s, size_t n, uint64_t max, uint64_t *out);

/* A time cell into *secs (seconds) and *ms (milliseconds); TIME_NONE both
 * when empty. slash is the file's reading of slash dates: 0 not yet decided
 * (month first), 1 month first, 2 day first. 0 read or empty, -1 not a
 * time, -2 a slash date against the file's reading. */
int cells_in_time(const char *s, size_t n, int slash, int64_t *secs, int64_t *ms);

/* Why a time cell that is no time is none, when for its year alone: a
 * clause for the message (in a static buffer, good until the next call),
 * else "". slash as for cells_in_time. */
const char *cells_in_outside_years(const char *s, size_t n, int slash);

/* 1 when a status cell is no status: an Excel error or formula ("#N/A",
 * "=A2"), no letter at all, or too long to be one; 0 otherwise (empty too). */
int cells_in_bad_status(const char *s, size_t n);

/* The type an Alma job id says (M manual, S scheduled, O other, then a
 * digit), or RUN_TYPE_UNKNOWN. */
enum run_type cells_in_type_of_job_id(const char *job_id);

/* The slash dates of a file that no date has proved month or day first:
 * the days each reading spreads them over, to take the more compact (an
 * export covers a stretch of days). Zeroed to start. */
struct cells_in_spread {
	int64_t lo[2], hi[2]; /* local days: [0] month first, [1] day first */
	int any, differs;     /* a date read; one the two readings put on other days */
};
void cells_in_spread_add(struct cells_in_spread *sp, const char *s, size_t n);

/* The reading to take: 2 (day first) when it spreads the dates over fewer
 * days, else 1 (month first, also when as compact); into buf, naming file,
 * the WARNING that says which and what the other reading would give, or
 * "" when the two readings put every date on the same day. */
int cells_in_spread_choice(const struct cells_in_spread *sp, const char *file, char *buf,
			   size_t size);

/* The date part of a time cell ("25/10/2026"), at most 64 bytes of it, into
 * buf. */
void cells_in_date_text(char *buf, size_t size, const char *s, size_t n);

#endif
