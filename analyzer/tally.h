/* tally: the accounting of one audit: which files were read, how many rows,
 * and where every row went (audited, skipped by reason, rejected by reason),
 * so that read = audited + skipped + rejected can be shown and checked.
 * struct tally owns its file list and the names matched without their
 * middle names; tally_free releases them. */
#ifndef ALMAUDIT_TALLY_H
#define ALMAUDIT_TALLY_H

#include <stddef.h>
#include <stdint.h>

#include "columns.h"
#include "diag.h"
#include "run.h"

enum reject_reason {
	REJ_FIELD_COUNT,
	REJ_EMPTY_ID,
	REJ_BAD_ID,
	REJ_BAD_TIME,
	REJ_NO_TIME,
	REJ_BAD_ENVIRONMENT,
	REJ_FIELD_TOO_LARGE,
	REJ_TRUNCATED,
	REJ_MATCH_LIMIT,
	REJ_UNTERMINATED, /* a quoted field never closed: a stray quote */
	REJ_DATE_ORDER,	  /* a slash date against the file's reading (day or month first) */
	REJ_HEADER,	  /* after a header inside the file that lacks a required column */
	REJ_COUNT
};

enum skip_reason {
	SKIP_SYSTEM,  /* scheduled or by System: counted, never judged */
	SKIP_SANDBOX, /* sandbox runs are evidence, not judged */
	SKIP_PERIOD,  /* production runs outside the period */
	SKIP_REPEAT,  /* a run with findings seen again (overlapping exports) */
	SKIP_COUNT
};

#define TALLY_PARTS 32
struct tally_part {
	unsigned lo, hi;      /* the exports of the file (0 the first) it spans */
	int64_t first, last; /* their first and last production run */
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
	int no_sets;	      /* a CSV whose header has no set_name column (audit.c) */
	int json;	      /* the Alma API's job instances (JSON), not a CSV export */
	int same_as;	      /* the index + 1 of an earlier input that is the same file */
	int unread;	      /* not read at all: not opened, or its header refused */
	int resumed;	      /* incomplete by damage (a row lost) read past: the rows after were read */
	long no_line_end;     /* the line of a last row with no line end (cut short?), 0 if none */
	long error_line;      /* where reading stopped (0: no line applies) */
	char error[DIAG_LAST_MAX + 1]; /* the error that stopped it, "" if none */
	int64_t first, last;  /* its earliest and latest production run; TIME_NONE if none */
	/* slash dates (10/05/2026): 0 none read, 1 month first, 2 day first;
	 * the line whose date proved the reading and that date (0, "": none
	 * did, month first by default) */
	int slash;
	long slash_line;
	char slash_date[24];
	long date_conflict;	 /* the first line whose date went against the reading, 0 if none */
	char conflict_date[24];	 /* that date */
	/* the headers not read that look like a column (header_unused): the
	 * column each looks like and the header, for --column COL='HEADER' */
#define TALLY_UNUSED 3
	unsigned nunused;
	int unused_col[TALLY_UNUSED];
	char unused[TALLY_UNUSED][48];
	unsigned titles;	 /* title lines above the header, skipped (0: none) */
	long title_line, title_last; /* the first and the last of them */
	char title_text[200];	 /* their text, quoted ("'A'; 'B'"), Excel's sep= line aside */
	/* the export says it holds rows rows_first to rows_last of rows_total
	 * (Analytics' "Rows 1 - 500 of 2,692", above the header or below the
	 * rows); 0 when it does not */
	uint64_t rows_first, rows_last, rows_total;
	uint64_t names_in_user;	 /* rows whose submitted_by held a name: read as the name */
	int user_name_col;	 /* its header has a submitted_by_desc column */
	char name_like[COLUMNS_NAME_MAX + 1]; /* an unmapped header that looks like a
						 name column ("User Name"), "" if none */
	/* the span of each export in it with a production run, in the order
	 * of the exports: a header repeated inside the file (exports
	 * concatenated, a second gzip member), or a JSON page of a job the
	 * export gave already, starts the next, whose span is its own. Past
	 * TALLY_PARTS exports, the two neighbours whose spans lie closest
	 * share one span (exports lo..hi): spans that meet (a day apart at
	 * most, as daily exports joined do) lose no day between exports */
	struct tally_part part[TALLY_PARTS];
	unsigned nparts;
	uint64_t staff; /* its production rows of staff runs (not system runs), any date */
	/* the exports in it (1 + the header rows inside it); of them, those
	 * whose header is not the first's, each read by its own; the first
	 * such (2: the second export); whether one maps its columns otherwise
	 * (another order) rather than only spelling them otherwise */
	unsigned exports, reheaded, reheaded_at;
	int reordered;
	uint64_t manual;	 /* its runs joins_person counted */
	uint64_t unmatched;	 /* those not matched to a person */
	uint64_t nameless;	 /* those not matched that give no name, only an id */
	char nameless_id[48];	 /* the first such id, "" if none */
};

