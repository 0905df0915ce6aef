#define _XOPEN_SOURCE 700 /* pread, pwrite */
#include "unitlog.h"

#include "baseline.h"
#include "diag.h"
#include "summary.h"
#include "waivers.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A record: a tag byte, its payload's length (4 bytes), the payload. */
enum { REC_RUN = 'R', REC_AUDITED = 'A', REC_DAMAGING = 'D', REC_FINDING = 'F',
       REC_WAIVED = 'W', REC_FOUND = 'X' };
#define REC_HEAD 5

struct block {
	uint64_t at;
	uint32_t len;
};

struct unit_records {
	char *buf;    /* the block being filled (UNITLOG_BLOCK bytes), NULL until needed */
	uint32_t used;
	struct block *blocks; /* written to the file, in order */
	size_t nblocks, cblocks;
	uint64_t run; /* the serial of the run its last REC_RUN holds (0: none) */
};

struct unitlog {
	int fd;
	uint64_t end; /* the file's length */
	int err;      /* errno of the first write that failed (0: none) */
	int oom;
	int reported; /* a failure was reported */
	const struct rules *rules;
	struct unit_records *units;
	size_t nunits;
	/* the run of the calls now, told apart from the one before by its
	 * identity: a new serial for each */
	uint64_t serial;
	const struct run *run;
	const struct verdict *v;
	uint64_t id;
	const char *file;
	long line;
	int64_t time, records;
	unsigned findings;
	/* a record being made, a block read back, the run of a replay */
	char *rec, *read, *cur;
	size_t crec, cread, ccur;
};

struct unitlog *unitlog_new(int fd, size_t nunits, const struct rules *rules)
{
	struct unitlog *l = calloc(1, sizeof *l);
	if (l)
		l->units = calloc(nunits ? nunits : 1, sizeof *l->units);
	if (!l || !l->units) {
		diag_error(NULL, 0, "out of memory");
		free(l);
		close(fd);
		return NULL;
	}
	l->fd = fd;
	l->nunits = nunits;
	l->rules = rules;
	return l;
}

static void forget(struct unit_records *u)
{
	free(u->buf);
	free(u->blocks);
	memset(u, 0, sizeof *u);
}

void unitlog_free(struct unitlog *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nunits; i++)
		forget(&l->units[i]);
	free(l->units);
	free(l->rec);
	free(l->read);
	free(l->cur);
	close(l->fd);
	free(l);
}

/* Room for n bytes at *buf (*cap allocated); -1 when out of memory. */
static int grow(char **buf, size_t *cap, size_t n)
{
	if (n <= *cap)
		return 0;
	size_t c = *cap ? *cap : 256;
	while (c < n)
		c *= 2;
	char *b = realloc(*buf, c);
	if (!b)
		return -1;
	*buf = b;
	*cap = c;
	return 0;
}

/* Appends n bytes to the file as a block of unit u. */
static void write_block(struct unitlog *l, struct unit_records *u, const char *p, size_t n)
{
	if (l->err || l->oom)
		return;
	if (u->nblocks == u->cblocks) {
		size_t c = u->cblocks ? u->cblocks * 2 : 8;
		struct block *b = realloc(u->blocks, c * sizeof *b);
		if (!b) {
			l->oom = 1;
			return;
		}
		u->blocks = b;
		u->cblocks = c;
	}
	for (size_t done = 0; done < n;) {
		ssize_t w = pwrite(l->fd, p + done, n - done, (off_t)(l->end + done));
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			l->err = w < 0 ? errno : EIO;
			return;
		}
		done += (size_t)w;
	}
	u->blocks[u->nblocks++] = (struct block){l->end, (uint32_t)n};
	l->end += n;
}

/* Appends the record made in l->rec (its head and n bytes of payload) to
 * unit u's block, writing the block out when it would not fit. */
