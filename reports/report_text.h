/* report_text: the plain-text audit report, sized for a terminal or an
 * email body: its header (report_header), counts by finding kind, a table
 * per kind (at most --limit rows), the trend and the resolved, the months,
 * summaries by person and by job and the waivers; and its short form
 * (--summary). Written at the end from the bounded summary; it borrows the
 * FILE and owns nothing. */
#ifndef ALMAUDIT_REPORT_TEXT_H
#define ALMAUDIT_REPORT_TEXT_H

#include <stdio.h>

#include "reporter.h"

void reporter_text(struct reporter *r, FILE *out);
void reporter_summary(struct reporter *r, FILE *out);

/* The whole report, and its short form (what reporter_text and
 * reporter_summary write at the end; the email's text part). */
void report_text_page(FILE *out, const struct report_info *info);
void report_text_summary(FILE *out, const struct report_info *info);

#endif
