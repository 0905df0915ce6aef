/* textenc: the text of an input made UTF-8 as it streams, chunk by chunk.
 * Text that opens with a UTF-16 byte order mark (Excel's "Unicode text"),
 * or without one with a NUL byte after (or before) each of its first two
 * characters (UTF-16LE or BE, as some tools write it), is transcoded with
 * iconv. Any other text is taken as UTF-8, validated eight
 * bytes at a time (pure ASCII and valid UTF-8 pass through uncopied), and
 * each byte that is not part of a valid UTF-8 sequence is read as
 * Windows-1252 (what Excel writes on Windows) and written as the UTF-8 of
 * its character, never dropped nor made a '?'. A sequence cut by a chunk's
 * end is carried to the next chunk. struct textenc owns its buffers and the
 * iconv descriptor; textenc_free releases them. A chunk handed out is valid
 * until the next call. */
#ifndef ALMAUDIT_TEXTENC_H
#define ALMAUDIT_TEXTENC_H

#include <stddef.h>
#include <stdint.h>

struct textenc {
	int started;
	int utf16; /* 0 none, 1 little-endian, 2 big-endian */
	void *cd;  /* iconv_t, when utf16 */
	unsigned char carry[4]; /* a character cut by the chunk's end */
	size_t ncarry;
	unsigned char *stage, *ubuf; /* carry + chunk; the chunk transcoded */
	size_t scap, ucap;
	uint64_t cp1252; /* bytes read as Windows-1252 */
	char why[96];
};

void textenc_init(struct textenc *t);
void textenc_free(struct textenc *t);

/* The next chunk of input (data, len) as UTF-8 in *out, *outlen (which may
 * be data itself, or empty while a character is carried). The first call
 * looks for a UTF-16 byte order mark. 0, or -1 with *why set (out of
 * memory, broken UTF-16). */
int textenc_chunk(struct textenc *t, const unsigned char *data, size_t len,
		  const unsigned char **out, size_t *outlen, const char **why);

/* At the input's end: what a carried partial sequence becomes (its bytes
 * read as Windows-1252; *outlen 0 when nothing was carried). 0, or -1 with
 * *why set (UTF-16 text that ends inside a character). */
int textenc_end(struct textenc *t, const unsigned char **out, size_t *outlen, const char **why);

/* "UTF-16LE", "UTF-16BE", "Windows-1252" (when any byte was read so), or
 * NULL for UTF-8; static strings. */
const char *textenc_name(const struct textenc *t);

/* s (UTF-8) as code page `from` writes it, read back as code page `to`
 * (iconv names: "WINDOWS-1252", "WINDOWS-1250", "MACINTOSH"): what a
 * name saved in one code page and read as another becomes, or the other
 * way round. 0 and out (size bytes, NUL-terminated), or -1 when a
 * character has no place in `from` or `to`, or the text does not fit. */
int textenc_reread(const char *s, const char *from, const char *to, char *out, size_t size);

#endif
