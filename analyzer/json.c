#include "json.h"

#include "bytescan.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

/* Where the limits scanner is in the raw text: yajl holds a token that
 * crosses a slice in a buffer of its own, so a token's length is watched
 * here, byte by byte, before yajl is given the bytes. */
enum scan { SC_OUT, SC_STR, SC_ESC, SC_HEX };

struct json {
	yajl_handle y;
	const struct json_handler *h;
	void *ctx;
	int depth;
	int any;     /* a top-level value has begun */
	int started; /* the first bytes have been seen (a byte order mark dropped) */
	int sequence; /* json_new's */
	int bom;      /* bytes of a byte order mark seen at a slice's end */

	/* the slice yajl is reading, and the lines counted in it so far */
	const unsigned char *slice;
	size_t len, counted;
	long line; /* the line of slice[counted] (or of the next byte fed) */

	enum scan st;
	size_t tok;	  /* bytes of the string or bare token being read */
	size_t tok_max;	  /* ... at most (JSON_TOKEN_MAX unless set) */
	unsigned hex;	  /* the \u escape being read */
	int nhex;
	unsigned high; /* a high surrogate waiting for its low half, or 0 */
	/* the strings yajl hands over from the slice being parsed are ASCII
	 * with no NUL, as the glance at the slices they came from proved */
	int ascii;
	int clean_before; /* the glance found the slice before all ASCII */
	int run_plain;	  /* ... and every slice since the last that began outside a string */

	int failed;
	long error_line;
	char error[DIAG_LAST_MAX + 1];
};

static void set_error(struct json *j, long line, const char *fmt, va_list ap)
	DIAG_PRINTF(3, 0);

static void set_error(struct json *j, long line, const char *fmt, va_list ap)
{
	if (j->failed)
		return;
	j->failed = 1;
	j->error_line = line;
	vsnprintf(j->error, sizeof j->error, fmt, ap);
}

int json_fail(struct json *j, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_error(j, json_line(j), fmt, ap);
	va_end(ap);
	return -1;
}

int json_fail_at(struct json *j, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_error(j, line, fmt, ap);
	va_end(ap);
	return -1;
}

const char *json_error(const struct json *j, long *line)
{
	*line = j->failed ? j->error_line : 0;
	return j->failed ? j->error : "";
}

/* Counts the line ends of the slice up to (not including) byte `to`. */
static void count_to(struct json *j, size_t to)
{
	if (!j->slice || to <= j->counted)
		return;
	const unsigned char *p = j->slice + j->counted, *end = j->slice + to;
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		j->line++;
		p++;
	}
	j->counted = to;
}

long json_line(struct json *j)
{
	if (j->slice && j->y)
		count_to(j, yajl_get_bytes_consumed(j->y));
	return j->line;
}

int json_depth(const struct json *j)
{
	return j->depth;
}

int json_empty(const struct json *j)
{
	return !j->any;
}

/* ---- strings: strict UTF-8, no NUL ---- */

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
/* Nonzero when a byte of w is zero. */
#define HAS_ZERO(w) (((w) - ONES) & ~(w) & HIGHS)

/* 0 well-formed UTF-8 with no NUL, 1 a NUL, 2 not UTF-8. */
static int utf8_check(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if ((w & HIGHS) || HAS_ZERO(w))
				break;
			i += 8;
		}
		if (i == n)
			break;
		unsigned c = s[i];
		if (c == 0)
			return 1;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned lo = 0x80, hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			lo = c == 0xE0 ? 0xA0 : 0x80; /* no overlong form */
			hi = c == 0xED ? 0x9F : 0xBF; /* no surrogate */
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			lo = c == 0xF0 ? 0x90 : 0x80;
			hi = c == 0xF4 ? 0x8F : 0xBF; /* nothing past U+10FFFF */
		} else {
			return 2;
		}
		if (i + len > n || s[i + 1] < lo || s[i + 1] > hi)
			return 2;
		for (size_t k = 2; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 2;
		i += len;
	}
	return 0;
}

