/* Unit tests of analyzer/verdict.c: each row of the verdict table (spec
 * section 3) and its edges, on a small rules directory written here. */
#include "matrix.h"
#include "rules.h"
#include "testutil.h"
#include "times.h"
#include "evidence.h"
#include "verdict.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static struct rules *rules;
static struct judge *judge;

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
		   "Minna Popkin,ITS,803,\n"
		   "Amy Armitage,ITS,804,\n"
		   "Laura Hartnett,ITS,805,\n");
	testutil_write(dir, "approvals.csv",
		   "job,staff,signed_off,revoked,sets,ticket,note\n"
		   "withdraw,Honor Moody,,,,,\n"
		   "change,Honor Moody,2026-10-06,,,LTS-1,\n"
		   "suppress,Vardit Samuels,,,judaica,,\n"
		   "create,Minna Popkin,,,,,\n"
		   "delete,Amy Armitage,,2026-10-10,,,\n"
		   "change,Laura Hartnett,2026-10-20,,,,\n"
		   "suppress,Minna Popkin,2026-10-20,,judaica,,\n"
		   "withdraw,Amy Armitage,,undated,,,\n");
	rules = matrix_load(dir);
	ck_assert_ptr_nonnull(rules);
	judge = judge_new(rules, 1000);
}

static void teardown(void)
{
	judge_free(judge);
	matrix_free(rules);
}

static uint64_t next_id = 1000;

/* A manual production run; time is an ISO instant or a New York time. */
static struct run make(const char *name, const char *user, const char *user_name, const char *time,
		       int64_t records, const char *set)
{
	struct run r = {0};
	r.file = "t.csv";
	r.id = next_id++;
	r.name = name;
	r.job_id = r.category = "";
	r.type = RUN_MANUAL;
	r.user = user;
	r.user_name = user_name;
	ck_assert_int_eq(times_parse(time, strlen(time), &r.time), 0);
	ck_assert_int_eq(times_parse_ms(time, strlen(time), &r.time_ms), 0);
	r.start_time = r.time;
	r.submit_time = r.end_time = TIME_NONE;
	r.status = "COMPLETED_SUCCESS";
	r.records = records;
	r.set_name = set;
	r.progress = 100;
	return r;
}

static struct verdict judge_one(struct run r)
{
	struct verdict v;
	ck_assert_int_eq(judge_run(judge, &r, &v), 0);
	return v;
}

#define ONLY(kind) (1u << (kind))

START_TEST(approved_run_has_no_findings)
{
	struct verdict v = judge_one(make("Withdraw items - weeding", "801", "Moody, Honor",
					  "2026-10-05 10:00", 200, "HD"));
	ck_assert_uint_eq(v.findings, 0);
	ck_assert_int_eq(v.approval, 0);
	ck_assert_int_eq(v.how, RULES_BY_ID);
	ck_assert_str_eq(rules->jobs[v.job].id, "withdraw");
}
END_TEST

