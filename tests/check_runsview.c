#define _POSIX_C_SOURCE 200809L /* fmemopen, open_memstream */
/* Unit tests of reports/runs_view.c: the listing's cells cut with "…" by
 * columns (UTF-8 never cut inside a character, wide characters two columns,
 * combining marks none), --top keeping the first N of the order over many
 * runs, and a sort past RUNS_VIEW_MAX runs an error, never a silent cut. */
#include "report.h"
#include "runs_view.h"
#include "tally.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *cell(const char *s, int width)
{
	static char buf[256];
	FILE *f = fmemopen(buf, sizeof buf, "w");
	runs_view_cell(f, s, width);
	fclose(f);
	return buf;
}

START_TEST(cells_cut_with_an_ellipsis)
{
	ck_assert_str_eq(cell("abc", 5), "abc  ");
	ck_assert_str_eq(cell("abcde", 5), "abcde");
	ck_assert_str_eq(cell("abcdef", 5), "abcd\xE2\x80\xA6");
	ck_assert_str_eq(cell("abcdef", 0), "abcdef");
	/* two-byte characters are never cut inside */
	ck_assert_str_eq(cell("Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m", 6), "Zo\xC3\xAB \xC3\x85\xE2\x80\xA6");
	/* wide characters take two columns: 3 of them and the … fill 7 */
	ck_assert_str_eq(cell("\xE6\x9D\x8E\xE5\xBE\xB7\xE5\x8D\x8E\xE5\x85\x88\xE7\x94\x9F", 7),
			 "\xE6\x9D\x8E\xE5\xBE\xB7\xE5\x8D\x8E\xE2\x80\xA6");
	/* in 6 columns 2 of them, the …, one space */
	ck_assert_str_eq(cell("\xE6\x9D\x8E\xE5\xBE\xB7\xE5\x8D\x8E\xE5\x85\x88\xE7\x94\x9F", 6),
			 "\xE6\x9D\x8E\xE5\xBE\xB7\xE2\x80\xA6 ");
	ck_assert_str_eq(cell("\xE6\x9D\x8E\xE5\xBE\xB7", 4), "\xE6\x9D\x8E\xE5\xBE\xB7");
	/* a combining mark takes none: "Rene\u0301e" fits 6 columns whole */
	ck_assert_str_eq(cell("Rene\xCC\x81" "e", 6), "Rene\xCC\x81" "e ");
	ck_assert_str_eq(cell("Rene\xCC\x81" "eX", 5), "Rene\xCC\x81\xE2\x80\xA6");
	/* controls become spaces; a stray byte a '?' */
	ck_assert_str_eq(cell("a\tb\xFF", 5), "a b? ");
	ck_assert_str_eq(cell("a\tb\xFF" "cdef", 5), "a b?\xE2\x80\xA6");
}
END_TEST

/* Feeds n runs (records from rec(i)) through a view into text; returns
 * the text. */
static char *feed(const struct runs_view_options *o, size_t n, int64_t (*rec)(size_t),
		  int *failed)
{
	static char *buf;
	size_t size;
	FILE *out = open_memstream(&buf, &size);
	struct reporter inner;
	reporter_runs_text(&inner, out, 0, 0);
	struct runs_view v;
	runs_view_init(&v, &inner, o);
	struct reporter *r = runs_view_reporter(&v);
	struct tally t;
	memset(&t, 0, sizeof t);
	struct period p;
	ck_assert_int_eq(period_set(&p, NULL, NULL, NULL, 0), 0);
	struct report_info info;
	memset(&info, 0, sizeof info);
	info.tally = &t;
	info.period = &p;
	r->begin(r, &info);
	for (size_t i = 0; i < n; i++) {
		char user[32];
		snprintf(user, sizeof user, "user %zu", i % 7);
		struct run run = {"in.csv", (long)i + 2, 1000 + i, "J", "Job", "", RUN_MANUAL, 0,
				  user, user, 0, 0, 0, (int64_t)i * 60, (int64_t)i * 60000,
				  "COMPLETED_SUCCESS", 100, rec(i), 0, "set", RUN_PRODUCTION, 0, 0, NULL, 0, NULL, 0, NULL, 0, 0, 0};
		struct verdict vd;
		memset(&vd, 0, sizeof vd);
		vd.job = vd.person = -1;
		struct report_run rr = {&run, &vd, "ok", NULL};
		r->run(r, &rr);
	}
	testutil_stderr_begin();
	r->end(r, &info);
	const char *err = testutil_stderr_end();
	*failed = runs_view_failed(&v);
	if (*failed)
		ck_assert_msg(strstr(err, "almaudit: --sort holds at most 100,000 runs and this "
					  "listing has 100,001: narrow it"),
			      "%s", err);
	else
		ck_assert_str_eq(err, "");
	runs_view_free(&v);
	fclose(out);
	return buf;
}

static int64_t spread(size_t i)
{
	return (int64_t)(i * 7919 % 10007);
}

START_TEST(top_keeps_the_first_of_the_order)
{
	times_set_zone("UTC");
	struct runs_view_options o = {0, RUNS_BY_RECORDS, 3, 0, 1};
	int failed;
	char *text = feed(&o, 10007, spread, &failed);
	ck_assert_int_eq(failed, 0);
	/* the three largest of i * 7919 mod 10007: 10006, 10005, 10004 */
	const char *a = strstr(text, "10,006"), *b = strstr(text, "10,005"),
		   *c = strstr(text, "10,004");
	ck_assert_msg(a && b && c && a < b && b < c, "%s", text);
	ck_assert_ptr_null(strstr(text, "10,003"));
	ck_assert_ptr_nonnull(strstr(text, "The first 3 of 10,007 runs by records (--top 3).\n"));
	free(text);
}
END_TEST

START_TEST(a_sort_past_the_bound_is_an_error)
{
	times_set_zone("UTC");
	struct runs_view_options o = {0, RUNS_BY_TIME, 0, 0, 1};
	int failed;
	char *text = feed(&o, RUNS_VIEW_MAX, spread, &failed);
	ck_assert_int_eq(failed, 0);
	free(text);
	text = feed(&o, RUNS_VIEW_MAX + 1, spread, &failed);
	ck_assert_int_eq(failed, 1);
	/* nothing of the listing but the error */
	ck_assert_str_eq(text, "ERROR: the listing could not be written whole; see the error above.\n");
	free(text);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("runsview");
	TCase *tc = tcase_create("runsview");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, cells_cut_with_an_ellipsis);
	tcase_add_test(tc, top_keeps_the_first_of_the_order);
	tcase_add_test(tc, a_sort_past_the_bound_is_an_error);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
