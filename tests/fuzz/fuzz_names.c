/* Fuzzes the identity functions: the name key (names_key) and the person
 * lookups (rules_person_for, rules_person_by_text, rules_nearest_person)
 * with the shipped rules, loaded once. The input is a name, any bytes.
 * Invariants: the key is shorter than NAMES_KEY_MAX, NUL-terminated at the
 * length returned, valid UTF-8, and its own key again; "Last, First" and
 * "First Last" have one key for plain ASCII names; a lookup returns a person
 * of the rules or -1, and never crashes. */
#include "fuzz.h"
#include "matrix.h"
#include "names.h"
#include "rules.h"
#include "times.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* 1 when s (n bytes) is valid UTF-8: shortest forms, no surrogates, at
 * most U+10FFFF. */
static int valid_utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		size_t len;
		unsigned cp, min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			len = 2, cp = c & 0x1F, min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			len = 3, cp = c & 0x0F, min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			len = 4, cp = c & 0x07, min = 0x10000;
		} else {
			return 0;
		}
		if (i + len > n)
			return 0;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

/* The key of s, with the invariants every key keeps. */
static size_t key_of(const char *s, size_t n, char key[NAMES_KEY_MAX])
{
	/* a canary past the key: names_key must not write beyond NAMES_KEY_MAX */
	struct {
		char key[NAMES_KEY_MAX];
		char canary[16];
	} buf;
	memset(buf.canary, 0x5A, sizeof buf.canary);
	size_t len = names_key(s, n, buf.key);
	for (size_t i = 0; i < sizeof buf.canary; i++)
		if (buf.canary[i] != 0x5A)
			abort();
	if (len >= NAMES_KEY_MAX || buf.key[len] != '\0')
		abort();
	/* a NUL byte in the name is kept in the key as any other byte */
	if (!memchr(s, '\0', n) && strlen(buf.key) != len)
		abort();
	if (!valid_utf8((const unsigned char *)buf.key, len))
		abort();
	memcpy(key, buf.key, len + 1);
	return len;
}

static int plain_word_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ';
}

/* For a plain ASCII name "First Rest of it": the key of "Rest of it, First"
 * is the key of "First Rest of it". */
static void check_turned_round(const uint8_t *data, size_t size)
{
	if (size == 0 || size > 100)
		return;
	for (size_t i = 0; i < size; i++)
		if (!plain_word_char(data[i]))
			return;
	const char *s = (const char *)data;
	size_t b = 0, e = size;
	while (b < e && s[b] == ' ')
		b++;
	while (e > b && s[e - 1] == ' ')
		e--;
	size_t sp = b;
	while (sp < e && s[sp] != ' ')
		sp++;
	if (sp == e)
		return; /* one word */
	/* a given name that is a suffix ("Fischer, Jr.", "i, ii"): after the
	 * comma it ends the whole name, by design (names_key), not turned */
	static const char *const suffixes[] = {"jr", "sr", "ii", "iii", "iv", "2nd", "3rd",
					       "4th", "phd", "md", "esq"};
	size_t wl = sp - b;
	if (wl && s[b + wl - 1] == '.')
		wl--;
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (strlen(suffixes[i]) == wl && strncasecmp(s + b, suffixes[i], wl) == 0)
			return;
	size_t rest = sp;
	while (rest < e && s[rest] == ' ')
		rest++;
	char turned[256], direct[256], k1[NAMES_KEY_MAX], k2[NAMES_KEY_MAX];
	int n1 = snprintf(turned, sizeof turned, "%.*s, %.*s", (int)(e - rest), s + rest,
			  (int)(sp - b), s + b);
	int n2 = snprintf(direct, sizeof direct, "%.*s %.*s", (int)(sp - b), s + b,
			  (int)(e - rest), s + rest);
	key_of(turned, (size_t)n1, k1);
	key_of(direct, (size_t)n2, k2);
	if (strcmp(k1, k2) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rules *rules;
	static int loaded;
	if (!loaded++) {
		times_set_zone("UTC");
		rules = matrix_load(ALMAUDIT_SOURCE_DIR "/rules");
		if (!rules)
			abort(); /* the shipped rules load */
	}
	char key[NAMES_KEY_MAX], again[NAMES_KEY_MAX];
	size_t len = key_of((const char *)data, size, key);
	/* a key without a comma (and so not turned round) is its own key:
	 * folding twice changes nothing */
	if (!memchr(key, ',', len) && !memchr(key, '\0', len) &&
	    (key_of(key, len, again) != len || strcmp(key, again) != 0))
		abort();
	if (names_distance(key, key) != 0)
		abort();
	check_turned_round(data, size);

	/* the lookups take C strings: the input up to its first NUL */
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	int how;
	int p = rules_person_for(rules, text, text, &how);
	int by_id = how == RULES_BY_ID; /* not by a name, whole or without its middles */
	if (p < -1 || p >= (int)rules->npeople || (by_id && p < 0) ||
	    (how == RULES_BY_REDUCED && p < 0))
		abort();
	/* found by id or by name, and by that alone too */
	int alone = by_id ? rules_person_for(rules, text, NULL, &how)
			  : rules_person_for(rules, NULL, text, &how);
	if (alone != p)
		abort();
	p = rules_person_by_text(rules, text);
	if (p < -1 || p >= (int)rules->npeople)
		abort();
	if (size < 512) {
		const char *near = rules_nearest_person(rules, text);
		if (near && !*near)
			abort();
	}
	free(text);
	return 0;
}
