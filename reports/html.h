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

/* Writes n with thousands separators ("12,345"). */
void html_count(FILE *out, uint64_t n);

#endif
