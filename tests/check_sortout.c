/* Unit tests of analyzer/sortout.c: lines come out by time, id, kind, then
 * their bytes, whatever order they went in; the same with a budget so small
 * that every few lines spill to the scratch file and the runs are merged;
 * lines already in order, in reverse order or nearly in order; ties,
 * nothing, one run, codes written out, a line longer than the budget, a scratch file
 * that cannot be written or read back, and a $TMPDIR that takes no file. */
#include "diag.h"
#include "sortout.h"
#include "testutil.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A line made as a renderer makes one: written into a wbuf captured by the
 * sorter (a small buffer, so that long lines flush to the sorter mid-way),
 * then ended with its key. */
static int add_line(struct sortout *s, int64_t t, uint64_t id, unsigned kind, const char *text)
{
	char store[16];
	struct wbuf b;
	wbuf_init(&b, NULL, store, sizeof store);
	sortout_capture(s, &b);
	wbuf_str(&b, text);
	return sortout_add(s, &b, t, id, kind);
}

/* Everything the sorter writes, as a string (the caller frees it). */
static char *written(struct sortout *s, const char *first, const char *between, int *status)
{
	char *text = NULL, store[64];
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	ck_assert_ptr_nonnull(f);
	struct wbuf b;
	wbuf_init(&b, f, store, sizeof store);
	*status = sortout_write(s, &b, first, between);
	wbuf_flush(&b);
	fclose(f);
	return text;
}

struct item {
	int64_t t;
	uint64_t id;
	unsigned kind;
	char text[48];
};

/* n lines with keys that repeat (equal times, ids and kinds), each text
 * holding its key so that the order can be checked from the output. */
static struct item *items(size_t n)
{
	struct item *it = calloc(n, sizeof *it);
	for (size_t i = 0; i < n; i++) {
		it[i].t = (int64_t)((i * 7919) % 97) - 40; /* negative times too */
		it[i].id = (i * 31) % 5;
		it[i].kind = (unsigned)(i % 3);
		snprintf(it[i].text, sizeof it[i].text, "%+05lld %llu %u %c\n", (long long)it[i].t,
			 (unsigned long long)it[i].id, it[i].kind, 'a' + (int)(i % 4));
	}
	return it;
}

static int by_key(const void *x, const void *y)
{
	const struct item *a = x, *b = y;
	if (a->t != b->t)
		return a->t < b->t ? -1 : 1;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->text, b->text);
}

/* The n items put in in the order of perm (i * step % n), written with the
 * budget given: the expected bytes, with how many runs were spilled. */
static void check_order(size_t n, size_t step, size_t budget, size_t *runs)
{
	struct item *it = items(n);
	struct sortout *s = sortout_new(budget, NULL);
	ck_assert_ptr_nonnull(s);
	for (size_t i = 0; i < n; i++) {
		const struct item *x = &it[(i * step) % n];
		ck_assert_int_eq(add_line(s, x->t, x->id, x->kind, x->text), 0);
	}
	ck_assert_uint_eq(sortout_count(s), n);
	*runs = sortout_runs(s);
	qsort(it, n, sizeof *it, by_key);
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += strlen(it[i].text);
	char *want = malloc(total + 1), *w = want;
	for (size_t i = 0; i < n; i++)
		w = stpcpy(w, it[i].text);
	int status;
	char *got = written(s, "", "", &status);
	ck_assert_int_eq(status, 0);
	/* (too long for ck_assert_str_eq's message) */
	size_t at = 0;
	while (got[at] && got[at] == want[at])
		at++;
	ck_assert_msg(got[at] == want[at], "out of order at byte %zu: %.40s", at, got + at);
	free(got);
	free(want);
	free(it);
	sortout_free(s);
}

/* The n items put in already in order (mode 0), in reverse order (1, as
 * Alma exports, newest first), or in order but for neighbours swapped
 * every `every` lines (2): what a chunk's sort takes short cuts for. */
