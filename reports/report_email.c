/* The email renderer: an RFC 5322 message for `sendmail -t`, From, To,
 * Subject, Date, Message-ID and MIME-Version headers, and a
 * multipart/mixed body: a multipart/alternative whose parts are the text
 * report and the html page as mail readers show it (charts as tables,
 * styles inline: no SVG, no style sheet), both quoted-printable so that no
 * line is longer than 76 characters, and the csv attachment (base64).
 * Header values never carry a line break (controls become spaces) and
 * non-ASCII text is sent as RFC 2047 encoded words. Lines end in LF, as
 * local submission to sendmail expects; sendmail turns them into CRLF. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "report_email.h"

#include "cells.h"
#include "diag.h"
#include "filter.h"
#include "gzwrite.h"
#include "output.h"
#include "report_csv.h"
#include "report_html.h"
#include "report_text.h"
#include "times.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* A --subject longer than this (in bytes) is cut, at a character's start. */
#define SUBJECT_MAX 900

/* ---- headers ---- */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void base64(FILE *out, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
			     (i + 2 < n ? p[i + 2] : 0);
		putc(b64[v >> 18 & 63], out);
		putc(b64[v >> 12 & 63], out);
		putc(i + 1 < n ? b64[v >> 6 & 63] : '=', out);
		putc(i + 2 < n ? b64[v & 63] : '=', out);
	}
}

/* The value with every control character (CR and LF among them) made a
 * space, runs of spaces made one, and the ends trimmed. */
static char *clean(const char *value)
{
	size_t n = strlen(value), o = 0;
	char *c = malloc(n + 1);
	if (!c)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)value[i];
		if (ch < 0x20 || ch == 0x7F)
			ch = ' ';
		if (ch == ' ' && (o == 0 || c[o - 1] == ' '))
			continue;
		c[o++] = (char)ch;
	}
	while (o && c[o - 1] == ' ')
		o--;
	c[o] = '\0';
	return c;
}

/* An ASCII value folded at its spaces, no line over 78 characters where
 * its words allow; col: the column after "Name:". */
static void fold_words(FILE *out, const char *v, size_t col, size_t first)
{
	const char *p = v;
	while (*p) {
		const char *space = strchr(p, ' ');
		size_t word = space ? (size_t)(space - p) : strlen(p);
		if (col + 1 + word > 78 && col > first) {
			fputs("\n", out);
			col = 0;
		}
		putc(' ', out);
		fwrite(p, 1, word, out);
		col += 1 + word;
		p += word;
		while (*p == ' ')
			p++;
	}
}

/* Encoded words of at most 45 bytes (60 base64 characters, 75 with the
 * =?UTF-8?B? ?= frame), each on a line of its own after the first, never
 * splitting a UTF-8 character. */
static void encoded_words(FILE *out, const char *v, size_t col)
{
	const unsigned char *p = (const unsigned char *)v;
	size_t n = strlen(v), i = 0;
	while (i < n) {
		/* room on this line: 78, less the column, a space and the frame */
		size_t room = (78 - (i ? 0 : col) - 13) / 4 * 3;
		size_t most = room < 45 ? room : 45;
		size_t take = n - i < most ? n - i : most;
		while (take < n - i && take > 0 && (p[i + take] & 0xC0) == 0x80)
			take--;
		if (i)
			fputs("\n", out);
		fputs(" =?UTF-8?B?", out);
		base64(out, p + i, take);
		fputs("?=", out);
		i += take;
	}
}

void report_email_header(FILE *out, const char *name, const char *value)
{
	char *v = clean(value);
	if (!v) {
		fprintf(out, "%s: \n", name);
		return;
	}
	int ascii = 1;
	size_t longest = 0;
	for (const char *p = v; *p; p++)
		ascii &= (unsigned char)*p < 0x80;
	for (const char *p = v; *p; p += strspn(p, " ")) {
		size_t word = strcspn(p, " ");
		longest = word > longest ? word : longest;
		p += word;
	}
	size_t col = (size_t)fprintf(out, "%s:", name);
	/* a word too long for a line is sent as encoded words, which fold */
	if (ascii && longest <= 76)
		fold_words(out, v, col, strlen(name) + 1);
	else
		encoded_words(out, v, col);
	fputs("\n", out);
	free(v);
}

/* ---- addresses ---- */