static int text_ok(struct json *j, const unsigned char *s, size_t n)
{
	int bad = utf8_check(s, n);
	if (bad == 1)
		return json_fail(j, "a NUL character (\\u0000) in a string");
	if (bad == 2)
		return json_fail(j, "invalid UTF-8 inside a string");
	return 0;
}

/* ---- yajl's callbacks: 1 goes on, 0 stops ---- */

static int go(struct json *j, int status)
{
	if (status != 0 && !j->failed)
		json_fail(j, "reading stopped");
	return status == 0;
}

static int scalar(struct json *j, enum json_type t, const char *s, size_t n)
{
	if (!j->depth)
		j->any = 1;
	return go(j, j->h->scalar ? j->h->scalar(j->ctx, t, s, n) : 0);
}

static int y_null(void *ctx)
{
	return scalar(ctx, JSON_NULL, "null", 4);
}

static int y_boolean(void *ctx, int b)
{
	return scalar(ctx, b ? JSON_TRUE : JSON_FALSE, b ? "true" : "false", b ? 4 : 5);
}

static int y_number(void *ctx, const char *s, size_t n)
{
	return scalar(ctx, JSON_NUMBER, s, n);
}

static int y_string(void *ctx, const unsigned char *s, size_t n)
{
	struct json *j = ctx;
	if (!j->ascii && text_ok(j, s, n) != 0)
		return 0;
	return scalar(j, JSON_STRING, (const char *)s, n);
}

static int y_key(void *ctx, const unsigned char *s, size_t n)
{
	struct json *j = ctx;
	if (!j->ascii && text_ok(j, s, n) != 0)
		return 0;
	return go(j, j->h->key ? j->h->key(j->ctx, (const char *)s, n) : 0);
}

static int opened(struct json *j, enum json_type t)
{
	if (!j->depth)
		j->any = 1;
	if (++j->depth > JSON_DEPTH) {
		json_fail(j, "JSON nested deeper than %d", JSON_DEPTH);
		return 0;
	}
	return go(j, j->h->open ? j->h->open(j->ctx, t) : 0);
}

static int closed(struct json *j, enum json_type t)
{
	j->depth--;
	return go(j, j->h->close ? j->h->close(j->ctx, t) : 0);
}

static int y_start_map(void *ctx)
{
	return opened(ctx, JSON_OBJECT);
}

static int y_end_map(void *ctx)
{
	return closed(ctx, JSON_OBJECT);
}

static int y_start_array(void *ctx)
{
	return opened(ctx, JSON_ARRAY);
}

static int y_end_array(void *ctx)
{
	return closed(ctx, JSON_ARRAY);
}

static const yajl_callbacks callbacks = {
	y_null, y_boolean, NULL, NULL, y_number, y_string,
	y_start_map, y_key, y_end_map, y_start_array, y_end_array,
};

struct json *json_new(const struct json_handler *h, void *ctx, int sequence)
{
	struct json *j = calloc(1, sizeof *j);
	if (!j)
		return NULL;
	j->h = h;
	j->ctx = ctx;
	j->line = 1;
	j->tok_max = JSON_TOKEN_MAX;
	j->y = yajl_alloc(&callbacks, NULL, j);
	if (!j->y) {
		free(j);
		return NULL;
	}
	/* strings are checked here, strictly, once decoded */
	yajl_config(j->y, yajl_dont_validate_strings, 1);
	j->sequence = sequence;
	if (sequence)
		yajl_config(j->y, yajl_allow_multiple_values, 1);
	return j;
}

void json_set_token_max(struct json *j, size_t max)
{
	j->tok_max = max;
}

void json_set_line(struct json *j, long line)
{
	j->line = line;
}

void json_free(struct json *j)
{
	if (!j)
		return;
	yajl_free(j->y);
	free(j);
}

/* ---- yajl's errors, said in the words of a reader ---- */