static void check_presorted(size_t n, int mode, size_t every, size_t budget)
{
	struct item *it = items(n);
	qsort(it, n, sizeof *it, by_key);
	struct sortout *s = sortout_new(budget, NULL);
	ck_assert_ptr_nonnull(s);
	for (size_t i = 0; i < n; i++) {
		size_t k = mode == 1 ? n - 1 - i : i;
		if (mode == 2 && i + 1 < n && i % every == 0)
			k = i + 1;
		else if (mode == 2 && i % every == 1)
			k = i - 1;
		const struct item *x = &it[k];
		ck_assert_int_eq(add_line(s, x->t, x->id, x->kind, x->text), 0);
	}
	int status;
	char *got = written(s, "", "", &status), *g = got;
	ck_assert_int_eq(status, 0);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(it[i].text);
		ck_assert_msg(!strncmp(g, it[i].text, len), "mode %d: line %zu is %.20s, not %s", mode,
			      i, g, it[i].text);
		g += len;
	}
	ck_assert_str_eq(g, "");
	free(got);
	free(it);
	sortout_free(s);
}

START_TEST(presorted_orders)
{
	/* in memory, and spilled every few dozen lines; neighbours swapped
	 * rarely (put in place one by one) and often (given up: qsort) */
	size_t budgets[] = {SORTOUT_BUDGET, 4096};
	for (int b = 0; b < 2; b++) {
		check_presorted(3000, 0, 0, budgets[b]);
		check_presorted(3000, 1, 0, budgets[b]);
		check_presorted(3000, 2, 97, budgets[b]);
		check_presorted(3000, 2, 3, budgets[b]);
	}
}
END_TEST

START_TEST(codes_written_out)
{
	/* bytes 1 to 31 with a code come out as the code, in memory and
	 * spilled; a byte without one, as it is; the code at a line's start,
	 * its end, twice in a row, and past the first eight bytes */
	static const char *codes[32] = {[1] = "{\"finding\":", [2] = ",\"id\":", [3] = "}"};
	size_t budgets[] = {4096, SORTOUT_BUDGET};
	for (int b = 0; b < 2; b++) {
		size_t budget = budgets[b];
		struct sortout *s = sortout_new(budget, NULL);
		sortout_codes(s, codes);
		for (int i = 400; i-- > 0;) {
			char line[64];
			snprintf(line, sizeof line, "\001\"x\"\002%d\003\004long enough to pass eight%s", i,
				 i % 2 ? "\002\002" : "");
			ck_assert_int_eq(add_line(s, i, 0, 0, line), 0);
		}
		if (budget == 4096)
			ck_assert_uint_gt(sortout_runs(s), 1);
		int status;
		char *got = written(s, "[", ";", &status);
		ck_assert_int_eq(status, 0);
		ck_assert_ptr_nonnull(strstr(got, "[{\"finding\":\"x\",\"id\":0}\004long enough to pass "
						  "eight;{\"finding\":\"x\",\"id\":1}\004long enough to pass "
						  "eight,\"id\":,\"id\":;"));
		ck_assert_ptr_null(strchr(got, '\001'));
		free(got);
		sortout_free(s);
	}
}
END_TEST

START_TEST(in_memory_any_order)
{
	size_t runs;
	/* ascending, descending-ish and shuffled orders of the same lines */
	check_order(1000, 1, SORTOUT_BUDGET, &runs);
	ck_assert_uint_eq(runs, 0);
	check_order(1000, 999, SORTOUT_BUDGET, &runs);
	check_order(1000, 7, SORTOUT_BUDGET, &runs);
	ck_assert_uint_eq(runs, 0);
}
END_TEST

START_TEST(spilled_and_merged)
{
	size_t runs;
	/* 4096 bytes (the least budget): a run every few dozen lines */
	check_order(5000, 7, 1, &runs);
	ck_assert_uint_gt(runs, 50);
	check_order(5000, 4999, 4096, &runs);
	ck_assert_uint_gt(runs, 50);
}
END_TEST

