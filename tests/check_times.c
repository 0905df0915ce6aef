/* Unit tests of analyzer/times.c: each timestamp format, zones, and the
 * daylight-saving edges. */
#include "times.h"

#include <check.h>

#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t parse(const char *s)
{
	int64_t t = 0;
	ck_assert_msg(times_parse(s, strlen(s), &t) == 0, "'%s' should parse", s);
	return t;
}

static void bad(const char *s)
{
	int64_t t = 0;
	ck_assert_msg(times_parse(s, strlen(s), &t) == -1, "'%s' should not parse", s);
}

static const char *utc(int64_t t)
{
	static char buf[32];
	times_format_utc(t, buf, sizeof buf);
	return buf;
}

static const char *local(int64_t t)
{
	static char buf[32];
	times_format_local(t, buf, sizeof buf);
	return buf;
}

static void ny(void)
{
	ck_assert_int_eq(times_set_zone("America/New_York"), 0);
}

START_TEST(iso_with_z_and_millis)
{
	ny();
	ck_assert_str_eq(utc(parse("2026-10-05T09:11:32.592Z")), "2026-10-05T09:11:32Z");
	ck_assert_str_eq(utc(parse("2026-10-05T09:11:32Z")), "2026-10-05T09:11:32Z");
	ck_assert_str_eq(utc(parse("  2026-10-05T09:11Z ")), "2026-10-05T09:11:00Z");
	ck_assert_int_eq(parse("1970-01-01T00:00:00Z"), 0);
}
END_TEST

/* The millisecond parser keeps the fraction, cut to three digits; the
 * seconds parser is the second the fraction falls in. */
START_TEST(millis_kept)
{
	int64_t ms;
	ny();
	ck_assert_int_eq(times_parse_ms("2026-10-05T09:11:32.592Z", 24, &ms), 0);
	ck_assert_int_eq(ms, parse("2026-10-05T09:11:32Z") * 1000 + 592);
	ck_assert_int_eq(times_parse_ms("2026-10-05T09:11:32.5Z", 22, &ms), 0);
	ck_assert_int_eq(ms % 1000, 500);
	ck_assert_int_eq(times_parse_ms("2026-10-05T09:11:32,123456789Z", 30, &ms), 0);
	ck_assert_int_eq(ms % 1000, 123);
	ck_assert_int_eq(times_parse_ms("2026-10-05 05:11:32.07", 22, &ms), 0);
	ck_assert_int_eq(ms, parse("2026-10-05T09:11:32Z") * 1000 + 70);
	ck_assert_int_eq(times_parse_ms("10/05/2026 5:11:32.9 AM", 23, &ms), 0);
	ck_assert_int_eq(ms, parse("2026-10-05T09:11:32Z") * 1000 + 900);
	ck_assert_int_eq(times_parse_ms("2026-10-05T09:11Z", 17, &ms), 0);
	ck_assert_int_eq(ms, parse("2026-10-05T09:11:00Z") * 1000);
	/* before 1970 the second is the one the fraction falls in, too */
	ck_assert_int_eq(parse("1969-12-31T23:59:59.5Z"), -1);
	ck_assert_int_eq(times_parse_ms("1969-12-31T23:59:59.5Z", 22, &ms), 0);
	ck_assert_int_eq(ms, -500);
	ck_assert_int_eq(times_parse_ms("2026-10-05T09:11:32.1234567890Z", 31, &ms), -1);
	ck_assert_int_eq(times_parse_ms("2026-10-05T09:11:32.Z", 21, &ms), -1);
}
END_TEST

/* The UTC form exports write ("2026-10-05T09:11:32.592Z") is read by
 * columns, the date's day remembered from the last: what it gives for
 * every such text, read or refused, is what the general reader gives for
 * the same time written "+00:00"; slash orders are as the general reader
 * finds them too. */
