/* Hostile and messy inputs through the whole audit: each is handled (read,
 * rejected with a reason, or refused with an error) and no row is lost:
 * rows read = audited + skipped + rejected, every time. */
#include "audit.h"
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

static struct rules *rules;

static struct seen {
	uint64_t read, audited, skipped, rejected, headers, findings;
	uint64_t rejected_by[REJ_COUNT], skipped_by[SKIP_COUNT];
	int incomplete;
} seen;

static void cap_begin(struct reporter *r, const struct report_info *info)
{
	(void)r;
	(void)info;
}

static void cap_finding(struct reporter *r, const struct report_finding *f)
{
	(void)f;
	r->written++;
}

static void cap_end(struct reporter *r, const struct report_info *info)
{
	const struct tally *t = info->tally;
	(void)r;
	seen.read = t->read;
	seen.audited = t->audited;
	seen.skipped = tally_skipped(t);
	seen.rejected = tally_rejected(t);
	seen.headers = t->headers;
	seen.incomplete = t->incomplete;
	memcpy(seen.rejected_by, t->rejected, sizeof seen.rejected_by);
	memcpy(seen.skipped_by, t->skipped, sizeof seen.skipped_by);
}

static void setup(void)
{
	times_set_zone("America/New_York");
	rules = matrix_load(ALMAUDIT_SOURCE_DIR "/rules");
	ck_assert_ptr_nonnull(rules);
}

static void teardown(void)
{
	matrix_free(rules);
}

/* Audits one file; returns audit_run's status, fills `seen`, and checks
 * that no row went missing. */
static int audit_file(const char *path)
{
	struct period period;
	struct filter none;
	struct reporter rep = {0};
	memset(&seen, 0, sizeof seen);
	filter_init(&none);
	period_set(&period, NULL, NULL, NULL, 0);
	rep.begin = cap_begin;
	rep.finding = cap_finding;
	rep.end = cap_end;
	const char *files[] = {path};
	struct audit_inputs in = {NULL, 0, files, 1, NULL, NULL};
	struct audit_config cfg = {AUDIT_FINDINGS, rules, &period, &none, 1000, 50, NULL, NULL, 0, TIME_NONE, 0};
	testutil_stderr_begin();
	int status = audit_run(&in, &cfg, &rep, &seen.findings);
	testutil_stderr_end();
	filter_free(&none);
	ck_assert_msg(seen.read == seen.audited + seen.skipped + seen.rejected,
		      "%s: read %lu != audited %lu + skipped %lu + rejected %lu", path,
		      (unsigned long)seen.read, (unsigned long)seen.audited,
		      (unsigned long)seen.skipped, (unsigned long)seen.rejected);
	return status;
}

#define HEADER "id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name\n"
#define ROW(id) #id ",Withdraw items,MANUAL,801,\"Moody, Honor\",2026-10-05 10:00,COMPLETED_SUCCESS,5,HD\n"

START_TEST(empty_and_header_only)
{
	ck_assert_int_eq(audit_file(testutil_plain("")), -1);
	ck_assert_uint_eq(seen.read, 0);
	ck_assert_int_eq(seen.incomplete, 1);
	/* a header and no run: nothing audited is an error, never an all-clear */
	ck_assert_int_eq(audit_file(testutil_plain(HEADER)), -1);
	ck_assert_uint_eq(seen.read, 0);
	ck_assert_int_eq(seen.incomplete, 0);
	ck_assert_int_eq(audit_file(testutil_gzip("", 1)), -1);
	/* a byte order mark and nothing else (found by fuzz_reader) */
	ck_assert_int_eq(audit_file(testutil_plain("\xEF\xBB\xBF")), -1);
	ck_assert_int_eq(audit_file(testutil_gzip("\xEF\xBB\xBF", 1)), -1);
	ck_assert_int_eq(audit_file(testutil_plain("\xEF\xBB\xBF" HEADER)), -1);
	ck_assert_int_eq(audit_file(testutil_plain("\xEF\xBB\xBF" HEADER ROW(1))), 0);
}
END_TEST