START_TEST(ties_by_bytes)
{
	struct sortout *s = sortout_new(4096, NULL);
	/* one key: the bytes decide, a prefix first */
	ck_assert_int_eq(add_line(s, 5, 9, 1, "b"), 0);
	ck_assert_int_eq(add_line(s, 5, 9, 1, "ab"), 0);
	ck_assert_int_eq(add_line(s, 5, 9, 1, "a"), 0);
	ck_assert_int_eq(add_line(s, 5, 9, 1, "b"), 0); /* the same line twice: both kept */
	/* the key before the bytes: kind, then id, then time */
	ck_assert_int_eq(add_line(s, 5, 9, 0, "z"), 0);
	ck_assert_int_eq(add_line(s, 5, 8, 4, "y"), 0);
	ck_assert_int_eq(add_line(s, 4, 10, 4, "x"), 0);
	/* ids compared as numbers, not as text */
	ck_assert_int_eq(add_line(s, 6, 10, 0, "ten"), 0);
	ck_assert_int_eq(add_line(s, 6, 9, 0, "nine"), 0);
	int status;
	char *got = written(s, "[", ",", &status);
	ck_assert_int_eq(status, 0);
	ck_assert_str_eq(got, "[x,y,z,a,ab,b,b,nine,ten");
	free(got);
	sortout_free(s);
}
END_TEST

START_TEST(nothing)
{
	struct sortout *s = sortout_new(4096, NULL);
	int status;
	char *got = written(s, "first", "between", &status);
	ck_assert_int_eq(status, 0);
	ck_assert_str_eq(got, ""); /* no separator either */
	free(got);
	ck_assert_uint_eq(sortout_count(s), 0);
	sortout_free(s);
}
END_TEST

START_TEST(one_run)
{
	/* lines enough for one spill, then the rest held: one run merged with
	 * what was held, and a single spilled run alone */
	struct sortout *s = sortout_new(4096, NULL);
	char text[100];
	int n = 0;
	while (!sortout_runs(s)) {
		snprintf(text, sizeof text, "%06d\n", 999999 - n);
		ck_assert_int_eq(add_line(s, 0, 0, 0, text), 0);
		n++;
	}
	ck_assert_uint_eq(sortout_runs(s), 1);
	int status;
	char *got = written(s, "", "", &status);
	ck_assert_int_eq(status, 0);
	ck_assert_uint_eq(strlen(got), 7u * (size_t)n);
	for (int i = 1; i < n; i++)
		ck_assert(memcmp(got + 7 * (i - 1), got + 7 * i, 7) < 0);
	free(got);
	sortout_free(s);
}
END_TEST

START_TEST(line_past_budget)
{
	/* a line longer than the budget (and than the writer's buffer): held
	 * whole, spilled whole, merged whole */
	struct sortout *s = sortout_new(4096, NULL);
	size_t big = 20000;
	char *line = malloc(big + 1);
	memset(line, 'q', big);
	line[big] = '\0';
	ck_assert_int_eq(add_line(s, 2, 0, 0, "two\n"), 0);
	ck_assert_int_eq(add_line(s, 1, 0, 0, line), 0);
	ck_assert_int_eq(add_line(s, 0, 0, 0, "zero\n"), 0);
	ck_assert_uint_ge(sortout_runs(s), 1);
	int status;
	char *got = written(s, "", "", &status);
	ck_assert_int_eq(status, 0);
	ck_assert_uint_eq(strlen(got), big + 9);
	ck_assert(!strncmp(got, "zero\n", 5));
	ck_assert(!memcmp(got + 5, line, big));
	ck_assert_str_eq(got + 5 + big, "two\n");
	free(got);
	free(line);
	sortout_free(s);
}
END_TEST

