#include "period.h"

#include "diag.h"
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
	else
		return -1;
	return 0;
}

static int named(const char *s, int64_t *first, int64_t *last)
{
	size_t n = strlen(s);
	int y;
	if (n < 4 || !all_digits(s, 4))
		return -1;
	y = atoi(s);
	if (y < 1900 || y > 9999)
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
	return -1;
}

static int date_opt(const char *opt, const char *s, int64_t *day)
{
	int y, m, d;
	if (times_parse_date(s, strlen(s), &y, &m, &d) != 0) {
		diag_error(NULL, 0, "%s wants a date as YYYY-MM-DD, not '%s'", opt, s);
		return -1;
	}
	*day = times_days_from_civil(y, m, d);
	return 0;
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
	if (period) {
		if (keyword(period, today, &p->first_day, &p->last_day) != 0 &&
		    named(period, &p->first_day, &p->last_day) != 0) {
			diag_error(NULL, 0,
				   "--period wants today, yesterday, this-week, last-week, "
				   "this-month, last-month, this-quarter, last-quarter, this-year, "
				   "last-year, YYYY-MM, YYYY-Qn or YYYY, not '%s'",
				   period);
			return -1;
		}
		snprintf(p->name, sizeof p->name, "%s", period);
	}
	if (since && date_opt("--since", since, &p->first_day) != 0)
		return -1;
	if (until && date_opt("--until", until, &p->last_day) != 0)
		return -1;
	if (p->first_day != TIME_NONE && p->last_day != TIME_NONE && p->last_day < p->first_day) {
		diag_error(NULL, 0, "--until %s is before --since %s", until, since);
		return -1;
	}
	int y, m, d;
	if (p->first_day != TIME_NONE) {
		times_civil_from_days(p->first_day, &y, &m, &d);
		p->from = times_from_local(y, m, d, 0, 0, 0);
	}
	if (p->last_day != TIME_NONE) {
		times_civil_from_days(p->last_day + 1, &y, &m, &d);
		p->to = times_from_local(y, m, d, 0, 0, 0);
	}
	return 0;
}

int period_has(const struct period *p, int64_t t)
{
	return (p->from == TIME_NONE || t >= p->from) && (p->to == TIME_NONE || t < p->to);
}

void period_text(const struct period *p, char *buf, size_t size)
{
	char a[16], b[16];
	times_format_day(p->first_day, a, sizeof a);
	times_format_day(p->last_day, b, sizeof b);
	const char *suffix_open = p->name[0] ? " (" : "", *suffix_close = p->name[0] ? ")" : "";
	if (a[0] && b[0])
		snprintf(buf, size, "%s to %s%s%s%s", a, b, suffix_open, p->name, suffix_close);
	else if (a[0])
		snprintf(buf, size, "from %s", a);
	else if (b[0])
		snprintf(buf, size, "until %s", b);
	else
		snprintf(buf, size, "all dates");
}
