#include "csvrd.h"

#include "diag.h"
#include "reader.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/* Recovering from a field past CSVRD_FIELD_MAX: the rest of its row is
 * skipped by this small scanner, which knows only CSV quoting. */
enum skip {
	SKIP_NONE,
	SKIP_QUOTED,	 /* inside a quoted field */
	SKIP_QUOTE_SEEN, /* a quote inside a quoted field: closing or doubled */
	SKIP_UNQUOTED,	 /* inside an unquoted field */
	SKIP_FIELD_START /* after a delimiter */
};

struct csvrd {
	struct reader *rd;
	char *name;
	struct csv_parser csv;
	int eof, failed;
	long line;	/* physical line of the next byte fed */
	int pending_cr; /* the last byte fed was a CR: an LF next belongs to it */
	int row_open;	/* a row has begun and not ended */
	long row_line;	/* where it began */
	enum skip skip;

	const unsigned char *ibuf; /* the reader's current chunk */
	size_t ipos, ilen;
	int started;		   /* a chunk has been read */

	/* the row being built; complete once row_ready */
	char *rbuf;
	size_t rlen, rcap;
	size_t *foff, *flen;
	const char **fptr;
	size_t nf, fcap;
	int flags;
	int row_ready;
	long ready_line;
	int no_fast; /* every line through libcsv (tests compare the two paths) */
};

static void *limited_realloc(void *p, size_t n)
{
	/* libcsv grows its field buffer through this: refusing past the
	 * limit stops a hostile field from taking memory. */
	if (n > CSVRD_FIELD_MAX + 1)
		return NULL;
	return realloc(p, n);
}

static int parser_start(struct csvrd *r)
{
	if (csv_init(&r->csv, 0) != 0)
		return -1;
	csv_set_realloc_func(&r->csv, limited_realloc);
	csv_set_blk_size(&r->csv, 4096);
	return 0;
}

struct csvrd *csvrd_open(const char *path, const char *name)
{
	struct csvrd *r = calloc(1, sizeof *r);
	if (!r || !(r->name = strdup(name)) || parser_start(r) != 0) {
		if (r)
			free(r->name);
		free(r);
		diag_error(name, 0, "out of memory");
		return NULL;
	}
	r->line = 1;
	r->rd = reader_open(path);
	if (!r->rd) {
		csv_free(&r->csv);
		free(r->name);
		free(r);
		return NULL;
	}
	return r;
}

void csvrd_close(struct csvrd *r)
{
	if (!r)
		return;
	reader_close(r->rd);
	csv_free(&r->csv);
	free(r->name);
	free(r->rbuf);
	free(r->foff);
	free(r->flen);
	free(r->fptr);
	free(r);
}

/* White space around a cell's value: spaces, tabs and line ends. */
static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

void csvrd_trim(const char **s, size_t *n)
{
	while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

void csvrd_set_fast(struct csvrd *r, int fast)
{
	r->no_fast = !fast;
}

int csvrd_is_gzip(const struct csvrd *r)
{
	return reader_is_gzip(r->rd);
}

/* Makes room for `need` bytes in the row buffer; -1 when out of memory. The
 * new bytes are zeroed: SIMD code (PCRE2's JIT) may read past a string's
 * end within its buffer, and what it reads there should be defined. */
static int grow_row(struct csvrd *r, size_t need)
{
	if (need <= r->rcap)
		return 0;
	size_t cap = r->rcap ? r->rcap : 4096;
	while (cap < need)
		cap *= 2;
	char *b = realloc(r->rbuf, cap);
	if (!b)
		return -1;
	memset(b + r->rcap, 0, cap - r->rcap);
	r->rbuf = b;
	r->rcap = cap;
	return 0;
}

/* Doubles the field arrays; -1 when out of memory. */
static int grow_fields(struct csvrd *r)
{
	size_t cap = r->fcap ? r->fcap * 2 : 32;
	size_t *o = realloc(r->foff, cap * sizeof *o);
	if (o)
		r->foff = o;
	size_t *l = realloc(r->flen, cap * sizeof *l);
	if (l)
		r->flen = l;
	const char **p = realloc(r->fptr, cap * sizeof *p);
	if (p)
		r->fptr = p;
	if (!o || !l || !p)
		return -1;
	r->fcap = cap;
	return 0;
}

/* libcsv callback: one field of the current row. */
static void on_field(void *s, size_t n, void *data)
{
	struct csvrd *r = data;
	if (r->nf >= CSVRD_FIELDS_MAX || r->rlen + n + 1 > CSVRD_ROW_MAX) {
		r->flags |= CSVROW_TOO_LARGE;
		return;
	}
	if (r->nf == r->fcap && grow_fields(r) != 0) {
		r->flags |= CSVROW_TOO_LARGE;
		return;
	}
	if (grow_row(r, r->rlen + n + 1) != 0) {
		r->flags |= CSVROW_TOO_LARGE;
		return;
	}
	if (n)
		memcpy(r->rbuf + r->rlen, s, n);
	r->rbuf[r->rlen + n] = '\0';
	r->foff[r->nf] = r->rlen;
	r->flen[r->nf] = n;
	r->nf++;
	r->rlen += n + 1;
}

/* libcsv callback: the end of the current row. */
static void on_row(int c, void *data)
{
	struct csvrd *r = data;
	(void)c;
	r->row_ready = 1;
	r->ready_line = r->row_line;
	r->row_open = 0;
}

/* Runs the skip scanner over s; returns the bytes it consumed (all of s, or
 * up to and including the row terminator that ends the skip). */
static size_t skip_scan(struct csvrd *r, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		switch (r->skip) {
		case SKIP_QUOTED:
			if (c == '"')
				r->skip = SKIP_QUOTE_SEEN;
			continue;
		case SKIP_QUOTE_SEEN:
			if (c == '"') {
				r->skip = SKIP_QUOTED;
				continue;
			}
			r->skip = SKIP_UNQUOTED;
			break;
		case SKIP_FIELD_START:
			if (c == '"') {
				r->skip = SKIP_QUOTED;
				continue;
			}
			r->skip = SKIP_UNQUOTED;
			break;
		default:
			break;
		}
		if (c == ',') {
			r->skip = SKIP_FIELD_START;
		} else if (c == '\n' || c == '\r') {
			r->skip = SKIP_NONE;
			on_row(c, r);
			return i + 1;
		}
	}
	return n;
}

