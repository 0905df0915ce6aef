/* Unit tests of analyzer/baseline.c, baseline_json.c and json.c: the
 * strict JSON reader (yajl's events) on almaudit reports (valid in any layout, cut short,
 * invalid, not a report), escapes and Unicode in names, the (kind, person,
 * job) triples and how this audit's findings match them, the resolved
 * ones, and the comparisons with this audit's period and rules. */
#include "baseline.h"
#include "baseline_json.h"
#include "filter.h"
#include "matrix.h"
#include "period.h"
#include "rules.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct rules *rules;

static void setup(void)
{
	times_set_zone("UTC");
	rules = matrix_load(ALMAUDIT_SOURCE_DIR "/rules");
	ck_assert_ptr_nonnull(rules);
}

static void teardown(void)
{
	matrix_free(rules);
}

#define HEAD                                                                                       \
	"{\"report\":{\"period\":{\"from\":\"2026-09-01\",\"until\":\"2026-09-30\",\"name\":"       \
	"\"2026-09\"},\"zone\":\"UTC\",\"rules\":{\"dir\":\"rules\",\"jobs\":33,\"people\":58,"    \
	"\"approvals\":145},\"large_set\":1000},\n\"findings\":["
#define TAIL "],\n\"summary\":{\"complete\":true,\"hidden_by_filters\":0,\"x\":[1,{\"y\":null}]}}\n"

#define F(kind, job, job_name, user, user_name, staff, unit)                                      \
	"{\"finding\":\"" kind "\",\"run_id\":\"1\",\"job\":\"" job "\",\"job_title\":\"\","      \
	"\"job_name\":\"" job_name "\",\"user\":\"" user "\",\"user_name\":\"" user_name          \
	"\",\"staff\":\"" staff "\",\"unit\":\"" unit "\",\"environment\":\"production\","        \
	"\"start_time\":\"2026-09-02T10:00:00Z\",\"records\":12,\"status\":\"COMPLETED_SUCCESS\"," \
	"\"set_name\":\"s\",\"detail\":\"d\"}"

static const char valid[] =
	HEAD "\n" F("unapproved", "delete-bib-records", "Delete Bibliographic records", "80120060",
		    "Armitage, Amy", "Amy Armitage", "ITS") ",\n" F("unapproved", "delete-bib-records",
		    "Delete Bibliographic records - weeding", "80120060", "Armitage, Amy",
		    "Amy Armitage", "ITS") ",\n" F("unlisted-job", "", "Delete Users - 09/03/2026 10:00:00",
		    "80130002", "Lindqvist, Henrik", "", "") ",\n" F("no-signoff", "delete-portfolios",
		    "Delete portfolios", "80130006", "Whitfield, Grace", "", "") TAIL;

/* Reads json as a baseline; *err gets what was said on stderr. */
static int read_json(struct baseline *b, const char *json, size_t n, const struct filter *f,
		     const char **err)
{
	const char *path = testutil_bytes(json, n, ".json");
	FILE *in = fopen(path, "r");
	ck_assert_ptr_nonnull(in);
	baseline_init(b);
	testutil_stderr_begin();
	int status = baseline_json_read(b, in, "prev.json", rules, f);
	*err = testutil_stderr_end();
	fclose(in);
	return status;
}

static struct baseline_finding finding(enum finding_kind k, const char *staff, const char *user,
				       const char *user_name, const char *job,
				       const char *job_name)
{
	/* its person as the audit's verdict has it */
	struct baseline_finding f = {k, staff, user, user_name, job, job_name,
				     staff[0] ? rules_person_by_text(rules, staff) : -1};
	return f;
}

