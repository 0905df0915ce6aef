/* gzwrite: gzip output, through zlib's deflate (as reader.c reads gzip
 * through its inflate; the two are the only modules that include zlib.h):
 * a file compressed whole into another, a buffer at a time, for the email's
 * csv attachment. It owns nothing past a call. */
#ifndef ALMAUDIT_GZWRITE_H
#define ALMAUDIT_GZWRITE_H

#include <stdio.h>

/* Writes the gzip of what is left to read of in into out. 0, or -1 with
 * *why set to a static reason (a read or write error, out of memory);
 * nothing is reported. */
int gzwrite_copy(FILE *in, FILE *out, const char **why);

#endif