/* The fast path: a whole line that starts a row is split here when every
 * field is plain (no quote) or simply quoted ("text", no quote inside), by
 * libcsv's rules: comma separated, spaces and tabs around plain fields and
 * around quotes dropped, quoted text kept as it is, a blank line no row. It
 * costs one copy of the line. Any other line, and every line that continues
 * a row, goes through libcsv. Returns 1 when it took the line. */
static int fast_line(struct csvrd *r, const unsigned char *s, size_t n)
{
	size_t len = n;
	if (r->no_fast || r->row_open || r->skip != SKIP_NONE || n > CSVRD_FIELD_MAX)
		return 0;
	if (s[len - 1] == '\n')
		len--;
	else if (s[len - 1] != '\r')
		return 0; /* not a whole line: the rest comes with the next chunk */
	if (len && s[len - 1] == '\r')
		len--;
	size_t first = 0;
	while (first < len && (s[first] == ' ' || s[first] == '\t'))
		first++;
	if (first == len)
		return memchr(s, '"', n) == NULL; /* a blank line is no row */
	if (grow_row(r, len + 1) != 0)
		return 0;
	memcpy(r->rbuf, s, len);
	r->rbuf[len] = '\0';
	r->nf = 0;
	char *line = r->rbuf, *end = line + len, *p = line;
	for (;;) {
		char *a, *b, *next;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p < end && *p == '"') {
			a = p + 1;
			b = memchr(a, '"', (size_t)(end - a));
			if (!b)
				goto slow;
			next = b + 1;
			while (next < end && (*next == ' ' || *next == '\t'))
				next++;
			if (next < end && *next != ',')
				goto slow; /* a doubled quote, or text after the quote */
		} else {
			a = p;
			next = memchr(p, ',', (size_t)(end - p));
			if (!next)
				next = end;
			if (memchr(a, '"', (size_t)(next - a)))
				goto slow;
			b = next;
			while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
				b--;
		}
		*b = '\0';
		if (r->nf >= CSVRD_FIELDS_MAX) {
			r->flags |= CSVROW_TOO_LARGE;
		} else if (r->nf == r->fcap && grow_fields(r) != 0) {
			r->flags |= CSVROW_TOO_LARGE;
		} else {
			r->foff[r->nf] = (size_t)(a - line);
			r->flen[r->nf] = (size_t)(b - a);
			r->nf++;
		}
		if (next >= end)
			break;
		p = next + 1;
		if (p == end) {
			/* a comma ends the line: one more, empty field */
			if (r->nf < CSVRD_FIELDS_MAX && (r->nf < r->fcap || grow_fields(r) == 0)) {
				r->foff[r->nf] = len;
				r->flen[r->nf] = 0;
				r->nf++;
			} else {
				r->flags |= CSVROW_TOO_LARGE;
			}
			break;
		}
	}
	r->rlen = len + 1;
	r->row_ready = 1;
	r->ready_line = r->line;
	return 1;
slow:
	r->nf = 0;
	r->rlen = 0;
	r->flags = 0;
	return 0;
}

/* Counts the line a segment ends. */
static void count_line(struct csvrd *r, const unsigned char *s, size_t n)
{
	unsigned char last = s[n - 1];
	if (last == '\n') {
		if (!(n == 1 && r->pending_cr))
			r->line++;
		r->pending_cr = 0;
	} else if (last == '\r') {
		r->line++;
		r->pending_cr = 1;
	} else {
		r->pending_cr = 0;
	}
}

/* Feeds one segment (ending at a line break or at the end of the buffer) to
 * the parser, then counts the line it ends. -1 (reported) on a parser
 * failure other than a field past the limit. */
