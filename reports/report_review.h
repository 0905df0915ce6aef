/* report_review: the access review's renderers (almaudit review): text
 * grouped by unit (a person in several units under each, so that each unit
 * head gets their part), csv one row per approval (and per person with no
 * approval in force), json, and a self-contained html page with a matrix
 * of people x jobs coloured by use. Written at the end from the review's
 * aggregates; owns nothing. */
#ifndef ALMAUDIT_REPORT_REVIEW_H
#define ALMAUDIT_REPORT_REVIEW_H

#include <stdio.h>

#include "filter.h"
#include "period.h"
#include "review.h"
#include "rules.h"
#include "tally.h"

struct review_report {
	const struct review *rv;
	const struct tally *tally;
	const struct rules *rules;
	const struct period *period;
	const struct filter *filter; /* --unit chooses the units the text shows */
	int64_t today;
};

void report_review_text(FILE *out, const struct review_report *r);
void report_review_csv(FILE *out, const struct review_report *r);
void report_review_json(FILE *out, const struct review_report *r);
void report_review_html(FILE *out, const struct review_report *r);

/* The csv's columns, in order. */
#define REPORT_REVIEW_COLUMNS 16
extern const char *const report_review_columns[REPORT_REVIEW_COLUMNS];

#endif
