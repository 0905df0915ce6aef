/* The nearest valid value: see suggest.h. */
#include "suggest.h"

#include "names.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* s in lower case into out (at most NAMES_KEY_MAX - 1 bytes). */
static void lower(const char *s, char out[NAMES_KEY_MAX])
{
	size_t i = 0;
	for (; s[i] && i + 1 < NAMES_KEY_MAX; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[i] = '\0';
}

/* Whether d edits away from a word of len bytes is a typo, not another word. */
static int close_enough(size_t d, size_t len)
{
	return d <= 2 ? d * 2 <= len : d <= 3 && d * 4 <= len;
}

/* The distance of given (lower case) from word, case aside. */
static size_t distance(const char *given, const char *word)
{
	char w[NAMES_KEY_MAX];
	lower(word, w);
	return names_distance(given, w);
}

const char *suggest_word(const char *given, const char *const *words)
{
	char g[NAMES_KEY_MAX];
	lower(given, g);
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; words[i]; i++) {
		size_t d = distance(g, words[i]);
		if (d < best_d) {
			best_d = d;
			best = words[i];
		}
	}
	return best && close_enough(best_d, strlen(g)) ? best : NULL;
}

int suggest_zone(const char *given, char *buf, size_t size)
{
	const char *dir = getenv("TZDIR");
	char path[4096], g[NAMES_KEY_MAX], line[512], best[NAMES_KEY_MAX] = "";
	size_t best_d = (size_t)-1;
	snprintf(path, sizeof path, "%s/tzdata.zi", dir && *dir ? dir : "/usr/share/zoneinfo");
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	lower(given[0] == ':' ? given + 1 : given, g);
	while (fgets(line, sizeof line, f)) {
		/* "Z America/New_York ...", a zone; "L America/New_York US/Eastern",
		 * a link (its second name) */
		char a[NAMES_KEY_MAX], b[NAMES_KEY_MAX];
		int n = (line[0] == 'Z' || line[0] == 'L') && line[1] == ' '
				? sscanf(line + 2, "%127s %127s", a, b)
				: 0;
		const char *name = line[0] == 'Z' && n >= 1 ? a : line[0] == 'L' && n == 2 ? b : NULL;
		if (!name)
			continue;
		size_t d = distance(g, name);
		if (d < best_d) {
			best_d = d;
			snprintf(best, sizeof best, "%s", name);
		}
	}
	fclose(f);
	if (!best[0] || !close_enough(best_d, strlen(g)) || (size_t)snprintf(buf, size, "%s", best) >= size)
		return 0;
	return 1;
}
