/* Unit tests of the small modules: analyzer/columns.c (header names and
 * --column), analyzer/run.c (types, environments, status codes),
 * analyzer/csvw.c (CSV cells), the text helpers of reports/cells.c,
 * the encoders of reports/report_email.c and reports/html.c, and
 * the last message analyzer/diag.c keeps for reports, and
 * analyzer/textenc.c (UTF-8 checked, Windows-1252 read), and
 * analyzer/bytescan.h (the build's versions and the portable ones against
 * the bytes), and analyzer/grow.c (an array grown by doubling). */
#include "columns.h"
#include "bytescan.h"
#include "bytescan_portable.h"
#include "csvw.h"
#include "diag.h"
#include "grow.h"
#include "cells.h"
#include "fields.h"
#include "html.h"
#include "report_email.h"
#include "report_json.h"
#include "run.h"
#include "textenc.h"
#include "testutil.h"

#include <check.h>
#include <inttypes.h>
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

/* Record counts as exports write them (digits alone, read at once) and as
 * people do (grouped); ids and names told apart in submitted_by. */
START_TEST(counts_and_names_in_cells)
{
	uint64_t v = 0;
	ck_assert_int_eq(run_parse_count("1525", 4, 1000000, &v), 0);
	ck_assert_uint_eq(v, 1525);
	ck_assert_int_eq(run_parse_count(" 1,525 ", 7, 1000000, &v), 0);
	ck_assert_uint_eq(v, 1525);
	ck_assert_int_eq(run_parse_count("1000001", 7, 1000000, &v), -1);
	ck_assert_int_eq(run_parse_count("1000000", 7, 1000000, &v), 0);
	ck_assert_int_eq(run_parse_count("9999999999999999999", 19, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 9999999999999999999ull);
	ck_assert_int_eq(run_parse_count("18446744073709551615", 20, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, UINT64_MAX);
	ck_assert_int_eq(run_parse_count("18446744073709551616", 20, UINT64_MAX, &v), -1);
	ck_assert_int_eq(run_parse_count("12a", 3, 1000, &v), -1);
	ck_assert_int_eq(run_parse_count("12.00", 5, 1000, &v), 0);
	ck_assert_uint_eq(v, 12);
	ck_assert_int_eq(run_looks_like_name("80120017"), 0);
	ck_assert_int_eq(run_looks_like_name("System"), 0);
	ck_assert_int_eq(run_looks_like_name("Fischer, Ben"), 1);
	ck_assert_int_eq(run_looks_like_name("Ben Fischer"), 1);
	ck_assert_int_eq(run_looks_like_name("12 34"), 0);
	ck_assert_int_eq(run_looks_like_name("Ben "), 0);
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
	putc('|', f);
	report_text_cell(f, "漢字かな", 5); /* wide: two columns each */
	putc('|', f);
	report_text_rcell(f, "RECORDS", 9);
	putc('|', f);
	report_text_rcell(f, "DAMAGING-LARGE-SET", 9);
	putc('|', f);
	report_text_cell(f, "exactly8", 8);
	fclose(f);
	char *s = testutil_read(path);
	/* a cut cell ends with "…" */
	ck_assert_str_eq(s, "ab cd [31m|Dvořák,…|ab  |bad?|漢字…|  RECORDS|DAMAGING…|exactly8");
	free(s);
	ck_assert_int_eq(report_text_columns("漢字a"), 5);

	/* the width of a table: the full width in a file, fitted on a terminal */
	struct report_col cols[] = {{19, 19, 0}, {29, 6, 0}, {36, 8, 0}, {0, 10, 0}};
	int w[4];
	report_set_width(0);
	report_fit(cols, 4, 3, w);
	ck_assert(w[0] == 19 && w[1] == 29 && w[2] == 36 && w[3] == 0);
	report_set_width(80);
	report_fit(cols, 4, 3, w);
	ck_assert_int_eq(w[0] + w[1] + w[2] + w[3] + 3, 80);
	ck_assert(w[0] == 19 && w[1] >= 6 && w[2] >= 8 && w[3] >= 10);
	ck_assert_int_le(w[2] - w[1], 1); /* the widest cut first: evened out */
	report_set_width(200);
	report_fit(cols, 4, 3, w);
	ck_assert(w[1] == 29 && w[2] == 36 && w[3] == 200 - 3 - 19 - 29 - 36);
	/* too narrow for the least: the last column cut below it, then the
	 * columns of text, the run id whole as long as they can give way */
	report_set_width(30);
	report_fit(cols, 4, 3, w);
	ck_assert_int_eq(w[0] + w[1] + w[2] + w[3] + 3, 30);
	ck_assert(w[0] == 19 && w[1] == 3 && w[2] == 3 && w[3] == REPORT_COL_FLOOR);
	report_set_width(24); /* then the run id too, so that the table fits */
	report_fit(cols, 4, 3, w);
	ck_assert(w[0] == 15 && w[1] == REPORT_COL_FLOOR && w[2] == REPORT_COL_FLOOR &&
		  w[3] == REPORT_COL_FLOOR);
	report_set_width(11); /* every column at the floor */
	report_fit(cols, 4, 3, w);
	ck_assert(w[0] == REPORT_COL_FLOOR && w[1] == REPORT_COL_FLOOR && w[2] == REPORT_COL_FLOOR &&
		  w[3] == REPORT_COL_FLOOR);
	report_set_width(0);
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

static void addresses(FILE *f, const char *name, const char *value)
{
	report_email_addresses(f, name, value);
}

/* An address list: split at the commas outside quoted strings (a
 * quoted-pair "\\"" inside them), comments and angle brackets; folded
 * between addresses; a name not in ASCII sent as encoded words. */
START_TEST(email_addresses)
{
	char *h = render(addresses, "To", "\"O\\\"Brien, Pat\" <pob@x.edu>, (Smith, J) js@x.edu");
	ck_assert_str_eq(h, "To: \"O\\\"Brien, Pat\" <pob@x.edu>, (Smith, J) js@x.edu\n");
	free(h);
	h = render(addresses, "From", "Jos\xc3\xa9 <jn@x.edu>");
	ck_assert_str_eq(h, "From: =?UTF-8?B?Sm9zw6k=?= <jn@x.edu>\n");
	free(h);
	h = render(addresses, "To", "\"N\xc3\xba\\\"\xc3\xb1" "ez, J\" <jn@x.edu>, a@x.edu");
	ck_assert_str_eq(h, "To: =?UTF-8?B?TsO6IsOxZXosIEo=?= <jn@x.edu>, a@x.edu\n"); /* Nú"ñez, J */
	free(h);
	char why[256];
	ck_assert_int_eq(report_email_check("\"O\\\"Brien, Pat\" <pob@x.edu>, a@b.c", why, sizeof why), 0);
	ck_assert_int_eq(report_email_check("Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez <jn@x.edu>", why, sizeof why), 0);
	ck_assert_int_eq(report_email_check("(Smith, J) js@x.edu", why, sizeof why), 0);
	ck_assert_int_eq(report_email_check("bad address", why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "needs an '@'"));
	ck_assert_ptr_nonnull(strstr(why, ": 'bad address'"));
	ck_assert_int_eq(report_email_check("a@b.c,,d@e.f", why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "empty address"));
	ck_assert_int_eq(report_email_check("jos\xc3\xa9@x.edu", why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "plain ASCII"));
	ck_assert_int_eq(report_email_check("a@b.c\nBcc: x@y", why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "on one line"));
	ck_assert_ptr_null(strchr(why, '\n'));
}
END_TEST

START_TEST(json_strings)
{
	char *j = render(json, "a\"b\\c\n\t\x01\x1f\x7f \xc3\xa9 \xff \xc0\xaf \xed\xa0\x80 \xf0\x9f\x98\x80", NULL);
	ck_assert_str_eq(j, "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\\u007f \xc3\xa9 \\ufffd "
			    "\\ufffd\\ufffd \\ufffd\\ufffd\\ufffd \xf0\x9f\x98\x80\"");
	free(j);
}
END_TEST

/* ---- the buffered writers against the stdio ones they replaced ---- */

/* The csv cell writer as it was, a stdio call per character. */
static void old_csv_cell(FILE *f, int col, const char *s, size_t n)
{
	int formula = n && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
			    s[0] == '\t' || s[0] == '\r');
	int quote = formula || (n && (s[0] == ' ' || s[n - 1] == ' '));
	if (col)
		putc(',', f);
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
	if (!quote) {
		fwrite(s, 1, n, f);
		return;
	}
	putc('"', f);
	if (formula)
		putc('\'', f);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			putc('"', f);
		putc(s[i], f);
	}
	putc('"', f);
}

/* The json string writer as it was. */
static void old_json_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	putc('"', out);
	while (*p) {
		unsigned char c = *p;
		if (c == '"' || c == '\\') {
			putc('\\', out);
			putc(c, out);
			p++;
		} else if (c < 0x20 || c == 0x7F) {
			static const char *const named[] = {[8] = "\\b", [9] = "\\t", [10] = "\\n",
							    [12] = "\\f", [13] = "\\r"};
			if (c < 14 && named[c])
				fputs(named[c], out);
			else
				fprintf(out, "\\u%04x", c);
			p++;
		} else if (c < 0x80) {
			putc(c, out);
			p++;
		} else {
			size_t len = report_utf8_len(p);
			if (len) {
				fwrite(p, 1, len, out);
				p += len;
			} else {
				fputs("\\ufffd", out);
				p++;
			}
		}
	}
	putc('"', out);
}