/* The end of the address that begins at p: the comma after it, or the
 * NUL. A comma inside a quoted string ("O\"Brien, Pat"), a comment
 * ((Smith, J)) or angle brackets ends nothing, and a quoted-pair (\x, RFC
 * 5322) is one character, a quote among them. */
static const char *address_end(const char *p)
{
	int quoted = 0, angle = 0, comment = 0;
	for (; *p; p++) {
		if ((quoted || comment) && *p == '\\' && p[1]) {
			p++;
		} else if (quoted) {
			quoted = *p != '"';
		} else if (comment) {
			comment += *p == '(' ? 1 : *p == ')' ? -1 : 0;
		} else if (*p == '"') {
			quoted = 1;
		} else if (*p == '(') {
			comment = 1;
		} else if (*p == '<') {
			angle = 1;
		} else if (*p == '>') {
			angle = 0;
		} else if (*p == ',' && !angle) {
			break;
		}
	}
	return p;
}

/* The parts of one address (a..e, trimmed): the display name before its
 * '<' (*name, *nname; empty when none) and the address itself, local@domain
 * (*spec, *nspec: inside the angle brackets, else the whole). */
static void address_parts(const char *a, const char *e, const char **name, size_t *nname,
			  const char **spec, size_t *nspec)
{
	const char *lt = NULL;
	int quoted = 0;
	for (const char *p = a; p < e && !lt; p++) {
		if (quoted && *p == '\\' && p + 1 < e)
			p++;
		else if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == '<')
			lt = p;
	}
	*name = a;
	*nname = 0;
	*spec = a;
	*nspec = (size_t)(e - a);
	if (!lt)
		return;
	const char *gt = memchr(lt, '>', (size_t)(e - lt));
	*spec = lt + 1;
	*nspec = (size_t)((gt ? gt : e) - lt - 1);
	const char *ne = lt;
	while (ne > a && ne[-1] == ' ')
		ne--;
	*nname = (size_t)(ne - a);
}

/* Trims the spaces around a..e. */
static void trim(const char **a, const char **e)
{
	while (*a < *e && **a == ' ')
		(*a)++;
	while (*e > *a && (*e)[-1] == ' ')
		(*e)--;
}

int report_email_check(const char *list, char *why, size_t size)
{
	const char *p = list, *bad = NULL, *reason = NULL;
	size_t nbad = 0;
	for (const char *c = list; *c && !reason; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7F)
			reason = "an address is on one line, with no control character";
	while (*p && !reason) {
		const char *e = address_end(p), *a = p, *name, *spec;
		size_t nname, nspec;
		p = *e ? e + 1 : e;
		trim(&a, &e);
		bad = a;
		nbad = (size_t)(e - a);
		if (a == e) {
			reason = "an empty address (two commas, or one at an end)";
			break;
		}
		address_parts(a, e, &name, &nname, &spec, &nspec);
		const char *se = spec + nspec;
		trim(&spec, &se);
		nspec = (size_t)(se - spec);
		/* outside its comments ("(Smith, J) js@x.edu"), an address is
		 * ASCII and has no spaces */
		const char *at = NULL;
		int ascii = 1, space = 0, comment = 0;
		for (size_t i = 0; i < nspec; i++) {
			if (comment && spec[i] == '\\' && i + 1 < nspec)
				i++;
			else if (spec[i] == '(' || (comment && spec[i] == ')'))
				comment += spec[i] == '(' ? 1 : -1;
			else if (!comment && spec[i] == '@')
				at = spec + i;
			else if (!comment) {
				ascii &= (unsigned char)spec[i] < 0x80;
				space |= spec[i] == ' ' && i > 0 && spec[i - 1] != ')' &&
					 i + 1 < nspec && spec[i + 1] != '(';
			}
		}
		if (!at || at == spec || at + 1 >= spec + nspec)
			reason = "an address needs an '@' between its local part and domain "
				 "(local@domain, or Name <local@domain>)";
		else if (space && !nname)
			reason = "an address has no spaces (local@domain; a name goes before it, as "
				 "Name <local@domain>)";
		else if (!ascii)
			reason = "the address itself (local@domain) is plain ASCII; a name before it "
				 "(Name <local@domain>) may be any text";
		else if (nspec > 254 || nname > 254)
			reason = "an address is at most 254 characters, and so is its name";
	}
	if (!reason)
		return 0;
	/* the reason first, then the address, cut at a character's start */
	size_t most = 60, n = bad ? nbad : strlen(list);
	const char *what = bad ? bad : list;
	int cut = n > most;
	if (cut) {
		n = most;
		while (n && ((unsigned char)what[n] & 0xC0) == 0x80)
			n--;
	}
	snprintf(why, size, "%s: '%.*s%s'", reason, (int)n, what, cut ? "\xE2\x80\xA6" : "");
	for (char *c = why; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7F)
			*c = ' '; /* a line break said as a space */
	return -1;
}

