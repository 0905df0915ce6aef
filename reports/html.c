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
			if (word > HTML_TEXT_RUN && run >= HTML_TEXT_RUN) {
				fputs("<wbr>", out);
				run = 0;
			}
			p += escape_one(out, p);
			run = c == '-' ? 0 : run + 1; /* a browser breaks after a hyphen */
			/* past half the run, a break after a separator reads better */
			if (word > HTML_TEXT_RUN && run >= HTML_TEXT_RUN / 2 && p < end &&
			    strchr("_/.,;:)", c)) {
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