static uint64_t rnd_state = 88172645463325252ull;
static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/* A hostile cell of n bytes: the bytes that need quoting or escaping, a
 * formula's first characters, UTF-8 whole and broken, NUL-free. */
static void hostile(char *s, size_t n)
{
	static const char pick[] = ",\"\n\r\t =+-@\\\x01\x1f\x7f\xc3\xa9\xf0\x9f\x98\x80\xed\xa0\xff"
				   "abcdefgh 12345";
	for (size_t i = 0; i < n; i++) {
		uint64_t r = rnd();
		s[i] = r % 3 ? pick[r / 3 % (sizeof pick - 1)] : (char)(r / 3 % 255 + 1);
	}
	if (n && rnd() % 3 == 0) {
		/* a third of the cells plain text with at most one of those
		 * bytes, anywhere: the writers' scans go past blocks of plain */
		char one = s[rnd() % n];
		for (size_t i = 0; i < n; i++)
			s[i] = (char)('a' + rnd() % 26);
		if (rnd() % 4)
			s[rnd() % n] = one;
	}
	s[n] = '\0';
}

static char *slurp(FILE *f, size_t *len)
{
	fflush(f);
	long n = ftell(f);
	char *s = malloc((size_t)n + 1);
	rewind(f);
	ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	*len = (size_t)n;
	return s;
}

