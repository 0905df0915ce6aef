/* json: JSON read through yajl (the only module that includes yajl's
 * headers), as a stream of events: the document is fed in slices of any
 * size and each value, key, object and array is handed to the caller's
 * handler as it is read, so that memory does not grow with the document.
 * It bounds what hostile input can take: nesting at most JSON_DEPTH deep, a
 * string, number or word at most JSON_TOKEN_MAX bytes (a longer one is an
 * error as soon as it passes the bound, never read whole), and no NUL (a
 * raw NUL byte, or \u0000 in a string). Strings are checked to be
 * well-formed UTF-8 (no overlong forms, no surrogates) and \u escapes to
 * pair their surrogates. It counts lines, so that an event or an error can
 * be placed at FILE:LINE, and drops a UTF-8 byte order mark.
 *
 * Nothing is reported here: the first error (the document's or one a
 * handler sets with json_fail) is kept, with its line, for the caller to
 * say. json_new allocates; json_free frees; strings handed to a handler are
 * valid during the call only. */
#ifndef ALMAUDIT_JSON_H
#define ALMAUDIT_JSON_H

#include <stddef.h>

#include "diag.h"

#define JSON_DEPTH 64		       /* nesting deeper than this is an error */
#define JSON_TOKEN_MAX (64u * 1024u) /* longest string, number or word */

enum json_type { JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING, JSON_OBJECT,
		 JSON_ARRAY };

struct json;

/* Each returns 0 to go on, or -1 to stop reading (after json_fail). A
 * number comes as its text, exactly as written (a 16-digit id stays exact);
 * a string decoded, n bytes (no NUL inside). NULL members are skipped. */
struct json_handler {
	int (*scalar)(void *ctx, enum json_type type, const char *s, size_t n);
	int (*key)(void *ctx, const char *s, size_t n);
	int (*open)(void *ctx, enum json_type type);  /* JSON_OBJECT or JSON_ARRAY */
	int (*close)(void *ctx, enum json_type type); /* its end */
};

/* sequence: the input may hold several top-level values one after the
 * other (concatenated, or one per line); else one, and more after it is an
 * error. NULL when out of memory (nothing reported). */
struct json *json_new(const struct json_handler *h, void *ctx, int sequence);
void json_free(struct json *j);

/* The longest string, number or word, in bytes as written (escapes
 * counted whole), instead of JSON_TOKEN_MAX: for a reader of a document
 * almaudit wrote, whose strings escape cells of up to 64 KiB. */
void json_set_token_max(struct json *j, size_t max);

/* The line of the first byte fed (1 unless set): the caller passed lines
 * of white space before it. Before any json_feed. */
void json_set_line(struct json *j, long line);

/* Reads the next n bytes of the document: 0, or -1 at an error (json_error
 * says which). After an error, feeding more does nothing and returns -1. */
int json_feed(struct json *j, const unsigned char *data, size_t n);

/* The document has ended: 0 when it was whole, -1 when not (cut short, or
 * an error before). */
int json_end(struct json *j);

/* The line (from 1) of the token last read: in a handler, the line of the
 * value, key or bracket handed over. */
long json_line(struct json *j);

/* The depth of the open objects and arrays (0 at the top level). */
int json_depth(const struct json *j);

/* 1 when the input held no value at all (only white space, or nothing). */
int json_empty(const struct json *j);

/* Sets the error (the first one stays) at the current line: for handlers
 * that find the document is not what they read. Returns -1. */
int json_fail(struct json *j, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* Sets the error at a line of the caller's choice (where a value began). */
int json_fail_at(struct json *j, long line, const char *fmt, ...) DIAG_PRINTF(3, 4);

/* The error, "" when none, and its line in *line. */
const char *json_error(const struct json *j, long *line);

#endif
