/* report_html: the audit's html renderer: one self-contained page (no
 * scripts, no external styles, fonts or images) with the text report's
 * content and its charts (html_chart.h), and the same page as the email's
 * html part (no SVG and no style sheet: the charts drawn as tables, every
 * style inline, html_inline.h). Everything that came from an export or the
 * rules is escaped (html.h). Written at the end from the bounded summary;
 * it borrows the FILE, and the email's page is rendered into memory it
 * frees before returning. */
#ifndef ALMAUDIT_REPORT_HTML_H
#define ALMAUDIT_REPORT_HTML_H

#include <stdio.h>

#include "reporter.h"
#include "tally.h"

void reporter_html(struct reporter *r, FILE *out);
void report_html_page(FILE *out, const struct report_info *info);
/* The page as the email's html part: no SVG and no style sheet (mail
 * readers show neither): charts drawn as tables, every style inline. */
void report_html_mail(FILE *out, const struct report_info *info);

/* What other pages share with it (almaudit review): the style sheet, the
 * table of what was read, the INCOMPLETE box, the rejected rows and cells
 * not read, and the errors and warnings of the top (the period the inputs
 * do not reach, the notes: a paragraph each). */
extern const char report_html_style[];
void report_html_facts(FILE *out, const struct report_info *info);
void report_html_incomplete(FILE *out, const struct tally *t);
void report_html_rejects(FILE *out, const struct tally *t);
void report_html_notes(FILE *out, const struct tally *t);

#endif
