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

/* The page's style sheet, which the review's page shares. */
extern const char report_html_style[];

#endif
