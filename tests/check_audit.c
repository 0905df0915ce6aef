/* Unit tests of analyzer/period.c, analyzer/filter.c and analyzer/audit.c
 * with the csv and json renderers: periods by every keyword, filters alone
 * and combined, and whole audits whose csv parses back into the same cells
 * and whose json is valid JSON with one object per finding. */
#include "audit.h"
#include "csvrd.h"
#include "filter.h"
#include "matrix.h"
#include "period.h"
#include "report.h"
#include "rules.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int64_t day(const char *ymd)
{
	int y, m, d;
	ck_assert_int_eq(times_parse_date(ymd, strlen(ymd), &y, &m, &d), 0);
	return times_days_from_civil(y, m, d);
}

static const char *span(const char *period, const char *today)
{
	static char text[96];
	struct period p;
	times_set_zone("America/New_York");
	if (period_set(&p, period, NULL, NULL, day(today)) != 0)
		return "error";
	period_text(&p, text, sizeof text);
	return text;
}

START_TEST(period_keywords)
{
	/* 2026-11-28 is a Saturday */
	const char *t = "2026-11-28";
	ck_assert_str_eq(span("today", t), "2026-11-28 to 2026-11-28 (today)");
	ck_assert_str_eq(span("yesterday", t), "2026-11-27 to 2026-11-27 (yesterday)");
	ck_assert_str_eq(span("this-week", t), "2026-11-23 to 2026-11-29 (this-week)");
	ck_assert_str_eq(span("last-week", t), "2026-11-16 to 2026-11-22 (last-week)");
	ck_assert_str_eq(span("this-month", t), "2026-11-01 to 2026-11-30 (this-month)");
	ck_assert_str_eq(span("last-month", t), "2026-10-01 to 2026-10-31 (last-month)");
	ck_assert_str_eq(span("this-quarter", t), "2026-10-01 to 2026-12-31 (this-quarter)");
	ck_assert_str_eq(span("last-quarter", t), "2026-07-01 to 2026-09-30 (last-quarter)");
	ck_assert_str_eq(span("this-year", t), "2026-01-01 to 2026-12-31 (this-year)");
	ck_assert_str_eq(span("last-year", t), "2025-01-01 to 2025-12-31 (last-year)");
	/* across a year's turn, and a Monday */
	ck_assert_str_eq(span("last-month", "2026-01-15"), "2025-12-01 to 2025-12-31 (last-month)");
	ck_assert_str_eq(span("last-quarter", "2026-02-01"), "2025-10-01 to 2025-12-31 (last-quarter)");
	ck_assert_str_eq(span("this-week", "2026-11-23"), "2026-11-23 to 2026-11-29 (this-week)");
	ck_assert_str_eq(span("last-month", "2024-03-31"), "2024-02-01 to 2024-02-29 (last-month)");
}
END_TEST

