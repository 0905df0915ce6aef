#include "instances.h"

#include "cells_in.h"
#include "columns.h"
#include "diag.h"
#include "grow.h"
#include "json.h"
#include "pagecount.h"
#include "setname.h"
#include "textenc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the instance's fields, and the keys of the API ---- */

enum field { IF_ID, IF_NAME, IF_USER, IF_USER_NAME, IF_SUBMIT, IF_START, IF_END, IF_PROGRESS,
	     IF_STATUS, IF_JOB_ID, IF_JOB_NAME, IF_TYPE, IF_CATEGORY, IF_SET, IF_COUNT };

enum key {
	K_OTHER, K_ID, K_NAME, K_SUBMITTED_BY, K_SUBMIT_TIME, K_START_TIME, K_END_TIME, K_PROGRESS,
	K_STATUS, K_JOB_INFO, K_COUNTER, K_VALUE, K_DESC, K_TYPE, K_CATEGORY, K_JOB_INSTANCE,
	K_TOTAL, K_ERRORS_EXIST, K_ERROR_LIST, K_ERROR_MESSAGE, K_ERROR_CODE, K_WEB_SERVICE_RESULT,
	K_JOB,	       /* a jobs listing's list */
	K_JOB_MARK,    /* a key only a job (not an instance) has */
	K_INSTANCE_MARK /* another key only an instance has */
};

#define KEY(name, key) {name, sizeof name - 1, key}
static const struct {
	const char *name;
	size_t len;
	enum key key;
} keys[] = {
	KEY("id", K_ID),
	KEY("name", K_NAME),
	KEY("submitted_by", K_SUBMITTED_BY),
	KEY("submit_time", K_SUBMIT_TIME),
	KEY("start_time", K_START_TIME),
	KEY("end_time", K_END_TIME),
	KEY("progress", K_PROGRESS),
	KEY("status", K_STATUS),
	KEY("job_info", K_JOB_INFO),
	KEY("counter", K_COUNTER),
	KEY("value", K_VALUE),
	KEY("desc", K_DESC),
	KEY("type", K_TYPE),
	KEY("category", K_CATEGORY),
	KEY("job_instance", K_JOB_INSTANCE),
	KEY("total_record_count", K_TOTAL),
	KEY("errorsExist", K_ERRORS_EXIST),
	KEY("errorList", K_ERROR_LIST),
	KEY("errorMessage", K_ERROR_MESSAGE),
	KEY("errorCode", K_ERROR_CODE),
	KEY("web_service_result", K_WEB_SERVICE_RESULT),
	KEY("job", K_JOB),
	KEY("creator", K_JOB_MARK),
	KEY("next_run", K_JOB_MARK),
	KEY("related_profile", K_JOB_MARK),
	KEY("parameter", K_JOB_MARK),
	KEY("external_id", K_INSTANCE_MARK),
	KEY("status_date", K_INSTANCE_MARK),
	KEY("alert", K_INSTANCE_MARK),
	KEY("action", K_INSTANCE_MARK),
};

/* 1 when a[0..n) and b[0..n) are the same (n < 24): compared a word at a
 * time, the last word read overlapping. */
static int same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t x, y, x2, y2;
	if (n < 8) {
		uint32_t h, k, h2, k2;
		if (n < 4)
			return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
		memcpy(&h, a, 4), memcpy(&k, b, 4), memcpy(&h2, a + n - 4, 4), memcpy(&k2, b + n - 4, 4);
		return h == k && h2 == k2;
	}
	memcpy(&x, a, 8), memcpy(&y, b, 8), memcpy(&x2, a + n - 8, 8), memcpy(&y2, b + n - 8, 8);
	if (x != y || x2 != y2)
		return 0;
	memcpy(&x, a + 8 * (n > 16), 8), memcpy(&y, b + 8 * (n > 16), 8);
	return x == y;
}

/* The key s[0..n) and its name as the API writes it (*name; "" for a key
 * not known). */
