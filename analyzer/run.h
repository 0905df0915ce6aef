/* run: one job run as read from an export, typed. A struct run borrows every
 * string from the reader that filled it and is valid until the next row is
 * read; nothing in it is freed by its user. Also the value vocabularies of
 * a run: type, environment and status codes. */
#ifndef ALMAUDIT_RUN_H
#define ALMAUDIT_RUN_H

#include <stddef.h>
#include <stdint.h>

enum run_type { RUN_TYPE_UNKNOWN, RUN_MANUAL, RUN_SCHEDULED, RUN_OTHER };
enum run_env { RUN_PRODUCTION, RUN_SANDBOX };

/* A counter of a job instance as the Alma API gives it: type.value (an id,
 * "withdraw_items.items_in_set"), type.desc (its label) and value. */
struct run_counter {
	const char *type, *desc, *value;
};

struct run {
	const char *file; /* source file as named on the command line */
	long line;	  /* physical line where the row starts */
	uint64_t id;	  /* job instance id */
	const char *job_id, *name, *category;
	enum run_type type;
	int type_from_job_id; /* the type cell was empty: type read from job_id */
	const char *user;      /* submitted_by: Alma primary id, System, exl_api */
	const char *user_name; /* submitted_by_desc: "Last, First" */

	int64_t submit_time, start_time, end_time; /* UTC, TIME_NONE if empty */
	int64_t time;	    /* start, else submit, else end time */
	int64_t time_ms;    /* the same instant to the millisecond (ms since 1970) */
	const char *status; /* code: COMPLETED_SUCCESS ... ("" if empty) */
	int progress;	    /* percent, -1 if empty */
	int64_t records;    /* total records, -1 if empty or not a count */
	int no_records_col; /* the export has no record count column at all */
	const char *set_name;
	enum run_env env;
	int type_unknown; /* the type cell holds a label not known: judged as a staff run */
	/* the name was read from submitted_by, which held a name ("Fischer,
	 * Ben"), not an Alma id: user is then "" (or the id the name column
	 * held instead, when the two were swapped) */
	int name_from_user;
	const char *records_bad; /* the record count cell when it is not a count, else NULL */
	/* Read from the Alma API's job instances (JSON), which give counters,
	 * not a record count: records is taken from them once the run's job is
	 * known (records.c), and records_note says which counter gave it, or
	 * why none did (NULL or "" for a run from a CSV export). The counters
	 * are borrowed like the strings (none in a copy of the run). */
	int api;
	const struct run_counter *counters;
	size_t ncounters;
	const char *records_note;
	int set_inferred; /* set_name was inferred from the instance name */
	/* the run's set is unknown, not empty (verdict.c never accuses on it,
	 * nor clears it without a word): why, an enum run_set_unknown (0 known) */
	int set_unknown;
	unsigned part; /* the export within its file (a repeated header starts the next) */
};

/* Why a run's set is unknown: the API's instance name names none (ingest.c
 * sets 1 for a JSON run without an inferred set); the CSV has no set_name
 * column; its set_name cell is empty (Alma leaves it empty for a run not on
 * a set, which no approval limited to sets can be shown to cover). */
enum run_set_unknown { RUN_SET_KNOWN, RUN_SET_UNNAMED, RUN_SET_NO_COLUMN, RUN_SET_EMPTY };

/* A run from a CSV export (not run->api) whose file has (has_column) or
 * lacks a set_name column: its set_unknown set from that and its cell. */
void run_set_from_csv(struct run *r, int has_column);

/* A run with every field zero or NULL, copied to clear one. */
extern const struct run run_zero;

const char *run_type_name(enum run_type t); /* "MANUAL"; "" for unknown */
const char *run_env_name(enum run_env e);   /* "production" / "sandbox" */

/* Reads a type (MANUAL, Scheduled, ...); empty is RUN_TYPE_UNKNOWN. -1 if not a type. */
int run_type_parse(const char *s, size_t n, enum run_type *out);
/* Reads an environment (production, sandbox, any case); -1 if neither. */
int run_env_parse(const char *s, size_t n, enum run_env *out);

/* The status code of a status cell, whether the export wrote the code
 * (COMPLETED_SUCCESS) or its label ("Completed Successfully"). A status the
 * table does not know is upper-cased with underscores ("Waiting for Input" is
 * WAITING_FOR_INPUT) into buf, so no value is lost. */
const char *run_status_code(const char *s, size_t n, char *buf, size_t size);

/* 1 when code is one of the status codes the table knows (COMPLETED_SUCCESS),
 * 0 for another word (a status only an export can confirm). */
int run_status_known(const char *code);

/* 1 when code is a status of a run not finished yet (PENDING, QUEUED,
 * INITIALIZING, RUNNING, FINALIZING: spec section 1.1), 0 for a final one
 * or another word ("" included). */
int run_status_unfinished(const char *code);

/* 1 when the run's record count is only a lower bound: a run from the Alma
 * API's JSON (its counters count as it goes) in a status not final, with a
 * count. Its size is not known until it ends (verdict.c). A CSV export's
 * total_records is the size of the set (spec section 1), whatever the
 * status. */
int run_count_so_far(const struct run *r);

/* The status code or label the table knows nearest to s, for "did you
 * mean" (NULL when none is close). */
const char *run_status_nearest(const char *s);

/* The Alma job's name in an instance name, without the instance's
 * suffixes: its length, up to the first " - " ("Withdraw items - weeding"
 * is "Withdraw items"), or the whole. */
size_t run_job_name_len(const char *name);

/* A system run: scheduled, or submitted by System. Counted, never judged. */
int run_is_system(const struct run *r);

/* An account no person is behind: System, exl_api, API (by submitted_by,
 * or by the name when no id is given). Its runs are not counted among the
 * runs that should match a person in staff.csv. */
int run_is_account(const struct run *r);

/* 1 when a submitted_by value reads as a person's name, not an Alma
 * primary id: it holds a comma or a space between words ("Fischer, Ben",
 * "Ben Fischer"), which primary ids never do, and a letter. */
int run_looks_like_name(const char *s);

/* A record count as exports and spreadsheets write it: digits, their
 * thousands optionally grouped (groups of three after the first of one to
 * three) by ',', '.', '\'', a space, a no-break space, a thin space or a
 * right single quote (U+00A0, U+2009, U+202F, U+2019), one separator
 * throughout ("2,400", "2.400", "2'400", "1 234 567"); and an integer
 * written with one or two decimal zeros ("2400.0", "2,400.00", "2.400,00",
 * "50,00"). Anything else ("1,2,3", "1.5", "1,0000") is no count. 0 and
 * *out set, or -1. */
int run_parse_count(const char *s, size_t n, uint64_t max, uint64_t *out);

/* A progress in percent: 0 to 100, optionally with a fraction (cut) and a
 * '%' ("35", "99.5", "100%"). 0 and *out set, or -1. */
int run_parse_progress(const char *s, size_t n, int *out);

/* A run as bytes and back, for keeping it past its row (the split's
 * scratch file, reports/unitlog.c): run_pack writes r into buf when the
 * size it returns fits in size (call it with size 0 to learn it);
 * run_unpack fills r from n such bytes, its strings pointing into buf
 * (valid while buf is): 0, or -1 when they are not a packed run. */
size_t run_pack(const struct run *r, char *buf, size_t size);
int run_unpack(struct run *r, const char *buf, size_t n);

#endif
