/* Unit tests of analyzer/review.c, the access review's aggregates: the
 * runs an approval covered (once by id, in the period, through includes,
 * on its sets), each finding and its edge (the sign-off day, a sandbox run
 * on that very day, a sandbox history that does not reach the sign-off),
 * revoked approvals and people with none in force, the filters, and the
 * csv and json written from them. */
#include "filter.h"
#include "ingest.h"
#include "matrix.h"
#include "period.h"
#include "report_review.h"
#include "review.h"
#include "rules.h"
#include "tally.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct rules *rules;
static struct period period; /* October 2026 */
static struct filter none;
static struct review rv;

/* approvals.csv rows, in order: the index of each in rules->approvals */
enum {
	A_WITHDRAW_HONOR,  /* signed 2026-03-12 */
	A_CHANGE_HONOR,	   /* undated */
	A_CREATE_MINNA,	   /* signed 2026-03-12, includes import, which includes upload */
	A_SUPPRESS_VARDIT, /* signed 2026-03-12, judaica sets only */
	A_DELETE_AMY,	   /* revoked 2026-09-30 */
	A_WITHDRAW_AMY,	   /* revoked undated */
	A_CHANGE_LAURA,	   /* revoked 2026-10-15, inside the period */
	A_CHANGE_TODD,	   /* signed off 2026-11-02, after the period */
	A_DELETE_TODD,	   /* signed 2025-06-01 */
};

static void setup(void)
{
	times_set_zone("America/New_York");
	const char *dir = testutil_dir();
	testutil_write(dir, "jobs.csv",
		       "job,scope,title,damaging,large_set,match,includes\n"
		       "withdraw,Items,Withdraw items,yes,,^Withdraw items(?: - |$),\n"
		       "delete,Portfolios,Delete portfolios,yes,500,^Delete Portfolios(?: - |$),\n"
		       "change,Items,Change physical items,no,,^Change Physical Items(?: - |$),\n"
		       "suppress,Bibs,Suppress,no,,^Suppress(?: - |$),\n"
		       "create,Import,Create profiles,no,,^Create profiles(?: - |$),import\n"
		       "import,Import,Import,no,,^Import(?: - |$),upload\n"
		       "upload,Import,Upload single record,no,,^Upload single record(?: - |$),\n");
	testutil_write(dir, "staff.csv",
		       "name,unit,alma_ids,aliases\n"
		       "Honor Moody,ITS,801,\n"
		       "Vardit Samuels,JUD,802,\n"
		       "Minna Popkin,ITS/HKS,803,\n"
		       "Amy Armitage,ITS,804,\n"
		       "Laura Hartnett,GUT,805,\n"
		       "Todd Moody,LAW,806,\n"
		       "Wei Zhang,,807,\n");
	testutil_write(dir, "approvals.csv",
		       "job,staff,signed_off,revoked,sets,ticket,note\n"
		       "withdraw,Honor Moody,2026-03-12,,,,\n"
		       "change,Honor Moody,,,,,\n"
		       "create,Minna Popkin,2026-03-12,,,,\n"
		       "suppress,Vardit Samuels,2026-03-12,,judaica,,\n"
		       "delete,Amy Armitage,,2026-09-30,,,\n"
		       "withdraw,Amy Armitage,,undated,,,\n"
		       "change,Laura Hartnett,,2026-10-15,,,\n"
		       "change,Todd Moody,2026-11-02,,,,\n"
		       "delete,Todd Moody,2025-06-01,,,,\n");
	rules = matrix_load(dir);
	ck_assert_ptr_nonnull(rules);
	ck_assert_int_eq(period_set(&period, "2026-10", NULL, NULL, 0), 0);
	filter_init(&none);
	ck_assert_int_eq(review_init(&rv, rules, &period, &none, 0, NULL), 0);
}

static void teardown(void)
{
	review_free(&rv);
	filter_free(&none);
	matrix_free(rules);
}

static uint64_t next_id = 1000;

