/* Unit tests of the small modules: analyzer/columns.c (header names and
 * --column), analyzer/run.c (types, environments, status codes),
 * analyzer/csvw.c (CSV cells) and the text helpers of reports/report_text.c. */
#include "columns.h"
#include "csvw.h"
#include "report_text.h"
#include "run.h"
#include "testutil.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static int lookup(const struct columns *cols, const char *h)
{
	int ex;
	return columns_lookup(cols, h, strlen(h), &ex);
}

START_TEST(column_names_and_aliases)
{
	ck_assert_int_eq(lookup(NULL, "Job Instance ID"), COL_ID);
	ck_assert_int_eq(lookup(NULL, "job_instance_id"), COL_ID);
	ck_assert_int_eq(lookup(NULL, "  PROCESS id "), COL_ID);
	ck_assert_int_eq(lookup(NULL, "Submitted By Name"), COL_USER_NAME);
	ck_assert_int_eq(lookup(NULL, "submitted_by"), COL_USER);
	ck_assert_int_eq(lookup(NULL, "Number of Records"), COL_RECORDS);
	ck_assert_int_eq(lookup(NULL, "Set"), COL_SET_NAME);
	ck_assert_int_eq(lookup(NULL, "ENVIRONMENT"), COL_ENVIRONMENT);
	ck_assert_int_eq(lookup(NULL, "Job-ID"), -1);
	ck_assert_int_eq(lookup(NULL, ""), -1);
	ck_assert_int_eq(lookup(NULL, "notes"), -1);
	ck_assert_str_eq(columns_accepted(COL_USER),
			 "submitted_by, Submitted By, Creator, Operator");
}
END_TEST

START_TEST(column_mappings)
{
	struct columns cols = {0};
	int ex;
	ck_assert_int_eq(columns_map(&cols, "Total_Records=Items Affected"), 0);
	ck_assert_int_eq(columns_lookup(&cols, "items affected", 14, &ex), COL_RECORDS);
	ck_assert_int_eq(ex, 1);
	ck_assert_int_eq(columns_lookup(&cols, "records", 7, &ex), COL_RECORDS);
	ck_assert_int_eq(ex, 0);
	testutil_stderr_begin();
	ck_assert_int_eq(columns_map(&cols, "colour=Hue"), -1);
	ck_assert_int_eq(columns_map(&cols, "name"), -1);
	ck_assert_int_eq(columns_map(&cols, "name="), -1);
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "almaudit: --column: 'colour' is not a column; the columns are "
				  "id, job_id,"),
		      "%s", err);
	ck_assert_msg(strstr(err, "almaudit: --column wants CANONICAL=HEADER, not 'name'\n"), "%s",
		      err);
	columns_free(&cols);
}
END_TEST

static const char *status(const char *s)
{
	static char buf[64];
	return run_status_code(s, strlen(s), buf, sizeof buf);
}

START_TEST(status_codes_from_codes_and_labels)
{
	ck_assert_str_eq(status("COMPLETED_SUCCESS"), "COMPLETED_SUCCESS");
	ck_assert_str_eq(status("Completed Successfully"), "COMPLETED_SUCCESS");
	ck_assert_str_eq(status(" completed with warnings "), "COMPLETED_WARNING");
	ck_assert_str_eq(status("Completed with Errors"), "COMPLETED_FAILED");
	ck_assert_str_eq(status("Completed with No Bulks"), "COMPLETED_NO_BULKS");
	ck_assert_str_eq(status("Failed"), "FAILED");
	ck_assert_str_eq(status("System Aborted"), "SYSTEM_ABORTED");
	ck_assert_str_eq(status("Aborted by User"), "USER_ABORTED");
	ck_assert_str_eq(status("Manual Handling Required"), "MANUAL_HANDLING_REQUIRED");
	ck_assert_str_eq(status("Skipped"), "SKIPPED");
	ck_assert_str_eq(status("Running"), "RUNNING");
	ck_assert_str_eq(status("Queued"), "QUEUED");
	ck_assert_str_eq(status(""), "");
	ck_assert_str_eq(status("Waiting -- for input"), "WAITING_FOR_INPUT");
}
END_TEST