START_TEST(period_names_and_dates)
{
	ck_assert_str_eq(span("2026-10", "2026-11-28"), "2026-10-01 to 2026-10-31 (2026-10)");
	ck_assert_str_eq(span("2026-Q4", "2026-11-28"), "2026-10-01 to 2026-12-31 (2026-Q4)");
	ck_assert_str_eq(span("2026-q1", "2026-11-28"), "2026-01-01 to 2026-03-31 (2026-q1)");
	ck_assert_str_eq(span("2025", "2026-11-28"), "2025-01-01 to 2025-12-31 (2025)");
	testutil_stderr_begin();
	ck_assert_str_eq(span("2026-13", "2026-11-28"), "error");
	ck_assert_str_eq(span("2026-Q5", "2026-11-28"), "error");
	ck_assert_str_eq(span("lastmonth", "2026-11-28"), "error");
	struct period p;
	ck_assert_int_eq(period_set(&p, "2026-10", "2026-10-01", NULL, 0), -1);
	ck_assert_int_eq(period_set(&p, NULL, "2026-10-09", "2026-10-08", 0), -1);
	ck_assert_int_eq(period_set(&p, NULL, "10-08-2026", NULL, 0), -1);
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "almaudit: --period wants today, yesterday,"), "%s", err);
	ck_assert_msg(strstr(err, "almaudit: give --period or --since/--until, not both\n"), "%s", err);
	ck_assert_msg(strstr(err, "almaudit: --until 2026-10-08 is before --since 2026-10-09\n"), "%s", err);
	ck_assert_msg(strstr(err, "almaudit: --since wants a date as YYYY-MM-DD, a date and a time "
				  "of day as \"YYYY-MM-DD HH:MM\", or a time as the exports write it "
				  "(2026-10-05T09:11:32Z, \"10/05/2026 9:11 AM\"), not '10-08-2026'\n"),
		      "%s", err);

	/* the bounds are local midnights, as instants */
	char a[32];
	ck_assert_int_eq(period_set(&p, "2026-10", NULL, NULL, 0), 0);
	times_format_utc(p.from, a, sizeof a);
	ck_assert_str_eq(a, "2026-10-01T04:00:00Z");
	times_format_utc(p.to, a, sizeof a);
	ck_assert_str_eq(a, "2026-11-01T04:00:00Z");
	int64_t t;
	times_parse("2026-10-31 23:59", 16, &t);
	ck_assert(period_has(&p, t));
	times_parse("2026-11-01 00:00", 16, &t);
	ck_assert(!period_has(&p, t));
	ck_assert_int_eq(period_set(&p, NULL, "2026-10-05", NULL, 0), 0);
	period_text(&p, a, sizeof a);
	ck_assert_str_eq(a, "from 2026-10-05");
	ck_assert_int_eq(period_set(&p, NULL, NULL, NULL, 0), 0);
	ck_assert(period_has(&p, 0));
}
END_TEST

/* ---- a small rules directory and export for filters and whole audits ---- */

static struct rules *rules;

static void setup(void)
{
	times_set_zone("America/New_York");
	const char *dir = testutil_dir();
	testutil_write(dir, "jobs.csv", "job,scope,title,damaging,large_set,match,includes\n"
			       "withdraw,Items,Withdraw items,yes,,^Withdraw items(?: - |$),\n"
			       "change,Items,Change physical items,no,,^Change Physical Items(?: - |$),\n");
	testutil_write(dir, "staff.csv", "name,unit,alma_ids,aliases\nHonor Moody,ITS,801,\n"
				"Vardit Samuels,JUD,802,\n");
	testutil_write(dir, "approvals.csv", "job,staff,signed_off,revoked,sets,ticket,note\n"
				    "withdraw,Honor Moody,,,,,\nchange,Vardit Samuels,,,,,\n");
	rules = matrix_load(dir);
	ck_assert_ptr_nonnull(rules);
}

static void teardown(void)
{
	matrix_free(rules);
}

#define EXPORT_HEADER "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name\n"

static const char export_rows[] =
	EXPORT_HEADER
	"1,Withdraw items - weeding,MANUAL,801,\"Moody, Honor\",2026-10-05 10:00,COMPLETED_SUCCESS,40112,HD\n"
	"2,Withdraw items,MANUAL,802,\"Samuels, Vardit\",2026-10-06 10:00,Failed,12,\"=1+2, \"\"quoted\"\"\"\n"
	"3,Change Physical Items,MANUAL,801,\"Moody, Honor\",2026-10-07 10:00,COMPLETED_SUCCESS,5,\n"
	"4,Delete Users,MANUAL,803,\"Castillo, Rafael\",2026-10-08 10:00,COMPLETED_SUCCESS,7,\"two\nlines\"\n"
	"5,Publishing,SCHEDULED,System,System,2026-10-08 11:00,COMPLETED_SUCCESS,900,\n"
	"6,Change Physical Items,MANUAL,802,\"Samuels, Vardit\",2026-10-09 10:00,COMPLETED_SUCCESS,5,\n"
	"7,Change Physical Items,MANUAL,802,\"Samuels, Vardit\",2026-11-02 10:00,COMPLETED_SUCCESS,5,\n"
	"1,Withdraw items - weeding,MANUAL,801,\"Moody, Honor\",2026-10-05 10:00,COMPLETED_SUCCESS,40112,HD\n";

