#include "reader.h"

#include "diag.h"
#include "term.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#ifdef ALMAUDIT_WITH_ISAL
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#endif

#define INPUT (128u * 1024u) /* one read() of the file */
#define CHUNK (256u * 1024u) /* one decompressed chunk */
#define RING 4		     /* chunks in flight */
#define SNIFF 16	     /* bytes read before deciding what the file is */

struct slot {
	unsigned char *data;
	size_t len;
	int full;
};

/* Where ISA-L's inflating of a member is: ISA-L inflates the deflate data
 * and sums its CRC; the gzip header before it and the trailer after it are
 * read here, as zlib reads them. DAMAGED: ISA-L found damage, and what it
 * inflated before it is still being handed out. */
enum part { HEADER, DATA, TRAILER, DAMAGED };

struct reader {
	int fd;
	int gzip;
	z_stream z;
	int z_ready;	   /* inflateInit2 done */
	int in_member;	   /* inside a gzip member: its end not yet seen */
	long members;	   /* gzip members begun */
	unsigned char *out; /* where inflating writes next, and the room left */
	size_t avail;
#ifdef ALMAUDIT_WITH_ISAL
	struct inflate_state *isal; /* NULL: this reader inflates with zlib */
	enum part part;
	unsigned char head[10];	 /* the header's fixed fields, or the trailer */
	size_t hlen;		 /* ... bytes of them read */
	size_t skip;		 /* bytes of the extra field left to skip */
	int flags;		 /* the header's flags (FEXTRA, FNAME, ...) still to read */
	uint32_t hcrc;		 /* the CRC of the header's bytes so far (FHCRC) */
	int damage;		 /* ISA-L's error, when DAMAGED */
#endif
	unsigned char *in; /* the file's bytes, read ahead */
	size_t ipos, ilen;
	int in_eof;		 /* read() said end of file */
	int in_errno;		 /* read() failed with this (0: it did not) */
	unsigned long long base; /* file offset of in[0] */

	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct slot slot[RING];
	size_t next_in, next_out; /* the producer's and the consumer's slots */
	int held;		  /* the consumer holds slot next_out - 1 */
	int done;		  /* the producer has finished: end or error */
	int failed;		  /* ... on an error, described in why */
	int stop;		  /* the consumer is closing: the producer quits */
	int pause;		  /* reader_here: the producer quits before its next slot */
	int here;		  /* ... and has: reader_chunk fills the slots itself */
	char why[200];
};

static int stopping(struct reader *r)
{
	pthread_mutex_lock(&r->mu);
	int stop = r->stop;
	pthread_mutex_unlock(&r->mu);
	return stop;
}

/* Reads more of the file after the bytes not yet used (moved to the front):
 * 1 read, 0 end of file, -1 read error (in_errno). */
static int input_more(struct reader *r)
{
	if (r->in_errno)
		return -1;
	if (r->in_eof)
		return 0;
	if (r->ipos) {
		memmove(r->in, r->in + r->ipos, r->ilen - r->ipos);
		r->base += r->ipos;
		r->ilen -= r->ipos;
		r->ipos = 0;
	}
	for (;;) {
		ssize_t n = read(r->fd, r->in + r->ilen, INPUT - r->ilen);
		if (n > 0) {
			r->ilen += (size_t)n;
			return 1;
		}
		if (n == 0) {
			r->in_eof = 1;
			return 0;
		}
		if (errno != EINTR) {
			r->in_errno = errno;
			return -1;
		}
	}
}

/* Makes at least `want` unused bytes available unless the file ends first:
 * 0 (check ilen - ipos), -1 read error. */
static int input_have(struct reader *r, size_t want)
{
	while (r->ilen - r->ipos < want) {
		int got = input_more(r);
		if (got <= 0)
			return got;
	}
	return 0;
}

static int read_failed(struct reader *r)
{
	snprintf(r->why, sizeof r->why, "read error: %s", strerror(r->in_errno));
	return -1;
}

