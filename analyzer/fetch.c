#include "fetch.h"

#include "almaapi.h"
#include "apipage.h"
#include "cells.h"
#include "diag.h"
#include "hmap.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "1,020 requests, 2 retries" */
static const char *tries_text(const struct fetch_stats *s, char *buf, size_t size)
{
	char a[48], b[48];
	snprintf(buf, size, "%s, %s",
		 report_count_of((uint64_t)s->requests, "request", "requests", a, sizeof a),
		 report_count_of((uint64_t)s->retries, "retry", "retries", b, sizeof b));
	return buf;
}

const char *fetch_progress_text(const struct fetch_stats *s, char *buf, size_t size)
{
	char a[32], b[32], c[48], tries[100];
	tries_text(s, tries, sizeof tries);
	if (s->listing)
		snprintf(buf, size, "listing jobs: %s so far, %s", report_count(s->jobs, a, sizeof a),
			 tries);
	else
		snprintf(buf, size, "jobs %s of %s, %s, %s", report_count(s->jobs_done, a, sizeof a),
			 report_count(s->jobs, b, sizeof b),
			 report_count_of(s->instances, "instance", "instances", c, sizeof c), tries);
	return buf;
}

const char *fetch_summary_text(const struct fetch_stats *s, double secs, char *buf, size_t size)
{
	char a[48], b[48], tries[100];
	snprintf(buf, size, "%s, %s, %s, %.1f s", report_count_of(s->jobs, "job", "jobs", a, sizeof a),
		 report_count_of(s->instances, "instance", "instances", b, sizeof b),
		 tries_text(s, tries, sizeof tries), secs);
	return buf;
}

enum { LISTING, INSTANCES };
enum { WAITING, RUNNING, DONE };

/* One page to ask for: the listing of a type, or a job's instances, at an
 * offset. In the walk's list in the order pages are written. */
struct task {
	int kind, state;
	size_t series; /* the type (LISTING) or the job (INSTANCES) */
	long long offset;
	char *body; /* DONE: the page as it came */
	size_t len;
	size_t count; /* DONE: the items on the page */
	char *ids;    /* DONE: their ids, each NUL-terminated, one after another */
	size_t ids_len, ids_cap;
	struct task *next;
};

struct walk {
	const struct fetch_config *c;
	struct almaapi *api;
	struct gzout *out;
	struct fetch_stats *s;
	struct task *head, *tail;
	size_t held; /* tasks asked for and not yet retired */
	int phase;   /* LISTING, then INSTANCES */
	size_t next; /* the next type or job to begin */
	const char *types[3];
	long long type_total[3];
	char **jobs;
	long long *job_total;
	size_t njobs, cap;
	/* the ids of the series being retired, each with the offset of its
	 * page: an id met again means the history moved */
	struct hmap seen;
	int seen_kind;
	size_t seen_series;
};

/* "job M50173, offset 100" or "the jobs listing (type MANUAL), offset 0" */
static void where(const struct walk *w, const struct task *t, char *buf, size_t size)
{
	if (t->kind == LISTING)
		snprintf(buf, size, "the jobs listing (type %s), offset %lld", w->types[t->series],
			 t->offset);
	else
		snprintf(buf, size, "job %s, offset %lld", w->jobs[t->series], t->offset);
}

/* Reports a failure at task t, the key taken out of all of it (the API's
 * words, a job's id) before it is cut. */
static int fail(const struct walk *w, const struct task *t, const char *fmt, ...)
	DIAG_PRINTF(3, 4);
static int fail(const struct walk *w, const struct task *t, const char *fmt, ...)
{
	/* long enough that nothing is cut before the key is out: where (a job
	 * id of at most APIPAGE_MAX_ID bytes), and what is said of it (the
	 * API's words quoted in at most 240) */
	char whole[1600], text[1000];
	va_list ap;
	where(w, t, whole, 400);
	size_t n = strlen(whole);
	snprintf(whole + n, sizeof whole - n, ": ");
	n += 2;
	va_start(ap, fmt);
	vsnprintf(whole + n, sizeof whole - n, fmt, ap);
	va_end(ap);
	apipage_redact(whole, strlen(whole), w->c->key, text, sizeof text);
	if (w->c->progress)
		w->c->progress(NULL, w->c->arg); /* a message follows: off the progress line */
	diag_error(NULL, 0, "%s", text);
	return -1;
}

