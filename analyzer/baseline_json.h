/* baseline_json: an earlier `almaudit audit --format json` report read into
 * a struct baseline (baseline.h), streaming: the document read with json.h
 * (yajl's events, strictly checked), checked to be a whole audit report (report.period,
 * report.rules, summary, findings; not a run listing, not one unit's
 * report), and each finding handed to baseline_add, unless this audit's
 * filters would not show it (counted as filtered instead, so that what the
 * filters hide is never "resolved"). Its period, rules counts and summary
 * flags are set in the baseline too. Nothing is owned after it returns:
 * the baseline owns what was read. */
#ifndef ALMAUDIT_BASELINE_JSON_H
#define ALMAUDIT_BASELINE_JSON_H

#include <stdio.h>

#include "baseline.h"
#include "filter.h"
#include "rules.h"

/* Reads the report in `in` (named `name` in messages). filter may be NULL.
 * Reports the first problem at name:line (unreadable, invalid JSON, or not
 * an almaudit audit report) and returns -1; else 0. */
int baseline_json_read(struct baseline *b, FILE *in, const char *name, const struct rules *rules,
		       const struct filter *filter);

/* Opens and reads path ("-" is not accepted: standard input holds the
 * exports). 0, or -1 after reporting. */
int baseline_json_load(struct baseline *b, const char *path, const struct rules *rules,
		       const struct filter *filter);

#endif
