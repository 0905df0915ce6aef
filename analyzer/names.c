#include "names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* Of a long name only this many bytes are folded: the key is shorter still. */
#define NAMES_INPUT_MAX 512

/* Letters NFKD does not decompose, folded to the Latin letters people type
 * for them (after case folding, so lower case only); and the typographic
 * apostrophes, which NFKD keeps. Everything else is libunistring's work. */
static const struct {
	ucs4_t cp;
	const char *to;
} letters[] = {
	{0x00E6, "ae"}, /* æ */ {0x00F0, "d"}, /* ð */  {0x00F8, "o"}, /* ø */
	{0x00FE, "th"}, /* þ */ {0x0111, "d"}, /* đ */  {0x0127, "h"}, /* ħ */
	{0x0131, "i"},	/* ı */ {0x0138, "k"}, /* ĸ */  {0x0142, "l"}, /* ł */
	{0x014B, "n"},	/* ŋ */ {0x0153, "oe"}, /* œ */ {0x0167, "t"}, /* ŧ */
	{0x02BC, "'"},	/* ʼ */ {0x2018, "'"},	/* ‘ */ {0x2019, "'"}, /* ’ */
	{0x2032, "'"}, /* ′ (an ASCII ` stays: the ASCII path folds the same) */
	/* the dashes a page or Excel puts in a double surname */
	{0x2010, "-"},	/* ‐ */ {0x2011, "-"},	/* ‑ */ {0x2012, "-"}, /* ‒ */
	{0x2013, "-"},	/* – */ {0x2014, "-"},	/* — */ {0x2015, "-"}, /* ― */
	{0x2212, "-"},	/* − */
};

/* Appends the n bytes of one character to out (size bytes, a NUL kept
 * room for) unless it does not fit whole: 0, or -1 and out unchanged. */
static int put(char *out, size_t size, size_t *o, const char *s, size_t n)
{
	if (*o + n >= size)
		return -1;
	memcpy(out + *o, s, n);
	*o += n;
	return 0;
}

static int ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The ASCII fast path of fold: lower case, spaces collapsed. */
static size_t fold_ascii(const unsigned char *p, size_t n, char *out, size_t size)
{
	size_t o = 0;
	int space = 1; /* drop leading spaces */
	for (size_t i = 0; i < n && o + 1 < size; i++) {
		if (ascii_space(p[i])) {
			if (!space)
				out[o++] = ' ';
			space = 1;
		} else {
			out[o++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
			space = 0;
		}
	}
	return o;
}

/* Folds a name with letters past ASCII: compatibility decomposition (NFKD),
 * case folding, combining marks and default-ignorable characters dropped,
 * the letters above by the table. */
static size_t fold_unicode(const unsigned char *p, size_t n, char *out, size_t size)
{
	/* invalid UTF-8 reads as U+FFFD, so libunistring sees valid text */
	uint8_t clean[NAMES_INPUT_MAX * 3 + 4];
	size_t cl = 0;
	for (size_t i = 0; i < n && i < NAMES_INPUT_MAX;) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, p + i, n - i);
		if (uc == 0x00B4)
			uc = '\''; /* an acute accent typed for an apostrophe (O´Brien):
				     * NFKD would make it a space */
		int w = u8_uctomb(clean + cl, uc, (ptrdiff_t)(sizeof clean - cl));
		if (w < 0)
			break;
		cl += (size_t)w;
		i += (size_t)len;
	}

	uint8_t nfkd_buf[NAMES_INPUT_MAX * 4], fold_buf[NAMES_INPUT_MAX * 4];
	size_t nl = sizeof nfkd_buf, fl = sizeof fold_buf;
	uint8_t *nfkd = u8_normalize(UNINORM_NFKD, clean, cl, nfkd_buf, &nl);
	uint8_t *folded = nfkd ? u8_casefold(nfkd, nl, NULL, UNINORM_NFKD, fold_buf, &fl) : NULL;
	if (nfkd != nfkd_buf)
		free(nfkd);
	if (!folded)
		return 0; /* out of memory */

	size_t o = 0;
	int space = 1;
	for (size_t i = 0; i < fl;) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, folded + i, fl - i);
		const uint8_t *at = folded + i;
		i += (size_t)len;
		/* marks, and the invisible characters a pasted name carries (soft
		 * hyphen, zero-width space and joiners, byte order mark) */
		if (uc_is_general_category(uc, UC_CATEGORY_M) ||
		    uc_is_property_default_ignorable_code_point(uc))
			continue;
		if (uc_is_property_white_space(uc)) {
			if (!space && put(out, size, &o, " ", 1) != 0)
				break;
			space = 1;
			continue;
		}
		const char *to = NULL;
		for (size_t k = 0; k < sizeof letters / sizeof letters[0]; k++)
			if (letters[k].cp == uc)
				to = letters[k].to;
		int cut = to ? put(out, size, &o, to, strlen(to))
			     : put(out, size, &o, (const char *)at, (size_t)len);
		if (cut)
			break;
		space = 0;
	}
	if (folded != fold_buf)
		free(folded);
	return o;
}

