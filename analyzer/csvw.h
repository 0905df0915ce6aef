/* csvw: writing CSV for people who open it in a spreadsheet. Cells are
 * quoted when needed (RFC 4180, LF line ends), and a cell a spreadsheet
 * would run as a formula (starting with = + - @, tab or carriage return)
 * is neutralised with a leading apostrophe.
 *
 * wbuf: output gathered in a buffer and written whole to a FILE with
 * fwrite (the csv and json writers fill it; no stdio call per cell). A
 * write that falls short sets the FILE's error flag, which whoever closes
 * the FILE checks. A struct wbuf borrows its FILE and its storage. A wbuf
 * with a sink (set after wbuf_init) gives what it flushes to the sink
 * instead of its FILE (sortout.h collects lines so).
 *
 * A struct csvw borrows its FILE and holds its buffer (not to be copied
 * once initialised). By default each row is written when it ends; after
 * csvw_hold, rows are written when the buffer is full and at csvw_flush,
 * which the holder must call before anything else writes to the FILE. */
#ifndef ALMAUDIT_CSVW_H
#define ALMAUDIT_CSVW_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct wbuf {
	FILE *f;
	char *buf;
	size_t len, cap;
	int (*sink)(void *ctx, const char *p, size_t n); /* NULL: written to f */
	void *sink_ctx;
};

/* A buffer of cap bytes at storage, written to f. */
void wbuf_init(struct wbuf *b, FILE *f, char *storage, size_t cap);
/* Writes what is buffered: 0, or -1 when fwrite fell short. */
int wbuf_flush(struct wbuf *b);
/* Room for n more bytes (n <= cap), flushing first when needed: where to
 * write them; wbuf_commit(b, n) then counts the n written. */
static inline char *wbuf_room(struct wbuf *b, size_t n)
{
	if (b->cap - b->len < n)
		wbuf_flush(b);
	return b->buf + b->len;
}
static inline void wbuf_commit(struct wbuf *b, size_t n)
{
	b->len += n;
}
void wbuf_write_slow(struct wbuf *b, const void *s, size_t n);
static inline void wbuf_put(struct wbuf *b, const void *s, size_t n)
{
	if (b->cap - b->len >= n) {
		memcpy(b->buf + b->len, s, n);
		b->len += n;
	} else {
		wbuf_write_slow(b, s, n);
	}
}
static inline void wbuf_char(struct wbuf *b, char c)
{
	if (b->len == b->cap)
		wbuf_flush(b);
	b->buf[b->len++] = c;
}
static inline void wbuf_str(struct wbuf *b, const char *s)
{
	wbuf_put(b, s, strlen(s));
}
/* Whether any byte of the 8 in x is zero, below n (n <= 128), or above n
 * (n <= 127): the word-at-a-time tests of the writers' scans (exact for
 * "any"; which byte is not told). */
#define WBUF_ONES 0x0101010101010101ull
#define WBUF_HIGHS 0x8080808080808080ull
static inline uint64_t wbuf_has_zero(uint64_t x)
{
	return (x - WBUF_ONES) & ~x & WBUF_HIGHS;
}
static inline uint64_t wbuf_has_less(uint64_t x, unsigned n)
{
	return (x - WBUF_ONES * n) & ~x & WBUF_HIGHS;
}
static inline uint64_t wbuf_has_more(uint64_t x, unsigned n)
{
	return ((x + WBUF_ONES * (127 - n)) | x) & WBUF_HIGHS;
}
static inline uint64_t wbuf_load8(const void *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	return x;
}

/* Writes v in decimal (by hand, no printf). */
void wbuf_u64(struct wbuf *b, uint64_t v);
void wbuf_i64(struct wbuf *b, int64_t v);
/* The decimal digits of v at out (at least 20 bytes), their count returned. */
size_t wbuf_format_u64(char *out, uint64_t v);

#define CSVW_BUF (128 * 1024)

struct csvw {
	FILE *f;
	int col;  /* cells written on the current row */
	int hold; /* csvw_hold: rows wait for a full buffer or csvw_flush */
	struct wbuf out;
	char store[CSVW_BUF];
};

void csvw_init(struct csvw *w, FILE *f);
/* Rows are written when the buffer is full and at csvw_flush. */
void csvw_hold(struct csvw *w);
/* Writes what is buffered: 0, or -1 when a write fell short. */
int csvw_flush(struct csvw *w);
void csvw_cell(struct csvw *w, const char *s, size_t n);
void csvw_str(struct csvw *w, const char *s); /* NULL writes an empty cell */
void csvw_i64(struct csvw *w, int64_t v);     /* negative writes an empty cell */
void csvw_end(struct csvw *w);

#endif