/* The byte at p as a message shows it: 'x', or byte 0xNN. */
static void byte_text(unsigned char c, char *buf, size_t size)
{
	if (c >= 0x20 && c < 0x7F)
		snprintf(buf, size, "'%c'", c);
	else
		snprintf(buf, size, "byte 0x%02x", c);
}

/* yajl stopped on an error: its message, placed at the token it read. */
static void yajl_failed(struct json *j)
{
	unsigned char *e = yajl_get_error(j->y, 0, NULL, 0);
	const char *msg = e ? (const char *)e : "";
	size_t off = j->slice ? yajl_get_bytes_consumed(j->y) : 0;
	if (off > j->len)
		off = j->len;
	/* the byte of the token that yajl refused: a word (true, false,
	 * null) by its first letter, other tokens by their last byte */
	size_t at = off ? off - 1 : 0;
	if (strstr(msg, "inside map, I expect") && off < j->len)
		at = off; /* yajl puts its offset back to the token's start there */
	else if (j->slice && off && strstr(msg, "parse error"))
		while (at > 0 && ((j->slice[at] | 0x20) >= 'a' && (j->slice[at] | 0x20) <= 'z') &&
		       ((j->slice[at - 1] | 0x20) >= 'a' && (j->slice[at - 1] | 0x20) <= 'z'))
			at--;
	/* a comment: yajl's offset may stop short of its '/' (at the white
	 * space before it, a line early): the '/' is the byte in question */
	if (j->slice && strstr(msg, "comment"))
		for (size_t k = at; k < j->len; k++)
			if (j->slice[k] == '/') {
				at = k;
				break;
			}
	char ch[16] = "?";
	if (j->slice && off)
		byte_text(j->slice[at], ch, sizeof ch);
	count_to(j, at);
	long line = j->line;
	/* yajl's words, and a reader's: before and after the byte (shown
	 * when `byte`, by its code when 2) */
	static const struct {
		const char *yajl, *before, *after;
		int byte;
	} words[] = {
		{"trailing garbage", "invalid JSON: more after the end of the document", "", 0},
		{"unallowed token", "invalid JSON: ", " where a value was expected", 1},
		{"invalid object key", "invalid JSON: ", " where a string (a key) was expected", 1},
		{"separated by a colon", "invalid JSON: ", " where ':' was expected", 1},
		{"inside map, I expect", "invalid JSON: ", " where ',' or '}' was expected", 1},
		{"after array element", "invalid JSON: ", " where ',' or ']' was expected", 1},
		{"invalid char in json text", "invalid JSON: unexpected ", "", 1},
		{"invalid string in json text", "invalid JSON: not a literal (true, false, null)", "",
		 0},
		{"occurs before a character", "invalid JSON: an unknown escape in a string", "", 0},
		{"invalid character inside string", "invalid JSON: a control character (",
		 ") inside a string", 2},
		{"non-hex", "invalid JSON: a \\u escape needs four hex digits", "", 0},
		{"after the exponent", "invalid JSON: no digits in an exponent", "", 0},
		{"after the decimal point", "invalid JSON: no digits after a decimal point", "", 0},
		{"after the minus sign", "invalid JSON: a number without digits", "", 0},
		{"invalid bytes in UTF8", "invalid UTF-8 inside a string", "", 0},
		{"comment", "invalid JSON: a comment (JSON has none)", "", 0},
	};
	size_t i;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strstr(msg, words[i].yajl))
			break;
	if (strstr(msg, "premature EOF")) {
		/* the end came inside a value */
		count_to(j, j->len);
		json_fail_at(j, j->line, "invalid JSON: the file ends %s (cut short?)",
			     j->st != SC_OUT ? "inside a string" : "inside the document");
	} else if (i == sizeof words / sizeof words[0]) {
		json_fail_at(j, line, "invalid JSON (%.100s)", msg);
	} else {
		if (words[i].byte == 2 && j->slice) {
			/* yajl puts the control character back before saying so */
			unsigned char c = off < j->len ? j->slice[off] : off ? j->slice[at] : 0;
			if (c >= 0x20 && off)
				c = j->slice[at];
			snprintf(ch, sizeof ch, "0x%02x", c);
		}
		json_fail_at(j, line, "%s%s%s", words[i].before, words[i].byte ? ch : "",
			     words[i].after);
	}
	if (e)
		yajl_free_error(j->y, e);
}