static enum key key_of(const char *s, size_t n, const char **name)
{
	/* by length and first letter, then along the keys that share them */
	enum { NKEYS = sizeof keys / sizeof keys[0] };
	static signed char first[20][128], next[NKEYS];
	static int ready;
	if (!ready) {
		memset(first, -1, sizeof first);
		for (size_t i = NKEYS; i-- > 0;) {
			signed char *f = &first[keys[i].len][(unsigned char)keys[i].name[0]];
			next[i] = *f;
			*f = (signed char)i;
		}
		ready = 1;
	}
	*name = "";
	if (!n || n >= 20 || (unsigned char)s[0] >= 128)
		return K_OTHER;
	for (int i = first[n][(unsigned char)s[0]]; i >= 0; i = next[i])
		if (same_bytes(keys[i].name, s, n)) {
			*name = keys[i].name;
			return keys[i].key;
		}
	return K_OTHER;
}

/* What an open object or array is. */
enum node {
	N_TOP_ARRAY,	/* a top-level array of pages or instances */
	N_OBJECT,	/* an object at the top (or in the top array), not known yet */
	N_PAGE,		/* a page: it has job_instance */
	N_LIST,		/* page.job_instance */
	N_INSTANCE,	/* an instance */
	N_USER,		/* instance.submitted_by */
	N_STATUS,	/* instance.status */
	N_JOB,		/* instance.job_info */
	N_JOB_TYPE,	/* job_info.type */
	N_JOB_CATEGORY, /* job_info.category */
	N_COUNTERS,	/* instance.counter */
	N_COUNTER,	/* one counter */
	N_COUNTER_TYPE, /* counter.type */
	N_ERROR,	/* an API error object, or inside one */
	N_SKIP		/* anything else: read past */
};

/* ---- the queue of instances read, and the one being built ---- */

struct qcounter {
	uint32_t at[3], len[3]; /* type, desc, value in the text */
	int have[3];
};

struct entry {
	long line;
	uint32_t at[IF_COUNT], len[IF_COUNT];
	int have[IF_COUNT];
	size_t counter0, ncounters; /* its counters in counters[] */
	size_t counter_bytes;	    /* what they take, charged to the budget */
	int too_large;
	int set_inferred;
	unsigned part; /* pagecount_instance's export */
};

struct instances {
	struct reader *rd;
	char *name;
	struct json *j;
	int utf16;	      /* the text is UTF-16: transcoded by enc */
	struct textenc enc;
	const unsigned char *data; /* the reader's chunk (as UTF-8) */
	size_t pos, len;
	int state; /* 0 reading, 1 ended, -1 failed */
	int reported;

	/* the queue: entries [next, n) ready; text and counters theirs */
	struct entry *e;
	size_t next, n, cap;
	char *text;
	size_t tlen, tcap;
	struct qcounter *counters;
	size_t nc, ccap;

	/* the instance being built (e[n], not yet counted in n) */
	int building;
	size_t base;	   /* where its text begins */
	struct qcounter c; /* the counter being read */
	int c_have;
	size_t counters_seen;

	/* the parse */
	enum node at[JSON_DEPTH + 1]; /* at[d - 1]: the node open at depth d */
	enum key key;		      /* the key whose value comes next */
	const char *key_text;	      /* ... as written ("" when not known), for messages */
	enum node key_in;	      /* the object it is a key of */
	long object_line;	      /* where the unclassified object began */
	int total_seen;		      /* it has total_record_count */
	int errors_exist;
	char error_message[200], error_code[40];
	struct pagecount pc; /* do the pages give the runs they say */
	int short_pages;     /* the reading failed on that, at the end */

	/* the row handed out */
	const char *cell[COL_COUNT];
	size_t cell_len[COL_COUNT];
	struct run_counter *row_counters;
	size_t row_ncounters, row_ccap;
	int row_set_inferred;
	char progress[24];
};

/* Room for need bytes of text (4 KiB at least): 0, or -1 out of memory. */
static int text_room(struct instances *in, size_t need)
{
	return grow_array((void **)&in->text, &in->tcap, need > 4096 ? need : 4096, 1);
}

/* Keeps s[0..n) in the text, NUL-terminated: its place in *at, *len. A
 * too large instance keeps nothing more. */
