#include "names.h"

#include <string.h>

/* Latin letters with marks, folded to their base letters. */
static const struct {
	unsigned lo, hi;
	const char *to;
} folds[] = {
	{0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"},  {0xC8, 0xCB, "e"},
	{0xCC, 0xCF, "i"}, {0xD0, 0xD0, "d"},  {0xD1, 0xD1, "n"},  {0xD2, 0xD6, "o"},
	{0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"},  {0xDD, 0xDD, "y"},  {0xDE, 0xDE, "th"},
	{0xDF, 0xDF, "ss"}, {0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"}, {0xE7, 0xE7, "c"},
	{0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"},  {0xF0, 0xF0, "d"},  {0xF1, 0xF1, "n"},
	{0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"},  {0xF9, 0xFC, "u"},  {0xFD, 0xFD, "y"},
	{0xFE, 0xFE, "th"}, {0xFF, 0xFF, "y"}, {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},
	{0x10E, 0x111, "d"}, {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},
	{0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
	{0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
	{0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"},
	{0x174, 0x175, "w"}, {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
	{0x2018, 0x2019, "'"}, {0xA0, 0xA0, " "},
};

/* Decodes one UTF-8 sequence at s; returns its length (1 for a stray byte). */
static size_t decode(const unsigned char *s, size_t n, unsigned *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
	if (!len || len > n) {
		*cp = 0xFFFD;
		return 1;
	}
	unsigned v = s[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	return len;
}

/* Folds s into out: lower case, marks removed, spaces collapsed. */
static size_t fold(const char *s, size_t n, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, i = 0;
	int space = 1; /* drop leading spaces */

	while (i < n && o + 3 < size) {
		unsigned cp;
		size_t len = decode(p + i, n - i, &cp);
		const char *to = NULL;
		char one[2] = {0, 0};
		if (cp == ' ' || cp == '\t' || cp == 0xA0) {
			to = " ";
		} else if (cp < 0x80) {
			one[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
			to = one;
		} else {
			for (size_t k = 0; k < sizeof folds / sizeof folds[0]; k++)
				if (cp >= folds[k].lo && cp <= folds[k].hi)
					to = folds[k].to;
		}
		if (to && to[0] == ' ') {
			if (!space)
				out[o++] = ' ';
			space = 1;
		} else if (to) {
			for (; *to && o + 1 < size; to++)
				out[o++] = *to;
			space = 0;
		} else {
			/* another script: keep the bytes as they are */
			for (size_t k = 0; k < len && o + 1 < size; k++)
				out[o++] = (char)p[i + k];
			space = 0;
		}
		i += len;
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return o;
}

size_t names_key(const char *s, size_t n, char key[NAMES_KEY_MAX])
{
	const char *comma = memchr(s, ',', n);
	if (!comma)
		return fold(s, n, key, NAMES_KEY_MAX);
	/* "Last, First" is "First Last" */
	char first[NAMES_KEY_MAX];
	size_t fl = fold(comma + 1, n - (size_t)(comma - s) - 1, first, sizeof first);
	size_t o = 0;
	if (fl) {
		memcpy(key, first, fl);
		o = fl;
		key[o++] = ' ';
	}
	o += fold(s, (size_t)(comma - s), key + o, NAMES_KEY_MAX - o);
	while (o && key[o - 1] == ' ')
		o--;
	key[o] = '\0';
	return o;
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