/* Data after the last gzip member that is not another member: read to the
 * end of the file to say what it is, and call it damage (gzip -d says
 * "trailing garbage ignored" and exits 2; zeros, a tape's padding, too). */
static int trailing(struct reader *r)
{
	unsigned long long at = r->base + r->ipos, bytes = 0;
	int zeros = 1;
	for (;;) {
		for (size_t i = r->ipos; i < r->ilen; i++)
			zeros &= r->in[i] == 0;
		bytes += r->ilen - r->ipos;
		r->ipos = r->ilen;
		if (stopping(r))
			break;
		int got = input_more(r);
		if (got < 0)
			return read_failed(r);
		if (got == 0)
			break;
	}
	if (zeros)
		snprintf(r->why, sizeof r->why,
			 "trailing zeros after the gzip data (%llu byte%s from byte %llu: padding, "
			 "or damage)",
			 bytes, bytes == 1 ? "" : "s", at);
	else
		snprintf(r->why, sizeof r->why,
			 "trailing garbage after the gzip data (%llu byte%s from byte %llu, not a "
			 "gzip member)",
			 bytes, bytes == 1 ? "" : "s", at);
	return -1;
}

/* A damaged member: msg says what the inflater found. */
static int corrupt(struct reader *r, const char *msg)
{
	if (r->members > 1)
		snprintf(r->why, sizeof r->why, "corrupt gzip stream (%s) in gzip member %ld", msg,
			 r->members);
	else
		snprintf(r->why, sizeof r->why, "corrupt gzip stream (%s)", msg);
	return -1;
}

/* zlib: inflates the input at hand into r->out: 1 at the member's end, 0
 * (more input wanted, or the output full), -1 error in why. */
static int zlib_step(struct reader *r)
{
	r->z.next_in = r->in + r->ipos;
	r->z.avail_in = (uInt)(r->ilen - r->ipos);
	r->z.next_out = r->out;
	r->z.avail_out = (uInt)r->avail;
	int ret = inflate(&r->z, Z_NO_FLUSH);
	r->ipos = r->ilen - r->z.avail_in;
	r->out = r->z.next_out;
	r->avail = r->z.avail_out;
	if (ret == Z_STREAM_END)
		return 1;
	if (ret == Z_OK || ret == Z_BUF_ERROR) /* Z_BUF_ERROR: no progress possible */
		return 0;
	if (ret == Z_MEM_ERROR) {
		snprintf(r->why, sizeof r->why, "read error: out of memory");
		return -1;
	}
	return corrupt(r, r->z.msg ? r->z.msg : zError(Z_DATA_ERROR));
}

#ifdef ALMAUDIT_WITH_ISAL
#define FHCRC 0x02
#define FEXTRA 0x04
#define FNAME 0x08
#define FCOMMENT 0x10

/* Takes up to `want` bytes of the input into head, summing them into the
 * header's CRC when `sum`: 1 when head holds `want`, 0 when the input ran
 * out first. */
static int take(struct reader *r, size_t want, int sum)
{
	size_t n = r->ilen - r->ipos;
	if (n > want - r->hlen)
		n = want - r->hlen;
	memcpy(r->head + r->hlen, r->in + r->ipos, n);
	if (sum)
		r->hcrc = crc32_gzip_refl(r->hcrc, r->in + r->ipos, n);
	r->ipos += n;
	r->hlen += n;
	return r->hlen == want;
}

/* Reads a gzip header (RFC 1952) as zlib does, the same faults named in
 * zlib's words: 1 read, 0 more input wanted, -1 error. */
