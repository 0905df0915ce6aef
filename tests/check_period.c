/* Unit tests of analyzer/period.c for the morning after a bad batch:
 * weekday keywords from each day of the week, one-day periods by date,
 * times of day in --since and --until (until inclusive to the minute or the
 * second given), and the daylight-saving edges of New York. */
#include "period.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

static int64_t day(const char *ymd)
{
	int y, m, d;
	ck_assert_int_eq(times_parse_date(ymd, strlen(ymd), &y, &m, &d), 0);
	return times_days_from_civil(y, m, d);
}

static const char *utc(int64_t t)
{
	static char buf[2][32];
	static int i;
	i = !i;
	times_format_utc(t, buf[i], sizeof buf[i]);
	return buf[i];
}

/* The period's text, or "error". */
static const char *span(const char *period, const char *since, const char *until,
			const char *today)
{
	static char text[128];
	struct period p;
	if (period_set(&p, period, since, until, day(today)) != 0)
		return "error";
	period_text(&p, text, sizeof text);
	return text;
}

static void setup(void)
{
	ck_assert_int_eq(times_set_zone("America/New_York"), 0);
}

static const char *const names[7] = {"sunday",	 "monday", "tuesday", "wednesday",
				     "thursday", "friday", "saturday"};

START_TEST(weekdays_from_each_day_of_the_week)
{
	/* today Sunday 2026-10-11 ... Saturday 2026-10-17: each keyword names a
	 * day 1 to 7 days back that falls on that weekday, never today */
	for (int t = 0; t < 7; t++) {
		int64_t today = day("2026-10-11") + t;
		for (int w = 0; w < 7; w++) {
			struct period p;
			ck_assert_int_eq(period_set(&p, names[w], NULL, NULL, today), 0);
			ck_assert_int_eq(p.first_day, p.last_day);
			int64_t back = today - p.first_day;
			ck_assert_msg(back >= 1 && back <= 7, "%s from day %d: %lld days back",
				      names[w], t, (long long)back);
			int y, m, d;
			struct times_parts parts;
			times_civil_from_days(p.first_day, &y, &m, &d);
			times_local_parts(times_from_local(y, m, d, 12, 0, 0), &parts);
			ck_assert_int_eq(parts.weekday, w);
			ck_assert_str_eq(p.name, names[w]);
		}
	}
	/* Wednesday 21 October: tuesday is yesterday, wednesday a week ago */
	ck_assert_str_eq(span("tuesday", NULL, NULL, "2026-10-21"),
			 "2026-10-20 to 2026-10-20 (tuesday)");
	ck_assert_str_eq(span("wednesday", NULL, NULL, "2026-10-21"),
			 "2026-10-14 to 2026-10-14 (wednesday)");
	ck_assert_str_eq(span("thursday", NULL, NULL, "2026-10-21"),
			 "2026-10-15 to 2026-10-15 (thursday)");
	/* across a month's and a year's turn */
	ck_assert_str_eq(span("sunday", NULL, NULL, "2026-01-02"),
			 "2025-12-28 to 2025-12-28 (sunday)");
	testutil_stderr_begin();
	ck_assert_str_eq(span("Tuesday", NULL, NULL, "2026-10-21"), "error");
	ck_assert_str_eq(span("tues", NULL, NULL, "2026-10-21"), "error");
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "almaudit: --period wants today, yesterday, monday ... sunday, "),
		      "%s", err);
	ck_assert_msg(strstr(err, "YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, not 'tues'\n"), "%s", err);
}
END_TEST

START_TEST(one_day_by_date)
{
	struct period p;
	ck_assert_int_eq(period_set(&p, "2026-10-14", NULL, NULL, 0), 0);
	ck_assert_str_eq(span("2026-10-14", NULL, NULL, "2026-11-02"),
			 "2026-10-14 to 2026-10-14 (2026-10-14)");
	ck_assert_str_eq(utc(p.from), "2026-10-14T04:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-10-15T04:00:00Z");
	ck_assert(period_has(&p, p.to - 1));
	ck_assert(!period_has(&p, p.to));
	ck_assert(!period_has(&p, p.from - 1));
	testutil_stderr_begin();
	ck_assert_str_eq(span("2026-02-30", NULL, NULL, "2026-11-02"), "error");
	ck_assert_str_eq(span("2026-10-1", NULL, NULL, "2026-11-02"), "error");
	ck_assert_str_eq(span("2026-10-14 09:00", NULL, NULL, "2026-11-02"), "error");
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "not '2026-02-30'\n"), "%s", err);
	ck_assert_msg(strstr(err, "not '2026-10-14 09:00'\n"), "%s", err);
}
END_TEST

