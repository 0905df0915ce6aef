#include "ingest.h"

#include "csvw.h"
#include "diag.h"
#include "reader.h"
#include "times.h"

#include <csv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define INGEST_BUFFER (128u * 1024u)

/* Recovering from a field past INGEST_FIELD_MAX: the rest of its row is
 * skipped by this small scanner, which knows only CSV quoting. */
enum skip {
	SKIP_NONE,
	SKIP_QUOTED,	 /* inside a quoted field */
	SKIP_QUOTE_SEEN, /* a quote inside a quoted field: closing or doubled */
	SKIP_UNQUOTED,	 /* inside an unquoted field */
	SKIP_FIELD_START /* after a delimiter */
};

enum { ROW_FIELD_TOO_LARGE = 1, ROW_TOO_LARGE = 2 };

struct ingest {
	const struct columns *cols;
	struct tally *tally;
	struct csvw rejects;
	int has_rejects;

	/* the open file */
	struct reader *rd;
	const char *path; /* the tally's copy of the name */
	int file;	  /* index in the tally */
	enum run_env env;
	int open, eof, header_done;
	struct csv_parser csv;
	long line;	/* physical line of the next byte fed */
	int pending_cr; /* the last byte fed was a CR: an LF next belongs to it */
	int row_open;	/* a row has begun and not ended */
	long row_line;	/* where it began */
	enum skip skip;

	unsigned char *ibuf;
	size_t ipos, ilen;

	/* the row being built, then the row ready to be read */
	char *rbuf;
	size_t rlen, rcap;
	size_t *foff, *flen;
	size_t nf, fcap;
	int row_flags;
	int row_ready;
	long ready_line;

	/* the header of the open file, kept to recognise it repeated */
	char *hbuf;
	size_t hlen;
	size_t *hoff, *hflen;
	size_t hn;
	int map[COL_COUNT];

	char status[64];
};

static void *limited_realloc(void *p, size_t n)
{
	/* libcsv grows its field buffer through this: refusing past the
	 * limit stops a hostile field from taking memory. */
	if (n > INGEST_FIELD_MAX + 1)
		return NULL;
	return realloc(p, n);
}

static int csv_start(struct ingest *in)
{
	if (csv_init(&in->csv, 0) != 0)
		return -1;
	csv_set_realloc_func(&in->csv, limited_realloc);
	csv_set_blk_size(&in->csv, 4096);
	return 0;
}

struct ingest *ingest_new(const struct columns *cols, struct tally *tally, FILE *rejects)
{
	struct ingest *in = calloc(1, sizeof *in);
	if (!in || !(in->ibuf = malloc(INGEST_BUFFER))) {
		free(in);
		diag_error(NULL, 0, "out of memory");
		return NULL;
	}
	in->cols = cols;
	in->tally = tally;
	if (rejects) {
		csvw_init(&in->rejects, rejects);
		in->has_rejects = 1;
		csvw_str(&in->rejects, "file");
		csvw_str(&in->rejects, "line");
		csvw_str(&in->rejects, "reason");
		csvw_str(&in->rejects, "detail");
		csvw_str(&in->rejects, "fields");
		csvw_end(&in->rejects);
	}
	return in;
}

void ingest_free(struct ingest *in)
{
	if (!in)
		return;
	ingest_close(in);
	free(in->ibuf);
	free(in->rbuf);
	free(in->foff);
	free(in->flen);
	free(in->hbuf);
	free(in->hoff);
	free(in->hflen);
	free(in);
}

static void oom(struct ingest *in)
{
	diag_error(in->path, in->line, "out of memory");
}

/* libcsv callback: one field of the current row. */
static void on_field(void *s, size_t n, void *data)
{
	struct ingest *in = data;
	if (in->nf >= INGEST_FIELDS_MAX || in->rlen + n + 1 > INGEST_ROW_MAX) {
		in->row_flags |= ROW_TOO_LARGE;
		return;
	}
	if (in->nf == in->fcap) {
		size_t cap = in->fcap ? in->fcap * 2 : 32;
		size_t *o = realloc(in->foff, cap * sizeof *o);
		if (o)
			in->foff = o;
		size_t *l = realloc(in->flen, cap * sizeof *l);
		if (l)
			in->flen = l;
		if (!o || !l) {
			in->row_flags |= ROW_TOO_LARGE;
			return;
		}
		in->fcap = cap;
	}
	if (in->rlen + n + 1 > in->rcap) {
		size_t cap = in->rcap ? in->rcap : 4096;
		while (cap < in->rlen + n + 1)
			cap *= 2;
		char *b = realloc(in->rbuf, cap);
		if (!b) {
			in->row_flags |= ROW_TOO_LARGE;
			return;
		}
		in->rbuf = b;
		in->rcap = cap;
	}
	if (n)
		memcpy(in->rbuf + in->rlen, s, n);
	in->rbuf[in->rlen + n] = '\0';
	in->foff[in->nf] = in->rlen;
	in->flen[in->nf] = n;
	in->nf++;
	in->rlen += n + 1;
}