START_TEST(bom_crlf_quoted_newlines_repeated_headers)
{
	ck_assert_int_eq(audit_file(testutil_plain("\xEF\xBB\xBF" HEADER ROW(1) HEADER
						   "\xEF\xBB\xBF" HEADER ROW(2))),
			 0);
	ck_assert_uint_eq(seen.read, 2);
	ck_assert_uint_eq(seen.headers, 2);
	ck_assert_uint_eq(seen.audited, 2);
	ck_assert_int_eq(audit_file(testutil_plain(
				 "id,name,type,submitted_by,submitted_by_desc,start_time\r\n"
				 "1,\"Withdraw items - a\r\nb\",MANUAL,801,\"Moody, Honor\",2026-10-05 10:00\r\n"
				 "2,Withdraw items,MANUAL,801,\"Moody,\nHonor\",2026-10-05 10:00\r\n")),
			 0);
	ck_assert_uint_eq(seen.read, 2);
	ck_assert_uint_eq(seen.rejected, 0);
}
END_TEST

START_TEST(ragged_rows_and_bad_values)
{
	ck_assert_int_eq(audit_file(testutil_plain(HEADER ROW(1) "2,Withdraw items\n"
						   "3,a,MANUAL,u,n,2026-10-05 10:00,X,5,s,extra\n"
						   "4,a,MANUAL,u,n,not a time,X,5,s\n"
						   "5,a,MANUAL,u,n,2026-10-05 10:00,X,-1,s\n"
						   ",a,MANUAL,u,n,2026-10-05 10:00,X,5,s\n")),
			 0);
	ck_assert_uint_eq(seen.read, 6);
	ck_assert_uint_eq(seen.rejected_by[REJ_FIELD_COUNT], 2);
	ck_assert_uint_eq(seen.rejected_by[REJ_BAD_TIME], 1);
	ck_assert_uint_eq(seen.rejected_by[REJ_EMPTY_ID], 1);
	/* a record count that is not one is a cell named: the run is judged */
	ck_assert_uint_eq(seen.rejected, 4);
}
END_TEST

START_TEST(nul_bytes_and_invalid_utf8)
{
	/* a NUL inside fields: the text ends there, the row is still read */
	static const char text[] = HEADER "1,Withdraw\0 items,MANUAL,801,\"Moody,\0 Honor\",2026-10-05 "
					  "10:00,COMPLETED_SUCCESS,5,H\0D\n" ROW(2);
	const char *path = testutil_path(".csv");
	FILE *f = fopen(path, "wb");
	fwrite(text, 1, sizeof text - 1, f);
	fclose(f);
	ck_assert_int_eq(audit_file(path), 0);
	ck_assert_uint_eq(seen.read, 2);
	/* invalid UTF-8 in names and sets: read as Windows-1252, judged, never
	 * a crash; the one manual run of a listed job matched no one in
	 * staff.csv: the identity join failed, an error (-1) */
	ck_assert_int_eq(audit_file(testutil_plain(
				 HEADER "1,Withdraw items - \xff\xfe\xc3,MANUAL,801,\"Mo\xc0\xafody, Honor\","
					"2026-10-05 10:00,COMPLETED_SUCCESS,5,\xed\xa0\x80\n"
					"2,\xff\xfe Withdraw items,MANUAL,801,\"Moody, Honor\",2026-10-05 10:00,"
					"COMPLETED_SUCCESS,5,x\n")),
			 -1);
	ck_assert_uint_eq(seen.read, 2);
	ck_assert_uint_eq(seen.audited, 2);
	ck_assert_uint_eq(seen.findings, 2); /* an unknown spelling; an unlisted name */
}
END_TEST

START_TEST(enormous_fields)
{
	size_t big = 300 * 1024;
	char *text = malloc(2 * big + 4096);
	size_t n = (size_t)sprintf(text, HEADER ROW(1) "2,");
	memset(text + n, 'w', big);
	n += big;
	n += (size_t)sprintf(text + n, ",MANUAL,801,n,2026-10-05 10:00,X,5,s\n" ROW(3) "4,\"");
	memset(text + n, 'q', big);
	n += big;
	sprintf(text + n, "\",MANUAL,801,n,2026-10-05 10:00,X,5,s\n" ROW(5));
	ck_assert_int_eq(audit_file(testutil_gzip(text, 1)), 0);
	free(text);
	ck_assert_uint_eq(seen.read, 5);
	ck_assert_uint_eq(seen.rejected_by[REJ_FIELD_TOO_LARGE], 2);
	ck_assert_uint_eq(seen.audited, 3);
}
END_TEST

