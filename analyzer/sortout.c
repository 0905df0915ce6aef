#define _DEFAULT_SOURCE /* pwritev */
#include "sortout.h"

#include "bytescan.h"
#include "diag.h"
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

/* A line as held and as spilled: its key and length, then its bytes. */
struct head {
	int64_t time_ms;
	uint64_t id;
	uint32_t kind;
	uint32_t len;
};
#define HEAD sizeof(struct head)
#define NO_LINE SIZE_MAX

/* A line held: its key (a copy of its head's, so that sorting compares
 * the index, not the lines in the arena), and its offset in the arena
 * while lines come, its address while they are sorted and written. */
struct slot {
	int64_t time_ms;
	uint64_t id;
	union {
		size_t off;
		const char *line;
	};
	uint32_t kind;
};

struct span {
	off_t off, end;
};

/* A spilled run as the merge reads it: the line at buf + pos whole. */
struct reader {
	off_t next, end;
	char *buf;
	size_t cap, pos, len;
};

struct sortout {
	size_t budget;
	char *arena; /* the lines held, each its head then its bytes */
	size_t used, cap;
	size_t open; /* where the line being made starts (its head), or NO_LINE */
	struct slot *index;
	size_t n, ncap;
	uint64_t count;
	FILE *scratch;
	off_t spilled; /* bytes written to scratch */
	struct span *runs;
	size_t nruns, runs_cap;
	uint64_t written; /* lines written by sortout_write */
	int failed;
	char why[PATH_MAX + 160]; /* what failed, as reported */
	char dir[PATH_MAX];	  /* where output_tmpfile made the scratch file */
	const char *const *codes; /* sortout_codes, or NULL */
	size_t code_len[32];
};

struct sortout *sortout_new(size_t budget, FILE *scratch)
{
	struct sortout *s = calloc(1, sizeof *s);
	if (!s) {
		diag_error(NULL, 0, "out of memory");
		if (scratch)
			fclose(scratch);
		return NULL;
	}
	s->budget = budget < 4096 ? 4096 : budget;
	s->open = NO_LINE;
	s->scratch = scratch;
	return s;
}

static int fail(struct sortout *s, const char *what)
{
	if (!s->failed) {
		diag_error(NULL, 0, "%s", what);
		snprintf(s->why, sizeof s->why, "%s", what);
	}
	s->failed = 1;
	return -1;
}

static int cmp(const char *a, const char *b)
{
	struct head ha, hb;
	memcpy(&ha, a, HEAD);
	memcpy(&hb, b, HEAD);
	if (ha.time_ms != hb.time_ms)
		return ha.time_ms < hb.time_ms ? -1 : 1;
	if (ha.id != hb.id)
		return ha.id < hb.id ? -1 : 1;
	if (ha.kind != hb.kind)
		return ha.kind < hb.kind ? -1 : 1;
	int c = memcmp(a + HEAD, b + HEAD, ha.len < hb.len ? ha.len : hb.len);
	if (c)
		return c;
	return (ha.len > hb.len) - (ha.len < hb.len);
}

/* Two lines held, by their slots' keys, their bytes on a tie. */
static int slot_cmp(const struct slot *a, const struct slot *b)
{
	if (a->time_ms != b->time_ms)
		return a->time_ms < b->time_ms ? -1 : 1;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return cmp(a->line, b->line);
}

static int by_line(const void *x, const void *y)
{
	return slot_cmp(x, y);
}

/* The lines held, sorted: index[i].line from here on. The rows of an
 * export come in time order, mostly: newest first as Alma writes them (a
 * chunk in reverse order is turned round), or oldest first with a few
 * runs out of place (put in place one by one while they are few); qsort
 * for the rest. */
static void sort_index(struct sortout *s)
{
	struct slot *ix = s->index;
	size_t n = s->n, i = 1, moves = 0;
	if (!n)
		return; /* no index yet (qsort wants a pointer even for none) */
	for (size_t k = 0; k < n; k++)
		ix[k].line = s->arena + ix[k].off;
	while (i < n && slot_cmp(&ix[i - 1], &ix[i]) >= 0)
		i++;
	if (i == n) {
		for (size_t a = 0, b = n - 1; a < b; a++, b--) {
			struct slot t = ix[a];
			ix[a] = ix[b];
			ix[b] = t;
		}
		return;
	}
	for (i = 1; i < n && moves <= n; i++) {
		struct slot x = ix[i];
		size_t j = i;
		for (; j > 0 && slot_cmp(&ix[j - 1], &x) > 0; j--, moves++)
			ix[j] = ix[j - 1];
		ix[j] = x;
	}
	if (i < n)
		qsort(ix, n, sizeof *ix, by_line);
}