static int isal_header(struct reader *r)
{
	if (r->flags < 0) { /* the fixed fields: ID1 ID2 CM FLG MTIME XFL OS */
		int whole = take(r, 10, 1);
		if (r->hlen >= 4 && r->head[2] != 8) /* zlib looks at CM with FLG */
			return corrupt(r, "unknown compression method");
		if (r->hlen >= 4 && (r->head[3] & 0xe0))
			return corrupt(r, "unknown header flags set");
		if (!whole)
			return 0;
		r->flags = r->head[3];
		r->hlen = 0;
	}
	if (r->flags & FEXTRA) {
		if (r->hlen < 2) { /* its length, then the bytes to skip */
			if (!take(r, 2, 1))
				return 0;
			r->skip = (size_t)r->head[0] | (size_t)r->head[1] << 8;
		}
		size_t n = r->ilen - r->ipos;
		if (n > r->skip)
			n = r->skip;
		r->hcrc = crc32_gzip_refl(r->hcrc, r->in + r->ipos, n);
		r->ipos += n;
		r->skip -= n;
		if (r->skip)
			return 0;
		r->flags &= ~FEXTRA;
		r->hlen = 0;
	}
	for (int field = FNAME; field <= FCOMMENT; field <<= 1) {
		if (!(r->flags & field))
			continue;
		const unsigned char *p = r->in + r->ipos;
		const unsigned char *nul = memchr(p, 0, r->ilen - r->ipos);
		size_t n = nul ? (size_t)(nul - p) + 1 : r->ilen - r->ipos;
		r->hcrc = crc32_gzip_refl(r->hcrc, p, n);
		r->ipos += n;
		if (!nul)
			return 0;
		r->flags &= ~field;
	}
	if (r->flags & FHCRC) {
		if (!take(r, 2, 0))
			return 0;
		if (((unsigned)r->head[0] | (unsigned)r->head[1] << 8) != (r->hcrc & 0xffff))
			return corrupt(r, "header crc mismatch");
		r->flags &= ~FHCRC;
	}
	return 1;
}

/* What each of ISA-L's errors means, in zlib's words where they match. */
static const char *isal_error(int ret)
{
	switch (ret) {
	case ISAL_INVALID_BLOCK:
		return "invalid block header";
	case ISAL_INVALID_SYMBOL:
		return "invalid literal/length or distance code";
	case ISAL_INVALID_LOOKBACK:
		return "invalid distance too far back";
	default:
		return "invalid deflate data";
	}
}

/* ISA-L: as zlib_step. */
static int isal_step(struct reader *r)
{
	struct inflate_state *s = r->isal;
	if (r->part == HEADER) {
		int got = isal_header(r);
		if (got <= 0)
			return got;
		r->part = DATA;
	}
	if (r->part == DATA) {
		s->next_in = r->in + r->ipos;
		s->avail_in = (uint32_t)(r->ilen - r->ipos);
		s->next_out = r->out;
		s->avail_out = (uint32_t)r->avail;
		int ret = isal_inflate(s);
		r->ipos = r->ilen - s->avail_in;
		r->out = s->next_out;
		r->avail = s->avail_out;
		if (ret < 0) {
			r->damage = ret;
			r->part = DAMAGED;
		} else if (s->block_state == ISAL_BLOCK_FINISH) {
			/* ISA-L has read up to 8 bytes past the deflate data into its
			 * bit buffer (after the rest of the last byte): the trailer's */
			uint64_t bits = s->read_in >> (s->read_in_length % 8);
			r->hlen = 0;
			for (int i = 0; i < s->read_in_length / 8 && i < 8; i++)
				r->head[r->hlen++] = (unsigned char)(bits >> (8 * i));
			r->part = TRAILER;
		} else {
			return 0;
		}
	}
	if (r->part == DAMAGED) {
		/* ISA-L inflates up to 32 KiB into a buffer of its own before
		 * handing it out: on damage, what it had no room for stays there */
		size_t n = (size_t)(s->tmp_out_valid - s->tmp_out_processed);
		if (n > r->avail)
			n = r->avail;
		memcpy(r->out, s->tmp_out_buffer + s->tmp_out_processed, n);
		s->tmp_out_processed += (int32_t)n;
		r->out += n;
		r->avail -= n;
		if (s->tmp_out_processed < s->tmp_out_valid)
			return 0;
		return corrupt(r, isal_error(r->damage));
	}
	/* the trailer: CRC-32 and length (mod 2^32) of the member's data */
	size_t n = r->ilen - r->ipos;
	if (n > 8 - r->hlen)
		n = 8 - r->hlen;
	memcpy(r->head + r->hlen, r->in + r->ipos, n);
	r->ipos += n;
	r->hlen += n;
	if (r->hlen < 8)
		return 0;
	uint32_t crc = 0, size = 0;
	for (int i = 3; i >= 0; i--) {
		crc = crc << 8 | r->head[i];
		size = size << 8 | r->head[4 + i];
	}
	if (crc != s->crc)
		return corrupt(r, "incorrect data check");
	if (size != s->total_out)
		return corrupt(r, "incorrect length check");
	return 1;
}
#endif