/* libcsv callback: the end of the current row. */
static void on_row(int c, void *data)
{
	struct ingest *in = data;
	(void)c;
	in->row_ready = 1;
	in->ready_line = in->row_line;
	in->row_open = 0;
}

static void row_clear(struct ingest *in)
{
	in->rlen = 0;
	in->nf = 0;
	in->row_flags = 0;
	in->row_ready = 0;
}

/* Runs the skip scanner over s; returns the bytes it consumed (all of s, or
 * up to and including the row terminator that ends the skip). */
static size_t skip_scan(struct ingest *in, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		switch (in->skip) {
		case SKIP_QUOTED:
			if (c == '"')
				in->skip = SKIP_QUOTE_SEEN;
			continue;
		case SKIP_QUOTE_SEEN:
			if (c == '"') {
				in->skip = SKIP_QUOTED;
				continue;
			}
			in->skip = SKIP_UNQUOTED;
			break;
		case SKIP_FIELD_START:
			if (c == '"') {
				in->skip = SKIP_QUOTED;
				continue;
			}
			in->skip = SKIP_UNQUOTED;
			break;
		default:
			break;
		}
		if (c == ',') {
			in->skip = SKIP_FIELD_START;
		} else if (c == '\n' || c == '\r') {
			in->skip = SKIP_NONE;
			on_row(c, in);
			return i + 1;
		}
	}
	return n;
}

/* Feeds one segment (ending at a line break or at the end of the buffer) to
 * the parser, then counts the line it ends. Returns -1 on a parser failure
 * other than a field past the limit. */
static int feed(struct ingest *in, const unsigned char *s, size_t n)
{
	size_t done = 0;

	if (!in->row_open) {
		for (size_t i = 0; i < n; i++)
			if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') {
				in->row_open = 1;
				in->row_line = in->line;
				break;
			}
	}
	while (done < n) {
		if (in->skip != SKIP_NONE) {
			done += skip_scan(in, s + done, n - done);
			continue;
		}
		size_t used = csv_parse(&in->csv, s + done, n - done, on_field, on_row, in);
		done += used;
		if (done == n)
			break;
		int err = csv_error(&in->csv);
		if (err != CSV_ENOMEM && err != CSV_ETOOBIG) {
			diag_error(in->path, in->line, "CSV parser failed: %s", csv_strerror(err));
			return -1;
		}
		/* A field past the limit: reject its row, skip to the row's end
		 * and carry on with a fresh parser. */
		in->skip = in->csv.quoted ? SKIP_QUOTED : SKIP_UNQUOTED;
		in->row_flags |= ROW_FIELD_TOO_LARGE;
		csv_free(&in->csv);
		if (csv_start(in) != 0) {
			oom(in);
			return -1;
		}
	}
	unsigned char last = s[n - 1];
	if (last == '\n') {
		if (!(n == 1 && in->pending_cr))
			in->line++;
		in->pending_cr = 0;
	} else if (last == '\r') {
		in->line++;
		in->pending_cr = 1;
	} else {
		in->pending_cr = 0;
	}
	return 0;
}

/* Reads more input; 1 read, 0 end of input, -1 error (reported). */
static int refill(struct ingest *in)
{
	const char *why = NULL;
	ssize_t got = reader_read(in->rd, in->ibuf, INGEST_BUFFER, &why);
	if (got < 0) {
		diag_error(in->path, in->line, "%s", why);
		return -1;
	}
	in->ipos = 0;
	in->ilen = (size_t)got;
	return got > 0;
}

/* Feeds input until a row is ready or the input ends. 1 row ready, 0 end,
 * -1 error. After an error a partial row may still be ready: the caller
 * rejects it as truncated. */
