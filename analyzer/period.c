#include "period.h"

#include "diag.h"
#include "suggest.h"
#include "times.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int days_in_month(int y, int m)
{
	return (int)(times_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
		     times_days_from_civil(y, m, 1));
}

/* first and last day of month m (1-12) of year y, shifted by `months`. */
static void month_span(int y, int m, int months, int64_t *first, int64_t *last)
{
	int index = y * 12 + (m - 1) + months;
	y = index / 12;
	m = index % 12 + 1;
	*first = times_days_from_civil(y, m, 1);
	*last = *first + days_in_month(y, m) - 1;
}

static void span_months(int y, int m, int count, int64_t *first, int64_t *last)
{
	int64_t unused;
	month_span(y, m, 0, first, &unused);
	month_span(y, m, count - 1, &unused, last);
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static const char *const weekdays[7] = {"monday", "tuesday",  "wednesday", "thursday",
					 "friday", "saturday", "sunday"};

static int keyword(const char *s, int64_t today, int64_t *first, int64_t *last)
{
	int y, m, d;
	times_civil_from_days(today, &y, &m, &d);
	int64_t weekday = ((today + 3) % 7 + 7) % 7; /* 0 = Monday; 1970-01-01 was a Thursday */
	int q = (m - 1) / 3;

	if (!strcmp(s, "today"))
		*first = *last = today;
	else if (!strcmp(s, "yesterday"))
		*first = *last = today - 1;
	else if (!strcmp(s, "this-week"))
		*first = today - weekday, *last = *first + 6;
	else if (!strcmp(s, "last-week"))
		*first = today - weekday - 7, *last = *first + 6;
	else if (!strcmp(s, "this-month"))
		month_span(y, m, 0, first, last);
	else if (!strcmp(s, "last-month"))
		month_span(y, m, -1, first, last);
	else if (!strcmp(s, "this-quarter"))
		span_months(y, q * 3 + 1, 3, first, last);
	else if (!strcmp(s, "last-quarter"))
		span_months(q ? y : y - 1, q ? (q - 1) * 3 + 1 : 10, 3, first, last);
	else if (!strcmp(s, "this-year"))
		span_months(y, 1, 12, first, last);
	else if (!strcmp(s, "last-year"))
		span_months(y - 1, 1, 12, first, last);
	else {
		/* a weekday: the most recent such day before today (on a
		 * Tuesday, "tuesday" is a week ago) */
		int w = 0;
		while (w < 7 && strcmp(s, weekdays[w]))
			w++;
		if (w == 7)
			return -1;
		int64_t back = (weekday - w + 7) % 7;
		*first = *last = today - (back ? back : 7);
	}
	return 0;
}

static int named(const char *s, int64_t *first, int64_t *last)
{
	size_t n = strlen(s);
	int y;
	if (n < 4 || !all_digits(s, 4))
		return -1;
	y = atoi(s);
	if (y < TIMES_YEAR_MIN || y > TIMES_YEAR_MAX)
		return -1;
	if (n == 4) {
		span_months(y, 1, 12, first, last);
		return 0;
	}
	if (n == 7 && s[4] == '-' && all_digits(s + 5, 2)) {
		int m = atoi(s + 5);
		if (m < 1 || m > 12)
			return -1;
		month_span(y, m, 0, first, last);
		return 0;
	}
	if (n == 7 && s[4] == '-' && (s[5] == 'Q' || s[5] == 'q') && s[6] >= '1' && s[6] <= '4') {
		span_months(y, (s[6] - '1') * 3 + 1, 3, first, last);
		return 0;
	}
	int m, d;
	if (n == 10 && times_parse_date(s, n, &y, &m, &d) == 0) {
		*first = *last = times_days_from_civil(y, m, d);
		return 0;
	}
	return -1;
}

/* "HH:MM" or "HH:MM:SS", 24-hour; seconds of the day, *with_seconds set. */
static int clock_parse(const char *s, long *secs, int *with_seconds)
{
	size_t n = strlen(s);
	if ((n != 5 && n != 8) || !all_digits(s, 2) || s[2] != ':' || !all_digits(s + 3, 2) ||
	    (n == 8 && (s[5] != ':' || !all_digits(s + 6, 2))))
		return -1;
	int h = atoi(s), mi = atoi(s + 3), sec = n == 8 ? atoi(s + 6) : 0;
	if (h > 23 || mi > 59 || sec > 59)
		return -1;
	*secs = h * 3600L + mi * 60L + sec;
	*with_seconds = n == 8;
	return 0;
}

/* A slash date alone, month first ("10/05/2026") unless its first number
 * is over 12 ("25/10/2026"): 0 and the date, or -1. */
static int slash_date(const char *s, int *y, int *m, int *d)
{
	char extra;
	if (sscanf(s, "%2d/%2d/%4d%c", m, d, y, &extra) != 3 || strlen(s) < 8 ||
	    !all_digits(s + strlen(s) - 4, 4))
		return -1;
	if (*m > 12 && *d <= 12) { /* day first, as 25/10/2026 proves */
		int t = *m;
		*m = *d;
		*d = t;
	}
	if (*m < 1 || *m > 12 || *d < 1 ||
	    *d > days_in_month(*y, *m) || *y < 1900 || *y > 9999)
		return -1;
	return 0;
}

/* A --period, --since or --until refused for its year alone ("1899-12",
 * "10000-01-01", "1899", a time whose local date is past 9999): said, and
 * 1; else 0 (the caller says what it wants). */
static int year_refused(const char *opt, const char *s)
{
	size_t n = strlen(s);
	int outside;
	if (n >= 4 && all_digits(s, n)) {
		long y = n > 6 ? 1000000 : atol(s);
		outside = y < TIMES_YEAR_MIN || y > TIMES_YEAR_MAX;
	} else {
		outside = times_year_outside(s, n, times_slash_order(s, n) == TIMES_SLASH_DAY_FIRST);
	}
	if (outside)
		diag_error(NULL, 0, "%s %s: almaudit reads and writes the years %d to %d only%s%s", opt,
			   s, TIMES_YEAR_MIN, TIMES_YEAR_MAX, outside == 2 ? ", in " : "",
			   outside == 2 ? times_zone_name() : "");
	return outside != 0;
}

/* --since or --until: a date, or a date and a time of day ("2026-10-14
 * 09:00", a space or a T between them), or any time the exports write
 * (ISO 8601 with Z or an offset, "10/14/2026 9:00 AM", a slash date alone,
 * month first unless the first number is over 12). *day is the (local) date; *at the instant the bound falls
 * on: the start of the minute (or second) given for --since, the end of
 * it for --until (TIME_NONE for a whole day); clock the local time of day. */
static int date_opt(const char *opt, const char *s, int until, int64_t *day, int64_t *at,
		    char *clock, size_t size)
{
	int y, m, d, with_seconds = 0;
	long secs = 0;
	size_t n = strlen(s);
	*at = TIME_NONE;
	clock[0] = '\0';
	if (times_parse_date(s, n < 10 ? n : 10, &y, &m, &d) == 0 &&
	    (n == 10 || ((s[10] == ' ' || s[10] == 'T') &&
			 clock_parse(s + 11, &secs, &with_seconds) == 0))) {
		*day = times_days_from_civil(y, m, d);
		if (n > 10) {
			*at = times_from_local(y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60),
					       (int)(secs % 60));
			if (until)
				*at += with_seconds ? 1 : 60; /* inclusive: to the end of it */
			snprintf(clock, size, "%s", s + 11);
		}
		return 0;
	}
	if (slash_date(s, &y, &m, &d) == 0) {
		*day = times_days_from_civil(y, m, d);
		return 0;
	}
	int64_t ms;
	if (times_parse_ms_order(s, n, times_slash_order(s, n) == TIMES_SLASH_DAY_FIRST, &ms) == 0) {
		/* a time as an export writes it: its instant, in the --tz zone */
		int64_t t = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
		const char *colon = strchr(s, ':');
		/* HH:MM:SS, not the colon of an offset (09:00-04:00) */
		with_seconds = colon && strlen(colon) > 3 && colon[3] == ':';
		struct times_parts lp;
		times_local_parts(t, &lp);
		*day = times_local_day(t);
		*at = until ? t + (with_seconds ? 1 : 60) : t;
		if (with_seconds)
			snprintf(clock, size, "%02d:%02d:%02d", lp.hour, lp.minute, lp.second);
		else
			snprintf(clock, size, "%02d:%02d", lp.hour, lp.minute);
		return 0;
	}
	if (year_refused(opt, s))
		return -1;
	diag_error(NULL, 0,
		   "%s wants a date as YYYY-MM-DD, a date and a time of day as \"YYYY-MM-DD "
		   "HH:MM\", or a time as the exports write it (2026-10-05T09:11:32Z, "
		   "\"10/05/2026 9:11 AM\"), not '%s'",
		   opt, s);
	return -1;
}