static void append(struct unitlog *l, size_t unit, int tag, size_t n)
{
	struct unit_records *u = &l->units[unit];
	uint32_t len = (uint32_t)n;
	l->rec[0] = (char)tag;
	memcpy(l->rec + 1, &len, sizeof len);
	n += REC_HEAD;
	if (u->used + n > UNITLOG_BLOCK && u->used) {
		write_block(l, u, u->buf, u->used);
		u->used = 0;
	}
	if (n > UNITLOG_BLOCK) { /* a long run: a block of its own */
		write_block(l, u, l->rec, n);
		return;
	}
	if (!u->buf && !(u->buf = malloc(UNITLOG_BLOCK))) {
		l->oom = 1;
		return;
	}
	memcpy(u->buf + u->used, l->rec, n);
	u->used += (uint32_t)n;
}

/* The payload of a record of n bytes, in l->rec; NULL when out of memory. */
static char *payload(struct unitlog *l, size_t n)
{
	if (grow(&l->rec, &l->crec, REC_HEAD + n) != 0) {
		l->oom = 1;
		return NULL;
	}
	return l->rec + REC_HEAD;
}

/* Appends the record of n bytes at rec, with its tag, to unit u's log. */
static void put(struct unitlog *l, size_t unit, int tag, const void *rec, size_t n)
{
	char *p = payload(l, n);
	if (!p)
		return;
	memcpy(p, rec, n);
	append(l, unit, tag, n);
}

/* A verdict packed: its bytes but the details, which go as strings. */
#define V_HEAD offsetof(struct verdict, detail)
#define V_TAIL (sizeof(struct verdict) - V_HEAD - sizeof ((struct verdict *)0)->detail)

static size_t verdict_size(const struct verdict *v)
{
	size_t n = V_HEAD + V_TAIL;
	for (int k = 0; k < FIND_COUNT; k++)
		n += strnlen(v->detail[k], sizeof v->detail[k] - 1) + 1;
	return n;
}

static void verdict_pack(const struct verdict *v, char *p)
{
	memcpy(p, v, V_HEAD);
	p += V_HEAD;
	for (int k = 0; k < FIND_COUNT; k++) {
		size_t len = strnlen(v->detail[k], sizeof v->detail[k] - 1);
		memcpy(p, v->detail[k], len);
		p[len] = '\0';
		p += len + 1;
	}
	memcpy(p, (const char *)v + sizeof *v - V_TAIL, V_TAIL);
}

static int verdict_unpack(struct verdict *v, const char *p, size_t n)
{
	if (n < V_HEAD + V_TAIL)
		return -1;
	memcpy(v, p, V_HEAD);
	const char *end = p + n - V_TAIL;
	p += V_HEAD;
	for (int k = 0; k < FIND_COUNT; k++) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		if (!nul || (size_t)(nul - p) >= sizeof v->detail[k])
			return -1;
		memcpy(v->detail[k], p, (size_t)(nul - p) + 1);
		p = nul + 1;
	}
	if (p != end)
		return -1;
	memcpy((char *)v + sizeof *v - V_TAIL, p, V_TAIL);
	return 0;
}

/* Unit u's log holds the run of these calls (a REC_RUN made when not). */
static void hold_run(struct unitlog *l, size_t unit, const struct run *run,
		     const struct verdict *v)
{
	if (run != l->run || v != l->v || run->id != l->id || run->file != l->file ||
	    run->line != l->line || run->time != l->time || run->records != l->records ||
	    v->findings != l->findings) {
		l->serial++;
		l->run = run;
		l->v = v;
		l->id = run->id;
		l->file = run->file;
		l->line = run->line;
		l->time = run->time;
		l->records = run->records;
		l->findings = v->findings;
	}
	struct unit_records *u = &l->units[unit];
	if (u->run == l->serial)
		return;
	size_t rn = run_pack(run, NULL, 0), vn = verdict_size(v);
	uint32_t rlen = (uint32_t)rn;
	char *p = payload(l, sizeof rlen + rn + vn);
	if (!p)
		return;
	memcpy(p, &rlen, sizeof rlen);
	run_pack(run, p + sizeof rlen, rn);
	verdict_pack(v, p + sizeof rlen + rn);
	append(l, unit, REC_RUN, sizeof rlen + rn + vn);
	u->run = l->serial;
}