/* 1 when r inflates with ISA-L, 0 with zlib. */
static int with_isal(const struct reader *r)
{
#ifdef ALMAUDIT_WITH_ISAL
	return r->isal != NULL;
#else
	(void)r;
	return 0;
#endif
}

/* Starts inflating a gzip member: 0, or -1 error in why. */
static int member_start(struct reader *r)
{
#ifdef ALMAUDIT_WITH_ISAL
	if (r->isal) {
		isal_inflate_reset(r->isal);
		r->part = HEADER;
		r->hlen = 0;
		r->skip = 0;
		r->flags = -1;
		r->hcrc = 0;
		return 0;
	}
#endif
	if (inflateReset(&r->z) != Z_OK) {
		snprintf(r->why, sizeof r->why, "corrupt gzip stream (%s)", zError(Z_STREAM_ERROR));
		return -1;
	}
	return 0;
}

static int inflate_step(struct reader *r)
{
#ifdef ALMAUDIT_WITH_ISAL
	if (r->isal)
		return isal_step(r);
#endif
	return zlib_step(r);
}

/* Inflates into s up to a chunk, member after member (what gzip -t reads):
 * 1 more to come, 0 clean end, -1 error in why. Whatever was inflated
 * before an error is in s->len, to be handed out before the error. */
static int fill_gzip(struct reader *r, struct slot *s)
{
	int state = 1;
	r->out = s->data;
	r->avail = CHUNK;
	while (r->avail) {
		if (!r->in_member) {
			/* between members: another member, or the end of the file */
			if (input_have(r, 2) < 0) {
				state = read_failed(r);
				break;
			}
			size_t left = r->ilen - r->ipos;
			if (left == 0 && r->members > 0) {
				state = 0;
				break;
			}
			if (left < 2 || r->in[r->ipos] != 0x1f || r->in[r->ipos + 1] != 0x8b) {
				state = trailing(r);
				break;
			}
			if (member_start(r) < 0) {
				state = -1;
				break;
			}
			r->in_member = 1;
			r->members++;
		}
		/* at the end of the file the inflater still runs, without input:
		 * what it holds back comes out before the end is called a cut */
		if (r->ipos == r->ilen && input_more(r) < 0) {
			state = read_failed(r);
			break;
		}
		size_t ipos = r->ipos, avail = r->avail;
		int ret = inflate_step(r);
		if (ret < 0) {
			state = -1;
			break;
		}
		if (ret > 0) {
			r->in_member = 0;
			continue;
		}
		if (r->ipos == ipos && r->avail == avail) {
			/* no progress: the input is used up */
			if (r->ipos < r->ilen) {
				state = corrupt(r, "the inflater made no progress");
				break;
			}
			if (r->in_eof) {
				snprintf(r->why, sizeof r->why,
					 "truncated gzip stream (unexpected end of file)");
				state = -1;
				break;
			}
		}
	}
	s->len = CHUNK - r->avail;
	return state;
}

