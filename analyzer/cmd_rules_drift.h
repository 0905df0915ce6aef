/* cmd_rules_drift: `almaudit rules drift PAGE`: reads the matrix page
 * (page.h), compares it with the rules (drift.h) and prints each difference
 * as "FILE:LINE: text" (the page's line; a job not on the page at its
 * jobs.csv line), then a summary line that says what was compared. Owns
 * nothing after it returns. */
#ifndef ALMAUDIT_CMD_RULES_DRIFT_H
#define ALMAUDIT_CMD_RULES_DRIFT_H

#include <stdio.h>

#include "rules.h"

/* 0 no drift, 1 drift, 2 error (reported: the page unreadable or not the
 * page, out of memory). */
int cmd_rules_drift(FILE *out, const struct rules *r, const char *page_path);

#endif
