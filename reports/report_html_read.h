/* report_html_read: what the audit's html page (and the email's html part,
 * and the review's page) says of what was read: the table of the inputs
 * and their reading, the INCOMPLETE box (each input not read whole), the
 * rejected rows and cells not read, and the errors and warnings of the top
 * (the period the inputs do not reach, the notes: a paragraph each). In the email's html part the lists of inputs are cut to
 * info->list_rows rows when set, each saying how many are left out. Each
 * writes to the caller's FILE, escaped (html.h), from what it borrows;
 * nothing is kept. */
#ifndef ALMAUDIT_REPORT_HTML_READ_H
#define ALMAUDIT_REPORT_HTML_READ_H

#include <stdio.h>

#include "reporter.h"
#include "tally.h"

void report_html_facts(FILE *out, const struct report_info *info);
/* list_rows: at most that many inputs listed (0: all) */
void report_html_incomplete(FILE *out, const struct tally *t, size_t list_rows);
void report_html_rejects(FILE *out, const struct tally *t);
void report_html_notes(FILE *out, const struct tally *t);

#endif