START_TEST(unlisted_job)
{
	struct verdict v =
		judge_one(make("Delete Users", "801", "Moody, Honor", "2026-10-05 10:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNLISTED_JOB));
	ck_assert_int_eq(v.job, -1);
	ck_assert_str_eq(v.detail[FIND_UNLISTED_JOB], "no pattern in jobs.csv matches the job name");
	/* no name at all: said, not a job the matrix left out */
	v = judge_one(make("", "801", "Moody, Honor", "2026-10-05 10:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNLISTED_JOB));
	ck_assert_str_eq(v.detail[FIND_UNLISTED_JOB],
			 "the job name is empty: no pattern in jobs.csv can match it");
}
END_TEST

START_TEST(unapproved_person_and_unknown_person)
{
	struct verdict v = judge_one(
		make("Withdraw items", "802", "Samuels, Vardit", "2026-10-05 10:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	ck_assert_str_eq(v.detail[FIND_UNAPPROVED], "no approval for withdraw");
	/* someone the rules do not know is judged like anyone without approvals */
	v = judge_one(make("Change Physical Items", "999", "Castillo, Rafael", "2026-10-05 10:00",
			   5, ""));
	ck_assert_int_eq(v.person, -1);
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	ck_assert_str_eq(v.detail[FIND_UNAPPROVED], "not in staff.csv");
}
END_TEST

START_TEST(sign_off_date_edges)
{
	/* signed off 2026-10-06: a run that day is approved, the day before not */
	struct verdict v = judge_one(
		make("Change Physical Items", "801", "Moody, Honor", "2026-10-06 00:01", 5, ""));
	ck_assert_uint_eq(v.findings, 0);
	v = judge_one(make("Change Physical Items", "801", "Moody, Honor", "2026-10-05 23:59", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	ck_assert_str_eq(v.detail[FIND_NO_SIGNOFF], "ran before sign-off on 2026-10-06 (approvals.csv:3)");
	/* dates are local: 02:00 UTC on the 6th is still the 5th in New York */
	v = judge_one(make("Change Physical Items", "801", "Moody, Honor", "2026-10-06T02:00:00Z", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	v = judge_one(make("Change Physical Items", "801", "Moody, Honor", "2026-10-06T04:00:00Z", 5, ""));
	ck_assert_uint_eq(v.findings, 0);
}
END_TEST

START_TEST(revocation_date_edges)
{
	/* revoked 2026-10-10: the day before holds, the day itself does not */
	struct verdict v = judge_one(
		make("Delete Portfolios", "804", "Armitage, Amy", "2026-10-09 23:59", 5, ""));
	ck_assert_uint_eq(v.findings, 0);
	v = judge_one(make("Delete Portfolios", "804", "Armitage, Amy", "2026-10-10 08:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	ck_assert_str_eq(v.detail[FIND_UNAPPROVED], "approval revoked on 2026-10-10 (approvals.csv:6)");
}
END_TEST

START_TEST(sets_limited_approval)
{
	struct verdict v = judge_one(
		make("Suppress", "802", "Samuels, Vardit", "2026-10-05 10:00", 5, "Judaica posters"));
	ck_assert_uint_eq(v.findings, 0);
	v = judge_one(make("Suppress", "802", "Samuels, Vardit", "2026-10-05 10:00", 5, "Widener weeding"));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	ck_assert_str_eq(v.detail[FIND_UNAPPROVED],
			 "approved only for sets matching judaica (approvals.csv:4)");
}
END_TEST

/* A CSV's set unknown (no set_name column, an empty cell) is judged as the
 * API's unknown set: approved pending it, never accused, never cleared
 * without the verdict saying so; a set named is matched. */
START_TEST(csv_unknown_set_judged_as_api)
{
	struct run r = make("Suppress", "802", "Samuels, Vardit", "2026-10-05 10:00", 5, "");
	run_set_from_csv(&r, 1);
	ck_assert_int_eq(r.set_unknown, RUN_SET_EMPTY);
	struct verdict v = judge_one(r);
	ck_assert_uint_eq(v.findings, 0);
	ck_assert_int_eq(v.set_unknown, 1);
	ck_assert_int_eq(v.sets_limited, 1);
	char text[64];
	verdict_text(&v, text, sizeof text);
	ck_assert_str_eq(text, "ok, set unknown");

	r = make("Suppress", "802", "Samuels, Vardit", "2026-10-05 10:00", 5, "");
	r.set_name = NULL; /* no column at all */
	run_set_from_csv(&r, 0);
	ck_assert_int_eq(r.set_unknown, RUN_SET_NO_COLUMN);
	ck_assert_str_eq(r.set_name, "");
	v = judge_one(r);
	ck_assert_uint_eq(v.findings, 0);
	ck_assert_int_eq(v.set_unknown, 1);

	/* the same for the API's unknown set */
	r = make("Suppress", "802", "Samuels, Vardit", "2026-10-05 10:00", 5, "");
	r.api = 1;
	r.set_unknown = RUN_SET_UNNAMED;
	run_set_from_csv(&r, 0); /* no CSV: left as it is */
	ck_assert_int_eq(r.set_unknown, RUN_SET_UNNAMED);
	v = judge_one(r);
	ck_assert_uint_eq(v.findings, 0);
	ck_assert_int_eq(v.set_unknown, 1);

	/* a set named, and not covered: unapproved, as before */
	r = make("Suppress", "802", "Samuels, Vardit", "2026-10-05 10:00", 5, "Widener weeding");
	run_set_from_csv(&r, 1);
	ck_assert_int_eq(r.set_unknown, RUN_SET_KNOWN);
	v = judge_one(r);
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	ck_assert_int_eq(v.set_unknown, 0);

	/* no approval limited to sets: an unknown set changes nothing */
	r = make("Withdraw items", "801", "Moody, Honor", "2026-10-05 10:00", 5, "");
	run_set_from_csv(&r, 0);
	v = judge_one(r);
	ck_assert_uint_eq(v.findings, 0);
	ck_assert_int_eq(v.set_unknown, 0);
	ck_assert_int_eq(v.sets_limited, 0);
}
END_TEST

START_TEST(chain_of_includes)
{
	/* create includes import, import includes upload */
	struct verdict v = judge_one(
		make("Upload single record", "803", "Popkin, Minna", "2026-10-05 10:00", 1, ""));
	ck_assert_uint_eq(v.findings, 0);
	ck_assert_str_eq(rules->jobs[rules->approvals[v.approval].job].id, "create");
	v = judge_one(make("Import - weekly", "803", "Popkin, Minna", "2026-10-05 10:00", 1, ""));
	ck_assert_uint_eq(v.findings, 0);
	/* but not the other way: an approval for upload does not grant import */
	ck_assert_int_eq(rules_grants(rules, rules_job_by_id(rules, "upload"),
				      rules_job_by_id(rules, "import")), 0);
}
END_TEST

START_TEST(sandbox_evidence_before_and_after)
{
	struct run sb = make("Withdraw items", "805", "Hartnett, Laura", "2026-10-03 10:00", 3, "");
	sb.env = RUN_SANDBOX;
	ck_assert_int_eq(judge_evidence(judge, &sb), 0);
	/* a production run after the sandbox test: tested, never signed off */
	struct verdict v = judge_one(
		make("Withdraw items", "805", "Hartnett, Laura", "2026-10-08 10:00", 50, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	ck_assert_str_eq(v.detail[FIND_NO_SIGNOFF],
			 "tested in sandbox 2026-10-03 10:00, never signed off for withdraw");
	ck_assert_int_eq(v.sandbox, sb.time);
	/* before the sandbox test: plainly unapproved */
	v = judge_one(make("Withdraw items", "805", "Hartnett, Laura", "2026-10-02 10:00", 50, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	/* another job: the evidence is per job */
	v = judge_one(make("Suppress", "805", "Hartnett, Laura", "2026-10-08 10:00", 50, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	/* an unknown person's sandbox test counts for the same unknown person */
	struct run sb2 = make("Suppress", "", "Okafor, Chinwe", "2026-10-01 10:00", 3, "");
	ck_assert_int_eq(judge_evidence(judge, &sb2), 0);
	v = judge_one(make("Suppress", "", "okafor,  chinwe", "2026-10-08 10:00", 50, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
}
END_TEST

/* Times keep their milliseconds: a sandbox run half a second before the
 * production run is before it; one in the same millisecond is not. */
START_TEST(sandbox_evidence_to_the_millisecond)
{
	struct run sb = make("Withdraw items", "805", "Hartnett, Laura", "2026-10-05T09:11:32.100Z",
			     3, "");
	sb.env = RUN_SANDBOX;
	ck_assert_int_eq(judge_evidence(judge, &sb), 0);
	struct verdict v = judge_one(make("Withdraw items", "805", "Hartnett, Laura",
					  "2026-10-05T09:11:32.600Z", 50, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	ck_assert_uint_eq(v.sandbox_id, sb.id);
	v = judge_one(make("Withdraw items", "805", "Hartnett, Laura", "2026-10-05T09:11:32.1Z",
			   50, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	v = judge_one(make("Withdraw items", "805", "Hartnett, Laura", "2026-10-05T09:11:32.099Z",
			   50, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
}
END_TEST

START_TEST(signed_off_later_with_sandbox_test)
{
	/* Laura Hartnett: signed off for change on 2026-10-20 */
	struct verdict v = judge_one(
		make("Change Physical Items", "805", "Hartnett, Laura", "2026-10-19 10:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	ck_assert_str_eq(v.detail[FIND_NO_SIGNOFF], "ran before sign-off on 2026-10-20 (approvals.csv:7)");
	v = judge_one(make("Change Physical Items", "805", "Hartnett, Laura", "2026-10-20 10:00", 5, ""));
	ck_assert_uint_eq(v.findings, 0);
}
END_TEST

/* Tested in the sandbox, then run in production where an approval did not
 * hold: the detail names what limited it (its sets, its revocation), not
 * "never signed off" (spec 3.4). */
START_TEST(sandbox_test_names_what_limited_the_approval)
{
	struct run sb = make("Suppress - test", "802", "Samuels, Vardit", "2026-10-03 10:00", 3, "x");
	sb.env = RUN_SANDBOX;
	ck_assert_int_eq(judge_evidence(judge, &sb), 0);
	struct verdict v = judge_one(
		make("Suppress", "802", "Samuels, Vardit", "2026-10-08 10:00", 5, "Widener weeding"));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	ck_assert_str_eq(v.detail[FIND_NO_SIGNOFF],
			 "tested in sandbox 2026-10-03 10:00; approved only for sets matching "
			 "judaica (approvals.csv:4)");
	/* revoked on 2026-10-10: the run that day names the revocation */
	sb = make("Delete Portfolios - test", "804", "Armitage, Amy", "2026-10-03 10:00", 3, "");
	sb.env = RUN_SANDBOX;
	ck_assert_int_eq(judge_evidence(judge, &sb), 0);
	v = judge_one(make("Delete Portfolios", "804", "Armitage, Amy", "2026-10-10 08:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	ck_assert_str_eq(v.detail[FIND_NO_SIGNOFF],
			 "tested in sandbox 2026-10-03 10:00; approval revoked on 2026-10-10 "
			 "(approvals.csv:6)");
	/* undated */
	sb = make("Withdraw items - test", "804", "Armitage, Amy", "2026-10-03 10:00", 3, "");
	sb.env = RUN_SANDBOX;
	ck_assert_int_eq(judge_evidence(judge, &sb), 0);
	v = judge_one(make("Withdraw items", "804", "Armitage, Amy", "2026-10-08 10:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	ck_assert_str_eq(v.detail[FIND_NO_SIGNOFF],
			 "tested in sandbox 2026-10-03 10:00; approval revoked (date not "
			 "recorded) in approvals.csv:9");
}
END_TEST

START_TEST(damaging_threshold_edges)
{
	/* the global default: 1000 is not above 1000; 1001 is */
	struct verdict v = judge_one(
		make("Withdraw items", "801", "Moody, Honor", "2026-10-05 10:00", 1000, ""));
	ck_assert_uint_eq(v.findings, 0);
	v = judge_one(make("Withdraw items", "801", "Moody, Honor", "2026-10-05 10:00", 1001, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_DAMAGING_LARGE_SET));
	ck_assert_str_eq(v.detail[FIND_DAMAGING_LARGE_SET], "1,001 records, above 1,000 for withdraw");
	/* a job's own threshold; and findings combine */
	v = judge_one(make("Delete Portfolios", "801", "Moody, Honor", "2026-10-05 10:00", 501, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED) | ONLY(FIND_DAMAGING_LARGE_SET));
	ck_assert_int_eq(v.large_set, 500);
	/* not damaging: never flagged, with or without a count */
	v = judge_one(make("Change Physical Items", "801", "Moody, Honor", "2026-10-07 10:00", 90000, ""));
	ck_assert_uint_eq(v.findings, 0);
	v = judge_one(make("Change Physical Items", "801", "Moody, Honor", "2026-10-07 10:00", -1, ""));
	ck_assert_uint_eq(v.findings, 0);
	/* damaging with no count: the size cannot be said to be small */
	v = judge_one(make("Withdraw items", "801", "Moody, Honor", "2026-10-05 10:00", -1, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNKNOWN_SIZE));
	ck_assert_str_eq(v.detail[FIND_UNKNOWN_SIZE],
			 "no record count: above 1,000 for withdraw cannot be ruled out");
	struct run nocol = make("Withdraw items", "801", "Moody, Honor", "2026-10-05 10:00", -1, "");
	nocol.no_records_col = 1;
	v = judge_one(nocol);
	ck_assert_str_eq(v.detail[FIND_UNKNOWN_SIZE],
			 "no record count (the export has no record count column): above 1,000 for "
			 "withdraw cannot be ruled out");
}
END_TEST

START_TEST(run_copies_judged_alike)
{
	/* each copy is judged on its own; runset makes them count once */
	struct run r = make("Delete Users", "801", "Moody, Honor", "2026-10-05 10:00", 5, "");
	struct verdict v;
	ck_assert_int_eq(judge_run(judge, &r, &v), 0);
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNLISTED_JOB));
	ck_assert_int_eq(judge_run(judge, &r, &v), 0);
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNLISTED_JOB));
}
END_TEST

/* An approval limited to other sets and signed off after the run does not
 * make the run "ran before sign-off": it is unapproved, the set limit named;
 * for a set it covers, it is. Sandbox evidence still makes it no-signoff. */
START_TEST(later_sign_off_for_other_sets)
{
	struct verdict v = judge_one(
		make("Suppress", "803", "Popkin, Minna", "2026-10-10 10:00", 5, "Widener weeding"));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	ck_assert_int_eq(v.later, -1);
	ck_assert_str_eq(v.detail[FIND_UNAPPROVED],
			 "approved only for sets matching judaica (approvals.csv:8)");
	v = judge_one(make("Suppress", "803", "Popkin, Minna", "2026-10-10 10:00", 5, "Judaica"));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	ck_assert_str_eq(v.detail[FIND_NO_SIGNOFF], "ran before sign-off on 2026-10-20 (approvals.csv:8)");
	struct run sb = make("Suppress", "803", "Popkin, Minna", "2026-10-01 10:00", 1, "test");
	sb.env = RUN_SANDBOX;
	ck_assert_int_eq(judge_evidence(judge, &sb), 0);
	v = judge_one(make("Suppress", "803", "Popkin, Minna", "2026-10-10 10:00", 5, "Widener"));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	/* signed off (later) for other sets: the detail names them */
	ck_assert_str_eq(v.detail[FIND_NO_SIGNOFF],
			 "tested in sandbox 2026-10-01 10:00; approved only for sets matching "
			 "judaica (approvals.csv:8)");
}
END_TEST

/* Every finding about someone not in staff.csv says so, whatever its kind. */
START_TEST(unknown_person_named_in_every_detail)
{
	struct run sb = make("Withdraw items", "", "Okafor, Chinwe", "2026-10-02 10:00", 3, "");
	sb.env = RUN_SANDBOX;
	ck_assert_int_eq(judge_evidence(judge, &sb), 0);
	struct verdict v = judge_one(
		make("Withdraw items", "", "Okafor, Chinwe", "2026-10-05 10:00", 5000, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF) | ONLY(FIND_DAMAGING_LARGE_SET));
	ck_assert_str_eq(v.detail[FIND_NO_SIGNOFF], "tested in sandbox 2026-10-02 10:00, never "
						    "signed off for withdraw; person not in staff.csv");
	ck_assert_str_eq(v.detail[FIND_DAMAGING_LARGE_SET],
			 "5,000 records, above 1,000 for withdraw; person not in staff.csv");
	v = judge_one(make("Delete Users", "999", "Castillo, Rafael", "2026-10-05 10:00", 5, ""));
	ck_assert_str_eq(v.detail[FIND_UNLISTED_JOB],
			 "no pattern in jobs.csv matches the job name; person not in staff.csv");
	v = judge_one(make("Delete Users", "801", "Moody, Honor", "2026-10-05 10:00", 5, ""));
	ck_assert_str_eq(v.detail[FIND_UNLISTED_JOB], "no pattern in jobs.csv matches the job name");
	/* no name at all: said, not a job the matrix left out */
	v = judge_one(make("", "801", "Moody, Honor", "2026-10-05 10:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNLISTED_JOB));
	ck_assert_str_eq(v.detail[FIND_UNLISTED_JOB],
			 "the job name is empty: no pattern in jobs.csv can match it");
}
END_TEST

/* revoked "undated": revoked before any record, shown as such. */
START_TEST(revoked_undated)
{
	ck_assert_int_eq(rules->approvals[7].revoked, RULES_UNDATED);
	struct verdict v = judge_one(
		make("Withdraw items", "804", "Armitage, Amy", "1990-01-01 10:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	ck_assert_str_eq(v.detail[FIND_UNAPPROVED],
			 "approval revoked (date not recorded) in approvals.csv:9");
}
END_TEST

START_TEST(finding_names)
{
	ck_assert_str_eq(finding_name(FIND_UNAPPROVED), "unapproved");
	ck_assert_str_eq(finding_name(FIND_NO_SIGNOFF), "no-signoff");
	ck_assert_str_eq(finding_name(FIND_DAMAGING_LARGE_SET), "damaging-large-set");
	ck_assert_str_eq(finding_name(FIND_UNLISTED_JOB), "unlisted-job");
	ck_assert_int_eq(finding_parse("no-signoff"), FIND_NO_SIGNOFF);
	ck_assert_int_eq(finding_parse("nosignoff"), -1);
}
END_TEST

/* The people cache holds a fixed number of entries: past it, entries are
 * evicted, and every lookup still finds the right person (by id, by name,
 * or nobody), however the pairs interleave. */
START_TEST(people_cache_bounded_and_exact)
{
	struct verdict v;
	char user[32], name[64];
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 3 * JUDGE_PEOPLE_CACHE; i++) {
			/* an unknown id with a known name, a known id, a stranger */
			int kind = i % 3;
			snprintf(user, sizeof user, kind == 1 ? "80%d" : "9%07d",
				 kind == 1 ? 1 + i / 3 % 5 : i);
			snprintf(name, sizeof name, kind == 0 ? "Moody, Honor" : "Stranger %d", i);
			struct run r = make("Change Physical Items", user, name, "2026-10-08T10:00:00Z",
					    5, "");
			ck_assert_int_eq(judge_describe(judge, &r, &v), 0);
			int by_id;
			int want = rules_person_for(rules, user, name, &by_id);
			ck_assert_int_eq(v.person, want);
			ck_assert_int_eq(v.how, by_id);
			ck_assert_int_eq(v.person, kind == 2 ? -1 : kind == 0 ? 0 : i / 3 % 5);
			ck_assert_uint_le(judge_people_cached(judge), JUDGE_PEOPLE_CACHE);
		}
	}
	ck_assert_uint_gt(judge_people_cached(judge), JUDGE_PEOPLE_CACHE / 2);
}
END_TEST


/* An unknown person's sandbox evidence (spec section 3 as revised): the
 * same id where both runs have one, else the same name. A sandbox run with
 * a name and no id is evidence for a production run with that name and an
 * id; a sandbox run with another id is not, whatever its name. */
START_TEST(unknown_person_evidence_by_id_else_name)
{
	struct run sb = make("Suppress", "", "Okafor, Chinwe", "2026-10-01 10:00", 3, "");
	sb.env = RUN_SANDBOX;
	ck_assert_int_eq(judge_evidence(judge, &sb), EVIDENCE_OK);
	struct verdict v = judge_one(make("Suppress", "977", "Okafor, Chinwe", "2026-10-08 10:00",
					  5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	ck_assert_uint_eq(v.sandbox_id, sb.id);
	/* both have an id, and they differ: not the same person's test */
	struct run other = make("Change Physical Items", "955", "Okafor, Chinwe",
				"2026-10-01 10:00", 3, "");
	ck_assert_int_eq(judge_evidence(judge, &other), EVIDENCE_OK);
	v = judge_one(make("Change Physical Items", "977", "Okafor, Chinwe", "2026-10-08 10:00", 5,
			   ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	/* the same id, another spelling of the name: the id decides */
	v = judge_one(make("Change Physical Items", "955", "C. Okafor", "2026-10-08 10:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	/* a production run with no id: the name, whatever the sandbox run's id */
	v = judge_one(make("Change Physical Items", "", "okafor, chinwe", "2026-10-08 10:00", 5, ""));
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
}
END_TEST

/* Evidence does not depend on order: a sandbox run read after the
 * production run it concerns counts once it is read (the audit holds the
 * verdict until then); a sandbox run whose id a production run has is a
 * copy, never evidence, even when read first; --sandbox-refreshed sets
 * aside the sandbox runs before it, and the detail says so. */
START_TEST(evidence_copies_and_refresh)
{
	struct run p = make("Withdraw items", "805", "Hartnett, Laura", "2026-10-08 10:00", 50, "");
	struct verdict v = judge_one(p);
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	ck_assert(verdict_rests_on_sandbox(&v));
	struct run sb = make("Withdraw items", "805", "Hartnett, Laura", "2026-10-03 10:00", 3, "");
	sb.env = RUN_SANDBOX;
	ck_assert_int_eq(judge_evidence(judge, &sb), EVIDENCE_OK);
	v = judge_one(p);
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	/* the sandbox run proves a copy: its id is a production run's */
	ck_assert_int_eq(judge_production_id(judge, sb.id), 0);
	v = judge_one(p);
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	char want[200];
	snprintf(want, sizeof want,
		 "no approval for withdraw; sandbox run %llu (2026-10-03 10:00) not counted: a copy of "
		 "a production run",
		 (unsigned long long)sb.id);
	ck_assert_str_eq(v.detail[FIND_UNAPPROVED], want);
	ck_assert_uint_eq(judge_sandbox_copies(judge), 1);
	/* an approval signed off later does not rest on the sandbox */
	v = judge_one(make("Change Physical Items", "805", "Hartnett, Laura", "2026-10-19 10:00", 5,
			   ""));
	ck_assert(!verdict_rests_on_sandbox(&v));
}
END_TEST

START_TEST(sandbox_refreshed_sets_aside)
{
	struct judge *j = judge_new(rules, 1000);
	int y, m, d;
	ck_assert_int_eq(times_parse_date("2026-10-04", 10, &y, &m, &d), 0);
	judge_set_refreshed(j, times_days_from_civil(y, m, d));
	struct run before = make("Suppress", "803", "Popkin, Minna", "2026-10-03 23:59", 3, "");
	struct run after = make("Suppress", "803", "Popkin, Minna", "2026-10-04 00:00", 3, "");
	before.env = after.env = RUN_SANDBOX;
	ck_assert_int_eq(judge_evidence(j, &before), EVIDENCE_ASIDE);
	struct run p = make("Suppress", "803", "Popkin, Minna", "2026-10-05 10:00", 5, "Widener");
	struct verdict v;
	ck_assert_int_eq(judge_run(j, &p, &v), 0);
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNAPPROVED));
	char want[200];
	snprintf(want, sizeof want,
		 "approved only for sets matching judaica (approvals.csv:8); sandbox run %llu "
		 "(2026-10-03 23:59) set aside: before the sandbox refresh of 2026-10-04",
		 (unsigned long long)before.id);
	ck_assert_str_eq(v.detail[FIND_UNAPPROVED], want);
	ck_assert_int_eq(judge_evidence(j, &after), EVIDENCE_OK);
	ck_assert_int_eq(judge_run(j, &p, &v), 0);
	ck_assert_uint_eq(v.findings, ONLY(FIND_NO_SIGNOFF));
	ck_assert_uint_eq(judge_sandbox_aside(j), 1);
	judge_free(j);
}
END_TEST

START_TEST(unfinished_api_run_counts_so_far)
{
	/* the API's counter of a run not finished is a lower bound: above the
	 * threshold it is large; at or under, its size is not known yet */
	struct run r = make("Withdraw items", "801", "Moody, Honor", "2026-10-05 10:00", 612, "");
	r.api = 1;
	r.status = "RUNNING";
	r.progress = 3;
	struct verdict v = judge_one(r);
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNKNOWN_SIZE));
	ck_assert_str_eq(v.detail[FIND_UNKNOWN_SIZE],
			 "still RUNNING at 3%, 612 records so far: above 1,000 for withdraw cannot "
			 "be ruled out");
	r.records = 1000; /* 1000 is not above 1000, and more may come */
	r.progress = -1;
	r.status = "FINALIZING";
	v = judge_one(r);
	ck_assert_uint_eq(v.findings, ONLY(FIND_UNKNOWN_SIZE));
	ck_assert_str_eq(v.detail[FIND_UNKNOWN_SIZE],
			 "still FINALIZING, 1,000 records so far: above 1,000 for withdraw cannot "
			 "be ruled out");
	r.records = 1001;
	r.status = "RUNNING";
	v = judge_one(r);
	ck_assert_uint_eq(v.findings, ONLY(FIND_DAMAGING_LARGE_SET));
	ck_assert_str_eq(v.detail[FIND_DAMAGING_LARGE_SET],
			 "1,001 records so far (still RUNNING), above 1,000 for withdraw");
	/* finished: judged on its count, as before */
	r.records = 612;
	r.status = "COMPLETED_SUCCESS";
	v = judge_one(r);
	ck_assert_uint_eq(v.findings, 0);
	/* a CSV's RUNNING row: total_records is the set's size (spec section 1) */
	r.api = 0;
	r.status = "RUNNING";
	v = judge_one(r);
	ck_assert_uint_eq(v.findings, 0);
	/* not damaging: no finding, running or not */
	struct run c = make("Change Physical Items", "801", "Moody, Honor", "2026-10-07 10:00", 5, "");
	c.api = 1;
	c.status = "RUNNING";
	v = judge_one(c);
	ck_assert_uint_eq(v.findings, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("verdict");
	TCase *tc = tcase_create("verdict");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, approved_run_has_no_findings);
	tcase_add_test(tc, unlisted_job);
	tcase_add_test(tc, unapproved_person_and_unknown_person);
	tcase_add_test(tc, sign_off_date_edges);
	tcase_add_test(tc, revocation_date_edges);
	tcase_add_test(tc, sets_limited_approval);
	tcase_add_test(tc, csv_unknown_set_judged_as_api);
	tcase_add_test(tc, chain_of_includes);
	tcase_add_test(tc, sandbox_evidence_before_and_after);
	tcase_add_test(tc, sandbox_evidence_to_the_millisecond);
	tcase_add_test(tc, signed_off_later_with_sandbox_test);
	tcase_add_test(tc, sandbox_test_names_what_limited_the_approval);
	tcase_add_test(tc, damaging_threshold_edges);
	tcase_add_test(tc, unfinished_api_run_counts_so_far);
	tcase_add_test(tc, run_copies_judged_alike);
	tcase_add_test(tc, later_sign_off_for_other_sets);
	tcase_add_test(tc, unknown_person_named_in_every_detail);
	tcase_add_test(tc, revoked_undated);
	tcase_add_test(tc, finding_names);
	tcase_add_test(tc, people_cache_bounded_and_exact);
	tcase_add_test(tc, unknown_person_evidence_by_id_else_name);
	tcase_add_test(tc, evidence_copies_and_refresh);
	tcase_add_test(tc, sandbox_refreshed_sets_aside);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
