/* Unit tests of analyzer/rowpipe.c: an input read with csvrd_next alone and
 * through a rowpipe (its thread started whatever the CPUs) gives the same
 * transcript: every row (line, fields and their lengths, flags, damage),
 * every message csvrd wrote and where among the rows it came, the end, and
 * the encoding read. The inputs span many blocks and hold what moves rows
 * between them: long rows, many fields, damaged quotes, a gzip stream cut
 * short, Windows-1252 bytes late in the file. */
#include "csvrd.h"
#include "diag.h"
#include "rowpipe.h"
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct text {
	char *p;
	size_t len, cap;
};

static void add(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->p = realloc(t->p, t->cap);
		ck_assert_ptr_nonnull(t->p);
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

static void adds(struct text *t, const char *s)
{
	add(t, s, strlen(s));
}

/* The transcript of reading path, after its first row (the header, read as
 * ingest reads it: before the pipe starts); stop: rows read before closing
 * early (0: all). The caller frees it. */
static char *transcript(const char *path, int piped, size_t stop)
{
	FILE *msgs = tmpfile();
	ck_assert_ptr_nonnull(msgs);
	diag_set_stream(msgs);
	struct text t = {0};
	struct csvrd *r = csvrd_open(path, "in.csv");
	ck_assert_ptr_nonnull(r);
	struct csvrow row;
	char line[256];
	snprintf(line, sizeof line, "header %d\n", csvrd_next(r, &row));
	adds(&t, line);
	rowpipe_enable(piped ? 2 : 0);
	struct rowpipe *p = rowpipe_open(r, "in.csv");
	ck_assert(piped ? p != NULL : p == NULL);
	int got;
	size_t rows = 0;
	long said = 0;
	while ((got = p ? rowpipe_next(p, &row) : csvrd_next(r, &row)) > 0) {
		/* what was written so far, before this row */
		fflush(msgs);
		long at = ftell(msgs);
		if (at > said) {
			char buf[4096];
			fseek(msgs, said, SEEK_SET);
			size_t n = fread(buf, 1, sizeof buf, msgs);
			add(&t, buf, n);
			said = at;
		}
		snprintf(line, sizeof line, "row %ld n %zu flags %d damage '%s':", row.line, row.n,
			 row.flags, row.damage);
		adds(&t, line);
		for (size_t i = 0; i < row.n; i++) {
			ck_assert_uint_eq(strlen(row.field[i]), row.len[i]);
			snprintf(line, sizeof line, " %zu:", row.len[i]);
			adds(&t, line);
			add(&t, row.field[i], row.len[i] < 40 ? row.len[i] : 40);
		}
		adds(&t, "\n");
		if (stop && ++rows == stop)
			break;
	}
	if (!stop) {
		/* asked again, the end is the same */
		int again = p ? rowpipe_next(p, &row) : csvrd_next(r, &row);
		ck_assert_int_eq(again, got);
	}
	rowpipe_close(p);
	rowpipe_enable(1);
	fflush(msgs);
	fseek(msgs, said, SEEK_SET);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, msgs)) > 0)
		add(&t, buf, n);
	snprintf(line, sizeof line, "end %d encoding %s\n", stop ? 1 : got,
		 csvrd_encoding(r) ? csvrd_encoding(r) : "UTF-8");
	adds(&t, line);
	csvrd_close(r);
	diag_set_stream(NULL);
	fclose(msgs);
	return t.p;
}

static void same(const char *path, size_t stop)
{
	char *alone = transcript(path, 0, stop);
	char *piped = transcript(path, 1, stop);
	/* the first line that differs, short enough for Check to say */
	size_t at = 0, line = 1;
	while (alone[at] && alone[at] == piped[at])
		line += alone[at++] == '\n';
	while (at && alone[at - 1] != '\n')
		at--;
	ck_assert_msg(strcmp(alone, piped) == 0, "line %zu: alone '%.200s', piped '%.200s'", line,
		      alone + at, piped + at);
	free(alone);
	free(piped);
}

/* rows of every kind, n times over: > ROWPIPE_BLOCKS blocks */
static char *many(size_t n, const char *odd)
{
	struct text t = {0};
	adds(&t, "id,job,user,when,note\n");
	char line[512];
	for (size_t i = 0; i < n; i++) {
		snprintf(line, sizeof line,
			 "%zu,Withdraw items %zu,user%zu,2026-11-%02zu 10:00,\"a note, with \"\"quotes\"\"\"\r\n"
			 "%zu,\"Change physical items\n(two lines)\",u,2026-11-01,\r"
			 "\n  %zu , spaced , out ,,\n",
			 i, i % 7, i % 13, i % 28 + 1, i, i);
		adds(&t, line);
		if (odd && i == n / 2)
			adds(&t, odd);
	}
	return t.p;
}

START_TEST(rows_of_every_kind)
{
	char *data = many(20000, NULL);
	same(testutil_plain(data), 0);
	same(testutil_gzip(data, 3), 0);
	free(data);
}
END_TEST

START_TEST(long_rows_and_many_fields)
{
	/* a row longer than a block, one past CSVRD_FIELD_MAX, one of 1,500
	 * fields (past CSVRD_FIELDS_MAX): each alone in a block or carried */
	struct text odd = {0};
	adds(&odd, "1,");
	for (int i = 0; i < 100000; i++)
		adds(&odd, "x");
	adds(&odd, ",3\n2,");
	for (int i = 0; i < 70000; i++)
		adds(&odd, "y");
	adds(&odd, "\n");
	for (int i = 0; i < 1500; i++)
		adds(&odd, "f,");
	adds(&odd, "end\n");
	char *data = many(3000, odd.p);
	same(testutil_plain(data), 0);
	same(testutil_gzip(data, 1), 0);
	free(data);
	free(odd.p);
}
END_TEST

START_TEST(damage_and_encoding)
{
	/* a quote that never closes (its lines read again), a Windows-1252
	 * byte late, no line end at the end */
	char *data = many(5000, "9,\"never closed,x\n10,caf\xe9,y\n");
	data = realloc(data, strlen(data) + 16);
	strcat(data, "last,row");
	same(testutil_plain(data), 0);
	free(data);
	data = many(4000, "7,\"open\n");
	same(testutil_plain(data), 0);
	free(data);
}
END_TEST

START_TEST(cut_short)
{
	/* a gzip stream cut in the middle: the rows before it, the row it cut
	 * flagged, the message where csvrd_next says it, then -1 */
	char *data = many(20000, NULL);
	const char *whole = testutil_gzip(data, 1);
	size_t size = testutil_size(whole);
	same(testutil_gzip_cut(data, size / 2), 0);
	same(testutil_gzip_cut(data, size - 3), 0);
	free(data);
}
END_TEST

START_TEST(closed_early)
{
	/* closed with blocks in flight (and the thread waiting for room):
	 * no message from rows never handed out, nothing left (ASan) */
	char *data = many(20000, "9,\"never closed\n");
	const char *path = testutil_gzip(data, 1);
	same(path, 3);
	same(path, 5000);
	free(data);
}
END_TEST

START_TEST(empty_after_header)
{
	same(testutil_plain("id,job\n"), 0);
	same(testutil_plain("id,job"), 0);
	same(testutil_gzip("id,job\n\n\n", 1), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rowpipe");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, rows_of_every_kind);
	tcase_add_test(tc, long_rows_and_many_fields);
	tcase_add_test(tc, damage_and_encoding);
	tcase_add_test(tc, cut_short);
	tcase_add_test(tc, closed_early);
	tcase_add_test(tc, empty_after_header);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
