#include "html.h"

#include "cells.h"

const char *const html_kind_color[FIND_COUNT] = {
	[FIND_UNAPPROVED] = "#c0392b",
	[FIND_NO_SIGNOFF] = "#d35400",
	[FIND_DAMAGING_LARGE_SET] = "#7d3c98",
	[FIND_UNKNOWN_SIZE] = "#7f8c8d",
	[FIND_UNLISTED_JOB] = "#1f618d",
};

void report_html_escape(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
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
				p += len;
				continue;
			}
			fputs("&#xFFFD;", out);
		}
		p++;
	}
}

void html_count(FILE *out, uint64_t n)
{
	char b[32];
	fputs(report_count(n, b, sizeof b), out);
}
