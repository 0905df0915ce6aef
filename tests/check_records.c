/* Unit tests of analyzer/records.c: a run's record count from the counters
 * of its job instance (the Alma API's JSON): the job's records pattern in
 * jobs.csv, on a counter's type.value or desc, else the default rule (the
 * largest counter whose desc reads as the total of records processed, not
 * a part of them), and
 * what runs --explain is told when no counter gives it. Also the records
 * column of jobs.csv as matrix.c loads it. */
#include "matrix.h"
#include "records.h"
#include "rules.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

static struct rules *rules;

static void setup(void)
{
	times_set_zone("UTC");
	const char *dir = testutil_dir();
	testutil_write(dir, "jobs.csv",
		       "job,scope,title,damaging,large_set,match,includes,records\n"
		       "withdraw,Items,Withdraw items,yes,,^Withdraw items(?: - |$),,"
		       "items? in (?:the )?set\n"
		       "delete,Portfolios,Delete portfolios,yes,,^Delete Portfolios(?: - |$),,"
		       "^delete_portfolios\\.to_delete$\n"
		       "change,Items,Change physical items,no,,^Change Physical Items(?: - |$),,\n");
	testutil_write(dir, "staff.csv", "name,unit,alma_ids,aliases\nHonor Moody,ITS,801,\n");
	testutil_write(dir, "approvals.csv",
		       "job,staff,signed_off,revoked,sets,ticket,note\nwithdraw,Honor Moody,,,,,\n");
	rules = matrix_load(dir);
	ck_assert_ptr_nonnull(rules);
}

static void teardown(void)
{
	matrix_free(rules);
}

static char note[320];

/* The count records_resolve finds for a run of `name` with counters c. */
static int64_t count(const char *name, const struct run_counter *c, size_t n)
{
	struct run r;
	memset(&r, 0, sizeof r);
	r.api = 1;
	r.name = name;
	r.counters = c;
	r.ncounters = n;
	r.records = 12345; /* replaced */
	ck_assert_int_eq(records_resolve(rules, &r, note, sizeof note), 0);
	ck_assert_ptr_eq(r.records_note, note);
	/* a counter found whose value is no count: the verdict says so */
	if (r.records < 0 && strstr(note, "not a count"))
		ck_assert_ptr_nonnull(r.records_bad);
	else
		ck_assert_ptr_null(r.records_bad);
	return r.records;
}

