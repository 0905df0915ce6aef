#include "ingest.h"

#include "cells_in.h"
#include "csvrd.h"
#include "csvw.h"
#include "diag.h"
#include "header.h"
#include "instances.h"
#include "rowpipe.h"
#include "sniff.h"
#include "times.h"

#include <stdarg.h>

/* Rows held at most while no slash date has said day or month first. */
#define INGEST_LOOKAHEAD_ROWS 10000u
#define INGEST_LOOKAHEAD_BYTES (4u * 1024u * 1024u)
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
	struct rowpipe *pipe; /* rd's rows after the header, read ahead (NULL: read here) */
	struct instances *inst;
	const char *path; /* the tally's copy of the name */
	int file;	  /* index in the tally */
	enum run_env env;
	struct csvrow row; /* the row being typed */

	/* the header in force (a header inside the file, exports joined,
	 * replaces it), the first's map, and the map the row being typed is
	 * read with (a held row's own) */
	struct header hdr, first;
	const struct header_map *typed;
	long bad_header; /* the line of a header in force that lacks a required column, 0 if none */

	char status[64];
	int damaged; /* a damaged row was read past in the open file */

	/* slash dates of the open file: 0 not yet decided, 1 month first, 2
	 * day first. While no date has decided, rows with a slash date that
	 * reads either way are held (at most INGEST_LOOKAHEAD_ROWS rows or
	 * _BYTES bytes), and handed out once a date decides, or month first
	 * when none has by then */
	int slash;
	struct held_row **held;
	size_t nheld, cheld, next_held, held_bytes;
	struct held_row *lent; /* the held row handed out last, freed at the next call */
	int ended;	       /* the source has ended: 1 at its end, -1 on an error */
	unsigned part, row_part; /* the export in the file (a repeated header starts the next); the row's */
	struct cells_in_spread spread; /* the undecided slash dates read both ways */
	int only_sandbox;      /* the rows an environment column marks production are passed over */
};

/* A row kept whole while the file's slash dates are undecided. */
struct held_row {
	long line;
	unsigned part;
	struct header_map map; /* the header it was read under */
	int flags;
	const char *damage;
	size_t n;
	const char **field;
	size_t *len;
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
	free(in->held);
	header_free(&in->hdr);
	header_free(&in->first);
	free(in);
}

static const char *cell(const struct ingest *in, size_t i, size_t *len)
{
	*len = in->row.len[i];
	return in->row.field[i];
}

/* The text of canonical column c in the ready row ("" when unmapped, or
 * past the end of a short row: one not yet rejected for its field count). */
