#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "rowpipe.h"

#include "diag.h"
#include "grow.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

/* Bytes kept free after a block's last field: PCRE2's JIT reads up to 16
 * bytes past a subject's end (as csvrd's row buffer allows for). */
#define ROWPIPE_SLACK 32u

/* The worker's stack. */
#define ROWPIPE_STACK (512u * 1024u)

/* Rows a block holds at most (rows of empty cells take no bytes). */
#define ROWS_MAX 4096u

struct brow {
	long line;
	size_t first, n; /* its fields: the block's fptr[first .. first + n) */
	int flags;
	const char *damage; /* csvrd's: a static string */
	unsigned part;
	unsigned msgs; /* held messages written before it is handed out */
};

struct block {
	_Alignas(64) int end; /* 0 more follow; 1 the input ended after these rows; -1 it failed */
	/* the rows' fields, each NUL-terminated: ROWPIPE_BLOCK bytes, more
	 * only for a longer row alone (it never moves while it holds rows) */
	char *bytes;
	size_t blen, bcap;
	const char **fptr; /* each field, and its length */
	size_t *flen;
	size_t nf, fcap;
	struct brow *rows;
	size_t nrows, rcap;
	/* what csvrd said while filling it: each row's before it, the rest
	 * (a row carried to the next block) when the consumer leaves it */
	struct diag_held held;
};

/* The worker's, the lock's and the consumer's fields each on cache lines
 * of their own: the consumer moves pos every row. */
struct rowpipe {
	struct csvrd *rd;
	const char *name;
	pthread_t thread;
	_Alignas(64) pthread_mutex_t mu;
	pthread_cond_t full, free;
	unsigned w, c;	/* the block the worker fills next, the one the consumer reads */
	unsigned nfull; /* handed over and not yet given back */
	int stop;
	_Alignas(64) struct block *cur; /* the consumer's, while it reads it */
	size_t pos;
	_Alignas(64) struct block b[ROWPIPE_BLOCKS];
};

static int enabled = 1;

void rowpipe_enable(int how)
{
	enabled = how;
}

/* The bytes a row takes in a block: its fields' span when they lie in
 * order in one buffer, each NUL-terminated (csvrd's way: one copy then),
 * else the sum of its fields; *span says which. */
static size_t row_bytes(const struct csvrow *row, int *span)
{
	if (!row->n) {
		*span = 0;
		return 0;
	}
	const char *at = row->field[0];
	size_t sum = 0;
	*span = 1;
	for (size_t i = 0; i < row->n; i++) {
		if (row->field[i] < at)
			*span = 0;
		at = row->field[i] + row->len[i] + 1;
		sum += row->len[i] + 1;
	}
	size_t whole = (size_t)(at - row->field[0]);
	if (*span && whole > 2 * sum + 64)
		*span = 0; /* far apart: each copied */
	return *span ? whole : sum;
}

/* Copies the row into b (bytes, as row_bytes said). -1 when out of memory. */
static int add(struct block *b, const struct csvrow *row, size_t bytes, int span, unsigned msgs)
{
	size_t fcap = b->fcap;
	/* (one field more: a row of none still points into the arrays) */
	if (grow_array((void **)&b->bytes, &b->bcap, b->blen + bytes + ROWPIPE_SLACK, 1) != 0 ||
	    grow_array((void **)&b->fptr, &fcap, b->nf + row->n + 1, sizeof *b->fptr) != 0 ||
	    grow_array((void **)&b->flen, &b->fcap, b->nf + row->n + 1, sizeof *b->flen) != 0 ||
	    grow_array((void **)&b->rows, &b->rcap, b->nrows + 1, sizeof *b->rows) != 0)
		return -1;
	b->rows[b->nrows++] = (struct brow){row->line, b->nf, row->n, row->flags, row->damage,
					    row->part, msgs};
	const char **fptr = b->fptr + b->nf;
	size_t *flen = b->flen + b->nf;
	b->nf += row->n;
	if (span) {
		const char *base = row->field[0];
		char *to = b->bytes + b->blen;
		memcpy(to, base, bytes);
		for (size_t i = 0; i < row->n; i++) {
			fptr[i] = to + (row->field[i] - base);
			flen[i] = row->len[i];
		}
		b->blen += bytes;
		return 0;
	}
	for (size_t i = 0; i < row->n; i++) {
		memcpy(b->bytes + b->blen, row->field[i], row->len[i]);
		b->bytes[b->blen + row->len[i]] = '\0';
		fptr[i] = b->bytes + b->blen;
		flen[i] = row->len[i];
		b->blen += row->len[i] + 1;
	}
	return 0;
}

