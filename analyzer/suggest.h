/* suggest: "did you mean" for a value that is none of those an option
 * takes: the nearest of a list of words (the formats, --period's keywords,
 * --split's unit), or of the time zones the system knows (the zones and
 * links of tzdata.zi in $TZDIR, else /usr/share/zoneinfo), compared
 * without regard to case. Nothing is kept: suggest_zone reads the list
 * each time it is called (an error's path only) and frees what it read. */
#ifndef ALMAUDIT_SUGGEST_H
#define ALMAUDIT_SUGGEST_H

#include <stddef.h>

/* The word of words (NULL-terminated) nearest to given, or NULL when none
 * is close (a typo's distance: at most 2 edits and half the word, or 3 in
 * a long one). */
const char *suggest_word(const char *given, const char *const *words);

/* The time zone nearest to given into buf ("America/New_York" for
 * "America/New_Yrok" or "america/new_york"): 1, or 0 when none is close
 * or the list cannot be read. */
int suggest_zone(const char *given, char *buf, size_t size);

#endif
