/* csvrd: CSV rows from a file, streaming, for exports and rules alike.
 * Reads through reader (plain or gzip), parses with libcsv (the only module
 * that includes csv.h), counts physical lines itself, drops a UTF-8 byte
 * order mark, takes LF, CRLF and lone CR line ends, and bounds the memory a
 * hostile field can take. Quote-free lines take a fast path with libcsv's
 * rules (csvrd_set_fast). csvrd_open allocates; csvrd_close frees; a row
 * borrows the reader's buffers until the next call. */
#ifndef ALMAUDIT_CSVRD_H
#define ALMAUDIT_CSVRD_H

#include <stddef.h>

/* Longest field and row kept; a row past either comes flagged. */
#define CSVRD_FIELD_MAX (64u * 1024u)
#define CSVRD_ROW_MAX (1024u * 1024u)
#define CSVRD_FIELDS_MAX 1024u

enum {
	CSVROW_FIELD_TOO_LARGE = 1, /* a field past CSVRD_FIELD_MAX was cut off */
	CSVROW_TOO_LARGE = 2,	    /* the row passed CSVRD_ROW_MAX or CSVRD_FIELDS_MAX */
	CSVROW_TRUNCATED = 4	    /* the input failed inside this row */
};

struct csvrow {
	long line;		   /* physical line where the row starts */
	size_t n;		   /* fields */
	const char *const *field;  /* each NUL-terminated */
	const size_t *len;
	int flags;
};

struct csvrd;

/* Opens path ("-" is standard input); name is what messages call it.
 * Reports and returns NULL when it cannot be opened. */
struct csvrd *csvrd_open(const char *path, const char *name);

/* The next row: 1 and *row filled, 0 at the end, -1 when reading failed
 * (reported at file and line). A row the failure cut short comes first,
 * flagged CSVROW_TRUNCATED; -1 follows. Blank lines are not rows. Each
 * cell is trimmed of the white space (spaces, tabs, line ends) around it,
 * whether it was quoted or not. */
int csvrd_next(struct csvrd *r, struct csvrow *row);

/* Whole lines that start a row and hold no quote are split without libcsv,
 * by its rules, in one copy (the fast path, on by default); every other line
 * goes through libcsv. Tests turn the fast path off to compare the two. */
void csvrd_set_fast(struct csvrd *r, int fast);

/* Narrows s[0..n) to drop spaces and tabs at both ends. (Every cell
 * csvrd_next hands out is already trimmed of white space, quoted or not.) */
void csvrd_trim(const char **s, size_t *n);

/* 1 when the input is gzip. */
int csvrd_is_gzip(const struct csvrd *r);

void csvrd_close(struct csvrd *r);

#endif