/* Hands data[0..n) to yajl; 0, or -1 at an error (set). */
static int parse(struct json *j, const unsigned char *data, size_t n)
{
	j->slice = data;
	j->len = n;
	j->counted = 0;
	yajl_status st = yajl_parse(j->y, data, n);
	if (st == yajl_status_error)
		yajl_failed(j);
	else if (st == yajl_status_client_canceled && !j->failed)
		json_fail(j, "reading stopped");
	if (!j->failed)
		count_to(j, n);
	j->slice = NULL;
	return j->failed ? -1 : 0;
}

/* ---- the limits yajl does not keep ---- */

/* The raw text's bytes as the scanner sees them outside strings. */
enum { B_WORD, B_SPACE, B_QUOTE, B_NUL, B_BOM };
static const unsigned char byte_class[256] = {
	[0] = B_NUL,	 [0xEF] = B_BOM,	 [' '] = B_SPACE, ['\n'] = B_SPACE, ['\r'] = B_SPACE, ['\t'] = B_SPACE,
	['{'] = B_SPACE, ['}'] = B_SPACE, ['['] = B_SPACE,  [']'] = B_SPACE,  [':'] = B_SPACE,
	[','] = B_SPACE, ['"'] = B_QUOTE,
};

/* scan's word for a byte 0xEF outside strings: perhaps a byte order mark
 * at the start of a document of a sequence (concatenated files). */
static const char bom[] = "a byte order mark";

/* Nonzero when a byte of w is a quote, a backslash or a NUL. */
static uint64_t string_stop(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');
	return HAS_ZERO(q) | HAS_ZERO(b) | HAS_ZERO(w);
}

static int hex_digit(unsigned char c)
{
	return c >= '0' && c <= '9' ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* Scans data[0..n) for what must stop the reading before yajl sees it: a
 * NUL byte, a token past JSON_TOKEN_MAX, a \u escape of half a surrogate
 * pair. Returns how many bytes are clean (n when all); at a problem, *why
 * says it (static text; *code the escape's value). */
static size_t scan(struct json *j, const unsigned char *p, size_t n, const char **why,
		   unsigned *code)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = p[i];
		switch (j->st) {
		case SC_OUT:
			/* white space, brackets and bare words, up to a quote */
			for (; i < n; i++) {
				unsigned char k = byte_class[p[i]];
				if (k == B_SPACE)
					j->tok = 0;
				else if (k != B_WORD)
					break;
				else if (++j->tok > j->tok_max) {
					*why = "a number or word longer than the limit";
					return i;
				}
			}
			if (i == n)
				break;
			if (p[i] == 0) {
				*why = "a NUL byte (binary data, or text that is not UTF-8?)";
				return i;
			}
			if (p[i] == 0xEF) {
				*why = bom; /* json_feed decides */
				return i;
			}
			j->st = SC_STR;
			j->tok = 0;
			i++;
			break;
		case SC_STR: {
			if (j->high && c != '\\') {
				*why = "high";
				*code = j->high;
				return i;
			}
			size_t from = i;
			while (i + 8 <= n) {
				uint64_t w;
				memcpy(&w, p + i, 8);
				if (string_stop(w))
					break;
				i += 8;
			}
			while (i < n && p[i] != '"' && p[i] != '\\' && p[i] != 0)
				i++;
			if (j->tok + (i - from) > j->tok_max) {
				*why = "a string longer than the limit";
				return from + (j->tok_max - j->tok);
			}
			j->tok += i - from;
			if (i == n)
				break;
			c = p[i];
			if (c == 0) {
				*why = "a NUL byte (binary data, or text that is not UTF-8?)";
				return i;
			}
			if (c == '"') {
				j->st = SC_OUT;
				j->tok = 0;
			} else {
				j->st = SC_ESC;
				j->tok++;
			}
			i++;
			break;
		}
		case SC_ESC:
			if (c == 'u') {
				j->st = SC_HEX;
				j->hex = 0;
				j->nhex = 0;
			} else if (j->high) {
				*why = "high";
				*code = j->high;
				return i;
			} else {
				j->st = SC_STR;
			}
			j->tok++;
			i++;
			break;
		case SC_HEX: {
			int d = hex_digit(c);
			if (d < 0) {
				/* yajl says what is wrong with the escape */
				j->st = SC_STR;
				j->high = 0;
				break;
			}
			j->hex = j->hex * 16 + (unsigned)d;
			if (++j->nhex == 4) {
				unsigned v = j->hex;
				j->st = SC_STR;
				if (j->high) {
					if (v < 0xDC00 || v > 0xDFFF) {
						*why = "high";
						*code = j->high;
						return i;
					}
					j->high = 0;
				} else if (v >= 0xD800 && v <= 0xDBFF) {
					j->high = v;
				} else if (v >= 0xDC00 && v <= 0xDFFF) {
					*why = "low";
					*code = v;
					return i;
				}
			}
			j->tok++;
			i++;
			break;
		}
		}
	}
	return n;
}

