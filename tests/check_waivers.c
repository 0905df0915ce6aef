/* Unit tests of analyzer/waivers.c: which findings a waiver covers (every
 * field, the date bounds in the local zone, file order), how waivers.csv is
 * found in a rules directory or named by --waivers, and every check of the
 * file with its exact message at file:line. */
#include "matrix.h"
#include "rules.h"
#include "testutil.h"
#include "times.h"
#include "verdict.h"
#include "waivers.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER "finding,job,staff,run_id,sets,from,until,ticket,reason\n"

static const char *dir;

/* A rules directory: two people (one with an alias and an Alma id), two
 * jobs, one approval; and waivers.csv when waivers is not NULL. */
static void rules_dir(const char *waivers)
{
	dir = testutil_dir();
	testutil_write(dir, "staff.csv",
		       "name,unit,alma_ids,aliases\n"
		       "Honor Moody,ITS,801,Honor M. Moody\n"
		       "Te-Yi Lee,GUT,802,\n");
	testutil_write(dir, "jobs.csv",
		       "job,scope,title,damaging,large_set,match,includes\n"
		       "withdraw,Items,Batch item withdrawals,yes,,^Withdraw items,\n"
		       "change,Items,Change physical items,,,^Change Physical Items,\n");
	testutil_write(dir, "approvals.csv",
		       "job,staff,signed_off,revoked,sets,ticket,note\n"
		       "withdraw,Honor Moody,,,,,\n");
	if (waivers)
		testutil_write(dir, "waivers.csv", waivers);
}

/* Loads the rules with waivers.csv holding HEADER + rows; NULL when they
 * do not load. What was written to stderr goes to *err (may be NULL). */
static struct rules *load(const char *rows, const char **err)
{
	char *text = malloc(strlen(HEADER) + strlen(rows) + 1);
	strcpy(text, HEADER);
	strcat(text, rows);
	rules_dir(text);
	free(text);
	testutil_stderr_begin();
	struct rules *r = matrix_load(dir);
	const char *e = testutil_stderr_end();
	if (err)
		*err = e;
	return r;
}

static int64_t day(const char *ymd)
{
	int y, m, d;
	ck_assert_int_eq(times_parse_date(ymd, strlen(ymd), &y, &m, &d), 0);
	return times_days_from_civil(y, m, d);
}

/* A run and its verdict: job id (NULL: unlisted), person (NULL: not in
 * staff.csv), export id and name, set, and time (ISO or New York). */
struct judged {
	struct run run;
	struct verdict v;
};

static struct judged judged(const struct rules *r, const char *job, const char *person,
			    const char *user, const char *user_name, const char *set,
			    const char *time, uint64_t id)
{
	struct judged j;
	memset(&j, 0, sizeof j);
	j.run.id = id;
	j.run.name = "a run";
	j.run.job_id = j.run.category = j.run.status = "";
	j.run.user = user;
	j.run.user_name = user_name;
	j.run.set_name = set;
	ck_assert_int_eq(times_parse(time, strlen(time), &j.run.time), 0);
	j.v.job = job ? rules_job_by_id(r, job) : -1;
	j.v.person = person ? rules_person_by_text(r, person) : -1;
	ck_assert(!job || j.v.job >= 0);
	ck_assert(!person || j.v.person >= 0);
	return j;
}

/* The line of the waiver covering the finding, 0 when none does. */
static long covers(const struct rules *r, enum finding_kind k, const struct judged *j)
{
	int i = waivers_find(r->waivers, k, &j->run, &j->v);
	return i < 0 ? 0 : r->waivers->w[i].line;
}

static void setup(void)
{
	ck_assert_int_eq(times_set_zone("America/New_York"), 0);
}

START_TEST(optional_file)
{
	rules_dir(NULL);
	struct rules *r = matrix_load(dir);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_null(r->waivers);
	struct judged j = judged(r, "change", "Te-Yi Lee", "802", "Lee, Te-Yi", "", "2026-10-05 10:00", 1);
	ck_assert_int_eq(waivers_find(r->waivers, FIND_UNAPPROVED, &j.run, &j.v), -1);
	matrix_free(r);

	/* the shipped rules have one, with its header and no waiver */
	r = matrix_load(ALMAUDIT_SOURCE_DIR "/rules");
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(r->waivers);
	ck_assert_uint_eq(r->waivers->n, 0);
	ck_assert_str_eq(r->waivers->name, "waivers.csv");
	matrix_free(r);
}
END_TEST