static int keep(struct instances *in, const char *s, size_t n, uint32_t *at, uint32_t *len)
{
	struct entry *e = &in->e[in->n];
	if (e->too_large || in->tlen - in->base + e->counter_bytes + n + 1 > INSTANCE_TEXT_MAX) {
		e->too_large = 1;
		*at = *len = 0;
		return 0;
	}
	/* s may lie in the text itself (the set, in the name): by its offset */
	uintptr_t from = (uintptr_t)s, base = (uintptr_t)in->text;
	int inside = in->text && from >= base && from < base + in->tlen;
	size_t off = inside ? (size_t)(from - base) : 0;
	if (text_room(in, in->tlen + n + 1) != 0)
		return json_fail(in->j, "out of memory");
	memmove(in->text + in->tlen, inside ? in->text + off : s, n);
	in->text[in->tlen + n] = '\0';
	*at = (uint32_t)in->tlen;
	*len = (uint32_t)n;
	in->tlen += n + 1;
	return 0;
}

static int instance_begin(struct instances *in, long line)
{
	if (grow_array((void **)&in->e, &in->cap, in->n + 1, sizeof *in->e) != 0)
		return json_fail(in->j, "out of memory");
	struct entry *e = &in->e[in->n];
	memset(e, 0, sizeof *e);
	e->line = line;
	e->counter0 = in->nc;
	in->building = 1;
	in->base = in->tlen;
	in->counters_seen = 0;
	return 0;
}

static int set_field(struct instances *in, enum field f, const char *s, size_t n)
{
	struct entry *e = &in->e[in->n];
	if (e->have[f])
		return 0; /* the first one counts */
	e->have[f] = 1;
	return keep(in, s, n, &e->at[f], &e->len[f]);
}

static int instance_end(struct instances *in)
{
	struct entry *e = &in->e[in->n];
	/* the set, from the name and the job's name */
	if (e->have[IF_NAME] && e->have[IF_JOB_NAME] && !e->too_large) {
		const char *set;
		size_t n = setname_infer(in->text + e->at[IF_NAME], e->len[IF_NAME],
					      in->text + e->at[IF_JOB_NAME], e->len[IF_JOB_NAME],
					      &set);
		if (n) {
			if (set_field(in, IF_SET, set, n) != 0)
				return -1;
			e->set_inferred = 1;
		}
	}
	e->ncounters = in->nc - e->counter0;
	int d = json_depth(in->j); /* an instance of a page's job_instance, or one alone */
	e->part = pagecount_instance(&in->pc, e->have[IF_ID] ? in->text + e->at[IF_ID] : NULL,
				     e->have[IF_ID] ? e->len[IF_ID] : 0,
				     e->have[IF_JOB_ID] ? in->text + e->at[IF_JOB_ID] : NULL,
				     e->len[IF_JOB_ID], d > 0 && in->at[d - 1] == N_LIST);
	in->n++;
	in->building = 0;
	return 0;
}

static int counter_end(struct instances *in)
{
	in->counters_seen++;
	struct entry *e = &in->e[in->n];
	if (!in->c_have || e->too_large)
		return 0;
	/* every counter kept (the count may be in the last), each charged to
	 * the instance's budget: an instance of too many is too large, said */
	e->counter_bytes += sizeof *in->counters;
	if (in->tlen - in->base + e->counter_bytes > INSTANCE_TEXT_MAX) {
		e->too_large = 1;
		return 0;
	}
	if (grow_array((void **)&in->counters, &in->ccap, in->nc + 1, sizeof *in->counters) != 0)
		return json_fail(in->j, "out of memory");
	in->counters[in->nc++] = in->c;
	return 0;
}

static int counter_field(struct instances *in, int which, const char *s, size_t n)
{
	if (in->c.have[which])
		return 0; /* the first one counts */
	in->c.have[which] = 1;
	in->c_have = 1;
	return keep(in, s, n, &in->c.at[which], &in->c.len[which]);
}

/* ---- the parse ---- */

static const char not_instances[] = "not Alma API job instances";

