/* Unit tests of analyzer/filter.c and the lookups it uses in rules.c and
 * run.c: filters take the names people use (a job's title, a surname, one
 * unit of several), and a value that matches nothing the rules or the
 * inputs know is an error with the nearest known value. */
#include "filter.h"
#include "matrix.h"
#include "rules.h"
#include "run.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

static struct rules *rules;

static void setup(void)
{
	times_set_zone("America/New_York");
	const char *dir = testutil_dir();
	testutil_write(dir, "jobs.csv",
		       "job,scope,title,damaging,large_set,match,includes\n"
		       "withdraw,Items,Batch item withdrawals,yes,,^Withdraw items(?: - |$),\n"
		       "change,Items,\"Change physical\n  items\",no,,^Change Physical Items,\n"
		       "change-too,Items,Change physical items,no,,^Change Items Again,\n");
	testutil_write(dir, "staff.csv",
		       "name,unit,alma_ids,aliases\n"
		       "Honor Moody,ITS,801,\n"
		       "Todd Moody,ITS-LANGDELL,,\n"
		       "Julie Petzold,HKS/GUT,,\n"
		       "Te-Yi Lee,GUT,,\n"
		       "Amy Dittman, MED ; ITS ,,\n"
		       "Joshua Parker,DIV,,Josh Parker\n");
	testutil_write(dir, "approvals.csv", "job,staff,signed_off,revoked,sets,ticket,note\n"
					    "withdraw,Honor Moody,,,,,\n");
	rules = matrix_load(dir);
	ck_assert_ptr_nonnull(rules);
}

static void teardown(void)
{
	matrix_free(rules);
}

static int person(const char *name)
{
	int p = rules_person_by_text(rules, name);
	ck_assert_int_ge(p, 0);
	return p;
}

/* A run as the export writes it; the verdict holds the job and person the
 * rules find for it. */
static struct run row(const char *name, const char *user, const char *user_name,
		      const char *status, struct verdict *v)
{
	struct run r = {.id = 1, .name = name, .job_id = "", .category = "", .user = user,
			.user_name = user_name, .status = status, .records = 5, .set_name = ""};
	int by_id;
	memset(v, 0, sizeof *v);
	v->job = rules_job_for_name(rules, name, strlen(name));
	v->person = rules_person_for(rules, user, user_name, &by_id);
	return r;
}

static const char *miss(const struct filter *f, size_t i)
{
	static char msg[512];
	if (!filter_miss(f, rules, i, msg, sizeof msg))
		return NULL;
	return msg;
}

