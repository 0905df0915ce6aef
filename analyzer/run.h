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
	int64_t records;    /* total records, -1 if empty */
	int no_records_col; /* the export has no record count column at all */
	const char *set_name;
	enum run_env env;
};

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

/* The status code or label the table knows nearest to s, for "did you
 * mean" (NULL when none is close). */
const char *run_status_nearest(const char *s);

/* A system run: scheduled, or submitted by System. Counted, never judged. */
int run_is_system(const struct run *r);

/* A run as bytes and back, for keeping it past its row (the split's
 * scratch file, reports/unitlog.c): run_pack writes r into buf when the
 * size it returns fits in size (call it with size 0 to learn it);
 * run_unpack fills r from n such bytes, its strings pointing into buf
 * (valid while buf is): 0, or -1 when they are not a packed run. */
size_t run_pack(const struct run *r, char *buf, size_t size);
int run_unpack(struct run *r, const char *buf, size_t n);

#endif
