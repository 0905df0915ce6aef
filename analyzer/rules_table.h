/* rules_table: one rules file read as a table, as jobs.csv, staff.csv,
 * approvals.csv, units.csv and waivers.csv are read: the columns found by
 * their header names (case ignored, in any order, the delimiter detected),
 * comment ('#') and blank rows skipped, a stray quote, a row too large or
 * with more fields than the header, or a row of a comma-separated file
 * short of the header's fields with a cell holding a TAB (a row pasted
 * tab-separated) reported at its file and
 * line and skipped, and each cell handed out trimmed; a file that is not UTF-8 is
 * read as Windows-1252 where it is not, with a warning naming it. It knows nothing of what the
 * files mean (matrix.c, units.c and waivers.c do). A struct rules_table
 * owns its open reader from rules_table_open to rules_table_close; a row's
 * cells are borrowed until the next row. */
#ifndef ALMAUDIT_RULES_TABLE_H
#define ALMAUDIT_RULES_TABLE_H

#include <stddef.h>

#include "csvrd.h"

#define RULES_TABLE_MAX_COLS 12

struct rules_table {
	struct csvrd *rd;
	const char *path;
	const char *names[RULES_TABLE_MAX_COLS]; /* the columns this file has */
	int index[RULES_TABLE_MAX_COLS];	 /* their positions in the header, or -1 */
	size_t ncols, header_n;
	struct csvrow row; /* the current row; row.line its line */
	int errors;	   /* the problems reported so far */
	int cp1252;	   /* rules_table_close: its bytes that are no UTF-8 were read as Windows-1252 */
};

/* Opens path and reads its header: names[0 .. ncols) are the columns it may
 * have (at most RULES_TABLE_MAX_COLS), the first `required` of them it must
 * have. 0, or -1 after reporting (unreadable, empty, a column missing);
 * rules_table_close is due either way. */
int rules_table_open(struct rules_table *t, const char *path, const char *const *names,
		     size_t ncols, size_t required);

/* The next row that is not a comment or blank: 1, 0 at the end, -1 when
 * reading failed (reported). The rows it skips are reported and counted. */
int rules_table_next(struct rules_table *t);

/* Cell i (a column of names) of the current row, trimmed; "" when the
 * header lacks the column or the row is short of it. */
const char *rules_table_cell(const struct rules_table *t, size_t i, size_t *n);

void rules_table_close(struct rules_table *t);

/* The whole file at once: calls row() for each row with its cells, in the
 * order of names; row() reports its own problems and returns how many.
 * Returns the number of problems, the table's and row()'s. */
int rules_table_read(const char *path, const char *const *names, size_t ncols, size_t required,
		     int (*row)(void *ctx, long line, const char *const *cell, const size_t *len),
		     void *ctx);

#endif