START_TEST(job_by_id_title_or_pattern)
{
	ck_assert_int_eq(rules_job_by_title(rules, "batch ITEM  withdrawals ", 0), 0);
	ck_assert_int_eq(rules_job_by_title(rules, "Change physical items", 0), 1);
	ck_assert_int_eq(rules_job_by_title(rules, "Change physical items", 2), 2);
	ck_assert_int_eq(rules_job_by_title(rules, "Change physical", 0), -1);

	struct verdict v;
	struct run withdraw = row("Withdraw items - weeding", "801", "Moody, Honor", "", &v);
	struct filter f;
	const struct {
		const char *arg;
		int shown;
	} cases[] = {
		{"withdraw", 1},
		{"WITHDRAW", 1},
		{"Batch item withdrawals", 1},
		{"batch  item withdrawals", 1},
		{"Change physical items", 0},
		{"weeding$", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		filter_init(&f);
		ck_assert_int_eq(filter_add(&f, FILTER_JOB, cases[i].arg), 0);
		ck_assert_int_eq(filter_resolve(&f, rules), 0);
		ck_assert_msg(filter_match(&f, rules, &withdraw, &v) == cases[i].shown, "%s",
			      cases[i].arg);
		filter_free(&f);
	}
	/* a title two jobs share names both */
	filter_init(&f);
	filter_add(&f, FILTER_JOB, "change physical items");
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	ck_assert_uint_eq(f.values[FILTER_JOB][0].nitems, 2);
	struct run again = row("Change Items Again", "801", "Moody, Honor", "", &v);
	ck_assert_int_eq(filter_match(&f, rules, &again, &v), 1);
	ck_assert_ptr_null(miss(&f, 0));
	filter_free(&f);
}
END_TEST

START_TEST(job_pattern_that_does_not_compile_is_an_error)
{
	struct filter f;
	filter_init(&f);
	ck_assert_int_eq(filter_add(&f, FILTER_JOB, "(unclosed"), 0);
	testutil_stderr_begin();
	ck_assert_int_eq(filter_resolve(&f, rules), -1);
	ck_assert_str_eq(testutil_stderr_end(),
			 "almaudit: --job '(unclosed' is no job id or title in jobs.csv, nor a "
			 "pattern (error at offset 9: missing closing parenthesis)\n");
	filter_free(&f);
}
END_TEST

START_TEST(job_pattern_must_match_some_row)
{
	struct filter f;
	struct verdict v;
	filter_init(&f);
	filter_add(&f, FILTER_JOB, "Batch item withdrawls");
	filter_add(&f, FILTER_JOB, "weeding$");
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	ck_assert(f.track);
	struct run r = row("Withdraw items - weeding", "801", "Moody, Honor", "", &v);
	filter_seen(&f, rules, &r);
	ck_assert_str_eq(miss(&f, 0), "--job 'Batch item withdrawls' matched no job id or title in "
				      "jobs.csv and no instance name in the inputs (did you mean "
				      "'Batch item withdrawals'?)");
	ck_assert_ptr_null(miss(&f, 1));
	testutil_stderr_begin();
	ck_assert_uint_eq(filter_report_misses(&f, rules), 1);
	ck_assert_ptr_nonnull(strstr(testutil_stderr_end(), "almaudit: --job 'Batch item"));
	filter_free(&f);

	filter_init(&f);
	filter_add(&f, FILTER_JOB, "withdraw");
	filter_resolve(&f, rules);
	ck_assert(!f.track); /* a job id is known from the rules: no row need confirm it */
	ck_assert_ptr_null(miss(&f, 0));
	filter_free(&f);
}
END_TEST

/* Who a --user value was taken to mean, as a report header writes it. */
static const char *means(const struct filter *f, size_t i)
{
	static char who[1024];
	ck_assert_ptr_nonnull(filter_user_means(f, rules, i, who, sizeof who));
	return who;
}

START_TEST(user_by_id_name_or_part)
{
	struct verdict v;
	struct run honor = row("Withdraw items", "801", "Moody, Honor", "", &v);
	struct verdict tv;
	struct run todd = row("Withdraw items", "77", "Moody, Todd", "", &tv);
	struct verdict jv;
	struct run josh = row("Withdraw items", "78", "Parker, Josh", "", &jv);
	const struct {
		const char *arg;
		enum filter_user_how how;
		int honor, todd, josh;
		const char *means;
	} cases[] = {
		{"801", FILTER_USER_ID, 1, 0, 0, "Honor Moody (ITS)"},
		{"Moody, Honor", FILTER_USER_NAME, 1, 0, 0, "Honor Moody (ITS)"},
		{"honor  MOODY", FILTER_USER_NAME, 1, 0, 0, "Honor Moody (ITS)"},
		{"Moody", FILTER_USER_PART, 1, 1, 0, "Honor Moody (ITS); Todd Moody (ITS-LANGDELL)"},
		{"Josh", FILTER_USER_PART, 0, 0, 1, "Joshua Parker (DIV)"},
		{"Te-Yi", FILTER_USER_PART, 0, 0, 0, "Te-Yi Lee (GUT)"},
		{"Lee", FILTER_USER_PART, 0, 0, 0, "Te-Yi Lee (GUT)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct filter f;
		filter_init(&f);
		ck_assert_int_eq(filter_add(&f, FILTER_USER, cases[i].arg), 0);
		ck_assert_int_eq(filter_resolve(&f, rules), 0);
		ck_assert_msg(f.values[FILTER_USER][0].how == cases[i].how, "%s", cases[i].arg);
		ck_assert_msg(filter_match(&f, rules, &honor, &v) == cases[i].honor, "%s",
			      cases[i].arg);
		ck_assert_msg(filter_match(&f, rules, &todd, &tv) == cases[i].todd, "%s",
			      cases[i].arg);
		ck_assert_msg(filter_match(&f, rules, &josh, &jv) == cases[i].josh, "%s",
			      cases[i].arg);
		ck_assert_str_eq(means(&f, 0), cases[i].means);
		ck_assert_ptr_null(miss(&f, 0));
		filter_free(&f);
	}
	/* a part is whole words: "Mood" is no word of a name */
	struct filter f;
	filter_init(&f);
	filter_add(&f, FILTER_USER, "Mood");
	filter_resolve(&f, rules);
	ck_assert_int_eq(filter_match(&f, rules, &honor, &v), 0);
	filter_free(&f);
}
END_TEST

START_TEST(user_found_only_in_the_inputs)
{
	struct filter f;
	struct verdict v;
	filter_init(&f);
	filter_add(&f, FILTER_USER, "Lindqvist");
	filter_add(&f, FILTER_USER, "80130009");
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	ck_assert(f.track);
	/* before any row: both unconfirmed */
	ck_assert_ptr_nonnull(miss(&f, 1));
	struct run a = row("Delete Users", "80130002", "Lindqvist, Henrik", "", &v);
	struct run b = row("Delete Users", "80130007", "Lindqvist, Ebba", "", &v);
	struct run c = row("Delete Users", "80130009", "Moody, Honor", "", &v);
	filter_seen(&f, rules, &a);
	filter_seen(&f, rules, &b);
	filter_seen(&f, rules, &a);
	filter_seen(&f, rules, &c);
	ck_assert_int_eq(filter_match(&f, rules, &b, &v), 1);
	ck_assert_ptr_null(miss(&f, 0));
	ck_assert_str_eq(means(&f, 0), "Lindqvist, Henrik (not in staff.csv); Lindqvist, Ebba "
				       "(not in staff.csv)");
	/* an id only the export knows, whose name staff.csv knows */
	ck_assert_str_eq(means(&f, 1), "Honor Moody (ITS)");
	filter_free(&f);
}
END_TEST

START_TEST(user_list_is_bounded)
{
	struct filter f;
	struct verdict v;
	char name[64], id[16];
	filter_init(&f);
	filter_add(&f, FILTER_USER, "Moody");
	filter_resolve(&f, rules);
	for (int i = 0; i < 9; i++) {
		snprintf(name, sizeof name, "Moody, Kid%d", i);
		snprintf(id, sizeof id, "9%d", i);
		struct run r = row("Delete Users", id, name, "", &v);
		filter_seen(&f, rules, &r);
	}
	ck_assert_str_eq(means(&f, 0), "Honor Moody (ITS); Todd Moody (ITS-LANGDELL); Moody, Kid0 "
				       "(not in staff.csv); Moody, Kid1 (not in staff.csv); Moody, "
				       "Kid2 (not in staff.csv); and 6 more");
	filter_free(&f);
}
END_TEST

START_TEST(user_that_matches_no_one)
{
	struct filter f;
	struct verdict v;
	filter_init(&f);
	filter_add(&f, FILTER_USER, "Mooody");
	filter_add(&f, FILTER_USER, "Lindqvst");
	filter_add(&f, FILTER_USER, "Zzyzx");
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	struct run a = row("Delete Users", "80130002", "Lindqvist, Henrik", "", &v);
	filter_seen(&f, rules, &a);
	ck_assert_int_eq(filter_match(&f, rules, &a, &v), 0);
	ck_assert_str_eq(miss(&f, 0), "--user 'Mooody' matched no one in staff.csv or the inputs "
				      "(did you mean 'Honor Moody'?)");
	ck_assert_str_eq(miss(&f, 1), "--user 'Lindqvst' matched no one in staff.csv or the inputs "
				      "(did you mean 'Lindqvist, Henrik'?)");
	ck_assert_str_eq(miss(&f, 2), "--user 'Zzyzx' matched no one in staff.csv or the inputs");
	ck_assert_ptr_null(miss(&f, 3));
	ck_assert_str_eq(means(&f, 0), "");
	filter_free(&f);
}
END_TEST

START_TEST(unit_of_several)
{
	ck_assert(rules_person_in_unit(rules, person("Julie Petzold"), "GUT"));
	ck_assert(rules_person_in_unit(rules, person("Julie Petzold"), "hks"));
	ck_assert(!rules_person_in_unit(rules, person("Julie Petzold"), "HKS/GUT"));
	ck_assert(rules_person_in_unit(rules, person("Amy Dittman"), "MED"));
	ck_assert(rules_person_in_unit(rules, person("Amy Dittman"), "its"));
	ck_assert(!rules_person_in_unit(rules, person("Honor Moody"), "ITS-LANGDELL"));

	struct filter f;
	struct verdict v;
	filter_init(&f);
	filter_add(&f, FILTER_UNIT, "gut");
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	struct run julie = row("Withdraw items", "", "Petzold, Julie", "", &v);
	ck_assert_int_eq(filter_match(&f, rules, &julie, &v), 1);
	struct run lee = row("Withdraw items", "", "Lee, Te-Yi", "", &v);
	ck_assert_int_eq(filter_match(&f, rules, &lee, &v), 1);
	struct run honor = row("Withdraw items", "801", "Moody, Honor", "", &v);
	ck_assert_int_eq(filter_match(&f, rules, &honor, &v), 0);
	filter_free(&f);

	char buf[64];
	ck_assert_str_eq(rules_nearest_unit(rules, "GTU", buf, sizeof buf), "GUT");
	ck_assert_ptr_null(rules_nearest_unit(rules, "Widener", buf, sizeof buf));
	filter_init(&f);
	filter_add(&f, FILTER_UNIT, "GTU");
	filter_add(&f, FILTER_UNIT, "ITS");
	testutil_stderr_begin();
	ck_assert_int_eq(filter_resolve(&f, rules), -1);
	ck_assert_str_eq(testutil_stderr_end(), "almaudit: --unit 'GTU' is no unit of anyone in "
						"staff.csv (did you mean 'GUT'?)\n");
	filter_free(&f);
}
END_TEST

START_TEST(status_known_or_seen)
{
	ck_assert(run_status_known("FAILED"));
	ck_assert(!run_status_known("WAITING_FOR_INPUT"));
	ck_assert_str_eq(run_status_nearest("Faild"), "FAILED");
	ck_assert_str_eq(run_status_nearest("COMPLETED_SUCESS"), "COMPLETED_SUCCESS");
	ck_assert_ptr_null(run_status_nearest("zzz"));

	struct filter f;
	struct verdict v;
	filter_init(&f);
	filter_add(&f, FILTER_STATUS, "Failed");
	filter_add(&f, FILTER_STATUS, "Waiting for input");
	filter_add(&f, FILTER_STATUS, "Faild");
	filter_add(&f, FILTER_STATUS, "WAITING_FOR_INPUTS");
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	struct run r = row("Withdraw items", "801", "Moody, Honor", "WAITING_FOR_INPUT", &v);
	filter_seen(&f, rules, &r);
	/* Failed is known; Waiting for input was seen; the other two were not */
	ck_assert_str_eq(miss(&f, 0), "--status 'Faild' matched no status Alma is known to write "
				      "and none in the inputs (did you mean 'FAILED'?)");
	ck_assert_str_eq(miss(&f, 1), "--status 'WAITING_FOR_INPUTS' matched no status Alma is "
				      "known to write and none in the inputs (did you mean "
				      "'WAITING_FOR_INPUT'?)");
	ck_assert_ptr_null(miss(&f, 2));
	filter_free(&f);
}
END_TEST

START_TEST(finding_kind_suggested)
{
	struct filter f;
	filter_init(&f);
	ck_assert_int_eq(filter_add(&f, FILTER_FINDING, "No-Signoff"), 0);
	ck_assert_uint_eq(f.findings, 1u << FIND_NO_SIGNOFF);
	testutil_stderr_begin();
	ck_assert_int_eq(filter_add(&f, FILTER_FINDING, "unaproved"), -1);
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "almaudit: --finding 'unaproved' is no finding kind (did you "
				  "mean 'unapproved'?); the kinds: unapproved, no-signoff, "),
		      "%s", err);
	/* every kind is listed, however many there are */
	for (int k = 0; k < FIND_COUNT; k++)
		ck_assert_ptr_nonnull(strstr(err, finding_name((enum finding_kind)k)));
	filter_free(&f);
}
END_TEST

