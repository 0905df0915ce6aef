#define _DEFAULT_SOURCE /* tm_gmtoff */
#include "times.h"

#include "diag.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char zone_name[256];

/* Direct-mapped cache of local-to-UTC offsets, keyed by the naive (as if UTC)
 * local time in 15-minute buckets: every zone changes offset on a quarter
 * hour, so one bucket never straddles a change. */
#define OFFSET_CACHE 512
static struct {
	int64_t bucket;
	long offset;
} offset_cache[OFFSET_CACHE];

/* And of UTC instants to the offset in force, by 15-minute buckets of UTC
 * time (every zone changes offset on a quarter hour of UTC). */
static struct {
	int64_t bucket;
	long offset;
} instant_cache[OFFSET_CACHE];

static void offset_cache_clear(void)
{
	for (size_t i = 0; i < OFFSET_CACHE; i++)
		offset_cache[i].bucket = instant_cache[i].bucket = INT64_MIN;
}

/* 1 when the zone names a zone file: a regular file under the zoneinfo
 * directory that begins as a TZif file does. The directory also holds
 * tables (zone.tab, iso3166.tab, leapseconds) and directories (America),
 * which are no zones. */
static int zone_file_exists(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[PATH_MAX], magic[4];
	struct stat st;

	if (!dir || !*dir)
		dir = "/usr/share/zoneinfo";
	if (strstr(zone, "..") || zone[0] == '/')
		return 0;
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, zone) >= sizeof path)
		return 0;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t got = fread(magic, 1, sizeof magic, f);
	fclose(f);
	return got == sizeof magic && memcmp(magic, "TZif", 4) == 0;
}

/* A POSIX offset: [+-]hh[:mm[:ss]], hours at most 24. Advances *p. */
static int posix_offset(const char **p)
{
	const char *s = *p;
	if (*s == '+' || *s == '-')
		s++;
	int h = 0, digits = 0;
	while (*s >= '0' && *s <= '9' && digits < 3)
		h = h * 10 + (*s++ - '0'), digits++;
	if (!digits || digits > 2 || h > 24)
		return 0;
	for (int part = 0; part < 2 && *s == ':'; part++) {
		if (!(s[1] >= '0' && s[1] <= '5' && s[2] >= '0' && s[2] <= '9'))
			return 0;
		s += 3;
	}
	*p = s;
	return 1;
}

/* A POSIX zone abbreviation: three or more letters, or <...>. Advances *p. */
static int posix_name(const char **p)
{
	const char *s = *p;
	if (*s == '<') {
		s = strchr(s, '>');
		if (!s)
			return 0;
		*p = s + 1;
		return 1;
	}
	size_t n = 0;
	while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
		s++, n++;
	if (n < 3)
		return 0;
	*p = s;
	return 1;
}

/* A POSIX TZ string: a standard-time abbreviation and its offset, then
 * optionally a summer-time abbreviation, its offset and the rule of the
 * change ("EST5EDT", "<+03>-3", "CET-1CEST,M3.5.0,M10.5.0/3"). */
static int posix_tz_string(const char *zone)
{
	const char *p = zone;
	if (!posix_name(&p) || !posix_offset(&p))
		return 0;
	if (!*p)
		return 1;
	if (*p != ',') {
		if (!posix_name(&p))
			return 0;
		if (*p && *p != ',' && !posix_offset(&p))
			return 0;
	}
	if (!*p)
		return 1;
	if (*p != ',')
		return 0;
	/* the rule: Jn, n or Mm.w.d, each with an optional /time */
	return strspn(p, ",JM0123456789./:+-") == strlen(p);
}

static void system_zone_name(void)
{
	char link[PATH_MAX];
	ssize_t n = readlink("/etc/localtime", link, sizeof link - 1);
	const char *name = "UTC";

	if (n > 0) {
		link[n] = '\0';
		char *z = strstr(link, "zoneinfo/");
		if (z)
			name = z + strlen("zoneinfo/");
	}
	snprintf(zone_name, sizeof zone_name, "%s", name);
}