START_TEST(every_field_must_match)
{
	struct rules *r = load("unapproved,,,,.*,,2026-12-31,T-1,any unapproved run on any set\n"
			       "no-signoff,change,,,,,2026-12-31,T-2,the job\n"
			       "damaging-large-set,,Te-Yi Lee,,,,2026-12-31,T-3,the person\n"
			       "unknown-size,,,4711,,,2026-12-31,T-4,the run\n"
			       "unlisted-job,,,,^hd transfer,,2026-12-31,T-5,the set caseless\n"
			       ",withdraw,Honor Moody,,,,2026-12-31,T-6,any kind\n",
			       NULL);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->waivers->n, 6);
	struct judged lee = judged(r, "change", "Te-Yi Lee", "802", "Lee, Te-Yi", "HD Transfer 3",
				   "2026-10-05 10:00", 4711);
	struct judged moody = judged(r, "withdraw", "Honor Moody", "801", "Moody, Honor", "weeding",
				     "2026-10-05 10:00", 12);
	/* the kind, on any set */
	ck_assert_int_eq(covers(r, FIND_UNAPPROVED, &lee), 2);
	ck_assert_int_eq(covers(r, FIND_UNAPPROVED, &moody), 2);
	/* the job */
	ck_assert_int_eq(covers(r, FIND_NO_SIGNOFF, &lee), 3);
	ck_assert_int_eq(covers(r, FIND_NO_SIGNOFF, &moody), 7);
	/* the person */
	ck_assert_int_eq(covers(r, FIND_DAMAGING_LARGE_SET, &lee), 4);
	ck_assert_int_eq(covers(r, FIND_DAMAGING_LARGE_SET, &moody), 7);
	/* the run */
	ck_assert_int_eq(covers(r, FIND_UNKNOWN_SIZE, &lee), 5);
	ck_assert_int_eq(covers(r, FIND_UNKNOWN_SIZE, &moody), 7);
	/* the set, a caseless pattern */
	ck_assert_int_eq(covers(r, FIND_UNLISTED_JOB, &lee), 6);
	struct judged other = lee;
	other.v.person = -1;
	other.run.set_name = "weeding";
	ck_assert_int_eq(covers(r, FIND_UNLISTED_JOB, &other), 0);
	/* job and person together: both must match */
	struct judged moody_change = moody;
	moody_change.v.job = rules_job_by_id(r, "change");
	ck_assert_int_eq(covers(r, FIND_UNLISTED_JOB, &moody_change), 0);
	ck_assert_int_eq(covers(r, FIND_UNLISTED_JOB, &moody), 7);
	matrix_free(r);
}
END_TEST

START_TEST(people_by_staff_or_export)
{
	struct rules *r = load("unapproved,,Honor M. Moody,,,,2026-12-31,T,an alias\n"
			       "no-signoff,,802,,,,2026-12-31,T,an Alma id of staff.csv\n"
			       "damaging-large-set,,exl_api,,,,2026-12-31,T,an export id\n"
			       "unknown-size,,\"Castillo, Rafael\",,,,2026-12-31,T,an export name\n",
			       NULL);
	ck_assert_ptr_nonnull(r);
	struct judged moody = judged(r, "withdraw", "Honor Moody", "99", "Moody, Honor", "",
				     "2026-10-05 10:00", 1);
	struct judged lee = judged(r, "withdraw", "Te-Yi Lee", "", "Lee, Te-Yi", "",
				   "2026-10-05 10:00", 2);
	struct judged api = judged(r, "change", NULL, "exl_api", "API", "", "2026-10-05 10:00", 3);
	struct judged castillo = judged(r, "change", NULL, "80130004", "Rafael  CASTILLO", "",
					"2026-10-05 10:00", 4);
	/* a staff person by alias, or by Alma id, whichever way the run found them */
	ck_assert_int_eq(covers(r, FIND_UNAPPROVED, &moody), 2);
	ck_assert_int_eq(covers(r, FIND_UNAPPROVED, &lee), 0);
	ck_assert_int_eq(covers(r, FIND_NO_SIGNOFF, &lee), 3);
	ck_assert_int_eq(covers(r, FIND_NO_SIGNOFF, &moody), 0);
	/* someone not in staff.csv by the export's id, or name in either order */
	ck_assert_int_eq(covers(r, FIND_DAMAGING_LARGE_SET, &api), 4);
	ck_assert_int_eq(covers(r, FIND_DAMAGING_LARGE_SET, &castillo), 0);
	ck_assert_int_eq(covers(r, FIND_UNKNOWN_SIZE, &castillo), 5);
	ck_assert_int_eq(covers(r, FIND_UNKNOWN_SIZE, &api), 0);
	ck_assert_int_eq(r->waivers->w[2].person, -1);
	ck_assert_int_eq(r->waivers->w[3].person, -1);
	/* the export's id or name covers only people not in staff.csv: a staff
	 * person whose run carries the same export id or name is not theirs */
	struct judged lee_as_api = judged(r, "change", "Te-Yi Lee", "exl_api", "Lee, Te-Yi", "",
					  "2026-10-05 10:00", 5);
	struct judged lee_as_castillo = judged(r, "change", "Te-Yi Lee", "7", "Castillo, Rafael",
					       "", "2026-10-05 10:00", 6);
	ck_assert_int_eq(covers(r, FIND_DAMAGING_LARGE_SET, &lee_as_api), 0);
	ck_assert_int_eq(covers(r, FIND_UNKNOWN_SIZE, &lee_as_castillo), 0);
	matrix_free(r);
}
END_TEST