static size_t line_size(const char *line)
{
	struct head h;
	memcpy(&h, line, HEAD);
	return HEAD + h.len;
}

/* Where the scratch file is: the directory output_tmpfile made it in (a
 * scratch file given to sortout_new: "a temporary directory"). */
static const char *tmpdir(const struct sortout *s)
{
	return s->dir[0] ? s->dir : "a temporary directory";
}

/* The lines held, in their sorted order, written at the scratch file's end
 * straight from the arena (lines next to each other there in one piece):
 * 0, or -1 with errno set. */
static int write_run(struct sortout *s)
{
	enum { PIECES = 256 };
	struct iovec iov[PIECES];
	int fd = fileno(s->scratch);
	size_t i = 0;
	while (i < s->n) {
		int k = 0;
		for (; i < s->n; i++) {
			const char *line = s->index[i].line;
			size_t size = line_size(line);
			if (k && (const char *)iov[k - 1].iov_base + iov[k - 1].iov_len == line) {
				iov[k - 1].iov_len += size;
				continue;
			}
			if (k == PIECES)
				break;
			iov[k++] = (struct iovec){(void *)line, size};
		}
		struct iovec *v = iov;
		while (k > 0) {
			ssize_t got = pwritev(fd, v, k, s->spilled);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				if (got == 0)
					errno = EIO;
				return -1;
			}
			s->spilled += (off_t)got;
			for (; k > 0 && (size_t)got >= v->iov_len; v++, k--)
				got -= (ssize_t)v->iov_len;
			if (k > 0) {
				v->iov_base = (char *)v->iov_base + got;
				v->iov_len -= (size_t)got;
			}
		}
	}
	return 0;
}

/* The lines held, sorted, written to the scratch file as one run; the line
 * being made moved to the arena's start. */
static int spill(struct sortout *s)
{
	if (!s->scratch) {
		const char *why = NULL;
		if (!(s->scratch = output_tmpfile(&why)))
			return fail(s, why);
		snprintf(s->dir, sizeof s->dir, "%s", output_tmpfile_dir());
	}
	if (s->nruns == s->runs_cap) {
		size_t cap = s->runs_cap ? 2 * s->runs_cap : 16;
		struct span *r = realloc(s->runs, cap * sizeof *r);
		if (!r)
			return fail(s, "out of memory");
		s->runs = r;
		s->runs_cap = cap;
	}
	sort_index(s);
	off_t start = s->spilled;
	if (write_run(s) != 0) {
		char msg[PATH_MAX + 128];
		snprintf(msg, sizeof msg, "cannot write the findings to a temporary file in %s: %s",
			 tmpdir(s), strerror(errno));
		return fail(s, msg);
	}
	s->runs[s->nruns++] = (struct span){start, s->spilled};
	s->n = 0;
	if (s->open != NO_LINE) {
		memmove(s->arena, s->arena + s->open, s->used - s->open);
		s->used -= s->open;
		s->open = 0;
	} else {
		s->used = 0;
	}
	return 0;
}

/* Room for n more bytes in the arena: the lines held spilled first when
 * they and n would pass the budget. */
static int room(struct sortout *s, size_t n)
{
	if (s->failed)
		return -1;
	if (s->n && s->used + n + (s->n + 1) * sizeof *s->index > s->budget && spill(s) != 0)
		return -1;
	if (s->cap - s->used >= n)
		return 0;
	size_t cap = s->cap ? 2 * s->cap : 64 * 1024;
	if (cap > s->budget)
		cap = s->budget;
	while (cap < s->used + n)
		cap *= 2; /* a line longer than the budget: held whole on its own */
	char *a = realloc(s->arena, cap);
	if (!a)
		return fail(s, "out of memory");
	s->arena = a;
	s->cap = cap;
	return 0;
}