START_TEST(reads_a_report)
{
	struct baseline b;
	const char *err;
	ck_assert_int_eq(read_json(&b, valid, strlen(valid), NULL, &err), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(b.findings, 4);
	ck_assert_uint_eq(b.nitems, 3); /* the two of Amy Armitage are one triple */
	ck_assert_str_eq(b.items[0].person, "Amy Armitage (ITS)");
	ck_assert_str_eq(b.items[0].job, "delete-bib-records");
	ck_assert_uint_eq(b.items[0].count, 2);
	ck_assert_str_eq(b.items[1].job, "Delete Users"); /* without the suffixes */
	ck_assert_str_eq(b.items[1].person, "Lindqvist, Henrik (not in staff.csv)");
	ck_assert_str_eq(b.period.name, "2026-09");
	ck_assert_int_eq(b.period.first_day, times_days_from_civil(2026, 9, 1));
	ck_assert_int_eq(b.period.last_day, times_days_from_civil(2026, 9, 30));
	ck_assert_uint_eq(b.njobs, 33);
	ck_assert_uint_eq(b.napprovals, 145);
	ck_assert_int_eq(b.incomplete, 0);
	baseline_free(&b);
}
END_TEST

/* The same report on one line, pretty-printed, its keys in another order:
 * the reader does not rely on the layout. */
START_TEST(any_layout)
{
	static const char one_line[] =
		"{\"summary\":{\"complete\":false,\"hidden_by_filters\":3},\"findings\":[" F(
			"unapproved", "delete-bib-records", "x", "80120060", "Armitage, Amy",
			"Amy Armitage", "ITS") "],\"report\":{\"rules\":{\"approvals\":1,\"people\":2,"
		"\"jobs\":3},\"period\":{\"name\":\"\",\"until\":null,\"from\":null}}}";
	static const char pretty[] =
		"  {\r\n \"report\" : {\n  \"period\" : { \"from\" : null ,\n \"until\" : null,"
		"\"name\":\"\" } ,\n\t\"rules\" : {\"dir\":\"r\", \"jobs\" : 3 , \"people\" :2,"
		"\"approvals\":1e0}\n}\n}";
	struct baseline b;
	const char *err;
	ck_assert_int_eq(read_json(&b, one_line, strlen(one_line), NULL, &err), 0);
	ck_assert_uint_eq(b.nitems, 1);
	ck_assert_int_eq(b.incomplete, 1);
	ck_assert_uint_eq(b.hidden, 3);
	ck_assert_uint_eq(b.njobs, 3);
	ck_assert_int_eq(b.period.first_day, TIME_NONE);
	baseline_free(&b);
	/* 1e0 is JSON but not a count */
	ck_assert_int_eq(read_json(&b, pretty, strlen(pretty), NULL, &err), -1);
	ck_assert_str_eq(err, "almaudit: prev.json:5: not an almaudit json report: \"approvals\" is "
			      "not a count\n");
	baseline_free(&b);
}
END_TEST

/* Cut short anywhere, the report is an error, never a baseline of what was
 * read before the cut. */
START_TEST(cut_short_anywhere)
{
	size_t n = strlen(valid);
	for (size_t keep = 0; keep + 1 < n; keep++) {
		struct baseline b;
		const char *err;
		ck_assert_msg(read_json(&b, valid, keep, NULL, &err) == -1, "cut at %zu read", keep);
		ck_assert_msg(strncmp(err, "almaudit: prev.json:", 20) == 0, "cut at %zu: %s", keep,
			      err);
		baseline_free(&b);
	}
	struct baseline b;
	const char *err;
	ck_assert_int_eq(read_json(&b, valid, 200, NULL, &err), -1);
	ck_assert_str_eq(err, "almaudit: prev.json:3: invalid JSON: the file ends inside a string "
			      "(cut short?)\n");
	baseline_free(&b);
	ck_assert_int_eq(read_json(&b, "", 0, NULL, &err), -1);
	ck_assert_str_eq(err, "almaudit: prev.json:1: empty: not an almaudit json report (from "
			      "almaudit audit --format json)\n");
	baseline_free(&b);
}
END_TEST

START_TEST(invalid_json)
{
	static const struct {
		const char *json, *err;
	} cases[] = {
		{"{\"report\":{\"x\":[1,]}}", "prev.json:1: invalid JSON: ']' where a value was expected"},
		{HEAD "{'finding':1}" TAIL, "prev.json:2: invalid JSON: unexpected '''"},
		{HEAD "\n\n{\"finding\":\"a\tb\"}" TAIL,
		 "prev.json:4: invalid JSON: a control character (0x09) inside a string"},
		{HEAD "{\"finding\":\"\\x\"}" TAIL, "prev.json:2: invalid JSON: an unknown escape"},
		{HEAD "{\"finding\":\"\\ud800x\"}" TAIL,
		 "prev.json:2: invalid JSON: a lone high surrogate \\uD800"},
		{HEAD "{\"finding\":\"\\udc00\"}" TAIL,
		 "prev.json:2: invalid JSON: a lone low surrogate \\uDC00"},
		{HEAD "{\"finding\":\"\\u00\"}" TAIL, "prev.json:2: invalid JSON: a \\u escape needs"},
		{HEAD "{\"finding\":\"a\xC3\"}" TAIL, "prev.json:2: invalid UTF-8 inside a string"},
		{HEAD "{\"finding\":\"\xED\xA0\x80\"}" TAIL, "prev.json:2: invalid UTF-8"},
		{HEAD "{\"records\":01}" TAIL, "prev.json:2: invalid JSON: '1' where ',' or '}'"},
		{HEAD "{\"records\":-}" TAIL, "prev.json:2: invalid JSON: a number without digits"},
		{HEAD "{\"records\":1.}" TAIL, "prev.json:2: invalid JSON: no digits after a decimal"},
		{HEAD "{\"records\":nul}" TAIL, "prev.json:2: invalid JSON: not a literal"},
		{HEAD TAIL "{}", "prev.json:4: invalid JSON: more after the end of the document"},
		{HEAD "{\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]"
		      "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}" TAIL,
		 "prev.json:2: JSON nested deeper than 64"},
		{HEAD "{\"finding\":\"\\u0000\"}" TAIL, "prev.json:2: a NUL character"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct baseline b;
		const char *err;
		ck_assert_msg(read_json(&b, cases[i].json, strlen(cases[i].json), NULL, &err) == -1,
			      "case %zu read", i);
		ck_assert_msg(strstr(err, cases[i].err) != NULL, "case %zu: %s", i, err);
		baseline_free(&b);
	}
}
END_TEST

/* Valid JSON that is not an almaudit audit report. */
START_TEST(not_a_report)
{
	static const struct {
		const char *json, *err;
	} cases[] = {
		{"[]", "prev.json:1: not an almaudit json report: it does not begin with '{'"},
		{"{}", "prev.json:1: not an almaudit json report: it has no \"report\""},
		{"{\"a\":1}\n", "prev.json:1: not an almaudit json report: it has no \"report\""},
		{HEAD "]}", "prev.json:2: not an almaudit json report: it has no \"summary\""},
		{"{\"report\":{},\"findings\":[],\"summary\":{}}", "it has no report.period"},
		{"{\"report\":{\"period\":{\"from\":null,\"until\":null}},\"findings\":[],"
		 "\"summary\":{}}",
		 "it has no report.rules"},
		{"{\"report\":{\"period\":{\"from\":\"2026-13-01\"}}}",
		 "report.period.from is not a date"},
		{"{\"report\":[]}", "\"report\" is not an object"},
		{"{\"findings\":{}}", "\"findings\" is not an array"},
		{"{\"report\":{},\n\"runs\":[]}",
		 "prev.json:2: a run listing (almaudit runs), not an audit report"},
		{"{\"report\":{\"command\":\"review\",\"period\":{}},\n\"approvals\":[]}",
		 "prev.json:1: an access review (almaudit review), not an audit report"},
		{"{\"report\":{\"command\":\"audit\"},\"findings\":[],\"summary\":{}}",
		 "it has no report.period"},
		{HEAD "[]" TAIL, "a finding is not an object"},
		{HEAD "\n{\"finding\":\"unapproved\",\n\"job\":\"\",\"job_name\":\"\",\"user\":\"\","
		      "\"user_name\":\"\"}" TAIL,
		 "prev.json:3: not an almaudit json report: a finding without \"staff\""},
		{HEAD "{\"finding\":\"lateness\",\"job\":\"\",\"job_name\":\"\",\"user\":\"\","
		      "\"user_name\":\"\",\"staff\":\"\"}" TAIL,
		 "unknown finding kind 'lateness'"},
		{HEAD "{\"finding\":1}" TAIL, "\"finding\" is not a string"},
		{"{\"summary\":{\"complete\":1}}", "summary.complete is not true or false"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct baseline b;
		const char *err;
		ck_assert_msg(read_json(&b, cases[i].json, strlen(cases[i].json), NULL, &err) == -1,
			      "case %zu read", i);
		ck_assert_msg(strstr(err, cases[i].err) != NULL, "case %zu: %s", i, err);
		baseline_free(&b);
	}
}
END_TEST

/* Names written with escapes match the same names written as UTF-8. */
START_TEST(escapes_and_unicode)
{
	static const char json[] = HEAD F(
		"unapproved", "", "Job \\\"A\\\" \\/ \\\\ - 1", "u1",
		"N\\u00fa\\u00f1ez, Jos\\u00E9 \\ud83d\\ude00", "", "") "," F("unapproved", "",
		"Job \\\"B\\\"", "", "S\xC3\xB8ren \xF0\x9F\x98\x80", "", "") TAIL;
	struct baseline b;
	const char *err;
	ck_assert_msg(read_json(&b, json, strlen(json), NULL, &err) == 0, "%s", err);
	ck_assert_uint_eq(b.nitems, 2);
	ck_assert_str_eq(b.items[0].job, "Job \"A\" / \\");
	ck_assert_str_eq(b.items[0].person, "N\xC3\xBA\xC3\xB1" "ez, Jos\xC3\xA9 \xF0\x9F\x98\x80 (not in staff.csv)");
	ck_assert_str_eq(b.items[1].person, "S\xC3\xB8ren \xF0\x9F\x98\x80 (not in staff.csv)");
	struct baseline_finding f = finding(FIND_UNAPPROVED, "", "", "S\xC3\xB8ren \xF0\x9F\x98\x80",
					    "", "Job \"B\" - 10/01/2026");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_RECURRING);
	f = finding(FIND_UNAPPROVED, "", "u1", "another spelling", "", "Job \"A\" / \\");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_RECURRING);
	baseline_free(&b);
}
END_TEST

START_TEST(triples_match)
{
	struct baseline b;
	const char *err;
	ck_assert_int_eq(read_json(&b, valid, strlen(valid), NULL, &err), 0);
	struct baseline_finding f;
	/* the same kind, person and job, whatever the instance name */
	f = finding(FIND_UNAPPROVED, "Amy Armitage", "80120060", "Armitage, Amy",
		    "delete-bib-records", "Delete Bibliographic records - another set");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_RECURRING);
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_RECURRING);
	/* another kind for the same person and job */
	f.kind = FIND_NO_SIGNOFF;
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_NEW);
	/* another job */
	f = finding(FIND_UNAPPROVED, "Amy Armitage", "80120060", "Armitage, Amy",
		    "suppress-bib-records", "Suppress");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_NEW);
	/* an unlisted job, by its name without the suffixes; an unknown
	 * person by the export's id */
	f = finding(FIND_UNLISTED_JOB, "", "80130002", "Lindqvist, H.", "",
		    "Delete Users - purge - 10/20/2026 09:00:00");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_RECURRING);
	f.job_name = "Delete Users Extended";
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_NEW);
	/* unknown then, in staff.csv now: matched by the id */
	f = finding(FIND_NO_SIGNOFF, "Grace Whitfield", "80130006", "Whitfield, Grace",
		    "delete-portfolios", "Delete portfolios");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_RECURRING);
	ck_assert_uint_eq(b.recurring[FIND_UNAPPROVED], 2);
	ck_assert_uint_eq(b.fresh[FIND_UNAPPROVED], 1);
	ck_assert_uint_eq(b.fresh[FIND_NO_SIGNOFF], 1);
	ck_assert_uint_eq(b.recurring[FIND_UNLISTED_JOB], 1);
	ck_assert_int_eq(baseline_finish(&b), 0);
	ck_assert_uint_eq(b.ngone, 0);
	baseline_free(&b);

	/* nothing marked: everything is resolved, by kind, most findings first */
	ck_assert_int_eq(read_json(&b, valid, strlen(valid), NULL, &err), 0);
	ck_assert_int_eq(baseline_finish(&b), 0);
	ck_assert_uint_eq(b.ngone, 3);
	ck_assert_uint_eq(b.resolved[FIND_UNAPPROVED], 1);
	ck_assert_uint_eq(b.resolved[FIND_NO_SIGNOFF], 1);
	ck_assert_uint_eq(b.resolved[FIND_UNLISTED_JOB], 1);
	ck_assert_int_eq(b.items[b.gone[0]].kind, FIND_UNAPPROVED);
	ck_assert_int_eq(b.items[b.gone[1]].kind, FIND_NO_SIGNOFF);
	ck_assert_int_eq(b.items[b.gone[2]].kind, FIND_UNLISTED_JOB);
	baseline_free(&b);
}
END_TEST