START_TEST(default_rule)
{
	static const struct run_counter c[] = {
		{"change.records_ok", "Records processed successfully", "10"},
		{"change.failed", "Records failed", "2"},
		{"change.total", "Total records processed", "1,234"},
		{"change.total2", "Total records in file", "99"},
	};
	ck_assert_int_eq(count("Change Physical Items - 10/01/2026", c, 4), 1234);
	ck_assert_str_eq(note, "counter change.total ('Total records processed') = 1234, the "
			       "largest of the counters whose description reads as the total of "
			       "records");
	/* a job jobs.csv does not list: the default rule too */
	ck_assert_int_eq(count("Merge records", c + 3, 1), 99);
	static const struct run_counter d[] = {{"x", "TOTAL PROCESSED", "7"}};
	ck_assert_int_eq(count("Merge records", d, 1), 7);
	ck_assert_int_eq(records_is_total("Number of assets failed"), 0);
	ck_assert_int_eq(records_is_total("Total number of records"), 1);
	ck_assert_int_eq(records_is_total("Total"), 0);
	/* the review's import: "Total records failed" (0) first, never the count */
	static const struct run_counter f[] = {
		{"import.total_failed", "Total records failed", "0"},
		{"import.total_not_imported", "Total records not imported", "3"},
		{"import.total_records", "Total records processed", "40112"},
	};
	ck_assert_int_eq(count("Merge records", f, 3), 40112);
	ck_assert_str_eq(note, "counter import.total_records ('Total records processed') = 40112, "
			       "the largest of the counters whose description reads as the total "
			       "of records");
	ck_assert_int_eq(count("Merge records", f, 2), -1);
	/* a partial count said by its type.value only */
	static const struct run_counter g[] = {{"import.total_rejected", "Total records", "7"}};
	ck_assert_int_eq(count("Merge records", g, 1), -1);
	ck_assert_int_eq(records_is_total("Total records skipped"), 0);
	ck_assert_int_eq(records_is_total("Total records with errors"), 0);
	ck_assert_int_eq(records_is_total("Total records without a match"), 0);
	ck_assert_int_eq(records_is_total("Total notes records"), 1); /* "not" a word only */
	ck_assert_int_eq(records_is_total("Total no. of records"), 1);
	ck_assert_int_eq(records_is_total("Total in set"), 1);
	ck_assert_int_eq(records_is_total("Total in settings"), 0); /* "in set" a word only */
	ck_assert_int_eq(records_is_total("TOTAL PROCESSED"), 1);
	/* a part included is the whole */
	ck_assert_int_eq(records_is_total("Total records (including failed)"), 1);
	ck_assert_int_eq(records_is_total("Total records incl. errors"), 1);
	ck_assert_int_eq(records_is_partial("Records in set (including failed)"), 0);
	/* a part word not right after "including"/"incl." is still a part */
	static const char *const still[] = {"Total records included in error report",
					    "Total records incl. in error report",
					    "Total records not included",
					    "Total records failed (incl. rejected)",
					    "Total records skipped, including duplicates"};
	for (size_t i = 0; i < sizeof still / sizeof still[0]; i++) {
		ck_assert_msg(records_is_partial(still[i]) == 1, "%s", still[i]);
		ck_assert_msg(records_is_total(still[i]) == 0, "%s", still[i]);
	}
	/* the job's key in a type.value says nothing: the default rule too */
	static const struct run_counter h[] = {
		{"delete_holdings_without_items.total", "Total records processed", "4800"}};
	ck_assert_int_eq(count("Merge records", h, 1), 4800);
	/* a total that lists its parts, larger than the whole imported: it */
	static const struct run_counter dl[] = {
		{"import.total_records", "Total records in file (including duplicates and invalid)",
		 "5000"},
		{"import.imported", "Total records imported", "800"}};
	ck_assert_int_eq(count("Merge records", dl, 2), 5000);
	/* a failed total alone: no whole, no count */
	static const struct run_counter x[] = {{"import.failed", "Total records failed", "3"}};
	ck_assert_int_eq(count("Merge records", x, 1), -1);
	/* every word of a part, in any case, anywhere in the text */
	static const char *const parts[] = {"Failed",   "ERRORS",    "skipped", "Rejected",
					    "warnings", "excluded",  "invalid", "ignored",
					    "unchanged", "duplicates", "mismatched", "unmatched",
					    "withheld", "not matched", "non-matched", "without"};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		char text[64];
		snprintf(text, sizeof text, "Total records %s", parts[i]);
		ck_assert_msg(records_is_total(text) == 0, "%s", text);
		ck_assert_msg(records_is_partial(text) == 1, "%s", text);
		snprintf(text, sizeof text, "%s: total records", parts[i]);
		ck_assert_msg(records_is_total(text) == 0, "%s", text);
	}
	ck_assert_int_eq(records_is_partial("Nonetheless total"), 0); /* "non" a word only */
	ck_assert_int_eq(records_is_partial("Total records processed"), 0);
	ck_assert_int_eq(count("Change Physical Items", c, 2), -1);
	ck_assert_str_eq(note, "none: no counter's description reads as the total of records (of "
			       "2 counters: change.records_ok, change.failed); name one in "
			       "jobs.csv's records column");
}
END_TEST