/* Writes one address of a header, folding before it (or between the
 * encoded words of its name) so that a line stays within 78 characters
 * where the address allows; *col: the column. A display name that is not
 * ASCII ("José Núñez" <jn@x.edu>) is sent as RFC 2047 encoded words,
 * unquoted, its quoted-pairs undone. */
static void address_write(FILE *out, const char *a, const char *e, int last, size_t *col,
			  size_t first)
{
	const char *name, *spec;
	size_t nname, nspec;
	int ascii = 1;
	for (const char *c = a; c < e; c++)
		ascii &= (unsigned char)*c < 0x80;
	if (ascii) {
		size_t len = (size_t)(e - a);
		/* a line break only between addresses: RFC 5322 folding */
		if (*col > first && *col + 1 + len + !last > 78) {
			fputs("\n", out);
			*col = 0;
		}
		putc(' ', out);
		fwrite(a, 1, len, out);
		*col += 1 + len;
	} else {
		address_parts(a, e, &name, &nname, &spec, &nspec);
		/* the name's text: unquoted, quoted-pairs undone */
		char text[512];
		size_t n = 0;
		int quoted = nname >= 2 && name[0] == '"' && name[nname - 1] == '"';
		for (size_t i = quoted; i < nname - quoted && n + 1 < sizeof text; i++) {
			if (quoted && name[i] == '\\' && i + 1 < nname - quoted)
				i++;
			text[n++] = name[i];
		}
		/* encoded words of at most 45 bytes, each ending after a space
		 * of the name where one allows (a reader that puts a space
		 * between encoded words then splits no word), else at a
		 * character's start */
		for (size_t i = 0; i < n;) {
			size_t take = n - i < 45 ? n - i : 45;
			while (take < n - i && take > 0 && ((unsigned char)text[i + take] & 0xC0) == 0x80)
				take--;
			size_t space = take;
			while (take < n - i && space > 1 && text[i + space - 1] != ' ')
				space--;
			if (take < n - i && space > 1)
				take = space;
			size_t width = 12 + (take + 2) / 3 * 4;
			if (*col > first && *col + 1 + width > 78) {
				fputs("\n", out);
				*col = 0;
			}
			fputs(" =?UTF-8?B?", out);
			base64(out, (const unsigned char *)text + i, take);
			fputs("?=", out);
			*col += 1 + width;
			i += take;
		}
		if (*col > first && *col + 3 + nspec + !last > 78) {
			fputs("\n", out);
			*col = 0;
		}
		fprintf(out, " <%.*s>", (int)nspec, spec);
		*col += 3 + nspec;
	}
	if (!last) {
		putc(',', out);
		(*col)++;
	}
}

void report_email_addresses(FILE *out, const char *name, const char *value)
{
	char *v = clean(value);
	if (!v) {
		fprintf(out, "%s: \n", name);
		return;
	}
	/* the addresses, split at the commas outside quotes, comments and
	 * angle brackets */
	size_t col = (size_t)fprintf(out, "%s:", name), first = col;
	for (const char *p = v; *p;) {
		const char *end = address_end(p), *a = p, *e = end;
		trim(&a, &e);
		p = *end ? end + 1 : end;
		if (a < e)
			address_write(out, a, e, !*p, &col, first);
	}
	fputs("\n", out);
	free(v);
}

/* ---- bodies ---- */

void report_email_qp(FILE *out, const char *text, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)text;
	size_t col = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c == '\n') {
			putc('\n', out);
			col = 0;
			continue;
		}
		int last = i + 1 == n || p[i + 1] == '\n';
		int literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
		size_t width = literal ? 1 : 3;
		/* a soft break keeps every line within 76 characters */
		if (col + width > (last ? 76 : 75)) {
			fputs("=\n", out);
			col = 0;
		}
		if (literal) {
			putc(c, out);
		} else {
			putc('=', out);
			putc(hex[c >> 4], out);
			putc(hex[c & 15], out);
		}
		col += width;
	}
}

