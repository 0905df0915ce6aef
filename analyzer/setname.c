#include "setname.h"

#include <string.h>
#include <strings.h>

static int digits(const char *s, size_t n, size_t *i, size_t lo, size_t hi)
{
	size_t k = 0;
	while (*i < n && s[*i] >= '0' && s[*i] <= '9' && k < hi)
		(*i)++, k++;
	return k >= lo && !(*i < n && s[*i] >= '0' && s[*i] <= '9');
}

/* 1 when s[0..n) is a date, then perhaps a time of day: 10/07/2026,
 * 2025-10-05, 10/07/2026 15:01:54, 2025-10-05 4:11 AM, 2025-10-05T09:11Z. */
static int is_stamp(const char *s, size_t n)
{
	size_t i = 0;
	if (!digits(s, n, &i, 1, 4) || i >= n)
		return 0;
	char sep = s[i];
	if (sep != '/' && sep != '-' && sep != '.')
		return 0;
	i++;
	if (!digits(s, n, &i, 1, 2) || i >= n || s[i] != sep)
		return 0;
	i++;
	if (!digits(s, n, &i, 1, 4))
		return 0;
	if (i == n)
		return 1;
	if (s[i] != ' ' && s[i] != 'T')
		return 0;
	i++;
	if (!digits(s, n, &i, 1, 2) || i >= n || s[i] != ':')
		return 0;
	i++;
	if (!digits(s, n, &i, 2, 2))
		return 0;
	if (i < n && s[i] == ':') {
		i++;
		if (!digits(s, n, &i, 2, 2))
			return 0;
		if (i < n && s[i] == '.') {
			i++;
			if (!digits(s, n, &i, 1, 9))
				return 0;
		}
	}
	if (i + 3 == n && s[i] == ' ' && (s[i + 1] == 'A' || s[i + 1] == 'P' || s[i + 1] == 'a' ||
					  s[i + 1] == 'p') &&
	    (s[i + 2] == 'M' || s[i + 2] == 'm'))
		return 1;
	if (i + 1 == n && s[i] == 'Z')
		return 1;
	return i == n;
}

size_t setname_infer(const char *name, size_t n, const char *job, size_t jn,
		     const char **set)
{
	*set = NULL;
	while (jn && job[jn - 1] == ' ')
		jn--;
	if (!jn || n < jn + 3 || strncasecmp(name, job, jn) != 0 ||
	    memcmp(name + jn, " - ", 3) != 0)
		return 0;
	const char *s = name + jn + 3;
	size_t len = n - jn - 3;
	if (len >= 10 && strncasecmp(s, "via API - ", 10) == 0)
		return 0;
	/* a trailing " - <stamp>", or the whole rest a stamp */
	if (is_stamp(s, len))
		return 0;
	for (size_t i = len; i >= 3; i--)
		if (memcmp(s + i - 3, " - ", 3) == 0) {
			if (is_stamp(s + i, len - i))
				len = i - 3;
			break;
		}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	if (!len)
		return 0;
	*set = s;
	return len;
}
