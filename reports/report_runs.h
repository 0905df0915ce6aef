/* report_runs: the run listing of `almaudit runs`, one run at a time as it
 * streams by: an aligned text table or CSV. Owns nothing. */
#ifndef ALMAUDIT_REPORT_RUNS_H
#define ALMAUDIT_REPORT_RUNS_H

#include <stdio.h>

#include "csvw.h"
#include "run.h"

enum runs_format { RUNS_TEXT, RUNS_CSV };

struct report_runs {
	FILE *out;
	enum runs_format format;
	struct csvw csv;
};

void report_runs_begin(struct report_runs *r, FILE *out, enum runs_format format);
void report_runs_row(struct report_runs *r, const struct run *run);

#endif
