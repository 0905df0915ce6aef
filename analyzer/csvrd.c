#include "csvrd.h"

#include "csvline.h"
#include "diag.h"
#include "reader.h"
#include "textenc.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/* libcsv 3's parser state "in a field" (FIELD_BEGUN in libcsv.c): with
 * quoted set, the parser is inside a quoted field. */
#define LIBCSV_FIELD_BEGUN 2

/* The header lookahead: how much text is read before the first row to find
 * the header line for csvrd_detect. */
#define LOOKAHEAD_MAX (64u * 1024u)

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
	unsigned char delim; /* ',', ';' or '\t' */

	const unsigned char *ibuf; /* the source's current chunk */
	size_t ipos, ilen;
	const unsigned char *cr_at; /* its next CR from ipos on, or its end; NULL: not looked for */
	int started;		   /* the header lookahead has been done */
	int src_state;		   /* 0 live, 1 ended, -1 failed (src_why says why) */
	const char *src_why;

	/* the text made UTF-8 (UTF-16 transcoded, Windows-1252 bytes read) */
	struct textenc enc;
	int enc_ended; /* textenc_end has given what it carried */

	/* bytes read before the source's next: the header lookahead, and the
	 * lines after a damaged row's first, read again */
	unsigned char *pbuf;
	size_t ppos, plen, pcap;
	/* the lines an open row has taken after its first, kept to read them
	 * again should it prove damaged (at most CSVRD_QUOTED_BYTES_MAX) */
	unsigned char *raw;
	size_t rawlen, rawcap;
	const char *damage;

	csvrd_score_fn score; /* csvrd_detect's */
	void *score_ctx;
	int comments;

	/* the row being built; complete once row_ready */
	char *rbuf;
	size_t rlen, rcap;
	size_t *foff, *flen;
	const char **fptr;
	size_t nf, fcap;
	size_t nseen; /* the fields of the row, those past CSVRD_FIELDS_MAX too */
	int flags;
	int row_ready;
	long ready_line;
	int no_fast; /* every line through libcsv (tests compare the two paths) */
	int final;   /* the fast path has made fptr and flen as handed out */
	struct csvline split; /* the fast path's splitter */
};

static void *limited_realloc(void *p, size_t n)
{
	/* libcsv grows its field buffer through this: refusing past the
	 * limit stops a hostile field from taking memory. */
	if (n > CSVRD_FIELD_MAX + 1)
		return NULL;
	return realloc(p, n);
}

/* Spaces around fields when tab is the delimiter: a tab is no space then. */
static int space_not_tab(unsigned char c)
{
	return c == ' ';
}

static void parser_delim(struct csv_parser *p, unsigned char delim)
{
	csv_set_delim(p, delim);
	csv_set_space_func(p, delim == '\t' ? space_not_tab : NULL);
}

static int parser_start(struct csvrd *r)
{
	if (csv_init(&r->csv, 0) != 0)
		return -1;
	csv_set_realloc_func(&r->csv, limited_realloc);
	csv_set_blk_size(&r->csv, 4096);
	parser_delim(&r->csv, r->delim);
	return 0;
}

/* 1 when c pads a field: a space, or a tab unless tab is the delimiter. */
static int is_pad(const struct csvrd *r, unsigned char c)
{
	return c == ' ' || (c == '\t' && r->delim != '\t');
}

void csvrd_set_line(struct csvrd *r, long line)
{
	r->line = line;
}

struct csvrd *csvrd_open_reader(struct reader *rd, const char *name)
{
	struct csvrd *r = calloc(1, sizeof *r);
	if (r)
		r->delim = ',';
	if (!r || !(r->name = strdup(name)) || parser_start(r) != 0) {
		if (r)
			free(r->name);
		free(r);
		reader_close(rd);
		diag_error(name, 0, "out of memory");
		return NULL;
	}
	r->delim = ',';
	r->line = 1;
	r->rd = rd;
	return r;
}

struct csvrd *csvrd_open(const char *path, const char *name)
{
	struct reader *rd = reader_open(path);
	return rd ? csvrd_open_reader(rd, name) : NULL;
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
	csvline_free(&r->split);
	textenc_free(&r->enc);
	free(r->pbuf);
	free(r->raw);
	free(r);
}

/* White space around a cell's value: spaces, tabs and line ends. */
static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

void csvrd_set_fast(struct csvrd *r, int fast)
{
	r->no_fast = !fast;
}

void csvrd_read_here(struct csvrd *r)
{
	reader_here(r->rd);
}

int csvrd_is_gzip(const struct csvrd *r)
{
	return reader_is_gzip(r->rd);
}

char csvrd_delim(const struct csvrd *r)
{
	return (char)r->delim;
}

const char *csvrd_encoding(const struct csvrd *r)
{
	return textenc_name(&r->enc);
}

