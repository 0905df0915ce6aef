/* gzout: a gzip stream written to a FILE, one member from gzout_new to
 * gzout_finish, with zlib's deflate (the only module besides reader.c
 * that includes zlib's header; reader.c inflates, this deflates). fetch
 * writes its pages through it; the FILE stays the caller's (output.c's),
 * and a struct gzout is freed by gzout_finish or gzout_free. */
#ifndef ALMAUDIT_GZOUT_H
#define ALMAUDIT_GZOUT_H

#include <stddef.h>
#include <stdio.h>

struct gzout;

/* A member begun on f; name is for messages. NULL (reported) when out of
 * memory. */
struct gzout *gzout_new(FILE *f, const char *name);

/* Compresses n bytes onto the member. -1 (reported) on a write error. */
int gzout_write(struct gzout *g, const void *p, size_t n);

/* Ends the member (its trailer written to f, not flushed) and frees g. -1
 * (reported) on a write error. */
int gzout_finish(struct gzout *g);

/* Frees g without ending the member (the output is being thrown away). */
void gzout_free(struct gzout *g);

/* Bytes given so far, before compression. */
unsigned long long gzout_bytes(const struct gzout *g);

#endif