/* A manual run by Alma id; time an ISO instant. */
static struct run make(enum run_env env, const char *name, const char *user, const char *time,
		       const char *set)
{
	struct run r = {0};
	r.file = "t.csv";
	r.id = next_id++;
	r.name = name;
	r.job_id = r.category = "";
	r.type = RUN_MANUAL;
	r.user = user;
	r.user_name = "";
	ck_assert_int_eq(times_parse(time, strlen(time), &r.time), 0);
	ck_assert_int_eq(times_parse_ms(time, strlen(time), &r.time_ms), 0);
	r.start_time = r.time;
	r.submit_time = r.end_time = TIME_NONE;
	r.status = "COMPLETED_SUCCESS";
	r.records = 10;
	r.set_name = set ? set : "";
	r.progress = 100;
	r.env = env;
	return r;
}

static void add(enum run_env env, const char *name, const char *user, const char *time,
		const char *set)
{
	struct run r = make(env, name, user, time, set);
	ck_assert_int_eq(review_add(&rv, &r), 0);
}

static const struct review_approval *at(size_t i)
{
	ck_assert_uint_lt(i, rules->napprovals);
	return &rv.approvals[i];
}

#define HAS(i, k) ((at(i)->findings >> (k)) & 1u)

START_TEST(runs_counted_once_in_the_period)
{
	add(RUN_PRODUCTION, "Withdraw items - weeding", "801", "2026-10-05T14:00:00Z", NULL);
	add(RUN_PRODUCTION, "Withdraw items", "801", "2026-10-20T14:00:00Z", NULL);
	uint64_t id = next_id - 1;
	/* the same run again (overlapping exports) counts once */
	struct run again = make(RUN_PRODUCTION, "Withdraw items", "801", "2026-10-20T14:00:00Z", NULL);
	again.id = id;
	ck_assert_int_eq(review_add(&rv, &again), 0);
	/* outside the period, and a system run: not counted */
	add(RUN_PRODUCTION, "Withdraw items", "801", "2026-09-30T14:00:00Z", NULL);
	add(RUN_PRODUCTION, "Withdraw items", "801", "2026-11-01T14:00:00Z", NULL);
	struct run sys = make(RUN_PRODUCTION, "Withdraw items", "801", "2026-10-21T14:00:00Z", NULL);
	sys.type = RUN_SCHEDULED;
	ck_assert_int_eq(review_add(&rv, &sys), 0);
	review_finish(&rv);
	ck_assert_uint_eq(at(A_WITHDRAW_HONOR)->runs, 2);
	int64_t last;
	ck_assert_int_eq(times_parse("2026-10-20T14:00:00Z", 20, &last), 0);
	ck_assert_int_eq(at(A_WITHDRAW_HONOR)->last, last);
	ck_assert(!HAS(A_WITHDRAW_HONOR, REVIEW_UNUSED));
	/* the period's edges are local days: 00:30 New York on 1 October is in */
	add(RUN_PRODUCTION, "Change Physical Items", "801", "2026-10-01T04:30:00Z", NULL);
	review_finish(&rv);
	ck_assert_uint_eq(at(A_CHANGE_HONOR)->runs, 1);
	ck_assert(!HAS(A_CHANGE_HONOR, REVIEW_UNUSED));
}
END_TEST

START_TEST(unused_and_undated)
{
	review_finish(&rv);
	ck_assert(HAS(A_WITHDRAW_HONOR, REVIEW_UNUSED));
	ck_assert(!HAS(A_WITHDRAW_HONOR, REVIEW_UNDATED));
	/* an empty signed_off: undated, and no sandbox question asked */
	ck_assert(HAS(A_CHANGE_HONOR, REVIEW_UNDATED));
	ck_assert(HAS(A_CHANGE_HONOR, REVIEW_UNUSED));
	ck_assert_int_eq(at(A_CHANGE_HONOR)->tested, REVIEW_TEST_NONE);
	ck_assert(!HAS(A_CHANGE_HONOR, REVIEW_UNTESTED));
}
END_TEST

START_TEST(sandbox_on_the_sign_off_day_counts)
{
	/* 23:30 New York on 12 March is 03:30 UTC on the 13th: the local day
	 * is the sign-off day, so it was tested on or before it */
	add(RUN_SANDBOX, "Withdraw items", "801", "2026-03-13T03:30:00Z", NULL);
	review_finish(&rv);
	ck_assert_int_eq(at(A_WITHDRAW_HONOR)->tested, REVIEW_TESTED);
	ck_assert(!HAS(A_WITHDRAW_HONOR, REVIEW_UNTESTED));
}
END_TEST