static const char *col(const struct ingest *in, enum col c, size_t *len)
{
	int i = in->typed->col[c];
	if (i < 0 || (size_t)i >= in->row.n) {
		*len = 0;
		return "";
	}
	return cell(in, (size_t)i, len);
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

/* A cell not read: counted and named in the report; its run is judged
 * without it. */
static void bad_cell(struct ingest *in, enum col c, const char *fmt, ...) DIAG_PRINTF(3, 4);

static void bad_cell(struct ingest *in, enum col c, const char *fmt, ...)
{
	char text[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	tally_bad_cell(in->tally, in->path, in->row.line, c, text);
}

/* At most this much of a cell is quoted in a message. */
#define QUOTE(n) ((n) > 64 ? 64 : (int)(n))

/* A time cell of canonical column c: cells_in_time on the ready row. */
static int time_cell(const struct ingest *in, enum col c, int64_t *out, int64_t *ms)
{
	size_t n;
	const char *s = col(in, c, &n);
	return cells_in_time(s, n, in->slash, out, ms);
}

/* A slash date against the file's reading: the row is rejected, the first
 * such line of the file said as an error (the report says it at its top
 * and the exit status is 2: the file's other dates cannot be read with
 * certainty). */
static void date_conflict(struct ingest *in, enum col c)
{
	struct tally_file *f = &in->tally->files[in->file];
	size_t n;
	const char *s = col(in, c, &n);
	char date[24];
	cells_in_date_text(date, sizeof date, s, n);
	if (!f->date_conflict) {
		f->date_conflict = in->row.line;
		snprintf(f->conflict_date, sizeof f->conflict_date, "%s", date);
		if (f->slash_line)
			diag_error(in->path, in->row.line,
				   "%s '%s' is %s first, but line %ld's %s proved the file's dates "
				   "%s first: its dates cannot be read with certainty",
				   columns_name(c), date, in->slash == 2 ? "month" : "day",
				   f->slash_line, f->slash_date, in->slash == 2 ? "day" : "month");
		else
			diag_error(in->path, in->row.line,
				   "%s '%s' is day first, but the file's dates were read month "
				   "first (no date in its first %u rows said which): its dates "
				   "cannot be read with certainty",
				   columns_name(c), date, INGEST_LOOKAHEAD_ROWS);
	}
	reject(in, REJ_DATE_ORDER, "%s '%s' is %s first, against the file's reading",
	       columns_name(c), date, in->slash == 2 ? "month" : "day");
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
		if (in->inst)
			reject(in, REJ_FIELD_TOO_LARGE, "an instance over %u bytes (text and counters)",
			       INSTANCE_TEXT_MAX);
		else
			reject(in, REJ_FIELD_TOO_LARGE, "the row is longer than %u bytes or %u fields",
			       CSVRD_ROW_MAX, CSVRD_FIELDS_MAX);
		return -1;
	}
	/* (a CSV's header: the API's instances have none) */
	int stray = in->rd && in->typed->named < in->typed->n ? header_stray(in->typed, &in->row) : -1;
	if (stray >= 0) {
		reject(in, REJ_FIELD_COUNT, "a value under no header (field %d): a comma unquoted "
		       "shifted the row", stray + 1);
		return -1;
	}
	if (in->row.n != in->typed->n && !(in->rd && header_padded(in->typed, &in->row))) {
		reject(in, REJ_FIELD_COUNT, "expected %zu fields, found %zu", in->typed->n, in->row.n);
		return -1;
	}
	memcpy(run, &run_zero, sizeof *run); /* (memset's rep stos costs more here) */
	run->file = in->path;
	run->line = in->row.line;

	s = col(in, COL_ID, &n);
	csvrd_trim(&s, &n);
	if (!n) {
		reject(in, REJ_EMPTY_ID, "the id is empty");
		return -1;
	}
	if (cells_in_id(s, n, UINT64_MAX, &run->id) != 0) {
		reject(in, REJ_BAD_ID, "id '%.*s' is not a number", n > 64 ? 64 : (int)n, s);
		return -1;
	}

	/* the run's time: start, else submit, else end, the first cell not
	 * empty; when that cell is no time the row cannot be judged, while a
	 * bad time in a later column is a cell named */
	static const enum col tcols[3] = {COL_START_TIME, COL_SUBMIT_TIME, COL_END_TIME};
	int64_t *secs[3] = {&run->start_time, &run->submit_time, &run->end_time}, ms[3];
	int got[3], timed = -1;
	for (int k = 0; k < 3; k++) {
		got[k] = time_cell(in, tcols[k], secs[k], &ms[k]);
		if (got[k] == -2) {
			date_conflict(in, tcols[k]);
			return -1;
		}
		if (timed < 0 && (got[k] == -1 || *secs[k] != TIME_NONE))
			timed = k;
	}
	if (timed < 0) {
		reject(in, REJ_NO_TIME, "no start, submit or end time");
		return -1;
	}
	if (got[timed] == -1) {
		s = col(in, tcols[timed], &n);
		reject(in, REJ_BAD_TIME, "%s '%.*s'%s", columns_name(tcols[timed]), QUOTE(n), s,
		       cells_in_outside_years(s, n, in->slash));
		return -1;
	}
	run->time = *secs[timed];
	run->time_ms = ms[timed];
	for (int k = timed + 1; k < 3; k++) {
		if (got[k] != -1)
			continue;
		s = col(in, tcols[k], &n);
		bad_cell(in, tcols[k], "%s '%.*s' is not a time%s", columns_name(tcols[k]), QUOTE(n),
			 s, cells_in_outside_years(s, n, in->slash));
	}

	run->job_id = col(in, COL_JOB_ID, &n);
	s = col(in, COL_TYPE, &n);
	if (run_type_parse(s, n, &run->type) != 0) {
		/* never skipped as a system run on a label it does not know */
		run->type = RUN_TYPE_UNKNOWN;
		run->type_unknown = 1;
		bad_cell(in, COL_TYPE,
			 "type '%.*s' is not MANUAL, SCHEDULED or OTHER: judged as a staff run",
			 QUOTE(n), s);
	}
	if (run->type == RUN_TYPE_UNKNOWN && !run->type_unknown) {
		/* Alma job ids say the type: M manual, S scheduled, O other. */
		run->type = cells_in_type_of_job_id(run->job_id);
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
	run->no_records_col = in->typed->col[COL_RECORDS] < 0;
	s = col(in, COL_RECORDS, &n);
	csvrd_trim(&s, &n);
	if (n) {
		if (run_parse_count(s, n, (uint64_t)1 << 53, &v) != 0) {
			/* judged with no count: a damaging job's run is unknown-size */
			run->records_bad = s;
			bad_cell(in, COL_RECORDS,
				 "total_records '%.*s' is not a count: the run is judged with no "
				 "record count",
				 QUOTE(n), s);
		} else {
			run->records = (int64_t)v;
		}
	}

	run->progress = -1;
	s = col(in, COL_PROGRESS, &n);
	if (n && run_parse_progress(s, n, &run->progress) != 0) {
		run->progress = -1;
		bad_cell(in, COL_PROGRESS, "progress '%.*s' is not a percentage", QUOTE(n), s);
	}

	s = col(in, COL_STATUS, &n);
	if (cells_in_bad_status(s, n)) {
		bad_cell(in, COL_STATUS, "status '%.*s' is not a status", QUOTE(n), s);
		n = 0;
	}
	run->status = run_status_code(s, n, in->status, sizeof in->status);
	run->name = col(in, COL_NAME, &n);
	run->category = col(in, COL_CATEGORY, &n);
	run->user = col(in, COL_USER, &n);
	run->user_name = col(in, COL_USER_NAME, &n);
	run->set_name = col(in, COL_SET_NAME, &n);
	/* a name where the Alma id belongs ("Fischer, Ben"): read as the name,
	 * and the two swapped when the name column holds an id instead */
	if (run_looks_like_name(run->user) &&
	    (!run->user_name[0] || !run_looks_like_name(run->user_name))) {
		const char *id = run->user_name;
		run->user_name = run->user;
		run->user = id;
		run->name_from_user = 1;
		in->tally->files[in->file].names_in_user++;
	}
	return 0;
}

/* Takes the row just read as the open file's header: 0, or -1 when it
 * cannot be used (reported). */
static int take_header(struct ingest *in)
{
	if (header_take(&in->hdr, in->cols, &in->row, in->path) != 0)
		return -1;
	struct tally_file *f = &in->tally->files[in->file];
	if (header_take(&in->first, in->cols, &in->row, in->path) != 0)
		return -1;
	f->exports = 1;
	f->no_records = in->hdr.map.col[COL_RECORDS] < 0;
	f->user_name_col = in->hdr.map.col[COL_USER_NAME] >= 0;
	header_name_like(&in->hdr, in->cols, f->name_like, sizeof f->name_like);
	struct header_hint hint[TALLY_UNUSED];
	f->nunused = (unsigned)header_unused(&in->hdr, in->cols, hint, TALLY_UNUSED);
	for (unsigned i = 0; i < f->nunused; i++) {
		f->unused_col[i] = (int)hint[i].col;
		snprintf(f->unused[i], sizeof f->unused[i], "%s", hint[i].header);
	}
	return header_check(&in->hdr, in->cols, in->path, in->row.line, 0);
}

/* Title lines above the header (Excel's, a report tool's): while the row
 * just read is a title (header_title), at most CSVRD_TITLE_LINES of them,
 * the next is read; when it reads as a header and no title could be data
 * under it, each title is said as a warning at its line and skipped (the
 * row read is the header), and 0 returned. Otherwise -1: the first line's
 * own error reported, as when no title is looked for. */
static int skip_titles(struct ingest *in)
{
	struct header title[CSVRD_TITLE_LINES] = {{0}};
	long line[CSVRD_TITLE_LINES];
	size_t n = 0;
	int ok = 1, got = 1;
	while (ok && n < CSVRD_TITLE_LINES && header_title(in->cols, &in->row)) {
		line[n] = in->row.line;
		ok = header_take(&title[n++], in->cols, &in->row, in->path) == 0;
		got = ok ? csvrd_next(in->rd, &in->row) : -1;
		ok = got > 0 && !(in->row.flags & ~CSVROW_NO_LINE_END);
	}
	/* under Excel's "sep=;" alone, any row with a column named is the header */
	int sep = n == 1 && header_title_sep(&title[0]);
	struct header h = {0};
	ok = n && ok && (header_like(in->cols, &in->row) || (sep && !header_title(in->cols, &in->row))) &&
	     header_take(&h, in->cols, &in->row, in->path) == 0;
	for (size_t i = 0; ok && i < n; i++)
		ok = !header_title_data(&title[i], &h);
	if (ok) {
		struct tally_file *f = &in->tally->files[in->file];
		char text[96];
		for (size_t i = 0; i < n; i++) {
			header_title_text(&title[i], csvrd_delim(in->rd), text, sizeof text);
			diag_error(in->path, line[i], "warning: a title line above the header, "
				   "skipped: '%s'", text);
			if (!header_title_sep(&title[i])) /* Excel's delimiter line aside */
				tally_title(f, text);
		}
		f->titles = (unsigned)n;
		f->title_line = line[0];
		f->title_last = line[n - 1];
	} else if (n && got >= 0) {
		header_check(&title[0], in->cols, in->path, line[0], 0);
	}
	header_free(&h);
	for (size_t i = 0; i < n; i++)
		header_free(&title[i]);
	return ok ? 0 : -1;
}

/* The row just read, when it is a header inside the file (exports joined):
 * the same header again is skipped; another (its columns in another order,
 * its names spelled otherwise) is taken for the rows after it, checked as
 * a file's first is: when it lacks a required column (said at its line,
 * the file marked incomplete), the rows after it are rejected until a
 * header that can be read. Either starts the next export. 1 when the row
 * was a header, 0 when it is data, -1 out of memory (reported). */
static int header_row(struct ingest *in)
{
	struct tally_file *f = &in->tally->files[in->file];
	int same = header_same(&in->hdr, &in->row);
	if (!same && (!header_may_be(&in->hdr, &in->row) || !header_reads_as(in->cols, &in->row)))
		return 0;
	in->tally->headers++;
	in->part++; /* a new export: its span is its own */
	f->exports++;
	if (same)
		return 1;
	struct header next = {0};
	if (header_take(&next, in->cols, &in->row, in->path) != 0)
		return -1;
	header_free(&in->hdr);
	in->hdr = next;
	if (header_check(&in->hdr, in->cols, in->path, in->row.line, 1) != 0) {
		in->bad_header = in->row.line;
		if (!in->damaged)
			mark_incomplete(in, 0);
		f->resumed = 1;
		in->damaged = 1;
		return 1;
	}
	in->bad_header = 0;
	if (!header_same(&in->first, &in->row) && !f->reheaded++)
		f->reheaded_at = f->exports;
	f->reordered |= !header_same_map(&in->hdr.map, &in->first.map);
	f->no_records |= in->hdr.map.col[COL_RECORDS] < 0;
	f->user_name_col &= in->hdr.map.col[COL_USER_NAME] >= 0;
	if (!f->name_like[0])
		header_name_like(&in->hdr, in->cols, f->name_like, sizeof f->name_like);
	return 1;
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

/* The Alma API's job instances (JSON) are rows of the canonical columns;
 * an XML response or an HTML page is named, with what to do. */
static int open_instances(struct ingest *in, struct reader *rd, enum sniff_kind kind,
			  const struct sniff *s)
{
	struct tally_file *f = &in->tally->files[in->file];
	f->gzip = reader_is_gzip(rd);
	if (kind != SNIFF_JSON) {
		reader_close(rd);
		diag_error(in->path, 1, "%s: %s", s->what,
			   kind == SNIFF_HTML
				   ? "export the job history from Alma again (CSV), or use almaudit fetch"
				   : "almaudit reads the API's JSON: ask for it (the header Accept: "
				     "application/json), or use almaudit fetch");
		mark_incomplete(in, 1);
		return -1;
	}
	in->inst = instances_open(rd, in->path, s->utf16, s->line);
	if (!in->inst) {
		mark_incomplete(in, 1);
		return -1;
	}
	f->json = f->user_name_col = 1; /* submitted_by.desc is its names column */
	f->encoding = s->encoding;
	for (int c = 0; c < COL_COUNT; c++)
		in->hdr.map.col[c] = c;
	in->hdr.map.n = COL_COUNT;
	return 0;
}

/* The next instance of a JSON input, typed as a CSV row is. */
static int next_instance(struct ingest *in, struct run *run)
{
	for (;;) {
		int got = instances_next(in->inst, &in->row);
		if (got < 0) { /* pages short: read whole, the history is what is missing */
			mark_incomplete(in, 0);
			in->tally->files[in->file].resumed = instances_pages_short(in->inst);
			ingest_close(in);
		}
		if (got <= 0)
			return got;
		in->tally->read++;
		in->tally->files[in->file].rows++;
		if (make_run(in, run) != 0)
			continue;
		run->api = 1;
		run->counters = instances_counters(in->inst, &run->ncounters);
		run->set_inferred = instances_set_inferred(in->inst);
		run->set_unknown = !run->set_inferred;
		run->part = in->row.part;
		if (run->env == RUN_PRODUCTION)
			tally_production(in->tally, (size_t)in->file, run->part, run->time,
					 !run_is_system(run));
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
	in->hdr.map.n = 0;
	in->typed = &in->hdr.map;
	in->bad_header = 0;
	in->damaged = 0;
	in->slash = 0;
	in->ended = 0;
	in->part = in->row_part = 0;
	memset(&in->spread, 0, sizeof in->spread);
	diag_clear_last();
	struct reader *rd = reader_open(path);
	if (!rd) {
		mark_incomplete(in, 1);
		return -1;
	}
	struct sniff s;
	enum sniff_kind kind = sniff_input(rd, &s);
	if (kind != SNIFF_CSV)
		return open_instances(in, rd, kind, &s);
	in->rd = csvrd_open_reader(rd, in->path);
	if (!in->rd) {
		mark_incomplete(in, 1);
		return -1;
	}
	csvrd_set_line(in->rd, s.line);
	csvrd_detect(in->rd, header_known, (void *)in->cols, 0);
	int got = csvrd_next(in->rd, &in->row);
	struct tally_file *f = &in->tally->files[file];
	f->gzip = csvrd_is_gzip(in->rd);
	f->encoding = csvrd_encoding(in->rd);
	f->delim = csvrd_delim(in->rd);
	if (got == 0)
		diag_error(in->path, 0, "empty file: nothing in it (no CSV header row, no JSON page)");
	if (got <= 0 || header_row_damaged(&in->row, csvrd_fields_seen(in->rd), in->path) != 0 ||
	    (in->row.flags & CSVROW_TRUNCATED) ||
	    (header_title(in->cols, &in->row) && skip_titles(in) != 0) || take_header(in) != 0) {
		mark_incomplete(in, 1);
		ingest_close(in);
		return -1;
	}
	if (in->row.flags & CSVROW_NO_LINE_END)
		no_line_end(in);
	in->pipe = rowpipe_open(in->rd, in->path);
	return 0;
}

/* Frees the held rows once all were handed out. */
static void held_clear(struct ingest *in)
{
	for (size_t i = in->next_held; i < in->nheld; i++)
		free(in->held[i]);
	free(in->lent);
	in->lent = NULL;
	in->nheld = in->next_held = in->held_bytes = 0;
}

/* Keeps the row just read until the file's slash dates are decided. 0, or
 * -1 out of memory (reported). */
static int hold(struct ingest *in)
{
	size_t text = 0, n = in->row.n;
	for (size_t i = 0; i < n; i++)
		text += in->row.len[i] + 1;
	if (in->nheld == in->cheld) {
		size_t cap = in->cheld ? in->cheld * 2 : 64;
		struct held_row **grown = realloc(in->held, cap * sizeof *grown);
		if (!grown) {
			diag_error(in->path, in->row.line, "out of memory");
			return -1;
		}
		in->held = grown;
		in->cheld = cap;
	}
	size_t arrays = n * (sizeof(char *) + sizeof(size_t));
	/* zeroed, with room past the last field: PCRE2's JIT reads up to 16
	 * bytes past a subject's end, as csvrd's row buffer allows for */
	struct held_row *h = calloc(1, sizeof *h + arrays + text + 32);
	if (!h) {
		diag_error(in->path, in->row.line, "out of memory");
		return -1;
	}
	h->line = in->row.line;
	h->part = in->part;
	h->map = *in->typed;
	h->flags = in->row.flags;
	h->damage = in->row.damage;
	h->n = n;
	h->field = (const char **)(h + 1);
	h->len = (size_t *)(h->field + n);
	char *o = (char *)(h->len + n);
	for (size_t i = 0; i < n; i++) {
		memcpy(o, in->row.field[i], in->row.len[i] + 1);
		h->field[i] = o;
		h->len[i] = in->row.len[i];
		o += in->row.len[i] + 1;
	}
	in->held[in->nheld++] = h;
	in->held_bytes += sizeof *h + arrays + text;
	return 0;
}

/* Decides the open file's slash dates: 1 month first, 2 day first, proved
 * by the date s[0..n) at line (0, NULL: no date said, the more compact
 * reading of the dates held, said at the top when it matters). */
static void decide(struct ingest *in, int slash, long line, const char *s, size_t n)
{
	struct tally_file *f = &in->tally->files[in->file];
	char why[400];
	if (!s && (slash = cells_in_spread_choice(&in->spread, in->path, why, sizeof why)) && why[0])
		tally_note(in->tally, 0, "%s", why);
	in->slash = slash;
	f->slash = slash;
	f->slash_line = line;
	f->slash_date[0] = '\0';
	if (s)
		cells_in_date_text(f->slash_date, sizeof f->slash_date, s, n);
}

/* What the row's time cells say of the slash dates: TIMES_SLASH_*, the
 * cell that said it in *s, *n. */
static int row_order(const struct ingest *in, const char **s, size_t *n)
{
	static const enum col tcols[3] = {COL_START_TIME, COL_SUBMIT_TIME, COL_END_TIME};
	int seen = TIMES_SLASH_NONE;
	for (int k = 0; k < 3; k++) {
		size_t len;
		const char *cell = col(in, tcols[k], &len);
		int o = times_slash_order(cell, len);
		if (o == TIMES_SLASH_DAY_FIRST || o == TIMES_SLASH_MONTH_FIRST) {
			*s = cell;
			*n = len;
			return o;
		}
		if (o == TIMES_SLASH_EITHER && seen != o)
			seen = o, *s = cell, *n = len; /* the cell read both ways */
	}
	return seen;
}

/* The row just read, while the slash dates are undecided: 1 when it was
 * held (or the held rows are now to be handed out), 0 when it is to be
 * typed now, -1 out of memory. */
static int undecided(struct ingest *in)
{
	const char *s = NULL;
	size_t n = 0;
	int o = row_order(in, &s, &n);
	if (o == TIMES_SLASH_EITHER)
		cells_in_spread_add(&in->spread, s, n);
	if (o == TIMES_SLASH_DAY_FIRST || o == TIMES_SLASH_MONTH_FIRST) {
		decide(in, o == TIMES_SLASH_DAY_FIRST ? 2 : 1, in->row.line, s, n);
		if (!in->nheld)
			return 0;
		return hold(in) == 0 ? 1 : -1;
	}
	if (o == TIMES_SLASH_NONE && !in->nheld)
		return 0;
	if (hold(in) != 0)
		return -1;
	if (in->nheld >= INGEST_LOOKAHEAD_ROWS || in->held_bytes >= INGEST_LOOKAHEAD_BYTES)
		decide(in, 1, 0, NULL, 0); /* no date said: the more compact */
	return 1;
}

/* The source has ended (got 0) or failed (got < 0): 0 at a clean end, -1
 * after damage or an error (reported). */
static int at_end(struct ingest *in, int got)
{
	if (got < 0) {
		in->tally->files[in->file].resumed = 0;
		ingest_close(in);
		return -1;
	}
	if (!in->damaged)
		return 0;
	ingest_close(in); /* read to its end, but a row was lost */
	return -1;
}

/* 1 when the row is a note of the export's rows, in its first cell alone
 * (padded or not), kept in the tally (tally_rows_of). */
static int footer(struct ingest *in)
{
	for (size_t i = 1; i < in->row.n; i++)
		if (in->row.len[i])
			return 0;
	return in->row.n && in->row.len[0] < 96 &&
	       tally_rows_of(&in->tally->files[in->file], in->row.field[0]);
}

void ingest_only_sandbox(struct ingest *in, int on)
{
	in->only_sandbox = on;
}

/* With only_sandbox: 1 when the row is not a sandbox run (not typed). */
static int passed_over(const struct ingest *in)
{
	size_t n;
	enum run_env env = in->env;
	if (!in->only_sandbox)
		return 0;
	const char *s = col(in, COL_ENVIRONMENT, &n);
	csvrd_trim(&s, &n);
	return (n && run_env_parse(s, n, &env) != 0) || env != RUN_SANDBOX;
}

int ingest_next(struct ingest *in, struct run *run)
{
	if (in->inst)
		return next_instance(in, run);
	if (!in->rd)
		return 0;
	for (;;) {
		free(in->lent);
		in->lent = NULL;
		if (in->next_held < in->nheld && in->slash) {
			/* the rows held while the slash dates were undecided */
			struct held_row *h = in->held[in->next_held++];
			in->lent = h;
			in->row_part = h->part;
			in->typed = &h->map;
			in->row = (struct csvrow){h->line, h->n, h->field, h->len, h->flags, h->damage, 0};
			if (in->next_held == in->nheld)
				in->nheld = in->next_held = in->held_bytes = 0;
			if (!passed_over(in) && make_run(in, run) == 0)
				break;
			continue;
		}
		in->typed = &in->hdr.map;
		if (in->ended)
			return at_end(in, in->ended);
		int got = in->pipe ? rowpipe_next(in->pipe, &in->row) : csvrd_next(in->rd, &in->row);
		if (got <= 0) {
			if (got < 0)
				mark_incomplete(in, 0); /* the error just reported */
			in->ended = got < 0 ? -1 : 1;
			if (in->nheld)
				decide(in, 1, 0, NULL, 0); /* no date said: the more compact */
			continue;
		}
		if (in->row.flags & CSVROW_NO_LINE_END)
			no_line_end(in);
		if (!(in->row.flags & CSVROW_UNTERMINATED)) {
			int header = header_row(in);
			if (header < 0) {
				mark_incomplete(in, 0);
				in->ended = -1;
			}
			if (header)
				continue;
		}
		if (footer(in))
			continue; /* Analytics' "Rows 1 - 500 of 2,692": no run, said if short */
		in->row_part = in->part;
		in->tally->read++;
		in->tally->files[in->file].rows++;
		if (in->bad_header) {
			reject(in, REJ_HEADER, "read under the header at line %ld, which lacks a "
			       "required column", in->bad_header);
			continue;
		}
		if (!in->slash) {
			int held = undecided(in);
			if (held < 0) {
				mark_incomplete(in, 0);
				in->ended = -1;
				continue;
			}
			if (held)
				continue;
		}
		if (!passed_over(in) && make_run(in, run) == 0)
			break;
	}
	run->part = in->row_part;
	if (run->env == RUN_PRODUCTION)
		tally_production(in->tally, (size_t)in->file, in->row_part, run->time,
				 !run_is_system(run));
	return 1;
}

void ingest_reject_last(struct ingest *in, enum reject_reason why, const char *detail)
{
	reject(in, why, "%s", detail);
}

int ingest_has(const struct ingest *in, enum col c)
{
	return in->rd && in->hdr.map.col[c] >= 0;
}

void ingest_close(struct ingest *in)
{
	held_clear(in);
	rowpipe_close(in->pipe); /* before the encoding: its thread reads on */
	in->pipe = NULL;
	if (in->rd) /* Windows-1252 may first show at any row */
		in->tally->files[in->file].encoding = csvrd_encoding(in->rd);
	csvrd_close(in->rd);
	in->rd = NULL;
	instances_close(in->inst);
	in->inst = NULL;
}