/* Folds s into out (size >= 1 bytes, NUL-terminated): lower case, marks
 * removed, spaces collapsed and trimmed. A fold too long for out is cut
 * at a character boundary. Returns its length. */
static size_t fold(const char *s, size_t n, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n && p[i] < 0x80)
		i++;
	size_t o = i == n ? fold_ascii(p, n, out, size) : fold_unicode(p, n, out, size);
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return o;
}

size_t names_fold(const char *s, size_t n, char *out, size_t size)
{
	return fold(s, n, out, size);
}

/* A generational or academic suffix ("jr.", "III", "PhD"; folded, with or
 * without a period): not a middle name. "Tom Fischer Jr." is not Tom
 * Fischer: a name with one is matched whole or not at all. */
static int suffix(const char *w, size_t n)
{
	static const char *const all[] = {"jr", "sr", "ii", "iii", "iv", "2nd", "3rd", "4th",
					  "phd", "md", "esq"};
	if (n && w[n - 1] == '.')
		n--;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (strlen(all[i]) == n && memcmp(w, all[i], n) == 0)
			return 1;
	return 0;
}

/* Appends src (n bytes, whole characters) to key at *o, after a space
 * when key holds text: 0, or 1 when it did not fit whole (as much of it
 * as fits, cut at a character boundary: the key is full, nothing may
 * follow, so that a key is always a prefix of the whole). */