/* One person: the same person of staff.csv now (a staff name of the
 * baseline found through an alias), else the same Alma id, else the same
 * name; persons decide when both findings have one, ids when both have
 * one. */
START_TEST(same_person)
{
	static const char json[] = HEAD F(
		"unapproved", "delete-bib-records", "Delete", "", "Chau, Chiun", "Chiun Chau",
		"HYL") "," F("unapproved", "delete-bib-records", "Delete", "", "Okafor, Chinwe", "",
		"") "," F("unapproved", "delete-bib-records", "Delete", "555", "Doe, Jane", "",
		"") "," F("unapproved", "delete-bib-records", "Delete", "80120060", "Armitage, Amy",
		"Amy Armitage", "ITS") TAIL;
	struct baseline b;
	const char *err;
	ck_assert_msg(read_json(&b, json, strlen(json), NULL, &err) == 0, "%s", err);
	ck_assert_uint_eq(b.nitems, 4);
	/* the alias: the same person of staff.csv, whatever the id */
	ck_assert_int_eq(b.items[0].staff, rules_person_by_text(rules, "Chiunkwan Chau"));
	struct baseline_finding f = finding(FIND_UNAPPROVED, "Chiunkwan Chau", "80199999",
					    "Chau, Chiunkwan", "delete-bib-records", "Delete");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_RECURRING);
	/* no id in the baseline: the name, in either order */
	f = finding(FIND_UNAPPROVED, "", "777", "Chinwe Okafor", "delete-bib-records", "Delete");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_RECURRING);
	/* both have an id: the ids decide, not the name */
	f = finding(FIND_UNAPPROVED, "", "556", "Doe, Jane", "delete-bib-records", "Delete");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_NEW);
	/* no id now: the name */
	f = finding(FIND_UNAPPROVED, "", "", "Jane Doe", "delete-bib-records", "Delete");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_RECURRING);
	/* both in staff.csv: the persons decide, not the id */
	f = finding(FIND_UNAPPROVED, "Laura Hartnett", "80120060", "Hartnett, Laura",
		    "delete-bib-records", "Delete");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_NEW);
	/* not in staff.csv now (removed): the id */
	f = finding(FIND_UNAPPROVED, "", "80120060", "Armitage, A.", "delete-bib-records",
		    "Delete");
	ck_assert_int_eq(baseline_mark(&b, &f), TREND_RECURRING);
	ck_assert_int_eq(baseline_finish(&b), 0);
	ck_assert_uint_eq(b.ngone, 0);
	baseline_free(&b);
}
END_TEST

