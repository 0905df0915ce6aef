/* Unit tests of analyzer/units.c (units.csv: loading, checking, the units
 * of staff.csv) and reports/split.c (audit --split unit: one pass, a report
 * per unit, a person in two units in both, people not in staff.csv in the
 * whole report only). */
#include "audit.h"
#include "filter.h"
#include "period.h"
#include "rules.h"
#include "split.h"
#include "testutil.h"
#include "times.h"
#include "units.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *rules_dir(const char *units)
{
	const char *dir = testutil_dir();
	testutil_write(dir, "jobs.csv",
		       "job,scope,title,damaging,large_set,match,includes\n"
		       "withdraw,Items,Batch item withdrawals,yes,,^Withdraw items(?: - |$),\n"
		       "change,Items,Change physical items,no,,^Change Physical Items,\n");
	testutil_write(dir, "staff.csv",
		       "name,unit,alma_ids,aliases\n"
		       "Julie Petzold,HKS/GUT,801,\n"
		       "Te-Yi Lee,gut,802,\n"
		       "Honor Moody, ITS ; LAW ,803,\n"
		       "Amy Dittman,MED,804,\n");
	testutil_write(dir, "approvals.csv", "job,staff,signed_off,revoked,sets,ticket,note\n"
					    "change,Honor Moody,,,,,\n");
	if (units)
		testutil_write(dir, "units.csv", units);
	return dir;
}

START_TEST(no_units_csv_is_no_units)
{
	struct rules *r = rules_load(rules_dir(NULL));
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_null(r->units);
	testutil_stderr_begin();
	ck_assert_uint_eq(units_check(r), 0);
	ck_assert_str_eq(testutil_stderr_end(), "");
	/* the split still knows every unit staff.csv names, each once */
	struct units *all = units_of_staff(r);
	ck_assert_uint_eq(all->n, 5);
	const char *want[] = {"HKS", "GUT", "ITS", "LAW", "MED"};
	for (size_t i = 0; i < 5; i++) {
		ck_assert_str_eq(all->v[i].code, want[i]);
		ck_assert_str_eq(all->v[i].email, "");
	}
	units_free(all);
	rules_free(r);
}
END_TEST

START_TEST(units_csv_order_and_warnings)
{
	struct rules *r = rules_load(rules_dir("unit,name,email\n"
					       "# a comment\n"
					       "ITS,Information and Technical Services,its@x.edu\n"
					       "\n"
					       "GUT,Gutman Library,\"gut@x.edu, head@x.edu\"\n"
					       "HKS,Kennedy School,\n"
					       "CAB,Cabot,\n"));
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->units->n, 4);
	const struct unit *gut = units_find(r->units, "gut", 3);
	ck_assert_ptr_nonnull(gut);
	ck_assert_str_eq(gut->name, "Gutman Library");
	ck_assert_str_eq(gut->email, "gut@x.edu, head@x.edu");
	ck_assert_int_eq(gut->line, 5);
	/* units.csv's order first (CAB has no one), then staff.csv's */
	struct units *all = units_of_staff(r);
	ck_assert_uint_eq(all->n, 5);
	const char *want[] = {"ITS", "GUT", "HKS", "LAW", "MED"};
	for (size_t i = 0; i < 5; i++)
		ck_assert_str_eq(all->v[i].code, want[i]);
	ck_assert_str_eq(all->v[0].email, "its@x.edu");
	ck_assert_int_eq(all->v[3].line, 0);
	ck_assert_int_eq(all->v[3].staff_line, 4);
	units_free(all);
	testutil_stderr_begin();
	ck_assert_uint_eq(units_check(r), 2);
	const char *err = testutil_stderr_end();
	ck_assert_ptr_nonnull(strstr(err, "staff.csv:4: warning: unit 'LAW' is not in units.csv"));
	ck_assert_ptr_nonnull(strstr(err, "staff.csv:5: warning: unit 'MED' is not in units.csv"));
	rules_free(r);
}
END_TEST