/* Renders one part into memory. */
static char *render(void (*page)(FILE *, const struct report_info *),
		    const struct report_info *info, size_t *n)
{
	char *text = NULL;
	FILE *mem = open_memstream(&text, n);
	if (!mem)
		return NULL;
	page(mem, info);
	if (fclose(mem) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

static uint64_t fnv(const char *s, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static void date_header(FILE *out, int64_t now)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct times_parts p;
	times_local_parts(now, &p);
	long minutes = p.offset / 60;
	fprintf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld\n", days[p.weekday], p.day,
		months[p.month - 1], p.year, p.hour, p.minute, p.second, minutes < 0 ? '-' : '+',
		labs(minutes) / 60, labs(minutes) % 60);
}

/* The html part's budget: quoted-printable, as sent, under this many bytes
 * (Gmail shows about 102 kB of a message's html and clips the rest). */
#define HTML_BUDGET 100000
/* The rows a table may show before the budget is measured: more would
 * never fit (a row is 150 bytes or more). */
#define ROWS_FIRST 700
/* The rows of each list that is not of findings (inputs, waivers, months)
 * when the lists must be cut: a year's months whole. */
#define LIST_FEW 12
/* The csv attachment is compressed past this many bytes. */
#define GZIP_PAST 1000000

/* What the email keeps from the audit: the findings as the csv report
 * writes them, in a temporary file until the end. */
struct mail {
	FILE *csv;
	struct reporter rep; /* the csv renderer, writing into csv */
	const char *error;   /* the attachment could not be made: why */
};

static size_t qp_size(const char *text, size_t n)
{
	char *qp = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&qp, &size);
	if (!mem)
		return (size_t)-1;
	report_email_qp(mem, text, n);
	if (fclose(mem) != 0)
		size = (size_t)-1;
	free(qp);
	return size;
}

/* The message's note, at its top: the findings could not be attached
 * (failure: why; the tables' cut said too), or its tables show fewer rows
 * than the audit kept ("this message shows the first 22 rows of each
 * table; all 27,198 findings are in the attached ..."), into note; NULL
 * when there is nothing to say. */
static const char *mail_note(const struct report_info *info, size_t rows, const char *attached,
			     const char *failure, char *note, size_t size)
{
	char n[64], l[32];
	uint64_t kept = 0, all = 0;
	for (int k = 0; k < FIND_COUNT; k++) {
		kept += info->summary->nkept[k];
		all += info->summary->kinds[k] + info->summary->waived[k];
	}
	kept += info->summary->nwaived_kept;
	int cut = rows < info->summary->limit && kept > rows;
	if (failure) {
		int used = snprintf(note, size,
				    "ERROR: the findings could not be attached (%s): run almaudit "
				    "audit --format csv for them.",
				    failure);
		if (cut && used > 0 && (size_t)used < size)
			snprintf(note + used, size - (size_t)used,
				 " To stay readable in a mail reader, this message shows the first "
				 "%s of each table.",
				 report_count_of(rows, "row", "rows", l, sizeof l));
		return note;
	}
	if (!cut)
		return NULL;
	snprintf(note, size,
		 "To stay readable in a mail reader, this message shows the first %s of each "
		 "table; %s %s in the attached %s.",
		 report_count_of(rows, "row", "rows", l, sizeof l), all == 1 ? "the finding is" : "all",
		 all == 1 ? "" : report_count_of(all, "finding are", "findings are", n, sizeof n),
		 attached);
	return note;
}

/* The html part with at most rows rows per table of findings and lists
 * rows per list that is not of findings (0: all), as it will be sent
 * (with its note, and the attachment named), into *html (the caller
 * frees); its size as sent, or (size_t)-1 when out of memory. */
static size_t html_with(const struct report_info *info, size_t rows, size_t lists,
			const char *attached, const char *failure, char **html, size_t *n)
{
	struct summary view;
	struct report_info vi = *info;
	char note[1024];
	summary_view(info->summary, rows, &view);
	vi.summary = &view;
	vi.attachment = attached;
	vi.list_rows = lists;
	vi.mail_note =
		mail_note(info, rows, attached ? attached : "csv", failure, note, sizeof note);
	*html = render(report_html_mail, &vi, n);
	return *html ? qp_size(*html, *n) : (size_t)-1;
}

static size_t size_with(const struct report_info *info, size_t rows, size_t lists,
			const char *attached, const char *failure)
{
	char *html;
	size_t n, size = html_with(info, rows, lists, attached, failure, &html, &n);
	free(html);
	return size;
}