/* The buffered csv and json writers write the same bytes as the stdio ones
 * they replaced, on random hostile cells of every size (through buffer
 * boundaries, cells larger than the buffer), row by row and held. */
START_TEST(writers_match_the_old_ones)
{
	const size_t sizes[] = {0, 1, 2, 3, 7, 40, 1000, 5000, CSVW_BUF / 2, CSVW_BUF + 3};
	char *cell = malloc(CSVW_BUF + 8);
	struct csvw *w = malloc(sizeof *w);
	size_t na, nb;
	for (int hold = 0; hold < 2; hold++) {
		FILE *a = tmpfile(), *b = tmpfile();
		csvw_init(w, a);
		if (hold)
			csvw_hold(w);
		for (int row = 0; row < 3000; row++) {
			int cols = (int)(rnd() % 6);
			for (int c = 0; c < cols; c++) {
				size_t n = row % 50 == 49 ? sizes[rnd() % 10] : rnd() % 60;
				hostile(cell, n);
				if (rnd() % 2)
					csvw_cell(w, cell, n);
				else
					csvw_str(w, cell); /* its own scan for the end */
				old_csv_cell(b, c, cell, n);
			}
			int64_t v = row % 7 ? (int64_t)(rnd() >> (rnd() % 63 + 1)) : -1;
			char num[24];
			int len = v < 0 ? 0 : snprintf(num, sizeof num, "%" PRId64, v);
			csvw_i64(w, v);
			old_csv_cell(b, cols, num, (size_t)len);
			csvw_end(w);
			putc('\n', b);
		}
		ck_assert_int_eq(csvw_flush(w), 0);
		char *x = slurp(a, &na), *y = slurp(b, &nb);
		ck_assert_uint_gt(na, CSVW_BUF * 4);
		ck_assert_uint_eq(na, nb);
		ck_assert(memcmp(x, y, na) == 0);
		free(x);
		free(y);
		fclose(a);
		fclose(b);
	}

	/* json strings, and a finding's fields */
	FILE *a = tmpfile(), *b = tmpfile();
	for (int i = 0; i < 3000; i++) {
		size_t n = i % 50 == 49 ? sizes[rnd() % 10] : rnd() % 60;
		hostile(cell, n);
		report_json_string(a, cell);
		old_json_string(b, cell);
	}
	struct report_fields f;
	memset(&f, 0, sizeof f);
	char values[REPORT_COLUMNS][64];
	for (int i = 0; i < REPORT_COLUMNS; i++) {
		hostile(values[i], 63);
		f.value[i] = values[i];
	}
	strcpy(f.records, "12");
	hostile(f.local, sizeof f.local - 1);
	report_json_fields(a, &f);
	for (int i = 0; i < REPORT_COLUMNS; i++) {
		fputs(i ? "," : "", b);
		old_json_string(b, report_columns[i]);
		putc(':', b);
		if (!strcmp(report_columns[i], "records"))
			fputs("12", b);
		else
			old_json_string(b, f.value[i]);
	}
	fputs(",\"start_local\":", b);
	old_json_string(b, f.local);
	char *x = slurp(a, &na), *y = slurp(b, &nb);
	ck_assert_uint_eq(na, nb);
	ck_assert(memcmp(x, y, na) == 0);
	free(x);
	free(y);
	fclose(a);
	fclose(b);
	free(w);
	free(cell);
}
END_TEST

