#include "csvline.h"

#include "bytescan.h"

#include <stdlib.h>
#include <string.h>

/* White space around a cell's value: spaces, tabs and line ends. */
static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* The delimiters and quotes of the fast path's line as bits (bytescan), a
 * word for each 64 bytes, and one bit more at the line's end; the line has
 * room for the last word's bytes past its end. -1 when out of
 * memory. */
static int line_masks(struct csvline *sp, const char *line, size_t len, char delim)
{
	size_t words = len / 64 + 1;
	if (words > sp->mcap) {
		uint64_t *m = realloc(sp->smask, words * sizeof *m);
		if (!m)
			return -1;
		sp->smask = m;
		sp->mcap = words;
	}
	for (size_t w = 0; w < words; w++)
		sp->smask[w] = bytescan_eq2_64(line + 64 * w, delim, '"');
	uint64_t end = (uint64_t)1 << (len % 64); /* the last word's bit at the end */
	sp->smask[words - 1] = (sp->smask[words - 1] & (end - 1)) | end;
	return 0;
}

/* Field nf is line[a..b): a byte order mark before the first field and
 * the blanks around it left out, ended with a NUL in place. */
static inline void put_field(char *line, size_t a, size_t b, size_t nf, const char **fptr,
			     size_t *flen)
{
	if (nf == 0 && b - a >= 3 && memcmp(line + a, "\xEF\xBB\xBF", 3) == 0)
		a += 3;
	if (a < b && ((unsigned char)line[a] <= ' ' || (unsigned char)line[b - 1] <= ' ')) {
		while (a < b && is_blank(line[a]))
			a++;
		while (b > a && is_blank(line[b - 1]))
			b--;
	}
	line[b] = '\0';
	fptr[nf] = line + a;
	flen[nf] = b - a;
}

int csvline_split(struct csvline *sp, char *line, size_t len, char delim, size_t max,
		  const char **fptr, size_t *flen, size_t *nfields)
{
	size_t nf = 0;
	if (line_masks(sp, line, len, delim) != 0)
		return -1;
	const int tabpad = delim != '\t';
#define PAD(c) ((c) == ' ' || ((c) == '\t' && tabpad))
	/* the next delimiter or quote (or the line's end), its bit taken */
	const uint64_t *sm = sp->smask;
	size_t w = 0;
	uint64_t m = sm[0];
#define TAKE(at)                                                                                   \
	do {                                                                                       \
		while (!m)                                                                         \
			m = sm[++w];                                                               \
		(at) = (w << 6) + bytescan_first64(m);                                             \
		m &= m - 1;                                                                        \
	} while (0)
	size_t pos = 0;
	if (!memchr(line, '"', len)) {
		/* no quote (most lines): every bit a delimiter but the end's,
		 * every field plain: the pads around it go with the white
		 * space, but for those before a byte order mark */
		while (PAD(line[pos]))
			pos++;
		for (;;) {
			size_t a = pos, at, b;
			TAKE(at);
			b = at;
			if (nf == max)
				goto slow; /* too many: libcsv's path flags the row */
			put_field(line, a, b, nf++, fptr, flen);
			if (at >= len)
				break;
			pos = at + 1;
		}
		goto done;
	}
	for (;;) {
		size_t a, b, next;
		if ((unsigned char)line[pos] <= ' ')
			while (PAD(line[pos]))
				pos++;
		if (line[pos] == '"') {
			size_t q;
			TAKE(q); /* the opening quote, at pos */
			a = pos + 1;
			size_t seg = a;
			char *moved = NULL; /* where the text after a doubled quote goes */
			for (;;) {
				TAKE(q);
				if (q >= len)
					goto slow; /* open at the line's end */
				if (line[q] != '"')
					continue; /* a delimiter inside the quotes */
				if (line[q + 1] != '"')
					break;
				/* a doubled quote: one is kept, the text after it moved up */
				if (moved) {
					memmove(moved, line + seg, q + 1 - seg);
					moved += q + 1 - seg;
				} else {
					moved = line + q + 1;
				}
				seg = q + 2;
				TAKE(q); /* the second quote */
			}
			b = q;
			if (moved) {
				memmove(moved, line + seg, q - seg);
				b = (size_t)(moved - line) + (q - seg);
			}
			next = q + 1;
			while (PAD(line[next]))
				next++;
			if (next < len && line[next] != delim)
				goto slow; /* text after the closing quote */
			TAKE(next); /* the delimiter, or the end */
		} else {
			/* the pads at its end go with the white space below */
			a = pos;
			TAKE(next);
			if (line[next] == '"')
				goto slow;
			b = next;
		}
		if (nf == max)
			goto slow; /* too many: libcsv's path flags the row */
		put_field(line, a, b, nf++, fptr, flen);
		if (next >= len)
			break;
		pos = next + 1;
		if (pos == len) {
			/* a delimiter ends the line: one more, empty field */
			if (nf == max)
				goto slow;
			fptr[nf] = line + len;
			flen[nf++] = 0;
			break;
		}
	}
done:
#undef TAKE
#undef PAD
	*nfields = nf;
	return 1;
slow:
	return 0;
}

void csvline_free(struct csvline *sp)
{
	free(sp->smask);
	sp->smask = NULL;
	sp->mcap = 0;
}