/* The rows per table of findings, and per list that is not of findings
 * (*lists, 0: all), that keep the html part within its budget: --limit
 * and every list when they fit. Else the lists first: the findings keep
 * at least half the budget, so when the page without a finding's row
 * (the inputs, the waivers expired or covering nothing, the months) takes
 * more, each list shows its first LIST_FEW rows. Then the rows of
 * findings, found by a few renderings (the size grows with the rows, a
 * roughly fixed amount each). */
static size_t rows_within(const struct report_info *info, const char *attached,
			  const char *failure, size_t *lists)
{
	size_t limit = info->summary->limit, rows = limit < ROWS_FIRST ? limit : ROWS_FIRST;
	*lists = 0;
	size_t size = size_with(info, rows, 0, attached, failure);
	if (size <= HTML_BUDGET && rows == limit)
		return rows;
	size_t base = size_with(info, 0, 0, attached, failure);
	if (base == (size_t)-1 || base > HTML_BUDGET / 2) {
		*lists = LIST_FEW;
		base = size_with(info, 0, LIST_FEW, attached, failure);
		size = size_with(info, rows, LIST_FEW, attached, failure);
		if (size <= HTML_BUDGET && rows == limit)
			return rows;
	}
	if (base == (size_t)-1 || base >= HTML_BUDGET)
		return 0; /* not even without rows: sent as small as it gets */
	while (rows > 0 && (size == (size_t)-1 || size > HTML_BUDGET)) {
		size_t fit = size > base ? (size_t)((double)rows * (double)(HTML_BUDGET - base) /
						     (double)(size - base))
					 : rows - 1;
		rows = fit < rows ? fit : rows - 1;
		size = size_with(info, rows, *lists, attached, failure);
	}
	if (rows == (limit < ROWS_FIRST ? limit : ROWS_FIRST))
		return rows;
	/* as many more as still fit */
	while (rows < limit) {
		size = size_with(info, rows + 1, *lists, attached, failure);
		if (size == (size_t)-1 || size > HTML_BUDGET)
			break;
		rows++;
	}
	return rows;
}

/* "almaudit-findings-2026-10-GUT.csv": the attachment's name, from the
 * period and the unit (safe characters only). */
static void attachment_name(const struct report_info *info, int gz, char *buf, size_t size)
{
	const struct period *p = info->period;
	char span[64] = "", a[16], b[16];
	if (p->name[0] && strspn(p->name, "0123456789-Q") == strlen(p->name))
		snprintf(span, sizeof span, "-%s", p->name);
	else if (p->first_day != TIME_NONE && p->last_day != TIME_NONE) {
		times_format_day(p->first_day, a, sizeof a);
		times_format_day(p->last_day, b, sizeof b);
		snprintf(span, sizeof span, "-%s-to-%s", a, b);
	}
	int n = snprintf(buf, size, "almaudit-findings%s%s", span, info->unit ? "-" : "");
	/* a long unit code: its first 40 characters */
	const char *code = info->unit ? info->unit->code : "";
	for (const char *c = code; *c && c < code + 40 && (size_t)n + 1 < size; c++) {
		int ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			 (*c >= '0' && *c <= '9') || *c == '-' || *c == '_';
		buf[n++] = ok ? *c : '_';
		buf[n] = '\0';
	}
	snprintf(buf + n, size - (size_t)n, ".csv%s", gz ? ".gz" : "");
}

/* The subject: --subject, or a default naming the counts; a unit's message
 * (--split unit) ends with ": UNIT", never cut off. The caller frees. */
