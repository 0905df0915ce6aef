/* period: the span of local dates an audit reports on: --period (today,
 * yesterday, monday ... sunday, last-month, 2026-10-14, 2026-10, 2026-Q4,
 * 2026, ...) or --since/--until, both inclusive, in the --tz zone. --since
 * and --until take a date, or a date and a time of day ("2026-10-14 09:00",
 * local), or any time form the exports take (2026-10-14T13:00:00Z, an
 * offset, "10/14/2026 9:00 AM", a slash date alone, month first): since
 * from that minute, until to the end of that minute (of that second when
 * seconds are given). A plain struct; nothing to free. */
#ifndef ALMAUDIT_PERIOD_H
#define ALMAUDIT_PERIOD_H

#include <stddef.h>
#include <stdint.h>

struct period {
	int64_t first_day, last_day; /* local days since 1970, inclusive; TIME_NONE open */
	int64_t from, to;	     /* UTC instants [from, to); TIME_NONE open */
	char name[48];		     /* what was asked: "last-month", "2026-10", "" */
	/* the time of day of --since and --until as given ("09:00",
	 * "17:30:15"), "" for a whole day */
	char since_clock[12], until_clock[12];
};

/* Sets *p from the options (any may be NULL); today is the local date
 * (days since 1970) that relative periods count from. Reports a bad value
 * and returns -1. */
int period_set(struct period *p, const char *period, const char *since, const char *until,
	       int64_t today);

/* 1 when instant t is inside the period. */
int period_has(const struct period *p, int64_t t);

/* "2026-10-01 to 2026-10-31 (last-month)", "2026-10-14 09:00 to
 * 2026-10-14 17:00", or "all dates". */
void period_text(const struct period *p, char *buf, size_t size);

#endif
