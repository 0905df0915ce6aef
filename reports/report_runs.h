/* report_runs: the run listing of `almaudit runs`, one run at a time as it
 * streams by, with its verdict: an aligned text table (or, with --id,
 * every field of each run), CSV, or JSON (the audit's json envelope,
 * report_json.h); with --explain, the rule rows behind each verdict. The
 * view between the audit and these renderers (--sort, --top, --summary)
 * is runs_view.h. Each borrows its FILE and owns nothing. */
#ifndef ALMAUDIT_REPORT_RUNS_H
#define ALMAUDIT_REPORT_RUNS_H

#include <stdio.h>

#include "reporter.h"

void reporter_runs_text(struct reporter *r, FILE *out, int explain, int full);
void reporter_runs_csv(struct reporter *r, FILE *out, int explain);
void reporter_runs_json(struct reporter *r, FILE *out, int explain);

#endif
