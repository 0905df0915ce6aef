/* times: parsing export timestamps into UTC instants and printing them, in
 * the one local zone of a run (--tz, else $TZ, else the system zone).
 * Instants are seconds since the Unix epoch (int64_t); TIME_NONE marks an
 * absent time. The module owns the process's TZ setting; nothing to free. */
#ifndef ALMAUDIT_TIMES_H
#define ALMAUDIT_TIMES_H

#include <stddef.h>
#include <stdint.h>

#define TIME_NONE INT64_MIN

/* The years a date or timestamp is read in (inputs, --period, --since,
 * --until, a baseline's period, waivers, $ALMAUDIT_NOW), as written and in
 * the local zone (a time with an offset whose local date falls outside
 * them is no time: 9999-12-31T23:59:59Z in Pacific/Kiritimati): what the
 * tool writes stays in them, so that it reads it back (period.c). */
#define TIMES_YEAR_MIN 1900
#define TIMES_YEAR_MAX 9999

/* Select the local zone: an IANA name ("America/New_York"), "UTC", or a
 * POSIX TZ string. NULL keeps $TZ (checked as a zone given is) or the
 * system zone. Reports an unknown zone and returns -1. */
int times_set_zone(const char *zone);

/* 1 when zone is a POSIX string naming UTC or GMT with an offset ("UTC+5",
 * "GMT-5"), which times_set_zone refuses: POSIX reads the offset west of
 * UTC, so UTC+5 is UTC-05:00, the opposite of what it says. */
int times_zone_reversed(const char *zone);

/* The zone in force, for report headers ("America/New_York"). */
const char *times_zone_name(void);

/* When the zone in force is one people pick by mistake: a fixed offset
 * named like a US or European zone (EST, MST, HST, Etc/GMT+5, a POSIX
 * "EST5"), an hour off all summer, or a legacy name (US/Eastern, EST5EDT,
 * CET): the warning naming the zone to use into buf, and 1; else 0. */
int times_zone_warning(char *buf, size_t size);

/* Parse one timestamp (not NUL-terminated; surrounding spaces allowed):
 *   2026-10-05T09:11:32.592Z, 2026-10-05T09:11:32+02:00 (or +0200, +02)
 *   2026-10-05 09:11[:SS]           local
 *   10/05/2026 09:11[:SS]           local, 24-hour
 *   10/05/2026 9:11[:SS] AM         local, 12-hour
 * Returns 0 and sets *out, or -1 when s is not one of these or names an
 * impossible date or time. Writes no diagnostic. A fraction of a second is
 * dropped: *out is the whole second it falls in. */
int times_parse(const char *s, size_t n, int64_t *out);

/* The same, to the millisecond: *out is milliseconds since the epoch, the
 * fraction kept (any number of digits, cut to three). What a run's time is
 * compared with (a sandbox run half a second earlier is earlier). */
int times_parse_ms(const char *s, size_t n, int64_t *out);

/* The same, with a slash date read day first (DD/MM/YYYY) when day_first
 * is set. */
int times_parse_ms_order(const char *s, size_t n, int day_first, int64_t *out);

/* What a slash date says of its order ("10/05/2026 9:11 AM"): none (no
 * slash date), either (both numbers 12 or less), day first (the first is
 * over 12: 25/10/2026), month first (the second is: 10/25/2026). */
enum {
	TIMES_SLASH_NONE,
	TIMES_SLASH_EITHER,
	TIMES_SLASH_DAY_FIRST,
	TIMES_SLASH_MONTH_FIRST
};
int times_slash_order(const char *s, size_t n);

/* Whether s (which a parse refused) is a date or time but for its year,
 * for saying so instead of "not a date": 1 for a year outside
 * TIMES_YEAR_MIN..TIMES_YEAR_MAX as written ("1899-12-31", "10000-01-01",
 * "12/31/1899"), 2 for an instant whose local date (in the zone in force)
 * is outside them; else 0. */
int times_year_outside(const char *s, size_t n, int day_first);

/* Parse a calendar date YYYY-MM-DD; 0 or -1. */
int times_parse_date(const char *s, size_t n, int *y, int *m, int *d);

/* The instant of a local wall-clock time. Times skipped by a daylight-saving
 * change are read with the offset in force before it (02:30 on a spring-forward
 * night is 03:30 summer time); repeated times take their first occurrence. */
int64_t times_from_local(int y, int mo, int d, int h, int mi, int s);

/* Days since 1970-01-01 of a civil date, and back. */
int64_t times_days_from_civil(int y, int m, int d);
void times_civil_from_days(int64_t days, int *y, int *m, int *d);

/* The local date of an instant, as days since 1970-01-01. */
int64_t times_local_day(int64_t t);

/* The local wall-clock parts of an instant, and the zone's offset then
 * (seconds east of UTC). weekday: 0 Sunday ... 6 Saturday. */
struct times_parts {
	int year, month, day, hour, minute, second, weekday;
	long offset;
};
void times_local_parts(int64_t t, struct times_parts *p);

/* "2026-10-05" for a day (days since 1970); TIME_NONE writes "". */
void times_format_day(int64_t day, char *buf, size_t size);

/* "2026-10-05T09:11:32Z"; buf holds at least 32 bytes. TIME_NONE writes "". */
void times_format_utc(int64_t t, char *buf, size_t size);
/* "2026-10-05 05:11" in the local zone; buf holds at least 32 bytes. TIME_NONE
 * writes "". */
void times_format_local(int64_t t, char *buf, size_t size);

#endif