START_TEST(scratch_write_error)
{
	/* a scratch file that takes nothing (/dev/full): the spill fails,
	 * reported once, and the write says a line was lost */
	FILE *full = fopen("/dev/full", "w+");
	ck_assert_ptr_nonnull(full);
	char *errors = NULL;
	size_t size = 0;
	FILE *err = open_memstream(&errors, &size);
	diag_set_stream(err);
	struct sortout *s = sortout_new(4096, full);
	int failed = 0;
	for (int i = 0; i < 2000; i++)
		failed += add_line(s, i, 0, 0, "a line of some length\n") != 0;
	ck_assert_int_gt(failed, 0);
	int status;
	char *got = written(s, "", "", &status);
	ck_assert_int_eq(status, -1);
	free(got);
	sortout_free(s);
	diag_set_stream(stderr);
	fclose(err);
	ck_assert_ptr_nonnull(strstr(errors, "cannot write the findings to a temporary file"));
	/* said once */
	ck_assert_ptr_null(strstr(strstr(errors, "cannot write") + 1, "cannot write"));
	free(errors);
}
END_TEST

START_TEST(tmpdir_missing)
{
	/* no scratch file can be made in $TMPDIR: /tmp instead, with a
	 * warning that names the directory; the lines all come out in order */
	char *errors = NULL;
	size_t size = 0;
	FILE *err = open_memstream(&errors, &size);
	diag_set_stream(err);
	const char *old = getenv("TMPDIR");
	char *saved = old ? strdup(old) : NULL;
	setenv("TMPDIR", "/nonexistent-almaudit-dir", 1);
	struct sortout *s = sortout_new(4096, NULL);
	int failed = 0;
	for (int i = 2000; i-- > 0;)
		failed += add_line(s, i, 0, 0, "a line of some length\n") != 0;
	ck_assert_int_eq(failed, 0);
	ck_assert_uint_gt(sortout_runs(s), 1);
	int status;
	char *got = written(s, "", "", &status);
	ck_assert_int_eq(status, 0);
	ck_assert_ptr_null(sortout_error(s));
	ck_assert_uint_eq(sortout_written(s), 2000);
	ck_assert_uint_eq(strlen(got), 2000 * strlen("a line of some length\n"));
	free(got);
	sortout_free(s);
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	diag_set_stream(stderr);
	fclose(err);
	ck_assert_ptr_nonnull(strstr(errors, "warning: cannot make a temporary file in "
					     "/nonexistent-almaudit-dir ($TMPDIR)"));
	ck_assert_ptr_nonnull(strstr(errors, "using /tmp"));
	free(errors);
}
END_TEST

START_TEST(scratch_read_error)
{
	/* a scratch file that can be written but not read back (opened
	 * write-only): the merge fails, said once with sortout_error, and
	 * sortout_written counts the lines that did come out */
	char path[] = "/tmp/check_sortout-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	FILE *wo = fopen(path, "w");
	unlink(path);
	ck_assert_ptr_nonnull(wo);
	char *errors = NULL;
	size_t size = 0;
	FILE *err = open_memstream(&errors, &size);
	diag_set_stream(err);
	struct sortout *s = sortout_new(4096, wo);
	for (int i = 0; i < 2000; i++)
		ck_assert_int_eq(add_line(s, i, 0, 0, "a line of some length\n"), 0);
	ck_assert_uint_gt(sortout_runs(s), 1);
	int status;
	free(written(s, "", "", &status));
	ck_assert_int_eq(status, -1);
	ck_assert_uint_lt(sortout_written(s), 2000);
	ck_assert_ptr_nonnull(sortout_error(s));
	ck_assert_ptr_nonnull(strstr(sortout_error(s), "cannot read back the findings"));
	sortout_free(s);
	diag_set_stream(stderr);
	fclose(err);
	ck_assert_ptr_nonnull(strstr(errors, "cannot read back the findings"));
	free(errors);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("sortout");
	TCase *tc = tcase_create("sortout");
	tcase_add_test(tc, in_memory_any_order);
	tcase_add_test(tc, presorted_orders);
	tcase_add_test(tc, codes_written_out);
	tcase_add_test(tc, spilled_and_merged);
	tcase_add_test(tc, ties_by_bytes);
	tcase_add_test(tc, nothing);
	tcase_add_test(tc, one_run);
	tcase_add_test(tc, line_past_budget);
	tcase_add_test(tc, scratch_write_error);
	tcase_add_test(tc, tmpdir_missing);
	tcase_add_test(tc, scratch_read_error);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
