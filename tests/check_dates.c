/* Unit tests of the times in an export (analyzer/cells_in.c, analyzer/ingest.c): US display
 * times with AM/PM, the run's time from start, submit or end time, the type from the job id,
 * slash dates month or day first per file and past the look-ahead, and the cell readers alone
 * (ids, times, statuses, job-id types, percents, dates). */
#include "cells_in.h"
#include "columns.h"
#include "csvrd.h"
#include "header.h"
#include "ingest.h"
#include "ingest_fixture.h"
#include "reader.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

START_TEST(display_layout_us_times_labels)
{
	const char *text = fixture_dump(testutil_plain(
		"Job Instance ID,Job ID,Job Name,Job Category,Job Type,Submitted By,Submitted By "
		"Name,Submit Date,Start Time,End Time,Status,Progress,Number of Records,Set Name\n"
		"61001,M26720,Withdraw items,Physical Items,Manual,80120017,\"Moody, Honor\","
		"10/25/2026 9:11 AM,10/25/2026 9:12 AM,10/25/2026 1:05 PM,Completed Successfully,"
		"100,\"40,112\",HD\n"
		"61002,S1,Publishing,Publishing,Scheduled,System,System,10/25/2026 12:00 AM,,,"
		"Completed with Warnings,100,7,\n"
		"61003,M1,X,Y,Manual,u1,\"B, A\",10/25/2026 12:00 PM,,,Aborted by User,10%,,\n"
		"61004,M1,X,Y,Other,u1,\"B, A\",10/25/2026 12:00 PM,,,Waiting for Input (2),,,\n"));
	ck_assert_str_eq(text,
			 "2|61001|M26720|Withdraw items|Physical Items|MANUAL|80120017|Moody, Honor|"
			 "2026-10-25T13:11:00Z|2026-10-25T13:12:00Z|2026-10-25T17:05:00Z|"
			 "COMPLETED_SUCCESS|100|40112|HD|production\n"
			 "3|61002|S1|Publishing|Publishing|SCHEDULED|System|System|"
			 "2026-10-25T04:00:00Z|-|-|COMPLETED_WARNING|100|7||production\n"
			 "4|61003|M1|X|Y|MANUAL|u1|B, A|2026-10-25T16:00:00Z|-|-|USER_ABORTED|10|-1||"
			 "production\n"
			 "5|61004|M1|X|Y|OTHER|u1|B, A|2026-10-25T16:00:00Z|-|-|WAITING_FOR_INPUT_2|-1|"
			 "-1||production\n");
}
END_TEST

START_TEST(time_fallback_and_job_id_type)
{
	const char *text = fixture_dump(testutil_plain(
		"id,job_id,name,submitted_by,submit_time,start_time,end_time\n"
		"1,S99,A,System,2026-10-05T10:00:00Z,,\n"
		"2,M7,B,u,2026-10-05T10:00:00Z,2026-10-05T10:05:00Z,\n"
		"3,O7,C,u,,,2026-10-05T10:09:00Z\n"));
	ck_assert_str_eq(text,
			 "2|1|S99|A||SCHEDULED|System||2026-10-05T10:00:00Z|-|-||-1|-1||production\n"
			 "3|2|M7|B||MANUAL|u||2026-10-05T10:00:00Z|2026-10-05T10:05:00Z|-||-1|-1||"
			 "production\n"
			 "4|3|O7|C||OTHER|u||-|-|2026-10-05T10:09:00Z||-1|-1||production\n");
	/* the run's time: start, else submit, else end */
	struct run r;
	fx.in = fx.in ? fx.in : ingest_new(NULL, &fx.tally, NULL);
	ck_assert_int_eq(ingest_open(fx.in, testutil_plain("id,name,submitted_by,submit_time,"
							   "start_time\n"
							   "1,A,u,2026-10-05T10:00:00Z,\n"
							   "2,A,u,2026-10-05T10:00:00Z,"
							   "2026-10-05T11:00:00Z\n"),
				     RUN_SANDBOX),
			 0);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.time, r.submit_time);
	ck_assert_int_eq(r.env, RUN_SANDBOX);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.time, r.start_time);
	ck_assert_int_eq(ingest_next(fx.in, &r), 0);
	/* the type read from the job id is marked so (runs --explain says it) */
	ck_assert_int_eq(ingest_open(fx.in, testutil_plain("id,job_id,type,name,submitted_by,"
							   "start_time\n"
							   "1,S99,,A,u,2026-10-05T10:00:00Z\n"
							   "2,S99,SCHEDULED,A,u,2026-10-05T10:00:00Z\n"),
				     RUN_PRODUCTION),
			 0);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.type, RUN_SCHEDULED);
	ck_assert_int_eq(r.type_from_job_id, 1);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.type, RUN_SCHEDULED);
	ck_assert_int_eq(r.type_from_job_id, 0);
	ck_assert_int_eq(ingest_next(fx.in, &r), 0);
	/* and to the millisecond, from the same column */
	ck_assert_int_eq(ingest_open(fx.in, testutil_plain("id,name,submitted_by,submit_time,"
							   "start_time\n"
							   "1,A,u,2026-10-05T10:00:00.250Z,\n"
							   "2,A,u,2026-10-05T10:00:00Z,"
							   "2026-10-05T11:00:00.5Z\n"),
				     RUN_SANDBOX),
			 0);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.time_ms, r.submit_time * 1000 + 250);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.time_ms, r.start_time * 1000 + 500);
	ck_assert_int_eq(ingest_next(fx.in, &r), 0);
}
END_TEST