/* A cell that could not be read: its run is judged without it. */
#define TALLY_CELLS_KEPT 20
struct tally_cell {
	const char *file; /* a tally_file's name */
	long line;
	enum col col;
	char text[200]; /* "total_records '2.4k' is not a count: the run has no record count" */
};

/* A note said at the top of every report (and on standard error): an
 * ERROR makes the exit status 2; a WARNING does not. */
#define TALLY_NOTES 8
struct tally_note {
	int error;
	char text[768];
};

/* Days of the period no production input reaches (local days since 1970). */
#define TALLY_GAPS 16
struct tally_gap {
	int64_t first, last;
};

/* The damaging jobs whose runs, read from the Alma API's JSON, had no
 * counter that gave the record count (records.c): a job index of the
 * rules and its runs, for the first TALLY_UNCOUNTED_KEPT jobs. */
#define TALLY_UNCOUNTED_KEPT 64
struct tally_uncounted {
	int job;
	uint64_t runs;
};

/* A name matched to a staff person only without its middle names and
 * initials (rules.h, RULES_BY_REDUCED): the export's name (the tally's
 * own copy), the person (an index of the rules' people) and the runs. */
struct tally_reduced {
	char *name;
	int person;
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
	uint64_t bad_cells[COL_COUNT]; /* cells not read, by column: their runs judged */
	struct tally_cell cells[TALLY_CELLS_KEPT];
	size_t ncells;
	struct tally_note notes[TALLY_NOTES];
	size_t nnotes;
	/* identity: manual runs of jobs in jobs.csv judged (System and API
	 * accounts aside), and of them those matched to a person in staff.csv;
	 * a few of the others' names and of their ids (up to 3 of each, in
	 * the order first seen; unmatched_named says which), for the report,
	 * and the runs of theirs that gave neither */
	uint64_t manual_runs, matched;
	char unmatched[6][64];
	unsigned char unmatched_named[6];
	size_t nunmatched;
	uint64_t unmatched_anon;
	/* of the matched, the names matched without their middle names, in
	 * the order first seen (joins_person) */
	struct tally_reduced *reduced;
	size_t nreduced, reduced_cap;
	uint64_t several; /* not matched: without middle names, several fit */
	char several_names[3][64]; /* the first such names, for the report */
	size_t nseveral_names;
	/* names not matched that are not ASCII, each once, with the input they
	 * came from (an index of files): what a code page may have misread */
#define TALLY_FOREIGN 64
	struct {
		char name[64];
		int file;
	} foreign[TALLY_FOREIGN];
	size_t nforeign;
	/* jobs: the manual runs (System and API accounts aside) of jobs
	 * jobs.csv does not list, and a few of their Alma job names, each
	 * once (joins_unlisted) */
	uint64_t unlisted;
	char unlisted_names[3][64];
	size_t nunlisted_names;
	int unlisted_more; /* and another name past those */
	/* sandbox evidence: runs set aside as dated before --sandbox-refreshed,
	 * and runs whose id is a production run's (copies) */
	uint64_t sandbox_aside, sandbox_copies;
	int64_t refreshed; /* the latest --sandbox-refreshed day, TIME_NONE if none */
	/* coverage of a bounded period: 0 whole (or no period), 1 in part, 2
	 * none; quiet: covered, yet no production run in it; the days missing */
	int coverage;
	int quiet;
	struct tally_gap gaps[TALLY_GAPS];
	size_t ngaps;	   /* kept */
	size_t ngaps_all;  /* in all */
	uint64_t gap_days; /* the days missing, in all */
	/* production runs per local month of a bounded period (months[i] is
	 * month month0 + i, a month being year * 12 + month - 1); NULL when the
	 * period is open or longer than TALLY_MONTHS_MAX months */
	uint64_t *months;
	int64_t month0;
	size_t nmonths;
	struct tally_uncounted uncounted[TALLY_UNCOUNTED_KEPT];
	size_t nuncounted;
	/* distinct runs judged whose set name was inferred from the instance
	 * name; whose set was unknown and judged approved only pending it
	 * (verdict.h, set_unknown), in all and by why (enum run_set_unknown:
	 * sets_why[RUN_SET_NO_COLUMN] ...; a run whose copies differ in why
	 * counts under each) */
	uint64_t sets_inferred, sets_unknown;
	uint64_t sets_why[4];
};

