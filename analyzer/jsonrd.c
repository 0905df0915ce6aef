#include "jsonrd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void jsonrd_init(struct jsonrd *j, FILE *in, const char *name, const char *doc)
{
	memset(j, 0, sizeof *j);
	j->in = in;
	j->name = name;
	j->doc = doc;
	j->line = 1;
}

void jsonrd_free(struct jsonrd *j)
{
	free(j->buf);
	j->buf = NULL;
	j->len = j->cap = 0;
}

int jsonrd_fail(struct jsonrd *j, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(j->name, j->line, fmt, ap);
	va_end(ap);
	return -1;
}

static int jsonrd_get(struct jsonrd *j)
{
	int c = getc(j->in);
	if (c == '\n')
		j->line++;
	return c;
}

static void jsonrd_unget(struct jsonrd *j, int c)
{
	if (c == EOF)
		return;
	if (c == '\n')
		j->line--;
	ungetc(c, j->in);
}

/* The file ended (or could not be read) where a value or more was due. */
int jsonrd_eof(struct jsonrd *j, const char *where)
{
	if (ferror(j->in))
		return jsonrd_fail(j, "cannot read: %s", strerror(errno));
	return jsonrd_fail(j, "invalid JSON: the file ends %s (cut short?)", where);
}

/* The next character after white space, not consumed (EOF at the end). */
int jsonrd_peek(struct jsonrd *j)
{
	int c;
	do
		c = jsonrd_get(j);
	while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	jsonrd_unget(j, c);
	return c;
}

static int jsonrd_unexpected(struct jsonrd *j, int c, const char *expected)
{
	if (c == EOF)
		return jsonrd_eof(j, "inside the document");
	if (c >= 0x20 && c < 0x7F)
		return jsonrd_fail(j, "invalid JSON: '%c' where %s was expected", c, expected);
	return jsonrd_fail(j, "invalid JSON: byte 0x%02x where %s was expected", c, expected);
}

static int jsonrd_expect(struct jsonrd *j, int want, const char *what)
{
	int c = jsonrd_peek(j);
	if (c != want)
		return jsonrd_unexpected(j, c, what);
	jsonrd_get(j);
	return 0;
}

static int jsonrd_put(struct jsonrd *j, const char *s, size_t n)
{
	if (j->len + n + 1 > j->cap) {
		if (j->len + n + 1 > JSONRD_STRING_MAX)
			return jsonrd_fail(j, "a string longer than %u bytes: not %s",
					   JSONRD_STRING_MAX, j->doc);
		size_t cap = j->cap ? j->cap : 256;
		while (cap < j->len + n + 1)
			cap *= 2;
		char *grown = realloc(j->buf, cap);
		if (!grown)
			return jsonrd_fail(j, "out of memory");
		j->buf = grown;
		j->cap = cap;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->buf[j->len] = '\0';
	return 0;
}

static int jsonrd_hex4(struct jsonrd *j, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		int c = jsonrd_get(j);
		int d = c >= '0' && c <= '9'	 ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;
		if (d < 0)
			return c == EOF ? jsonrd_eof(j, "inside a string")
					: jsonrd_fail(j, "invalid JSON: a \\u escape needs four hex digits");
		v = v * 16 + (unsigned)d;
	}
	*out = v;
	return 0;
}