START_TEST(job_pattern)
{
	static const struct run_counter c[] = {
		{"withdraw_items.total", "Total records processed", "5"},
		{"withdraw_items.items_in_set", "Number of items in the set", "40112"},
		{"withdraw_items.withdrawn", "Items withdrawn", "40000"},
	};
	/* the job's pattern (on desc), not the default rule */
	ck_assert_int_eq(count("Withdraw items - HD transfer", c, 3), 40112);
	ck_assert_str_eq(note, "counter withdraw_items.items_in_set ('Number of items in the "
			       "set') = 40112, named by jobs.csv:2's records pattern");
	/* on type.value */
	static const struct run_counter d[] = {
		{"delete_portfolios.deleted", "Portfolios deleted", "3"},
		{"delete_portfolios.to_delete", "Portfolios", "5230"},
	};
	ck_assert_int_eq(count("Delete Portfolios", d, 2), 5230);
	/* the largest of the counters the pattern matches, whatever their
	 * order: a failed count of 0 first does not clear the run */
	static const struct run_counter e[] = {
		{"withdraw_items.items_in_set_failed", "Items in set that failed", "0"},
		{"withdraw_items.items_in_set", "Number of items in set", "5000"},
		{"withdraw_items.items_in_set_part", "Items in set", "70"},
	};
	ck_assert_int_eq(count("Withdraw items", e, 3), 5000);
	ck_assert_str_eq(note, "counter withdraw_items.items_in_set ('Number of items in set') = "
			       "5000, named by jobs.csv:2's records pattern (the largest it "
			       "matches)");
	/* "including failed" is the whole, not a part: larger than the
	 * withdrawn ones, it is the count */
	static const struct run_counter w[] = {
		{"withdraw_items.items_in_set", "Items in set (including failed)", "5000"},
		{"withdraw_items.items_in_set_withdrawn", "Items in set withdrawn", "800"},
	};
	ck_assert_int_eq(count("Withdraw items", w, 2), 5000);
	ck_assert_int_eq(count("Withdraw items", w, 1), 5000);
	/* a part word in the job's key (type.value's part before the last dot)
	 * says nothing of the counter */
	static const struct run_counter k[] = {
		{"withdraw_items_without_holdings.items_in_set", "Items in the set", "4800"}};
	ck_assert_int_eq(count("Withdraw items", k, 1), 4800);
	/* the whole's value no count: the run has none (unknown-size), never
	 * the failed count's 0 */
	static const struct run_counter na[] = {
		{"withdraw_items.items_in_set", "Number of items in set", "N/A"},
		{"withdraw_items.items_in_set_failed", "Items in set that failed", "0"},
	};
	ck_assert_int_eq(count("Withdraw items", na, 2), -1);
	ck_assert_str_eq(note, "counter withdraw_items.items_in_set ('Number of items in set') has "
			       "value 'N/A', not a count");
	/* only a part matched: no count (unknown-size), and the note says why */
	ck_assert_int_eq(count("Withdraw items", e, 1), -1);
	ck_assert_str_eq(note, "none: jobs.csv:2's records pattern matches only counters of a part "
			       "of the records (withdraw_items.items_in_set_failed ('Items in set "
			       "that failed'): failed, skipped, not ...), not the set");
	/* a whole that lists its parts: every part word in the list is
	 * included ("including failed and skipped", "including records with
	 * errors"), the list ending at ')' or ';' */
	static const struct run_counter l[] = {
		{"withdraw_items.items_in_set", "Items in set (including failed and skipped)", "5000"},
		{"withdraw_items.items_in_set_withdrawn", "Items in set withdrawn", "800"},
	};
	ck_assert_int_eq(count("Withdraw items", l, 2), 5000);
	ck_assert_int_eq(count("Withdraw items", l, 1), 5000);
	ck_assert_int_eq(records_is_partial("Total records in set (including records with errors)"),
			 0);
	ck_assert_int_eq(records_is_partial("Items in set (incl. failed); errors"), 1);
	/* a part larger than every whole: the set is at least that */
	static const struct run_counter g2[] = {
		{"w.items_in_set_failed", "Items in set that failed", "900"},
		{"w.items_in_set", "Items in set", "300"},
	};
	ck_assert_int_eq(count("Withdraw items", g2, 2), 900);
	ck_assert_ptr_nonnull(strstr(note, "the set is at least that"));
	/* a whole unreadable beside another whole's count: none (it may be
	 * the largest) */
	static const struct run_counter u[] = {
		{"withdraw_items.items_in_set", "Number of items in the set", "N/A"},
		{"withdraw_items.items_in_set_withdrawn", "Items in set withdrawn", "12"},
	};
	ck_assert_int_eq(count("Withdraw items", u, 2), -1);
	/* a matched whole that is no count, beside one that is: none (the
	 * unreadable one may be the largest) */
	static const struct run_counter b[] = {{"w.set", "Items in set", "n/a"},
					       {"w.set2", "Items in the set", "12"}};
	ck_assert_int_eq(count("Withdraw items", b, 2), -1);
	/* a pattern that matches nothing: no count, never the default's */
	ck_assert_int_eq(count("Withdraw items", c, 1), -1);
	ck_assert_str_eq(note, "none: no counter matches jobs.csv:2's records pattern items? in "
			       "(?:the )?set (of 1 counter: withdraw_items.total)");
}
END_TEST

