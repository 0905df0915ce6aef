/* tally: the accounting of one audit: which files were read, how many rows,
 * and where every row went (audited, skipped by reason, rejected by reason),
 * so that read = audited + skipped + rejected can be shown and checked.
 * struct tally owns its file list; tally_free releases it. */
#ifndef ALMAUDIT_TALLY_H
#define ALMAUDIT_TALLY_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "run.h"

enum reject_reason {
	REJ_FIELD_COUNT,
	REJ_EMPTY_ID,
	REJ_BAD_ID,
	REJ_BAD_TIME,
	REJ_NO_TIME,
	REJ_BAD_TYPE,
	REJ_BAD_ENVIRONMENT,
	REJ_BAD_RECORDS,
	REJ_BAD_PROGRESS,
	REJ_FIELD_TOO_LARGE,
	REJ_TRUNCATED,
	REJ_MATCH_LIMIT,
	REJ_UNTERMINATED, /* a quoted field never closed: a stray quote */
	REJ_COUNT
};

enum skip_reason {
	SKIP_SYSTEM,  /* scheduled or by System: counted, never judged */
	SKIP_SANDBOX, /* sandbox runs are evidence, not judged */
	SKIP_PERIOD,  /* production runs outside the period */
	SKIP_REPEAT,  /* a run with findings seen again (overlapping exports) */
	SKIP_COUNT
};

struct tally_file {
	char *name;
	enum run_env env;
	uint64_t rows;	      /* data rows read from it */
	int gzip;	      /* 1 gzip, 0 plain */
	const char *encoding; /* "UTF-16LE" or "UTF-16BE" when transcoded; NULL: UTF-8 */
	char delim;	      /* the delimiter detected: ',', ';' or '\t' */
	int incomplete;	      /* reading stopped on an error */
	int no_records;	      /* its header has no record count column */
	int json;	      /* the Alma API's job instances (JSON), not a CSV export */
	int same_as;	      /* the index + 1 of an earlier input that is the same file */
	int unread;	      /* not read at all: not opened, or its header refused */
	int resumed;	      /* incomplete by damage (a row lost) read past: the rows after were read */
	long no_line_end;     /* the line of a last row with no line end (cut short?), 0 if none */
	long error_line;      /* where reading stopped (0: no line applies) */
	char error[DIAG_LAST_MAX + 1]; /* the error that stopped it, "" if none */
};

/* The damaging jobs whose runs, read from the Alma API's JSON, had no
 * counter that gave the record count (records.c): a job index of the
 * rules and its runs, for the first TALLY_UNCOUNTED_KEPT jobs. */
#define TALLY_UNCOUNTED_KEPT 64
struct tally_uncounted {
	int job;
	uint64_t runs;
};

/* The first rejected rows, for reports that list them. */
#define TALLY_REJECTS_KEPT 20
struct tally_reject {
	const char *file; /* a tally_file's name */
	long line;
	enum reject_reason why;
	char detail[160];
};

struct tally {
	uint64_t read;	   /* data rows, headers excluded */
	uint64_t audited;  /* production runs judged */
	uint64_t headers;  /* header rows repeated inside a file, skipped */
	uint64_t rejected[REJ_COUNT];
	uint64_t skipped[SKIP_COUNT];
	int64_t first, last; /* earliest and latest run time read; TIME_NONE if none */
	struct tally_file *files;
	size_t nfiles, cap;
	int incomplete; /* some input could not be read whole, or memory ran out */
	int out_of_memory; /* the run-id set ran out of memory: runs may count twice */
	size_t same_files; /* inputs that named a file already read */
	uint64_t in_period; /* production rows in the period (runs: sandbox too) */
	char uncovered[256]; /* "" or why the inputs do not cover the period */
	struct tally_reject rejects[TALLY_REJECTS_KEPT];
	size_t nrejects;
	struct tally_uncounted uncounted[TALLY_UNCOUNTED_KEPT];
	size_t nuncounted;
	uint64_t sets_inferred; /* runs whose set name was inferred from the instance name */
};

void tally_init(struct tally *t);
/* Adds a file; returns its index, or -1 (reported) when out of memory. */
int tally_add_file(struct tally *t, const char *name, enum run_env env);
void tally_free(struct tally *t);

/* Counts a rejected row, keeping the first TALLY_REJECTS_KEPT of them. */
void tally_reject(struct tally *t, const char *file, long line, enum reject_reason why,
		  const char *detail);

/* Counts a run of damaging job `job` whose counters gave no record count. */
void tally_uncounted(struct tally *t, int job);

/* Records a run's time in the range seen. */
void tally_seen(struct tally *t, int64_t time);

uint64_t tally_rejected(const struct tally *t);
uint64_t tally_skipped(const struct tally *t);

const char *tally_reject_name(enum reject_reason r); /* "wrong field count" */
const char *tally_skip_name(enum skip_reason s);     /* "system runs" */

/* How a file was read, for the report's input line: "gzip" or "plain",
 * then what was detected that is not the default ("UTF-16LE",
 * "semicolon-separated", "tab-separated"), comma separated, into buf; a
 * JSON input is "JSON (Alma API job instances), gzip". */
const char *tally_file_format(const struct tally_file *f, char *buf, size_t size);

/* The warning for a last line without line end, as reports say it. */
#define TALLY_NO_LINE_END "the last line has no line end: the file may be cut short"

#endif