/* What a slice holds, looked at 64 bytes at a time: how many quotes and
 * where the last one is; whether a NUL or a backslash is in it, and whether
 * a string in it may decode to more than ASCII (a byte past ASCII, a NUL,
 * a backslash before a 'u' or at the slice's end). */
struct glance {
	size_t quotes, last_quote;
	int nul_or_escape, not_ascii;
	int ef; /* a byte 0xEF: a byte order mark may begin there (scan reads it) */
};

static void glance_at(const unsigned char *p, size_t n, struct glance *g)
{
	unsigned char tail[64];
	memset(g, 0, sizeof *g);
	for (size_t at = 0; at < n; at += 64) {
		const unsigned char *b = p + at;
		if (n - at < 64) {
			/* the last bytes, read from a copy of their own */
			memset(tail, ' ', sizeof tail);
			memcpy(tail, b, n - at);
			b = tail;
		}
		uint64_t q = bytescan_eq2_64(b, '"', '"');
		uint64_t z = bytescan_eq2_64(b, 0, '\\');
		if (bytescan_any_high64(b)) {
			g->not_ascii = 1;
			if (memchr(b, 0xEF, 64))
				g->ef = 1;
		}
		if (q) {
			g->quotes += (size_t)__builtin_popcountll(q);
			g->last_quote = at + 63 - (size_t)__builtin_clzll(q);
		}
		for (; z; z &= z - 1) {
			size_t i = at + bytescan_first64(z);
			g->nul_or_escape = 1;
			if (!p[i] || i + 1 == n || p[i + 1] == 'u')
				g->not_ascii = 1;
		}
	}
}

/* A slice with no NUL nor backslash, and too short to take a token past
 * JSON_TOKEN_MAX, read at once: its quotes open and close strings in turn,
 * and only where it ends matters (inside a string or not, and the bytes of
 * the token there). 1 when it was so read, 0 when scan must read it. */
static int quick_scan(struct json *j, const unsigned char *p, size_t n, const struct glance *g)
{
	if (g->nul_or_escape || g->ef || j->high || (j->st != SC_OUT && j->st != SC_STR) ||
	    j->tok + n > JSON_TOKEN_MAX)
		return 0;
	if (g->quotes % 2)
		j->st = j->st == SC_OUT ? SC_STR : SC_OUT;
	if (j->st == SC_STR) {
		j->tok = g->quotes ? n - g->last_quote - 1 : j->tok + n;
		return 1;
	}
	/* outside a string: the bare word at the end, if any */
	size_t k = n;
	while (k > 0 && byte_class[p[k - 1]] == B_WORD)
		k--;
	j->tok = k == 0 && !g->quotes ? j->tok + n : n - k;
	return 1;
}

