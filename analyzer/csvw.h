/* csvw: writing CSV for people who open it in a spreadsheet. Cells are
 * quoted when needed (RFC 4180, LF line ends), and a cell a spreadsheet
 * would run as a formula (starting with = + - @, tab or carriage return)
 * is neutralised with a leading apostrophe. A struct csvw borrows its FILE. */
#ifndef ALMAUDIT_CSVW_H
#define ALMAUDIT_CSVW_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct csvw {
	FILE *f;
	int col; /* cells written on the current row */
};

void csvw_init(struct csvw *w, FILE *f);
void csvw_cell(struct csvw *w, const char *s, size_t n);
void csvw_str(struct csvw *w, const char *s); /* NULL writes an empty cell */
void csvw_i64(struct csvw *w, int64_t v);     /* negative writes an empty cell */
void csvw_end(struct csvw *w);

#endif