static int append(char *key, size_t *o, const char *src, size_t n)
{
	if (!n)
		return 0;
	if (*o) {
		if (*o + 2 >= NAMES_KEY_MAX)
			return 1;
		key[(*o)++] = ' ';
	}
	size_t room = NAMES_KEY_MAX - 1 - *o;
	int cut = n > room;
	if (cut) {
		n = room;
		while (n && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--; /* not inside a character */
		if (!n) {
			(*o)--; /* no space before nothing */
			return 1;
		}
	}
	memcpy(key + *o, src, n);
	*o += n;
	return cut;
}

/* The words of a name that end it and are suffixes ("Jr.", "III"), their
 * periods dropped: "Tom Fischer Jr." and "Fischer, Tom Jr" are one key. */
static size_t tidy_suffixes(char *key, size_t o)
{
	size_t end = o;
	while (end) {
		size_t start = end;
		while (start && key[start - 1] != ' ')
			start--;
		if (!suffix(key + start, end - start))
			break;
		if (key[end - 1] == '.') {
			memmove(key + end - 1, key + end, o - end);
			o--;
		}
		if (!start)
			break;
		end = start - 1;
	}
	while (o && key[o - 1] == ' ')
		o--;
	key[o] = '\0';
	return o;
}

size_t names_key(const char *s, size_t n, char key[NAMES_KEY_MAX])
{
	const char *comma = memchr(s, ',', n);
	if (!comma)
		return tidy_suffixes(key, fold(s, n, key, NAMES_KEY_MAX));
	/* "Last, First" is "First Last", and "Last, First Jr." (or "Last,
	 * First, Jr.") "First Last Jr.": the suffixes after the given names
	 * end the key; after the comma only suffixes ("Tom Fischer, Jr."),
	 * the name before it is the whole name but for "Md", a given name
	 * too ("Rahman, Md") */
	char given[NAMES_KEY_MAX], sur[NAMES_KEY_MAX];
	size_t gn = fold(comma + 1, n - (size_t)(comma - s) - 1, given, sizeof given);
	size_t sn = fold(s, (size_t)(comma - s), sur, sizeof sur);
	const char *w[NAMES_KEY_MAX / 2 + 1];
	size_t len[NAMES_KEY_MAX / 2 + 1], k = 0, t;
	for (size_t i = 0; i < gn;) {
		size_t j = i;
		while (j < gn && given[j] != ' ')
			j++;
		size_t l = j - i;
		while (l && given[i + l - 1] == ',')
			l--; /* "Tom, Jr.": the comma goes */
		if (l) {
			w[k] = given + i;
			len[k++] = l;
		}
		i = j + 1;
	}
	for (t = k; t && suffix(w[t - 1], len[t - 1]); t--)
		;
	if (!t && k == 1 && (len[0] == 2 || (len[0] == 3 && w[0][2] == '.')) &&
	    memcmp(w[0], "md", 2) == 0)
		t = k; /* "Rahman, Md" */
	size_t o = 0;
	int full = 0;
	for (size_t i = 0; i < t && !full; i++)
		full = append(key, &o, w[i], len[i]);
	if (!full)
		full = append(key, &o, sur, sn);
	for (size_t i = t; i < k && !full; i++)
		full = append(key, &o, w[i], len[i]);
	return tidy_suffixes(key, o);
}

/* ---- names reduced to the first given name and the surname ---- */

#define NAMES_WORDS 64 /* a key of NAMES_KEY_MAX bytes has fewer */

/* The words of a folded name (one space between each): their starts and
 * lengths, at most max; returns how many. */
static size_t words(const char *s, const char **w, size_t *len, size_t max)
{
	size_t k = 0;
	while (*s && k < max) {
		const char *end = strchr(s, ' ');
		size_t l = end ? (size_t)(end - s) : strlen(s);
		w[k] = s;
		len[k++] = l;
		s += l;
		if (*s)
			s++;
	}
	return k;
}

/* The bytes of the first character of a word of n bytes (n > 0). */
static size_t first_char(const char *w, size_t n)
{
	int l = u8_mblen((const uint8_t *)w, n);
	return l > 0 ? (size_t)l : 1;
}

/* Whether any of the k words is such a suffix. */
static int any_suffix(const char *const *w, const size_t *len, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (suffix(w[i], len[i]))
			return 1;
	return 0;
}

/* A single letter, with or without a period: "j", "j.", "é." (folded). */
static int initial(const char *w, size_t n)
{
	ucs4_t uc;
	size_t c = n ? first_char(w, n) : 0;
	if (!c || !(n == c || (n == c + 1 && w[c] == '.')))
		return 0;
	u8_mbtouc(&uc, (const uint8_t *)w, c);
	return uc_is_alpha(uc);
}

/* One reduction: "first surname" and the middles; 0 when the key would
 * not fit. */
static size_t put_split(struct names_split *o, const char *first, size_t fn, const char *sur,
			size_t sn, const char *mid, size_t mn)
{
	if (fn + 1 + sn >= NAMES_KEY_MAX || mn >= NAMES_KEY_MAX)
		return 0;
	memcpy(o->key, first, fn);
	o->key[fn] = ' ';
	memcpy(o->key + fn + 1, sur, sn);
	o->key[fn + 1 + sn] = '\0';
	memcpy(o->middles, mid, mn);
	o->middles[mn] = '\0';
	return 1;
}

size_t names_reduce(const char *s, size_t n, struct names_split *out, size_t max)
{
	char given[NAMES_KEY_MAX], sur[NAMES_KEY_MAX];
	const char *w[NAMES_WORDS];
	size_t len[NAMES_WORDS], count = 0;
	const char *comma = memchr(s, ',', n);
	if (!max)
		return 0;
	if (comma) {
		/* "Last, First Middle...": the surname is all before the comma */
		fold(comma + 1, n - (size_t)(comma - s) - 1, given, sizeof given);
		size_t sn = fold(s, (size_t)(comma - s), sur, sizeof sur);
		size_t k = words(given, w, len, NAMES_WORDS);
		const char *sw[NAMES_WORDS];
		size_t sl[NAMES_WORDS], sk = words(sur, sw, sl, NAMES_WORDS);
		if (!k || !sn || any_suffix(w, len, k) || any_suffix(sw, sl, sk))
			return 0;
		const char *mid = k > 1 ? w[1] : "";
		return put_split(out, w[0], len[0], sur, sn, mid, strlen(mid));
	}
	fold(s, n, given, sizeof given);
	size_t k = words(given, w, len, NAMES_WORDS);
	if (any_suffix(w, len, k))
		return 0;
	/* "First Middle... Last": the last word, then longer surnames */
	for (size_t j = k - 1; k >= 2 && j >= 1 && count < max; j--) {
		if (initial(w[j], len[j]))
			break;
		size_t mn = j > 1 ? (size_t)(w[j - 1] + len[j - 1] - w[1]) : 0;
		count += put_split(&out[count], w[0], len[0], w[j], strlen(w[j]), j > 1 ? w[1] : "",
				   mn);
	}
	return count;
}

/* One middle against another: the same word, or an initial that is the
 * other's first letter (a period after either is no matter). */
static int word_agrees(const char *a, size_t an, const char *b, size_t bn)
{
	if (an && a[an - 1] == '.')
		an--;
	if (bn && b[bn - 1] == '.')
		bn--;
	if (!an || !bn)
		return an == bn;
	size_t ca = first_char(a, an), cb = first_char(b, bn);
	if (an == ca || bn == cb)
		return ca == cb && memcmp(a, b, ca) == 0;
	return an == bn && memcmp(a, b, an) == 0;
}

int names_middles_agree(const char *a, const char *b)
{
	const char *wa[NAMES_WORDS], *wb[NAMES_WORDS];
	size_t la[NAMES_WORDS], lb[NAMES_WORDS];
	size_t na = words(a, wa, la, NAMES_WORDS), nb = words(b, wb, lb, NAMES_WORDS);
	const char **ws = na <= nb ? wa : wb, **wl = na <= nb ? wb : wa;
	size_t *ls = na <= nb ? la : lb, *ll = na <= nb ? lb : la;
	size_t ns = na <= nb ? na : nb, nl = na <= nb ? nb : na;
	/* the shorter's words in order in the longer: each at the first that
	 * agrees (a match missed so is a refusal, never a wrong match) */
	for (size_t i = 0, at = 0; i < ns; i++, at++) {
		while (at < nl && !word_agrees(ws[i], ls[i], wl[at], ll[at]))
			at++;
		if (at == nl)
			return 0;
	}
	return 1;
}

size_t names_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[NAMES_KEY_MAX + 1];
	if (la > NAMES_KEY_MAX)
		la = NAMES_KEY_MAX;
	if (lb > NAMES_KEY_MAX)
		lb = NAMES_KEY_MAX;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}