START_TEST(sandbox_the_day_after_does_not)
{
	/* the history reaches back (a run on 1 March), but the person's test
	 * came at 00:30 New York on the 13th, a day after the sign-off */
	add(RUN_SANDBOX, "Change Physical Items", "802", "2026-03-01T15:00:00Z", NULL);
	add(RUN_SANDBOX, "Withdraw items", "801", "2026-03-13T04:30:00Z", NULL);
	review_finish(&rv);
	ck_assert_int_eq(at(A_WITHDRAW_HONOR)->tested, REVIEW_NOT_TESTED);
	ck_assert(HAS(A_WITHDRAW_HONOR, REVIEW_UNTESTED));
	/* Honor, Minna, Vardit, and Todd's change signed off in November */
	ck_assert_uint_eq(rv.count[REVIEW_UNTESTED], 4);
}
END_TEST

START_TEST(sandbox_by_someone_else_does_not)
{
	add(RUN_SANDBOX, "Withdraw items", "804", "2026-03-01T15:00:00Z", NULL);
	review_finish(&rv);
	ck_assert_int_eq(at(A_WITHDRAW_HONOR)->tested, REVIEW_NOT_TESTED);
}
END_TEST

START_TEST(sandbox_history_not_reaching_the_sign_off)
{
	/* the sandbox history begins on 13 March (local): it cannot say */
	add(RUN_SANDBOX, "Change Physical Items", "802", "2026-03-13T05:00:00Z", NULL);
	review_finish(&rv);
	ck_assert_int_eq(at(A_WITHDRAW_HONOR)->tested, REVIEW_NOT_REACHED);
	ck_assert(!HAS(A_WITHDRAW_HONOR, REVIEW_UNTESTED));
	ck_assert_uint_eq(rv.count[REVIEW_UNTESTED], 1); /* Todd's, signed off in November */
	ck_assert_uint_eq(rv.not_reached, 4); /* Honor, Minna, Vardit, Todd's delete */
	/* no sandbox history at all: the same */
	review_free(&rv);
	ck_assert_int_eq(review_init(&rv, rules, &period, &none, 0, NULL), 0);
	review_finish(&rv);
	ck_assert_int_eq(at(A_WITHDRAW_HONOR)->tested, REVIEW_NOT_REACHED);
}
END_TEST

START_TEST(sandbox_history_from_the_sign_off_day_reaches_it)
{
	/* history from 12 March (local, 23:00) reaches the sign-off of 12 March */
	add(RUN_SANDBOX, "Change Physical Items", "802", "2026-03-13T03:00:00Z", NULL);
	review_finish(&rv);
	ck_assert_int_eq(at(A_WITHDRAW_HONOR)->tested, REVIEW_NOT_TESTED);
	/* Todd's sign-off of June 2025 is before it */
	ck_assert_int_eq(at(A_DELETE_TODD)->tested, REVIEW_NOT_REACHED);
}
END_TEST

START_TEST(includes_count_runs_and_tests)
{
	/* create includes import, which includes upload: a run of upload is a
	 * run the approval for create covered */
	add(RUN_PRODUCTION, "Upload single record", "803", "2026-10-07T14:00:00Z", NULL);
	add(RUN_PRODUCTION, "Import - vendor", "803", "2026-10-08T14:00:00Z", NULL);
	/* and a sandbox try of import before the sign-off tested it */
	add(RUN_SANDBOX, "Import", "803", "2026-03-02T15:00:00Z", NULL);
	review_finish(&rv);
	ck_assert_uint_eq(at(A_CREATE_MINNA)->runs, 2);
	ck_assert(!HAS(A_CREATE_MINNA, REVIEW_UNUSED));
	ck_assert_int_eq(at(A_CREATE_MINNA)->tested, REVIEW_TESTED);
	/* a run of a job the approval does not grant counts for nothing */
	add(RUN_PRODUCTION, "Withdraw items", "803", "2026-10-09T14:00:00Z", NULL);
	review_finish(&rv);
	ck_assert_uint_eq(at(A_CREATE_MINNA)->runs, 2);
}
END_TEST