START_TEST(types_and_environments)
{
	enum run_type t;
	enum run_env e;
	ck_assert_int_eq(run_type_parse("Manual", 6, &t), 0);
	ck_assert_int_eq(t, RUN_MANUAL);
	ck_assert_int_eq(run_type_parse("SCHEDULED", 9, &t), 0);
	ck_assert_int_eq(t, RUN_SCHEDULED);
	ck_assert_int_eq(run_type_parse("", 0, &t), 0);
	ck_assert_int_eq(t, RUN_TYPE_UNKNOWN);
	ck_assert_int_eq(run_type_parse("Weekly", 6, &t), -1);
	ck_assert_int_eq(run_env_parse("Sandbox", 7, &e), 0);
	ck_assert_int_eq(e, RUN_SANDBOX);
	ck_assert_int_eq(run_env_parse("PRODUCTION", 10, &e), 0);
	ck_assert_int_eq(e, RUN_PRODUCTION);
	ck_assert_int_eq(run_env_parse("staging", 7, &e), -1);

	struct run r = {.type = RUN_MANUAL, .user = "system"};
	ck_assert_int_eq(run_is_system(&r), 1);
	r.user = "80120017";
	ck_assert_int_eq(run_is_system(&r), 0);
	r.type = RUN_SCHEDULED;
	ck_assert_int_eq(run_is_system(&r), 1);
}
END_TEST

static const char *csv_of(const char *cells[], int n)
{
	static char text[1024];
	const char *path = testutil_path(".csv");
	FILE *f = fopen(path, "w");
	struct csvw w;
	csvw_init(&w, f);
	for (int i = 0; i < n; i++)
		csvw_str(&w, cells[i]);
	csvw_end(&w);
	fclose(f);
	char *s = testutil_read(path);
	snprintf(text, sizeof text, "%s", s);
	free(s);
	return text;
}

START_TEST(csv_quoting_and_formulas)
{
	const char *plain[] = {"a", "", "b c"};
	ck_assert_str_eq(csv_of(plain, 3), "a,,b c\n");
	const char *quoted[] = {"x,y", "say \"hi\"", "two\nlines", " padded"};
	ck_assert_str_eq(csv_of(quoted, 4), "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\"\n");
	const char *formulas[] = {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b"};
	ck_assert_str_eq(csv_of(formulas, 7),
			 "\"'=1+2\",\"'+1\",\"'-1\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\",a=b\n");
}
END_TEST

START_TEST(counts_and_text_cells)
{
	char b[32];
	ck_assert_str_eq(report_count(0, b, sizeof b), "0");
	ck_assert_str_eq(report_count(999, b, sizeof b), "999");
	ck_assert_str_eq(report_count(1000, b, sizeof b), "1,000");
	ck_assert_str_eq(report_count(1234567, b, sizeof b), "1,234,567");

	const char *path = testutil_path(".txt");
	FILE *f = fopen(path, "w");
	report_text_cell(f, "ab\ncd\x1b[31m", 0);
	putc('|', f);
	report_text_cell(f, "Dvořák, Antonín", 8);
	putc('|', f);
	report_text_cell(f, "ab", 4);
	putc('|', f);
	report_text_cell(f, "bad\xff", 0);
	fclose(f);
	char *s = testutil_read(path);
	ck_assert_str_eq(s, "ab cd [31m|Dvořák, |ab  |bad?");
	free(s);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("values");
	TCase *tc = tcase_create("values");
	tcase_add_test(tc, column_names_and_aliases);
	tcase_add_test(tc, column_mappings);
	tcase_add_test(tc, status_codes_from_codes_and_labels);
	tcase_add_test(tc, types_and_environments);
	tcase_add_test(tc, csv_quoting_and_formulas);
	tcase_add_test(tc, counts_and_text_cells);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
