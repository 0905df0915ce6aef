/* names: people's names as comparable keys. "Van Alstine, Colin", "colin  van
 * alstine" and "Colin Van Alstine" have one key: "Last, First" turned round,
 * case, accents and extra spaces ignored. Keys are folded with libunistring
 * (the only module that includes its headers): compatibility decomposition
 * (NFKD), case folding, combining marks and invisible (default-ignorable)
 * characters dropped, and a small table for the
 * letters with no decomposition (ø o, ł l, æ ae, þ th, ...); all-ASCII names
 * take a fast path. A name reduced (names_reduce) is its first given name
 * and surname, its middle names and initials set apart, for matching an
 * export's "Fischer, Ben J." to staff.csv's "Ben Fischer" when the whole
 * name matches nobody. Owns nothing. */
#ifndef ALMAUDIT_NAMES_H
#define ALMAUDIT_NAMES_H

#include <stddef.h>

#define NAMES_KEY_MAX 128

/* Writes the key of s (n bytes) into key (NAMES_KEY_MAX bytes) and returns
 * its length; 0 for a blank name. A name too long is cut at a character
 * boundary: the key, its NUL included, never passes NAMES_KEY_MAX bytes. */
size_t names_key(const char *s, size_t n, char key[NAMES_KEY_MAX]);

/* Folds s (n bytes) into out (size >= 1 bytes, NUL-terminated) as a key
 * folds a name, without turning it round: lower case (Unicode case
 * folding), accents and other marks and invisible characters dropped,
 * compatibility forms decomposed, spaces collapsed and trimmed; cut at a
 * character boundary when too long. Its length. For other text compared
 * as people type it (columns' header names). */
size_t names_fold(const char *s, size_t n, char *out, size_t size);

/* A name without its middle names and initials: key "first surname" (as
 * names_key writes "surname, first"), middles the words set apart ("j.",
 * "james k."), "" when none. "Last, First Middle...": the part before the
 * comma is the surname, whole ("van der Berg, Anna M." is "anna van der
 * berg", middle "m."). "First Middle... Last": the first and last words,
 * then each longer surname the words allow ("Anna M. van der Berg": "anna
 * berg" with "m. van der", "anna der berg" with "m. van", "anna van der
 * berg" with "m."); a surname never begins with an initial. */
#define NAMES_SPLITS 8
struct names_split {
	char key[NAMES_KEY_MAX];
	char middles[NAMES_KEY_MAX];
};

/* Writes the reductions of s (n bytes) into out (at most max, the first
 * and last words first) and returns how many: 0 for a name of one word, a
 * blank one, or one with a suffix (Jr., Sr., II, III, IV, 2nd, 3rd, 4th,
 * PhD, MD, Esq.: "Tom Fischer Jr." is not Tom Fischer; such a name matches
 * whole or not at all). A reduction too long for the key is left out. */
size_t names_reduce(const char *s, size_t n, struct names_split *out, size_t max);

/* 1 when two lists of middles (names_split.middles) may be one person's:
 * the shorter, word by word in order, found in the longer, a word agreeing
 * with the same word or with an initial (a single letter, with or without a
 * period) that is its first letter. "j." agrees with "", "james", "j" and
 * "james k."; not with "k." or "john". */
int names_middles_agree(const char *a, const char *b);

/* Edit distance between two keys, for "did you mean" suggestions. */
size_t names_distance(const char *a, const char *b);

#endif