/* Copies the file into s as it is: 1 more to come, 0 end, -1 error. */
static int fill_plain(struct reader *r, struct slot *s)
{
	size_t len = r->ilen - r->ipos;
	if (len > CHUNK)
		len = CHUNK;
	memcpy(s->data, r->in + r->ipos, len);
	r->ipos += len;
	int state = 1;
	if (r->in_errno)
		state = read_failed(r);
	else if (r->in_eof && r->ipos == r->ilen)
		state = 0;
	while (state > 0 && len < CHUNK) {
		ssize_t n = read(r->fd, s->data + len, CHUNK - len);
		if (n > 0) {
			len += (size_t)n;
		} else if (n == 0) {
			state = 0;
		} else if (errno != EINTR) {
			r->in_errno = errno;
			state = read_failed(r);
		}
	}
	s->len = len;
	return state;
}

/* Fills slot s (free: only the caller writes it), and with the lock held
 * on return marks it full and says the end. The state: 1 more follows, 0
 * the end, -1 an error. */
static int fill(struct reader *r, struct slot *s)
{
	int state = r->gzip ? fill_gzip(r, s) : fill_plain(r, s);
	pthread_mutex_lock(&r->mu);
	if (s->len) {
		/* bytes read before an error or the end are handed out first */
		s->full = 1;
		r->next_in = (r->next_in + 1) % RING;
	}
	if (state <= 0) {
		r->done = 1;
		r->failed = state < 0;
	}
	pthread_cond_broadcast(&r->cv);
	return state;
}

static void *produce(void *arg)
{
	struct reader *r = arg;
	for (;;) {
		pthread_mutex_lock(&r->mu);
		while (r->slot[r->next_in].full && !r->stop && !r->pause)
			pthread_cond_wait(&r->cv, &r->mu);
		if (r->stop || r->pause) {
			pthread_mutex_unlock(&r->mu);
			return NULL;
		}
		struct slot *s = &r->slot[r->next_in];
		pthread_mutex_unlock(&r->mu);

		/* the slot is free and only this thread writes it until full */
		int state = fill(r, s);
		pthread_mutex_unlock(&r->mu);
		if (state <= 0)
			return NULL;
	}
}

/* Formats other than gzip and text, told by their first bytes. */
struct foreign {
	const char *magic;
	size_t len;
	const char *what;
	const char *tool; /* the command that writes it decompressed, or NULL */
	const char *todo; /* what to do when there is no such command */
};

static const struct foreign foreign[] = {
	{"BZh", 3, "a bzip2 file", "bzip2 -dc", NULL},
	{"\xFD\x37\x7A\x58\x5A\x00", 6, "an xz file", "xz -dc", NULL},
	{"\x28\xB5\x2F\xFD", 4, "a zstd file", "zstd -dc", NULL},
	{"\x04\x22\x4D\x18", 4, "an lz4 file", "lz4 -dc", NULL},
	{"\x02\x21\x4C\x18", 4, "an lz4 file", "lz4 -dc", NULL},
	{"\x1F\x9D", 2, "a compress (.Z) file", "gzip -dc", NULL},
	{"LZIP", 4, "an lzip file", "lzip -dc", NULL},
	{"7z\xBC\xAF\x27\x1C", 6, "a 7z archive", NULL, "extract it first, e.g. 7z x FILE"},
	{"PK\x03\x04", 4, "a zip archive (an Excel workbook?)", NULL,
	 "save it as CSV, or unzip it first"},
	{"PK\x05\x06", 4, "an empty zip archive", NULL, "export the job history as CSV"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "an Office document (an Excel 97-2003 workbook?)",
	 NULL, "save it as CSV"},
};

/* The entry for the first n bytes at p, or NULL when none fits. bzip2's
 * "BZh" counts only with its block size digit and a block or end marker
 * after it, so that text starting "BZh" is still text. */