/* A write that falls short is said: by wbuf_flush, and in the FILE's error
 * flag that the CLI checks when it closes the output. */
START_TEST(writers_report_write_errors)
{
	FILE *f = fopen("/dev/full", "w");
	if (!f)
		return; /* no /dev/full here */
	setvbuf(f, NULL, _IONBF, 0);
	struct csvw *w = malloc(sizeof *w);
	csvw_init(w, f);
	csvw_hold(w);
	csvw_str(w, "cell");
	csvw_end(w);
	ck_assert_int_eq(ferror(f), 0); /* held: nothing written yet */
	ck_assert_int_eq(csvw_flush(w), -1);
	ck_assert_int_ne(ferror(f), 0);
	clearerr(f);
	report_json_string(f, "text");
	ck_assert_int_ne(ferror(f), 0);
	fclose(f);
	free(w);
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

/* diag: what an input puts in a message cannot forge a line nor drive a
 * terminal: C0 (but the line's own newline), DEL, C1 and the bidi controls
 * are written visibly, in the file name too; other text as it is. */
START_TEST(diag_makes_controls_visible)
{
	char *text = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&text, &size);
	ck_assert_ptr_nonnull(mem);
	diag_set_stream(mem);
	diag_error("a\tb.json", 3, "'%s'",
		   "bad\nalmaudit: fake.csv:1: all clear\x1b]0;pwned\x07\x7f"
		   "\xc2\x9b\xe2\x80\xae\xe2\x81\xa6\x9b \xc3\xa9\xe2\x80\xa6");
	diag_set_stream(NULL);
	fclose(mem);
	ck_assert_str_eq(text, "almaudit: a\\x09b.json:3: 'bad\\x0Aalmaudit: fake.csv:1: all "
			       "clear\\x1B]0;pwned\\x07\\x7FU+009BU+202EU+2066\\x9B "
			       "\xc3\xa9\xe2\x80\xa6'\n");
	long line;
	ck_assert_str_eq(diag_last(&line), "'bad\\x0Aalmaudit: fake.csv:1: all "
					   "clear\\x1B]0;pwned\\x07\\x7FU+009BU+202EU+2066\\x9B "
					   "\xc3\xa9\xe2\x80\xa6'");
	free(text);
	diag_clear_last();
}
END_TEST