static const char *kind_text(enum json_type t)
{
	static const char *const names[] = {"null", "false", "true", "a number", "a string",
					    "an object", "an array"};
	return names[t];
}

static enum node parent(struct instances *in, int d)
{
	return in->at[d - 1];
}

/* A value of the wrong kind where a field belongs: the field named by its
 * path in the instance ("submitted_by.value"). */
static int wrong(struct instances *in, enum json_type got, const char *want)
{
	const char *path = in->key_in == N_USER		? "submitted_by."
			   : in->key_in == N_STATUS	? "status."
			   : in->key_in == N_JOB	? "job_info."
			   : in->key_in == N_JOB_TYPE	? "job_info.type."
			   : in->key_in == N_JOB_CATEGORY ? "job_info.category."
			   : in->key_in == N_COUNTER	? "counter."
			   : in->key_in == N_COUNTER_TYPE ? "counter.type."
							  : "";
	return json_fail(in->j, "%s: \"%s%s\" is %s, not %s", not_instances, path, in->key_text,
			 kind_text(got), want);
}

/* A text field: a string, or null (empty); ids may be numbers too. */
static int text_value(struct instances *in, enum field f, enum json_type t, const char *s,
		      size_t n, int numbers)
{
	if (t == JSON_NULL)
		return 0;
	if (t == JSON_STRING || (numbers && t == JSON_NUMBER))
		return set_field(in, f, s, n);
	return wrong(in, t, numbers ? "a string or a number" : "a string");
}

static int on_scalar(void *ctx, enum json_type t, const char *s, size_t n)
{
	struct instances *in = ctx;
	int d = json_depth(in->j);
	if (d == 0)
		return json_fail(in->j, "%s: %s at the top level", not_instances, kind_text(t));
	switch (parent(in, d)) {
	case N_TOP_ARRAY:
		return json_fail(in->j, "%s: %s in the top-level array", not_instances,
				 kind_text(t));
	case N_OBJECT:
	case N_PAGE:
		if (in->key == K_JOB_INSTANCE && t != JSON_NULL)
			return wrong(in, t, "a list of instances");
		if (in->key == K_TOTAL && (t == JSON_NUMBER || t == JSON_STRING))
			pagecount_total(&in->pc, s, n);
		return 0;
	case N_LIST:
		return json_fail(in->j, "%s: %s in job_instance, where an instance belongs",
				 not_instances, kind_text(t));
	case N_INSTANCE:
		switch (in->key) {
		case K_ID:
			return text_value(in, IF_ID, t, s, n, 1);
		case K_NAME:
			return text_value(in, IF_NAME, t, s, n, 0);
		case K_SUBMIT_TIME:
			return text_value(in, IF_SUBMIT, t, s, n, 0);
		case K_START_TIME:
			return text_value(in, IF_START, t, s, n, 0);
		case K_END_TIME:
			return text_value(in, IF_END, t, s, n, 0);
		case K_PROGRESS:
			return text_value(in, IF_PROGRESS, t, s, n, 1);
		case K_SUBMITTED_BY:
		case K_STATUS:
		case K_JOB_INFO:
			return t == JSON_NULL ? 0 : wrong(in, t, "an object (value, desc)");
		case K_COUNTER:
			return t == JSON_NULL ? 0 : wrong(in, t, "a list of counters");
		default:
			return 0;
		}
	case N_USER:
		if (in->key == K_VALUE)
			return text_value(in, IF_USER, t, s, n, 0);
		if (in->key == K_DESC)
			return text_value(in, IF_USER_NAME, t, s, n, 0);
		return 0;
	case N_STATUS:
		return in->key == K_VALUE ? text_value(in, IF_STATUS, t, s, n, 0) : 0;
	case N_JOB:
		if (in->key == K_ID)
			return text_value(in, IF_JOB_ID, t, s, n, 0);
		if (in->key == K_NAME)
			return text_value(in, IF_JOB_NAME, t, s, n, 0);
		if ((in->key == K_TYPE || in->key == K_CATEGORY) && t != JSON_NULL)
			return wrong(in, t, "an object (value, desc)");
		return 0;
	case N_JOB_TYPE:
		return in->key == K_VALUE ? text_value(in, IF_TYPE, t, s, n, 0) : 0;
	case N_JOB_CATEGORY:
		return in->key == K_VALUE ? text_value(in, IF_CATEGORY, t, s, n, 0) : 0;
	case N_COUNTERS:
		return json_fail(in->j, "%s: %s in counter, where a counter belongs", not_instances,
				 kind_text(t));
	case N_COUNTER:
		if (in->key == K_VALUE) {
			if (t == JSON_NULL)
				return 0;
			if (t != JSON_STRING && t != JSON_NUMBER)
				return wrong(in, t, "a string or a number");
			return counter_field(in, 2, s, n);
		}
		if (in->key == K_TYPE && t != JSON_NULL)
			return wrong(in, t, "an object (value, desc)");
		return 0;
	case N_COUNTER_TYPE:
		if ((in->key == K_VALUE || in->key == K_DESC) && t != JSON_NULL) {
			if (t != JSON_STRING)
				return wrong(in, t, "a string");
			return counter_field(in, in->key == K_VALUE ? 0 : 1, s, n);
		}
		return 0;
	case N_ERROR:
		if (in->key == K_ERROR_MESSAGE && t == JSON_STRING && !in->error_message[0])
			snprintf(in->error_message, sizeof in->error_message, "%.*s",
				 n > 190 ? 190 : (int)n, s);
		else if (in->key == K_ERROR_CODE && (t == JSON_STRING || t == JSON_NUMBER) &&
			 !in->error_code[0])
			snprintf(in->error_code, sizeof in->error_code, "%.*s", n > 30 ? 30 : (int)n,
				 s);
		else if (in->key == K_ERRORS_EXIST && t == JSON_TRUE)
			in->errors_exist = 1;
		return 0;
	default:
		return 0;
	}
}