/* What this audit's filters would not show is not kept: never "resolved". */
START_TEST(filters_apply_to_the_baseline)
{
	struct filter f;
	filter_init(&f);
	ck_assert_int_eq(filter_add(&f, FILTER_UNIT, "ITS"), 0);
	ck_assert_int_eq(filter_resolve(&f, rules), 0);
	struct baseline b;
	const char *err;
	ck_assert_int_eq(read_json(&b, valid, strlen(valid), &f, &err), 0);
	ck_assert_uint_eq(b.findings, 4);
	ck_assert_uint_eq(b.filtered, 2);
	ck_assert_uint_eq(b.nitems, 1);
	ck_assert_str_eq(b.items[0].person, "Amy Armitage (ITS)");
	baseline_free(&b);
	filter_free(&f);
}
END_TEST

START_TEST(period_and_rules_compared)
{
	struct baseline b;
	const char *err;
	struct period p;
	ck_assert_int_eq(read_json(&b, valid, strlen(valid), NULL, &err), 0);
	/* October after September: nothing to say */
	ck_assert_int_eq(period_set(&p, "2026-10", NULL, NULL, 20000), 0);
	testutil_stderr_begin();
	baseline_compare(&b, &p, rules);
	ck_assert_str_eq(testutil_stderr_end(), "");
	ck_assert_int_eq(b.not_before, 0);
	ck_assert_int_eq(b.other_rules, 0);
	/* September again, with other rules */
	ck_assert_int_eq(period_set(&p, NULL, "2026-09-30", NULL, 20000), 0);
	b.napprovals = 140;
	testutil_stderr_begin();
	baseline_compare(&b, &p, rules);
	ck_assert_str_eq(testutil_stderr_end(),
			 "almaudit: prev.json: warning: the baseline's period (2026-09-01 to "
			 "2026-09-30 (2026-09)) is not before this report's (from 2026-09-30): runs "
			 "in both count as recurring\n");
	ck_assert_int_eq(b.not_before, 1);
	ck_assert_int_eq(b.other_rules, 1);
	char text[256];
	baseline_rules_text(&b, text, sizeof text);
	ck_assert_str_eq(text, "the baseline was made with other rules (33 jobs, 58 people, 140 "
			       "approvals)");
	baseline_free(&b);
}
END_TEST