START_TEST(utc_form_read_as_the_general_reader_reads_it)
{
	static const char *const dates[] = {"2026-10-05", "2026-10-05", "2026-02-28", "2024-02-29",
					    "2026-02-29", "2026-13-01", "1899-12-31", "9999-12-31",
					    "2026-1O-05", "20261-0-05", "2026-04-31", "1970-01-01"};
	static const char *const clocks[] = {"09:11:32.592", "23:59:60.000", "24:00:00.000",
					     "09:60:00.000", "09:11:32",     "00:00:00.5x1",
					     "9:11:32.5920", "09:11:3a",     "09:11:32.000",
					     "12:00:00.999", "09;11:32.000", "09:1/:32.000",
					     "09:11::2.000", "0\x80:11:32.000", "09:11:32.0:0"};
	uint64_t rng = 3;
	ny();
	for (int i = 0; i < 4000; i++) {
		rng = rng * 6364136223846793005ull + 1442695040888963407ull;
		const char *d = dates[(rng >> 33) % (sizeof dates / sizeof dates[0])];
		const char *c = clocks[(rng >> 45) % (sizeof clocks / sizeof clocks[0])];
		char sep = (rng >> 60) & 1 ? 'T' : ' ';
		char z[40], o[48];
		int64_t a = 1, b = 2;
		snprintf(z, sizeof z, "%s%c%sZ", d, sep, c);
		snprintf(o, sizeof o, "%s%c%s+00:00", d, sep, c);
		int ra = times_parse_ms(z, strlen(z), &a), rb = times_parse_ms(o, strlen(o), &b);
		ck_assert_msg(ra == rb, "'%s': %d, '%s': %d", z, ra, o, rb);
		if (ra == 0)
			ck_assert_msg(a == b, "'%s' %lld vs %lld", z, (long long)a, (long long)b);
	}
	ck_assert_int_eq(times_slash_order("2026-10-05T09:11:32Z", 20), TIMES_SLASH_NONE);
	ck_assert_int_eq(times_slash_order("25/10/2026 09:11", 16), TIMES_SLASH_DAY_FIRST);
	ck_assert_int_eq(times_slash_order("5/10/2026 09:11", 15), TIMES_SLASH_EITHER);
	ck_assert_int_eq(times_slash_order(" 5/25/2026", 10), TIMES_SLASH_MONTH_FIRST);
	ck_assert_int_eq(times_slash_order("5/", 2), TIMES_SLASH_NONE);
}
END_TEST

START_TEST(iso_with_offsets)
{
	ny();
	ck_assert_str_eq(utc(parse("2026-10-05T09:11:32+02:00")), "2026-10-05T07:11:32Z");
	ck_assert_str_eq(utc(parse("2026-10-05T09:11:32-0430")), "2026-10-05T13:41:32Z");
	ck_assert_str_eq(utc(parse("2026-10-05T09:11:32+05")), "2026-10-05T04:11:32Z");
	ck_assert_str_eq(utc(parse("2026-10-05 09:11:32.5+00:00")), "2026-10-05T09:11:32Z");
	bad("2026-10-05T09:11:32+25:00");
	bad("2026-10-05T09:11:32+2");
}
END_TEST

START_TEST(local_iso_forms)
{
	ny();
	/* October: EDT, UTC-4 */
	ck_assert_str_eq(utc(parse("2026-10-05 09:11")), "2026-10-05T13:11:00Z");
	ck_assert_str_eq(utc(parse("2026-10-05 09:11:07")), "2026-10-05T13:11:07Z");
	ck_assert_str_eq(utc(parse("2026-10-05T09:11:07")), "2026-10-05T13:11:07Z");
	/* January: EST, UTC-5 */
	ck_assert_str_eq(utc(parse("2026-01-05 09:11")), "2026-01-05T14:11:00Z");
}
END_TEST

START_TEST(us_forms)
{
	ny();
	ck_assert_str_eq(utc(parse("10/05/2026 09:11")), "2026-10-05T13:11:00Z");
	ck_assert_str_eq(utc(parse("10/05/2026 21:11:09")), "2026-10-06T01:11:09Z");
	ck_assert_str_eq(utc(parse("1/5/2026 9:11 AM")), "2026-01-05T14:11:00Z");
	ck_assert_str_eq(utc(parse("10/05/2026 9:11 PM")), "2026-10-06T01:11:00Z");
	ck_assert_str_eq(utc(parse("10/05/2026 12:00 AM")), "2026-10-05T04:00:00Z");
	ck_assert_str_eq(utc(parse("10/05/2026 12:30 pm")), "2026-10-05T16:30:00Z");
	ck_assert_str_eq(utc(parse("10/05/2026 9:11:30 AM")), "2026-10-05T13:11:30Z");
	bad("10/05/2026 0:11 AM");
	bad("10/05/2026 13:11 PM");
	bad("10/05/26 09:11");
}
END_TEST