static int jobs_listing(struct instances *in)
{
	return json_fail(in->j,
			 "a jobs listing (GET /almaws/v1/conf/jobs), not job instances: list a "
			 "job's runs with GET /almaws/v1/conf/jobs/{job_id}/instances, or use "
			 "almaudit fetch");
}

static int on_key(void *ctx, const char *s, size_t n)
{
	struct instances *in = ctx;
	int d = json_depth(in->j);
	in->key = key_of(s, n, &in->key_text);
	enum node *at = &in->at[d - 1];
	if (*at == N_OBJECT) {
		/* the first key that says what the object is */
		switch (in->key) {
		case K_JOB_INSTANCE:
			*at = N_PAGE;
			break;
		case K_TOTAL:
			in->total_seen = 1;
			break;
		case K_ERRORS_EXIST:
		case K_ERROR_LIST:
		case K_WEB_SERVICE_RESULT:
			*at = N_ERROR;
			break;
		case K_JOB:
			return jobs_listing(in);
		case K_JOB_MARK:
			break; /* said below, once an instance */
		case K_OTHER:
		case K_VALUE:
		case K_DESC:
		case K_TYPE:
		case K_CATEGORY:
		case K_ERROR_MESSAGE:
		case K_ERROR_CODE:
			break;
		default:
			*at = N_INSTANCE;
			if (instance_begin(in, in->object_line) != 0)
				return -1;
			break;
		}
	}
	if ((*at == N_INSTANCE || *at == N_OBJECT) && in->key == K_JOB_MARK)
		return json_fail(in->j,
				 "a job (GET /almaws/v1/conf/jobs/{job_id}: \"%s\"), not a job "
				 "instance: list its runs with GET /almaws/v1/conf/jobs/{job_id}/"
				 "instances, or use almaudit fetch",
				 in->key_text);
	if (*at == N_PAGE && in->key == K_JOB)
		return jobs_listing(in);
	in->key_in = *at;
	return 0;
}

/* A container where a text field belongs. */
static int not_text(struct instances *in, enum json_type t)
{
	return wrong(in, t, "a string");
}