/* A job id in a path: unreserved characters as they are, others %XX. */
static void escape(const char *s, char *out, size_t size)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t at = 0;
	for (; *s && at + 4 < size; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~') {
			out[at++] = (char)c;
		} else {
			out[at++] = '%';
			out[at++] = hex[c >> 4];
			out[at++] = hex[c & 15];
		}
	}
	out[at] = '\0';
}

static int begin(struct walk *w, struct task *t)
{
	char path[1024], id[512];
	if (t->kind == LISTING) {
		snprintf(path, sizeof path, "/almaws/v1/conf/jobs?type=%s&limit=%d&offset=%lld",
			 w->types[t->series], FETCH_LIMIT, t->offset);
	} else {
		const struct fetch_config *c = w->c;
		escape(w->jobs[t->series], id, sizeof id);
		snprintf(path, sizeof path,
			 "/almaws/v1/conf/jobs/%s/instances?%s%s%s%s%s%slimit=%d&offset=%lld", id,
			 c->from ? "submit_date_from=" : "", c->from ? c->from : "",
			 c->from ? "&" : "", c->to ? "submit_date_to=" : "", c->to ? c->to : "",
			 c->to ? "&" : "", FETCH_LIMIT, t->offset);
	}
	if (almaapi_get(w->api, path, t) != 0)
		return -1;
	t->state = RUNNING;
	w->held++;
	return 0;
}

static struct task *task_new(int kind, size_t series, long long offset)
{
	struct task *t = calloc(1, sizeof *t);
	if (!t) {
		diag_error(NULL, 0, "out of memory");
		return NULL;
	}
	t->kind = kind;
	t->series = series;
	t->offset = offset;
	return t;
}

static size_t nseries(const struct walk *w)
{
	if (w->phase == LISTING)
		return w->c->all_types ? 3 : 2;
	return w->njobs;
}

/* The next page to ask for: the first one waiting (the head's always;
 * another's while fewer than FETCH_WINDOW are held), else the first page of
 * the next series. NULL when none may start now; -1 in *err. */
static struct task *next_task(struct walk *w, int *err)
{
	*err = 0;
	for (struct task *t = w->head; t; t = t->next)
		if (t->state == WAITING) {
			if (t == w->head || w->held < FETCH_WINDOW)
				return t;
			return NULL;
		}
	if (w->held >= FETCH_WINDOW || w->next >= nseries(w))
		return NULL;
	struct task *t = task_new(w->phase, w->next, 0);
	if (!t) {
		*err = 1;
		return NULL;
	}
	w->next++;
	if (w->tail)
		w->tail->next = t;
	else
		w->head = t;
	w->tail = t;
	return t;
}

static long long *total_of(struct walk *w, const struct task *t)
{
	return t->kind == LISTING ? &w->type_total[t->series] : &w->job_total[t->series];
}

/* After the first page of a series: a task for each further offset, after
 * it. */
static int plan(struct walk *w, struct task *first, long long total)
{
	struct task *after = first;
	for (long long off = FETCH_LIMIT; off < total; off += FETCH_LIMIT) {
		struct task *t = task_new(first->kind, first->series, off);
		if (!t)
			return -1;
		t->next = after->next;
		after->next = t;
		if (w->tail == after)
			w->tail = t;
		after = t;
	}
	return 0;
}

/* An item's id, kept with its page (apipage_read's each). */
static int keep_id(void *arg, const char *id)
{
	struct task *t = arg;
	size_t n = strlen(id) + 1;
	if (t->ids_len + n > t->ids_cap) {
		size_t cap = t->ids_cap ? t->ids_cap * 2 : 4096;
		while (cap < t->ids_len + n)
			cap *= 2;
		char *ids = realloc(t->ids, cap);
		if (!ids)
			return -1;
		t->ids = ids;
		t->ids_cap = cap;
	}
	memcpy(t->ids + t->ids_len, id, n);
	t->ids_len += n;
	return 0;
}

/* 1 when the key is in s[0..n). */
static int holds(const char *s, size_t n, const char *key)
{
	size_t k = strlen(key);
	for (size_t i = 0; k && i + k <= n; i++)
		if (s[i] == key[0] && memcmp(s + i, key, k) == 0)
			return 1;
	return 0;
}