static int part(struct sortout *s, const char *p, size_t n)
{
	if (s->open == NO_LINE) {
		if (room(s, HEAD + n) != 0)
			return -1;
		s->open = s->used;
		s->used += HEAD;
	} else if (room(s, n) != 0) {
		return -1;
	}
	memcpy(s->arena + s->used, p, n);
	s->used += n;
	return 0;
}

static int sink(void *ctx, const char *p, size_t n)
{
	return part(ctx, p, n);
}

void sortout_capture(struct sortout *s, struct wbuf *b)
{
	b->sink = sink;
	b->sink_ctx = s;
}

void sortout_release(struct wbuf *b)
{
	b->sink = NULL;
	b->sink_ctx = NULL;
}

int sortout_add(struct sortout *s, struct wbuf *b, int64_t time_ms, uint64_t id, unsigned kind)
{
	int ok = part(s, b->buf, b->len) == 0;
	b->len = 0;
	if (!ok) {
		s->open = NO_LINE;
		return -1;
	}
	size_t len = s->used - s->open - HEAD;
	if (len > UINT32_MAX) {
		s->open = NO_LINE;
		return fail(s, "a finding's line is too long to sort");
	}
	if (s->n == s->ncap) {
		size_t cap = s->ncap ? 2 * s->ncap : 1024;
		struct slot *ix = realloc(s->index, cap * sizeof *ix);
		if (!ix) {
			s->open = NO_LINE;
			return fail(s, "out of memory");
		}
		s->index = ix;
		s->ncap = cap;
	}
	struct head h = {time_ms, id, kind, (uint32_t)len};
	memcpy(s->arena + s->open, &h, HEAD);
	s->index[s->n++] = (struct slot){.time_ms = time_ms, .id = id, .off = s->open, .kind = kind};
	s->open = NO_LINE;
	s->count++;
	if (s->used + s->n * sizeof *s->index >= s->budget)
		return spill(s);
	return 0;
}

uint64_t sortout_count(const struct sortout *s)
{
	return s->count;
}

size_t sortout_runs(const struct sortout *s)
{
	return s->nruns;
}

uint64_t sortout_written(const struct sortout *s)
{
	return s->written;
}

const char *sortout_error(const struct sortout *s)
{
	return s->failed ? s->why : NULL;
}

/* The reader's next line whole at buf + pos: 1, 0 at its run's end, -1
 * when the scratch file cannot be read. */
static int fill(struct sortout *s, struct reader *rd)
{
	for (;;) {
		size_t have = rd->len - rd->pos, need = HEAD;
		if (have >= HEAD) {
			need = line_size(rd->buf + rd->pos);
			if (have >= need)
				return 1;
		}
		if (rd->next >= rd->end) {
			if (!have)
				return 0;
			errno = EIO; /* a run ends inside a line */
			return -1;
		}
		memmove(rd->buf, rd->buf + rd->pos, have);
		rd->pos = 0;
		rd->len = have;
		if (need > rd->cap) {
			char *b = realloc(rd->buf, need);
			if (!b)
				return -1;
			rd->buf = b;
			rd->cap = need;
		}
		size_t want = rd->cap - rd->len;
		if ((off_t)want > rd->end - rd->next)
			want = (size_t)(rd->end - rd->next);
		ssize_t got = pread(fileno(s->scratch), rd->buf + rd->len, want, rd->next);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (got == 0)
				errno = EIO;
			return -1;
		}
		rd->len += (size_t)got;
		rd->next += got;
	}
}

static int reader_less(const struct reader *a, const struct reader *b)
{
	return cmp(a->buf + a->pos, b->buf + b->pos) < 0;
}

static void sift(struct reader *rd, size_t *heap, size_t n, size_t i)
{
	for (;;) {
		size_t least = i, l = 2 * i + 1, r = l + 1;
		if (l < n && reader_less(&rd[heap[l]], &rd[heap[least]]))
			least = l;
		if (r < n && reader_less(&rd[heap[r]], &rd[heap[least]]))
			least = r;
		if (least == i)
			return;
		size_t t = heap[i];
		heap[i] = heap[least];
		heap[least] = t;
		i = least;
	}
}

