#include "cells.h"

#include "diag.h"

#include <inttypes.h>

const char *report_count(uint64_t n, char *buf, size_t size)
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%" PRIu64, n);
	size_t o = 0;
	for (int i = 0; i < len && o + 1 < size; i++) {
		if (i && (len - i) % 3 == 0 && o + 2 < size)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

const char *report_count_of(uint64_t n, const char *one, const char *many, char *buf,
			    size_t size)
{
	char digits[32];
	snprintf(buf, size, "%s %s", report_count(n, digits, sizeof digits), n == 1 ? one : many);
	return buf;
}

size_t report_utf8_len(const unsigned char *p)
{
	/* (a NUL ends a character short: four bytes are never read past it) */
	return diag_utf8_len(p, 4);
}

void report_text_char(FILE *out, const unsigned char *p, size_t len)
{
	/* the controls a terminal acts on: C0 and DEL, C1 (U+0080 to U+009F:
	 * U+009B is CSI), and the bidirectional overrides and isolates
	 * (U+202A to U+202E, U+2066 to U+2069), which reorder what follows */
	if ((len == 1 && (*p < 0x20 || *p == 0x7F)) || (len == 2 && p[0] == 0xC2 && p[1] < 0xA0) ||
	    (len == 3 && p[0] == 0xE2 &&
	     ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
	      (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))))
		putc(' ', out);
	else if (len == 0)
		putc('?', out); /* a stray byte of invalid UTF-8 */
	else
		fwrite(p, 1, len, out);
}

/* The code point of the well-formed UTF-8 character of len bytes at p. */
static uint32_t code_point(const unsigned char *p, size_t len)
{
	if (len == 1)
		return p[0];
	uint32_t c = p[0] & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
	for (size_t i = 1; i < len; i++)
		c = c << 6 | (p[i] & 0x3F);
	return c;
}

/* Columns a character takes on a terminal: 0 for a combining mark, 2 for
 * the wide characters of East Asian scripts (and emoji), else 1. */
static int columns_of(uint32_t c)
{
	static const uint32_t zero[][2] = {{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
					   {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
					   {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}};
	static const uint32_t wide[][2] = {
		{0x1100, 0x115F},   {0x2E80, 0x303E},	{0x3041, 0x33FF},   {0x3400, 0x4DBF},
		{0x4E00, 0x9FFF},   {0xA000, 0xA4CF},	{0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
		{0xFE30, 0xFE4F},   {0xFF00, 0xFF60},	{0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
		{0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};
	for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
		if (c >= zero[i][0] && c <= zero[i][1])
			return 0;
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (c >= wide[i][0] && c <= wide[i][1])
			return 2;
	return 1;
}

/* One character of s at p: its bytes (len; 0 for a stray byte, written as
 * '?') and columns. */
static int char_at(const unsigned char *p, size_t *len)
{
	*len = report_utf8_len(p);
	if (*len <= 1)
		return 1; /* ASCII (a control becomes a space), or '?' */
	return columns_of(code_point(p, *len));
}

int report_char_columns(const unsigned char *p, size_t *len)
{
	return char_at(p, len);
}

int report_text_columns(const char *s)
{
	int total = 0;
	size_t len;
	for (const unsigned char *q = (const unsigned char *)s; *q; q += len ? len : 1)
		total += char_at(q, &len);
	return total;
}

/* The width the text tables fit: 0 for none (a file or a pipe). */
static int text_width;

/* Writes s cut to width columns (a cut ending in "…"); returns the columns
 * written. */
static int cut(FILE *out, const char *s, int width)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;
	int total = 0;
	for (const unsigned char *q = p; *q && (width <= 0 || total <= width); q += len ? len : 1)
		total += char_at(q, &len);
	int room = width > 0 && total > width ? width - 1 : width; /* one column for the … */
	int shown = 0;
	while (*p) {
		int w = char_at(p, &len);
		if (room >= 0 && width > 0 && shown + w > room)
			break;
		report_text_char(out, p, len);
		shown += w;
		p += len ? len : 1;
	}
	if (*p && width > 0) {
		fputs("\xE2\x80\xA6", out); /* … */
		shown++;
	}
	return shown;
}

void report_text_cell(FILE *out, const char *s, int width)
{
	int shown = cut(out, s, width);
	while (shown++ < width)
		putc(' ', out);
}

void report_text_pad(FILE *out, const char *s, int width)
{
	int shown = cut(out, s, text_width ? width : 0);
	while (shown++ < width)
		putc(' ', out);
}

void report_text_last(FILE *out, const char *s, int width)
{
	cut(out, s, width);
}

void report_text_rcell(FILE *out, const char *s, int width)
{
	for (int pad = width - report_text_columns(s); pad > 0; pad--)
		putc(' ', out);
	cut(out, s, width);
}

void report_set_width(int columns)
{
	text_width = columns > 0 ? columns : 0;
}

int report_width(void)
{
	return text_width;
}

void report_fit(const struct report_col *cols, int n, int gaps, int *w)
{
	int total = gaps;
	for (int i = 0; i < n; i++) {
		w[i] = cols[i].want;
		total += w[i];
	}
	if (!text_width || n == 0)
		return;
	/* the last column, the rest of the line, at least its min */
	int last = cols[n - 1].want == 0;
	if (last) {
		w[n - 1] = cols[n - 1].min;
		total += w[n - 1];
	}
	/* the columns cut first to their least, then all of them; then the
	 * last column below its least, then the columns of text (those with a
	 * least below their want) down to REPORT_COL_FLOOR; only then ids,
	 * times and counts, the widest first, so that the table fits whatever
	 * the width */
	for (int pass = 0; pass < 5; pass++)
		while (total > text_width) {
			int widest = -1;
			for (int i = 0; i < n; i++) {
				int least = pass < 2 ? cols[i].min : REPORT_COL_FLOOR;
				int text = cols[i].min < cols[i].want || (last && i == n - 1);
				int may = pass == 0   ? cols[i].first && i < n - last
					  : pass == 1 ? i < n - last
					  : pass == 2 ? i == n - 1 && last
					  : pass == 3 ? text
						      : 1;
				if (may && w[i] > least && (widest < 0 || w[i] > w[widest]))
					widest = i;
			}
			if (widest < 0)
				break; /* none left to cut in this pass: the next */
			w[widest]--;
			total--;
		}
	if (last && total < text_width)
		w[n - 1] += text_width - total;
}