/* A final answer: failed, an error object, or a page checked against its
 * series and kept, with its items' ids, until its turn. */
static int answer(struct walk *w, struct almaapi_result *r)
{
	struct task *t = r->tag;
	const char *items = t->kind == LISTING ? "job" : "job_instance";
	const char *key = w->c->key;
	char why[300], msg[240];
	struct apipage p;
	w->held--; /* asked for no more; held again below while it waits its turn */
	if (!r->ok) {
		int quoted = apipage_error(r->body, r->len, key, msg, sizeof msg) == 0;
		const char *hint = r->status == 401 || r->status == 403
					   ? " (is the key the one for this environment, production or "
					     "sandbox, with read access to the Configuration API?)"
					   : "";
		return fail(w, t, "%s%s%s%s", r->why, quoted ? ": the API says " : "",
			    quoted ? msg : "", hint);
	}
	t->ids_len = 0;
	if (apipage_read(r->body, r->len, key, items, &p, keep_id, t, why, sizeof why) != 0)
		return fail(w, t, "the answer is not a page of the API: %s", why);
	if (p.error)
		return fail(w, t, "the API answered with an error%s%s", p.message[0] ? ": " : "",
			    p.message);
	/* the key goes nowhere, the file included */
	if (r->body && holds(r->body, r->len, key))
		return fail(w, t, "the page holds the API key: not written (the key is never put "
				  "in a file; is the server the Alma API?)");
	long long *total = total_of(w, t);
	if (t->offset == 0) {
		if (p.total > FETCH_MAX_TOTAL)
			return fail(w, t, "total_record_count %lld is more than one %s can hold "
					  "(over %d): not a count to follow",
				    p.total, t->kind == LISTING ? "listing" : "job", FETCH_MAX_TOTAL);
		*total = p.total;
		if (plan(w, t, p.total) != 0)
			return -1;
	} else if (p.total != *total) {
		return fail(w, t, "the history moved while it was read: total_record_count was %lld "
				  "at offset 0 and is %lld here; run fetch again",
			    *total, p.total);
	}
	long long due = *total - t->offset;
	if (due > FETCH_LIMIT)
		due = FETCH_LIMIT;
	if (due < 0)
		due = 0;
	if ((long long)p.count != due)
		return fail(w, t, "the history moved while it was read: %zu %s on a page where %lld "
				  "were due (total_record_count %lld); run fetch again",
			    p.count, t->kind == LISTING ? "jobs" : "instances", due, *total);
	t->body = r->body;
	t->len = r->len;
	t->count = p.count;
	r->body = NULL;
	t->state = DONE;
	w->held++;
	return 0;
}

static int add_job(void *arg, const char *id)
{
	struct walk *w = arg;
	if (w->njobs == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 64;
		char **jobs = realloc(w->jobs, cap * sizeof *jobs);
		if (!jobs)
			return -1;
		w->jobs = jobs;
		long long *totals = realloc(w->job_total, cap * sizeof *totals);
		if (!totals)
			return -1;
		w->job_total = totals;
		w->cap = cap;
	}
	if (!(w->jobs[w->njobs] = strdup(id)))
		return -1;
	w->job_total[w->njobs++] = -1;
	w->s->jobs = w->njobs;
	return 0;
}

/* The ids on page t, each checked against those of the earlier pages of
 * its series (a job's instances, a type's jobs): an id met again means the
 * page holds what an earlier offset held, and some other item was never
 * given: the history moved. 0, or -1 (reported). */
static int check_ids(struct walk *w, const struct task *t)
{
	if (t->kind != w->seen_kind || t->series != w->seen_series || t->offset == 0) {
		hmap_free(&w->seen); /* empty again */
		w->seen_kind = t->kind;
		w->seen_series = t->series;
	}
	for (size_t at = 0; at < t->ids_len; at += strlen(t->ids + at) + 1) {
		const char *id = t->ids + at;
		int added;
		int64_t *offset = hmap_put(&w->seen, id, strlen(id), t->offset, &added);
		if (!offset) {
			diag_error(NULL, 0, "out of memory");
			return -1;
		}
		if (!added)
			return fail(w, t, "the history moved while it was read: %s %s was given at "
					  "offset %lld already; run fetch again",
				    t->kind == LISTING ? "job" : "instance", id, (long long)*offset);
	}
	return 0;
}