void sortout_codes(struct sortout *s, const char *const *codes)
{
	s->codes = codes;
	for (int c = 0; c < 32; c++)
		s->code_len[c] = codes && c && codes[c] ? strlen(codes[c]) : 0;
}

/* A line's n bytes at p to out, its codes written out: sixteen bytes at a
 * time (bytescan) while none is below 0x20, the line's tail byte by byte. */
static void put_coded(const struct sortout *s, struct wbuf *out, const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n, *span = p;
	while (p < end) {
		unsigned m = 0;
		while (end - p >= 16 && !(m = bytescan_control(p)))
			p += 16;
		if (m) {
			p += bytescan_first(m);
		} else {
			while (p < end && *p >= 0x20)
				p++;
			if (p == end)
				break;
		}
		unsigned c = *p++;
		if (!s->code_len[c])
			continue; /* no code: the byte as it is */
		wbuf_put(out, span, (size_t)(p - 1 - span));
		wbuf_put(out, s->codes[c], s->code_len[c]);
		span = p;
	}
	wbuf_put(out, span, (size_t)(end - span));
}

static void put_line(struct sortout *s, struct wbuf *out, const char *line, const char *sep)
{
	struct head h;
	memcpy(&h, line, HEAD);
	s->written++;
	wbuf_str(out, sep);
	if (s->codes)
		put_coded(s, out, (const unsigned char *)line + HEAD, h.len);
	else
		wbuf_put(out, line + HEAD, h.len);
}

/* The runs merged to out: a heap over the runs, each read through a buffer
 * of about budget / runs bytes. */
static int merge(struct sortout *s, struct wbuf *out, const char *first, const char *between)
{
	size_t chunk = s->budget / s->nruns, h = 0;
	if (chunk < 4096)
		chunk = 4096;
	if (chunk > 1024 * 1024)
		chunk = 1024 * 1024;
	struct reader *rd = calloc(s->nruns, sizeof *rd);
	size_t *heap = calloc(s->nruns, sizeof *heap);
	int status = 0, got = 0;
	if (!rd || !heap) {
		status = fail(s, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < s->nruns && got >= 0; i++) {
		rd[i] = (struct reader){s->runs[i].off, s->runs[i].end, malloc(chunk), chunk, 0, 0};
		if (!rd[i].buf)
			rd[i].cap = 0;
		if ((got = fill(s, &rd[i])) > 0)
			heap[h++] = i;
	}
	for (size_t i = h / 2; i-- > 0;)
		sift(rd, heap, h, i);
	for (uint64_t written = 0; h && got >= 0; written++) {
		struct reader *top = &rd[heap[0]];
		const char *line = top->buf + top->pos;
		put_line(s, out, line, written ? between : first);
		top->pos += line_size(line);
		if ((got = fill(s, top)) == 0)
			heap[0] = heap[--h];
		sift(rd, heap, h, 0);
	}
	if (got < 0) {
		char msg[PATH_MAX + 128];
		snprintf(msg, sizeof msg, "cannot read back the findings' temporary file in %s: %s",
			 tmpdir(s), strerror(errno));
		status = fail(s, msg);
	}
done:
	for (size_t i = 0; rd && i < s->nruns; i++)
		free(rd[i].buf);
	free(rd);
	free(heap);
	return status;
}

int sortout_write(struct sortout *s, struct wbuf *out, const char *first, const char *between)
{
	if (s->open != NO_LINE) { /* a line never ended: not a finding */
		s->used = s->open;
		s->open = NO_LINE;
	}
	if (s->failed)
		return -1;
	int status = 0;
	if (!s->nruns) {
		sort_index(s);
		for (size_t i = 0; i < s->n; i++)
			put_line(s, out, s->index[i].line, i ? between : first);
	} else if (!(s->n && spill(s) != 0)) {
		/* the arena and index freed before the merge reads */
		free(s->arena);
		free(s->index);
		s->arena = NULL;
		s->index = NULL;
		s->cap = s->ncap = 0;
		status = merge(s, out, first, between);
	} else {
		status = -1;
	}
	s->n = s->used = 0;
	s->nruns = 0;
	return status;
}

void sortout_free(struct sortout *s)
{
	if (!s)
		return;
	free(s->arena);
	free(s->index);
	free(s->runs);
	if (s->scratch)
		fclose(s->scratch);
	free(s);
}