static int pump(struct ingest *in)
{
	while (!in->row_ready) {
		if (in->eof)
			return 0;
		if (in->ipos == in->ilen) {
			int r = refill(in);
			if (r < 0) {
				csv_fini(&in->csv, on_field, on_row, in);
				in->eof = 1;
				return -1;
			}
			if (r == 0) {
				if (in->skip != SKIP_NONE) {
					in->skip = SKIP_NONE;
					on_row(-1, in);
				} else {
					csv_fini(&in->csv, on_field, on_row, in);
				}
				in->eof = 1;
				continue;
			}
		}
		const unsigned char *p = in->ibuf + in->ipos;
		size_t n = in->ilen - in->ipos;
		const unsigned char *nl = memchr(p, '\n', n);
		size_t seg = nl ? (size_t)(nl - p) + 1 : n;
		const unsigned char *cr = memchr(p, '\r', seg);
		if (cr && (cr + 1 == p + n || cr[1] != '\n'))
			seg = (size_t)(cr - p) + 1; /* a lone CR ends a line too */
		if (in->line == 1 && in->ipos == 0 && !in->header_done && n >= 3 &&
		    p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
			in->ipos += 3; /* UTF-8 byte order mark */
			continue;
		}
		in->ipos += seg;
		if (feed(in, p, seg) != 0)
			return -1;
	}
	return 1;
}

static const char *cell(const struct ingest *in, size_t i, size_t *len)
{
	*len = in->flen[i];
	return in->rbuf + in->foff[i];
}

/* The text of canonical column c in the ready row ("" when unmapped). */
static const char *col(const struct ingest *in, enum col c, size_t *len)
{
	if (in->map[c] < 0) {
		*len = 0;
		return "";
	}
	return cell(in, (size_t)in->map[c], len);
}