START_TEST(unreadable_file)
{
	struct baseline b;
	baseline_init(&b);
	testutil_stderr_begin();
	ck_assert_int_eq(baseline_json_load(&b, "/nonexistent/prev.json", rules, NULL), -1);
	ck_assert_str_eq(testutil_stderr_end(), "almaudit: /nonexistent/prev.json: cannot read the "
						"baseline: No such file or directory\n");
	baseline_free(&b);
	baseline_init(&b);
	testutil_stderr_begin();
	ck_assert_int_eq(baseline_json_load(&b, testutil_dir(), rules, NULL), -1);
	ck_assert_ptr_nonnull(strstr(testutil_stderr_end(), "cannot read"));
	baseline_free(&b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("baseline");
	TCase *tc = tcase_create("baseline");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, reads_a_report);
	tcase_add_test(tc, any_layout);
	tcase_add_test(tc, cut_short_anywhere);
	tcase_add_test(tc, invalid_json);
	tcase_add_test(tc, not_a_report);
	tcase_add_test(tc, escapes_and_unicode);
	tcase_add_test(tc, triples_match);
	tcase_add_test(tc, same_person);
	tcase_add_test(tc, filters_apply_to_the_baseline);
	tcase_add_test(tc, period_and_rules_compared);
	tcase_add_test(tc, unreadable_file);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
