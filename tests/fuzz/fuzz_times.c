/* Fuzzes the time parser. Whatever parses must print and parse back to the
 * same instant, in UTC and in the local zone's terms; the millisecond parser
 * takes the same texts, to the same second. */
#include "fuzz.h"
#include "times.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int zone;
	if (!zone++)
		times_set_zone("America/New_York");
	int64_t t;
	if (times_parse((const char *)data, size, &t) == 0) {
		char utc[32];
		int64_t back;
		times_format_utc(t, utc, sizeof utc);
		if (times_parse(utc, strlen(utc), &back) != 0 || back != t)
			abort();
		struct times_parts p;
		times_local_parts(t, &p);
		if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31 || p.hour > 23)
			abort();
		/* to the millisecond: the same instant, its fraction within the second */
		int64_t ms;
		if (times_parse_ms((const char *)data, size, &ms) != 0 || ms - t * 1000 < 0 ||
		    ms - t * 1000 > 999)
			abort();
	} else if (times_parse_ms((const char *)data, size, &t) == 0) {
		abort();
	}
	int y, m, d;
	if (times_parse_date((const char *)data, size, &y, &m, &d) == 0) {
		int y2, m2, d2;
		times_civil_from_days(times_days_from_civil(y, m, d), &y2, &m2, &d2);
		if (y2 != y || m2 != m || d2 != d)
			abort();
	}
	return 0;
}
