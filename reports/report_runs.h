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

/* The text listing spools its rows (output_tmpfile) and writes at its
 * end, first, what is known only once every row is read (the ERROR and
 * WARNING notes, filter values that matched nothing), then the rows. Its
 * reporter's top says those notes now, once (runs --summary, before its
 * tables). */
void reporter_runs_text(struct reporter *r, FILE *out, int explain, int full);
void reporter_runs_csv(struct reporter *r, FILE *out, int explain);
void reporter_runs_json(struct reporter *r, FILE *out, int explain);

#endif
