/* html: what every html page the reports write shares, below the pages
 * and their charts: text escaped for html (whatever came from an export or
 * the rules), a count with thousands separators, and the colour of each
 * finding kind. It writes to the caller's FILE and owns nothing. */
#ifndef ALMAUDIT_HTML_H
#define ALMAUDIT_HTML_H

#include <stdint.h>
#include <stdio.h>

#include "verdict.h"

/* The colour of each finding kind: its cards, headings, bars and legend. */
extern const char *const html_kind_color[FIND_COUNT];

/* Writes s escaped for an html text or attribute: & < > " ' as entities,
 * newline and tab as spaces, other controls and stray bytes of invalid
 * UTF-8 as U+FFFD; whole UTF-8 characters as they are. */
void report_html_escape(FILE *out, const char *s);

/* Writes s as report_html_escape does, for the text of a table cell:
 * in a word (no space) longer than HTML_TEXT_RUN bytes, a <wbr> where
 * HTML_TEXT_RUN characters go by with no place to break (after a separator
 * such as _ / . where one comes past half that), so that a long name with
 * no space (an instance, a set, a path) wraps in its cell and the table
 * keeps to the page's width (a cell is as wide as its longest word).
 * Not for an attribute. */
#define HTML_TEXT_RUN 24
void report_html_text(FILE *out, const char *s);

/* Writes n with thousands separators ("12,345"). */
void html_count(FILE *out, uint64_t n);

#endif
