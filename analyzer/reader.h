/* reader: byte streams from export files, through zlib. Gzip is detected
 * from the content (plain text passes through unchanged), concatenated gzip
 * members are read whole, and "-" is standard input. The only module that
 * includes zlib.h. reader_open allocates a reader; reader_close frees it. */
#ifndef ALMAUDIT_READER_H
#define ALMAUDIT_READER_H

#include <stddef.h>
#include <sys/types.h>

struct reader;

/* Opens path ("-" for standard input). Reports and returns NULL when the
 * file cannot be opened. */
struct reader *reader_open(const char *path);

/* Reads up to n bytes. Returns the count, 0 at a clean end, or -1 on an
 * unreadable, truncated or corrupt stream; *why then describes it (a static
 * string owned by the
 * reader) and nothing is reported: the caller knows the line. */
ssize_t reader_read(struct reader *r, void *buf, size_t n, const char **why);

/* 1 when the input was gzip, 0 when it was plain. Valid after a read. */
int reader_is_gzip(const struct reader *r);

void reader_close(struct reader *r);

#endif