/* textenc: s fed in chunks of `step` bytes (every split point of a
 * character), the UTF-8 made of it. */
static char *decode_in_chunks(const char *s, size_t n, size_t step, uint64_t *cp1252)
{
	struct textenc t;
	static char out[4096];
	size_t used = 0;
	const unsigned char *o;
	size_t olen;
	const char *why = NULL;
	textenc_init(&t);
	for (size_t at = 0; at < n; at += step) {
		size_t len = n - at < step ? n - at : step;
		ck_assert_int_eq(textenc_chunk(&t, (const unsigned char *)s + at, len, &o, &olen, &why), 0);
		ck_assert_uint_lt(used + olen, sizeof out);
		memcpy(out + used, o, olen);
		used += olen;
	}
	ck_assert_int_eq(textenc_end(&t, &o, &olen, &why), 0);
	memcpy(out + used, o, olen);
	used += olen;
	out[used] = '\0';
	*cp1252 = t.cp1252;
	ck_assert_ptr_null(why);
	textenc_free(&t);
	return out;
}

/* Bytes that are no UTF-8 are read as Windows-1252, whatever the chunk
 * boundaries (a sequence cut by one is carried to the next); UTF-8 stays
 * as it is; never a '?'. */
START_TEST(windows_1252_read_across_chunks)
{
	/* "Domínguez, Grün – Nuñez €5 naïve" in Windows-1252, with UTF-8 é among it */
	static const char mixed[] = "Dom\xednguez, Gr\xfcn \x96 Nu\xf1" "ez \x80" "5 na\xefve caf\xc3\xa9 \xe2\x80\x94 end\xe9";
	static const char want[] = "Domínguez, Grün – Nuñez €5 naïve café — endé";
	for (size_t step = 1; step <= sizeof mixed; step++) {
		uint64_t n;
		char *got = decode_in_chunks(mixed, sizeof mixed - 1, step, &n);
		ck_assert_msg(!strcmp(got, want), "step %zu: %s", step, got);
		ck_assert_uint_eq(n, 7);
	}
	/* a valid sequence cut at every point: carried whole, nothing read as
	 * Windows-1252 */
	static const char utf8[] = "Nguy\xe1\xbb\x85n \xf0\x9f\x93\x9a S\xc3\xb8ren";
	for (size_t step = 1; step <= sizeof utf8; step++) {
		uint64_t n;
		ck_assert_str_eq(decode_in_chunks(utf8, sizeof utf8 - 1, step, &n), utf8);
		ck_assert_uint_eq(n, 0);
	}
	/* a sequence's start at the very end is Windows-1252 (Ã) */
	uint64_t n;
	ck_assert_str_eq(decode_in_chunks("x\xc3", 2, 1, &n), "xÃ");
	/* overlong forms and surrogates are no UTF-8 */
	ck_assert_str_eq(decode_in_chunks("\xc0\xaf\xed\xa0\x80", 5, 5, &n), "À¯í\xc2\xa0€");
	ck_assert_uint_eq(n, 5);
	/* Windows-1252's five undefined bytes read as U+FFFD */
	ck_assert_str_eq(decode_in_chunks("\x81", 1, 1, &n), "\xef\xbf\xbd");
}
END_TEST