/* The next block to fill, emptied; NULL once stopped. */
static struct block *take_free(struct rowpipe *p)
{
	pthread_mutex_lock(&p->mu);
	while (p->nfull == ROWPIPE_BLOCKS && !p->stop)
		pthread_cond_wait(&p->free, &p->mu);
	struct block *b = p->stop ? NULL : &p->b[p->w];
	pthread_mutex_unlock(&p->mu);
	if (!b)
		return NULL;
	if (b->bcap != ROWPIPE_BLOCK) { /* first, or after a longer row alone */
		free(b->bytes);
		b->bcap = 0;
		b->bytes = NULL;
		if (grow_array((void **)&b->bytes, &b->bcap, ROWPIPE_BLOCK, 1) != 0)
			b->bcap = 0; /* add grows it, or says out of memory */
	}
	b->blen = b->nf = b->nrows = 0;
	b->end = 0;
	b->held.n = 0;
	return b;
}

static void hand_over(struct rowpipe *p)
{
	pthread_mutex_lock(&p->mu);
	p->nfull++;
	p->w = (p->w + 1) % ROWPIPE_BLOCKS;
	pthread_cond_signal(&p->full);
	pthread_mutex_unlock(&p->mu);
}

/* The worker: csvrd's rows into blocks until the input ends or the pipe
 * is closed. A row that does not fit the block (bytes, rows, or room for
 * messages) is carried to the next: still valid, csvrd_next not called. */
static void *work(void *arg)
{
	struct rowpipe *p = arg;
	struct csvrow row;
	size_t bytes = 0;
	int carry = 0, span = 0;
	struct block *b;
	while ((b = take_free(p)) != NULL) {
		diag_hold(&b->held);
		for (;;) {
			unsigned before = b->held.n;
			if (!carry) {
				int got = csvrd_next(p->rd, &row);
				if (got <= 0) {
					b->end = got < 0 ? -1 : 1;
					break;
				}
				bytes = row_bytes(&row, &span);
			}
			carry = b->nrows && (b->blen + bytes + ROWPIPE_SLACK > ROWPIPE_BLOCK ||
					     b->nrows == ROWS_MAX ||
					     b->held.n + 1 >= DIAG_HELD_MAX);
			if (carry)
				break;
			if (add(b, &row, bytes, span, b->held.n - before) != 0) {
				diag_error(p->name, row.line, "out of memory");
				b->end = -1;
				break;
			}
		}
		diag_hold(NULL);
		int end = b->end;
		hand_over(p);
		if (end)
			break;
	}
	return NULL;
}

/* The next block handed over, waiting for it. */
static struct block *take_full(struct rowpipe *p)
{
	pthread_mutex_lock(&p->mu);
	while (p->nfull == 0)
		pthread_cond_wait(&p->full, &p->mu);
	struct block *b = &p->b[p->c];
	pthread_mutex_unlock(&p->mu);
	return b;
}

static void give_back(struct rowpipe *p)
{
	pthread_mutex_lock(&p->mu);
	p->nfull--;
	p->c = (p->c + 1) % ROWPIPE_BLOCKS;
	pthread_cond_signal(&p->free);
	pthread_mutex_unlock(&p->mu);
}

/* A row's bytes and fields asked for a few rows before they are handed
 * out: the worker wrote them on another core, and the audit reads each
 * soon after. */
