/* reader: byte streams from export files, inflated by ISA-L (igzip) when
 * the build found it, else by zlib. Gzip is detected from the content
 * (plain text passes through unchanged), concatenated gzip members are read
 * whole, each member's CRC and length checked, and "-" is standard input.
 * Decompression runs in a thread of its own, a few chunks ahead of the
 * parser, so that inflating and parsing overlap on two cores, until the
 * parser moves to a thread of its own (rowpipe), which then inflates
 * itself (reader_here). The only
 * module that includes zlib's and ISA-L's headers.
 * reader_open allocates a reader (and starts its thread); reader_close stops
 * the thread and frees everything. */
#ifndef ALMAUDIT_READER_H
#define ALMAUDIT_READER_H

#include <stddef.h>

struct reader;

/* Opens path ("-" for standard input). Reports and returns NULL when the
 * file cannot be opened. */
struct reader *reader_open(const char *path);

/* The next chunk of bytes: 1 and *data, *len set (valid until the next call
 * or reader_close), 0 at a clean end, -1 on an unreadable, truncated or
 * corrupt stream; *why then describes it (a string owned by the reader) and
 * nothing is reported: the caller knows the line. */
int reader_chunk(struct reader *r, const unsigned char **data, size_t *len, const char **why);

/* The chunk handed out last is handed out again by the next reader_chunk:
 * a caller looks at the start of a file (JSON or CSV?) and then hands the
 * reader to the module that reads that kind. Nothing happens when no chunk
 * is held. */
void reader_unread(struct reader *r);

/* Exports are gzip or plain text; a file of another kind (bzip2, xz, zstd,
 * lz4, lzip, compress, 7z, zip or an Excel workbook, told by its first
 * bytes) is reported by reader_open, saying what it is and what to do:
 * decompress it into the audit (exports, the default), or into a plain
 * file (rules files: reader_set_rules(1) while loading them). */
void reader_set_rules(int rules);

/* The inflater of the readers opened from now on: "ISA-L" when the build
 * has it (the default), else "zlib". reader_use_zlib(1) makes them inflate
 * with zlib even so, reader_use_zlib(0) restores the default: the tests
 * read the same inputs with both. Either reads every byte the same way;
 * only the words inside "corrupt gzip stream (...)" for damaged deflate
 * data are each inflater's own. */
const char *reader_inflater(void);
void reader_use_zlib(int on);

/* From now on the thread that calls reader_chunk inflates (and reads)
 * itself, the reader's own thread stopped after the chunk it was making:
 * for a caller that already runs in a thread of its own (rowpipe), where
 * the bytes it inflates are then parsed in the cache they were made in.
 * The chunks and their order are the same. */
void reader_here(struct reader *r);

/* 1 when the input is gzip, 0 when it is plain. */
int reader_is_gzip(const struct reader *r);

void reader_close(struct reader *r);

#endif
