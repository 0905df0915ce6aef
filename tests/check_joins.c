/* Unit tests of analyzer/joins.c's identity join (spec section 1.2): the
 * manual runs counted per input (joins_person) and the ERROR or WARNING
 * joins_identity notes, for a CSV export without a name column and for the
 * API's JSON, whose instances give a name each (submitted_by.desc) or not. */
#include "joins.h"
#include "matrix.h"
#include "rules.h"
#include "tally.h"
#include "testutil.h"

#include <check.h>
#include <string.h>

static struct rules *rules;
static struct tally t;

/* A rules directory whose staff.csv gives Anne Adams, with alma_ids ids. */
static struct rules *load(const char *ids)
{
	const char *dir = testutil_dir();
	char staff[200];
	snprintf(staff, sizeof staff, "name,unit,alma_ids,aliases\nAnne Adams,ITS,%s,\n", ids);
	testutil_write(dir, "jobs.csv",
		       "job,scope,title,damaging,large_set,match,includes\n"
		       "withdraw,Items,Withdraw items,yes,,^Withdraw items(?: - |$),\n");
	testutil_write(dir, "staff.csv", staff);
	testutil_write(dir, "approvals.csv",
		       "job,staff,signed_off,revoked,sets,ticket,note\nwithdraw,Anne Adams,,,,,\n");
	struct rules *r = matrix_load(dir);
	ck_assert_ptr_nonnull(r);
	return r;
}

static void setup(void)
{
	rules = load("");
	tally_init(&t);
}

static void teardown(void)
{
	tally_free(&t);
	matrix_free(rules);
}

/* A production input: json 1 the API's instances (its names column
 * submitted_by.desc), else a CSV export with a name column or not. */
static struct tally_file *input(const char *name, int json, int name_col)
{
	int i = tally_add_file(&t, name, RUN_PRODUCTION);
	ck_assert_int_ge(i, 0);
	t.files[i].json = json;
	t.files[i].user_name_col = name_col;
	return &t.files[i];
}

/* n runs of input f by user (named name, "" none): matched to Anne Adams
 * (person 0) or not (-1). */
static void runs(struct tally_file *f, int n, const char *user, const char *name, int person)
{
	for (int i = 0; i < n; i++)
		joins_person(&t, f->name, user, name, person, RULES_BY_NAME);
}

/* joins_identity with standard error kept out of the test's output. */
static int identity(const struct rules *r)
{
	testutil_stderr_begin();
	int got = joins_identity(&t, r);
	testutil_stderr_end();
	return got;
}

START_TEST(counts_per_input)
{
	struct tally_file *f = input("a.json", 1, 1);
	runs(f, 2, "aadams", "Adams, Anne", 0);
	runs(f, 3, "801", "", -1);
	runs(f, 1, "802", "Castillo, Rafael", -1);
	ck_assert_uint_eq(f->manual, 6);
	ck_assert_uint_eq(f->unmatched, 4);
	ck_assert_uint_eq(f->nameless, 3);
	ck_assert_str_eq(f->nameless_id, "801");
	ck_assert_uint_eq(t.manual_runs, 6);
	ck_assert_uint_eq(t.matched, 2);
}
END_TEST

START_TEST(json_without_names_is_the_error)
{
	/* one id, no name: not "one stranger", the join itself failed */
	runs(input("d.json", 1, 1), 3, "80120001", "", -1);
	ck_assert_int_eq(identity(rules), 1);
	ck_assert_uint_eq(t.nnotes, 1);
	ck_assert_int_eq(t.notes[0].error, 1);
	ck_assert_ptr_nonnull(strstr(t.notes[0].text,
				     "d.json gives no name (submitted_by.desc) for 3 of its 3 manual "
				     "runs and staff.csv gives no alma_ids"));
	ck_assert_ptr_null(strstr(t.notes[0].text, "Submitted By Name"));
}
END_TEST

START_TEST(json_without_submitted_by_is_the_error)
{
	runs(input("d.json", 1, 1), 2, "", "", -1);
	ck_assert_int_eq(identity(rules), 1);
	ck_assert_ptr_nonnull(strstr(t.notes[0].text, "gives no name (submitted_by.desc) for 2 of"));
}
END_TEST