static int feed(struct csvrd *r, const unsigned char *s, size_t n)
{
	size_t done = 0;

	if (fast_line(r, s, n)) {
		count_line(r, s, n);
		return 0;
	}
	if (!r->row_open) {
		for (size_t i = 0; i < n; i++)
			if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') {
				r->row_open = 1;
				r->row_line = r->line;
				break;
			}
	}
	while (done < n) {
		if (r->skip != SKIP_NONE) {
			done += skip_scan(r, s + done, n - done);
			continue;
		}
		done += csv_parse(&r->csv, s + done, n - done, on_field, on_row, r);
		if (done == n)
			break;
		int err = csv_error(&r->csv);
		if (err != CSV_ENOMEM && err != CSV_ETOOBIG) {
			diag_error(r->name, r->line, "CSV parser failed: %s", csv_strerror(err));
			return -1;
		}
		/* A field past the limit: flag its row, skip to the row's end
		 * and carry on with a fresh parser. */
		r->skip = r->csv.quoted ? SKIP_QUOTED : SKIP_UNQUOTED;
		r->flags |= CSVROW_FIELD_TOO_LARGE;
		csv_free(&r->csv);
		if (parser_start(r) != 0) {
			diag_error(r->name, r->line, "out of memory");
			return -1;
		}
	}
	count_line(r, s, n);
	return 0;
}

/* Reads more input; 1 read, 0 end of input, -1 error (reported). */
static int refill(struct csvrd *r)
{
	const char *why = NULL;
	int got = reader_chunk(r->rd, &r->ibuf, &r->ilen, &why);
	if (got < 0) {
		diag_error(r->name, r->line, "%s", why);
		return -1;
	}
	if (got == 0) {
		r->ipos = r->ilen = 0;
		return 0;
	}
	r->ipos = 0;
	if (!r->started && r->ilen >= 3 && r->ibuf[0] == 0xEF && r->ibuf[1] == 0xBB &&
	    r->ibuf[2] == 0xBF)
		r->ipos = 3; /* a UTF-8 byte order mark opens the file */
	r->started = 1;
	return 1;
}

/* Feeds input until a row is ready or the input ends: 1 ready, 0 end, -1
 * error (a row cut short may then be ready too). */
static int pump(struct csvrd *r)
{
	while (!r->row_ready) {
		if (r->eof)
			return 0;
		if (r->ipos == r->ilen) {
			int got = refill(r);
			if (got < 0) {
				csv_fini(&r->csv, on_field, on_row, r);
				r->eof = 1;
				return -1;
			}
			if (got == 0) {
				if (r->skip != SKIP_NONE) {
					r->skip = SKIP_NONE;
					on_row(-1, r);
				} else {
					csv_fini(&r->csv, on_field, on_row, r);
				}
				r->eof = 1;
			}
			continue; /* a chunk may hold nothing past a byte order mark */
		}
		const unsigned char *p = r->ibuf + r->ipos;
		size_t n = r->ilen - r->ipos;
		const unsigned char *nl = memchr(p, '\n', n);
		size_t seg = nl ? (size_t)(nl - p) + 1 : n;
		const unsigned char *cr = memchr(p, '\r', seg);
		if (cr && (cr + 1 == p + n || cr[1] != '\n'))
			seg = (size_t)(cr - p) + 1; /* a lone CR ends a line too */
		r->ipos += seg;
		if (feed(r, p, seg) != 0) {
			r->eof = 1;
			return -1;
		}
	}
	return 1;
}

static void row_clear(struct csvrd *r)
{
	r->rlen = 0;
	r->nf = 0;
	r->flags = 0;
	r->row_ready = 0;
}

int csvrd_next(struct csvrd *r, struct csvrow *row)
{
	if (r->row_ready)
		row_clear(r); /* the row handed out last time */
	if (r->failed)
		return -1;
	int got = pump(r);
	if (got < 0) {
		r->failed = 1;
		if (!r->row_ready)
			return -1;
		r->flags |= CSVROW_TRUNCATED;
	} else if (got == 0) {
		return 0;
	}
	for (size_t i = 0; i < r->nf; i++)
		r->fptr[i] = r->rbuf + r->foff[i];
	/* a byte order mark at the start of a later row: an export pasted in */
	if (r->nf && r->flen[0] >= 3 && memcmp(r->fptr[0], "\xEF\xBB\xBF", 3) == 0) {
		r->fptr[0] += 3;
		r->flen[0] -= 3;
	}
	/* A cell's value is trimmed whether quoted or not: libcsv (and the
	 * fast path) drop the white space around a plain cell, not inside
	 * quotes, and "  Change Physical Items" must read as its job. */
	for (size_t i = 0; i < r->nf; i++) {
		char *f = r->rbuf + (size_t)(r->fptr[i] - r->rbuf);
		size_t n = r->flen[i];
		while (n && is_blank(f[0]))
			f++, n--;
		while (n && is_blank(f[n - 1]))
			n--;
		f[n] = '\0';
		r->fptr[i] = f;
		r->flen[i] = n;
	}
	row->line = r->ready_line;
	row->n = r->nf;
	row->field = r->fptr;
	row->len = r->flen;
	row->flags = r->flags;
	return 1;
}
