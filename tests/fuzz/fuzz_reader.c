/* Fuzzes the reader from raw bytes to typed runs: plain or gzip bytes as
 * given (first byte even), or the rest gzip-compressed first (first byte
 * odd) so that the CSV behind a valid gzip stream is explored too. Checks
 * that no row is lost: rows read = runs returned + rows rejected; and that
 * the build's inflater (ISA-L when built with it) and zlib read the same
 * bytes alike: both end cleanly with the same bytes, or both stop on an
 * error having handed out the same bytes as far as both went; and that the
 * rows read in a thread of their own (rowpipe) give the same runs, counts
 * and messages, in the same order, as the rows read on the caller's
 * thread. */
#include "diag.h"
#include "fuzz.h"
#include "ingest.h"
#include "reader.h"
#include "rowpipe.h"
#include "tally.h"
#include "times.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static FILE *quiet; /* where messages go between reads */

static unsigned char *gzip_of(const uint8_t *data, size_t size, size_t *out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	size_t cap = deflateBound(&z, size) + 32;
	unsigned char *buf = malloc(cap);
	z.next_in = (unsigned char *)data;
	z.avail_in = (unsigned)size;
	z.next_out = buf;
	z.avail_out = (unsigned)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		abort();
	*out = z.total_out;
	deflateEnd(&z);
	return buf;
}

/* The first `cap` bytes path inflates to with the default inflater (or
 * zlib), in *out (the caller frees), their count in *len, all of them in
 * *total; returns the reader's last status (0 clean end, -1 error). */
static int inflated(const char *path, int zlib, size_t cap, unsigned char **out, size_t *len,
		    size_t *total)
{
	reader_use_zlib(zlib);
	struct reader *r = reader_open(path);
	reader_use_zlib(0);
	*out = NULL;
	*len = *total = 0;
	if (!r)
		abort(); /* the first reader opened it */
	const unsigned char *p;
	size_t n;
	const char *why;
	int got;
	while ((got = reader_chunk(r, &p, &n, &why)) > 0) {
		size_t keep = *len + n > cap ? cap - *len : n;
		if (keep) {
			unsigned char *grown = realloc(*out, *len + keep);
			if (!grown)
				abort();
			*out = grown;
			memcpy(*out + *len, p, keep);
			*len += keep;
		}
		*total += n;
	}
	reader_close(r);
	return got;
}

/* Both inflaters on a gzip file: they agree as said at the top. */
static void inflaters_agree(const char *path)
{
	const size_t cap = 64u << 20; /* compared as far as this */
	unsigned char *a, *b;
	size_t alen, blen, atotal, btotal;
	int as = inflated(path, 0, cap, &a, &alen, &atotal);
	int bs = inflated(path, 1, cap, &b, &blen, &btotal);
	size_t common = alen < blen ? alen : blen;
	if (as != bs || (common && memcmp(a, b, common) != 0) || (as == 0 && atotal != btotal))
		abort(); /* the inflaters disagree */
	free(a);
	free(b);
}

/* What reading path gives, as text: every run's fields, the counts, and
 * every message, in order (the caller frees it); the rows read in a
 * thread of their own (how 2) or not (0). Aborts when a row was lost. */
static char *read_all(const char *path, int how, size_t *len)
{
	char *text = NULL;
	FILE *out = open_memstream(&text, len);
	if (!out)
		abort();
	diag_set_stream(out);
	rowpipe_enable(how);
	struct tally t;
	tally_init(&t);
	struct ingest *in = ingest_new(NULL, &t, NULL);
	uint64_t runs = 0;
	if (in && ingest_open(in, path, RUN_PRODUCTION) == 0) {
		struct run r;
		while (ingest_next(in, &r) > 0) {
			runs++;
			/* every string of a run is readable to its end */
			fprintf(out, "%ld %llu %lld %lld %lld %d %lld|%s|%s|%s|%s|%s|%s|%s\n", r.line,
				(unsigned long long)r.id, (long long)r.submit_time,
				(long long)r.start_time, (long long)r.end_time, r.progress,
				(long long)r.records, r.name, r.job_id, r.category, r.user,
				r.user_name, r.status, r.set_name);
		}
	}
	if (t.read != runs + tally_rejected(&t))
		abort(); /* a row was lost silently */
	fprintf(out, "read %llu runs %llu rejected %llu\n", (unsigned long long)t.read,
		(unsigned long long)runs, (unsigned long long)tally_rejected(&t));
	ingest_free(in);
	tally_free(&t);
	rowpipe_enable(1);
	diag_set_stream(quiet);
	fclose(out);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int once;
	if (!once++) {
		times_set_zone("America/New_York");
		/* rejected input is reported: keep the fuzzer's output readable */
		quiet = fopen("/dev/null", "w");
		diag_set_stream(quiet);
	}
	if (size == 0)
		return 0;
	int compress = data[0] & 1;
	data++;
	size--;
	unsigned char *gz = NULL;
	size_t gzsize = 0;
	if (compress)
		gz = gzip_of(data, size, &gzsize);
	const char *path = fuzz_file(gz ? gz : data, gz ? gzsize : size);

	size_t alen, plen;
	char *alone = read_all(path, 0, &alen);
	char *piped = read_all(path, 2, &plen);
	if (alen != plen || memcmp(alone, piped, alen) != 0) {
		/* the rows' thread read otherwise: both said, for the log */
		fprintf(stderr, "read on the caller's thread:\n%.*s\nread in the rows' thread:\n%.*s\n",
			(int)alen, alone, (int)plen, piped);
		abort();
	}
	free(alone);
	free(piped);
	const unsigned char *bytes = gz ? gz : data;
	if ((gz ? gzsize : size) >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
		inflaters_agree(path); /* what the reader takes for gzip */
	fuzz_done();
	free(gz);
	return 0;
}