START_TEST(units_csv_errors_at_their_lines)
{
	testutil_stderr_begin();
	struct rules *r = rules_load(rules_dir("unit,name,email\n"
					       "GUT,Gutman,\n"
					       "Gut,Gutman again,\n"
					       "HKS/GUT,Both,\n"
					       "ALL,Everyone,\n"
					       ",No code,\n"
					       "ITS,ITS,its at x.edu\n"
					       "LAW,Law,law@x.edu nobody@x.edu\n"));
	const char *err = testutil_stderr_end();
	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(strstr(err, "units.csv:3: unit 'Gut' again: it is at line 2"));
	ck_assert_ptr_nonnull(strstr(err, "units.csv:4: unit 'HKS/GUT': a code holds no"));
	ck_assert_ptr_nonnull(strstr(err, "units.csv:5: unit 'all'"));
	ck_assert_ptr_nonnull(strstr(err, "units.csv:6: a unit without a code"));
	ck_assert_ptr_nonnull(strstr(err, "units.csv:7: unit 'ITS': 'its at x.edu' is no email"));
	ck_assert_ptr_nonnull(strstr(err, "units.csv:8: unit 'LAW'"));

	testutil_stderr_begin();
	r = rules_load(rules_dir("name,email\nGUT,x@y.edu\n"));
	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(strstr(testutil_stderr_end(), "units.csv:1: missing column 'unit'"));
}
END_TEST

START_TEST(email_addresses)
{
	ck_assert_int_eq(units_email_ok("gut@library.example.edu"), 1);
	ck_assert_int_eq(units_email_ok("a@x.edu, b@y.org"), 1);
	ck_assert_int_eq(units_email_ok("a@x.edu,b@y.org"), 1);
	ck_assert_int_eq(units_email_ok(""), 0);
	ck_assert_int_eq(units_email_ok("a@x.edu,"), 0);
	ck_assert_int_eq(units_email_ok("nobody"), 0);
	ck_assert_int_eq(units_email_ok("@x.edu"), 0);
	ck_assert_int_eq(units_email_ok("a@localhost"), 0);
	ck_assert_int_eq(units_email_ok("a@x.edu."), 0);
	ck_assert_int_eq(units_email_ok("a@@x.edu"), 0);
	ck_assert_int_eq(units_email_ok("Name <a@x.edu>"), 0);
	ck_assert_int_eq(units_email_ok("a@x.edu\nBcc: all@x.edu"), 0);
	ck_assert_int_eq(units_email_ok("a\xc3\xa9@x.edu"), 0);
}
END_TEST

START_TEST(file_names)
{
	char buf[64];
	split_file_name("GUT", "txt", buf, sizeof buf);
	ck_assert_str_eq(buf, "GUT.txt");
	split_file_name("Access Services", "eml", buf, sizeof buf);
	ck_assert_str_eq(buf, "Access_Services.eml");
	split_file_name("../etc", "csv", buf, sizeof buf);
	ck_assert_str_eq(buf, "_._etc.csv"); /* no '/', no leading '.' */
	split_file_name("WID-EUROPEAN LANG", "json", buf, sizeof buf);
	ck_assert_str_eq(buf, "WID-EUROPEAN_LANG.json");
}
END_TEST

static const char export_rows[] =
	"id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records\n"
	"101,Change Physical Items,MANUAL,801,\"Petzold, Julie\",2026-10-02T14:00:00Z,OK,20\n"
	"102,Withdraw items,MANUAL,802,\"Lee, Te-Yi\",2026-10-03T14:00:00Z,OK,40000\n"
	"103,Change Physical Items,MANUAL,803,\"Moody, Honor\",2026-10-04T14:00:00Z,OK,30\n"
	"104,Withdraw items,MANUAL,999,\"Doe, Jane\",2026-10-05T14:00:00Z,OK,5\n"
	"101,Change Physical Items,MANUAL,801,\"Petzold, Julie\",2026-10-02T14:00:00Z,OK,20\n";

static char *read_at(const char *dir, const char *name)
{
	char path[1100];
	snprintf(path, sizeof path, "%.512s/%.64s", dir, name);
	if (access(path, F_OK) != 0)
		return NULL;
	return testutil_read(path);
}

