#define _XOPEN_SOURCE 700 /* nftw */
#include "testutil.h"

#include <ftw.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char dir[256];
static pid_t dir_owner; /* the process that made dir: it alone removes it */
static int serial;
static char paths[64][512];

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* The scratch directory removed at the exit of the process that made it
 * (Check runs each test in a child of its own: one directory a test, 66,000
 * of them once filled the disk), never by a child it forked. */
static void remove_dir(void)
{
	if (dir[0] && getpid() == dir_owner)
		nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *testutil_path(const char *suffix)
{
	if (!dir[0] || getpid() != dir_owner) {
		/* a child of the maker (a forked test) makes its own */
		snprintf(dir, sizeof dir, "%s/almaudit-test-XXXXXX",
			 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			exit(2);
		}
		dir_owner = getpid();
		atexit(remove_dir);
	}
	char *p = paths[serial % 64];
	snprintf(p, sizeof paths[0], "%s/f%d-%d%s", dir, (int)getpid(), serial++, suffix);
	return p;
}

const char *testutil_plain(const char *data)
{
	const char *path = testutil_path(".csv");
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, strlen(data), f) != strlen(data) || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
	return path;
}

const char *testutil_gzip(const char *data, int members)
{
	const char *path = testutil_path(".csv.gz");
	size_t len = strlen(data), done = 0;
	FILE *out = fopen(path, "wb");
	if (!out) {
		perror(path);
		exit(2);
	}
	for (int m = 0; m < members; m++) {
		size_t part = m == members - 1 ? len - done : len / (size_t)members;
		/* each member is a whole gzip stream of its own */
		const char *tmp = testutil_path(".part.gz");
		gzFile g = gzopen(tmp, "wb");
		if (part)
			gzwrite(g, data + done, (unsigned)part);
		gzclose(g);
		char *bytes = testutil_read(tmp);
		size_t n = testutil_size(tmp);
		fwrite(bytes, 1, n, out);
		free(bytes);
		done += part;
	}
	fclose(out);
	return path;
}

const char *testutil_gzip_cut(const char *data, size_t keep)
{
	const char *whole = testutil_gzip(data, 1);
	char *bytes = testutil_read(whole);
	const char *path = testutil_path(".cut.gz");
	FILE *f = fopen(path, "wb");
	fwrite(bytes, 1, keep, f);
	fclose(f);
	free(bytes);
	return path;
}

void testutil_append(const char *path, const void *bytes, size_t n)
{
	FILE *f = fopen(path, "ab");
	if (!f || fwrite(bytes, 1, n, f) != n || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

const char *testutil_bytes(const void *bytes, size_t n, const char *suffix)
{
	const char *path = testutil_path(suffix);
	FILE *f = fopen(path, "wb");
	if (!f || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
	testutil_append(path, bytes, n);
	return path;
}

size_t testutil_gunzip_prefix(const char *path, size_t in)
{
	unsigned char *bytes = (unsigned char *)testutil_read(path);
	unsigned char out[65536];
	size_t total = 0;
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		exit(2);
	z.next_in = bytes;
	z.avail_in = (uInt)in;
	int ret;
	do {
		z.next_out = out;
		z.avail_out = sizeof out;
		ret = inflate(&z, Z_NO_FLUSH);
		total += sizeof out - z.avail_out;
	} while (ret == Z_OK && z.avail_out == 0);
	inflateEnd(&z);
	free(bytes);
	return total;
}

void testutil_write(const char *in, const char *name, const char *text)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", in, name);
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

void testutil_write_bytes(const char *in, const char *name, const void *data, size_t len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", in, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

char *testutil_utf16(const char *text, int big_endian, size_t *len)
{
	size_t n = strlen(text), cap = 4 * n + 4, left = cap - 2, inleft = n;
	char *out = malloc(cap), *o = out + 2, *in = (char *)text;
	iconv_t cd = iconv_open(big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8");
	if (!out || cd == (iconv_t)-1 || iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		perror("iconv");
		exit(2);
	}
	iconv_close(cd);
	out[0] = big_endian ? '\xFE' : '\xFF';
	out[1] = big_endian ? '\xFF' : '\xFE';
	*len = cap - left;
	return out;
}

const char *testutil_dir(void)
{
	const char *made = testutil_path(".d");
	if (mkdir(made, 0700) != 0) {
		perror(made);
		exit(2);
	}
	return made;
}

size_t testutil_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (size_t)st.st_size : 0;
}

char *testutil_read(const char *path)
{
	size_t n = testutil_size(path);
	char *buf = malloc(n + 1);
	FILE *f = fopen(path, "rb");
	if (!buf || !f || fread(buf, 1, n, f) != n) {
		perror(path);
		exit(2);
	}
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static int saved_fd = -1;
static char err_path[512];

void testutil_stderr_begin(void)
{
	fflush(stderr);
	snprintf(err_path, sizeof err_path, "%s", testutil_path(".err"));
	saved_fd = dup(2);
	if (!freopen(err_path, "w", stderr)) {
		perror(err_path);
		exit(2);
	}
}

const char *testutil_stderr_end(void)
{
	static char text[8192];
	fflush(stderr);
	dup2(saved_fd, 2);
	close(saved_fd);
	char *s = testutil_read(err_path);
	snprintf(text, sizeof text, "%s", s);
	free(s);
	return text;
}

int testutil_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