static const struct foreign *foreign_of(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++) {
		const struct foreign *f = &foreign[i];
		if (n < f->len || memcmp(p, f->magic, f->len) != 0)
			continue;
		if (f->magic[0] == 'B' &&
		    (n < 10 || p[3] < '1' || p[3] > '9' ||
		     (memcmp(p + 4, "\x31\x41\x59\x26\x53\x59", 6) != 0 &&
		      memcmp(p + 4, "\x17\x72\x45\x38\x50\x90", 6) != 0)))
			continue;
		return f;
	}
	return NULL;
}

/* What a message about a compressed file suggests: see reader_set_rules. */
static int rules_hint;

void reader_set_rules(int rules)
{
	rules_hint = rules;
}

/* Reports a file of another format: what it is and what to do. */
static void report_foreign(const char *name, const char *path, const struct foreign *f)
{
	/* the file as a shell word, for the command to copy */
	char word[300];
	if (strcmp(path, "-") == 0 || strlen(path) > 200)
		snprintf(word, sizeof word, "FILE");
	else if (strspn(path, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
			      "_-+./,:@%") == strlen(path))
		snprintf(word, sizeof word, "%s", path);
	else if (!strchr(path, '\''))
		snprintf(word, sizeof word, "'%s'", path);
	else
		snprintf(word, sizeof word, "FILE");
	if (f->tool && rules_hint)
		diag_error(name, 0,
			   "%s: rules files are plain CSV: decompress it (%s %s > NEW) and put "
			   "NEW in its place",
			   f->what, f->tool, word);
	else if (f->tool)
		diag_error(name, 0, "%s: decompress it first, e.g. %s %s | almaudit audit -", f->what,
			   f->tool, word);
	else if (strstr(f->todo, "FILE"))
		diag_error(name, 0, "%s: %.*s%s%s", f->what, (int)(strstr(f->todo, "FILE") - f->todo),
			   f->todo, word, strstr(f->todo, "FILE") + 4);
	else
		diag_error(name, 0, "%s: %s", f->what, f->todo);
}

/* Readers inflate with zlib even when ISA-L is built in: see
 * reader_use_zlib. */
static int zlib_only;

void reader_use_zlib(int on)
{
	zlib_only = on;
}

const char *reader_inflater(void)
{
#ifdef ALMAUDIT_WITH_ISAL
	if (!zlib_only)
		return "ISA-L";
#endif
	return "zlib";
}

static void reader_free(struct reader *r)
{
	term_unwatch(r->fd);
	if (r->z_ready)
		inflateEnd(&r->z);
#ifdef ALMAUDIT_WITH_ISAL
	free(r->isal);
#endif
	if (r->fd >= 0)
		close(r->fd);
	for (size_t i = 0; i < RING; i++)
		free(r->slot[i].data);
	free(r->in);
	free(r);
}

struct reader *reader_open(const char *path)
{
	const char *name = strcmp(path, "-") ? path : "(standard input)";
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) : open(path, O_RDONLY);
	if (fd < 0) {
		diag_error(name, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct reader *r = calloc(1, sizeof *r);
	if (!r) {
		close(fd);
		diag_error(name, 0, "out of memory");
		return NULL;
	}
	r->fd = fd;
	term_watch(name, fd); /* a progress line on a terminal for a long read */
	if (!(r->in = malloc(INPUT)))
		goto oom;
	for (size_t i = 0; i < RING; i++)
		if (!(r->slot[i].data = malloc(CHUNK)))
			goto oom;

	/* What the file is, from its first bytes. A read error is the
	 * stream's, reported by the caller at its line like any other. */
	if (input_have(r, SNIFF) == 0) {
		const unsigned char *p = r->in;
		const struct foreign *f = foreign_of(p, r->ilen);
		if (f) {
			report_foreign(name, path, f);
			reader_free(r);
			return NULL;
		}
		r->gzip = r->ilen >= 2 && p[0] == 0x1f && p[1] == 0x8b;
	}
#ifdef ALMAUDIT_WITH_ISAL
	if (r->gzip && !zlib_only) {
		if (!(r->isal = calloc(1, sizeof *r->isal)))
			goto oom;
		isal_inflate_init(r->isal);
		r->isal->crc_flag = ISAL_GZIP_NO_HDR; /* sum the CRC; the trailer is read here */
	}
#endif
	if (r->gzip && !with_isal(r)) {
		if (inflateInit2(&r->z, 16 + MAX_WBITS) != Z_OK)
			goto oom;
		r->z_ready = 1;
	}
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->cv, NULL);
	/* a small stack: inflating needs little, and an address space limited
	 * by ulimit -v need not hold a second 8 MiB */
	pthread_attr_t attr;
	int made = pthread_attr_init(&attr) == 0;
	if (made)
		pthread_attr_setstacksize(&attr, 512u * 1024u);
	int started = pthread_create(&r->thread, made ? &attr : NULL, produce, r) == 0;
	if (made)
		pthread_attr_destroy(&attr);
	if (!started) {
		pthread_mutex_destroy(&r->mu);
		pthread_cond_destroy(&r->cv);
		goto oom;
	}
	return r;
oom:
	reader_free(r);
	diag_error(name, 0, "cannot read: out of memory or threads");
	return NULL;
}