START_TEST(split_in_one_pass)
{
	times_set_zone("UTC");
	struct rules *r = rules_load(rules_dir("unit,name,email\nGUT,Gutman Library,gut@x.edu\n"));
	ck_assert_ptr_nonnull(r);
	struct period period;
	ck_assert_int_eq(period_set(&period, "2026-10", NULL, NULL, 0), 0);
	struct filter none;
	filter_init(&none);
	const char *out = testutil_dir();
	char dir[512];
	snprintf(dir, sizeof dir, "%s/split", out);
	struct split_options so = {dir, "csv", 0, NULL, 50, NULL, 0, NULL, 0, NULL};
	struct split *sp = split_open(r, &so);
	ck_assert_ptr_nonnull(sp);
	const char *files[] = {testutil_plain(export_rows)};
	struct audit_inputs in = {NULL, 0, files, 1, NULL, NULL};
	struct audit_config cfg = {AUDIT_FINDINGS, r, &period, &none, 1000, 50, NULL, NULL, 0};
	uint64_t findings;
	ck_assert_int_eq(audit_run(&in, &cfg, split_reporter(sp), &findings), 0);
	ck_assert_uint_eq(findings, 3);
	const char *list_path = testutil_path(".list");
	FILE *list = fopen(list_path, "w");
	ck_assert_int_eq(split_flush(sp), 0);
	ck_assert_int_eq(split_finish(sp, 1, list), 0);
	fclose(list);
	split_free(sp);

	char *all = read_at(dir, "all.csv"), *gut = read_at(dir, "GUT.csv");
	char *hks = read_at(dir, "HKS.csv"), *its = read_at(dir, "ITS.csv");
	ck_assert_ptr_nonnull(all);
	ck_assert_ptr_nonnull(gut);
	ck_assert_ptr_nonnull(hks);
	ck_assert_ptr_nonnull(its); /* a run, no findings: a report that says so */
	/* no runs by MED people: no file; Honor Moody is in ITS and LAW */
	ck_assert_ptr_null(read_at(dir, "MED.csv"));
	char *law = read_at(dir, "LAW.csv");
	ck_assert_ptr_nonnull(law);
	free(law);
	/* Julie Petzold (HKS/GUT) in both; Te-Yi Lee (gut) in GUT; Jane Doe in all only;
	 * run 101, read twice, once each */
	ck_assert_ptr_nonnull(strstr(hks, "\nunapproved,101,"));
	ck_assert_ptr_null(strstr(hks, ",102,"));
	ck_assert_ptr_nonnull(strstr(gut, "\nunapproved,101,"));
	ck_assert_ptr_nonnull(strstr(gut, "\ndamaging-large-set,102,"));
	ck_assert_ptr_null(strstr(strstr(gut, ",101,") + 1, ",101,"));
	ck_assert_ptr_null(strstr(gut, ",104,"));
	ck_assert_ptr_null(strstr(its, "\n1"));
	ck_assert_ptr_nonnull(strstr(all, ",104,"));
	ck_assert_ptr_nonnull(strstr(all, ",101,"));
	char *listed = testutil_read(list_path);
	ck_assert_ptr_nonnull(strstr(listed, "/GUT.csv: GUT, Gutman Library: 2 runs audited, 2 with findings\n"));
	ck_assert_ptr_nonnull(strstr(listed, "/HKS.csv: HKS: 1 run audited, 1 with findings\n"));
	ck_assert_ptr_nonnull(strstr(listed, "/all.csv: the whole report: 4 runs audited, 3 with "
					     "findings (1 by people not in staff.csv)\n"));
	ck_assert_ptr_nonnull(strstr(listed, "No runs, no report: MED\n"));
	free(all);
	free(gut);
	free(hks);
	free(its);
	free(listed);
	filter_free(&none);
	rules_free(r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("units");
	TCase *tc = tcase_create("units");
	tcase_add_test(tc, no_units_csv_is_no_units);
	tcase_add_test(tc, units_csv_order_and_warnings);
	tcase_add_test(tc, units_csv_errors_at_their_lines);
	tcase_add_test(tc, email_addresses);
	tcase_add_test(tc, file_names);
	tcase_add_test(tc, split_in_one_pass);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