static int shown(struct filter *f, const struct run *r, const struct verdict *v)
{
	filter_resolve(f, rules);
	return filter_match(f, rules, r, v);
}

START_TEST(filters_alone_and_combined)
{
	struct run r = {.id = 42, .name = "Withdraw items - weeding", .job_id = "M1", .category = "",
			.user = "802", .user_name = "Samuels, Vardit", .status = "FAILED",
			.records = 300, .set_name = "Judaica posters"};
	struct verdict v = {.job = rules_job_by_id(rules, "withdraw"),
			    .person = rules_person_by_text(rules, "Vardit Samuels"),
			    .findings = 1u << FIND_UNAPPROVED};
	struct filter f;
	const struct {
		enum filter_opt opt;
		const char *arg;
		int want;
	} one[] = {
		{FILTER_JOB, "withdraw", 1},	   {FILTER_JOB, "change", 0},
		{FILTER_JOB, "weeding$", 1},	   {FILTER_JOB, "^Change", 0},
		{FILTER_USER, "802", 1},	   {FILTER_USER, "Vardit Samuels", 1},
		{FILTER_USER, "samuels, VARDIT", 1}, {FILTER_USER, "Honor Moody", 0},
		{FILTER_UNIT, "jud", 1},	   {FILTER_UNIT, "ITS", 0},
		{FILTER_FINDING, "unapproved", 1}, {FILTER_FINDING, "no-signoff", 0},
		{FILTER_MIN_RECORDS, "300", 1},	   {FILTER_MIN_RECORDS, "301", 0},
		{FILTER_STATUS, "Failed", 1},	   {FILTER_STATUS, "COMPLETED_SUCCESS", 0},
		{FILTER_GREP, "posters", 1},	   {FILTER_GREP, "^42$", 1},
		{FILTER_GREP, "widener", 0},
	};
	for (size_t i = 0; i < sizeof one / sizeof one[0]; i++) {
		filter_init(&f);
		ck_assert_int_eq(filter_add(&f, one[i].opt, one[i].arg), 0);
		ck_assert_msg(shown(&f, &r, &v) == one[i].want, "filter %d '%s'", one[i].opt,
			      one[i].arg);
		filter_free(&f);
	}
	/* different options narrow; a repeated option widens */
	filter_init(&f);
	filter_add(&f, FILTER_JOB, "withdraw");
	filter_add(&f, FILTER_USER, "Honor Moody");
	ck_assert_int_eq(shown(&f, &r, &v), 0);
	filter_add(&f, FILTER_USER, "Vardit Samuels");
	ck_assert_int_eq(shown(&f, &r, &v), 1);
	filter_add(&f, FILTER_MIN_RECORDS, "1000");
	ck_assert_int_eq(shown(&f, &r, &v), 0);
	filter_free(&f);

	testutil_stderr_begin();
	filter_init(&f);
	ck_assert_int_eq(filter_add(&f, FILTER_FINDING, "bad"), -1);
	ck_assert_int_eq(filter_add(&f, FILTER_GREP, "(unclosed"), -1);
	ck_assert_int_eq(filter_add(&f, FILTER_MIN_RECORDS, "ten"), -1);
	filter_free(&f);
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "--grep '(unclosed': pattern error at offset 9: missing closing "
				  "parenthesis"), "%s", err);
}
END_TEST

