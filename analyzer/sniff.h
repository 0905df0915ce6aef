/* sniff: what an input is, from its first bytes (never its name): the
 * Alma API's job instances as JSON (plain UTF-8, or UTF-16 with a byte
 * order mark, as PowerShell 5.1's `>` writes), an XML document (which one,
 * named for messages), or else a CSV export. Owns nothing: the bytes looked
 * at are handed out again by the reader. */
#ifndef ALMAUDIT_SNIFF_H
#define ALMAUDIT_SNIFF_H

#include "reader.h"

enum sniff_kind { SNIFF_CSV, SNIFF_JSON, SNIFF_XML, SNIFF_HTML };

/* What the text behind rd is, from its first bytes (after a byte order
 * mark and white space): JSON ('{' or '['), an XML document, an HTML page
 * (apipage_html: a login page saved in place of an export), or something
 * else (a CSV export, or a read error the next reader_chunk says); and in
 * *s: what: which XML document, or the HTML page, for messages ("an XML response of the
 * Alma API (job instances)", and an error response's message: a static
 * buffer, valid until the next call), else NULL; utf16: 1 when the text is
 * UTF-16 (a byte order mark), and encoding which (as textenc names it, for
 * the report's input line); line: the line the next byte handed out is
 * on. The bytes looked at are handed out again by the next reader_chunk;
 * when the text begins with more white space than a chunk holds, the
 * chunks of white space only are passed (line counts their lines). */
struct sniff {
	const char *what;
	int utf16;
	const char *encoding; /* "UTF-16LE" or "UTF-16BE" when utf16, else NULL */
	long line;
};
enum sniff_kind sniff_input(struct reader *rd, struct sniff *s);

#endif