START_TEST(sets_limit_what_an_approval_covers)
{
	add(RUN_PRODUCTION, "Suppress", "802", "2026-10-07T14:00:00Z", "Widener weeding");
	review_finish(&rv);
	ck_assert_uint_eq(at(A_SUPPRESS_VARDIT)->runs, 0);
	ck_assert_uint_eq(at(A_SUPPRESS_VARDIT)->other, 1);
	ck_assert(HAS(A_SUPPRESS_VARDIT, REVIEW_UNUSED));
	add(RUN_PRODUCTION, "Suppress", "802", "2026-10-08T14:00:00Z", "Judaica posters");
	review_finish(&rv);
	ck_assert_uint_eq(at(A_SUPPRESS_VARDIT)->runs, 1);
	ck_assert(!HAS(A_SUPPRESS_VARDIT, REVIEW_UNUSED));
}
END_TEST

START_TEST(revoked_and_later_approvals)
{
	review_finish(&rv);
	/* revoked before the period, undated, and inside it: revoked, no finding */
	ck_assert_int_eq(at(A_DELETE_AMY)->state, REVIEW_REVOKED);
	ck_assert_int_eq(at(A_WITHDRAW_AMY)->state, REVIEW_REVOKED);
	ck_assert_int_eq(at(A_CHANGE_LAURA)->state, REVIEW_REVOKED);
	ck_assert_uint_eq(at(A_DELETE_AMY)->findings | at(A_WITHDRAW_AMY)->findings |
				  at(A_CHANGE_LAURA)->findings,
			  0);
	ck_assert_uint_eq(rv.revoked, 3);
	/* signed off after the period: not in force in it, so not unused */
	ck_assert_int_eq(at(A_CHANGE_TODD)->state, REVIEW_LATER);
	ck_assert(!HAS(A_CHANGE_TODD, REVIEW_UNUSED));
	/* people: Amy and Laura have nothing in force; Wei has no approval */
	int amy = rules_person_by_text(rules, "Amy Armitage");
	int laura = rules_person_by_text(rules, "Laura Hartnett");
	int wei = rules_person_by_text(rules, "Wei Zhang");
	int todd = rules_person_by_text(rules, "Todd Moody");
	ck_assert(rv.people[amy].findings & (1u << REVIEW_NO_APPROVALS));
	ck_assert_uint_eq(rv.people[amy].revoked, 2);
	ck_assert(rv.people[laura].findings & (1u << REVIEW_NO_APPROVALS));
	ck_assert(rv.people[wei].findings & (1u << REVIEW_NO_APPROVALS));
	ck_assert(!(rv.people[todd].findings & (1u << REVIEW_NO_APPROVALS)));
	ck_assert_uint_eq(rv.count[REVIEW_NO_APPROVALS], 3);
	/* a run before revocation still counts for the approval that held */
	add(RUN_PRODUCTION, "Change Physical Items", "805", "2026-10-14T14:00:00Z", NULL);
	add(RUN_PRODUCTION, "Change Physical Items", "805", "2026-10-16T14:00:00Z", NULL);
	review_finish(&rv);
	ck_assert_uint_eq(at(A_CHANGE_LAURA)->runs, 1);
	ck_assert_uint_eq(at(A_CHANGE_LAURA)->other, 1);
}
END_TEST

START_TEST(filters_choose_approvals_and_people)
{
	struct filter f;
	filter_init(&f);
	ck_assert_int_eq(filter_add(&f, FILTER_UNIT, "HKS"), 0);
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	ck_assert_uint_eq(review_check_filter(&f, rules), 0);
	rv.filter = &f;
	review_finish(&rv);
	ck_assert_uint_eq(rv.shown, 1); /* Minna's, in ITS and HKS */
	ck_assert(at(A_CREATE_MINNA)->shown);
	ck_assert_uint_eq(rv.people_shown, 1);
	filter_free(&f);

	/* --job upload: the approvals that grant it, through includes */
	filter_init(&f);
	ck_assert_int_eq(filter_add(&f, FILTER_JOB, "upload"), 0);
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	rv.filter = &f;
	review_finish(&rv);
	ck_assert_uint_eq(rv.shown, 1);
	ck_assert(at(A_CREATE_MINNA)->shown);
	ck_assert_uint_eq(rv.count[REVIEW_NO_APPROVALS], 0); /* no person answers a --job */
	filter_free(&f);

	/* a typo names nothing in the rules: an error with a suggestion */
	filter_init(&f);
	ck_assert_int_eq(filter_add(&f, FILTER_JOB, "withdrw"), 0);
	ck_assert_int_eq(filter_add(&f, FILTER_USER, "Honor Mooody"), 0);
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	testutil_stderr_begin();
	ck_assert_uint_eq(review_check_filter(&f, rules), 2);
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "--job 'withdrw' is no job id or title in jobs.csv (did you "
				  "mean 'withdraw'?)"),
		      "%s", err);
	ck_assert_msg(strstr(err, "--user 'Honor Mooody' matched no one in staff.csv (did you "
				  "mean 'Honor Moody'?)"),
		      "%s", err);
	filter_free(&f);
	rv.filter = &none;
}
END_TEST

