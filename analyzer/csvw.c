#include "csvw.h"

#include "bytescan.h"

void wbuf_init(struct wbuf *b, FILE *f, char *storage, size_t cap)
{
	b->f = f;
	b->buf = storage;
	b->len = 0;
	b->cap = cap;
	b->sink = NULL;
	b->sink_ctx = NULL;
}

int wbuf_flush(struct wbuf *b)
{
	size_t n = b->len;
	b->len = 0;
	if (b->sink)
		return n ? b->sink(b->sink_ctx, b->buf, n) : 0;
	return n && fwrite(b->buf, 1, n, b->f) != n ? -1 : 0;
}

void wbuf_write_slow(struct wbuf *b, const void *s, size_t n)
{
	wbuf_flush(b);
	if (n >= b->cap / 2) {
		if (b->sink)
			b->sink(b->sink_ctx, s, n);
		else
			fwrite(s, 1, n, b->f); /* a short write sets the FILE's error flag */
		return;
	}
	memcpy(b->buf, s, n);
	b->len = n;
}

size_t wbuf_format_u64(char *out, uint64_t v)
{
	/* two digits at a time */
	static const char pairs[] = "00010203040506070809101112131415161718192021222324"
				    "25262728293031323334353637383940414243444546474849"
				    "50515253545556575859606162636465666768697071727374"
				    "75767778798081828384858687888990919293949596979899";
	char tmp[20];
	size_t n = 0;
	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		n += 2;
		memcpy(tmp + sizeof tmp - n, pairs + 2 * r, 2);
	}
	if (v >= 10) {
		n += 2;
		memcpy(tmp + sizeof tmp - n, pairs + 2 * v, 2);
	} else {
		tmp[sizeof tmp - ++n] = (char)('0' + v);
	}
	memcpy(out, tmp + sizeof tmp - n, n);
	return n;
}

void wbuf_u64(struct wbuf *b, uint64_t v)
{
	wbuf_commit(b, wbuf_format_u64(wbuf_room(b, 20), v));
}

void wbuf_i64(struct wbuf *b, int64_t v)
{
	if (v < 0) {
		wbuf_char(b, '-');
		wbuf_u64(b, 0 - (uint64_t)v);
	} else {
		wbuf_u64(b, (uint64_t)v);
	}
}

void csvw_init(struct csvw *w, FILE *f)
{
	w->f = f;
	w->col = 0;
	w->hold = 0;
	wbuf_init(&w->out, f, w->store, sizeof w->store);
}

void csvw_hold(struct csvw *w)
{
	w->hold = 1;
}

int csvw_flush(struct csvw *w)
{
	return wbuf_flush(&w->out);
}

/* The bytes that make a cell quoted: , " LF CR. */
static const unsigned char special_byte[256] = {[','] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 1};

/* Writes a quoted cell's text at o, each " doubled, span by span; returns
 * the end. */
static char *quoted(char *o, const char *s, size_t n)
{
	const char *end = s + n;
	for (;;) {
		const char *q = memchr(s, '"', (size_t)(end - s));
		size_t span = q ? (size_t)(q - s) + 1 : (size_t)(end - s);
		memcpy(o, s, span);
		o += span;
		if (!q)
			return o;
		*o++ = '"';
		s = q + 1;
	}
}

/* Whether any of the eight bytes x is one of , " LF CR. */
static int has_special8(uint64_t x)
{
	return (wbuf_has_zero(x ^ WBUF_ONES * ',') | wbuf_has_zero(x ^ WBUF_ONES * '"') |
		wbuf_has_zero(x ^ WBUF_ONES * '\n') | wbuf_has_zero(x ^ WBUF_ONES * '\r')) != 0;
}

/* A cell; special: whether it holds a byte that makes it quoted, or -1 when
 * not known yet. */
static inline __attribute__((always_inline)) void cell(struct csvw *w, const char *s, size_t n,
							 int special)
{
	int formula = n && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
			    s[0] == '\t' || s[0] == '\r');
	int quote = formula || (n && (s[0] == ' ' || s[n - 1] == ' '));
	const unsigned char *u = (const unsigned char *)s;
	if (special >= 0)
		quote |= special;
	else
		for (size_t i = 0; i < n && !quote; i++)
			quote = special_byte[u[i]];

	struct wbuf *b = &w->out;
	size_t most = (quote ? 2 * n + 3 : n) + 1; /* , " ' text (quotes doubled) " */
	if (most > b->cap) {
		/* a cell larger than the buffer: written in spans */
		if (w->col++)
			wbuf_char(b, ',');
		if (!quote) {
			wbuf_put(b, s, n);
			return;
		}
		wbuf_put(b, formula ? "\"'" : "\"", formula ? 2 : 1);
		for (const char *end = s + n; s < end;) {
			const char *q = memchr(s, '"', (size_t)(end - s));
			size_t span = q ? (size_t)(q - s) + 1 : (size_t)(end - s);
			wbuf_put(b, s, span);
			if (q)
				wbuf_char(b, '"');
			s += span;
		}
		wbuf_char(b, '"');
		return;
	}
	char *o = wbuf_room(b, most), *start = o;
	if (w->col++)
		*o++ = ',';
	if (!quote) {
		memcpy(o, s, n);
		o += n;
	} else {
		*o++ = '"';
		if (formula)
			*o++ = '\'';
		o = quoted(o, s, n);
		*o++ = '"';
	}
	wbuf_commit(b, (size_t)(o - start));
}

void csvw_cell(struct csvw *w, const char *s, size_t n)
{
	cell(w, s, n, -1);
}

void csvw_str(struct csvw *w, const char *s)
{
	if (!s) {
		cell(w, "", 0, 0);
		return;
	}
	/* the end, then the bytes that make a quoted cell: sixteen at a time
	 * (bytescan), the last sixteen overlapping those before; eight, the
	 * last eight overlapping, in a shorter cell; byte by byte in one
	 * shorter still */
	size_t n = strlen(s), i = 0;
	int special = 0;
	if (n >= 16) {
		for (; i + 16 <= n && !special; i += 16)
			special = bytescan_eq4(s + i, ',', '"', '\n', '\r') != 0;
		if (!special && i < n)
			special = bytescan_eq4(s + n - 16, ',', '"', '\n', '\r') != 0;
	} else if (n >= 8) {
		special = has_special8(wbuf_load8(s)) || has_special8(wbuf_load8(s + n - 8));
	} else {
		for (; i < n && !special; i++)
			special = special_byte[(unsigned char)s[i]];
	}
	cell(w, s, n, special);
}

void csvw_i64(struct csvw *w, int64_t v)
{
	char buf[24];
	size_t n = v < 0 ? 0 : wbuf_format_u64(buf, (uint64_t)v);
	csvw_cell(w, buf, n);
}

void csvw_end(struct csvw *w)
{
	wbuf_char(&w->out, '\n');
	w->col = 0;
	if (!w->hold)
		wbuf_flush(&w->out);
}