/* Pure ASCII and valid UTF-8 pass through uncopied (the fast path): the
 * chunk handed back is the one given. */
START_TEST(utf8_passes_uncopied)
{
	struct textenc t;
	const unsigned char *o;
	size_t olen;
	const char *why = NULL;
	static const unsigned char text[] = "id,name\n1,S\xc3\xb8ren Nguy\xe1\xbb\x85n,2026-10-05\n";
	textenc_init(&t);
	ck_assert_int_eq(textenc_chunk(&t, text, sizeof text - 1, &o, &olen, &why), 0);
	ck_assert_ptr_eq(o, text);
	ck_assert_uint_eq(olen, sizeof text - 1);
	ck_assert_ptr_null(textenc_name(&t));
	ck_assert_int_eq(textenc_chunk(&t, (const unsigned char *)"\xe9", 1, &o, &olen, &why), 0);
	ck_assert_int_eq(textenc_end(&t, &o, &olen, &why), 0);
	ck_assert_str_eq(textenc_name(&t), "Windows-1252");
	textenc_free(&t);
}
END_TEST

/* UTF-16 without a byte order mark, little- and big-endian, is known by
 * the NUL bytes of its first characters and transcoded; UTF-8 is not. */
START_TEST(utf16_without_bom_transcoded)
{
	static const unsigned char le[] = {'i', 0, 'd', 0, ',', 0, 0xF8, 0, '\n', 0};
	static const unsigned char be[] = {0, 'i', 0, 'd', 0, ',', 0, 0xF8, 0, '\n'};
	const unsigned char *texts[] = {le, be};
	const char *names[] = {"UTF-16LE", "UTF-16BE"};
	for (int k = 0; k < 2; k++) {
		struct textenc t;
		const unsigned char *o;
		size_t olen;
		const char *why = NULL;
		textenc_init(&t);
		ck_assert_int_eq(textenc_chunk(&t, texts[k], sizeof le, &o, &olen, &why), 0);
		ck_assert_uint_eq(olen, 6);
		ck_assert_int_eq(memcmp(o, "id,\xc3\xb8\n", 6), 0);
		ck_assert_str_eq(textenc_name(&t), names[k]);
		textenc_free(&t);
	}
}
END_TEST

/* bytescan's masks, the build's (SSE2 on x86-64) and the eight-byte-word
 * ones, are those of the bytes, at every offset of random text rich in the
 * values looked for and in bytes past ASCII. */
