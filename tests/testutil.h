/* testutil: helpers shared by the Check suites: scratch files (plain and
 * gzip, whole or cut short), and capturing what a call writes to stderr.
 * Everything is per test process (Check forks each test); nothing to free
 * but the strings testutil_read returns. */
#ifndef ALMAUDIT_TESTUTIL_H
#define ALMAUDIT_TESTUTIL_H

#include <stddef.h>

#include <check.h>

/* A fresh path in a scratch directory, with the given suffix. */
const char *testutil_path(const char *suffix);

/* Writes data to a new scratch file and returns its path. */
const char *testutil_plain(const char *data);
/* Writes data as gzip, split into `members` concatenated gzip members. */
const char *testutil_gzip(const char *data, int members);
/* Writes data as gzip and then keeps only the first `keep` bytes. */
const char *testutil_gzip_cut(const char *data, size_t keep);
/* Appends n bytes to the file at path. */
void testutil_append(const char *path, const void *bytes, size_t n);
/* Writes n bytes to a new scratch file (suffix as testutil_path) and
 * returns its path. */
const char *testutil_bytes(const void *bytes, size_t n, const char *suffix);
/* How many bytes the first `in` bytes of the gzip file at path inflate to
 * (zlib, as far as they go). */
size_t testutil_gunzip_prefix(const char *path, size_t in);
/* Writes text to dir/name (a rules directory, say). */
void testutil_write(const char *dir, const char *name, const char *text);
/* Writes len bytes to dir/name. */
void testutil_write_bytes(const char *dir, const char *name, const void *data, size_t len);
/* text (UTF-8) as UTF-16 with its byte order mark, little- or big-endian,
 * as Excel's "Unicode text" saves it; *len set; the caller frees. */
char *testutil_utf16(const char *text, int big_endian, size_t *len);

/* A fresh scratch directory. */
const char *testutil_dir(void);

/* Size of a file in bytes. */
size_t testutil_size(const char *path);

/* The whole of a file, NUL-terminated; the caller frees it. */
char *testutil_read(const char *path);

/* Sends stderr to a scratch file until testutil_stderr_end, which returns
 * what was written (static storage, overwritten by the next call). */
void testutil_stderr_begin(void);
const char *testutil_stderr_end(void);

/* Runs a suite and returns the process's exit status: Check's runner sets
 * none by itself. */
int testutil_run(Suite *s);

#endif