/* Runs a whole audit of export_rows into a file; returns its text. */
static char *audit_to(void (*make)(struct reporter *, FILE *), const char *period_name,
		      struct filter *f, uint64_t *findings, int *status)
{
	const char *export = testutil_plain(export_rows);
	const char *out_path = testutil_path(".out");
	FILE *out = fopen(out_path, "w");
	struct period period;
	struct filter none;
	filter_init(&none);
	if (!f)
		f = &none;
	filter_resolve(f, rules);
	ck_assert_int_eq(period_set(&period, period_name, NULL, NULL, day("2026-11-28")), 0);
	struct reporter rep;
	make(&rep, out);
	const char *files[] = {export};
	struct audit_inputs in = {NULL, 0, files, 1, NULL, NULL};
	struct audit_config cfg = {AUDIT_FINDINGS, rules, &period, f, 1000, 50, NULL, NULL, 0, TIME_NONE, 0};
	*status = audit_run(&in, &cfg, &rep, findings);
	fclose(out);
	filter_free(&none);
	return testutil_read(out_path);
}

START_TEST(csv_round_trips)
{
	uint64_t findings;
	int status;
	char *text = audit_to(reporter_csv, "2026-10", NULL, &findings, &status);
	ck_assert_int_eq(status, 0);
	/* run 1 large set; 2 and 3 unapproved; 4 unlisted; 1 seen twice; 7 outside */
	ck_assert_uint_eq(findings, 4);
	const char *path = testutil_plain(text);
	struct csvrd *rd = csvrd_open(path, path);
	struct csvrow row;
	ck_assert_int_eq(csvrd_next(rd, &row), 1);
	/* the columns, then waived (the waiver's file:line), then start_local */
	ck_assert_uint_eq(row.n, REPORT_COLUMNS + 2);
	for (size_t i = 0; i < REPORT_COLUMNS; i++)
		ck_assert_str_eq(row.field[i], report_columns[i]);
	ck_assert_str_eq(row.field[REPORT_COLUMNS], "waived");
	ck_assert_str_eq(row.field[REPORT_COLUMNS + 1], "start_local");
	const char *want[][4] = {
		{"damaging-large-set", "1", "withdraw", "40,112 records, above 1,000 for withdraw"},
		{"unapproved", "2", "withdraw", "no approval for withdraw"},
		{"unapproved", "3", "change", "no approval for change"},
		{"unlisted-job", "4", "",
		 "no pattern in jobs.csv matches the job name; person not in staff.csv"},
	};
	for (size_t k = 0; k < 4; k++) {
		ck_assert_int_eq(csvrd_next(rd, &row), 1);
		ck_assert_uint_eq(row.n, REPORT_COLUMNS + 2);
		ck_assert_str_eq(row.field[REPORT_COLUMNS], "");
		ck_assert_str_eq(row.field[0], want[k][0]);
		ck_assert_str_eq(row.field[1], want[k][1]);
		ck_assert_str_eq(row.field[2], want[k][2]);
		ck_assert_str_eq(row.field[14], want[k][3]);
		if (k == 1) {
			/* the set name came back whole, its formula neutralised */
			ck_assert_str_eq(row.field[13], "'=1+2, \"quoted\"");
			ck_assert_str_eq(row.field[10], "2026-10-06T14:00:00Z");
			/* and in the zone, as a spreadsheet reads a date */
			ck_assert_str_eq(row.field[REPORT_COLUMNS + 1], "2026-10-06 10:00:00");
			ck_assert_str_eq(row.field[7], "Vardit Samuels");
			ck_assert_str_eq(row.field[8], "JUD");
		}
		if (k == 3)
			ck_assert_str_eq(row.field[13], "two\nlines");
	}
	ck_assert_int_eq(csvrd_next(rd, &row), 0);
	csvrd_close(rd);
	free(text);
}
END_TEST

/* A validating JSON reader: returns the end of the value at p, or NULL. */
static const char *json_value(const char *p, int *objects_in_findings, int depth);

static const char *ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

static const char *json_string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	while (*p != '"') {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20)
			return NULL;
		if (c == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
						return NULL;
				p += 5;
				continue;
			}
			if (!strchr("\"\\/bfnrt", *p) || !*p)
				return NULL;
		}
		p++;
	}
	return p + 1;
}

