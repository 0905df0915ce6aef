/* Unit tests of the small modules: analyzer/columns.c (header names and
 * --column), analyzer/run.c (types, environments, status codes),
 * analyzer/csvw.c (CSV cells), the text helpers of reports/report_text.c,
 * the encoders of reports/report_email.c and reports/report_html.c, and
 * the last message analyzer/diag.c keeps for reports. */
#include "columns.h"
#include "csvw.h"
#include "diag.h"
#include "report.h"
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

static char *render(void (*fn)(FILE *, const char *, const char *), const char *a, const char *b)
{
	const char *path = testutil_path(".txt");
	FILE *f = fopen(path, "w");
	fn(f, a, b);
	fclose(f);
	return testutil_read(path);
}

static void header(FILE *f, const char *name, const char *value)
{
	report_email_header(f, name, value);
}

static void qp(FILE *f, const char *text, const char *unused)
{
	(void)unused;
	report_email_qp(f, text, strlen(text));
}

static void escape(FILE *f, const char *text, const char *unused)
{
	(void)unused;
	report_html_escape(f, text);
}

static void json(FILE *f, const char *text, const char *unused)
{
	(void)unused;
	report_json_string(f, text);
}

START_TEST(json_strings)
{
	char *j = render(json, "a\"b\\c\n\t\x01\x1f\x7f \xc3\xa9 \xff \xc0\xaf \xed\xa0\x80 \xf0\x9f\x98\x80", NULL);
	ck_assert_str_eq(j, "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\\u007f \xc3\xa9 \\ufffd "
			    "\\ufffd\\ufffd \\ufffd\\ufffd\\ufffd \xf0\x9f\x98\x80\"");
	free(j);
}
END_TEST

START_TEST(email_headers)
{
	char *h = render(header, "Subject", "Audit\r\nBcc: victim@example.com\tnow");
	ck_assert_str_eq(h, "Subject: Audit Bcc: victim@example.com now\n");
	free(h);
	h = render(header, "Subject", "Pr\xc3\xbc" "fung");
	ck_assert_str_eq(h, "Subject: =?UTF-8?B?UHLDvGZ1bmc=?=\n");
	free(h);
	/* long ASCII folds at spaces, never past 78 */
	h = render(header, "Subject",
		   "one two three four five six seven eight nine ten eleven twelve thirteen "
		   "fourteen fifteen sixteen");
	ck_assert_str_eq(h, "Subject: one two three four five six seven eight nine ten eleven twelve\n"
			    " thirteen fourteen fifteen sixteen\n");
	free(h);
	/* long non-ASCII: words of at most 75 characters, characters kept whole */
	char text[200] = "";
	for (int i = 0; i < 30; i++)
		strcat(text, "\xc3\xa9t\xc3\xa9 ");
	h = render(header, "Subject", text);
	size_t col = 0;
	for (const char *p = h; *p; p++) {
		col = *p == '\n' ? 0 : col + 1;
		ck_assert_uint_le(col, 78);
	}
	ck_assert_ptr_nonnull(strstr(h, "\n =?UTF-8?B?"));
	free(h);
}
END_TEST

START_TEST(quoted_printable)
{
	char *q = render(qp, "plain = text\ttab \nend ", NULL);
	ck_assert_str_eq(q, "plain =3D text\ttab=20\nend=20");
	free(q);
	q = render(qp, "caf\xc3\xa9", NULL);
	ck_assert_str_eq(q, "caf=C3=A9");
	free(q);
	char line[300];
	memset(line, 'x', 250);
	line[250] = '\0';
	q = render(qp, line, NULL);
	size_t col = 0, soft = 0;
	for (const char *p = q; *p; p++) {
		col = *p == '\n' ? 0 : col + 1;
		soft += p[0] == '=' && p[1] == '\n';
		ck_assert_uint_le(col, 76);
	}
	ck_assert_uint_eq(soft, 3);
	free(q);
}
END_TEST

START_TEST(html_escaping)
{
	char *e = render(escape, "<script>\"a\" & 'b'</script>\x01\xff ok \xc3\xa9", NULL);
	ck_assert_str_eq(e, "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;&#xFFFD;"
			    "&#xFFFD; ok \xc3\xa9");
	free(e);
	/* overlong and surrogate encodings are not UTF-8 */
	e = render(escape, "\xc0\xaf\xed\xa0\x80", NULL);
	ck_assert_str_eq(e, "&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;");
	free(e);
}
END_TEST

START_TEST(diag_keeps_the_last_message)
{
	long line;
	FILE *null = fopen("/dev/null", "w");
	diag_set_stream(null);
	diag_clear_last();
	ck_assert_str_eq(diag_last(&line), "");
	ck_assert_int_eq(line, 0);
	diag_error("x.csv.gz", 263, "truncated gzip stream (%s)", "unexpected end of file");
	ck_assert_str_eq(diag_last(&line), "truncated gzip stream (unexpected end of file)");
	ck_assert_int_eq(line, 263);
	/* a long message is cut, at a character's start, and says so */
	char big[600];
	memset(big, 'a', sizeof big);
	memcpy(big + DIAG_LAST_MAX - 5, "\xc3\xa9\xc3\xa9", 4);
	big[sizeof big - 1] = '\0';
	diag_error(NULL, 0, "%s", big);
	const char *cut = diag_last(&line);
	ck_assert_uint_le(strlen(cut), DIAG_LAST_MAX);
	ck_assert_int_eq(line, 0);
	ck_assert_str_eq(cut + strlen(cut) - 3, "...");
	ck_assert_int_ne(report_utf8_len((const unsigned char *)cut + strlen(cut) - 5), 0);
	diag_clear_last();
	ck_assert_str_eq(diag_last(&line), "");
	diag_set_stream(NULL);
	fclose(null);
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
	tcase_add_test(tc, json_strings);
	tcase_add_test(tc, email_headers);
	tcase_add_test(tc, quoted_printable);
	tcase_add_test(tc, html_escaping);
	tcase_add_test(tc, diag_keeps_the_last_message);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
