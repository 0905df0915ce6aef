/* Unit tests of analyzer/units.c (units.csv: loading, checking, the units
 * of staff.csv) and reports/split.c (audit --split unit: one pass, a report
 * per unit, a person in two units in both, people not in staff.csv in the
 * whole report only; waivers and a baseline per unit; a failed split leaves
 * nothing behind). */
#include "audit.h"
#include "baseline.h"
#include "baseline_json.h"
#include "filter.h"
#include "matrix.h"
#include "period.h"
#include "rules.h"
#include "split.h"
#include "testutil.h"
#include "times.h"
#include "units.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
	struct rules *r = matrix_load(rules_dir(NULL));
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
	matrix_free(r);
}
END_TEST

START_TEST(units_csv_order_and_warnings)
{
	struct rules *r = matrix_load(rules_dir("unit,name,email\n"
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
	matrix_free(r);
}
END_TEST

START_TEST(units_csv_errors_at_their_lines)
{
	testutil_stderr_begin();
	struct rules *r = matrix_load(rules_dir("unit,name,email\n"
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
	r = matrix_load(rules_dir("name,email\nGUT,x@y.edu\n"));
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
	/* a code too long for a file name: short, stable and distinct */
	char code[301], a[SPLIT_NAME_MAX + 16], b[SPLIT_NAME_MAX + 16];
	memset(code, 'x', 300);
	code[SPLIT_NAME_MAX] = '\0';
	ck_assert_int_eq(split_file_name(code, "txt", a, sizeof a), 0);
	ck_assert_uint_eq(strlen(a), SPLIT_NAME_MAX + 4);
	code[SPLIT_NAME_MAX] = 'x';
	code[300] = '\0';
	ck_assert_int_eq(split_file_name(code, "html", a, sizeof a), 1);
	ck_assert_uint_eq(strlen(a), SPLIT_NAME_KEEP + 1 + 12 + 5);
	ck_assert_int_eq(strspn(a, "x"), SPLIT_NAME_KEEP);
	ck_assert_int_eq(a[SPLIT_NAME_KEEP], '~');
	ck_assert_str_eq(a + strlen(a) - 5, ".html");
	split_file_name(code, "html", b, sizeof b);
	ck_assert_str_eq(a, b);
	code[299] = 'y';
	split_file_name(code, "html", b, sizeof b);
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(strncmp(a, b, SPLIT_NAME_KEEP + 1), 0);
	/* the device names Windows reserves, in any case, with an extension
	 * or not: a name of their own, the '~' and hash after the reserved part */
	static const char *const devices[] = {"CON", "prn", "Aux", "nul", "COM1", "com0",
					      "LPT9", "lpt1", "nul.x", "CON.backup"};
	for (size_t i = 0; i < sizeof devices / sizeof devices[0]; i++) {
		ck_assert_int_eq(split_file_name(devices[i], "txt", a, sizeof a),
				 SPLIT_NAME_RESERVED);
		size_t stem = strcspn(devices[i], ".");
		ck_assert_int_eq(strncmp(a, devices[i], stem), 0);
		ck_assert_int_eq(a[stem], '~');
		ck_assert_uint_eq(strspn(a + stem + 1, "0123456789abcdef"), 12);
		char want[32];
		snprintf(want, sizeof want, "%s.txt", devices[i] + stem);
		ck_assert_str_eq(a + stem + 13, want);
	}
	split_file_name("CON", "txt", a, sizeof a);
	split_file_name("con", "txt", b, sizeof b);
	ck_assert_str_ne(a, b); /* distinct, as the codes are */
	/* names that only begin like one are no device's */
	static const char *const plain[] = {"CONS", "COM", "COM10", "LPT", "NULL", "AUXI.x", "xCON"};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		ck_assert_int_eq(split_file_name(plain[i], "txt", a, sizeof a), 0);
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
	struct rules *r = matrix_load(rules_dir("unit,name,email\nGUT,Gutman Library,gut@x.edu\n"));
	ck_assert_ptr_nonnull(r);
	struct period period;
	ck_assert_int_eq(period_set(&period, "2026-10", NULL, NULL, 0), 0);
	struct filter none;
	filter_init(&none);
	const char *out = testutil_dir();
	char dir[512];
	snprintf(dir, sizeof dir, "%s/split", out);
	struct split_options so = {dir, "csv", 0, NULL, 50, NULL, 0, NULL, 0, NULL, NULL, NULL};
	struct split *sp = split_open(r, &so);
	ck_assert_ptr_nonnull(sp);
	const char *files[] = {testutil_plain(export_rows)};
	struct audit_inputs in = {NULL, 0, files, 1, NULL, NULL};
	struct audit_config cfg = {AUDIT_FINDINGS, r, &period, &none, 1000, 50, NULL, NULL, 0, TIME_NONE, 0};
	uint64_t findings;
	ck_assert_int_eq(audit_run(&in, &cfg, split_reporter(sp), &findings), 0);
	ck_assert_uint_eq(findings, 3);
	const char *list_path = testutil_path(".list");
	FILE *list = fopen(list_path, "w");
	ck_assert_int_eq(split_flush(sp), 0);
	ck_assert_int_eq(split_ready(sp), 0);
	ck_assert_int_eq(split_finish(sp, 1), 0);
	split_list(sp, list);
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
	matrix_free(r);
}
END_TEST

/* Audits the export into a split in text (format) under dir; the split's
 * list of files in *listed (the caller frees). Returns split_finish's. */
static int split_text(const struct rules *r, const char *dir, const char *format,
		      struct baseline *b, char **listed)
{
	struct period period;
	ck_assert_int_eq(period_set(&period, "2026-10", NULL, NULL, 0), 0);
	struct filter none;
	filter_init(&none);
	struct split_options so = {dir, format, 0, NULL, 50, NULL, 0, NULL, 0, NULL, NULL, NULL};
	struct split *sp = split_open(r, &so);
	ck_assert_ptr_nonnull(sp);
	const char *files[] = {testutil_plain(export_rows)};
	struct audit_inputs in = {NULL, 0, files, 1, NULL, NULL};
	/* today 2026-11-01 (days since 1970): no waiver has expired */
	struct audit_config cfg = {AUDIT_FINDINGS, r, &period, &none, 1000, 50, NULL, b, 20758, TIME_NONE, 0};
	uint64_t findings;
	ck_assert_int_eq(audit_run(&in, &cfg, split_reporter(sp), &findings), 0);
	const char *list_path = testutil_path(".list");
	FILE *list = fopen(list_path, "w");
	int flushed = split_flush(sp);
	int status = flushed ? -1 : split_ready(sp);
	status = split_finish(sp, !status) ? -1 : status;
	split_list(sp, list);
	fclose(list);
	split_free(sp);
	filter_free(&none);
	*listed = testutil_read(list_path);
	return flushed ? flushed : status;
}

/* Waived findings go where their person's findings go; the waivers that
 * covered nothing are those of the whole audit in every report. */
START_TEST(split_waivers_per_unit)
{
	times_set_zone("UTC");
	const char *dir = rules_dir(NULL);
	testutil_write(dir, "waivers.csv",
		       "finding,job,staff,run_id,sets,from,until,ticket,reason\n"
		       "unapproved,change,Julie Petzold,,,,2026-12-31,LTS-1,her change is accepted\n"
		       "damaging-large-set,withdraw,Te-Yi Lee,,,,2026-12-31,LTS-2,the big weeding\n"
		       ",,Amy Dittman,,,,2026-12-31,LTS-3,nothing of hers ran\n");
	struct rules *r = matrix_load(dir);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(r->waivers);
	char out[600], *listed;
	snprintf(out, sizeof out, "%s/split", testutil_dir());
	ck_assert_int_eq(split_text(r, out, "text", NULL, &listed), 0);
	char *hks = read_at(out, "HKS.txt"), *gut = read_at(out, "GUT.txt");
	char *all = read_at(out, "all.txt");
	ck_assert_ptr_nonnull(hks);
	ck_assert_ptr_nonnull(gut);
	ck_assert_ptr_nonnull(all);
	/* HKS: Julie's one finding, waived: none left, one waived */
	ck_assert_ptr_nonnull(strstr(hks, "\nFindings   none\n"));
	ck_assert_ptr_nonnull(strstr(hks, "\nWaived     1 finding: 1 unapproved (under WAIVED below)\n"));
	ck_assert_ptr_null(strstr(hks, "LTS-2  the big"));
	/* GUT: Julie's and Te-Yi Lee's waived; Te-Yi Lee's unapproved left */
	ck_assert_ptr_nonnull(strstr(gut, "\nFindings   1 run: 1 unapproved\n"));
	ck_assert_ptr_nonnull(
		strstr(gut, "\nWaived     2 findings: 1 unapproved, 1 damaging-large-set (under"));
	/* covered nothing: only Amy Dittman's, in the unit reports as in all */
	const char *unused = "WAIVERS THAT COVERED NOTHING (1): no finding of the whole audit "
			     "matched them\nwaivers.csv:4 ";
	ck_assert_ptr_nonnull(strstr(hks, unused));
	ck_assert_ptr_nonnull(strstr(gut, unused));
	ck_assert_ptr_nonnull(strstr(all, "WAIVERS THAT COVERED NOTHING (1): no finding of this "
					  "report matched them\nwaivers.csv:4 "));
	/* runs with findings count what no waiver covers */
	ck_assert_ptr_nonnull(strstr(listed, "/HKS.txt: HKS: 1 run audited, 0 with findings\n"));
	ck_assert_ptr_nonnull(strstr(listed, "/GUT.txt: GUT: 2 runs audited, 1 with findings\n"));
	free(hks);
	free(gut);
	free(all);
	free(listed);
	matrix_free(r);
}
END_TEST

/* September: Te-Yi Lee's withdrawal (again in October), Julie Petzold's
 * withdrawal and Rick Roe's change (none in October), Jane Doe's
 * withdrawal (again). */
static const char september_rows[] =
	"id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records\n"
	"201,Withdraw items,MANUAL,802,\"Lee, Te-Yi\",2026-09-03T14:00:00Z,OK,50000\n"
	"202,Withdraw items,MANUAL,801,\"Petzold, Julie\",2026-09-04T14:00:00Z,OK,10\n"
	"203,Withdraw items,MANUAL,999,\"Doe, Jane\",2026-09-05T14:00:00Z,OK,5\n"
	"204,Change Physical Items,MANUAL,998,\"Roe, Rick\",2026-09-06T14:00:00Z,OK,5\n";

/* Each unit's report has its own trend counts and the resolved items of
 * its people; the resolved of people not in staff.csv are in all only. */
START_TEST(split_baseline_per_unit)
{
	times_set_zone("UTC");
	struct rules *r = matrix_load(rules_dir(NULL));
	ck_assert_ptr_nonnull(r);
	/* September's json report, the baseline */
	struct period sept;
	ck_assert_int_eq(period_set(&sept, "2026-09", NULL, NULL, 0), 0);
	struct filter none;
	filter_init(&none);
	const char *json = testutil_path(".json");
	FILE *f = fopen(json, "w");
	struct reporter rep;
	reporter_json(&rep, f);
	const char *files[] = {testutil_plain(september_rows)};
	struct audit_inputs in = {NULL, 0, files, 1, NULL, NULL};
	struct audit_config cfg = {AUDIT_FINDINGS, r, &sept, &none, 1000, 50, NULL, NULL, 0, TIME_NONE, 0};
	uint64_t findings;
	ck_assert_int_eq(audit_run(&in, &cfg, &rep, &findings), 0);
	fclose(f);
	struct baseline b;
	baseline_init(&b);
	ck_assert_int_eq(baseline_json_load(&b, json, r, &none), 0);

	char out[600], *listed;
	snprintf(out, sizeof out, "%s/split", testutil_dir());
	ck_assert_int_eq(split_text(r, out, "text", &b, &listed), 0);
	char *hks = read_at(out, "HKS.txt"), *gut = read_at(out, "GUT.txt");
	char *its = read_at(out, "ITS.txt"), *all = read_at(out, "all.txt");
	ck_assert_ptr_nonnull(hks);
	ck_assert_ptr_nonnull(gut);
	ck_assert_ptr_nonnull(its);
	ck_assert_ptr_nonnull(all);
	/* the whole: 101 new, 102 and 104 recurring; Julie's and Rick Roe's resolved */
	ck_assert_ptr_nonnull(strstr(all, "\nTrend      unapproved: 1 new, 2 recurring, 2 resolved\n"
					  "           damaging-large-set: 0 new, 1 recurring, 0 resolved\n"));
	ck_assert_ptr_nonnull(strstr(all, "\nRESOLVED (2):"));
	ck_assert_ptr_nonnull(strstr(all, "Roe, Rick (not in staff.csv)"));
	/* HKS: Julie's change new, her withdrawal resolved */
	ck_assert_ptr_nonnull(strstr(hks, "\nTrend      unapproved: 1 new, 0 recurring, 1 resolved\n\n"));
	ck_assert_ptr_nonnull(strstr(hks, "\nRESOLVED (1):"));
	ck_assert_ptr_nonnull(strstr(hks, "\nunapproved          withdraw"));
	ck_assert_ptr_null(strstr(hks, "Roe, Rick"));
	/* GUT: Julie's and Te-Yi Lee's */
	ck_assert_ptr_nonnull(strstr(gut, "\nTrend      unapproved: 1 new, 1 recurring, 1 resolved\n"
					  "           damaging-large-set: 0 new, 1 recurring, 0 resolved\n"));
	ck_assert_ptr_nonnull(strstr(gut, "Julie Petzold (HKS/GUT)"));
	/* ITS: nothing then, nothing now */
	ck_assert_ptr_nonnull(strstr(its, "\nTrend      no findings, none in the baseline either\n"));
	ck_assert_ptr_null(strstr(its, "RESOLVED"));
	free(hks);
	free(gut);
	free(its);
	free(all);
	free(listed);
	baseline_free(&b);
	filter_free(&none);
	matrix_free(r);
}
END_TEST

/* The names in dir, sorted, joined by spaces. */
static void names_in(const char *dir, char *buf, size_t size)
{
	struct dirent **list;
	int n = scandir(dir, &list, NULL, alphasort);
	ck_assert_int_ge(n, 0);
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (strcmp(list[i]->d_name, ".") && strcmp(list[i]->d_name, ".."))
			snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", buf[0] ? " " : "",
				 list[i]->d_name);
		free(list[i]);
	}
	free(list);
}

/* A file that cannot be written fails the split whole: no report is put in
 * place, an earlier run's stays as it was, and no temporary file is left;
 * a directory the run made is removed again. */
START_TEST(failed_split_leaves_nothing)
{
	times_set_zone("UTC");
	struct rules *r = matrix_load(rules_dir(NULL));
	ck_assert_ptr_nonnull(r);
	char out[600], names[512], *listed;
	snprintf(out, sizeof out, "%s/split", testutil_dir());
	ck_assert_int_eq(mkdir(out, 0700), 0);
	testutil_write(out, "all.txt", "last month's report\n");
	char blocker[700];
	snprintf(blocker, sizeof blocker, "%s/GUT.txt", out);
	ck_assert_int_eq(mkdir(blocker, 0700), 0); /* GUT's report cannot be written */
	/* said before the audit reads anything, and nothing is written */
	struct split_options bo = {out, "text", 0, NULL, 50, NULL, 0, NULL, 0, NULL, NULL, NULL};
	testutil_stderr_begin();
	ck_assert_ptr_null(split_open(r, &bo));
	const char *err = testutil_stderr_end();
	ck_assert_ptr_nonnull(strstr(err, "/GUT.txt: a directory, not a regular file: never "
					  "opened for writing; remove it or give another -o DIR\n"));
	listed = strdup("");
	names_in(out, names, sizeof names);
	ck_assert_str_eq(names, "GUT.txt all.txt");
	char *all = read_at(out, "all.txt");
	ck_assert_str_eq(all, "last month's report\n");
	free(all);
	free(listed);

	/* a directory the split made goes again when nothing is kept */
	char made[700];
	snprintf(made, sizeof made, "%s/new", out);
	struct split_options so = {made, "text", 0, NULL, 50, NULL, 0, NULL, 0, NULL, NULL, NULL};
	struct split *sp = split_open(r, &so);
	ck_assert_ptr_nonnull(sp);
	ck_assert_int_eq(access(made, F_OK), 0);
	testutil_stderr_begin();
	ck_assert_int_eq(split_finish(sp, 0), 0);
	ck_assert_ptr_nonnull(strstr(testutil_stderr_end(), "no report put in place"));
	split_free(sp);
	ck_assert_int_eq(access(made, F_OK), -1);
	matrix_free(r);
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
	tcase_add_test(tc, split_waivers_per_unit);
	tcase_add_test(tc, split_baseline_per_unit);
	tcase_add_test(tc, failed_split_leaves_nothing);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
