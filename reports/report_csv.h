/* report_csv: the audit's csv renderer: a header row, then one row per
 * finding: the columns of fields.h, then waived (the waiver's file:line),
 * trend (with --baseline) and start_local. The rows are written at the end
 * in one order whatever the input's (sortout.h: time, run id, kind, the
 * row's bytes), through the reporter's csvw, which holds a buffer. It
 * borrows the FILE and owns the sorter (r->ctx) from begin to end. */
#ifndef ALMAUDIT_REPORT_CSV_H
#define ALMAUDIT_REPORT_CSV_H

#include <stdio.h>

#include "reporter.h"

void reporter_csv(struct reporter *r, FILE *out);

struct sortout;
/* Marks r failed and says why in r->failure, for the report's own text:
 * from its sorter s, of r->written findings ("only 0 of the 30,000
 * findings could be listed: cannot write the findings to a temporary file
 * in /tmp: File too large"), or, s NULL, the sorter could not be made (the
 * findings are written unsorted). The json renderer's too. */
void report_sort_failed(struct reporter *r, const struct sortout *s);

#endif