static void trim(const char **s, size_t *n)
{
	while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static void reject(struct ingest *in, enum reject_reason why, const char *fmt, ...)
	DIAG_PRINTF(3, 4);

static void reject(struct ingest *in, enum reject_reason why, const char *fmt, ...)
{
	in->tally->rejected[why]++;
	if (!in->has_rejects)
		return;
	char detail[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	csvw_str(&in->rejects, in->path);
	csvw_i64(&in->rejects, in->ready_line);
	csvw_str(&in->rejects, tally_reject_name(why));
	csvw_str(&in->rejects, detail);
	for (size_t i = 0; i < in->nf; i++) {
		size_t n;
		const char *s = cell(in, i, &n);
		csvw_cell(&in->rejects, s, n);
	}
	csvw_end(&in->rejects);
}

static int parse_u64(const char *s, size_t n, int commas, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	size_t digits = 0;
	trim(&s, &n);
	if (!n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (commas && s[i] == ',' && digits && i + 1 < n)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (v > (max - (uint64_t)(s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
		digits++;
	}
	*out = v;
	return 0;
}

static int parse_time_col(struct ingest *in, enum col c, int64_t *out)
{
	size_t n;
	const char *s = col(in, c, &n);
	*out = TIME_NONE;
	trim(&s, &n);
	if (!n)
		return 0;
	if (times_parse(s, n, out) == 0)
		return 0;
	reject(in, REJ_BAD_TIME, "%s '%.*s'", columns_name(c), n > 64 ? 64 : (int)n, s);
	return -1;
}

/* Types the ready row into *run. 0 ok, -1 rejected (counted). */
static int make_run(struct ingest *in, struct run *run)
{
	size_t n;
	const char *s;

	if (in->row_flags & ROW_FIELD_TOO_LARGE) {
		reject(in, REJ_FIELD_TOO_LARGE, "a field is longer than %u bytes",
		       INGEST_FIELD_MAX);
		return -1;
	}
	if (in->row_flags & ROW_TOO_LARGE) {
		reject(in, REJ_FIELD_TOO_LARGE, "the row is longer than %u bytes or %u fields",
		       INGEST_ROW_MAX, INGEST_FIELDS_MAX);
		return -1;
	}
	if (in->nf != in->hn) {
		reject(in, REJ_FIELD_COUNT, "expected %zu fields, found %zu", in->hn, in->nf);
		return -1;
	}
	memset(run, 0, sizeof *run);
	run->file = in->path;
	run->line = in->ready_line;

	s = col(in, COL_ID, &n);
	trim(&s, &n);
	if (!n) {
		reject(in, REJ_EMPTY_ID, "the id is empty");
		return -1;
	}
	if (parse_u64(s, n, 0, UINT64_MAX, &run->id) != 0) {
		reject(in, REJ_BAD_ID, "id '%.*s' is not a number", n > 64 ? 64 : (int)n, s);
		return -1;
	}

	if (parse_time_col(in, COL_SUBMIT_TIME, &run->submit_time) ||
	    parse_time_col(in, COL_START_TIME, &run->start_time) ||
	    parse_time_col(in, COL_END_TIME, &run->end_time))
		return -1;
	run->time = run->start_time != TIME_NONE    ? run->start_time
		    : run->submit_time != TIME_NONE ? run->submit_time
						    : run->end_time;
	if (run->time == TIME_NONE) {
		reject(in, REJ_NO_TIME, "no start, submit or end time");
		return -1;
	}

	run->job_id = col(in, COL_JOB_ID, &n);
	s = col(in, COL_TYPE, &n);
	if (run_type_parse(s, n, &run->type) != 0) {
		reject(in, REJ_BAD_TYPE, "type '%.*s' is not MANUAL, SCHEDULED or OTHER",
		       n > 64 ? 64 : (int)n, s);
		return -1;
	}
	if (run->type == RUN_TYPE_UNKNOWN && run->job_id[0] && run->job_id[1] >= '0' &&
	    run->job_id[1] <= '9') {
		/* Alma job ids say the type: M manual, S scheduled, O other. */
		if (run->job_id[0] == 'M')
			run->type = RUN_MANUAL;
		else if (run->job_id[0] == 'S')
			run->type = RUN_SCHEDULED;
		else if (run->job_id[0] == 'O')
			run->type = RUN_OTHER;
	}

	run->env = in->env;
	s = col(in, COL_ENVIRONMENT, &n);
	trim(&s, &n);
	if (n && run_env_parse(s, n, &run->env) != 0) {
		reject(in, REJ_BAD_ENVIRONMENT, "environment '%.*s' is not production or sandbox",
		       n > 64 ? 64 : (int)n, s);
		return -1;
	}

	uint64_t v;
	run->records = -1;
	s = col(in, COL_RECORDS, &n);
	trim(&s, &n);
	if (n) {
		if (parse_u64(s, n, 1, (uint64_t)1 << 53, &v) != 0) {
			reject(in, REJ_BAD_RECORDS, "total_records '%.*s' is not a count",
			       n > 64 ? 64 : (int)n, s);
			return -1;
		}
		run->records = (int64_t)v;
	}

	run->progress = -1;
	s = col(in, COL_PROGRESS, &n);
	trim(&s, &n);
	if (n && s[n - 1] == '%')
		n--;
	if (n) {
		if (parse_u64(s, n, 0, 100, &v) != 0) {
			reject(in, REJ_BAD_PROGRESS, "progress '%.*s' is not a percentage",
			       n > 64 ? 64 : (int)n, s);
			return -1;
		}
		run->progress = (int)v;
	}

	s = col(in, COL_STATUS, &n);
	run->status = run_status_code(s, n, in->status, sizeof in->status);
	run->name = col(in, COL_NAME, &n);
	run->category = col(in, COL_CATEGORY, &n);
	run->user = col(in, COL_USER, &n);
	run->user_name = col(in, COL_USER_NAME, &n);
	run->set_name = col(in, COL_SET_NAME, &n);
	return 0;
}

static int is_repeated_header(const struct ingest *in)
{
	if (in->nf != in->hn)
		return 0;
	for (size_t i = 0; i < in->nf; i++) {
		size_t n;
		const char *s = cell(in, i, &n);
		if (n != in->hflen[i] || memcmp(s, in->hbuf + in->hoff[i], n) != 0)
			return 0;
	}
	return 1;
}

/* Drops a byte order mark that starts the row (an export concatenated to
 * another brings its own). */
static void strip_bom(struct ingest *in)
{
	if (in->nf && in->flen[0] >= 3 && memcmp(in->rbuf + in->foff[0], "\xEF\xBB\xBF", 3) == 0) {
		in->foff[0] += 3;
		in->flen[0] -= 3;
	}
}

static int take_header(struct ingest *in)
{
	int explicit[COL_COUNT] = {0};

	for (int c = 0; c < COL_COUNT; c++)
		in->map[c] = -1;
	free(in->hbuf);
	free(in->hoff);
	free(in->hflen);
	in->hbuf = malloc(in->rlen ? in->rlen : 1);
	in->hoff = malloc((in->nf ? in->nf : 1) * sizeof *in->hoff);
	in->hflen = malloc((in->nf ? in->nf : 1) * sizeof *in->hflen);
	if (!in->hbuf || !in->hoff || !in->hflen) {
		oom(in);
		return -1;
	}
	memcpy(in->hbuf, in->rbuf, in->rlen);
	memcpy(in->hoff, in->foff, in->nf * sizeof *in->hoff);
	memcpy(in->hflen, in->flen, in->nf * sizeof *in->hflen);
	in->hlen = in->rlen;
	in->hn = in->nf;

	for (size_t i = 0; i < in->nf; i++) {
		size_t n;
		const char *s = cell(in, i, &n);
		int ex, c = columns_lookup(in->cols, s, n, &ex);
		if (c < 0)
			continue;
		if (in->map[c] < 0 || (ex && !explicit[c])) {
			in->map[c] = (int)i;
			explicit[c] = ex;
		}
	}

	static const enum col required[] = {COL_ID, COL_NAME};
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		enum col c = required[i];
		if (in->map[c] < 0) {
			diag_error(in->path, in->ready_line,
				   "missing required column '%s' (accepted headers: %s; or name "
				   "yours with --column %s=HEADER)",
				   columns_name(c), columns_accepted(c), columns_name(c));
			return -1;
		}
	}
	if (in->map[COL_USER] < 0 && in->map[COL_USER_NAME] < 0) {
		diag_error(in->path, in->ready_line,
			   "missing required column 'submitted_by' or 'submitted_by_desc' "
			   "(accepted headers: %s, %s; or name yours with --column)",
			   columns_accepted(COL_USER), columns_accepted(COL_USER_NAME));
		return -1;
	}
	if (in->map[COL_SUBMIT_TIME] < 0 && in->map[COL_START_TIME] < 0 &&
	    in->map[COL_END_TIME] < 0) {
		diag_error(in->path, in->ready_line,
			   "missing required column: one of start_time, submit_time, end_time "
			   "(accepted headers: %s, %s, %s; or name yours with --column)",
			   columns_accepted(COL_START_TIME), columns_accepted(COL_SUBMIT_TIME),
			   columns_accepted(COL_END_TIME));
		return -1;
	}
	in->header_done = 1;
	return 0;
}

static void mark_incomplete(struct ingest *in)
{
	in->tally->files[in->file].incomplete = 1;
	in->tally->incomplete = 1;
}

int ingest_open(struct ingest *in, const char *path, enum run_env env)
{
	ingest_close(in);
	/* standard input is named as grep and gcc name it */
	int file = tally_add_file(in->tally, strcmp(path, "-") ? path : "(standard input)", env);
	if (file < 0)
		return -1;
	in->file = file;
	in->path = in->tally->files[file].name;
	in->env = env;
	in->line = 1;
	in->pending_cr = 0;
	in->row_open = 0;
	in->skip = SKIP_NONE;
	in->ipos = in->ilen = 0;
	in->eof = 0;
	in->header_done = 0;
	in->hn = 0;
	row_clear(in);
	in->rd = reader_open(path);
	if (!in->rd) {
		mark_incomplete(in);
		return -1;
	}
	if (csv_start(in) != 0) {
		reader_close(in->rd);
		in->rd = NULL;
		oom(in);
		mark_incomplete(in);
		return -1;
	}
	in->open = 1;
	int r = pump(in);
	in->tally->files[file].gzip = reader_is_gzip(in->rd);
	if (r <= 0) {
		if (r == 0)
			diag_error(in->path, 0, "empty file: no header row");
		mark_incomplete(in);
		ingest_close(in);
		return -1;
	}
	strip_bom(in);
	if (take_header(in) != 0) {
		mark_incomplete(in);
		ingest_close(in);
		return -1;
	}
	row_clear(in);
	return 0;
}

int ingest_next(struct ingest *in, struct run *run)
{
	if (!in->open)
		return 0;
	for (;;) {
		int r = pump(in);
		if (r == 0)
			return 0;
		if (r < 0) {
			mark_incomplete(in);
			if (in->row_ready) {
				/* the row the damage cut short */
				in->tally->read++;
				in->tally->files[in->file].rows++;
				reject(in, REJ_TRUNCATED, "the input stopped inside this row");
			}
			ingest_close(in);
			return -1;
		}
		strip_bom(in);
		if (is_repeated_header(in)) {
			in->tally->headers++;
			row_clear(in);
			continue;
		}
		in->tally->read++;
		in->tally->files[in->file].rows++;
		int ok = make_run(in, run) == 0;
		row_clear(in);
		if (ok)
			return 1;
	}
}

void ingest_close(struct ingest *in)
{
	if (!in->open && !in->rd)
		return;
	if (in->rd)
		reader_close(in->rd);
	in->rd = NULL;
	if (in->open)
		csv_free(&in->csv);
	in->open = 0;
}
