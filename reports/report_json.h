/* report_json: the audit's json renderer:
 * {"report":{...},"findings":[...],"summary":{...}}. "report" holds what is
 * known before reading (period, zone, rules); the findings are written at
 * the end in one order whatever the input's (sortout.h: time, run id, kind,
 * the object's bytes); "summary" closes with the accounting and the
 * aggregates.
 * Strings are escaped for JSON, control characters as \u escapes and
 * invalid UTF-8 as U+FFFD. Also the json pieces the run listing
 * (report_runs.c) and the access review (report_review.c) write the same
 * way. It borrows the FILE and owns the findings' sorter (r->ctx) from
 * begin to end. */
#ifndef ALMAUDIT_REPORT_JSON_H
#define ALMAUDIT_REPORT_JSON_H

#include <stdint.h>
#include <stdio.h>

#include "fields.h"
#include "reporter.h"
#include "tally.h"

void reporter_json(struct reporter *r, FILE *out);

/* The envelope's begin and end, shared with the run listing's json (its
 * array named by r->array). */
void report_json_begin(struct reporter *r, const struct report_info *info);
void report_json_end(struct reporter *r, const struct report_info *info);

/* s as a JSON string, quoted. */
void report_json_string(FILE *out, const char *s);
/* An instant as an ISO 8601 UTC string, or null (TIME_NONE). */
void report_json_instant(FILE *out, int64_t t);
/* "complete":…,"period_covered":{…} of a summary with its notes
 * ("errors":[…],"warnings":[…]), and an input's error ({line, message}, or
 * null): the audit's and the review's json alike. errors holds every ERROR
 * the text report opens with: failure (the findings not all listed: then
 * complete is false; or NULL), the filter values that matched nothing
 * (info's; info may be NULL), a period the inputs do not reach, a failed
 * join. */
void report_json_complete(FILE *out, const struct tally *t, const char *failure,
			  const struct report_info *info);
/* "identity":{…},"sandbox":{…},"cells":{…},"rejected_rows":[…], each
 * followed by ",\n": the people matched, the sandbox runs set aside, the
 * cells not read, the first rows rejected. */
void report_json_reading(FILE *out, const struct tally *t);
void report_json_file_error(FILE *out, const struct tally_file *f);
/* The columns of a finding or run as "key":value pairs, comma separated
 * (records a number, or null when unknown; the rest strings). */
void report_json_fields(FILE *out, const struct report_fields *f);

#endif