START_TEST(json_ids_not_in_alma_ids)
{
	struct rules *r = load("aadams");
	runs(input("d.json", 1, 1), 3, "80120001", "", -1);
	ck_assert_int_eq(identity(r), 1);
	ck_assert_ptr_nonnull(strstr(t.notes[0].text,
				     "d.json gives no name (submitted_by.desc) for 3 of its 3 manual "
				     "runs, and the submitted_by ids ('80120001') are not among the "
				     "alma_ids of staff.csv"));
	matrix_free(r);
}
END_TEST

START_TEST(json_one_named_stranger_is_a_finding)
{
	runs(input("d.json", 1, 1), 3, "rc", "Castillo, Rafael", -1);
	ck_assert_int_eq(identity(rules), 0);
	ck_assert_uint_eq(t.nnotes, 0);
}
END_TEST

START_TEST(json_mixed_names_the_cause_of_most)
{
	/* the nameless runs are most of those not matched: they are the cause */
	struct tally_file *f = input("mix.json", 1, 1);
	runs(f, 2, "aadams", "Adams, Anne", 0);
	runs(f, 2, "801", "", -1);
	runs(f, 1, "802", "Morse, Mary", -1);
	ck_assert_int_eq(identity(rules), 1);
	ck_assert_uint_eq(t.nnotes, 1);
	ck_assert_ptr_nonnull(strstr(t.notes[0].text, "mix.json gives no name (submitted_by.desc) "
						      "for 2 of its 5 manual runs"));
}
END_TEST

START_TEST(json_mixed_strangers_the_cause)
{
	/* the strangers are most of those not matched: they are the cause, the
	 * nameless runs a WARNING with no CSV column to export */
	struct tally_file *f = input("mix.json", 1, 1);
	runs(f, 2, "aadams", "Adams, Anne", 0);
	runs(f, 1, "801", "", -1);
	runs(f, 1, "802", "Morse, Mary", -1);
	runs(f, 1, "803", "Castillo, Rafael", -1);
	ck_assert_int_eq(identity(rules), 1);
	ck_assert_uint_eq(t.nnotes, 2);
	/* their names, not the nameless run's id */
	ck_assert_ptr_nonnull(strstr(t.notes[0].text, "the people who ran them ('Morse, Mary', "
						      "'Castillo, Rafael')"));
	ck_assert_int_eq(t.notes[1].error, 0);
	ck_assert_ptr_nonnull(strstr(t.notes[1].text, "1 of the 5 manual runs of mix.json give no "
						      "name and staff.csv gives no alma_ids"));
	ck_assert_ptr_null(strstr(t.notes[1].text, "Submitted By Name"));
}
END_TEST

START_TEST(csv_without_name_column)
{
	runs(input("d.csv", 0, 0), 3, "80120001", "", -1);
	ck_assert_int_eq(identity(rules), 1);
	ck_assert_ptr_nonnull(strstr(t.notes[0].text,
				     "d.csv has no submitted_by_desc column (Submitted By Name) and "
				     "staff.csv gives no alma_ids, so runs can be matched by neither "
				     "name nor id; export the Submitted By Name column too"));
}
END_TEST

START_TEST(half_matched_is_no_error)
{
	struct tally_file *f = input("d.json", 1, 1);
	runs(f, 2, "aadams", "Adams, Anne", 0);
	runs(f, 2, "801", "", -1);
	ck_assert_int_eq(identity(rules), 0);
	ck_assert_uint_eq(t.nnotes, 1); /* the WARNING of the nameless runs */
	ck_assert_int_eq(t.notes[0].error, 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("joins");
	TCase *tc = tcase_create("identity");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, counts_per_input);
	tcase_add_test(tc, json_without_names_is_the_error);
	tcase_add_test(tc, json_without_submitted_by_is_the_error);
	tcase_add_test(tc, json_ids_not_in_alma_ids);
	tcase_add_test(tc, json_one_named_stranger_is_a_finding);
	tcase_add_test(tc, json_mixed_names_the_cause_of_most);
	tcase_add_test(tc, json_mixed_strangers_the_cause);
	tcase_add_test(tc, csv_without_name_column);
	tcase_add_test(tc, half_matched_is_no_error);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return testutil_run(suite());
}
