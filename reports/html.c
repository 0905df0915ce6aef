#include "html.h"

#include "cells.h"

#include <string.h>

const char *const html_kind_color[FIND_COUNT] = {
	[FIND_UNAPPROVED] = "#c0392b",
	[FIND_NO_SIGNOFF] = "#d35400",
	[FIND_DAMAGING_LARGE_SET] = "#7d3c98",
	[FIND_UNKNOWN_SIZE] = "#7f8c8d",
	[FIND_UNLISTED_JOB] = "#1f618d",
};

/* Writes the character at p escaped; returns its length in bytes. */
static size_t escape_one(FILE *out, const unsigned char *p)
{
	unsigned char c = *p;
	if (c == '&')
		fputs("&amp;", out);
	else if (c == '<')
		fputs("&lt;", out);
	else if (c == '>')
		fputs("&gt;", out);
	else if (c == '"')
		fputs("&quot;", out);
	else if (c == '\'')
		fputs("&#39;", out);
	else if (c == '\n' || c == '\t')
		putc(' ', out);
	else if (c < 0x20 || c == 0x7F)
		fputs("&#xFFFD;", out);
	else if (c < 0x80)
		putc(c, out);
	else {
		/* whole UTF-8 characters pass; a stray byte becomes U+FFFD */
		size_t len = report_utf8_len(p);
		if (len) {
			fwrite(p, 1, len, out);
			return len;
		}
		fputs("&#xFFFD;", out);
	}
	return 1;
}

void report_html_escape(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p)
		p += escape_one(out, p);
}

/* Whether the character at p joins the one before it, so that no line
 * may break before it: a combining mark (an accent written apart), a
 * joiner, a variation selector, an emoji's skin tone. */
static int joins_before(const unsigned char *p)
{
	unsigned cp;
	if (p[0] < 0xC0)
		return 0;
	if (p[0] < 0xE0 && p[1])
		cp = (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu);
	else if (p[0] < 0xF0 && p[1] && p[2])
		cp = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
	else if (p[1] && p[2] && p[3])
		cp = (p[0] & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 |
		     (p[3] & 0x3Fu);
	else
		return 0;
	return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       cp == 0x200C || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
	       (cp >= 0xE0100 && cp <= 0xE01EF);
}

void report_html_text(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		/* a word (no space) of HTML_TEXT_RUN bytes or fewer as it is */
		size_t word = strcspn((const char *)p, " \t\n");
		const unsigned char *end = p + word;
		size_t run = 0; /* characters since the last place a line may break */
		while (p < end) {
			unsigned char c = *p;
			if (word > HTML_TEXT_RUN && run >= HTML_TEXT_RUN && !joins_before(p)) {
				fputs("<wbr>", out);
				run = 0;
			}
			p += escape_one(out, p);
			run = c == '-' ? 0 : run + 1; /* a browser breaks after a hyphen */
			/* past half the run, a break after a separator reads better */
			if (word > HTML_TEXT_RUN && run >= HTML_TEXT_RUN / 2 && p < end &&
			    strchr("_/.,;:)", c) && !joins_before(p)) {
				fputs("<wbr>", out);
				run = 0;
			}
		}
		if (*p)
			p += escape_one(out, p);
	}
}

void html_count(FILE *out, uint64_t n)
{
	char b[32];
	fputs(report_count(n, b, sizeof b), out);
}
