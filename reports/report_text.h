/* report_text: the plain-text audit report, sized for a terminal or an
 * email body: header, counts by finding kind, a table per kind (at most
 * --limit rows), and summaries by person and by job. Written at the end
 * from the bounded summary; owns nothing. */
#ifndef ALMAUDIT_REPORT_TEXT_H
#define ALMAUDIT_REPORT_TEXT_H

#include <stdint.h>
#include <stdio.h>

#include "report.h"
#include "rules.h"
#include "tally.h"

/* Writes n with thousands separators ("12,345") into buf (>= 32 bytes). */
const char *report_count(uint64_t n, char *buf, size_t size);

/* Writes the character at p (len bytes, from report_utf8_len) for a
 * terminal: a control character as a space, a stray byte as '?'. */
void report_text_char(FILE *out, const unsigned char *p, size_t len);

/* Writes s for a terminal: control characters become spaces, and with
 * width > 0 the text is cut or padded to that many characters (UTF-8 aware). */
void report_text_cell(FILE *out, const char *s, int width);

/* "FILE:LINE: error" for an input that could not be read whole (no LINE
 * when none applies), for a terminal. */
void report_text_file_error(FILE *out, const struct tally_file *f);

/* The report's header: INCOMPLETE and what went wrong (file, line and
 * error of each input not read whole), period, inputs, times seen, where
 * every row went, and the rules in force. */
void report_text_header(FILE *out, const struct report_info *info);

#endif