static char *subject_of(const struct email_options *o, const struct report_info *info,
			int failed)
{
	const char *unit = info->unit ? info->unit->code : NULL;
	char *text = NULL, period[96], n[64];
	size_t size = 0;
	FILE *mem = open_memstream(&text, &size);
	if (!mem)
		return NULL;
	/* an ERROR (a filter value that matched nothing, a period the inputs
	 * do not reach, a failed join, the findings not attached: failed) or a
	 * WARNING at the report's top is said in the subject too, a
	 * --subject's as well: the subject is what a reader sees first */
	int miss = failed || filter_miss(info->filter, info->rules, 0, NULL, 0) ||
		   info->tally->uncovered[0] || tally_noted_error(info->tally);
	int warn = !miss && info->tally->nnotes;
	fprintf(mem, "%s%s", miss ? "ERROR: " : warn ? "WARNING: " : "",
		info->tally->incomplete ? "INCOMPLETE: " : "");
	if (o->subject) {
		/* at most SUBJECT_MAX bytes of it, cut at a character's start */
		size_t len = strlen(o->subject), all = len;
		if (len > SUBJECT_MAX) {
			len = SUBJECT_MAX;
			while (len && ((unsigned char)o->subject[len] & 0xC0) == 0x80)
				len--;
		}
		while (len && (o->subject[len - 1] == ' ' || o->subject[len - 1] == '\t'))
			len--; /* "Audit : GUT" reads badly */
		fwrite(o->subject, 1, len, mem);
		if (strspn(o->subject + len, " \t") < all - len)
			fputs("\xE2\x80\xA6", mem); /* … */
		if (unit)
			fprintf(mem, ": %s", unit);
	} else {
		const struct summary *s = info->summary;
		period_text(info->period, period, sizeof period);
		fprintf(mem, "Alma job audit%s%s, %s: %s with findings", unit ? ", " : "",
			unit ? unit : "", period, report_count_of(s->runs, "run", "runs", n, sizeof n));
		for (int k = 0, any = 0; k < FIND_COUNT; k++)
			if (s->kinds[k])
				fprintf(mem, "%s%s %s", any++ ? ", " : " (",
					report_count(s->kinds[k], n, sizeof n),
					finding_name((enum finding_kind)k));
		if (s->runs)
			putc(')', mem);
	}
	if (fclose(mem) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* The attachment made ready before the message is written, so that one
 * that cannot be made is said at the message's top: the csv of m (NULL
 * when there is none), gzip-compressed into *gz when it is large. The
 * file to attach, or NULL with *why. */
static FILE *attachment_ready(struct mail *m, FILE **gz, const char **why)
{
	FILE *body = m ? m->csv : NULL;
	*gz = NULL;
	*why = !m ? "out of memory" : m->error;
	long size = !*why && fseek(body, 0, SEEK_END) == 0 ? ftell(body) : -1;
	if (!*why && size < 0)
		*why = "cannot read back the csv";
	if (!*why && size > GZIP_PAST) {
		rewind(body);
		if ((*gz = output_tmpfile(why)) && gzwrite_copy(body, *gz, why) == 0)
			body = *gz;
	}
	return *why ? NULL : body;
}

/* The attachment: body (the csv report of the findings, gzip-compressed
 * when gz) base64 in lines of 76; or, body NULL, why it could not be
 * attached (said at the message's top too, and reported). */
static void attach(FILE *out, FILE *body, int gz, const char *why, const char *name, uint64_t h)
{
	fprintf(out, "\n--=_almaudit_mixed_%016" PRIx64 "\n", h);
	if (!body) {
		fputs("Content-Type: text/plain; charset=utf-8\n\n", out);
		fprintf(out, "The findings could not be attached as %s: %s. Run almaudit audit "
			     "--format csv for them.\n",
			name, why);
		diag_error(NULL, 0, "email: the findings could not be attached: %s", why);
		return;
	}
	fprintf(out,
		"Content-Type: %s;\n name=\"%s\"\n"
		"Content-Disposition: attachment;\n filename=\"%s\"\n"
		"Content-Transfer-Encoding: base64\n\n",
		gz ? "application/gzip" : "text/csv; charset=utf-8", name, name);
	unsigned char chunk[57 * 64];
	size_t got;
	rewind(body);
	while ((got = fread(chunk, 1, sizeof chunk, body)) > 0)
		for (size_t i = 0; i < got; i += 57) {
			base64(out, chunk + i, got - i < 57 ? got - i : 57);
			putc('\n', out);
		}
}

static void email_end(struct reporter *r, const struct report_info *info)
{
	const struct email_options *o = r->email;
	struct mail *m = r->ctx;
	FILE *out = r->out, *gz;
	size_t tn = 0, hn = 0;
	char attached[160], note[1024];
	const char *why;

	if (m && m->csv) {
		m->rep.end(&m->rep, info);
		if (ferror(m->csv))
			m->error = "cannot write the csv into a temporary file";
		else if (m->rep.failed) /* the sorter's own error: said above */
			m->error = m->rep.failure[0] ? m->rep.failure
						     : "the findings could not be put in order";
	}
	FILE *body = attachment_ready(m, &gz, &why);
	attachment_name(info, body && body == gz, attached, sizeof attached);
	/* the rows per table that keep the html part within the budget, the
	 * message measured as it is sent */
	struct report_info mi = *info;
	struct summary view;
	mi.attachment = body ? attached : NULL;
	size_t lists, rows = rows_within(info, mi.attachment, why, &lists);
	summary_view(info->summary, rows, &view);
	mi.summary = &view;
	mi.mail_note = mail_note(info, rows, mi.attachment ? mi.attachment : "csv", why, note,
				 sizeof note);
	char *text = render(report_text_page, &mi, &tn);
	mi.list_rows = lists; /* the text part lists every input and waiver */
	char *html = render(report_html_mail, &mi, &hn);
	char *subject = subject_of(o, info, !body);

	if (!text || !html || !subject) {
		diag_error(NULL, 0, "out of memory");
		free(text);
		free(html);
		free(subject);
		if (gz)
			fclose(gz);
		return;
	}
	uint64_t h = fnv(text, tn, fnv(html, hn, 0xcbf29ce484222325ull ^ (uint64_t)o->now));
	const char *at = strrchr(o->from, '@');
	char domain[128];
	snprintf(domain, sizeof domain, "%s", at ? at + 1 : "almaudit.invalid");
	domain[strcspn(domain, "> \t")] = '\0';

	report_email_addresses(out, "From", o->from);
	report_email_addresses(out, "To", o->to);
	report_email_header(out, "Subject", subject);
	date_header(out, o->now);
	fprintf(out, "Message-ID: <almaudit.%016" PRIx64 ".%" PRId64 "@%s>\n", h, o->now,
		domain[0] ? domain : "almaudit.invalid");
	fputs("MIME-Version: 1.0\n", out);
	fprintf(out, "Content-Type: multipart/mixed; boundary=\"=_almaudit_mixed_%016" PRIx64 "\"\n",
		h);
	fputs("\nThis is a MIME message: the report as plain text and as a web page, and\n"
	      "its findings as a csv file.\n",
	      out);
	fprintf(out, "\n--=_almaudit_mixed_%016" PRIx64 "\n", h);
	fprintf(out, "Content-Type: multipart/alternative; boundary=\"=_almaudit_%016" PRIx64 "\"\n",
		h);
	fprintf(out, "\n--=_almaudit_%016" PRIx64 "\n", h);
	fputs("Content-Type: text/plain; charset=utf-8\n"
	      "Content-Transfer-Encoding: quoted-printable\n\n",
	      out);
	if (mi.mail_note) {
		report_email_qp(out, mi.mail_note, strlen(mi.mail_note));
		fputs("\n\n", out);
	}
	report_email_qp(out, text, tn);
	fprintf(out, "\n--=_almaudit_%016" PRIx64 "\n", h);
	fputs("Content-Type: text/html; charset=utf-8\n"
	      "Content-Transfer-Encoding: quoted-printable\n\n",
	      out);
	report_email_qp(out, html, hn);
	fprintf(out, "\n--=_almaudit_%016" PRIx64 "--\n", h);
	attach(out, body, body && body == gz, why, attached, h);
	if (!body)
		r->failed = 1; /* the message says so; the status is 2 */
	if (gz)
		fclose(gz);
	fprintf(out, "\n--=_almaudit_mixed_%016" PRIx64 "--\n", h);
	free(text);
	free(html);
	free(subject);
	if (m) {
		if (m->csv)
			fclose(m->csv);
		free(m);
		r->ctx = NULL;
	}
}

/* The findings go to the csv attachment as they come, as --format csv
 * writes them. */
static void email_begin(struct reporter *r, const struct report_info *info)
{
	struct mail *m = calloc(1, sizeof *m);
	r->ctx = m;
	if (!m)
		return;
	if (!(m->csv = output_tmpfile(&m->error)))
		return;
	reporter_csv(&m->rep, m->csv);
	m->rep.begin(&m->rep, info);
}

static void email_finding(struct reporter *r, const struct report_finding *f)
{
	struct mail *m = r->ctx;
	if (m && m->csv)
		m->rep.finding(&m->rep, f);
	r->written++;
}

void reporter_email(struct reporter *r, FILE *out, const struct email_options *o)
{
	memset(r, 0, sizeof *r);
	r->out = out;
	r->begin = email_begin;
	r->finding = email_finding;
	r->end = email_end;
	r->email = o;
}