static int jsonrd_utf8(struct jsonrd *j, unsigned cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80)
		b[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		b[0] = (char)(0xC0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	else if (cp < 0x10000)
		b[0] = (char)(0xE0 | cp >> 12), b[1] = (char)(0x80 | (cp >> 6 & 0x3F)),
		b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	else
		b[0] = (char)(0xF0 | cp >> 18), b[1] = (char)(0x80 | (cp >> 12 & 0x3F)),
		b[2] = (char)(0x80 | (cp >> 6 & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	return jsonrd_put(j, b, n);
}

/* A string, decoded into j->buf. Strict: no raw control characters, only
 * JSON's escapes, surrogates in pairs, well-formed UTF-8, no NUL. */
int jsonrd_string(struct jsonrd *j)
{
	if (jsonrd_expect(j, '"', "a string") != 0)
		return -1;
	j->len = 0;
	if (jsonrd_put(j, "", 0) != 0)
		return -1;
	for (;;) {
		int c = jsonrd_get(j);
		if (c == EOF)
			return jsonrd_eof(j, "inside a string");
		if (c == '"')
			return 0;
		if (c < 0x20)
			return jsonrd_fail(j, "invalid JSON: a control character (0x%02x) inside a string",
					   c);
		if (c == '\\') {
			unsigned cp;
			static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
			c = jsonrd_get(j);
			const char *at = c != EOF && c ? strchr(from, c) : NULL;
			if (at) {
				if (jsonrd_put(j, &to[at - from], 1) != 0)
					return -1;
				continue;
			}
			if (c == EOF)
				return jsonrd_eof(j, "inside a string");
			if (c != 'u')
				return jsonrd_fail(j, "invalid JSON: an unknown escape in a string");
			if (jsonrd_hex4(j, &cp) != 0)
				return -1;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return jsonrd_fail(j, "invalid JSON: a lone low surrogate \\u%04X", cp);
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				unsigned lo;
				if (jsonrd_get(j) != '\\' || jsonrd_get(j) != 'u')
					return jsonrd_fail(j, "invalid JSON: a lone high surrogate \\u%04X",
							   cp);
				if (jsonrd_hex4(j, &lo) != 0)
					return -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return jsonrd_fail(j, "invalid JSON: a lone high surrogate \\u%04X",
							   cp);
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			if (cp == 0)
				return jsonrd_fail(j, "a NUL character (\\u0000) in a string: not %s",
						   j->doc);
			if (jsonrd_utf8(j, cp) != 0)
				return -1;
			continue;
		}
		/* UTF-8: the lead byte says how many continuation bytes follow */
		char b[4] = {(char)c};
		size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
					: c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		for (size_t i = 1; i < n; i++) {
			int d = jsonrd_get(j);
			if (d == EOF || (d & 0xC0) != 0x80) {
				jsonrd_unget(j, d);
				n = 0;
				break;
			}
			b[i] = (char)d;
		}
		unsigned char u0 = (unsigned char)b[0], u1 = (unsigned char)b[1];
		if (n == 3 && ((u0 == 0xE0 && u1 < 0xA0) || (u0 == 0xED && u1 >= 0xA0)))
			n = 0;
		if (n == 4 && ((u0 == 0xF0 && u1 < 0x90) || (u0 == 0xF4 && u1 >= 0x90)))
			n = 0;
		if (!n)
			return jsonrd_fail(j, "invalid UTF-8 inside a string: not %s", j->doc);
		if (jsonrd_put(j, b, n) != 0)
			return -1;
	}
}

/* The next character, not consumed, white space included. */
static int jsonrd_next(struct jsonrd *j)
{
	int c = getc(j->in);
	if (c != EOF)
		ungetc(c, j->in);
	return c;
}

/* A number. *is_int: an integer that fits (then *out holds it). */
int jsonrd_number(struct jsonrd *j, int64_t *out, int *is_int)
{
	char b[64];
	size_t n = 0;
	int c = jsonrd_peek(j), digits = 0;
	*is_int = 1;
#define TAKE()                                                                                     \
	do {                                                                                       \
		if (n + 1 >= sizeof b)                                                             \
			return jsonrd_fail(j, "a number longer than %zu characters", sizeof b - 1);     \
		b[n++] = (char)jsonrd_get(j);                                                          \
		c = jsonrd_next(j);                                                                    \
	} while (0)
	if (c == '-')
		TAKE();
	if (c == '0') {
		TAKE();
		digits = 1;
	} else {
		while (c >= '0' && c <= '9') {
			TAKE();
			digits++;
		}
	}
	if (!digits)
		return jsonrd_fail(j, "invalid JSON: a number without digits");
	if (c == '.') {
		*is_int = 0, digits = 0;
		TAKE();
		while (c >= '0' && c <= '9') {
			TAKE();
			digits++;
		}
		if (!digits)
			return jsonrd_fail(j, "invalid JSON: no digits after a decimal point");
	}
	if (c == 'e' || c == 'E') {
		*is_int = 0, digits = 0;
		TAKE();
		if (c == '+' || c == '-')
			TAKE();
		while (c >= '0' && c <= '9') {
			TAKE();
			digits++;
		}
		if (!digits)
			return jsonrd_fail(j, "invalid JSON: no digits in an exponent");
	}
#undef TAKE
	b[n] = '\0';
	if (*is_int) {
		errno = 0;
		long long v = strtoll(b, NULL, 10);
		if (errno)
			*is_int = 0;
		else
			*out = v;
	}
	return 0;
}

int jsonrd_literal(struct jsonrd *j, const char *word)
{
	for (const char *w = word; *w; w++) {
		int c = jsonrd_get(j);
		if (c != *w)
			return c == EOF ? jsonrd_eof(j, "inside a literal")
					: jsonrd_fail(j, "invalid JSON: not a literal (true, false, null)");
	}
	return 0;
}

/* Reads an object: for each member, member(j, key, ctx) reads the value. */
int jsonrd_object(struct jsonrd *j, jsonrd_member_fn member, void *ctx)
{
	char key[64];
	if (jsonrd_expect(j, '{', "an object") != 0)
		return -1;
	if (++j->depth > JSONRD_DEPTH)
		return jsonrd_fail(j, "JSON nested deeper than %d: not %s", JSONRD_DEPTH,
				   j->doc);
	if (jsonrd_peek(j) == '}') {
		jsonrd_get(j);
		j->depth--;
		return 0;
	}
	for (;;) {
		if (jsonrd_string(j) != 0)
			return -1;
		snprintf(key, sizeof key, "%s", j->buf);
		if (jsonrd_expect(j, ':', "':'") != 0)
			return -1;
		if ((member ? member(j, key, ctx) : jsonrd_skip(j)) != 0)
			return -1;
		int c = jsonrd_peek(j);
		jsonrd_get(j);
		if (c == '}')
			break;
		if (c != ',')
			return jsonrd_unexpected(j, c, "',' or '}'");
	}
	j->depth--;
	return 0;
}

int jsonrd_array(struct jsonrd *j, jsonrd_element_fn element, void *ctx)
{
	if (jsonrd_expect(j, '[', "an array") != 0)
		return -1;
	if (++j->depth > JSONRD_DEPTH)
		return jsonrd_fail(j, "JSON nested deeper than %d: not %s", JSONRD_DEPTH,
				   j->doc);
	if (jsonrd_peek(j) == ']') {
		jsonrd_get(j);
		j->depth--;
		return 0;
	}
	for (;;) {
		if ((element ? element(j, ctx) : jsonrd_skip(j)) != 0)
			return -1;
		int c = jsonrd_peek(j);
		jsonrd_get(j);
		if (c == ']')
			break;
		if (c != ',')
			return jsonrd_unexpected(j, c, "',' or ']'");
	}
	j->depth--;
	return 0;
}

int jsonrd_skip(struct jsonrd *j)
{
	int64_t n;
	int is_int;
	int c = jsonrd_peek(j);
	switch (c) {
	case '{':
		return jsonrd_object(j, NULL, NULL);
	case '[':
		return jsonrd_array(j, NULL, NULL);
	case '"':
		return jsonrd_string(j);
	case 't':
		return jsonrd_literal(j, "true");
	case 'f':
		return jsonrd_literal(j, "false");
	case 'n':
		return jsonrd_literal(j, "null");
	default:
		if (c == '-' || (c >= '0' && c <= '9'))
			return jsonrd_number(j, &n, &is_int);
		return jsonrd_unexpected(j, c, "a value");
	}
}