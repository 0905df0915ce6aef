#include "textenc.h"

#include "bytescan.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Windows-1252's bytes 0x80 to 0x9F; the five it leaves undefined (0 here)
 * read as U+FFFD. Bytes 0xA0 to 0xFF are Latin-1's, the code point itself. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0,	0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,	0x017D, 0,
	0,	0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,	0x017E, 0x0178,
};

void textenc_init(struct textenc *t)
{
	memset(t, 0, sizeof *t);
}

void textenc_free(struct textenc *t)
{
	if (t->utf16)
		iconv_close((iconv_t)t->cd);
	free(t->stage);
	free(t->ubuf);
	memset(t, 0, sizeof *t);
}

const char *textenc_name(const struct textenc *t)
{
	return t->utf16 == 1 ? "UTF-16LE"
	       : t->utf16 == 2 ? "UTF-16BE"
	       : t->cp1252	 ? "Windows-1252"
				 : NULL;
}

/* Makes room for need bytes in *buf (capacity *cap); -1 out of memory. */
static int grow(unsigned char **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap : 4096;
	while (c < need)
		c *= 2;
	unsigned char *b = realloc(*buf, c);
	if (!b)
		return -1;
	*buf = b;
	*cap = c;
	return 0;
}

/* The length (1 to 4) of the valid UTF-8 sequence at p[0..n); 0 when p[0]
 * starts none (it is read as Windows-1252); -1 when the bytes so far start
 * one that the end of p cuts. Overlong forms, surrogates and code points
 * past U+10FFFF are no valid sequence. */
static int utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	if (c < 0x80)
		return 1;
	int len = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		unsigned b = p[i];
		if ((b & 0xC0) != 0x80)
			return 0;
		if (i == 1 && ((c == 0xE0 && b < 0xA0) || (c == 0xED && b > 0x9F) ||
			       (c == 0xF0 && b < 0x90) || (c == 0xF4 && b > 0x8F)))
			return 0;
	}
	return len;
}

/* The UTF-8 of Windows-1252 byte b into o; its length. */
static size_t put_cp1252(unsigned char *o, unsigned char b)
{
	unsigned cp = b >= 0xA0 ? b : b >= 0x80 ? cp1252_high[b - 0x80] : b;
	if (!cp)
		cp = 0xFFFD;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (unsigned char)(0xE0 | cp >> 12);
	o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp & 0x3F));
	return 3;
}

/* How many bytes at the start of p[0..n) are ASCII: 64 at a time
 * (bytescan), then eight. */
