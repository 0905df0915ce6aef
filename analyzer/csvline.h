/* csvline: the fast path of csvrd, a whole CSV line split into its fields
 * when every field is plain (no quote) or quoted ("text", a quote inside
 * doubled) with nothing but spaces after its closing quote, by libcsv's
 * rules. The line is scanned once for its delimiters and quotes, 64 bytes
 * a word (bytescan.h), and their bits taken in order. struct csvline owns
 * the bit masks (grown to the longest line; csvline_free frees them); the
 * fields point into the caller's line, which is cut in place. */
#ifndef ALMAUDIT_CSVLINE_H
#define ALMAUDIT_CSVLINE_H

#include <stddef.h>
#include <stdint.h>

struct csvline {
	uint64_t *smask; /* the line's delimiters and quotes, a bit a byte */
	size_t mcap;	 /* words allocated */
};

/* Splits line (len bytes, not counting its line end, NUL at line[len],
 * and 64 bytes of room past len that may be read) at delim into at most max
 * fields, as csvrd_next hands them out: spaces (and tabs, unless tab is
 * the delimiter) around plain fields and around quotes dropped, the first
 * field's byte order mark and the white space around each field dropped,
 * quoted text kept as it is (each doubled quote made one), each field
 * NUL-terminated in place. *nf, fptr and flen (room for max) are set when
 * it returns 1; 0: the line is not one it can split (a quote opened and
 * left open, text after a closing quote, a quote inside a plain field,
 * more than max fields), to go through libcsv; the line's bytes may then
 * have been moved. -1 when out of memory. */
int csvline_split(struct csvline *sp, char *line, size_t len, char delim, size_t max,
		  const char **fptr, size_t *flen, size_t *nf);

void csvline_free(struct csvline *sp);

#endif