static const char *json_value(const char *p, int *count, int depth)
{
	p = ws(p);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		int object = *p == '{';
		p = ws(p + 1);
		if (*p == close)
			return p + 1;
		for (;;) {
			if (object) {
				const char *key = p;
				if (!(p = json_string(p)))
					return NULL;
				p = ws(p);
				if (*p++ != ':')
					return NULL;
				int findings = depth == 1 && strncmp(key, "\"findings\"", 10) == 0;
				const char *v = ws(p);
				if (findings && *v == '[') {
					/* count the objects of the findings array */
					v = ws(v + 1);
					while (*v == '{') {
						(*count)++;
						if (!(v = json_value(v, count, depth + 1)))
							return NULL;
						v = ws(v);
						if (*v == ',')
							v = ws(v + 1);
					}
					if (*v != ']')
						return NULL;
					p = v + 1;
				} else if (!(p = json_value(p, count, depth + 1))) {
					return NULL;
				}
			} else if (!(p = json_value(p, count, depth + 1))) {
				return NULL;
			}
			p = ws(p);
			if (*p == ',') {
				p = ws(p + 1);
				continue;
			}
			return *p == close ? p + 1 : NULL;
		}
	}
	if (*p == '"')
		return json_string(p);
	if (!strncmp(p, "true", 4) || !strncmp(p, "null", 4))
		return p + 4;
	if (!strncmp(p, "false", 5))
		return p + 5;
	const char *start = p;
	if (*p == '-')
		p++;
	while (*p >= '0' && *p <= '9')
		p++;
	return p > start ? p : NULL;
}

START_TEST(json_parses_with_one_object_per_finding)
{
	uint64_t findings;
	int status, objects = 0;
	char *text = audit_to(reporter_json, "2026-10", NULL, &findings, &status);
	const char *end = json_value(text, &objects, 1);
	ck_assert_msg(end && *ws(end) == '\0', "not JSON: %s", text);
	ck_assert_int_eq(objects, 4);
	ck_assert_ptr_nonnull(strstr(text, "{\"report\":{\"period\":{\"from\":\"2026-10-01\""));
	ck_assert_ptr_nonnull(strstr(text, "\"set_name\":\"two\\nlines\""));
	ck_assert_ptr_nonnull(strstr(text, "\"run_id\":\"1\""));
	ck_assert_ptr_nonnull(strstr(text, "\"records\":40112"));
	ck_assert_ptr_nonnull(strstr(text, "\"rows\":{\"read\":8,\"audited\":5,\"skipped\":3,"
					   "\"rejected\":0"));
	ck_assert_ptr_nonnull(strstr(text, "\"seen_twice\":1"));
	ck_assert_ptr_nonnull(strstr(text, "\"outside_the_period\":1"));
	free(text);
	/* the checker itself refuses broken JSON */
	objects = 0;
	ck_assert_ptr_null(json_value("{\"a\":[1,2,}", &objects, 1));
	ck_assert_ptr_null(json_value("{\"a\":\"x\ny\"}", &objects, 1));
}
END_TEST

START_TEST(filters_hide_findings_and_count_them)
{
	uint64_t findings;
	int status, objects = 0;
	struct filter f;
	filter_init(&f);
	ck_assert_int_eq(filter_add(&f, FILTER_FINDING, "unapproved"), 0);
	char *text = audit_to(reporter_json, "2026-10", &f, &findings, &status);
	ck_assert_uint_eq(findings, 2);
	json_value(text, &objects, 1);
	ck_assert_int_eq(objects, 2);
	ck_assert_ptr_nonnull(strstr(text, "\"hidden_by_filters\":2"));
	free(text);
	filter_free(&f);
	/* no period: run 7 counts too (Vardit may change items: no finding) */
	text = audit_to(reporter_json, NULL, NULL, &findings, &status);
	ck_assert_uint_eq(findings, 4);
	ck_assert_ptr_nonnull(strstr(text, "\"audited\":6,\"skipped\":2"));
	free(text);
}
END_TEST