int times_zone_reversed(const char *z)
{
	if (z[0] == ':')
		z++;
	if (zone_file_exists(z))
		return 0; /* GMT+0, GMT-0 */
	static const char *const names[] = {"UTC", "GMT", "UT", "UCT"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		if (!strncasecmp(z, names[i], n) && (z[n] == '+' || z[n] == '-') &&
		    strspn(z + n + 1, "0:") != strlen(z + n + 1))
			return 1;
	}
	return 0;
}

/* Refuses a zone that is none (or one that reads the other way), saying
 * so; from: "" for --tz, " in $TZ" for the environment's. 0 or -1. */
static int zone_check(const char *z, const char *zone, const char *from)
{
	if (*z && strlen(z) < sizeof zone_name && times_zone_reversed(z)) {
		const char *off = strpbrk(z, "+-");
		char other = *off == '+' ? '-' : '+', etc[sizeof zone_name + 128] = "";
		if (!strchr(off, ':')) /* the Etc zones are whole hours */
			snprintf(etc, sizeof etc, "for UTC%s all year give Etc/GMT%c%s (the sign "
				 "reversed, as POSIX has it), or better ", off, other, off + 1);
		diag_error(NULL, 0,
			   "time zone '%s'%s: POSIX reads such an offset west of UTC, so it would "
			   "mean UTC%c%s, not what it says; %sgive the place's IANA name "
			   "(America/New_York, Europe/Berlin)",
			   zone, from, other, off + 1, etc);
		return -1;
	}
	if (!*z || strlen(z) >= sizeof zone_name ||
	    !(zone_file_exists(z) || strcmp(z, "UTC") == 0 || posix_tz_string(z))) {
		diag_error(NULL, 0, "unknown time zone '%s'%s (use an IANA name such as "
			   "America/New_York, or UTC)", zone, from);
		return -1;
	}
	return 0;
}

int times_set_zone(const char *zone)
{
	offset_cache_clear();
	if (!zone) {
		const char *tz = getenv("TZ");
		tzset();
		const char *z = tz && tz[0] == ':' ? tz + 1 : tz;
		/* $TZ as a path to a zone file (":/etc/localtime") is the C library's */
		if (z && *z && z[0] != '/' && strcasecmp(z, "UTC") != 0 &&
		    zone_check(z, tz, " in $TZ") != 0)
			return -1;
		if (tz && *tz)
			snprintf(zone_name, sizeof zone_name, "%s", z);
		else
			system_zone_name();
		return 0;
	}
	const char *z = zone[0] == ':' ? zone + 1 : zone;
	if (strcasecmp(z, "UTC") == 0)
		z = "UTC"; /* utc, Utc: in any case */
	if (zone_check(z, zone, "") != 0)
		return -1;
	if (setenv("TZ", z, 1) != 0) {
		diag_error(NULL, 0, "cannot set time zone '%s'", zone);
		return -1;
	}
	tzset();
	snprintf(zone_name, sizeof zone_name, "%s", z);
	return 0;
}