/* Slash dates: month first unless a date proves day first; the rows before
 * that date are held and read with the reading it proved; a later date
 * against the reading rejects its row; each production file's span is its
 * first and last run. */
START_TEST(slash_dates_read_per_file)
{
	testutil_stderr_begin();
	const char *text = fixture_dump(testutil_plain("id,name,submitted_by,start_time\n"
					       "1,A,u,05/10/2026 09:00\n"
					       "2,A,u,2026-10-07T10:00:00Z\n"
					       "3,A,u,06/10/2026 9:00 PM\n"
					       "4,A,u,25/10/2026 10:00\n"
					       "5,A,u,10/26/2026 10:00\n"
					       "6,A,u,12/10/2026 10:00\n"));
	ck_assert_str_eq(text, "2|1||A|||u||-|2026-10-05T13:00:00Z|-||-1|-1||production\n"
			       "3|2||A|||u||-|2026-10-07T10:00:00Z|-||-1|-1||production\n"
			       "4|3||A|||u||-|2026-10-07T01:00:00Z|-||-1|-1||production\n"
			       "5|4||A|||u||-|2026-10-25T14:00:00Z|-||-1|-1||production\n"
			       "7|6||A|||u||-|2026-10-12T14:00:00Z|-||-1|-1||production\n");
	testutil_stderr_end();
	const struct tally_file *f = &fx.tally.files[0];
	ck_assert_int_eq(f->slash, 2);
	ck_assert_int_eq(f->slash_line, 5);
	ck_assert_str_eq(f->slash_date, "25/10/2026");
	ck_assert_int_eq(f->date_conflict, 6);
	ck_assert_uint_eq(fx.tally.rejected[REJ_DATE_ORDER], 1);
	char a[32], b[32];
	times_format_utc(f->first, a, sizeof a);
	times_format_utc(f->last, b, sizeof b);
	ck_assert_str_eq(a, "2026-10-05T13:00:00Z");
	ck_assert_str_eq(b, "2026-10-25T14:00:00Z");
	/* month first: proved, or by default when no date says */
	fixture_dump(testutil_plain("id,name,submitted_by,start_time\n1,A,u,10/05/2026 09:00\n"
			    "2,A,u,10/25/2026 09:00\n"));
	ck_assert_int_eq(fx.tally.files[1].slash, 1);
	ck_assert_int_eq(fx.tally.files[1].slash_line, 3);
	fixture_dump(testutil_plain("id,name,submitted_by,start_time\n1,A,u,10/05/2026 09:00\n"));
	ck_assert_int_eq(fx.tally.files[2].slash, 1);
	ck_assert_int_eq(fx.tally.files[2].slash_line, 0);
	fixture_dump(testutil_plain("id,name,submitted_by,start_time\n1,A,u,2026-10-05 09:00\n"));
	ck_assert_int_eq(fx.tally.files[3].slash, 0);
}
END_TEST

/* Past the look-ahead (10,000 rows) with no date that says, the file is
 * read month first; a day-first date after that is an error at its line. */
START_TEST(slash_dates_past_the_lookahead)
{
	size_t rows = 10050, n = 0;
	char *text = malloc(rows * 48 + 64);
	n += (size_t)sprintf(text, "id,name,submitted_by,start_time\n");
	for (size_t i = 1; i <= rows; i++)
		n += (size_t)sprintf(text + n, "%zu,A,u,%s 09:00\n", i,
				     i == rows ? "25/10/2026" : "10/05/2026");
	int status;
	fx.in = ingest_new(&fx.cols, &fx.tally, NULL);
	ck_assert_int_eq(ingest_open(fx.in, testutil_plain(text), RUN_PRODUCTION), 0);
	struct run r;
	size_t got = 0;
	testutil_stderr_begin();
	while ((status = ingest_next(fx.in, &r)) > 0)
		got++;
	const char *err = testutil_stderr_end();
	ck_assert_int_eq(status, 0);
	ck_assert_uint_eq(got, rows - 1);
	ck_assert_int_eq(fx.tally.files[0].slash, 1);
	ck_assert_int_eq(fx.tally.files[0].slash_line, 0);
	ck_assert_int_eq(fx.tally.files[0].date_conflict, (long)rows + 1);
	ck_assert_msg(strstr(err, ":10051: start_time '25/10/2026' is day first, but the file's dates "
				  "were read month first (no date in its first 10000 rows said which)"),
		      "%s", err);
	free(text);
}
END_TEST