START_TEST(impossible_dates_and_junk)
{
	ny();
	bad("");
	bad("   ");
	bad("yesterday");
	bad("2026-02-29 10:00");
	bad("2026-13-01 10:00");
	bad("2026-00-10 10:00");
	bad("2026-04-31T10:00:00Z");
	bad("2026-10-05 24:00");
	bad("2026-10-05 10:60");
	bad("10/32/2026 9:61 AM");
	bad("2026-10-05");
	bad("2026-10-05 10:00 junk");
	bad("2026-10-05T10:00:00.Z");
	ck_assert_str_eq(utc(parse("2028-02-29 10:00")), "2028-02-29T15:00:00Z");
	ck_assert_str_eq(utc(parse("2000-02-29T10:00:00Z")), "2000-02-29T10:00:00Z");
	bad("1900-02-29T10:00:00Z");
}
END_TEST

START_TEST(spring_forward_gap)
{
	ny();
	/* 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT */
	ck_assert_str_eq(utc(parse("2026-03-08 01:59")), "2026-03-08T06:59:00Z");
	/* 02:30 never happened; read with the offset before the change */
	ck_assert_str_eq(utc(parse("2026-03-08 02:30")), "2026-03-08T07:30:00Z");
	ck_assert_str_eq(utc(parse("2026-03-08 03:00")), "2026-03-08T07:00:00Z");
	ck_assert_str_eq(local(parse("2026-03-08 03:00")), "2026-03-08 03:00");
}
END_TEST

START_TEST(fall_back_repeat)
{
	ny();
	/* 2026-11-01: clocks go back from 02:00 EDT to 01:00 EST; 01:30
	 * happens twice and reads as the first (EDT) */
	ck_assert_str_eq(utc(parse("2026-11-01 00:59")), "2026-11-01T04:59:00Z");
	ck_assert_str_eq(utc(parse("2026-11-01 01:30")), "2026-11-01T05:30:00Z");
	ck_assert_str_eq(utc(parse("2026-11-01 02:00")), "2026-11-01T07:00:00Z");
	ck_assert_str_eq(utc(parse("11/01/2026 2:30 AM")), "2026-11-01T07:30:00Z");
	/* the second 01:30 (EST) prints as 01:30 local too */
	ck_assert_str_eq(local(parse("2026-11-01T06:30:00Z")), "2026-11-01 01:30");
	ck_assert_str_eq(local(parse("2026-11-01T05:30:00Z")), "2026-11-01 01:30");
}
END_TEST

START_TEST(other_zones)
{
	ck_assert_int_eq(times_set_zone("UTC"), 0);
	ck_assert_str_eq(utc(parse("2026-10-05 09:11")), "2026-10-05T09:11:00Z");
	ck_assert_int_eq(times_set_zone("Asia/Kolkata"), 0);
	ck_assert_str_eq(utc(parse("2026-10-05 09:11")), "2026-10-05T03:41:00Z");
	ck_assert_int_eq(times_set_zone("Europe/London"), 0);
	ck_assert_str_eq(utc(parse("2026-10-25 01:30")), "2026-10-25T00:30:00Z");
	ck_assert_str_eq(utc(parse("2026-10-26 01:30")), "2026-10-26T01:30:00Z");
	ck_assert_str_eq(times_zone_name(), "Europe/London");
	/* the same wall time means another instant in another zone */
	ck_assert_int_eq(times_set_zone("Australia/Lord_Howe"), 0);
	ck_assert_str_eq(utc(parse("2026-01-05 09:11")), "2026-01-04T22:11:00Z");
}
END_TEST

START_TEST(unknown_zone_rejected)
{
	ck_assert_int_eq(times_set_zone("Mars/Olympus_Mons"), -1);
	ck_assert_int_eq(times_set_zone("../../etc/passwd"), -1);
	ck_assert_int_eq(times_set_zone(""), -1);
	ck_assert_int_eq(times_set_zone("EST5EDT"), 0);
}
END_TEST

/* UTC in any case; a file of the zoneinfo directory that is no TZif file,
 * or a directory, is no zone; POSIX TZ strings are checked whole. */
