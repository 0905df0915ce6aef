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

#endif