START_TEST(read_counts_every_row)
{
	const char *prod = testutil_plain(
		"id,name,submitted_by,submitted_by_desc,start_time,type\n"
		"1,Withdraw items,801,,2026-10-05T14:00:00Z,MANUAL\n"
		"1,Withdraw items,801,,2026-10-05T14:00:00Z,MANUAL\n"
		"2,Withdraw items,System,System,2026-10-05T15:00:00Z,SCHEDULED\n"
		"3,Withdraw items,801,,2026-09-05T14:00:00Z,MANUAL\n");
	const char *sand = testutil_plain("id,name,submitted_by,submitted_by_desc,start_time\n"
					  "9,Withdraw items,801,,2026-03-10T14:00:00Z\n");
	struct tally t;
	tally_init(&t);
	review_free(&rv);
	ck_assert_int_eq(review_init(&rv, rules, &period, &none, 0, &t), 0);
	const char *sandbox[] = {sand}, *files[] = {prod};
	struct audit_inputs in = {sandbox, 1, files, 1, NULL, NULL};
	struct ingest *ing = ingest_new(NULL, &t, NULL);
	ck_assert_int_eq(review_read(&rv, &in, ing), 0);
	ck_assert_uint_eq(t.read, 5);
	ck_assert_uint_eq(t.audited, 1);
	ck_assert_uint_eq(t.skipped[SKIP_REPEAT], 1);
	ck_assert_uint_eq(t.skipped[SKIP_SYSTEM], 1);
	ck_assert_uint_eq(t.skipped[SKIP_PERIOD], 1);
	ck_assert_uint_eq(t.skipped[SKIP_SANDBOX], 1);
	ck_assert_uint_eq(at(A_WITHDRAW_HONOR)->runs, 1);
	ck_assert_int_eq(at(A_WITHDRAW_HONOR)->tested, REVIEW_TESTED);

	/* csv: a row per approval and per person with none in force */
	const char *path = testutil_path(".csv");
	FILE *out = fopen(path, "w");
	struct review_report rr = {&rv, &t, rules, &period, &none, 0};
	report_review_csv(out, &rr);
	fclose(out);
	char *csv = testutil_read(path);
	ck_assert_msg(strstr(csv, "findings,staff,unit,job,job_title,signed_off,revoked,sets,state,"
				  "runs,other_runs,last_run,sandbox,sandbox_run,detail,rule\n"),
		      "%s", csv);
	ck_assert_msg(strstr(csv, ",Honor Moody,ITS,withdraw,Withdraw items,2026-03-12,,,in-force,1,"
				  "0,2026-10-05T14:00:00Z,tested,2026-03-10T14:00:00Z,ok,"
				  "approvals.csv:2\n"),
		      "%s", csv);
	ck_assert_msg(strstr(csv, "no-approvals,Wei Zhang,,,,,,,,,,,,,no approval in force (0 "
				  "revoked),staff.csv:8\n"),
		      "%s", csv);
	free(csv);
	ingest_free(ing);
	tally_free(&t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("review");
	TCase *tc = tcase_create("review");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, runs_counted_once_in_the_period);
	tcase_add_test(tc, unused_and_undated);
	tcase_add_test(tc, sandbox_on_the_sign_off_day_counts);
	tcase_add_test(tc, sandbox_the_day_after_does_not);
	tcase_add_test(tc, sandbox_by_someone_else_does_not);
	tcase_add_test(tc, sandbox_history_not_reaching_the_sign_off);
	tcase_add_test(tc, sandbox_history_from_the_sign_off_day_reaches_it);
	tcase_add_test(tc, includes_count_runs_and_tests);
	tcase_add_test(tc, sets_limit_what_an_approval_covers);
	tcase_add_test(tc, revoked_and_later_approvals);
	tcase_add_test(tc, filters_choose_approvals_and_people);
	tcase_add_test(tc, read_counts_every_row);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