void unitlog_audited(struct unitlog *l, size_t u, const struct run *run)
{
	put(l, u, REC_AUDITED, &run->time, sizeof run->time);
}

struct damaging {
	uint64_t id;
	int64_t records, large_set;
	int32_t job, person;
};

void unitlog_damaging(struct unitlog *l, size_t u, const struct run *run,
		      const struct verdict *v)
{
	if (!summary_is_damaging(l->rules, run, v))
		return; /* nothing the table would keep */
	struct damaging d;
	memset(&d, 0, sizeof d); /* no byte of padding undefined in the file */
	d = (struct damaging){run->id, run->records, v->large_set, v->job, v->person};
	put(l, u, REC_DAMAGING, &d, sizeof d);
}

/* kind, trend (0 none, 1 new, 2 recurring) and waiver (-1 none). */
struct finding_rec {
	int32_t waiver;
	uint8_t kind, trend;
};

static void put_finding(struct unitlog *l, size_t u, int tag, int32_t waiver,
			enum finding_kind kind, int trend)
{
	struct finding_rec r;
	memset(&r, 0, sizeof r); /* no byte of padding undefined in the file */
	r.waiver = waiver;
	r.kind = (uint8_t)kind;
	r.trend = (uint8_t)trend;
	put(l, u, tag, &r, sizeof r);
}

void unitlog_finding(struct unitlog *l, size_t u, const struct report_finding *f)
{
	const struct waivers *w = l->rules->waivers;
	int trend = 0;
	if (f->trend && !strcmp(f->trend, baseline_trend_name(TREND_NEW)))
		trend = 1;
	else if (f->trend && !strcmp(f->trend, baseline_trend_name(TREND_RECURRING)))
		trend = 2;
	hold_run(l, u, f->run, f->v);
	put_finding(l, u, REC_FINDING, f->waiver && w ? (int32_t)(f->waiver - w->w) : -1, f->kind,
		    trend);
}

void unitlog_waived(struct unitlog *l, size_t u, const struct run *run, const struct verdict *v,
		    enum finding_kind kind, int waiver, int is_new)
{
	hold_run(l, u, run, v);
	/* waived: 1 new against the baseline */
	put_finding(l, u, REC_WAIVED, waiver, kind, is_new != 0);
}

struct found_rec {
	uint32_t kinds, new_kinds;
	uint8_t new_run;
};

void unitlog_found(struct unitlog *l, size_t u, const struct run *run, const struct verdict *v,
		   unsigned kinds, unsigned new_kinds, int new_run)
{
	hold_run(l, u, run, v);
	struct found_rec r;
	memset(&r, 0, sizeof r);
	r.kinds = kinds;
	r.new_kinds = new_kinds;
	r.new_run = (uint8_t)(new_run != 0);
	put(l, u, REC_FOUND, &r, sizeof r);
}

/* The replay's state: the run the calls are about. */
struct replay {
	struct unitlog *l;
	const struct unitlog_sink *sink;
	struct run run;
	struct verdict v;
	int have_run;
};

/* Makes the calls of the records in n bytes at p; -1 when they are not
 * records this log wrote. */