int reader_chunk(struct reader *r, const unsigned char **data, size_t *len, const char **why)
{
	pthread_mutex_lock(&r->mu);
	if (r->held) {
		/* give back the chunk handed out last time */
		r->slot[(r->next_out + RING - 1) % RING].full = 0;
		r->held = 0;
		pthread_cond_broadcast(&r->cv);
	}
	while (!r->slot[r->next_out].full && !r->done) {
		if (r->here) {
			/* the producer has quit: fill here, into the slot just
			 * given back (still in the cache), the others freed */
			unsigned k = (unsigned)((r->next_out + RING - 1) % RING);
			for (unsigned i = 0; i < RING; i++)
				if (i != k && !r->slot[i].full) {
					free(r->slot[i].data);
					r->slot[i].data = NULL;
				}
			if (!r->slot[k].data && !(r->slot[k].data = malloc(CHUNK))) {
				snprintf(r->why, sizeof r->why, "out of memory");
				r->done = r->failed = 1;
				break;
			}
			r->next_in = r->next_out = k;
			pthread_mutex_unlock(&r->mu);
			fill(r, &r->slot[k]);
			continue;
		}
		pthread_cond_wait(&r->cv, &r->mu);
	}
	int got;
	if (r->slot[r->next_out].full) {
		struct slot *s = &r->slot[r->next_out];
		*data = s->data;
		*len = s->len;
		r->next_out = (r->next_out + 1) % RING;
		r->held = 1;
		got = 1;
	} else if (r->failed) {
		*why = r->why;
		got = -1;
	} else {
		got = 0;
	}
	pthread_mutex_unlock(&r->mu);
	return got;
}

void reader_unread(struct reader *r)
{
	pthread_mutex_lock(&r->mu);
	if (r->held) {
		/* the slot is still full: step back to it */
		r->next_out = (r->next_out + RING - 1) % RING;
		r->held = 0;
	}
	pthread_mutex_unlock(&r->mu);
}

void reader_here(struct reader *r)
{
	if (r->here)
		return;
	pthread_mutex_lock(&r->mu);
	r->pause = 1;
	pthread_cond_broadcast(&r->cv);
	pthread_mutex_unlock(&r->mu);
	pthread_join(r->thread, NULL); /* after the slot it fills, if any */
	r->here = 1;
}

int reader_is_gzip(const struct reader *r)
{
	return r->gzip;
}

void reader_close(struct reader *r)
{
	if (!r)
		return;
	pthread_mutex_lock(&r->mu);
	r->stop = 1;
	pthread_cond_broadcast(&r->cv);
	pthread_mutex_unlock(&r->mu);
	if (!r->here)
		pthread_join(r->thread, NULL);
	pthread_mutex_destroy(&r->mu);
	pthread_cond_destroy(&r->cv);
	reader_free(r);
}