/* The bundled samples, audited with the shipped rules: the json is valid
 * with one object per csv row, and every csv row has all its cells. */
START_TEST(samples_json_and_csv_agree)
{
	struct rules *shipped = matrix_load(ALMAUDIT_SOURCE_DIR "/rules");
	ck_assert_ptr_nonnull(shipped);
	const char *sandbox[] = {ALMAUDIT_SOURCE_DIR "/samples/sandbox-2026-10.csv.gz"};
	const char *files[] = {ALMAUDIT_SOURCE_DIR "/samples/jobs-2026-10.csv.gz",
			       ALMAUDIT_SOURCE_DIR "/samples/jobs-2026-10-ui.csv.gz"};
	struct period period;
	struct filter none;
	filter_init(&none);
	ck_assert_int_eq(period_set(&period, "2026-10", NULL, NULL, 0), 0);
	char *text[2];
	uint64_t findings[2];
	for (int k = 0; k < 2; k++) {
		const char *path = testutil_path(".out");
		FILE *out = fopen(path, "w");
		struct reporter rep;
		(k ? reporter_json : reporter_csv)(&rep, out);
		struct audit_inputs in = {sandbox, 1, files, 2, NULL, NULL};
		struct audit_config cfg = {AUDIT_FINDINGS, shipped, &period, &none, 1000, 50, NULL, NULL, 0, TIME_NONE, 0};
		testutil_stderr_begin();
		ck_assert_int_eq(audit_run(&in, &cfg, &rep, &findings[k]), 0);
		testutil_stderr_end();
		fclose(out);
		text[k] = testutil_read(path);
	}
	ck_assert_uint_eq(findings[0], findings[1]);
	ck_assert_uint_gt(findings[0], 0);

	const char *path = testutil_plain(text[0]);
	struct csvrd *rd = csvrd_open(path, path);
	struct csvrow row;
	int rows = -1; /* the header */
	while (csvrd_next(rd, &row) > 0) {
		ck_assert_uint_eq(row.n, REPORT_COLUMNS + 2);
		rows++;
	}
	csvrd_close(rd);
	int objects = 0;
	const char *end = json_value(text[1], &objects, 1);
	ck_assert_msg(end && *ws(end) == '\0', "the samples' json is not JSON");
	ck_assert_int_eq(objects, rows);
	free(text[0]);
	free(text[1]);
	filter_free(&none);
	matrix_free(shipped);
}
END_TEST

/* An API instance of the withdraw job by Honor Moody: its status and, when
 * count is not NULL, a "Total records processed" counter. */
static const char *instance(char *buf, size_t size, int id, const char *status, const char *count)
{
	char counter[160] = "";
	if (count)
		snprintf(counter, sizeof counter,
			 ",\"counter\":[{\"type\":{\"value\":\"x.total\",\"desc\":\"Total records "
			 "processed\"},\"value\":\"%s\"}]",
			 count);
	snprintf(buf, size,
		 "{\"id\":\"%d\",\"name\":\"Withdraw items - weeding\",\"submitted_by\":{\"value\":"
		 "\"801\",\"desc\":\"Moody, Honor\"},\"start_time\":\"2026-10-07T19:00:00Z\","
		 "\"status\":{\"value\":\"%s\"}%s,\"job_info\":{\"id\":\"M1\",\"name\":\"Withdraw "
		 "items\",\"type\":{\"value\":\"MANUAL\"}}}\n",
		 id, status, counter);
	return buf;
}

/* The audit of the given inputs with --min-records 1000, csv to a scratch
 * file, what the header says said on standard error: the status, and
 * the runs it counts toward the exit status in *findings; the standard
 * error in *err (the caller frees it). */
