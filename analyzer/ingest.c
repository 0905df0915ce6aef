#include "ingest.h"

#include "csvrd.h"
#include "csvw.h"
#include "diag.h"
#include "instances.h"
#include "names.h"
#include "times.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ingest {
	const struct columns *cols;
	struct tally *tally;
	struct csvw rejects;
	int has_rejects;

	/* the open file: a CSV export, or the Alma API's job instances */
	struct csvrd *rd;
	struct instances *inst;
	const char *path; /* the tally's copy of the name */
	int file;	  /* index in the tally */
	enum run_env env;
	struct csvrow row; /* the row being typed */

	/* the header of the open file, kept to recognise it repeated */
	char *hbuf;
	size_t hlen;
	size_t *hoff, *hflen;
	size_t hn;
	int map[COL_COUNT];

	char status[64];
	int damaged; /* a damaged row was read past in the open file */
};

struct ingest *ingest_new(const struct columns *cols, struct tally *tally, FILE *rejects)
{
	struct ingest *in = calloc(1, sizeof *in);
	if (!in) {
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
	free(in->hbuf);
	free(in->hoff);
	free(in->hflen);
	free(in);
}

static const char *cell(const struct ingest *in, size_t i, size_t *len)
{
	*len = in->row.len[i];
	return in->row.field[i];
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

static void reject(struct ingest *in, enum reject_reason why, const char *fmt, ...)
	DIAG_PRINTF(3, 4);

static void reject(struct ingest *in, enum reject_reason why, const char *fmt, ...)
{
	char detail[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	tally_reject(in->tally, in->path, in->row.line, why, detail);
	if (!in->has_rejects)
		return;
	csvw_str(&in->rejects, in->path);
	csvw_i64(&in->rejects, in->row.line);
	csvw_str(&in->rejects, tally_reject_name(why));
	csvw_str(&in->rejects, detail);
	for (size_t i = 0; i < in->row.n; i++) {
		size_t n;
		const char *s = cell(in, i, &n);
		csvw_cell(&in->rejects, s, n);
	}
	csvw_end(&in->rejects);
}

/* A number; with commas, its thousands may be grouped ("1,234,567"): the
 * first group of 1 to 3 digits, every later one of 3. */
static int parse_u64(const char *s, size_t n, int commas, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	size_t digits = 0, group = 0; /* digits since the last comma */
	int grouped = 0;
	csvrd_trim(&s, &n);
	if (!n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (commas && s[i] == ',') {
			if (!digits || group > 3 || (grouped && group != 3))
				return -1;
			grouped = 1;
			group = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return -1;
		group++;
		if (v > (max - (uint64_t)(s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
		digits++;
	}
	if (grouped && group != 3)
		return -1;
	*out = v;
	return 0;
}

/* *out in seconds, *ms to the millisecond; TIME_NONE both when empty. */
static int parse_time_col(struct ingest *in, enum col c, int64_t *out, int64_t *ms)
{
	size_t n;
	const char *s = col(in, c, &n);
	*out = *ms = TIME_NONE;
	csvrd_trim(&s, &n);
	if (!n)
		return 0;
	if (times_parse_ms(s, n, ms) == 0) {
		*out = *ms >= 0 ? *ms / 1000 : (*ms - 999) / 1000;
		return 0;
	}
	reject(in, REJ_BAD_TIME, "%s '%.*s'", columns_name(c), n > 64 ? 64 : (int)n, s);
	return -1;
}

static void mark_incomplete(struct ingest *in, int unread);

/* A quoted field that never closed: the row is rejected, the file marked
 * incomplete (the first such damage is the one the report names), and
 * reading goes on with the line after the row's first. */
static void unterminated(struct ingest *in)
{
	diag_error(in->path, in->row.line,
		   "unterminated quote: a quoted field opened in this row is still open %s; the "
		   "row is rejected and reading resumes at line %ld",
		   in->row.damage, in->row.line + 1);
	reject(in, REJ_UNTERMINATED, "a quoted field is still open %s", in->row.damage);
	if (!in->damaged)
		mark_incomplete(in, 0);
	in->tally->files[in->file].resumed = 1;
	in->damaged = 1;
}

/* A last row without line end: said as a warning, on stderr and in the
 * report; the row is read as it is. */
static void no_line_end(struct ingest *in)
{
	diag_error(in->path, in->row.line, "warning: " TALLY_NO_LINE_END);
	in->tally->files[in->file].no_line_end = in->row.line;
}

/* Types the ready row into *run. 0 ok, -1 rejected (counted). */
static int make_run(struct ingest *in, struct run *run)
{
	size_t n;
	const char *s;

	if (in->row.flags & CSVROW_UNTERMINATED) {
		unterminated(in);
		return -1;
	}
	if (in->row.flags & CSVROW_TRUNCATED) {
		reject(in, REJ_TRUNCATED, "the input stopped inside this row");
		return -1;
	}
	if (in->row.flags & CSVROW_FIELD_TOO_LARGE) {
		reject(in, REJ_FIELD_TOO_LARGE, "a field is longer than %u bytes",
		       CSVRD_FIELD_MAX);
		return -1;
	}
	if (in->row.flags & CSVROW_TOO_LARGE) {
		reject(in, REJ_FIELD_TOO_LARGE, "the row is longer than %u bytes or %u fields",
		       CSVRD_ROW_MAX, CSVRD_FIELDS_MAX);
		return -1;
	}
	if (in->row.n != in->hn) {
		reject(in, REJ_FIELD_COUNT, "expected %zu fields, found %zu", in->hn, in->row.n);
		return -1;
	}
	memset(run, 0, sizeof *run);
	run->file = in->path;
	run->line = in->row.line;

	s = col(in, COL_ID, &n);
	csvrd_trim(&s, &n);
	if (!n) {
		reject(in, REJ_EMPTY_ID, "the id is empty");
		return -1;
	}
	if (parse_u64(s, n, 0, UINT64_MAX, &run->id) != 0) {
		reject(in, REJ_BAD_ID, "id '%.*s' is not a number", n > 64 ? 64 : (int)n, s);
		return -1;
	}

	int64_t submit_ms, start_ms, end_ms;
	if (parse_time_col(in, COL_SUBMIT_TIME, &run->submit_time, &submit_ms) ||
	    parse_time_col(in, COL_START_TIME, &run->start_time, &start_ms) ||
	    parse_time_col(in, COL_END_TIME, &run->end_time, &end_ms))
		return -1;
	run->time = run->start_time != TIME_NONE    ? run->start_time
		    : run->submit_time != TIME_NONE ? run->submit_time
						    : run->end_time;
	run->time_ms = start_ms != TIME_NONE ? start_ms : submit_ms != TIME_NONE ? submit_ms : end_ms;
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
		run->type_from_job_id = run->type != RUN_TYPE_UNKNOWN;
	}

	run->env = in->env;
	s = col(in, COL_ENVIRONMENT, &n);
	csvrd_trim(&s, &n);
	if (n && run_env_parse(s, n, &run->env) != 0) {
		reject(in, REJ_BAD_ENVIRONMENT, "environment '%.*s' is not production or sandbox",
		       n > 64 ? 64 : (int)n, s);
		return -1;
	}

	uint64_t v;
	run->records = -1;
	run->no_records_col = in->map[COL_RECORDS] < 0;
	s = col(in, COL_RECORDS, &n);
	csvrd_trim(&s, &n);
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
	csvrd_trim(&s, &n);
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
	if (in->row.n != in->hn)
		return 0;
	for (size_t i = 0; i < in->row.n; i++) {
		size_t n;
		const char *s = cell(in, i, &n);
		if (n != in->hflen[i] || memcmp(s, in->hbuf + in->hoff[i], n) != 0)
			return 0;
	}
	return 1;
}

/* 1 when the header row holds a header of comparison form key. */
static int has_header(const struct ingest *in, const char *key)
{
	char have[COLUMNS_NAME_MAX + 1];
	for (size_t i = 0; i < in->hn; i++)
		if (columns_normalize(in->hbuf + in->hoff[i], in->hflen[i], have) > 0 &&
		    strcmp(have, key) == 0)
			return 1;
	return 0;
}

/* The header of the file nearest to key (a comparison form), as the file
 * writes it, for "did you mean"; NULL when none is close. */
static const char *nearest_header(const struct ingest *in, const char *key)
{
	char have[COLUMNS_NAME_MAX + 1];
	size_t best = SIZE_MAX;
	const char *near = NULL;
	for (size_t i = 0; i < in->hn; i++) {
		if (columns_normalize(in->hbuf + in->hoff[i], in->hflen[i], have) <= 0)
			continue;
		size_t d = names_distance(key, have);
		if (d < best) {
			best = d;
			near = in->hbuf + in->hoff[i];
		}
	}
	return best <= 2 + strlen(key) / 4 ? near : NULL;
}

static int take_header(struct ingest *in)
{
	int explicit[COL_COUNT] = {0};

	for (int c = 0; c < COL_COUNT; c++)
		in->map[c] = -1;
	size_t total = 0, n = in->row.n;
	for (size_t i = 0; i < n; i++)
		total += in->row.len[i] + 1;
	free(in->hbuf);
	free(in->hoff);
	free(in->hflen);
	in->hbuf = malloc(total ? total : 1);
	in->hoff = malloc((n ? n : 1) * sizeof *in->hoff);
	in->hflen = malloc((n ? n : 1) * sizeof *in->hflen);
	if (!in->hbuf || !in->hoff || !in->hflen) {
		diag_error(in->path, in->row.line, "out of memory");
		return -1;
	}
	in->hlen = 0;
	for (size_t i = 0; i < n; i++) {
		memcpy(in->hbuf + in->hlen, in->row.field[i], in->row.len[i] + 1);
		in->hoff[i] = in->hlen;
		in->hflen[i] = in->row.len[i];
		in->hlen += in->row.len[i] + 1;
	}
	in->hn = n;

	for (size_t i = 0; i < n; i++) {
		int ex, c = columns_lookup(in->cols, in->row.field[i], in->row.len[i], &ex);
		if (c < 0)
			continue;
		if (in->map[c] < 0 || (ex && !explicit[c])) {
			in->map[c] = (int)i;
			explicit[c] = ex;
		}
	}

	in->tally->files[in->file].no_records = in->map[COL_RECORDS] < 0;
	/* a --column header this file does not have: the mapping is wrong for
	 * it, and its column would be read as absent */
	for (int c = 0; in->cols && c < COL_COUNT; c++) {
		if (!in->cols->mapped[c] || has_header(in, in->cols->mapped[c]))
			continue;
		const char *near = nearest_header(in, in->cols->mapped[c]);
		diag_error(in->path, in->row.line, "--column %s=%s: the file has no header '%s'%s%s%s",
			   columns_name((enum col)c), in->cols->mapped_raw[c], in->cols->mapped_raw[c],
			   near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
		return -1;
	}

	static const enum col required[] = {COL_ID, COL_NAME};
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		enum col c = required[i];
		if (in->map[c] < 0) {
			diag_error(in->path, in->row.line,
				   "missing required column '%s' (accepted headers: %s; or name "
				   "yours with --column %s=HEADER)",
				   columns_name(c), columns_accepted(c), columns_name(c));
			return -1;
		}
	}
	if (in->map[COL_USER] < 0 && in->map[COL_USER_NAME] < 0) {
		diag_error(in->path, in->row.line,
			   "missing required column 'submitted_by' or 'submitted_by_desc' "
			   "(accepted headers: %s, %s; or name yours with --column)",
			   columns_accepted(COL_USER), columns_accepted(COL_USER_NAME));
		return -1;
	}
	if (in->map[COL_SUBMIT_TIME] < 0 && in->map[COL_START_TIME] < 0 &&
	    in->map[COL_END_TIME] < 0) {
		diag_error(in->path, in->row.line,
			   "missing required column: one of start_time, submit_time, end_time "
			   "(accepted headers: %s, %s, %s; or name yours with --column)",
			   columns_accepted(COL_START_TIME), columns_accepted(COL_SUBMIT_TIME),
			   columns_accepted(COL_END_TIME));
		return -1;
	}
	return 0;
}

/* Marks the open file as not read whole (unread: not at all), keeping the
 * error just reported for the report's own text. */
static void mark_incomplete(struct ingest *in, int unread)
{
	struct tally_file *f = &in->tally->files[in->file];
	const char *why = diag_last(&f->error_line);
	snprintf(f->error, sizeof f->error, "%s", *why ? why : "reading failed");
	f->incomplete = 1;
	f->unread = unread;
	in->tally->incomplete = 1;
}

/* csvrd_detect's score: a header cell the columns know. */
static int known_column(const char *cell, size_t len, void *ctx)
{
	int ex;
	return columns_lookup(ctx, cell, len, &ex) >= 0;
}

/* The Alma API's job instances (JSON) are rows of the canonical columns;
 * an XML response is named, with what to do. */
static int open_instances(struct ingest *in, struct reader *rd, enum instances_kind kind,
			  const char *what)
{
	struct tally_file *f = &in->tally->files[in->file];
	f->gzip = reader_is_gzip(rd);
	if (kind == INSTANCES_XML) {
		reader_close(rd);
		diag_error(in->path, 1,
			   "%s: almaudit reads the API's JSON: ask for it (the header Accept: "
			   "application/json), or use almaudit fetch",
			   what);
		mark_incomplete(in, 1);
		return -1;
	}
	in->inst = instances_open(rd, in->path);
	if (!in->inst) {
		mark_incomplete(in, 1);
		return -1;
	}
	f->json = 1;
	for (int c = 0; c < COL_COUNT; c++)
		in->map[c] = c;
	in->hn = COL_COUNT;
	return 0;
}

/* The next instance of a JSON input, typed as a CSV row is. */
static int next_instance(struct ingest *in, struct run *run)
{
	for (;;) {
		int got = instances_next(in->inst, &in->row);
		if (got == 0)
			return 0;
		if (got < 0) {
			mark_incomplete(in, 0);
			ingest_close(in);
			return -1;
		}
		in->tally->read++;
		in->tally->files[in->file].rows++;
		if (make_run(in, run) != 0)
			continue;
		run->api = 1;
		run->counters = instances_counters(in->inst, &run->ncounters);
		run->set_inferred = instances_set_inferred(in->inst);
		in->tally->sets_inferred += run->set_inferred != 0;
		return 1;
	}
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
	in->hn = 0;
	in->damaged = 0;
	diag_clear_last();
	struct reader *rd = reader_open(path);
	if (!rd) {
		mark_incomplete(in, 1);
		return -1;
	}
	const char *what;
	enum instances_kind kind = instances_sniff(rd, &what);
	if (kind != INSTANCES_OTHER)
		return open_instances(in, rd, kind, what);
	in->rd = csvrd_open_reader(rd, in->path);
	if (!in->rd) {
		mark_incomplete(in, 1);
		return -1;
	}
	csvrd_detect(in->rd, known_column, (void *)in->cols, 0);
	int got = csvrd_next(in->rd, &in->row);
	struct tally_file *f = &in->tally->files[file];
	f->gzip = csvrd_is_gzip(in->rd);
	f->encoding = csvrd_encoding(in->rd);
	f->delim = csvrd_delim(in->rd);
	if (got == 0)
		diag_error(in->path, 0, "empty file: no header row");
	if (got > 0 && (in->row.flags & CSVROW_UNTERMINATED))
		diag_error(in->path, in->row.line,
			   "unterminated quote: a quoted field opened in the header row is still "
			   "open %s",
			   in->row.damage);
	if (got <= 0 || (in->row.flags & (CSVROW_TRUNCATED | CSVROW_UNTERMINATED)) ||
	    take_header(in) != 0) {
		mark_incomplete(in, 1);
		ingest_close(in);
		return -1;
	}
	if (in->row.flags & CSVROW_NO_LINE_END)
		no_line_end(in);
	return 0;
}

int ingest_next(struct ingest *in, struct run *run)
{
	if (in->inst)
		return next_instance(in, run);
	if (!in->rd)
		return 0;
	for (;;) {
		int got = csvrd_next(in->rd, &in->row);
		if (got == 0) {
			if (!in->damaged)
				return 0;
			ingest_close(in); /* read to its end, but a row was lost */
			return -1;
		}
		if (got < 0) {
			mark_incomplete(in, 0);
			in->tally->files[in->file].resumed = 0;
			ingest_close(in);
			return -1;
		}
		if (in->row.flags & CSVROW_NO_LINE_END)
			no_line_end(in);
		if (!(in->row.flags & CSVROW_UNTERMINATED) && is_repeated_header(in)) {
			in->tally->headers++;
			continue;
		}
		in->tally->read++;
		in->tally->files[in->file].rows++;
		if (make_run(in, run) == 0)
			return 1;
	}
}

void ingest_reject_last(struct ingest *in, enum reject_reason why, const char *detail)
{
	reject(in, why, "%s", detail);
}

void ingest_close(struct ingest *in)
{
	csvrd_close(in->rd);
	in->rd = NULL;
	instances_close(in->inst);
	in->inst = NULL;
}