START_TEST(status_unfinished)
{
	/* the API's statuses of a run not finished (spec section 1.1) */
	const char *unfinished[] = {"PENDING", "QUEUED", "INITIALIZING", "RUNNING", "FINALIZING"};
	for (size_t i = 0; i < sizeof unfinished / sizeof unfinished[0]; i++)
		ck_assert_msg(run_status_unfinished(unfinished[i]), "%s", unfinished[i]);
	const char *final[] = {"COMPLETED_SUCCESS", "COMPLETED_FAILED", "FAILED", "USER_ABORTED",
			       "SYSTEM_ABORTED", "SKIPPED", "", "Running", "WAITING_FOR_INPUT"};
	for (size_t i = 0; i < sizeof final / sizeof final[0]; i++)
		ck_assert_msg(!run_status_unfinished(final[i]), "%s", final[i]);
	/* a count so far: an API run not finished, with a count */
	struct verdict v;
	struct run r = row("Withdraw items", "801", "Moody, Honor", "RUNNING", &v);
	r.api = 1;
	ck_assert(run_count_so_far(&r));
	r.records = -1; /* no count at all: not a count so far */
	ck_assert(!run_count_so_far(&r));
	r.records = 5;
	r.status = "COMPLETED_SUCCESS";
	ck_assert(!run_count_so_far(&r));
	/* a CSV's total_records is the set's size, whatever the status */
	r.status = "RUNNING";
	r.api = 0;
	ck_assert(!run_count_so_far(&r));
}
END_TEST

