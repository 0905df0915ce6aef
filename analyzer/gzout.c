#include "gzout.h"

#include "diag.h"

#include <zlib.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct gzout {
	z_stream z;
	FILE *f;
	const char *name;
	unsigned long long in;
	unsigned char buf[65536];
};

struct gzout *gzout_new(FILE *f, const char *name)
{
	struct gzout *g = calloc(1, sizeof *g);
	/* windowBits 15 + 16: a gzip header and trailer around the deflate data */
	if (!g || deflateInit2(&g->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
			       Z_DEFAULT_STRATEGY) != Z_OK) {
		free(g);
		diag_error(name, 0, "out of memory");
		return NULL;
	}
	g->f = f;
	g->name = name;
	return g;
}

/* Runs deflate over what is pending with flush, writing what it makes. */
static int pump(struct gzout *g, int flush)
{
	int rc;
	do {
		g->z.next_out = g->buf;
		g->z.avail_out = sizeof g->buf;
		rc = deflate(&g->z, flush);
		if (rc == Z_STREAM_ERROR) {
			diag_error(g->name, 0, "gzip: %s", g->z.msg ? g->z.msg : "deflate failed");
			return -1;
		}
		size_t n = sizeof g->buf - g->z.avail_out;
		if (n && fwrite(g->buf, 1, n, g->f) != n) {
			diag_error(g->name, 0, "write error: %s", strerror(errno));
			return -1;
		}
	} while (g->z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
	return 0;
}

int gzout_write(struct gzout *g, const void *p, size_t n)
{
	const unsigned char *s = p;
	while (n) {
		uInt k = n > 1u << 30 ? 1u << 30 : (uInt)n;
		g->z.next_in = (unsigned char *)(uintptr_t)s;
		g->z.avail_in = k;
		if (pump(g, Z_NO_FLUSH) != 0)
			return -1;
		s += k;
		n -= k;
		g->in += k;
	}
	return 0;
}

int gzout_finish(struct gzout *g)
{
	g->z.next_in = NULL;
	g->z.avail_in = 0;
	int rc = pump(g, Z_FINISH);
	gzout_free(g);
	return rc;
}

void gzout_free(struct gzout *g)
{
	if (!g)
		return;
	deflateEnd(&g->z);
	free(g);
}

unsigned long long gzout_bytes(const struct gzout *g)
{
	return g->in;
}
