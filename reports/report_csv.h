/* report_csv: the audit's csv renderer: a header row, then one row per
 * finding as it is found: the columns of fields.h, then waived (the
 * waiver's file:line), trend (with --baseline) and start_local. Written
 * through the reporter's csvw, which holds a buffer; it borrows the FILE
 * and owns nothing else. */
#ifndef ALMAUDIT_REPORT_CSV_H
#define ALMAUDIT_REPORT_CSV_H

#include <stdio.h>

#include "reporter.h"

void reporter_csv(struct reporter *r, FILE *out);

#endif