const char *times_zone_name(void)
{
	if (!zone_name[0])
		times_set_zone(NULL);
	return zone_name;
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
int64_t times_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void times_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = mm;
	*d = dd;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

static int valid_civil(int y, int mo, int d, int h, int mi, int s)
{
	return y >= TIMES_YEAR_MIN && y <= TIMES_YEAR_MAX && mo >= 1 && mo <= 12 && d >= 1 &&
	       d <= days_in_month(y, mo) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 &&
	       s >= 0 && s <= 60;
}

static long utc_offset_uncached(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return 0;
	return tm.tm_gmtoff;
}

static long utc_offset_at(int64_t t)
{
	int64_t bucket = t >= 0 ? t / 900 : (t - 899) / 900;
	size_t slot = (size_t)((uint64_t)bucket % OFFSET_CACHE);
	if (!zone_name[0])
		times_set_zone(NULL);
	if (instant_cache[slot].bucket != bucket) {
		instant_cache[slot].bucket = bucket;
		instant_cache[slot].offset = utc_offset_uncached(t);
	}
	return instant_cache[slot].offset;
}

static long offset_for_naive(int64_t naive)
{
	/* The offsets in force a day either side bound the choices: a local
	 * time is valid under offset o when the instant naive - o indeed has
	 * offset o. Of the valid readings take the earliest; when none is valid
	 * (the skipped hour of a spring-forward night) take the earlier offset. */
	long before = utc_offset_at(naive - 86400);
	long after = utc_offset_at(naive + 86400);
	int64_t best = INT64_MAX;
	long best_off = before;

	if (utc_offset_at(naive - before) == before) {
		best = naive - before;
		best_off = before;
	}
	if (after != before && utc_offset_at(naive - after) == after && naive - after < best)
		best_off = after;
	return best_off;
}

int64_t times_from_local(int y, int mo, int d, int h, int mi, int s)
{
	int64_t naive = times_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	int64_t bucket = naive >= 0 ? naive / 900 : (naive - 899) / 900;
	size_t slot = (size_t)((uint64_t)bucket % OFFSET_CACHE);

	if (!zone_name[0])
		times_set_zone(NULL);
	if (offset_cache[slot].bucket != bucket) {
		offset_cache[slot].bucket = bucket;
		offset_cache[slot].offset = offset_for_naive(bucket * 900);
	}
	return naive - offset_cache[slot].offset;
}

/* A small cursor over the text being parsed. */
struct cur {
	const char *p, *end;
};

static int digits(struct cur *c, int min, int max, int *out)
{
	int v = 0, n = 0;
	while (c->p < c->end && n < max && *c->p >= '0' && *c->p <= '9') {
		v = v * 10 + (*c->p - '0');
		c->p++;
		n++;
	}
	if (n < min)
		return -1;
	*out = v;
	return 0;
}

static int lit(struct cur *c, char ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return 0;
	}
	return -1;
}

static void spaces(struct cur *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

/* HH:MM[:SS[.fff]]; *ms is the fraction of the second in milliseconds,
 * any number of digits cut to three (.5 is 500, .5929 is 592). */
static int clock_time(struct cur *c, int hmin, int *h, int *mi, int *s, int *ms)
{
	*s = *ms = 0;
	if (digits(c, hmin, 2, h) || lit(c, ':') || digits(c, 2, 2, mi))
		return -1;
	if (lit(c, ':') == 0) {
		if (digits(c, 2, 2, s))
			return -1;
		if (c->p < c->end && (*c->p == '.' || *c->p == ',')) {
			int n = 0;
			c->p++;
			for (; c->p < c->end && *c->p >= '0' && *c->p <= '9'; c->p++, n++)
				if (n < 3)
					*ms = *ms * 10 + (*c->p - '0');
			if (n < 1 || n > 9)
				return -1;
			for (; n < 3; n++)
				*ms *= 10;
		}
	}
	return 0;
}

/* Z, +HH, +HH:MM, +HHMM; *has is 0 when no zone is written. */
static int zone_suffix(struct cur *c, int *has, long *offset)
{
	*has = 0;
	*offset = 0;
	if (c->p < c->end && (*c->p == 'Z' || *c->p == 'z')) {
		c->p++;
		*has = 1;
		return 0;
	}
	if (c->p < c->end && (*c->p == '+' || *c->p == '-')) {
		int sign = *c->p == '-' ? -1 : 1, oh, om = 0;
		c->p++;
		if (digits(c, 2, 2, &oh))
			return -1;
		if (c->p < c->end && *c->p == ':')
			c->p++;
		if (c->p < c->end && *c->p >= '0' && *c->p <= '9' && digits(c, 2, 2, &om))
			return -1;
		if (oh > 18 || om > 59)
			return -1;
		*offset = sign * (oh * 3600L + om * 60L);
		*has = 1;
	}
	return 0;
}

int times_parse(const char *s, size_t n, int64_t *out)
{
	int64_t ms;
	if (times_parse_ms(s, n, &ms) != 0)
		return -1;
	*out = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
	return 0;
}

int times_parse_ms(const char *s, size_t n, int64_t *out)
{
	return times_parse_ms_order(s, n, 0, out);
}

int times_slash_order(const char *s, size_t n)
{
	/* a slash date's first slash is its second or third byte, after any
	 * spaces: most cells are answered here */
	if (n >= 3 && s[0] != ' ' && s[0] != '\t' && s[1] != '/' && s[2] != '/')
		return TIMES_SLASH_NONE;
	struct cur c = {s, s + n};
	int a, b, y;
	spaces(&c);
	if (digits(&c, 1, 2, &a) || lit(&c, '/') || digits(&c, 1, 2, &b) || lit(&c, '/') ||
	    digits(&c, 4, 4, &y) || a < 1 || b < 1 || (a > 12 && b > 12) || a > 31 || b > 31)
		return TIMES_SLASH_NONE;
	return a > 12 ? TIMES_SLASH_DAY_FIRST : b > 12 ? TIMES_SLASH_MONTH_FIRST : TIMES_SLASH_EITHER;
}

/* The date of the last timestamp read by fast_utc and its day: an export's
 * runs come in order, many a day. */
static struct {
	uint64_t head; /* "2026-10-" */
	uint16_t tail; /* "05" */
	int known;
	int64_t days;
} last_date;

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Eight bytes of s as a word, in the machine's order (as the patterns
 * below, made the same way, are). */