int period_set(struct period *p, const char *period, const char *since, const char *until,
	       int64_t today)
{
	memset(p, 0, sizeof *p);
	p->first_day = p->last_day = TIME_NONE;
	p->from = p->to = TIME_NONE;
	if (period && (since || until)) {
		diag_error(NULL, 0, "give --period or --since/--until, not both");
		return -1;
	}
	/* today itself ($ALMAUDIT_NOW, or the clock, in the zone) is written
	 * in the reports (the mail's Date) */
	int64_t lo = times_days_from_civil(TIMES_YEAR_MIN, 1, 1);
	int64_t hi = times_days_from_civil(TIMES_YEAR_MAX, 12, 31);
	if (today < lo || today > hi) {
		char t[32];
		times_format_day(today, t, sizeof t);
		diag_error(NULL, 0,
			   "today is %s in %s ($ALMAUDIT_NOW or the clock): almaudit reads and "
			   "writes the years %d to %d only",
			   t, times_zone_name(), TIMES_YEAR_MIN, TIMES_YEAR_MAX);
		return -1;
	}
	if (period) {
		if (keyword(period, today, &p->first_day, &p->last_day) != 0 &&
		    named(period, &p->first_day, &p->last_day) != 0) {
			if (year_refused("--period", period))
				return -1;
			static const char *const words[] = {
				"today",      "yesterday",    "monday",       "tuesday",   "wednesday",
				"thursday",   "friday",	      "saturday",     "sunday",	   "this-week",
				"last-week",  "this-month",   "last-month",   "this-quarter",
				"last-quarter", "this-year",  "last-year",    NULL};
			const char *near = suggest_word(period, words);
			diag_error(NULL, 0,
				   "--period wants today, yesterday, monday ... sunday, this-week, "
				   "last-week, this-month, last-month, this-quarter, last-quarter, "
				   "this-year, last-year, YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, "
				   "not '%s'%s%s%s",
				   period, near ? " (did you mean '" : "", near ? near : "",
				   near ? "'?)" : "");
			return -1;
		}
		snprintf(p->name, sizeof p->name, "%s", period);
		/* relative to now, a period can reach past the years a date is read
		 * in (today in Pacific/Kiritimati at 9999-12-31T23:59Z): the report
		 * would write a period that --baseline cannot read back */
		if (p->first_day < lo || p->last_day > hi) {
			char a[32], b[32];
			times_format_day(p->first_day, a, sizeof a);
			times_format_day(p->last_day, b, sizeof b);
			diag_error(NULL, 0,
				   "--period %s is %s to %s in %s: almaudit reads and writes the "
				   "years %d to %d only",
				   period, a, b, times_zone_name(), TIMES_YEAR_MIN, TIMES_YEAR_MAX);
			return -1;
		}
	}
	int64_t from_at = TIME_NONE, to_at = TIME_NONE;
	if (since && date_opt("--since", since, 0, &p->first_day, &from_at, p->since_clock,
			      sizeof p->since_clock) != 0)
		return -1;
	if (until && date_opt("--until", until, 1, &p->last_day, &to_at, p->until_clock,
			      sizeof p->until_clock) != 0)
		return -1;
	int y, m, d;
	if (p->first_day != TIME_NONE) {
		times_civil_from_days(p->first_day, &y, &m, &d);
		p->from = from_at != TIME_NONE ? from_at : times_from_local(y, m, d, 0, 0, 0);
	}
	if (p->last_day != TIME_NONE) {
		times_civil_from_days(p->last_day + 1, &y, &m, &d);
		p->to = to_at != TIME_NONE ? to_at : times_from_local(y, m, d, 0, 0, 0);
	}
	if ((p->first_day != TIME_NONE && p->last_day != TIME_NONE && p->last_day < p->first_day) ||
	    (p->from != TIME_NONE && p->to != TIME_NONE && p->to <= p->from)) {
		diag_error(NULL, 0, "--until %s is before --since %s", until, since);
		return -1;
	}
	if (p->since_clock[0] || p->until_clock[0]) {
		/* what was asked, for the json report's period name */
		char text[sizeof p->name];
		period_text(p, text, sizeof text);
		snprintf(p->name, sizeof p->name, "%s", text);
	}
	return 0;
}

int period_has(const struct period *p, int64_t t)
{
	return (p->from == TIME_NONE || t >= p->from) && (p->to == TIME_NONE || t < p->to);
}

void period_text(const struct period *p, char *buf, size_t size)
{
	char a[32], b[32];
	times_format_day(p->first_day, a, sizeof a);
	times_format_day(p->last_day, b, sizeof b);
	if (a[0] && p->since_clock[0])
		snprintf(a + strlen(a), sizeof a - strlen(a), " %s", p->since_clock);
	if (b[0] && p->until_clock[0])
		snprintf(b + strlen(b), sizeof b - strlen(b), " %s", p->until_clock);
	/* with a time of day the name is this very text */
	int named = p->name[0] && !p->since_clock[0] && !p->until_clock[0];
	const char *suffix_open = named ? " (" : "", *suffix_close = named ? ")" : "";
	if (a[0] && b[0])
		snprintf(buf, size, "%s to %s%s%s%s", a, b, suffix_open, named ? p->name : "",
			 suffix_close);
	else if (a[0])
		snprintf(buf, size, "from %s", a);
	else if (b[0])
		snprintf(buf, size, "until %s", b);
	else
		snprintf(buf, size, "all dates");
}
