#include "cells_in.h"

#include "csvrd.h"
#include "times.h"

#include <stdio.h>
#include <string.h>

/* At most this much of a cell is quoted in a message. */
#define QUOTE(n) ((n) > 64 ? 64 : (int)(n))

/* The value of the eight digits at s, or -1 when one is no digit: tested
 * all at once, summed in pairs, fours and eights on a little-endian
 * machine (byte by byte elsewhere). */
static int64_t eight_digits(const char *s)
{
	uint64_t x;
	memcpy(&x, s, sizeof x);
	/* a digit is 0x30 to 0x39: high nibble 3, and still so with 6 added */
	if ((x & 0xF0F0F0F0F0F0F0F0ull) != 0x3030303030303030ull ||
	    ((x + 0x0606060606060606ull) & 0xF0F0F0F0F0F0F0F0ull) != 0x3030303030303030ull)
		return -1;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	x -= 0x3030303030303030ull;
	x = x * 10 + (x >> 8);
	x = ((x & 0x000000FF000000FFull) * (100 + (1000000ull << 32)) +
	     ((x >> 16) & 0x000000FF000000FFull) * (1 + (10000ull << 32))) >>
	    32;
	return (int64_t)x;
#else
	int64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v * 10 + (s[i] - '0');
	return v;
#endif
}

int cells_in_id(const char *s, size_t n, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	csvrd_trim(&s, &n);
	if (!n)
		return -1;
	if (n <= 19) {
		/* no overflow in 19 digits: the bound checked once; eight at a
		 * time while eight are left */
		size_t i = 0;
		for (; i + 8 <= n; i += 8) {
			int64_t e = eight_digits(s + i);
			if (e < 0)
				return -1;
			v = v * 100000000u + (uint64_t)e;
		}
		for (; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return -1;
			v = v * 10 + (uint64_t)(s[i] - '0');
		}
		if (v > max)
			return -1;
		*out = v;
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (v > (max - (uint64_t)(s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*out = v;
	return 0;
}

int cells_in_time(const char *s, size_t n, int slash, int64_t *secs, int64_t *ms)
{
	*secs = *ms = TIME_NONE;
	csvrd_trim(&s, &n);
	if (!n)
		return 0;
	/* once the file's reading is decided, a date against it */
	int order = slash ? times_slash_order(s, n) : TIMES_SLASH_NONE;
	if ((order == TIMES_SLASH_DAY_FIRST && slash == 1) ||
	    (order == TIMES_SLASH_MONTH_FIRST && slash == 2))
		return -2;
	if (times_parse_ms_order(s, n, slash == 2, ms) != 0)
		return -1;
	*secs = *ms >= 0 ? *ms / 1000 : (*ms - 999) / 1000;
	return 0;
}

const char *cells_in_outside_years(const char *s, size_t n, int slash)
{
	static char why[160];
	int year = times_year_outside(s, n, slash == 2);
	if (!year)
		return "";
	snprintf(why, sizeof why, " (outside the years %d to %d%s%s, which almaudit reads and writes)",
		 TIMES_YEAR_MIN, TIMES_YEAR_MAX, year == 2 ? " in " : "",
		 year == 2 ? times_zone_name() : "");
	return why;
}

int cells_in_bad_status(const char *s, size_t n)
{
	if (!n)
		return 0;
	if (s[0] == '#' || s[0] == '=' || n > 48)
		return 1;
	for (size_t i = 0; i < n; i++)
		if ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))
			return 0;
	return 1;
}

enum run_type cells_in_type_of_job_id(const char *job_id)
{
	if (!job_id[0] || job_id[1] < '0' || job_id[1] > '9')
		return RUN_TYPE_UNKNOWN;
	switch (job_id[0]) {
	case 'M':
		return RUN_MANUAL;
	case 'S':
		return RUN_SCHEDULED;
	case 'O':
		return RUN_OTHER;
	default:
		return RUN_TYPE_UNKNOWN;
	}
}

void cells_in_date_text(char *buf, size_t size, const char *s, size_t n)
{
	size_t k = 0;
	csvrd_trim(&s, &n);
	while (k < n && s[k] != ' ' && s[k] != '\t' && s[k] != 'T')
		k++;
	snprintf(buf, size, "%.*s", QUOTE(k), s);
}

void cells_in_spread_add(struct cells_in_spread *sp, const char *s, size_t n)
{
	int64_t ms[2], day[2];
	for (int k = 0; k < 2; k++) {
		if (times_parse_ms_order(s, n, k, &ms[k]) != 0)
			return;
		day[k] = times_local_day((ms[k] >= 0 ? ms[k] : ms[k] - 999) / 1000);
	}
	for (int k = 0; k < 2; k++) {
		if (!sp->any || day[k] < sp->lo[k])
			sp->lo[k] = day[k];
		if (!sp->any || day[k] > sp->hi[k])
			sp->hi[k] = day[k];
	}
	sp->any = 1;
	sp->differs |= day[0] != day[1];
}

int cells_in_spread_choice(const struct cells_in_spread *sp, const char *file, char *buf,
			   size_t size)
{
	buf[0] = '\0';
	if (!sp->any)
		return 1;
	int64_t wide[2] = {sp->hi[0] - sp->lo[0], sp->hi[1] - sp->lo[1]};
	int k = wide[1] < wide[0]; /* the reading taken: 1 day first */
	if (!sp->differs)
		return k + 1;
	char a[16], b[40] = "";
	times_format_day(sp->lo[!k], a, sizeof a);
	if (sp->hi[!k] != sp->lo[!k]) {
		memcpy(b, " to ", 5);
		times_format_day(sp->hi[!k], b + 4, sizeof b - 4);
	}
	snprintf(buf, size,
		 "%s: no date says whether its slash dates are month or day first; read %s "
		 "first%s: %s first would put them %s %s%s",
		 file, k ? "day" : "month",
		 wide[0] == wide[1] ? " (both readings as compact: the US order)"
				    : " (the reading that keeps them closest together)",
		 k ? "month" : "day", b[0] ? "from" : "on", a, b);
	return k + 1;
}