/* The pages at the head that are in: each page's ids checked, a listing's
 * jobs taken, instances written. */
static int retire(struct walk *w)
{
	struct task *t;
	while ((t = w->head) && t->state == DONE) {
		int last = t->offset + FETCH_LIMIT >= *total_of(w, t);
		if (check_ids(w, t) != 0)
			return -1;
		if (t->kind == LISTING) {
			for (size_t at = 0; at < t->ids_len; at += strlen(t->ids + at) + 1)
				if (add_job(w, t->ids + at) != 0) {
					diag_error(NULL, 0, "out of memory");
					return -1;
				}
			if (last)
				w->s->types++;
		} else {
			/* a page a line: as it came, then a newline unless it ends with one */
			int nl = t->len == 0 || t->body[t->len - 1] != '\n';
			if (gzout_write(w->out, t->body, t->len) != 0 ||
			    (nl && gzout_write(w->out, "\n", 1) != 0))
				return -1;
			w->s->instances += t->count;
			w->s->pages++;
			if (last)
				w->s->jobs_done++;
		}
		w->head = t->next;
		if (!w->head)
			w->tail = NULL;
		w->held--;
		free(t->body);
		free(t->ids);
		free(t);
	}
	return 0;
}

static void counts(struct walk *w)
{
	almaapi_counts(w->api, &w->s->requests, &w->s->retries);
	w->s->listing = w->phase == LISTING;
	if (w->c->progress)
		w->c->progress(w->s, w->c->arg);
}

static int walk(struct walk *w)
{
	for (;;) {
		if (retire(w) != 0)
			return -1;
		struct task *t;
		int err;
		while ((t = next_task(w, &err)))
			if (begin(w, t) != 0)
				return -1;
		if (err)
			return -1;
		if (!w->head) {
			if (w->phase == INSTANCES)
				return 0;
			if (w->njobs == 0) {
				/* every institution has jobs: a listing of none is
				 * the key's or the host's, not a quiet month */
				if (w->c->progress)
					w->c->progress(NULL, w->c->arg);
				diag_error(NULL, 0, "the jobs listing: the API lists no jobs of type %s: "
						    "is the key the institution's, for this environment "
						    "(production or sandbox), with read access to the "
						    "Configuration API, and the region its own?",
					   w->c->all_types ? "MANUAL, OTHER or SCHEDULED"
							   : "MANUAL or OTHER");
				return -1;
			}
			w->phase = INSTANCES;
			w->next = 0;
			counts(w);
			continue;
		}
		struct almaapi_result r;
		int got = almaapi_next(w->api, &r);
		if (got < 0)
			return -1;
		if (got == 0) {
			diag_error(NULL, 0, "internal error: a page asked for had no answer");
			return -1;
		}
		int rc = answer(w, &r);
		almaapi_result_free(&r);
		counts(w);
		if (rc != 0)
			return -1;
	}
}

int fetch_run(const struct fetch_config *c, struct gzout *out, struct fetch_stats *s)
{
	struct almaapi_config ac = {
		.base = c->base,
		.key = c->key,
		.agent = c->agent,
		.stall = c->stall,
		.backoff = c->backoff,
		.parallel = FETCH_PARALLEL,
		.rate = FETCH_RATE,
		.attempts = FETCH_ATTEMPTS,
	};
	struct walk w = {.c = c, .out = out, .s = s, .phase = LISTING, .seen_kind = -1};
	hmap_init(&w.seen);
	w.types[0] = "MANUAL";
	w.types[1] = "OTHER";
	w.types[2] = "SCHEDULED";
	memset(s, 0, sizeof *s);
	s->listing = 1;
	if (!(w.api = almaapi_new(&ac)))
		return -1;
	int rc = walk(&w);
	almaapi_counts(w.api, &s->requests, &s->retries);
	while (w.head) {
		struct task *t = w.head;
		w.head = t->next;
		free(t->body);
		free(t->ids);
		free(t);
	}
	hmap_free(&w.seen);
	almaapi_free(w.api);
	for (size_t i = 0; i < w.njobs; i++)
		free(w.jobs[i]);
	free(w.jobs);
	free(w.job_total);
	return rc;
}
