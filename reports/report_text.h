/* report_text: the plain-text audit report, sized for a terminal or an
 * email body: header, counts by finding kind, a table per kind (at most
 * --limit rows), and summaries by person and by job; and its short form
 * (--summary). Written at the end from the bounded summary; it borrows the
 * FILE and owns nothing. */
#ifndef ALMAUDIT_REPORT_TEXT_H
#define ALMAUDIT_REPORT_TEXT_H

#include <stdio.h>

#include "reporter.h"
#include "tally.h"

void reporter_text(struct reporter *r, FILE *out);
void reporter_summary(struct reporter *r, FILE *out);

/* The whole report, and its short form (what reporter_text and
 * reporter_summary write at the end; the email's text part). */
void report_text_page(FILE *out, const struct report_info *info);
void report_text_summary(FILE *out, const struct report_info *info);

/* "FILE:LINE: error" for an input that could not be read whole (no LINE
 * when none applies), for a terminal. */
void report_text_file_error(FILE *out, const struct tally_file *f);

/* The tally's notes, "ERROR: ..." and "WARNING: ..." a line each, then a
 * blank line (nothing when there are none): what the top of a report says
 * when a join failed (joins.h) or the zone looks wrong. */
void report_text_notes(FILE *out, const struct tally *t);

/* The header's lines on reading: the rejected rows by reason and the
 * first of them at file:line, the cells not read and the first of them
 * (the run listing ends with these), then with header set the people
 * matched and the sandbox runs set aside. */
void report_text_reading(FILE *out, const struct report_info *info, int header);

/* The report's header: INCOMPLETE and what went wrong (file, line and
 * error of each input not read whole), the notes, period, inputs, times
 * seen, coverage, where every row went (the first rejected rows and cells
 * not read named), the people matched, the sandbox runs set aside, and the
 * rules in force. */
void report_text_header(FILE *out, const struct report_info *info);

#endif
