#include "cells.h"

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
	unsigned char c = p[0];
	if (c < 0x80)
		return 1;
	size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	if (len == 3 && ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0)))
		return 0;
	if (len == 4 && ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90)))
		return 0;
	return len;
}

void report_text_char(FILE *out, const unsigned char *p, size_t len)
{
	if (len == 1 && (*p < 0x20 || *p == 0x7F))
		putc(' ', out);
	else if (len == 0)
		putc('?', out); /* a stray byte of invalid UTF-8 */
	else
		fwrite(p, 1, len, out);
}

void report_text_cell(FILE *out, const char *s, int width)
{
	const unsigned char *p = (const unsigned char *)s;
	int shown = 0;
	while (*p && (width <= 0 || shown < width)) {
		size_t len = report_utf8_len(p);
		report_text_char(out, p, len);
		p += len ? len : 1;
		shown++;
	}
	while (shown++ < width)
		putc(' ', out);
}