#define PREFETCH_ROWS 4
static void prefetch_row(const struct block *b, const struct brow *r)
{
	if (!r->n)
		return;
	__builtin_prefetch(b->fptr + r->first);
	__builtin_prefetch(b->fptr + r->first + r->n - 1);
	__builtin_prefetch(b->flen + r->first);
	__builtin_prefetch(b->flen + r->first + r->n - 1);
	const char *from = b->fptr[r->first], *to = b->fptr[r->first + r->n - 1];
	for (const char *at = from; at <= to; at += 64)
		__builtin_prefetch(at);
	__builtin_prefetch(to);
}

int rowpipe_next(struct rowpipe *p, struct csvrow *row)
{
	for (;;) {
		struct block *b = p->cur;
		if (b && p->pos < b->nrows) {
			if (p->pos + PREFETCH_ROWS < b->nrows)
				prefetch_row(b, &b->rows[p->pos + PREFETCH_ROWS]);
			const struct brow *r = &b->rows[p->pos++];
			if (r->msgs)
				diag_flush(&b->held, r->msgs);
			*row = (struct csvrow){r->line,	   r->n,     b->fptr + r->first, b->flen + r->first,
					       r->flags, r->damage, r->part};
			return 1;
		}
		if (b) {
			diag_flush(&b->held, DIAG_HELD_MAX);
			if (b->end)
				return b->end < 0 ? -1 : 0;
			give_back(p);
		}
		p->cur = take_full(p);
		p->pos = 0;
	}
}

static int one_cpu(void)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	return sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) < 2;
}

static void free_blocks(struct rowpipe *p)
{
	for (unsigned i = 0; i < ROWPIPE_BLOCKS; i++) {
		free(p->b[i].bytes);
		free(p->b[i].flen);
		free(p->b[i].fptr);
		free(p->b[i].rows);
	}
}

struct rowpipe *rowpipe_open(struct csvrd *r, const char *name)
{
	if (!enabled || (enabled == 1 && one_cpu()))
		return NULL;
	struct rowpipe *p = aligned_alloc(64, (sizeof *p + 63) / 64 * 64);
	if (!p)
		return NULL;
	memset(p, 0, sizeof *p);
	p->rd = r;
	p->name = name;
	/* the blocks' room made before the thread starts: short of memory,
	 * the file is read the old way, not cut short */
	for (unsigned i = 0; i < ROWPIPE_BLOCKS; i++) {
		struct block *b = &p->b[i];
		size_t fcap = 0;
		if (grow_array((void **)&b->bytes, &b->bcap, ROWPIPE_BLOCK, 1) != 0 ||
		    grow_array((void **)&b->fptr, &fcap, 4096, sizeof *b->fptr) != 0 ||
		    grow_array((void **)&b->flen, &b->fcap, 4096, sizeof *b->flen) != 0 ||
		    grow_array((void **)&b->rows, &b->rcap, 512, sizeof *b->rows) != 0) {
			free_blocks(p);
			free(p);
			return NULL;
		}
	}
	/* before the thread starts: from now on whoever reads the rows
	 * inflates, so that the bytes are split in the cache they were made
	 * in (the caller, should the thread not start) */
	csvrd_read_here(r);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->full, NULL);
	pthread_cond_init(&p->free, NULL);
	/* a small stack: splitting rows needs little, and an address space
	 * limited by ulimit -v need not hold a second 8 MiB */
	pthread_attr_t attr;
	int made = pthread_attr_init(&attr) == 0;
	if (made)
		pthread_attr_setstacksize(&attr, ROWPIPE_STACK);
	if (pthread_create(&p->thread, made ? &attr : NULL, work, p) != 0) {
		if (made)
			pthread_attr_destroy(&attr);
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->full);
		pthread_cond_destroy(&p->free);
		free_blocks(p);
		free(p);
		return NULL;
	}
	if (made)
		pthread_attr_destroy(&attr);
	return p;
}

void rowpipe_close(struct rowpipe *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_signal(&p->free);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->thread, NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->full);
	pthread_cond_destroy(&p->free);
	free_blocks(p);
	free(p);
}
