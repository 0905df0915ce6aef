/* cells: how the reports write a value as text, below every renderer and
 * the summary: a count with thousands separators (and the word for it, one
 * or many), the length of a UTF-8 character and the columns it takes, a
 * character or a cell for a terminal (controls as spaces, a stray byte as
 * '?', cut with "…" or padded to a width), and the width the text tables
 * fit: the terminal's when standard output is one (report_set_width, set
 * by the commands), else none (a file or a pipe gets the full width). They
 * write into the caller's buffer or FILE and own nothing but that width.
 * (The names keep the report_ prefix that every renderer and the tests
 * call them by.) */
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
 * terminal: a control character (C0, DEL, C1) or a bidirectional override
 * or isolate (U+202A-U+202E, U+2066-U+2069) as a space, a stray byte as
 * '?'. */
void report_text_char(FILE *out, const unsigned char *p, size_t len);

/* Writes s for a terminal: control characters become spaces, and with
 * width > 0 the text is cut or padded to that many columns (a wide
 * character, as in CJK names, takes two, a combining mark none): a cut cell
 * ends with "…", never inside a UTF-8 character. */
void report_text_cell(FILE *out, const char *s, int width);

/* A cell as a file has always had it: padded to width columns, never cut
 * (a longer value pushes the rest of the line on); on a terminal
 * (report_width() set) as report_text_cell, cut to fit. */
void report_text_pad(FILE *out, const char *s, int width);

/* The same, right-aligned (a number's heading cut to its column). */
void report_text_rcell(FILE *out, const char *s, int width);

/* The same, not padded: the last cell of a line. */
void report_text_last(FILE *out, const char *s, int width);

/* The columns the character at p takes on a terminal, its bytes in *len
 * (0 for a stray byte, shown as '?' in one column). */
int report_char_columns(const unsigned char *p, size_t *len);

/* The columns s takes on a terminal. */
int report_text_columns(const char *s);

/* The width the text tables fit: columns > 0 on a terminal, 0 for none (a
 * file or a pipe: the tables at their full width, as always). */
void report_set_width(int columns);
int report_width(void);

/* A column of a text table: the width it has in a file (0 for the last
 * one: the rest of the line), and the least it may be cut to on a terminal
 * (min == want: never cut, as a run id or a number). */
struct report_col {
	int want, min;
	int first; /* cut before the others (a count's heading) */
};

/* The widths of a table's n columns into w: in a file (report_width() 0)
 * their wants; on a terminal, the widest cut first (of those cut first,
 * then of all), one column at a time, down to their minimums, until the
 * columns and the gaps between them (gaps: their total width) fit; a last
 * column that wants 0 takes what is left (at least its min). On a terminal
 * too narrow for the minimums, the last column is cut below its minimum,
 * then the columns of text (min < want), then ids, times and counts too
 * (the widest first), down to REPORT_COL_FLOOR columns: the table fits
 * whatever the width. */
#define REPORT_COL_FLOOR 2
void report_fit(const struct report_col *cols, int n, int gaps, int *w);

#endif
