/* names: people's names as comparable keys. "Van Alstine, Colin", "colin  van
 * alstine" and "Colin Van Alstine" have one key: "Last, First" turned round,
 * case, accents and extra spaces ignored. Keys are folded with libunistring
 * (the only module that includes its headers): compatibility decomposition
 * (NFKD), case folding, combining marks and invisible (default-ignorable)
 * characters dropped, and a small table for the
 * letters with no decomposition (ø o, ł l, æ ae, þ th, ...); all-ASCII names
 * take a fast path. Owns nothing. */
#ifndef ALMAUDIT_NAMES_H
#define ALMAUDIT_NAMES_H

#include <stddef.h>

#define NAMES_KEY_MAX 128

/* Writes the key of s (n bytes) into key (NAMES_KEY_MAX bytes) and returns
 * its length; 0 for a blank name. A name too long is cut at a character
 * boundary: the key, its NUL included, never passes NAMES_KEY_MAX bytes. */
size_t names_key(const char *s, size_t n, char key[NAMES_KEY_MAX]);

/* Edit distance between two keys, for "did you mean" suggestions. */
size_t names_distance(const char *a, const char *b);

#endif
