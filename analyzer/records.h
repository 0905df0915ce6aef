/* records: a run's record count from the counters of its job instance. The
 * Alma API's JSON gives no record count (spec section 1.1): a job in
 * jobs.csv may name its counter in its `records` column (a PCRE2 pattern,
 * matched against a counter's type.value or its desc); for a job without
 * one, the counters whose desc reads as the total of records processed
 * ("total" with "records", "processed" or "in set", in any case) are the
 * candidates. The largest candidate's value is the count (a part is never
 * more than the whole), when one that does not read as a part of the
 * records (failed, skipped, rejected, not ...: records_is_partial, on the
 * desc and on the type.value's last dotted part, after the job's key)
 * gives a count and none such is unreadable (it may be the largest).
 * No such counter: the run has no record count. Owns nothing. */
#ifndef ALMAUDIT_RECORDS_H
#define ALMAUDIT_RECORDS_H

#include <stddef.h>

#include "rules.h"
#include "run.h"

/* For a run read from the API's JSON (run->api): looks up its job, sets
 * run->records from its counters, and points run->records_note at what
 * gave the count or why none did, written into note (size bytes, which the
 * run borrows). A run from a CSV export is left as it is. Returns -1 when
 * a pattern hit its limit (the count is left unknown), else 0. */
int records_resolve(const struct rules *r, struct run *run, char *note, size_t size);

/* 1 when a counter's desc reads as the total of records processed (and
 * not as a part of them). */
int records_is_total(const char *desc);

/* 1 when a counter's desc or type.value reads as counting some records
 * only: failed, error, skipped, rejected, warning, excluded, invalid,
 * ignored, unchanged, duplicate, (un)matched, withheld, or the words not,
 * non, without (not "no": "No. of records"); a part word right after
 * "including" or "incl." is a part included ("Items in set (including
 * failed)": the whole), not one counted ("failed (incl. rejected)"). */
int records_is_partial(const char *text);

#endif
