/* report_review: the access review's renderers (almaudit review): text
 * grouped by unit (a person in several units under each, so that each unit
 * head gets their part), csv one row per approval (and per person with no
 * approval in force), json, and a self-contained html page with a matrix
 * of people x jobs coloured by use (report_review_html.c, which takes what
 * every format says from below). Written at the end from the review's
 * aggregates; owns nothing. */
#ifndef ALMAUDIT_REPORT_REVIEW_H
#define ALMAUDIT_REPORT_REVIEW_H

#include <stdio.h>

#include "filter.h"
#include "period.h"
#include "reporter.h"
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

/* What every format says, for the html page: what a kind means, a day
 * ("2026-10-14", "undated", ""), the local day of an instant, approval i's
 * review in words, its sandbox test, its rule (approvals.csv:LINE), the
 * warning when the production history does not reach the period (1, or 0
 * and none), how far the sandbox history reaches, the people shown by name
 * (the caller frees), and the report_info of the shared parts. */
#define REPORT_REVIEW_NOT_REACHED "sandbox history does not reach the sign-off"
const char *report_review_meaning(enum review_kind k);
void report_review_day(int64_t day, char *buf, size_t size);
void report_review_local_day(int64_t t, char *buf, size_t size);
const char *report_review_verdict(const struct review_report *r, size_t i, char *buf, size_t size);
const char *report_review_sandbox(const struct review_approval *ra, char *buf, size_t size);
const char *report_review_rule(const struct rules *r, size_t i, char *buf, size_t size);
int report_review_short_history(const struct review_report *r, char *buf, size_t size);
void report_review_sandbox_reach(const struct review_report *r, char *buf, size_t size);
int *report_review_people(const struct review_report *r, size_t *count);
struct report_info report_review_info(const struct review_report *r);

/* The csv's columns, in order. */
#define REPORT_REVIEW_COLUMNS 16
extern const char *const report_review_columns[REPORT_REVIEW_COLUMNS];

#endif