START_TEST(duplicate_runs)
{
	/* the same run with a finding twice, in one file and across members */
	const char *text = HEADER "9,Delete Users,MANUAL,801,\"Moody, Honor\",2026-10-05 10:00,X,5,s\n"
				  "9,Delete Users,MANUAL,801,\"Moody, Honor\",2026-10-05 10:00,X,5,s\n" ROW(1)
					  ROW(1);
	ck_assert_int_eq(audit_file(testutil_gzip(text, 3)), 0);
	ck_assert_uint_eq(seen.read, 4);
	ck_assert_uint_eq(seen.findings, 1);
	/* every run counts once, clean runs too: runs 9 and 1, each read twice */
	ck_assert_uint_eq(seen.skipped_by[SKIP_REPEAT], 2);
	ck_assert_uint_eq(seen.audited, 2);
}
END_TEST

/* A stray quote early in a 1,000-row export: one row rejected, the other
 * 999 audited, the audit incomplete (an error: status -1). */
START_TEST(stray_quote_loses_one_row)
{
	char *text = malloc(200000);
	size_t n = (size_t)sprintf(text, HEADER);
	for (int i = 1; i <= 1000; i++)
		n += (size_t)sprintf(text + n, "%d,%s,MANUAL,801,Moody Honor,2026-10-05 10:00,X,5,HD\n",
				     i, i == 3 ? "\"oops" : "Withdraw items");
	ck_assert_int_eq(audit_file(testutil_plain(text)), -1);
	ck_assert_int_eq(seen.incomplete, 1);
	ck_assert_uint_eq(seen.read, 1000);
	ck_assert_uint_eq(seen.rejected_by[REJ_UNTERMINATED], 1);
	ck_assert_uint_eq(seen.rejected, 1);
	ck_assert_uint_eq(seen.audited, 999);
	free(text);
}
END_TEST

START_TEST(truncated_corrupt_and_unreadable)
{
	char *text = malloc(400000);
	size_t n = (size_t)sprintf(text, HEADER);
	for (int i = 1; i <= 4000; i++)
		n += (size_t)sprintf(text + n, "%d,Withdraw items - %d,MANUAL,801,\"Moody, Honor\","
					       "2026-10-05 10:%02d,COMPLETED_SUCCESS,%d,HD\n",
				     i, i * 7, i % 60, i % 977);
	const char *whole = testutil_gzip(text, 1);
	ck_assert_int_eq(audit_file(testutil_gzip_cut(text, testutil_size(whole) / 3)), -1);
	ck_assert_int_eq(seen.incomplete, 1);
	ck_assert_uint_gt(seen.read, 0);
	ck_assert_uint_eq(seen.rejected_by[REJ_TRUNCATED], 1);

	char *bytes = testutil_read(whole);
	size_t size = testutil_size(whole);
	for (size_t i = size / 2; i < size / 2 + 32; i++)
		bytes[i] = (char)~bytes[i];
	const char *bad = testutil_path(".gz");
	FILE *f = fopen(bad, "wb");
	fwrite(bytes, 1, size, f);
	fclose(f);
	free(bytes);
	ck_assert_int_eq(audit_file(bad), -1);
	ck_assert_int_eq(seen.incomplete, 1);

	ck_assert_int_eq(audit_file("/"), -1);
	ck_assert_uint_eq(seen.read, 0);
	ck_assert_int_eq(audit_file("/nonexistent/file.csv"), -1);
	free(text);
}
END_TEST

/* 10,000 rows as one gzip member, and the number of rows wholly inflated
 * from its first `at` bytes. */
static const char *ten_thousand(size_t *size, char **textp)
{
	char *text = malloc(1500000);
	size_t n = (size_t)sprintf(text, HEADER);
	for (int i = 1; i <= 10000; i++)
		n += (size_t)sprintf(text + n, "%d,Withdraw items - %d,MANUAL,801,\"Moody, Honor\","
					       "2026-10-05 10:%02d,COMPLETED_SUCCESS,%d,HD\n",
				     i, i * 7, i % 60, i % 977);
	const char *path = testutil_gzip(text, 1);
	*size = testutil_size(path);
	*textp = text;
	return path;
}