START_TEST(zone_names_checked)
{
	const char *utc[] = {"utc", "Utc", "UTC", ":utc"};
	for (size_t i = 0; i < sizeof utc / sizeof utc[0]; i++) {
		ck_assert_msg(times_set_zone(utc[i]) == 0, "%s", utc[i]);
		ck_assert_str_eq(times_zone_name(), "UTC");
	}
	const char *good[] = {"America/New_York", "Etc/UTC", "EST5EDT", "<+03>-3",
			      "CET-1CEST,M3.5.0,M10.5.0/3", "JST-9"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(times_set_zone(good[i]) == 0, "%s", good[i]);
	const char *bad_zones[] = {"zone.tab", "zone1970.tab", "iso3166.tab", "leapseconds",
				   "tzdata.zi", "America", "America/", "EST99", "abc3166.tab"};
	testutil_stderr_begin();
	for (size_t i = 0; i < sizeof bad_zones / sizeof bad_zones[0]; i++)
		ck_assert_msg(times_set_zone(bad_zones[i]) == -1, "%s", bad_zones[i]);
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "almaudit: unknown time zone 'zone.tab' (use an IANA name such as "
				  "America/New_York, or UTC)\n"),
		      "%s", err);
}
END_TEST

START_TEST(dates_and_days)
{
	int y, m, d;
	ck_assert_int_eq(times_parse_date("2026-10-05", 10, &y, &m, &d), 0);
	ck_assert_int_eq(y * 10000 + m * 100 + d, 20261005);
	ck_assert_int_eq(times_parse_date("2026-10-32", 10, &y, &m, &d), -1);
	ck_assert_int_eq(times_parse_date("2026-10-5", 9, &y, &m, &d), -1);
	for (int64_t day = -1000; day < 30000; day += 37) {
		times_civil_from_days(day, &y, &m, &d);
		ck_assert_int_eq(times_days_from_civil(y, m, d), day);
	}
	ny();
	/* 2026-10-06 01:00Z is still the 5th in New York */
	ck_assert_int_eq(times_local_day(parse("2026-10-06T01:00:00Z")),
			 times_days_from_civil(2026, 10, 5));
}
END_TEST

/* The years 1900 to 9999 as written and in the local zone: a time whose
 * local date falls outside them is no time, and why it is none is told
 * apart from junk. */
START_TEST(years_bound_local_dates)
{
	int64_t t;
	const char *last = "9999-12-31T23:59:59Z", *first = "1900-01-01T00:00:00Z";
	ck_assert_int_eq(times_set_zone("UTC"), 0);
	ck_assert_str_eq(utc(parse(last)), last);
	ck_assert_str_eq(utc(parse(first)), first);
	ck_assert_int_eq(times_set_zone("Pacific/Kiritimati"), 0); /* UTC+14 */
	bad(last);
	ck_assert_int_eq(times_year_outside(last, strlen(last), 0), 2);
	ck_assert_str_eq(local(parse("9999-12-31T09:59:59Z")), "9999-12-31 23:59");
	bad("9999-12-31T10:00:00Z");
	ny();
	bad(first);
	ck_assert_int_eq(times_year_outside(first, strlen(first), 0), 2);
	ck_assert_int_eq(times_parse("1900-01-01 00:00", 16, &t), 0); /* local: as written */
	ck_assert_str_eq(local(t), "1900-01-01 00:00");
	ck_assert_str_eq(local(parse("2026-10-06T01:00:00Z")), "2026-10-05 21:00");
	/* as written */
	static const char *const written[] = {"1899-12-31", "10000-01-01", "1899-12-31T23:00:00Z",
					      "12/31/1899", "0001-01-01", "99999-01-01 10:00"};
	for (size_t i = 0; i < sizeof written / sizeof written[0]; i++)
		ck_assert_msg(times_year_outside(written[i], strlen(written[i]), 0) == 1, "%s",
			      written[i]);
	static const char *const junk[] = {"", "yesterday", "2026-13-01", "26-10-01", "1/2/3",
					   "2026-10-05T09:11:32Z"};
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
		ck_assert_msg(times_year_outside(junk[i], strlen(junk[i]), 0) == 0, "%s", junk[i]);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("times");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, iso_with_z_and_millis);
	tcase_add_test(tc, millis_kept);
	tcase_add_test(tc, iso_with_offsets);
	tcase_add_test(tc, local_iso_forms);
	tcase_add_test(tc, us_forms);
	tcase_add_test(tc, impossible_dates_and_junk);
	tcase_add_test(tc, spring_forward_gap);
	tcase_add_test(tc, fall_back_repeat);
	tcase_add_test(tc, other_zones);
	tcase_add_test(tc, unknown_zone_rejected);
	tcase_add_test(tc, zone_names_checked);
	tcase_add_test(tc, dates_and_days);
	tcase_add_test(tc, utc_form_read_as_the_general_reader_reads_it);
	tcase_add_test(tc, years_bound_local_dates);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
