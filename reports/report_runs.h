/* report_runs: the run listing of `almaudit runs`, one run at a time as it
 * streams by, with its verdict: an aligned text table (or, with --id, every
 * field of each run), CSV, or JSON; with --explain, the rule rows behind
 * each verdict. The renderers are declared in report.h; this header only
 * says where they live. */
#ifndef ALMAUDIT_REPORT_RUNS_H
#define ALMAUDIT_REPORT_RUNS_H

#include "report.h"

#endif