void csvrd_detect(struct csvrd *r, csvrd_score_fn score, void *ctx, int comments)
{
	r->score = score;
	r->score_ctx = ctx;
	r->comments = comments;
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
	r->nseen++;
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
		if (c == r->delim) {
			r->skip = SKIP_FIELD_START;
		} else if (c == '\n' || c == '\r') {
			r->skip = SKIP_NONE;
			on_row(c, r);
			return i + 1;
		}
	}
	return n;
}

/* The fast path: a whole line that starts a row, split by csvline when
 * every field is plain or simply quoted, in one copy of the line; the
 * fields come out as csvrd_next hands them out (r->final). A blank line is
 * no row. Any other line, a line of more than CSVRD_FIELDS_MAX fields, and
 * every line that continues a row, go through libcsv. Returns 1 when it
 * took the line. */
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
	while (first < len && is_pad(r, s[first]))
		first++;
	if (first == len)
		return memchr(s, '"', n) == NULL; /* a blank line is no row */
	/* room for the last mask word's bytes, read whole */
	if (grow_row(r, len + 64) != 0)
		return 0;
	char *line = r->rbuf;
	memcpy(line, s, len);
	line[len] = '\0'; /* no pad nor quote: it ends the loops below */
	/* room for every field the line could hold */
	size_t most = len + 2 < CSVRD_FIELDS_MAX ? len + 2 : CSVRD_FIELDS_MAX;
	while (r->fcap < most)
		if (grow_fields(r) != 0)
			return 0;
	size_t nf;
	int took = csvline_split(&r->split, line, len, (char)r->delim, CSVRD_FIELDS_MAX, r->fptr,
				 r->flen, &nf);
	if (took <= 0) {
		r->nf = r->nseen = 0;
		r->rlen = 0;
		r->flags = 0;
		return 0;
	}
	r->nf = r->nseen = nf;
	r->rlen = len + 1;
	r->row_ready = 1;
	r->final = 1;
	r->ready_line = r->line;
	return 1;
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
			if (!is_pad(r, s[i]) && s[i] != '\r' && s[i] != '\n') {
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

/* Makes room for need bytes in *buf (capacity *cap); -1 out of memory. */
static int grow_bytes(unsigned char **buf, size_t *cap, size_t need)
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

/* The next chunk of text from the file, UTF-8: 1, 0 at its end, -1 with
 * *why set (nothing reported). A UTF-16 byte order mark at the start turns
 * transcoding on; bytes that are no UTF-8 are read as Windows-1252. */
static int source_chunk(struct csvrd *r, const unsigned char **data, size_t *len,
			const char **why)
{
	int got = reader_chunk(r->rd, data, len, why);
	if (got < 0)
		return -1;
	if (got == 0) {
		if (r->enc_ended)
			return 0;
		r->enc_ended = 1;
		if (textenc_end(&r->enc, data, len, why) != 0)
			return -1;
		return *len ? 1 : 0; /* the bytes a cut sequence left */
	}
	return textenc_chunk(&r->enc, *data, *len, data, len, why) == 0 ? 1 : -1;
}

/* Reads more input into ibuf; 1 read, 0 end of input, -1 error (*why set,
 * nothing reported: the caller decides). Once ended or failed, stays so. */
static int refill(struct csvrd *r, const char **why)
{
	if (r->src_state) {
		*why = r->src_why;
		return r->src_state < 0 ? -1 : 0;
	}
	int got = source_chunk(r, &r->ibuf, &r->ilen, why);
	r->ipos = 0;
	r->cr_at = NULL;
	if (got <= 0) {
		r->ilen = 0;
		r->src_state = got < 0 ? -1 : 1;
		r->src_why = *why;
	}
	return got;
}

/* The line after `skip` others of s[0..n) that is not blank (nor a comment
 * when the caller has comments): its start and length in *at, *len; 1 when
 * that line has its line end within s. */
static int header_line(const struct csvrd *r, const unsigned char *s, size_t n, unsigned skip,
		       size_t *at, size_t *len)
{
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && s[e] != '\n' && s[e] != '\r')
			e++;
		size_t k = i;
		while (k < e && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k < e && !(r->comments && s[k] == '#') && !skip--) {
			*at = i;
			*len = e - i;
			return e < n;
		}
		if (e == n)
			break;
		i = e + 1;
	}
	*at = i;
	*len = n - i;
	return 0;
}

struct score {
	const struct csvrd *r;
	size_t hits;
};

static void score_field(void *s, size_t n, void *data)
{
	struct score *sc = data;
	const char *f = s;
	while (n && is_blank(f[0]))
		f++, n--;
	while (n && is_blank(f[n - 1]))
		n--;
	if (n > 2 && (unsigned char)f[0] == 0xEF && (unsigned char)f[1] == 0xBB &&
	    (unsigned char)f[2] == 0xBF)
		f += 3, n -= 3;
	sc->hits += sc->r->score(f, n, sc->r->score_ctx) > 0;
}