START_TEST(bytescan_masks_are_the_bytes)
{
	static const unsigned char alphabet[] = {',', '"', ';', '\t', '\n', '\r', 'a', ' ', 0x80, '\\', 0x1F,
						 0xC3, 0xFF, 0x7F, 0x00, 0x2B, 0xAC, '-', '#', 0x0B, 0x0C};
	unsigned char text[256];
	uint64_t rng = 7;
	for (int round = 0; round < 2000; round++) {
		for (size_t i = 0; i < sizeof text; i++) {
			rng = rng * 6364136223846793005ull + 1442695040888963407ull;
			/* now and then a block with none of them, or all ASCII */
			unsigned r = (unsigned)(rng >> 33);
			text[i] = round % 7 == 0 ? 'x' : alphabet[r % sizeof alphabet];
			if (round % 5 == 0 && text[i] >= 0x80)
				text[i] = 'y';
		}
		for (size_t at = 0; at + 64 <= sizeof text; at += 1 + round % 13) {
			const unsigned char *p = text + at;
			unsigned e2 = 0, e4 = 0, ej = 0, ec = 0;
			uint64_t e64 = 0;
			int high = 0;
			for (int i = 0; i < 64; i++) {
				int two = p[i] == ',' || p[i] == '"';
				int four = two || p[i] == '\n' || p[i] == '\r';
				if (i < 16) {
					e2 |= (unsigned)two << i;
					e4 |= (unsigned)four << i;
					ej |= (unsigned)(p[i] < 0x20 || p[i] >= 0x7F || p[i] == '"' ||
							 p[i] == '\\')
					      << i;
					ec |= (unsigned)(p[i] < 0x20) << i;
				}
				e64 |= (uint64_t)two << i;
				high |= p[i] >= 0x80;
			}
			ck_assert_uint_eq(bytescan_eq2(p, ',', '"'), e2);
			ck_assert_uint_eq(portable_eq2(p, ',', '"'), e2);
			ck_assert_uint_eq(bytescan_eq4(p, ',', '"', '\n', '\r'), e4);
			ck_assert_uint_eq(portable_eq4(p, ',', '"', '\n', '\r'), e4);
			ck_assert_uint_eq(bytescan_eq2_64(p, ',', '"'), e64);
			ck_assert_uint_eq(portable_eq2_64(p, ',', '"'), e64);
			ck_assert_uint_eq(bytescan_json(p, '"', '\\'), ej);
			ck_assert_uint_eq(portable_json(p, '"', '\\'), ej);
			ck_assert_uint_eq(bytescan_control(p), ec);
			ck_assert_uint_eq(portable_control(p), ec);
			ck_assert_int_eq(bytescan_any_high64(p) != 0, high);
			ck_assert_int_eq(portable_any_high64(p) != 0, high);
		}
	}
}
END_TEST

/* grow_array: room for what is needed, doubled from 16; the elements kept;
 * a size that cannot be counted refused with the array as it was. */
START_TEST(arrays_grow_by_doubling)
{
	int *a = NULL;
	size_t cap = 0;
	ck_assert_int_eq(grow_array((void **)&a, &cap, 0, sizeof *a), 0);
	ck_assert_ptr_null(a); /* nothing needed: nothing made */
	ck_assert_int_eq(grow_array((void **)&a, &cap, 1, sizeof *a), 0);
	ck_assert_uint_eq(cap, 16);
	for (int i = 0; i < 16; i++)
		a[i] = i;
	ck_assert_int_eq(grow_array((void **)&a, &cap, 17, sizeof *a), 0);
	ck_assert_uint_eq(cap, 32);
	ck_assert_int_eq(grow_array((void **)&a, &cap, 1000, sizeof *a), 0);
	ck_assert_uint_eq(cap, 1024);
	for (int i = 0; i < 16; i++)
		ck_assert_int_eq(a[i], i);
	int *was = a;
	ck_assert_int_eq(grow_array((void **)&a, &cap, SIZE_MAX / 2, sizeof *a), -1);
	ck_assert_ptr_eq(a, was);
	ck_assert_uint_eq(cap, 1024);
	free(a);
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
	tcase_add_test(tc, counts_and_names_in_cells);
	tcase_add_test(tc, csv_quoting_and_formulas);
	tcase_add_test(tc, counts_and_text_cells);
	tcase_add_test(tc, json_strings);
	tcase_add_test(tc, writers_match_the_old_ones);
	tcase_add_test(tc, writers_report_write_errors);
	tcase_add_test(tc, email_headers);
	tcase_add_test(tc, quoted_printable);
	tcase_add_test(tc, email_addresses);
	tcase_add_test(tc, html_escaping);
	tcase_add_test(tc, diag_keeps_the_last_message);
	tcase_add_test(tc, diag_makes_controls_visible);
	tcase_add_test(tc, windows_1252_read_across_chunks);
	tcase_add_test(tc, utf8_passes_uncopied);
	tcase_add_test(tc, utf16_without_bom_transcoded);
	tcase_add_test(tc, bytescan_masks_are_the_bytes);
	tcase_add_test(tc, arrays_grow_by_doubling);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
