#include "sniff.h"

#include "apipage.h"

#include <stdio.h>
#include <string.h>

/* The UTF-16 code unit at p (little-endian when le). */
static unsigned unit(const unsigned char *p, int le)
{
	return le ? (unsigned)p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | p[1];
}

/* UTF-16 text after its byte order mark: JSON, XML (named only as such) or
 * else, from its first unit that is not white space. */
static enum sniff_kind utf16_kind(const unsigned char *d, size_t n, int le, const char **what)
{
	size_t i = 2;
	while (i + 1 < n && (unit(d + i, le) == ' ' || unit(d + i, le) == '\t' ||
			     unit(d + i, le) == '\r' || unit(d + i, le) == '\n'))
		i += 2;
	if (i + 1 >= n)
		return SNIFF_CSV;
	unsigned u = unit(d + i, le);
	if (u == '{' || u == '[')
		return SNIFF_JSON;
	if (u == '<') {
		*what = "an XML document (UTF-16)";
		return SNIFF_XML;
	}
	return SNIFF_CSV;
}

/* The line ends in d[0..n). */
static size_t count_lines(const unsigned char *d, size_t n)
{
	size_t lines = 0;
	for (const unsigned char *p = d; (p = memchr(p, '\n', n - (size_t)(p - d))) != NULL; p++)
		lines++;
	return lines;
}

enum sniff_kind sniff_input(struct reader *rd, struct sniff *s)
{
	const char **what = &s->what;
	int *utf16 = &s->utf16;
	long *line = &s->line;
	const unsigned char *d;
	size_t n;
	const char *why;
	*what = NULL;
	*utf16 = 0;
	s->encoding = NULL;
	*line = 1;
	if (reader_chunk(rd, &d, &n, &why) <= 0)
		return SNIFF_CSV; /* the next reader_chunk says the same */
	if (n >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))) {
		enum sniff_kind k = utf16_kind(d, n, d[0] == 0xFF, what);
		*utf16 = k == SNIFF_JSON;
		if (*utf16)
			s->encoding = d[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		reader_unread(rd);
		return k;
	}
	size_t i = n >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (;;) {
		while (i < n && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
			i++;
		if (i < n)
			break;
		/* a chunk of white space only: past it (its lines counted) */
		*line += (long)count_lines(d, n);
		if (reader_chunk(rd, &d, &n, &why) <= 0)
			return SNIFF_CSV; /* the next reader_chunk says the same */
		i = 0;
	}
	enum sniff_kind kind = SNIFF_CSV;
	if (i < n && (d[i] == '{' || d[i] == '['))
		kind = SNIFF_JSON;
	else if (i < n && d[i] == '<') {
		static const struct {
			const char *tag, *what;
		} tags[] = {
			{"<job_instance", "an XML response of the Alma API (job instances)"},
			{"<web_service_result", "an XML error response of the Alma API"},
			{"<jobs", "an XML response of the Alma API (a jobs listing)"},
			{"<job", "an XML response of the Alma API (a job)"},
		};
		const unsigned char *p = d + i, *end = d + n;
		int xml = end - p >= 5 && memcmp(p, "<?xml", 5) == 0;
		/* the first element after the declaration says what it is */
		if (xml) {
			const unsigned char *close = memchr(p, '>', (size_t)(end - p));
			p = close ? close + 1 : end;
			while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
				p++;
		}
		for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
			size_t len = strlen(tags[t].tag);
			if ((size_t)(end - p) > len && memcmp(p, tags[t].tag, len) == 0 &&
			    (p[len] == '>' || p[len] == ' ' || p[len] == '/' || p[len] == '\r' ||
			     p[len] == '\n' || p[len] == '\t' || p[len] == 's')) {
				*what = tags[t].what;
				break;
			}
		}
		if (!*what && apipage_html((const char *)d + i, n - i)) {
			*what = "an HTML page, not an export (a proxy's or a login page saved in its "
				"place?)";
			reader_unread(rd);
			return SNIFF_HTML;
		}
		if (!*what && xml)
			*what = "an XML document";
		/* an error response: its message quoted, as fetch quotes it */
		static char said[400];
		char body[16 * 1024 + 1], msg[240];
		size_t len = n < sizeof body - 1 ? n : sizeof body - 1;
		memcpy(body, d, len);
		body[len] = '\0';
		if (*what == tags[1].what && apipage_error(body, len, NULL, msg, sizeof msg) == 0) {
			snprintf(said, sizeof said, "%s (%s)", *what, msg);
			*what = said;
		}
		if (*what)
			kind = SNIFF_XML;
	}
	reader_unread(rd);
	return kind;
}
