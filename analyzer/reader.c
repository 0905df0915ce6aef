#include "reader.h"

#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define READER_BUFFER (128u * 1024u)

struct reader {
	gzFile gz;
	char why[200];
};

struct reader *reader_open(const char *path)
{
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) : open(path, O_RDONLY);
	if (fd < 0) {
		diag_error(strcmp(path, "-") ? path : "(standard input)", 0, "cannot open: %s",
			   strerror(errno));
		return NULL;
	}
	struct reader *r = calloc(1, sizeof *r);
	if (!r) {
		close(fd);
		diag_error(path, 0, "out of memory");
		return NULL;
	}
	r->gz = gzdopen(fd, "rb");
	if (!r->gz) {
		close(fd);
		free(r);
		diag_error(path, 0, "cannot open: out of memory");
		return NULL;
	}
	gzbuffer(r->gz, READER_BUFFER);
	return r;
}

ssize_t reader_read(struct reader *r, void *buf, size_t n, const char **why)
{
	int err;
	if (n > INT_MAX)
		n = INT_MAX;
	int got = gzread(r->gz, buf, (unsigned)n);
	if (got > 0)
		return got;
	/* gzread returns 0, not -1, when the input stops inside a gzip member:
	 * only gzerror tells a clean end from a truncated one. */
	const char *msg = gzerror(r->gz, &err);
	if (got == 0 && err == Z_OK)
		return 0;
	if (err == Z_BUF_ERROR)
		snprintf(r->why, sizeof r->why, "truncated gzip stream (unexpected end of file)");
	else if (err == Z_DATA_ERROR)
		snprintf(r->why, sizeof r->why, "corrupt gzip stream (%s)", msg);
	else if (err == Z_ERRNO)
		snprintf(r->why, sizeof r->why, "read error: %s", strerror(errno));
	else
		snprintf(r->why, sizeof r->why, "read error: %s", msg);
	*why = r->why;
	return -1;
}

int reader_is_gzip(const struct reader *r)
{
	return !gzdirect(r->gz);
}

void reader_close(struct reader *r)
{
	if (!r)
		return;
	gzclose_r(r->gz);
	free(r);
}
