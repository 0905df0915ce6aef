/* jsonrd: a small strict JSON reader, streaming, one value at a time (no
 * JSON library yet): strings decoded into one buffer (JSON's escapes,
 * surrogates in pairs, well-formed UTF-8, no NUL, at most
 * JSONRD_STRING_MAX bytes), numbers, literals, and objects and arrays
 * walked through callbacks (at most JSONRD_DEPTH deep), every problem
 * reported once at the file and line where it is found. It knows nothing
 * of what the document means (baseline_json.c does). A struct jsonrd owns
 * its string buffer, freed by jsonrd_free; the FILE is the caller's. */
#ifndef ALMAUDIT_JSONRD_H
#define ALMAUDIT_JSONRD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

#define JSONRD_DEPTH 64		     /* nesting deeper than this is refused */
#define JSONRD_STRING_MAX (1u << 20) /* a string longer than this is refused */

struct jsonrd {
	FILE *in;
	const char *name; /* the file, in messages */
	const char *doc;  /* what it should be: "an almaudit report" ("...: not %s") */
	long line;	  /* the current line, from 1 */
	int depth;
	char *buf; /* the last string read, NUL-terminated */
	size_t len, cap;
};

void jsonrd_init(struct jsonrd *j, FILE *in, const char *name, const char *doc);
void jsonrd_free(struct jsonrd *j);

/* Reports a problem at the current line; returns -1. */
int jsonrd_fail(struct jsonrd *j, const char *fmt, ...) DIAG_PRINTF(2, 3);
/* The file ended (or could not be read) where a value was due ("inside the
 * document"); reported, -1. */
int jsonrd_eof(struct jsonrd *j, const char *where);

/* The next character after white space, not consumed (EOF at the end). */
int jsonrd_peek(struct jsonrd *j);

/* Each reads one value and returns 0, or -1 after reporting. */
int jsonrd_string(struct jsonrd *j); /* into j->buf, j->len */
/* A number; *is_int: an integer that fits, then in *out. */
int jsonrd_number(struct jsonrd *j, int64_t *out, int *is_int);
int jsonrd_literal(struct jsonrd *j, const char *word); /* "true", "false", "null" */
int jsonrd_skip(struct jsonrd *j);			/* any value */

/* An object: member() reads each member's value (NULL: skipped). */
typedef int (*jsonrd_member_fn)(struct jsonrd *j, const char *key, void *ctx);
int jsonrd_object(struct jsonrd *j, jsonrd_member_fn member, void *ctx);
/* An array: element() reads each element (NULL: skipped). */
typedef int (*jsonrd_element_fn)(struct jsonrd *j, void *ctx);
int jsonrd_array(struct jsonrd *j, jsonrd_element_fn element, void *ctx);

#endif
