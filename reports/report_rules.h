/* report_rules: what `almaudit rules` prints: the check summary, the job
 * list, who may run a job, and what a person may run. Reads the rules it is
 * given; owns nothing. */
#ifndef ALMAUDIT_REPORT_RULES_H
#define ALMAUDIT_REPORT_RULES_H

#include <stdint.h>
#include <stdio.h>

#include "rules.h"

/* The check's summary line (with the count of units.csv's units when there
 * is one); warnings: how many rules_check_patterns and units_check gave. */
void report_rules_check(FILE *out, const struct rules *r, size_t warnings);
/* today: the local date (days since 1970) that "may run" is counted on.
 * Each takes time near-linear in the rules (rules_may_run, by_person);
 * jobs and who return 0, or -1 (reported) out of memory. */
int report_rules_jobs(FILE *out, const struct rules *r, int64_t today, int64_t large_set);
int report_rules_who(FILE *out, const struct rules *r, int job, int64_t today, int64_t large_set);
/* What rules check says of the waivers file, when there is one: how many,
 * those expired before today, and the people taken as the export's id or
 * name (not in staff.csv). */
void report_rules_waivers(FILE *out, const struct rules *r, int64_t today);
void report_rules_what(FILE *out, const struct rules *r, int person, int64_t today);

#endif