/* The rest of a byte order mark begun (j->bom bytes) at *data: dropped
 * when whole; its bytes handed to yajl (which refuses them) when not one.
 * The bytes left, or -1 at an error. */
static size_t bom_rest(struct json *j, const unsigned char **data, size_t n)
{
	static const unsigned char mark[] = {0xEF, 0xBB, 0xBF};
	while (j->bom < 3 && n && **data == mark[j->bom])
		j->bom++, ++*data, n--;
	if (j->bom == 3 || !n) {
		if (j->bom == 3)
			j->bom = 0;
		return n; /* dropped, or to be finished by the next slice */
	}
	int seen = j->bom;
	j->bom = 0;
	return parse(j, mark, (size_t)seen) != 0 ? (size_t)-1 : n;
}

int json_feed(struct json *j, const unsigned char *data, size_t n)
{
	if (j->failed)
		return -1;
	if (j->bom && (n = bom_rest(j, &data, n)) == (size_t)-1)
		return -1;
	if (!j->started && n) {
		j->started = 1;
		if (n >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
			data += 3, n -= 3;
	}
	if (!n)
		return 0;
	struct glance g;
	glance_at(data, n, &g);
	int plain = !g.not_ascii;
	/* a string open at the slice's start began after the start of the
	 * last slice that started outside one: all since then must be plain;
	 * and the slice before too, should yajl hand a string over late */
	j->run_plain = plain && (j->st == SC_OUT || j->run_plain);
	j->ascii = j->run_plain && j->clean_before;
	j->clean_before = plain;
	if (quick_scan(j, data, n, &g))
		return parse(j, data, n);
	while (n) {
		const char *why = NULL;
		unsigned code = 0;
		size_t clean = scan(j, data, n, &why, &code);
		if (clean && parse(j, data, clean) != 0)
			return -1;
		if (clean == n)
			break;
		if (why == bom) {
			/* a byte order mark between the documents of a sequence is
			 * dropped (its start may end the slice); any other 0xEF is
			 * yajl's to refuse */
			data += clean, n -= clean;
			if (j->sequence && j->depth == 0) {
				j->bom = 1;
				data++, n--;
				if ((n = bom_rest(j, &data, n)) == (size_t)-1)
					return -1;
				continue;
			}
			if (parse(j, data, 1) != 0)
				return -1;
			data++, n--;
			continue;
		}
		/* the line of the byte in question: parse counted up to it */
		if (strstr(why, "limit"))
			json_fail_at(j, j->line, "%s (%zu bytes)", why, j->tok_max);
		else if (code)
			json_fail_at(j, j->line, "invalid JSON: a lone %s surrogate \\u%04X", why,
				     code);
		else
			json_fail_at(j, j->line, "%s", why);
		return -1;
	}
	return 0;
}

int json_end(struct json *j)
{
	if (j->failed)
		return -1;
	if (j->bom) { /* the start of a byte order mark, and the end */
		static const unsigned char mark[] = {0xEF, 0xBB, 0xBF};
		int seen = j->bom;
		j->bom = 0;
		if (parse(j, mark, (size_t)seen) != 0)
			return -1;
	}
	j->slice = NULL;
	yajl_status st = yajl_complete_parse(j->y);
	if (j->failed)
		return -1;
	if (!j->any)
		return json_fail_at(j, j->line, "empty: no JSON value");
	if (st == yajl_status_error) {
		json_fail_at(j, j->line, "invalid JSON: the file ends %s (cut short?)",
			     j->st != SC_OUT ? "inside a string" : "inside the document");
		return -1;
	}
	if (st != yajl_status_ok)
		return json_fail_at(j, j->line, "reading stopped");
	return 0;
}