static int on_open(void *ctx, enum json_type t)
{
	struct instances *in = ctx;
	int d = json_depth(in->j); /* the depth of what opens */
	enum node next = N_SKIP;
	int object = t == JSON_OBJECT;
	if (d == 1) {
		next = object ? N_OBJECT : N_TOP_ARRAY;
	} else {
		switch (parent(in, d - 1)) {
		case N_TOP_ARRAY:
			if (!object)
				return json_fail(in->j, "%s: an array in the top-level array",
						 not_instances);
			next = N_OBJECT;
			break;
		case N_PAGE:
			if (in->key == K_JOB_INSTANCE) {
				next = object ? N_INSTANCE : N_LIST;
				if (object && instance_begin(in, json_line(in->j)) != 0)
					return -1;
			}
			break;
		case N_LIST:
			if (!object)
				return json_fail(in->j,
						 "%s: an array in job_instance, where an instance "
						 "belongs",
						 not_instances);
			next = N_INSTANCE;
			if (instance_begin(in, json_line(in->j)) != 0)
				return -1;
			break;
		case N_INSTANCE:
			switch (in->key) {
			case K_SUBMITTED_BY:
				next = N_USER;
				break;
			case K_STATUS:
				next = N_STATUS;
				break;
			case K_JOB_INFO:
				next = N_JOB;
				break;
			case K_COUNTER:
				next = object ? N_COUNTER : N_COUNTERS;
				break;
			case K_ID:
			case K_NAME:
			case K_SUBMIT_TIME:
			case K_START_TIME:
			case K_END_TIME:
			case K_PROGRESS:
				return not_text(in, t);
			default:
				break;
			}
			if ((next == N_USER || next == N_STATUS || next == N_JOB) && !object)
				return wrong(in, t, "an object (value, desc)");
			break;
		case N_USER:
		case N_STATUS:
		case N_JOB_TYPE:
		case N_JOB_CATEGORY:
		case N_COUNTER_TYPE:
			if (in->key == K_VALUE || in->key == K_DESC)
				return not_text(in, t);
			break;
		case N_JOB:
			if (in->key == K_ID || in->key == K_NAME)
				return not_text(in, t);
			if (in->key == K_TYPE || in->key == K_CATEGORY) {
				if (!object)
					return wrong(in, t, "an object (value, desc)");
				next = in->key == K_TYPE ? N_JOB_TYPE : N_JOB_CATEGORY;
			}
			break;
		case N_COUNTERS:
			if (!object)
				return json_fail(in->j, "%s: an array in counter, where a counter "
							"belongs",
						 not_instances);
			next = N_COUNTER;
			break;
		case N_COUNTER:
			if (in->key == K_VALUE)
				return wrong(in, t, "a string or a number");
			if (in->key == K_TYPE) {
				if (!object)
					return wrong(in, t, "an object (value, desc)");
				next = N_COUNTER_TYPE;
			}
			break;
		case N_ERROR:
			next = N_ERROR;
			break;
		default:
			break;
		}
	}
	if (next == N_OBJECT) {
		in->object_line = json_line(in->j);
		in->total_seen = 0;
		in->errors_exist = 0;
		in->error_message[0] = in->error_code[0] = '\0';
		pagecount_object(&in->pc);
	}
	if (next == N_COUNTER) {
		memset(&in->c, 0, sizeof in->c);
		in->c_have = 0;
	}
	in->at[d - 1] = next;
	in->key = K_OTHER;
	return 0;
}

static int on_close(void *ctx, enum json_type t)
{
	struct instances *in = ctx;
	(void)t;
	int d = json_depth(in->j); /* the depth after it closed */
	enum node was = in->at[d];
	in->key = K_OTHER;
	switch (was) {
	case N_INSTANCE:
		return instance_end(in);
	case N_COUNTER:
		return counter_end(in);
	case N_PAGE:
		pagecount_page(&in->pc, in->object_line);
		return 0;
	case N_OBJECT:
		if (in->total_seen) { /* a page without instances (total_record_count 0) */
			pagecount_page(&in->pc, in->object_line);
			return 0;
		}
		return json_fail_at(in->j, in->object_line,
				    "%s: an object with none of job_instance, id, name, "
				    "submitted_by, the times, status, job_info",
				    not_instances);
	case N_ERROR:
		if (d > 0 && in->at[d - 1] == N_ERROR)
			return 0; /* inside the error object */
		if (in->error_message[0])
			return json_fail_at(in->j, in->object_line,
					    "the Alma API answered with an error, not job instances: "
					    "'%s'%s%s%s",
					    in->error_message, in->error_code[0] ? " (error code " : "",
					    in->error_code, in->error_code[0] ? ")" : "");
		return json_fail_at(in->j, in->object_line,
				    "%s: an error object of the Alma API (errorsExist, errorList) "
				    "without a message",
				    not_instances);
	default:
		return 0;
	}
}