START_TEST(local_dates_inclusive)
{
	struct rules *r = load("unapproved,change,,,,2026-10-01,2026-10-31,T,October\n", NULL);
	ck_assert_ptr_nonnull(r);
	const char *in[] = {"2026-10-01 00:00", "2026-10-31 23:59",
			    "2026-10-01T04:00:00Z" /* midnight in New York */,
			    "2026-11-01T03:59:00Z" /* 23:59 on 31 October in New York */};
	const char *out[] = {"2026-09-30 23:59", "2026-11-01 00:00",
			     "2026-10-01T03:59:00Z" /* still 30 September in New York */,
			     "2026-11-01T04:00:00Z"};
	for (size_t i = 0; i < 4; i++) {
		struct judged a = judged(r, "change", NULL, "x", "", "", in[i], 1);
		struct judged b = judged(r, "change", NULL, "x", "", "", out[i], 1);
		ck_assert_msg(covers(r, FIND_UNAPPROVED, &a) == 2, "%s not covered", in[i]);
		ck_assert_msg(covers(r, FIND_UNAPPROVED, &b) == 0, "%s covered", out[i]);
	}
	/* no from: every day up to until */
	matrix_free(r);
	r = load("unapproved,change,,,,,2026-10-31,T,until October's end\n", NULL);
	struct judged old = judged(r, "change", NULL, "x", "", "", "2019-01-01 10:00", 1);
	ck_assert_int_eq(covers(r, FIND_UNAPPROVED, &old), 2);
	ck_assert(!waivers_expired(&r->waivers->w[0], day("2026-10-31")));
	ck_assert(waivers_expired(&r->waivers->w[0], day("2026-11-01")));
	matrix_free(r);
}
END_TEST

START_TEST(first_in_file_order)
{
	struct rules *r = load("unapproved,change,,,,,2026-12-31,T-1,first\n"
			       "unapproved,change,exl_api,,,,2026-12-31,T-2,second\n",
			       NULL);
	struct judged api = judged(r, "change", NULL, "exl_api", "API", "", "2026-10-05 10:00", 1);
	ck_assert_int_eq(covers(r, FIND_UNAPPROVED, &api), 2);
	ck_assert_str_eq(r->waivers->w[0].ticket, "T-1");
	ck_assert_str_eq(r->waivers->w[0].reason, "first");
	matrix_free(r);
}
END_TEST

/* The exact messages of a waivers file, prefix "almaudit: DIR/waivers.csv". */
static void expect(const char *rows, const char *const *lines, size_t n, int loads)
{
	const char *err;
	struct rules *r = load(rows, &err);
	ck_assert_msg((r != NULL) == loads, "loaded: %d, want %d (%s)", r != NULL, loads, err);
	matrix_free(r);
	char want[4096] = "";
	for (size_t i = 0; i < n; i++)
		snprintf(want + strlen(want), sizeof want - strlen(want),
			 "almaudit: %s/waivers.csv:%s\n", dir, lines[i]);
	ck_assert_str_eq(err, want);
}