START_TEST(no_count)
{
	ck_assert_int_eq(count("Withdraw items", NULL, 0), -1);
	ck_assert_str_eq(note, "none: the instance has no counters");
	static const struct run_counter c[] = {{"w.set", "Items in set", "n/a"}};
	ck_assert_int_eq(count("Withdraw items", c, 1), -1);
	ck_assert_str_eq(note, "counter w.set ('Items in set') has value 'n/a', not a count");
	/* a grouped count reads as a record count cell does ("2.400") */
	static const struct run_counter g[] = {{"w.set", "Items in set", "2.400"},
					       {"w.set", "Items in set", " 1'234 "},
					       {"w.set", "Items in set", "1,2,3"}};
	ck_assert_int_eq(count("Withdraw items", g, 1), 2400);
	ck_assert_int_eq(count("Withdraw items", g + 1, 1), 1234);
	ck_assert_int_eq(count("Withdraw items", g + 2, 1), -1);
	ck_assert_str_eq(note, "counter w.set ('Items in set') has value '1,2,3', not a count");
	/* a run from a CSV export is left as it is */
	struct run r;
	memset(&r, 0, sizeof r);
	r.name = "Withdraw items";
	r.records = 17;
	ck_assert_int_eq(records_resolve(rules, &r, note, sizeof note), 0);
	ck_assert_int_eq(r.records, 17);
	ck_assert_ptr_null(r.records_note);
}
END_TEST

/* jobs.csv's records column: optional, compiled, its error at its line. */
START_TEST(records_column)
{
	ck_assert_str_eq(rules->jobs[0].records_src, "items? in (?:the )?set");
	ck_assert_ptr_null(rules->jobs[2].records);
	const char *dir = testutil_dir();
	testutil_write(dir, "jobs.csv",
		       "job,title,damaging,match,records\n"
		       "w,W,yes,^W,(unclosed\n");
	testutil_write(dir, "staff.csv", "name,unit,alma_ids,aliases\nHonor Moody,ITS,801,\n");
	testutil_write(dir, "approvals.csv", "job,staff\nw,Honor Moody\n");
	testutil_stderr_begin();
	struct rules *bad = matrix_load(dir);
	const char *err = testutil_stderr_end();
	ck_assert_ptr_null(bad);
	ck_assert_msg(strstr(err, "jobs.csv:2: records pattern error at offset 9") != NULL, "%s",
		      err);
	/* the shipped rules: every damaging job's pattern compiles */
	struct rules *shipped = matrix_load(ALMAUDIT_SOURCE_DIR "/rules");
	ck_assert_ptr_nonnull(shipped);
	int named = 0;
	for (size_t i = 0; i < shipped->njobs; i++)
		named += shipped->jobs[i].records != NULL;
	ck_assert_int_gt(named, 0);
	matrix_free(shipped);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("records");
	TCase *tc = tcase_create("records");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, default_rule);
	tcase_add_test(tc, job_pattern);
	tcase_add_test(tc, no_count);
	tcase_add_test(tc, records_column);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