static const struct json_handler handler = {on_scalar, on_key, on_open, on_close};

/* ---- reading ---- */

struct instances *instances_open(struct reader *rd, const char *name, int utf16, long line)
{
	struct instances *in = calloc(1, sizeof *in);
	if (!in || !(in->name = strdup(name)) || !(in->j = json_new(&handler, in, 1))) {
		if (in)
			free(in->name);
		free(in);
		reader_close(rd);
		diag_error(name, 0, "out of memory");
		return NULL;
	}
	in->rd = rd;
	in->key_text = "";
	json_set_line(in->j, line);
	in->utf16 = utf16;
	if (utf16)
		textenc_init(&in->enc);
	return in;
}

void instances_close(struct instances *in)
{
	if (!in)
		return;
	reader_close(in->rd);
	json_free(in->j);
	free(in->e);
	free(in->text);
	free(in->counters);
	free(in->row_counters);
	pagecount_free(&in->pc);
	if (in->utf16)
		textenc_free(&in->enc);
	free(in->name);
	free(in);
}

/* The queue is drained: what is left is the instance being built, moved
 * to the front. */
static void compact(struct instances *in)
{
	if (in->next < in->n)
		return;
	size_t shift = in->building ? in->base : in->tlen;
	size_t cshift = in->building ? in->e[in->n].counter0 : in->nc;
	if (in->building) {
		struct entry *e = &in->e[in->n];
		if (in->text)
			memmove(in->text, in->text + shift, in->tlen - shift);
		if (in->counters)
			memmove(in->counters, in->counters + cshift,
				(in->nc - cshift) * sizeof *in->counters);
		for (int f = 0; f < IF_COUNT; f++)
			if (e->have[f] && e->len[f])
				e->at[f] -= (uint32_t)shift;
		for (size_t i = 0; i < in->nc - cshift; i++)
			for (int k = 0; k < 3; k++)
				if (in->counters[i].len[k])
					in->counters[i].at[k] -= (uint32_t)shift;
		for (int k = 0; k < 3; k++)
			if (in->c.len[k])
				in->c.at[k] -= (uint32_t)shift;
		e->counter0 = 0;
		in->e[0] = *e;
		in->base = 0;
	}
	in->tlen -= shift;
	in->nc -= cshift;
	in->next = in->n = 0;
}