#define TALLY_MONTHS_MAX 1200

void tally_init(struct tally *t);
/* Adds a file; returns its index, or -1 (reported) when out of memory. */
int tally_add_file(struct tally *t, const char *name, enum run_env env);
void tally_free(struct tally *t);

/* A title line above f's header, skipped: read as Analytics' note of a
 * cut export (below), else its text kept (quoted, joined to the others). */
void tally_title(struct tally_file *f, const char *text);
/* "Rows 1 - 500 of 2,692" (Analytics' note of an export's rows, above the
 * header or below the rows): 1 when the text is one, and f's rows_first,
 * rows_last and rows_total set when they are fewer than the whole; else 0. */
int tally_rows_of(struct tally_file *f, const char *text);

/* Counts a rejected row, keeping the first TALLY_REJECTS_KEPT of them. */
void tally_reject(struct tally *t, const char *file, long line, enum reject_reason why,
		  const char *detail);

/* Counts a run of damaging job `job` whose counters gave no record count. */
void tally_uncounted(struct tally *t, int job);

/* Records a run's time in the range seen. */
void tally_seen(struct tally *t, int64_t time);

/* Records a production run of file i: its span, and its month. */
void tally_production(struct tally *t, size_t i, unsigned part, int64_t time, int staff);

/* Counts the production runs of each month of the local days first_day to
 * last_day (nothing when either is TIME_NONE or they span more than
 * TALLY_MONTHS_MAX months). 0, or -1 out of memory (reported). */
int tally_months(struct tally *t, int64_t first_day, int64_t last_day);

/* Counts a cell not read, keeping the first TALLY_CELLS_KEPT. */
void tally_bad_cell(struct tally *t, const char *file, long line, enum col c, const char *text);

/* Adds a note for the top of every report and says it on standard error
 * ("almaudit: message" for an error, "almaudit: warning: message"). */
void tally_note(struct tally *t, int error, const char *fmt, ...) DIAG_PRINTF(3, 4);

/* 1 when a note is an error: the exit status is 2. */
int tally_noted_error(const struct tally *t);

uint64_t tally_rejected(const struct tally *t);
uint64_t tally_skipped(const struct tally *t);

const char *tally_reject_name(enum reject_reason r); /* "wrong field count" */
const char *tally_skip_name(enum skip_reason s);     /* "system runs" */

/* How a file was read, for the report's input line: "gzip" or "plain",
 * then what was detected that is not the default ("UTF-16LE",
 * "Windows-1252", "semicolon-separated", "tab-separated", "dates day first
 * (line 3: 25/10/2026)", "submitted_by holds names (12 rows): read as
 * names"), comma separated, into buf; a JSON input is "JSON (Alma API job
 * instances), gzip". */
const char *tally_file_format(const struct tally_file *f, char *buf, size_t size);

/* The warning for a last line without line end, as reports say it. */
#define TALLY_NO_LINE_END "the last line has no line end: the file may be cut short"

#endif