static uint64_t word8(const char *s)
{
	uint64_t x;
	memcpy(&x, s, sizeof x);
	return x;
}

/* 1 when the eight bytes x are "HH:MM:SS" in form: digits, and colons at
 * the third and sixth, tested all at once. */
static int clock_form(uint64_t x)
{
	static const char digits_at[8] = {'\xff', '\xff', 0, '\xff', '\xff', 0, '\xff', '\xff'};
	static const char colons[8] = {0, 0, ':', 0, 0, ':', 0, 0};
	uint64_t dm = word8(digits_at), high = dm & 0xF0F0F0F0F0F0F0F0ull,
		 three = dm & 0x3030303030303030ull, six = dm & 0x0606060606060606ull;
	uint64_t d = x & dm;
	/* a digit is 0x30 to 0x39: high nibble 3, and still so with 6 added */
	return (x & ~dm) == word8(colons) && (d & high) == three && ((d + six) & high) == three;
}

/* The form exports and the API write, by its columns:
 * "2026-10-05T09:11:32.592Z" or "2026-10-05T09:11:32Z" ('T' or a space),
 * the day of a date remembered from the last. 1 read into *out (as the
 * general reader below reads it), 0 when s is not just that or names no
 * possible time (the general reader decides). */
static int fast_utc(const char *s, size_t n, int64_t *out)
{
	if ((n != 24 && n != 20) || s[n - 1] != 'Z' || (s[10] != 'T' && s[10] != ' ') ||
	    !clock_form(word8(s + 11)))
		return 0;
	int frac = 0;
	if (n == 24) {
		if (s[19] != '.' || !is_digit(s[20]) || !is_digit(s[21]) || !is_digit(s[22]))
			return 0;
		frac = (s[20] - '0') * 100 + (s[21] - '0') * 10 + (s[22] - '0');
	}
	int h = two_digits(s + 11), mi = two_digits(s + 14), sec = two_digits(s + 17);
	if (h > 23 || mi > 59 || sec > 60)
		return 0;
	if (sec == 60)
		sec = 59; /* a leap second reads as the second before it */
	uint64_t head = word8(s);
	uint16_t tail;
	memcpy(&tail, s + 8, sizeof tail);
	if (!last_date.known || head != last_date.head || tail != last_date.tail) {
		if (s[4] != '-' || s[7] != '-')
			return 0;
		for (int i = 0; i < 10; i++)
			if (i != 4 && i != 7 && !is_digit(s[i]))
				return 0;
		int y = two_digits(s) * 100 + two_digits(s + 2), mo = two_digits(s + 5),
		    d = two_digits(s + 8);
		/* a year at the bounds: the general reader asks the zone */
		if (y <= TIMES_YEAR_MIN || y >= TIMES_YEAR_MAX || !valid_civil(y, mo, d, 0, 0, 0))
			return 0;
		last_date.days = times_days_from_civil(y, mo, d);
		last_date.head = head;
		last_date.tail = tail;
		last_date.known = 1;
	}
	*out = (last_date.days * 86400 + h * 3600 + mi * 60 + sec) * 1000 + frac;
	return 1;
}