/* A damaging run of unknown size (its verdict's unknown-size), and
 * whether filter_undecided finds the filters hide it for want of its size. */
static int undecided(struct filter *f, int64_t records, unsigned findings)
{
	struct verdict v;
	struct run r = row("Withdraw items - weeding", "801", "Moody, Honor", "RUNNING", &v);
	r.records = records;
	v.findings = findings;
	ck_assert_int_eq(filter_resolve(f, rules), 0);
	return filter_undecided(f, rules, &r, &v);
}

START_TEST(undecided_for_want_of_size)
{
	const unsigned unknown = 1u << FIND_UNKNOWN_SIZE, large = 1u << FIND_DAMAGING_LARGE_SET;
	const unsigned unapproved = 1u << FIND_UNAPPROVED;
	struct filter f;
	/* no filter asks about size: shown, or hidden for another reason */
	filter_init(&f);
	ck_assert_int_eq(undecided(&f, -1, unknown), 0);
	filter_add(&f, FILTER_FINDING, "unapproved");
	ck_assert_int_eq(undecided(&f, -1, unknown), 0);
	filter_free(&f);
	/* --min-records: no count, or a count so far below it */
	filter_init(&f);
	filter_add(&f, FILTER_MIN_RECORDS, "1000");
	ck_assert_int_eq(undecided(&f, -1, unknown), 1);
	ck_assert_int_eq(undecided(&f, 612, unknown), 1);
	ck_assert_int_eq(undecided(&f, 1500, unknown), 0); /* shown: a count so far is enough */
	ck_assert_int_eq(undecided(&f, -1, unapproved), 0); /* its size is not what is unknown */
	filter_free(&f);
	/* --finding damaging-large-set; with unknown-size too it is shown */
	filter_init(&f);
	filter_add(&f, FILTER_FINDING, "damaging-large-set");
	ck_assert_int_eq(undecided(&f, -1, unknown), 1);
	ck_assert_int_eq(undecided(&f, -1, unknown | unapproved), 1);
	ck_assert_int_eq(undecided(&f, 5000, large), 0);
	filter_add(&f, FILTER_FINDING, "unknown-size");
	ck_assert_int_eq(undecided(&f, -1, unknown), 0);
	filter_free(&f);
	/* --finding unapproved with --min-records: shown were it large */
	filter_init(&f);
	filter_add(&f, FILTER_FINDING, "unapproved");
	filter_add(&f, FILTER_MIN_RECORDS, "1000");
	ck_assert_int_eq(undecided(&f, -1, unknown | unapproved), 1);
	ck_assert_int_eq(undecided(&f, -1, unknown), 0); /* not unapproved: not asked for */
	filter_free(&f);
	/* the other filters still hold: another person's run is not asked for */
	filter_init(&f);
	filter_add(&f, FILTER_MIN_RECORDS, "1000");
	filter_add(&f, FILTER_USER, "Te-Yi Lee");
	ck_assert_int_eq(undecided(&f, -1, unknown), 0);
	filter_free(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("filter");
	TCase *tc = tcase_create("filter");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, job_by_id_title_or_pattern);
	tcase_add_test(tc, job_pattern_that_does_not_compile_is_an_error);
	tcase_add_test(tc, job_pattern_must_match_some_row);
	tcase_add_test(tc, user_by_id_name_or_part);
	tcase_add_test(tc, user_found_only_in_the_inputs);
	tcase_add_test(tc, user_list_is_bounded);
	tcase_add_test(tc, user_that_matches_no_one);
	tcase_add_test(tc, unit_of_several);
	tcase_add_test(tc, status_known_or_seen);
	tcase_add_test(tc, finding_kind_suggested);
	tcase_add_test(tc, status_unfinished);
	tcase_add_test(tc, undecided_for_want_of_size);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