/* The cell readers alone: ids at every length around eight and nineteen
 * digits, a time against the file's reading, statuses, job-id types, API
 * progress numbers. */
START_TEST(cells_read_alone)
{
	uint64_t v = 7;
	ck_assert_int_eq(cells_in_id(" 12345678 ", 10, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 12345678u);
	ck_assert_int_eq(cells_in_id("1234567890123456789", 19, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 1234567890123456789u);
	ck_assert_int_eq(cells_in_id("18446744073709551615", 20, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, UINT64_MAX);
	v = 7;
	ck_assert_int_eq(cells_in_id("18446744073709551616", 20, UINT64_MAX, &v), -1);
	ck_assert_int_eq(cells_in_id("1234567/9", 9, UINT64_MAX, &v), -1);
	ck_assert_int_eq(cells_in_id("12:45678", 8, UINT64_MAX, &v), -1);
	ck_assert_int_eq(cells_in_id("", 0, UINT64_MAX, &v), -1);
	ck_assert_int_eq(cells_in_id("101", 3, 100, &v), -1);
	ck_assert_uint_eq(v, 7u);

	int64_t secs, ms;
	ck_assert_int_eq(cells_in_time("  ", 2, 0, &secs, &ms), 0);
	ck_assert(secs == TIME_NONE && ms == TIME_NONE);
	ck_assert_int_eq(cells_in_time("2026-10-05T09:11:32.592Z", 24, 0, &secs, &ms), 0);
	ck_assert_int_eq(ms, 1791191492592);
	ck_assert_int_eq(secs, 1791191492);
	ck_assert_int_eq(cells_in_time("25/10/2026 10:00", 16, 1, &secs, &ms), -2);
	ck_assert_int_eq(cells_in_time("25/10/2026 10:00", 16, 2, &secs, &ms), 0);
	ck_assert_int_eq(cells_in_time("10/25/2026 10:00", 16, 2, &secs, &ms), -2);
	ck_assert_int_eq(cells_in_time("yesterday", 9, 0, &secs, &ms), -1);

	ck_assert_int_eq(cells_in_bad_status("#N/A", 4), 1);
	ck_assert_int_eq(cells_in_bad_status("=A2", 3), 1);
	ck_assert_int_eq(cells_in_bad_status("42", 2), 1);
	ck_assert_int_eq(cells_in_bad_status("", 0), 0);
	ck_assert_int_eq(cells_in_bad_status("COMPLETED_SUCCESS", 17), 0);

	ck_assert_int_eq(cells_in_type_of_job_id("M26720"), RUN_MANUAL);
	ck_assert_int_eq(cells_in_type_of_job_id("S375"), RUN_SCHEDULED);
	ck_assert_int_eq(cells_in_type_of_job_id("O1"), RUN_OTHER);
	ck_assert_int_eq(cells_in_type_of_job_id("MX"), RUN_TYPE_UNKNOWN);
	ck_assert_int_eq(cells_in_type_of_job_id("X1"), RUN_TYPE_UNKNOWN);
	ck_assert_int_eq(cells_in_type_of_job_id(""), RUN_TYPE_UNKNOWN);

	char pc[24];
	static const char *const percents[][2] = {
		{"100", "100"}, {"0", "0"}, {"37", "37"}, {"37.5", "37"}, {"007", "7"},
		{"99.99", "99"}, {"1e2", "100"}, {"100.0", "100"},
	};
	for (size_t i = 0; i < sizeof percents / sizeof percents[0]; i++) {
		ck_assert_int_eq(cells_in_percent(percents[i][0], strlen(percents[i][0]), pc, sizeof pc), 0);
		ck_assert_str_eq(pc, percents[i][1]);
	}
	ck_assert_int_eq(cells_in_percent("101", 3, pc, sizeof pc), -1);
	ck_assert_int_eq(cells_in_percent("-1", 2, pc, sizeof pc), -1);
	ck_assert_int_eq(cells_in_percent("1x", 2, pc, sizeof pc), -1);
	ck_assert_int_eq(cells_in_percent("", 0, pc, sizeof pc), -1);

	char date[24];
	cells_in_date_text(date, sizeof date, " 25/10/2026 10:00", 17);
	ck_assert_str_eq(date, "25/10/2026");
	cells_in_date_text(date, sizeof date, "2026-10-05T09:11Z", 17);
	ck_assert_str_eq(date, "2026-10-05");
}
END_TEST


int main(void)
{
	Suite *s = suite_create("dates");
	TCase *tc = tcase_create("dates");
	tcase_add_checked_fixture(tc, fixture_setup, fixture_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, display_layout_us_times_labels);
	tcase_add_test(tc, time_fallback_and_job_id_type);
	tcase_add_test(tc, slash_dates_read_per_file);
	tcase_add_test(tc, slash_dates_past_the_lookahead);
	tcase_add_test(tc, cells_read_alone);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