START_TEST(checks_at_file_and_line)
{
	const char *const want[] = {
		"2: unknown finding kind 'unaproved' (one of unapproved, no-signoff, "
		"damaging-large-set, unknown-size, unlisted-job)",
		"3: unknown job 'withdrawal' (did you mean 'withdraw'?)",
		"4: unknown person 'Honor Mody' (did you mean 'Honor Moody'? someone not in "
		"staff.csv is named by the export's id)",
		"5: run_id '61000x' is not a run id (the export's id, digits)",
		"6: sets pattern error at offset 5: missing closing parenthesis",
		"7: from '2026-13-01' is not a date (want YYYY-MM-DD)",
		"8: until '31/10/2026' is not a date (want YYYY-MM-DD)",
		"9: until 2026-09-30 is before from 2026-10-01",
		"10: missing until: no waiver is forever",
		"11: missing ticket: say where the exception was accepted",
		"12: missing reason: say why the exception is accepted",
		"13: a waiver that names no job, person, run or set would waive every "
		"finding: name what it covers",
		"14: job 'change' with finding unlisted-job: an unlisted job has no job id (leave "
		"job empty)",
		"15: a waiver that names no job, person, run or set would waive every "
		"unapproved finding: name what it covers",
	};
	expect("unaproved,change,,,,,2026-12-31,T,r\n"
	       "unapproved,withdrawal,,,,,2026-12-31,T,r\n"
	       "unapproved,,Honor Mody,,,,2026-12-31,T,r\n"
	       "unapproved,,,61000x,,,2026-12-31,T,r\n"
	       "unapproved,,,,(HD|x,,2026-12-31,T,r\n"
	       "unapproved,change,,,,2026-13-01,2026-12-31,T,r\n"
	       "unapproved,change,,,,,31/10/2026,T,r\n"
	       "unapproved,change,,,,2026-10-01,2026-09-30,T,r\n"
	       "unapproved,change,,,,2026-10-01,,T,r\n"
	       "unapproved,change,,,,,2026-12-31,,r\n"
	       "unapproved,change,,,,,2026-12-31,T,\n"
	       ",,,,,2026-10-01,2026-12-31,T,r\n"
	       "unlisted-job,change,,,,,2026-12-31,T,r\n"
	       "unapproved,,,,,,2026-12-31,T,r\n",
	       want, sizeof want / sizeof want[0], 0);
}
END_TEST

START_TEST(export_name_is_a_warning)
{
	/* a name not in staff.csv and not close to one: taken as the export's
	 * name, with a warning; the rules load */
	const char *const want[] = {"2: warning: 'Castillo, Rafael' is not in staff.csv: taken as "
				    "the export's name of someone not in staff.csv"};
	expect("unapproved,,\"Castillo, Rafael\",,,,2026-12-31,T,r\n"
	       "unapproved,,exl_api,,,,2026-12-31,T,one word: an export id and no warning\n",
	       want, 1, 1);
}
END_TEST

START_TEST(missing_column)
{
	rules_dir("finding,job,staff,run_id,sets,from,until,ticket\n");
	testutil_stderr_begin();
	struct rules *r = matrix_load(dir);
	const char *err = testutil_stderr_end();
	ck_assert_ptr_null(r);
	char want[512];
	snprintf(want, sizeof want,
		 "almaudit: %s/waivers.csv:1: missing column 'reason' (the header is "
		 "finding,job,staff,run_id,sets,from,until,ticket,reason)\n",
		 dir);
	ck_assert_str_eq(err, want);
}
END_TEST

START_TEST(waivers_file_replaces)
{
	/* --waivers FILE: its waivers, not the directory's, which is not read
	 * (its problems are not reported) */
	const char *err;
	struct rules *r = load("unapproved,change,,,,,,T-1,no until\n", &err);
	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(strstr(err, "waivers.csv:2: missing until"));
	const char *other = testutil_plain(HEADER "no-signoff,withdraw,,,,,2026-12-31,T-2,other\n"
						  "no-signoff,change,,,,,2026-12-31,T-3,other\n");
	testutil_stderr_begin();
	r = matrix_load_with(dir, other);
	ck_assert_str_eq(testutil_stderr_end(), "");
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->waivers->n, 2);
	ck_assert_str_eq(r->waivers->path, other);
	ck_assert_str_eq(r->waivers->w[0].ticket, "T-2");
	matrix_free(r);
	/* a file named must be there */
	testutil_stderr_begin();
	r = matrix_load_with(dir, "/nonexistent/waivers.csv");
	err = testutil_stderr_end();
	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(strstr(err, "almaudit: /nonexistent/waivers.csv: "));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("waivers");
	TCase *tc = tcase_create("waivers");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, optional_file);
	tcase_add_test(tc, every_field_must_match);
	tcase_add_test(tc, people_by_staff_or_export);
	tcase_add_test(tc, local_dates_inclusive);
	tcase_add_test(tc, first_in_file_order);
	tcase_add_test(tc, checks_at_file_and_line);
	tcase_add_test(tc, export_name_is_a_warning);
	tcase_add_test(tc, missing_column);
	tcase_add_test(tc, waivers_file_replaces);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
