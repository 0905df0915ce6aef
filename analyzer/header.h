/* header: the header row of a CSV export and the columns it maps. Owns
 * the header's cells as the file writes them (to know the row when it is
 * repeated, exports concatenated), the canonical column each is taken for
 * (the built-in names, then --column, which wins), the checks a header
 * must pass (every --column header present, the required columns), and
 * the hints said of the headers it leaves unused (one that looks like a
 * names column). A row of data is told from a header row. struct header owns its copy of the cells: header_take
 * replaces it, header_free releases it; a zeroed struct header is empty. */
#ifndef ALMAUDIT_HEADER_H
#define ALMAUDIT_HEADER_H

#include <stddef.h>

#include "columns.h"
#include "csvrd.h"

/* What a row is typed with: the cell of each canonical column (-1: none)
 * and the field count a row must have. */
struct header_map {
	int col[COL_COUNT];
	size_t n;
	/* a second cell with the same name as the one read for the column
	 * (which of the two holds it cannot be told), else -1 */
	int dup[COL_COUNT];
	/* the cells up to the last that is not empty: past it, the header's
	 * own empty cells (a spreadsheet's padding) */
	size_t named;
};

struct header {
	char *buf; /* the cells, each NUL-terminated */
	size_t *off, *len;
	struct header_map map;
};

/* Keeps row as the header and maps its cells to columns (cols may be
 * NULL: the built-in names only). 0, or -1 out of memory (reported at
 * path and the row's line), h then empty. */
int header_take(struct header *h, const struct columns *cols, const struct csvrow *row,
		const char *path);

/* Says at path:line what makes the header unusable: a --column header it
 * does not have (with the nearest it has), or a required column missing
 * (id, name, submitted_by or submitted_by_desc, one of the times);
 * inside: the header is one inside the file (exports joined), as the
 * message says. 0 when none, else -1 (reported). */
int header_check(const struct header *h, const struct columns *cols, const char *path,
		 long line, int inside);

/* Says at path and row's line what makes a row read as a file's header
 * unreadable: a quoted field still open, more fields than are read
 * (fields: how many the row had, csvrd_fields_seen), a row too long. 0
 * when none, else -1 (reported). */
int header_row_damaged(const struct csvrow *row, size_t fields, const char *path);

/* 1 when row is the header again, cell for cell. */
int header_same(const struct header *h, const struct csvrow *row);

/* A row of data is told from a header row (exports concatenated, the
 * second with its columns in another order or its header spelled in
 * another case) by the cell in the id column: a header is looked for only
 * when it is absent or does not begin with a digit (header_may_be), then
 * the row is a header when one of its cells names the id column and at
 * least two, and half of those not empty, name columns (header_reads_as,
 * with the built-in names and --column). */
int header_may_be(const struct header *h, const struct csvrow *row);
int header_reads_as(const struct columns *cols, const struct csvrow *row);

/* 1 when row differs from map's header in its field count only by the
 * padding a spreadsheet adds to or drops from both when it saves: the
 * header ends in empty cells, and the row has at least its named cells,
 * those past the header all empty. A row longer than a header that ends
 * in a name is damage (a comma unquoted: "40,112"), whatever it holds. */
int header_padded(const struct header_map *map, const struct csvrow *row);
/* Under a header that ends in empty cells: the first cell of row past the
 * header's named ones that holds a value (a comma left unquoted shifted
 * the row: damage), or -1. */
int header_stray(const struct header_map *map, const struct csvrow *row);

/* A title line above the header (Excel's, a report tool's: "Monitor Jobs -
 * exported 2026-11-01"): header_title is 1 when row has a cell not empty
 * and none of its cells names a column; header_like is 1 when row reads as
 * a header, whatever it lacks (at least two cells, and half of those not
 * empty, name columns); header_title_data is 1 when the title, kept with
 * header_take, could be data under the header h: its cell in h's id column
 * begins with a digit (such a line is never skipped). header_title_text
 * writes the title's cells joined by delim, trimmed, without the empty
 * cells at its end, cut short with "..." to fit size. */
int header_title(const struct columns *cols, const struct csvrow *row);
int header_like(const struct columns *cols, const struct csvrow *row);
int header_title_data(const struct header *title, const struct header *h);
/* 1 when the title is Excel's delimiter line ("sep=;", its other cells
 * empty): above it only a header can stand, however few of its cells name
 * a column. */
int header_title_sep(const struct header *title);
void header_title_text(const struct header *title, char delim, char *buf, size_t size);

/* 1 when a and b map every column to the same cell. */
int header_same_map(const struct header_map *a, const struct header_map *b);

/* The first header no column was found for that looks like it holds
 * people's names ("User Name", "Full Name", "Submitter"), as the file
 * writes it, into buf ("" when none): what --column submitted_by_desc may
 * want. */
void header_name_like(const struct header *h, const struct columns *cols, char *buf, size_t size);

/* A header no column was taken from that looks like a column by a word of
 * it (a date or time, a record or count, a user or name, a set), for a
 * column the header maps nothing to: what --column COL='HEADER' would read.
 * The header as the file writes it, trimmed; headers this long or with a
 * quote in them are left out. */
struct header_hint {
	enum col col;
	char header[48];
};

/* Up to max hints, in the header's order, one a column, into hint; how
 * many. */
size_t header_unused(const struct header *h, const struct columns *cols,
		     struct header_hint *hint, size_t max);

/* csvrd_detect's score: 1 when cell names a column (ctx: the columns). */
int header_known(const char *cell, size_t len, void *ctx);

void header_free(struct header *h);

#endif
