/* cells: how the reports write a value as text, below every renderer and
 * the summary: a count with thousands separators, the length of a UTF-8
 * character, and a character or a cell for a terminal (controls as spaces,
 * a stray byte as '?', cut or padded to a width). They write into the
 * caller's buffer or FILE and own nothing. (The names keep the report_
 * prefix that every renderer and the tests call them by.) */
#ifndef ALMAUDIT_CELLS_H
#define ALMAUDIT_CELLS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Writes n with thousands separators ("12,345") into buf (>= 32 bytes). */
const char *report_count(uint64_t n, char *buf, size_t size);

/* Writes n with thousands separators and the word for it, one or many
 * ("1 run", "2,196 runs") into buf (>= 32 bytes more than the words). */
const char *report_count_of(uint64_t n, const char *one, const char *many, char *buf,
			    size_t size);

/* The length of the well-formed UTF-8 character at p (shortest form, no
 * surrogate, at most U+10FFFF), or 0 when the bytes there are not one. */
size_t report_utf8_len(const unsigned char *p);

/* Writes the character at p (len bytes, from report_utf8_len) for a
 * terminal: a control character as a space, a stray byte as '?'. */
void report_text_char(FILE *out, const unsigned char *p, size_t len);

/* Writes s for a terminal: control characters become spaces, and with
 * width > 0 the text is cut or padded to that many characters (UTF-8 aware). */
void report_text_cell(FILE *out, const char *s, int width);

#endif