START_TEST(times_in_since_and_until)
{
	struct period p;
	/* since from the minute given; until to the end of its minute */
	ck_assert_int_eq(period_set(&p, NULL, "2026-10-14 09:00", "2026-10-14 17:00", 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-10-14T13:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-10-14T21:01:00Z");
	ck_assert(period_has(&p, p.from));
	ck_assert(!period_has(&p, p.from - 1));
	int64_t t;
	ck_assert_int_eq(times_parse("2026-10-14 17:00:59", 19, &t), 0);
	ck_assert(period_has(&p, t));
	ck_assert(!period_has(&p, t + 1));
	ck_assert_int_eq(p.first_day, day("2026-10-14"));
	ck_assert_int_eq(p.last_day, day("2026-10-14"));
	ck_assert_str_eq(span(NULL, "2026-10-14 09:00", "2026-10-14 17:00", "2026-11-02"),
			 "2026-10-14 09:00 to 2026-10-14 17:00");
	/* the json report's name says the times */
	ck_assert_str_eq(p.name, "2026-10-14 09:00 to 2026-10-14 17:00");
	/* with seconds: to the end of that second; a T between date and time */
	ck_assert_int_eq(period_set(&p, NULL, "2026-10-14T09:00:30", "2026-10-14 17:00:30", 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-10-14T13:00:30Z");
	ck_assert_str_eq(utc(p.to), "2026-10-14T21:00:31Z");
	/* a time on one side, a date on the other */
	ck_assert_str_eq(span(NULL, "2026-10-14 09:00", NULL, "2026-11-02"),
			 "from 2026-10-14 09:00");
	ck_assert_str_eq(span(NULL, NULL, "2026-10-14 17:00", "2026-11-02"),
			 "until 2026-10-14 17:00");
	ck_assert_int_eq(period_set(&p, NULL, "2026-10-13", "2026-10-14 08:00", 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-10-13T04:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-10-14T12:01:00Z");
	/* one minute is a period; a minute before is not */
	ck_assert_int_eq(period_set(&p, NULL, "2026-10-14 09:00", "2026-10-14 09:00", 0), 0);
	ck_assert_int_eq(p.to - p.from, 60);
	testutil_stderr_begin();
	ck_assert_str_eq(span(NULL, "2026-10-14 09:00", "2026-10-14 08:59", "2026-11-02"), "error");
	ck_assert_str_eq(span(NULL, "2026-10-14 9:00", NULL, "2026-11-02"), "error");
	ck_assert_str_eq(span(NULL, "2026-10-14 24:00", NULL, "2026-11-02"), "error");
	ck_assert_str_eq(span(NULL, NULL, "2026-10-14 09:60", "2026-11-02"), "error");
	ck_assert_str_eq(span(NULL, "2026-10-14_09:00", NULL, "2026-11-02"), "error");
	ck_assert_str_eq(span(NULL, "2026-10-14 09:00:5", NULL, "2026-11-02"), "error");
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "almaudit: --until 2026-10-14 08:59 is before --since 2026-10-14 "
				  "09:00\n"),
		      "%s", err);
	ck_assert_msg(strstr(err, "almaudit: --since wants a date as YYYY-MM-DD, a date and a "
				  "time of day as \"YYYY-MM-DD HH:MM\", or a time as the exports "
				  "write it (2026-10-05T09:11:32Z, \"10/05/2026 9:11 AM\"), not "
				  "'2026-10-14 9:00'\n"),
		      "%s", err);
	ck_assert_msg(strstr(err, "--until wants a date as YYYY-MM-DD, a date and a time of day "
				  "as \"YYYY-MM-DD HH:MM\", or a time as the exports write it "
				  "(2026-10-05T09:11:32Z, \"10/05/2026 9:11 AM\"), not "
				  "'2026-10-14 09:60'\n"),
		      "%s", err);
}
END_TEST

/* --since and --until take every time form the exports take: ISO 8601 with
 * Z or an offset (to the second when seconds are given), the UI's
 * "10/14/2026 9:00 AM", a slash date alone (month first, day first when
 * the first number is over 12). */
START_TEST(export_time_forms_in_since_and_until)
{
	struct period p;
	ck_assert_int_eq(period_set(&p, NULL, "2026-10-14T13:00:00Z", "2026-10-14T21:00:00.5Z", 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-10-14T13:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-10-14T21:00:01Z");
	ck_assert_str_eq(p.since_clock, "09:00:00");
	ck_assert_int_eq(period_set(&p, NULL, "2026-10-14T09:00-04:00", NULL, 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-10-14T13:00:00Z");
	ck_assert_str_eq(p.since_clock, "09:00");
	ck_assert_int_eq(period_set(&p, NULL, "10/14/2026 9:00 AM", "10/14/2026 5:00 PM", 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-10-14T13:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-10-14T21:01:00Z");
	ck_assert_int_eq(period_set(&p, NULL, "10/08/2026", "25/10/2026", 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-10-08T04:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-10-26T04:00:00Z");
	ck_assert_str_eq(span(NULL, "2026-10-14 09:00 ", NULL, "2026-11-02"),
			 "from 2026-10-14 09:00");
	testutil_stderr_begin();
	ck_assert_int_eq(period_set(&p, NULL, "13/13/2026", NULL, 0), -1);
	ck_assert_int_eq(period_set(&p, NULL, "2026-10-14T25:00Z", NULL, 0), -1);
	testutil_stderr_end();
}
END_TEST

START_TEST(new_york_daylight_saving_edges)
{
	struct period p;
	/* 8 March 2026 is 23 hours long, 1 November 25 */
	ck_assert_int_eq(period_set(&p, "2026-03-08", NULL, NULL, 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-03-08T05:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-03-09T04:00:00Z");
	ck_assert_int_eq(p.to - p.from, 23 * 3600);
	ck_assert_int_eq(period_set(&p, "2026-11-01", NULL, NULL, 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-11-01T04:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-11-02T05:00:00Z");
	ck_assert_int_eq(p.to - p.from, 25 * 3600);
	/* the weekday that names it: Sunday 1 November, asked on Tuesday the 3rd */
	ck_assert_int_eq(period_set(&p, "sunday", NULL, NULL, day("2026-11-03")), 0);
	ck_assert_str_eq(utc(p.from), "2026-11-01T04:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-11-02T05:00:00Z");
	/* a skipped time (02:30 on 8 March) is read with the offset before the
	 * change: 03:30 summer time */
	ck_assert_int_eq(period_set(&p, NULL, "2026-03-08 02:30", "2026-03-08 03:30", 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-03-08T07:30:00Z");
	ck_assert_str_eq(utc(p.to), "2026-03-08T07:31:00Z");
	/* until the minute before the change: to 03:00 summer time */
	ck_assert_int_eq(period_set(&p, NULL, "2026-03-08 01:00", "2026-03-08 01:59", 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-03-08T06:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-03-08T07:00:00Z");
	/* a repeated time (01:30 on 1 November) is its first occurrence,
	 * summer time; until it, to the end of that minute */
	ck_assert_int_eq(period_set(&p, NULL, "2026-11-01 01:30", "2026-11-01 01:30", 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-11-01T05:30:00Z");
	ck_assert_str_eq(utc(p.to), "2026-11-01T05:31:00Z");
	/* until 01:59 on the long night ends at the first 02:00 (06:00Z): the
	 * repeated hour, 01:00 to 01:59 standard time, is after it */
	ck_assert_int_eq(period_set(&p, NULL, "2026-11-01 00:00", "2026-11-01 01:59", 0), 0);
	ck_assert_str_eq(utc(p.from), "2026-11-01T04:00:00Z");
	ck_assert_str_eq(utc(p.to), "2026-11-01T06:00:00Z");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("period");
	TCase *tc = tcase_create("period");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, weekdays_from_each_day_of_the_week);
	tcase_add_test(tc, one_day_by_date);
	tcase_add_test(tc, times_in_since_and_until);
	tcase_add_test(tc, new_york_daylight_saving_edges);
	tcase_add_test(tc, export_time_forms_in_since_and_until);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