static uint64_t rows_in(const char *text, size_t len)
{
	uint64_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	return lines - 1; /* the header */
}

START_TEST(rows_before_a_corrupt_block_are_all_read)
{
	size_t size;
	char *text;
	/* (scratch paths are reused after 64: keep copies) */
	char *whole = strdup(ten_thousand(&size, &text));
	char *bad = strdup(testutil_path(".gz"));
	char *bytes = testutil_read(whole);
	/* damage the middle of the compressed data where zlib notices at
	 * once (most damage inflates to garbage for a while first): the first
	 * place from the middle on where the damaged file inflates to less
	 * than 4 KiB past what the bytes before the damage give */
	size_t good = 0;
	int found = 0;
	for (size_t at = size / 2; at < size / 2 + 4096 && !found; at++) {
		good = testutil_gunzip_prefix(whole, at);
		for (size_t i = at; i < at + 4; i++)
			bytes[i] = (char)~bytes[i];
		FILE *f = fopen(bad, "wb");
		fwrite(bytes, 1, size, f);
		fclose(f);
		found = testutil_gunzip_prefix(bad, size) < good + 4096;
		for (size_t i = at; i < at + 4; i++)
			bytes[i] = (char)~bytes[i];
	}
	free(bytes);
	ck_assert(found);
	uint64_t intact = rows_in(text, good);
	ck_assert_uint_gt(intact, 3000);
	ck_assert_int_eq(audit_file(bad), -1);
	ck_assert_int_eq(seen.incomplete, 1);
	/* every row before the damage is read and audited (what inflate made
	 * of the damaged bytes before it noticed may add a row or two) */
	ck_assert_uint_ge(seen.audited, intact);
	ck_assert_uint_le(seen.read, intact + 100);
	ck_assert_uint_le(seen.rejected_by[REJ_TRUNCATED], 1);

	/* cut at the middle instead: exactly the rows inflated whole, and the
	 * one cut short rejected as truncated */
	const char *cut = testutil_gzip_cut(text, size / 2);
	good = testutil_gunzip_prefix(whole, size / 2);
	intact = rows_in(text, good);
	ck_assert_int_eq(audit_file(cut), -1);
	ck_assert_int_eq(seen.incomplete, 1);
	ck_assert_uint_eq(seen.audited, intact);
	ck_assert_uint_eq(seen.rejected, text[good - 1] != '\n');
	ck_assert_uint_eq(seen.rejected_by[REJ_TRUNCATED], text[good - 1] != '\n');
	free(text);
	free(whole);
	free(bad);
}
END_TEST

START_TEST(data_after_the_last_gzip_member)
{
	size_t size;
	char *text;
	static const char zeros[10240]; /* a tar record's padding */
	static const char member3[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x07\x00";
	const struct {
		const void *tail;
		size_t n;
	} tails[] = {{"plain text appended\n", 20}, {zeros, sizeof zeros}, {member3, 12}};
	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		const char *path = ten_thousand(&size, &text);
		free(text);
		testutil_append(path, tails[i].tail, tails[i].n);
		ck_assert_int_eq(audit_file(path), -1);
		ck_assert_int_eq(seen.incomplete, 1);
		ck_assert_uint_eq(seen.read, 10000);
		ck_assert_uint_eq(seen.audited, 10000);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc = tcase_create("hostile");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, empty_and_header_only);
	tcase_add_test(tc, stray_quote_loses_one_row);
	tcase_add_test(tc, bom_crlf_quoted_newlines_repeated_headers);
	tcase_add_test(tc, ragged_rows_and_bad_values);
	tcase_add_test(tc, nul_bytes_and_invalid_utf8);
	tcase_add_test(tc, enormous_fields);
	tcase_add_test(tc, duplicate_runs);
	tcase_add_test(tc, truncated_corrupt_and_unreadable);
	tcase_add_test(tc, rows_before_a_corrupt_block_are_all_read);
	tcase_add_test(tc, data_after_the_last_gzip_member);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
