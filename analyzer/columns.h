/* columns: the canonical export columns, the header names accepted for each
 * (spec section 1), and the --column CANONICAL=HEADER mappings. Header names
 * compare case-, space- and underscore-insensitively. struct columns owns its
 * mappings; columns_free releases them. */
#ifndef ALMAUDIT_COLUMNS_H
#define ALMAUDIT_COLUMNS_H

#include <stddef.h>

enum col {
	COL_ID,
	COL_JOB_ID,
	COL_NAME,
	COL_CATEGORY,
	COL_TYPE,
	COL_USER,
	COL_USER_NAME,
	COL_SUBMIT_TIME,
	COL_START_TIME,
	COL_END_TIME,
	COL_STATUS,
	COL_PROGRESS,
	COL_RECORDS,
	COL_SET_NAME,
	COL_ENVIRONMENT,
	COL_COUNT
};

/* Longest header name kept for comparison; longer ones never match. */
#define COLUMNS_NAME_MAX 64

struct columns {
	char *mapped[COL_COUNT]; /* normalized header from --column, or NULL */
	char *mapped_raw[COL_COUNT];
};

/* The canonical name ("submitted_by"). */
const char *columns_name(enum col c);

/* The accepted header names of c, for messages: "submitted_by, Submitted By, ...". */
const char *columns_accepted(enum col c);

/* Writes the comparison form of a header (lower case, no spaces or
 * underscores) into out, NUL-terminated. Returns its length, or -1 when it
 * does not fit in COLUMNS_NAME_MAX. */
int columns_normalize(const char *s, size_t n, char out[COLUMNS_NAME_MAX + 1]);

/* Adds a --column argument "CANONICAL=HEADER". Reports and returns -1 when
 * it is malformed or CANONICAL is not a column. */
int columns_map(struct columns *cols, const char *arg);

/* The column a header names, or -1. *explicit is set to 1 when it came from
 * a --column mapping (which wins over the built-in names). */
int columns_lookup(const struct columns *cols, const char *header, size_t n, int *explicit);
/* The same, with *rank the place of the name among the column's (0 the
 * canonical name, then its aliases in the order the spec lists them; -1
 * a --column mapping): of two headers naming one column, the lower rank
 * is the better name ("Set Name" over "Set"); the same rank, the same
 * name twice. */
int columns_lookup_rank(const struct columns *cols, const char *header, size_t n, int *explicit,
			int *rank);

void columns_free(struct columns *cols);

#endif