static int size_unknown_audit(const char *const *files, size_t n, uint64_t *findings, char **err)
{
	struct filter f;
	struct period period;
	filter_init(&f);
	ck_assert_int_eq(filter_add(&f, FILTER_MIN_RECORDS, "1000"), 0);
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	ck_assert_int_eq(period_set(&period, NULL, NULL, NULL, 0), 0);
	FILE *out = fopen(testutil_path(".out"), "w");
	struct reporter rep;
	reporter_csv(&rep, out);
	struct audit_inputs in = {NULL, 0, files, n, NULL, NULL};
	struct audit_config cfg = {AUDIT_FINDINGS, rules, &period, &f, 1000, 50, NULL, NULL, 0,
				   TIME_NONE, 1};
	testutil_stderr_begin();
	int status = audit_run(&in, &cfg, &rep, findings);
	*err = strdup(testutil_stderr_end());
	fclose(out);
	filter_free(&f);
	return status;
}

START_TEST(runs_of_unknown_size_hidden_by_the_filters)
{
	/* 11 is still running, 612 records so far; 12 finished, no counter:
	 * --min-records 1000 cannot say either is below it */
	char a[600], b[600], both[1200];
	snprintf(both, sizeof both, "%s%s", instance(a, sizeof a, 11, "RUNNING", "612"),
		 instance(b, sizeof b, 12, "COMPLETED_SUCCESS", NULL));
	const char *running[] = {testutil_plain(both)};
	uint64_t findings;
	char *err;
	ck_assert_int_eq(size_unknown_audit(running, 1, &findings, &err), 0);
	ck_assert_uint_eq(findings, 2); /* no run shown: the exit status is 1 for them */
	ck_assert_msg(strstr(err, "almaudit: warning: 2 runs of damaging jobs are not shown: their "
				  "size is unknown (unknown-size), so --min-records 1000 cannot say "
				  "they are below 1000; the exit status is 1"),
		      "%s", err);
	/* csv's standard error says the header's Unchecked line: only the run
	 * no counter gave a count, not the one still counting */
	ck_assert_msg(strstr(err, "almaudit: warning: damaging-large-set not checked: no counter "
				  "gave the record count of withdraw (1 run) (JSON input: "),
		      "%s", err);
	ck_assert_msg(strstr(err, "almaudit: note: sets inferred from the instance names of 2 "
				  "runs"),
		      "%s", err);
	free(err);
	/* a copy of 11 that finished, with 400 records, answers it */
	const char *done[] = {running[0],
			      testutil_plain(instance(a, sizeof a, 11, "COMPLETED_SUCCESS", "400"))};
	ck_assert_int_eq(size_unknown_audit(done, 2, &findings, &err), 0);
	ck_assert_uint_eq(findings, 1);
	ck_assert_msg(strstr(err, "warning: 1 run of a damaging job is not shown: its size is "
				  "unknown"),
		      "%s", err);
	free(err);
	/* with 5,000 it is shown (damaging-large-set); 12 still cannot be judged */
	done[1] = testutil_plain(instance(a, sizeof a, 11, "COMPLETED_SUCCESS", "5000"));
	ck_assert_int_eq(size_unknown_audit(done, 2, &findings, &err), 0);
	ck_assert_uint_eq(findings, 2);
	free(err);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("period");
	tcase_add_test(tc, period_keywords);
	tcase_add_test(tc, period_names_and_dates);
	suite_add_tcase(s, tc);
	TCase *audit = tcase_create("audit");
	tcase_add_checked_fixture(audit, setup, teardown);
	tcase_add_test(audit, filters_alone_and_combined);
	tcase_add_test(audit, csv_round_trips);
	tcase_add_test(audit, json_parses_with_one_object_per_finding);
	tcase_add_test(audit, filters_hide_findings_and_count_them);
	tcase_add_test(audit, samples_json_and_csv_agree);
	tcase_add_test(audit, runs_of_unknown_size_hidden_by_the_filters);
	suite_add_tcase(s, audit);
	return testutil_run(s);
}