/* 1 when the local date of instant t is in the years a time is read in:
 * only an instant within a day of their ends asks the zone. */
static int in_years(int64_t t)
{
	static const int64_t first = -2208988800; /* 1900-01-01T00:00:00Z */
	static const int64_t last = 253402300799; /* 9999-12-31T23:59:59Z */
	if (t >= first + 93600 && t <= last - 93600)
		return 1;
	int64_t day = times_local_day(t);
	return day >= first / 86400 && day <= last / 86400;
}

static int parse_ms(const char *s, size_t n, int day_first, int64_t *out, int bounded);

int times_parse_ms_order(const char *s, size_t n, int day_first, int64_t *out)
{
	return fast_utc(s, n, out) ? 0 : parse_ms(s, n, day_first, out, 1);
}

/* The digits at c, as a number (capped), and how many there are. */
static int64_t number(struct cur *c, int *count)
{
	int64_t v = 0;
	*count = 0;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		if (v < 1000000)
			v = v * 10 + (*c->p - '0');
		c->p++;
		++*count;
	}
	return v;
}

int times_year_outside(const char *s, size_t n, int day_first)
{
	struct cur c = {s, s + n};
	int count, k;
	int64_t ms;
	spaces(&c);
	int64_t y = number(&c, &count);
	if (count >= 4 && lit(&c, '-') == 0) {
		if (y < TIMES_YEAR_MIN || y > TIMES_YEAR_MAX)
			return 1;
	} else if (count >= 1 && count <= 2 && lit(&c, '/') == 0) {
		number(&c, &k);
		if (k >= 1 && k <= 2 && lit(&c, '/') == 0) {
			y = number(&c, &count);
			if (count >= 4 && (y < TIMES_YEAR_MIN || y > TIMES_YEAR_MAX))
				return 1;
		}
	}
	/* a year in range, at an instant whose local date is not */
	return parse_ms(s, n, day_first, &ms, 0) == 0 &&
			       !in_years(ms >= 0 ? ms / 1000 : (ms - 999) / 1000)
		       ? 2
		       : 0;
}

static int parse_ms(const char *s, size_t n, int day_first, int64_t *out, int bounded)
{
	struct cur c = {s, s + n};
	int y, mo, d, h, mi, sec, frac, has_zone = 0;
	long offset = 0;

	spaces(&c);
	if (c.end - c.p >= 5 && c.p[4] == '-') {
		/* ISO 8601, or YYYY-MM-DD HH:MM[:SS] */
		if (digits(&c, 4, 4, &y) || lit(&c, '-') || digits(&c, 2, 2, &mo) ||
		    lit(&c, '-') || digits(&c, 2, 2, &d))
			return -1;
		if (lit(&c, 'T') && lit(&c, ' '))
			return -1;
		if (clock_time(&c, 2, &h, &mi, &sec, &frac) ||
		    zone_suffix(&c, &has_zone, &offset))
			return -1;
	} else {
		/* MM/DD/YYYY H:MM[:SS] [AM|PM], or DD/MM/YYYY */
		if (digits(&c, 1, 2, &mo) || lit(&c, '/') || digits(&c, 1, 2, &d) ||
		    lit(&c, '/') || digits(&c, 4, 4, &y))
			return -1;
		if (day_first) {
			int t = mo;
			mo = d;
			d = t;
		}
		if (lit(&c, ' ') && lit(&c, '\t'))
			return -1;
		spaces(&c);
		if (clock_time(&c, 1, &h, &mi, &sec, &frac))
			return -1;
		spaces(&c);
		if (c.end - c.p >= 2 && (c.p[1] == 'M' || c.p[1] == 'm') &&
		    (c.p[0] == 'A' || c.p[0] == 'a' || c.p[0] == 'P' || c.p[0] == 'p')) {
			int pm = c.p[0] == 'P' || c.p[0] == 'p';
			if (h < 1 || h > 12)
				return -1;
			h = h % 12 + (pm ? 12 : 0);
			c.p += 2;
		}
	}
	spaces(&c);
	if (c.p != c.end || !valid_civil(y, mo, d, h, mi, sec))
		return -1;
	if (sec == 60)
		sec = 59; /* a leap second reads as the second before it */
	if (has_zone) {
		*out = times_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset;
		/* the date written is in the years; the local one may not be
		 * (9999-12-31T23:59:59Z is 10000-01-01 in Pacific/Kiritimati) */
		if (bounded && !in_years(*out))
			return -1;
	} else {
		*out = times_from_local(y, mo, d, h, mi, sec);
	}
	*out = *out * 1000 + frac;
	return 0;
}