/* Cells of line s[0..n) split at delim that the caller's score accepts. */
static size_t header_hits(const struct csvrd *r, const unsigned char *s, size_t n,
			  unsigned char delim)
{
	struct csv_parser p;
	struct score sc = {r, 0};
	if (csv_init(&p, 0) != 0)
		return 0;
	parser_delim(&p, delim);
	csv_parse(&p, s, n, score_field, NULL, &sc);
	csv_fini(&p, score_field, NULL, &sc);
	csv_free(&p);
	return sc.hits;
}

/* Reads ahead into pbuf until the line after `skip` others not blank is
 * whole (or LOOKAHEAD_MAX bytes, or the source's end): 1 when it is. */
static int read_ahead(struct csvrd *r, unsigned skip)
{
	size_t at, len;
	for (;;) {
		if (r->plen && header_line(r, r->pbuf, r->plen, skip, &at, &len))
			return 1;
		if (r->plen >= LOOKAHEAD_MAX || r->src_state)
			return 0;
		const char *why = NULL;
		int got = refill(r, &why);
		if (got <= 0)
			return 0;
		if (!r->ilen)
			continue; /* a refill that gave no bytes (a transcoder holding a part) */
		if (grow_bytes(&r->pbuf, &r->pcap, r->plen + r->ilen) != 0) {
			r->src_state = -1;
			r->src_why = "out of memory";
			return 0;
		}
		memcpy(r->pbuf + r->plen, r->ibuf, r->ilen);
		r->plen += r->ilen;
		r->ipos = r->ilen = 0;
	}
}

/* Before the first row: reads ahead to the header line (at most
 * LOOKAHEAD_MAX bytes, kept in pbuf to be read as usual), drops a UTF-8 byte
 * order mark and detects the delimiter when asked to: from the first line
 * not blank, or, when no delimiter makes two of its cells known (a title
 * line above the header), from the next CSVRD_TITLE_LINES lines, the first
 * that one delimiter makes two known. The source's end or failure is kept
 * for when pbuf has been read. */
static void lookahead(struct csvrd *r)
{
	size_t at, len, best = 0;
	read_ahead(r, 0);
	r->started = 1;
	if (r->plen >= 3 && r->pbuf[0] == 0xEF && r->pbuf[1] == 0xBB && r->pbuf[2] == 0xBF)
		r->ppos = 3; /* a UTF-8 byte order mark opens the file */
	if (!r->score || !r->pbuf || r->ppos >= r->plen)
		return; /* nothing to look at: no header line, the default stands */
	static const unsigned char delims[] = {',', ';', '\t'};
	int whole = 1;
	for (unsigned skip = 0; skip <= CSVRD_TITLE_LINES && best < 2 && whole; skip++) {
		if (skip)
			whole = read_ahead(r, skip); /* not whole: the last line, if any */
		header_line(r, r->pbuf + r->ppos, r->plen - r->ppos, skip, &at, &len);
		for (size_t i = 0; i < sizeof delims; i++) {
			size_t hits = header_hits(r, r->pbuf + r->ppos + at, len, delims[i]);
			if (hits > best) {
				best = hits;
				r->delim = delims[i];
			}
		}
	}
	parser_delim(&r->csv, r->delim);
}

/* 1 when the open row is inside a quoted field. */
static int in_quotes(const struct csvrd *r)
{
	if (r->skip != SKIP_NONE)
		return r->skip == SKIP_QUOTED;
	return r->row_open && r->csv.quoted && r->csv.pstate == LIBCSV_FIELD_BEGUN;
}

/* The open row is damaged (a quote never closed): hands it out flagged,
 * with the fields before the quote, and reads the lines after its first
 * again, then what was pending. -1 (reported) when out of memory. */
static int damaged(struct csvrd *r, const char *where)
{
	r->flags |= CSVROW_UNTERMINATED;
	r->damage = where;
	r->row_ready = 1;
	r->ready_line = r->row_line;
	r->row_open = 0;
	r->skip = SKIP_NONE;
	csv_free(&r->csv);
	size_t rest = r->plen - r->ppos;
	if (parser_start(r) != 0 || grow_bytes(&r->pbuf, &r->pcap, r->rawlen + rest) != 0) {
		diag_error(r->name, r->row_line, "out of memory");
		return -1;
	}
	memmove(r->pbuf + r->rawlen, r->pbuf + r->ppos, rest);
	if (r->rawlen)
		memcpy(r->pbuf, r->raw, r->rawlen);
	r->plen = r->rawlen + rest;
	r->ppos = 0;
	r->rawlen = 0;
	r->line = r->row_line + 1;
	r->pending_cr = 0;
	return 0;
}