static size_t ascii_run(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (n - i >= 64 && !bytescan_any_high64(p + i))
		i += 64;
	while (n - i >= 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		if (x & 0x8080808080808080ull)
			break;
		i += 8;
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

/* UTF-8 text, checked: the valid prefix passes as it is; from the first
 * byte that is no UTF-8 on, the rest is copied with each such byte read as
 * Windows-1252. A sequence the chunk's end cuts is carried, unless at_end. */
static int utf8_chunk(struct textenc *t, const unsigned char *data, size_t len, int at_end,
		      const unsigned char **out, size_t *outlen, const char **why)
{
	const unsigned char *p = data;
	size_t n = len, i = 0;
	if (!len && !t->ncarry) {
		*out = (const unsigned char *)"";
		*outlen = 0;
		return 0;
	}
	if (t->ncarry) {
		if (grow(&t->stage, &t->scap, t->ncarry + len) != 0) {
			*why = "out of memory";
			return -1;
		}
		memcpy(t->stage, t->carry, t->ncarry);
		if (len)
			memcpy(t->stage + t->ncarry, data, len);
		p = t->stage;
		n = t->ncarry + len;
		t->ncarry = 0;
	}
	for (;;) {
		i += ascii_run(p + i, n - i);
		if (i == n)
			break;
		int k = utf8_seq(p + i, n - i);
		if (k <= 0)
			break;
		i += (size_t)k;
	}
	if (i == n || (!at_end && utf8_seq(p + i, n - i) < 0)) {
		/* valid throughout, but for a sequence the end cuts */
		memcpy(t->carry, p + i, n - i);
		t->ncarry = n - i;
		*out = p;
		*outlen = i;
		return 0;
	}
	if (grow(&t->ubuf, &t->ucap, i + 3 * (n - i)) != 0) {
		*why = "out of memory";
		return -1;
	}
	memcpy(t->ubuf, p, i);
	size_t o = i;
	while (i < n) {
		size_t a = ascii_run(p + i, n - i);
		memcpy(t->ubuf + o, p + i, a);
		o += a;
		i += a;
		if (i == n)
			break;
		int k = utf8_seq(p + i, n - i);
		if (k > 0) {
			memcpy(t->ubuf + o, p + i, (size_t)k);
			o += (size_t)k;
			i += (size_t)k;
		} else if (k < 0 && !at_end) {
			memcpy(t->carry, p + i, n - i);
			t->ncarry = n - i;
			break;
		} else {
			o += put_cp1252(t->ubuf + o, p[i++]);
			t->cp1252++;
		}
	}
	*out = t->ubuf;
	*outlen = o;
	return 0;
}

/* Transcodes a chunk of UTF-16 (after any character the last chunk cut)
 * into t->ubuf. 0 done, -1 with *why set. */
static int utf16_chunk(struct textenc *t, const unsigned char *data, size_t len,
		       const unsigned char **out, size_t *outlen, const char **why)
{
	size_t n = t->ncarry + len;
	if (!n) { /* nothing to transcode: no buffer may exist yet */
		*out = (const unsigned char *)"";
		*outlen = 0;
		return 0;
	}
	if (grow(&t->stage, &t->scap, n) != 0 || grow(&t->ubuf, &t->ucap, 2 * n + 16) != 0) {
		*why = "out of memory";
		return -1;
	}
	memcpy(t->stage, t->carry, t->ncarry);
	if (len)
		memcpy(t->stage + t->ncarry, data, len);
	char *in = (char *)t->stage, *o = (char *)t->ubuf;
	size_t inleft = n, oleft = t->ucap;
	t->ncarry = 0;
	while (inleft) {
		if (iconv((iconv_t)t->cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			break;
		if (errno == EINVAL && inleft < sizeof t->carry) {
			memcpy(t->carry, in, inleft); /* cut by the chunk's end */
			t->ncarry = inleft;
			break;
		}
		snprintf(t->why, sizeof t->why, "invalid %s text (a broken surrogate pair)",
			 textenc_name(t));
		*why = t->why;
		return -1;
	}
	*out = t->ubuf;
	*outlen = t->ucap - oleft;
	return 0;
}

int textenc_chunk(struct textenc *t, const unsigned char *data, size_t len,
		  const unsigned char **out, size_t *outlen, const char **why)
{
	if (!t->started && len) {
		t->started = 1;
		int bom = len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
				       (data[0] == 0xFE && data[1] == 0xFF));
		/* no byte order mark, but a header's ASCII with a NUL byte after
		 * (little-endian) or before (big-endian) each character: UTF-8
		 * text never has a NUL there */
		int le = !bom && len >= 4 && data[0] && !data[1] && data[2] && !data[3];
		int be = !bom && len >= 4 && !data[0] && data[1] && !data[2] && data[3];
		if (bom || le || be) {
			t->utf16 = bom ? (data[0] == 0xFF ? 1 : 2) : le ? 1 : 2;
			iconv_t cd = iconv_open("UTF-8", textenc_name(t));
			if (cd == (iconv_t)-1) {
				t->utf16 = 0;
				*why = "cannot transcode UTF-16 text (iconv)";
				return -1;
			}
			t->cd = (void *)cd;
			data += bom ? 2 : 0; /* the byte order mark */
			len -= bom ? 2 : 0;
		}
	}
	if (t->utf16)
		return utf16_chunk(t, data, len, out, outlen, why);
	return utf8_chunk(t, data, len, 0, out, outlen, why);
}

int textenc_end(struct textenc *t, const unsigned char **out, size_t *outlen, const char **why)
{
	*out = (const unsigned char *)"";
	*outlen = 0;
	if (!t->ncarry)
		return 0;
	if (t->utf16) {
		snprintf(t->why, sizeof t->why, "the %s text ends inside a character",
			 textenc_name(t));
		*why = t->why;
		return -1;
	}
	return utf8_chunk(t, NULL, 0, 1, out, outlen, why);
}

/* s through cd into out (size bytes, NUL-terminated): 0, or -1. */
static int convert(const char *to, const char *from, const char *s, size_t n, char *out, size_t size)
{
	iconv_t cd = iconv_open(to, from);
	if (cd == (iconv_t)-1)
		return -1;
	char *in = (char *)s, *o = out;
	size_t inleft = n, oleft = size - 1;
	size_t got = iconv(cd, &in, &inleft, &o, &oleft);
	iconv_close(cd);
	if (got == (size_t)-1 || inleft)
		return -1;
	*o = '\0';
	return 0;
}

int textenc_reread(const char *s, const char *from, const char *to, char *out, size_t size)
{
	char bytes[512];
	if (!size || convert(from, "UTF-8", s, strlen(s), bytes, sizeof bytes) != 0)
		return -1;
	return convert("UTF-8", to, bytes, strlen(bytes), out, size);
}