int times_parse_date(const char *s, size_t n, int *y, int *m, int *d)
{
	struct cur c = {s, s + n};
	spaces(&c);
	if (digits(&c, 4, 4, y) || lit(&c, '-') || digits(&c, 2, 2, m) || lit(&c, '-') ||
	    digits(&c, 2, 2, d))
		return -1;
	spaces(&c);
	if (c.p != c.end || !valid_civil(*y, *m, *d, 0, 0, 0))
		return -1;
	return 0;
}

int64_t times_local_day(int64_t t)
{
	int64_t local = t + utc_offset_at(t);
	return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

void times_format_day(int64_t day, char *buf, size_t size)
{
	int y, m, d;
	if (day == TIME_NONE) {
		snprintf(buf, size, "%s", "");
		return;
	}
	times_civil_from_days(day, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

void times_local_parts(int64_t t, struct times_parts *p)
{
	p->offset = utc_offset_at(t);
	int64_t local = t + p->offset;
	int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
	int64_t rem = local - days * 86400;
	times_civil_from_days(days, &p->year, &p->month, &p->day);
	p->hour = (int)(rem / 3600);
	p->minute = (int)(rem / 60 % 60);
	p->second = (int)(rem % 60);
	p->weekday = (int)(((days + 4) % 7 + 7) % 7); /* 1970-01-01 was a Thursday */
}

void times_format_utc(int64_t t, char *buf, size_t size)
{
	int y, m, d;
	if (t == TIME_NONE) {
		snprintf(buf, size, "%s", "");
		return;
	}
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int64_t rem = t - days * 86400;
	times_civil_from_days(days, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(rem / 3600),
		 (int)(rem / 60 % 60), (int)(rem % 60));
}

void times_format_local(int64_t t, char *buf, size_t size)
{
	int y, m, d;
	if (t == TIME_NONE) {
		snprintf(buf, size, "%s", "");
		return;
	}
	int64_t local = t + utc_offset_at(t);
	int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
	int64_t rem = local - days * 86400;
	times_civil_from_days(days, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d", y, m, d, (int)(rem / 3600),
		 (int)(rem / 60 % 60));
}

/* Zone names that look like a US or European zone, and the zone to use. */
static const struct {
	const char *name, *use;
} zone_advice[] = {
	{"EST", "America/New_York"},
	{"MST", "America/Denver (America/Phoenix for Arizona, which keeps MST all year)"},
	{"HST", "Pacific/Honolulu"},
	{"CST", "America/Chicago"},
	{"PST", "America/Los_Angeles"},
	{"AKST", "America/Anchorage"},
	{"EST5EDT", "America/New_York"},
	{"CST6CDT", "America/Chicago"},
	{"MST7MDT", "America/Denver"},
	{"PST8PDT", "America/Los_Angeles"},
	{"US/Eastern", "America/New_York"},
	{"US/Central", "America/Chicago"},
	{"US/Mountain", "America/Denver"},
	{"US/Pacific", "America/Los_Angeles"},
	{"US/Alaska", "America/Anchorage"},
	{"US/Hawaii", "Pacific/Honolulu"},
	{"US/Arizona", "America/Phoenix"},
	{"US/East-Indiana", "America/Indiana/Indianapolis"},
	{"US/Michigan", "America/Detroit"},
	{"Canada/Eastern", "America/Toronto"},
	{"Canada/Central", "America/Winnipeg"},
	{"Canada/Mountain", "America/Edmonton"},
	{"Canada/Pacific", "America/Vancouver"},
	{"Canada/Atlantic", "America/Halifax"},
	{"CET", "your city's zone, such as Europe/Berlin or Europe/Paris"},
	{"MET", "your city's zone, such as Europe/Berlin or Europe/Paris"},
	{"EET", "your city's zone, such as Europe/Helsinki or Europe/Athens"},
	{"WET", "Europe/Lisbon"},
	{"GB", "Europe/London"},
	{"Eire", "Europe/Dublin"},
};

/* The zone to use for a fixed offset east of UTC (seconds) that US or
 * European time has part of the year, or NULL. */
static const char *zone_for_offset(long offset)
{
	switch (offset / 3600) {
	case -4: return "America/New_York (US Eastern), or America/Halifax";
	case -5: return "America/New_York (US Eastern)";
	case -6: return "America/Chicago (US Central)";
	case -7: return "America/Denver (US Mountain)";
	case -8: return "America/Los_Angeles (US Pacific)";
	case -9: return "America/Anchorage";
	case -10: return "Pacific/Honolulu";
	case 1: return "your city's zone, such as Europe/Berlin or Europe/Paris";
	case 2: return "your city's zone, such as Europe/Helsinki or Europe/Athens";
	default: return NULL;
	}
}

/* "-05:00" for an offset east of UTC in seconds. */
static void offset_text(long offset, char *buf, size_t size)
{
	long m = (offset < 0 ? -offset : offset) / 60;
	snprintf(buf, size, "%c%02ld:%02ld", offset < 0 ? '-' : '+', m / 60, m % 60);
}

int times_zone_warning(char *buf, size_t size)
{
	const char *z = times_zone_name();
	/* the offsets of a winter and a summer day (2026-01-15 and 2026-07-15,
	 * noon UTC): no daylight saving when equal */
	long winter = utc_offset_uncached(1768478400), summer = utc_offset_uncached(1784116800);
	const char *use = NULL;
	char abbrev[16] = "";
	size_t n = 0;
	while (n + 1 < sizeof abbrev && ((z[n] >= 'A' && z[n] <= 'Z') || (z[n] >= 'a' && z[n] <= 'z')))
		abbrev[n] = z[n], n++;
	abbrev[n] = '\0';
	for (size_t i = 0; i < sizeof zone_advice / sizeof zone_advice[0] && !use; i++)
		if (!strcmp(z, zone_advice[i].name))
			use = zone_advice[i].use;
	if (!use && winter == summer && z[n] && strchr("+-0123456789", z[n]) &&
	    strncmp(z, "Etc/GMT", 7) != 0)
		for (size_t i = 0; i < sizeof zone_advice / sizeof zone_advice[0] && !use; i++)
			if (!strcmp(abbrev, zone_advice[i].name))
				use = zone_advice[i].use; /* a POSIX string: EST5 */
	if (!use && winter == summer && !strncmp(z, "Etc/GMT", 7) && z[7])
		use = zone_for_offset(winter);
	if (!use)
		return 0;
	char off[40];
	offset_text(winter, off, sizeof off);
	if (winter == summer)
		snprintf(buf, size,
			 "the time zone '%s' is UTC%s all year, with no daylight saving time: for "
			 "local time that changes in summer use %s",
			 z, off, use);
	else
		snprintf(buf, size,
			 "the time zone '%s' is a legacy name: use %s, the zone kept up to date for "
			 "the place",
			 z, use);
	return 1;
}