/* The input has ended with nothing left to read again: ends the last row
 * (flagged when it had no line end). */
static void at_end(struct csvrd *r)
{
	if (r->skip != SKIP_NONE) {
		r->skip = SKIP_NONE;
		on_row(-1, r);
		r->flags |= CSVROW_NO_LINE_END;
	} else {
		int open = r->row_open;
		csv_fini(&r->csv, on_field, on_row, r);
		if (open && r->row_ready)
			r->flags |= CSVROW_NO_LINE_END;
	}
	r->eof = 1;
}

/* Feeds input until a row is ready or the input ends: 1 ready, 0 end, -1
 * error (a row cut short may then be ready too). */
static int pump(struct csvrd *r)
{
	if (!r->started)
		lookahead(r);
	while (!r->row_ready) {
		if (r->eof)
			return 0;
		const unsigned char *p;
		size_t n;
		int pending = r->ppos < r->plen;
		if (pending) {
			p = r->pbuf + r->ppos;
			n = r->plen - r->ppos;
		} else if (r->ipos < r->ilen) {
			p = r->ibuf + r->ipos;
			n = r->ilen - r->ipos;
		} else {
			const char *why = NULL;
			int got = refill(r, &why);
			if (got > 0)
				continue;
			if (in_quotes(r)) {
				/* a stray quote swallowed the rest: read it again */
				if (damaged(r, got < 0 ? "where the input fails"
							: "at the end of the file") != 0)
					goto fail;
				continue;
			}
			if (got < 0) {
				diag_error(r->name, r->line, "%s", why);
				csv_fini(&r->csv, on_field, on_row, r);
				r->eof = 1;
				return -1;
			}
			at_end(r);
			continue;
		}
		const unsigned char *nl = memchr(p, '\n', n);
		size_t seg = nl ? (size_t)(nl - p) + 1 : n;
		const unsigned char *cr;
		if (pending) {
			cr = memchr(p, '\r', seg);
		} else {
			/* the chunk's next CR, looked for once until passed */
			if (!r->cr_at || r->cr_at < p) {
				r->cr_at = memchr(p, '\r', n);
				if (!r->cr_at)
					r->cr_at = p + n;
			}
			cr = r->cr_at < p + seg ? r->cr_at : NULL;
		}
		if (cr && (cr + 1 == p + n || cr[1] != '\n'))
			seg = (size_t)(cr - p) + 1; /* a lone CR ends a line too */
		/* the LF of a CRLF the chunk split belongs to the line before */
		int cr_tail = seg == 1 && p[0] == '\n' && r->pending_cr;
		if (r->row_open && r->line > r->row_line && !(cr_tail && r->rawlen == 0)) {
			/* a line the open row takes past its first */
			if (!cr_tail && (r->line - r->row_line >= CSVRD_QUOTED_LINES_MAX ||
					 r->rawlen + seg > CSVRD_QUOTED_BYTES_MAX)) {
				if (damaged(r, r->line - r->row_line >= CSVRD_QUOTED_LINES_MAX
						       ? "after 100 lines"
						       : "after 1 MiB") != 0)
					goto fail;
				continue;
			}
			if (grow_bytes(&r->raw, &r->rawcap, r->rawlen + seg) != 0) {
				diag_error(r->name, r->line, "out of memory");
				goto fail;
			}
			memcpy(r->raw + r->rawlen, p, seg);
			r->rawlen += seg;
		}
		if (pending)
			r->ppos += seg;
		else
			r->ipos += seg;
		if (feed(r, p, seg) != 0)
			goto fail;
	}
	return 1;
fail:
	r->eof = 1;
	return -1;
}

static void row_clear(struct csvrd *r)
{
	r->rlen = 0;
	r->nf = r->nseen = 0;
	r->flags = 0;
	r->row_ready = 0;
	r->final = 0;
}

size_t csvrd_fields_seen(const struct csvrd *r)
{
	return r->nseen;
}

static int next_row(struct csvrd *r, struct csvrow *row);

int csvrd_next(struct csvrd *r, struct csvrow *row)
{
	for (;;) {
		int got = next_row(r, row);
		if (got <= 0 || (row->flags & ~CSVROW_NO_LINE_END))
			return got;
		/* a row of empty cells (",,,,", Excel's padding of a blank
		 * line) is a blank line */
		size_t i = 0;
		while (i < row->n && !row->len[i])
			i++;
		if (i < row->n)
			return got;
	}
}

static int next_row(struct csvrd *r, struct csvrow *row)
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
	if (r->final)
		goto out; /* the fast path's fields, as they are handed out */
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
out:
	row->line = r->ready_line;
	row->n = r->nf;
	row->field = r->fptr;
	row->len = r->flen;
	row->flags = r->flags;
	row->damage = r->flags & CSVROW_UNTERMINATED ? r->damage : "";
	row->part = 0;
	return 1;
}