/* Hands out entry e as the row. */
static void hand_out(struct instances *in, const struct entry *e, struct csvrow *row)
{
	static const int col_of[IF_COUNT] = {
		[IF_ID] = COL_ID,	      [IF_NAME] = COL_NAME,
		[IF_USER] = COL_USER,	      [IF_USER_NAME] = COL_USER_NAME,
		[IF_SUBMIT] = COL_SUBMIT_TIME, [IF_START] = COL_START_TIME,
		[IF_END] = COL_END_TIME,      [IF_PROGRESS] = COL_PROGRESS,
		[IF_STATUS] = COL_STATUS,     [IF_JOB_ID] = COL_JOB_ID,
		[IF_JOB_NAME] = -1,	      [IF_TYPE] = COL_TYPE,
		[IF_CATEGORY] = COL_CATEGORY, [IF_SET] = COL_SET_NAME,
	};
	for (int c = 0; c < COL_COUNT; c++) {
		in->cell[c] = "";
		in->cell_len[c] = 0;
	}
	/* a too large instance: the fields kept before it passed the bound
	 * (its id first), for --rejects */
	for (int f = 0; f < IF_COUNT; f++) {
		if (col_of[f] < 0 || !e->have[f])
			continue;
		in->cell[col_of[f]] = e->len[f] ? in->text + e->at[f] : "";
		in->cell_len[col_of[f]] = e->len[f];
	}
	/* progress may be a fraction (37.5): its whole percent */
	if (e->have[IF_PROGRESS] && !e->too_large &&
	    cells_in_percent(in->text + e->at[IF_PROGRESS], e->len[IF_PROGRESS], in->progress,
			     sizeof in->progress) == 0) {
		in->cell[COL_PROGRESS] = in->progress;
		in->cell_len[COL_PROGRESS] = strlen(in->progress);
	}
	in->row_ncounters = e->too_large ? 0 : e->ncounters;
	if (grow_array((void **)&in->row_counters, &in->row_ccap, in->row_ncounters,
		 sizeof *in->row_counters) != 0)
		in->row_ncounters = 0; /* cannot be: the queue's counters fit */
	for (size_t i = 0; i < in->row_ncounters; i++) {
		const struct qcounter *q = &in->counters[e->counter0 + i];
		struct run_counter *c = &in->row_counters[i];
		c->type = q->len[0] ? in->text + q->at[0] : "";
		c->desc = q->len[1] ? in->text + q->at[1] : "";
		c->value = q->len[2] ? in->text + q->at[2] : "";
	}
	in->row_set_inferred = e->set_inferred && !e->too_large;
	row->line = e->line;
	row->n = COL_COUNT;
	row->field = in->cell;
	row->len = in->cell_len;
	row->flags = e->too_large ? CSVROW_TOO_LARGE : 0;
	row->damage = "";
	row->part = e->part;
}

/* Says the error that stopped the reading, once. */
static void report(struct instances *in)
{
	if (in->reported)
		return;
	in->reported = 1;
	long line;
	const char *e = json_error(in->j, &line);
	diag_error(in->name, line, "%s", *e ? e : "reading failed");
}

/* The pages gave the runs they say, or the first that did not is the
 * input's damage (its instances all handed out). */
static int pages_whole(struct instances *in)
{
	long line;
	char msg[DIAG_LAST_MAX + 1];
	if (pagecount_end(&in->pc, &line, msg, sizeof msg) == 0)
		return 0;
	in->short_pages = 1;
	return json_fail_at(in->j, line, "%s", msg);
}

int instances_next(struct instances *in, struct csvrow *row)
{
	for (;;) {
		if (in->next < in->n) {
			hand_out(in, &in->e[in->next++], row);
			return 1;
		}
		if (in->state > 0)
			return 0;
		if (in->state < 0) {
			report(in);
			return -1;
		}
		compact(in);
		if (in->pos == in->len) {
			const char *why = NULL;
			int got = reader_chunk(in->rd, &in->data, &in->len, &why);
			if (in->utf16 && got > 0 &&
			    textenc_chunk(&in->enc, in->data, in->len, &in->data, &in->len, &why) != 0)
				got = -1;
			else if (in->utf16 && got == 0 &&
				 textenc_end(&in->enc, &in->data, &in->len, &why) != 0)
				got = -1;
			in->pos = 0;
			if (got < 0) {
				in->len = 0;
				json_fail(in->j, "%s", why ? why : "read error");
				in->state = -1;
			} else if (got == 0) {
				in->len = 0;
				in->state = json_end(in->j) == 0 && pages_whole(in) == 0 ? 1 : -1;
			}
			continue;
		}
		size_t take = in->len - in->pos < INSTANCES_SLICE ? in->len - in->pos : INSTANCES_SLICE;
		if (json_feed(in->j, in->data + in->pos, take) != 0)
			in->state = -1;
		in->pos += take;
	}
}

const struct run_counter *instances_counters(const struct instances *in, size_t *n)
{
	*n = in->row_ncounters;
	return in->row_counters;
}

int instances_set_inferred(const struct instances *in)
{
	return in->row_set_inferred;
}

int instances_pages_short(const struct instances *in)
{
	return in->short_pages;
}