static int play(struct replay *r, const char *p, size_t n)
{
	const struct unitlog_sink *s = r->sink;
	void *ctx = s->tap.ctx;
	struct run bare = {0};
	struct verdict none = {0};
	bare.file = bare.job_id = bare.name = bare.category = bare.user = bare.user_name = "";
	bare.status = bare.set_name = "";
	while (n) {
		uint32_t len;
		if (n < REC_HEAD)
			return -1;
		memcpy(&len, p + 1, sizeof len);
		if (n - REC_HEAD < len)
			return -1;
		const char *q = p + REC_HEAD;
		int tag = p[0];
		p += REC_HEAD + len;
		n -= REC_HEAD + len;
		if (tag == REC_RUN) {
			uint32_t rn;
			if (len < sizeof rn)
				return -1;
			memcpy(&rn, q, sizeof rn);
			if (len - sizeof rn < rn || grow(&r->l->cur, &r->l->ccur, len) != 0)
				return -1;
			memcpy(r->l->cur, q, len);
			if (run_unpack(&r->run, r->l->cur + sizeof rn, rn) != 0 ||
			    verdict_unpack(&r->v, r->l->cur + sizeof rn + rn, len - sizeof rn - rn) != 0)
				return -1;
			r->have_run = 1;
		} else if (tag == REC_AUDITED && len == sizeof bare.time) {
			memcpy(&bare.time, q, sizeof bare.time);
			s->tap.audited(ctx, &bare, &none);
		} else if (tag == REC_DAMAGING && len == sizeof(struct damaging)) {
			struct damaging d;
			struct run run = bare;
			struct verdict v = none;
			memcpy(&d, q, sizeof d);
			run.id = d.id;
			run.records = d.records;
			v.large_set = d.large_set;
			v.job = d.job;
			v.person = d.person;
			s->tap.damaging(ctx, &run, &v);
		} else if ((tag == REC_FINDING || tag == REC_WAIVED) &&
			   len == sizeof(struct finding_rec) && r->have_run) {
			struct finding_rec f;
			memcpy(&f, q, sizeof f);
			const struct waivers *w = r->l->rules->waivers;
			if (f.kind >= FIND_COUNT || f.waiver < -1 ||
			    (f.waiver >= 0 && (!w || (size_t)f.waiver >= w->n)))
				return -1;
			if (tag == REC_WAIVED) {
				s->tap.waived(ctx, &r->run, &r->v, (enum finding_kind)f.kind, f.waiver,
					      f.trend);
				continue;
			}
			struct report_finding rf = {
				(enum finding_kind)f.kind, &r->run, &r->v, r->l->rules,
				f.trend == 1   ? baseline_trend_name(TREND_NEW)
				: f.trend == 2 ? baseline_trend_name(TREND_RECURRING)
					       : NULL,
				f.waiver >= 0 ? &w->w[f.waiver] : NULL};
			s->finding(ctx, &rf);
		} else if (tag == REC_FOUND && len == sizeof(struct found_rec) && r->have_run) {
			struct found_rec f;
			memcpy(&f, q, sizeof f);
			s->tap.found(ctx, &r->run, &r->v, f.kinds, f.new_kinds, f.new_run);
		} else {
			return -1;
		}
	}
	return 0;
}

int unitlog_replay(struct unitlog *l, size_t unit, const struct unitlog_sink *sink,
		   const char *shown)
{
	struct unit_records *u = &l->units[unit];
	struct replay r = {l, sink, {0}, {0}, 0};
	const char *why = NULL;
	if (l->err)
		why = strerror(l->err);
	else if (l->oom)
		why = "out of memory";
	for (size_t i = 0; !why && i < u->nblocks; i++) {
		const struct block *b = &u->blocks[i];
		if (grow(&l->read, &l->cread, b->len) != 0) {
			why = "out of memory";
			break;
		}
		for (size_t done = 0; !why && done < b->len;) {
			ssize_t got = pread(l->fd, l->read + done, b->len - done, (off_t)(b->at + done));
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0)
				why = got < 0 ? strerror(errno) : "read short";
			else
				done += (size_t)got;
		}
		if (!why && play(&r, l->read, b->len) != 0)
			why = "not as written";
	}
	if (!why && u->used && play(&r, u->buf, u->used) != 0)
		why = "not as written";
	forget(u);
	if (why) {
		if (!l->reported)
			diag_error(shown, 0, "the split's scratch file: %s", why);
		l->reported = 1;
		return -1;
	}
	return 0;
}
