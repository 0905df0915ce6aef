/* The email renderer: an RFC 5322 message for `sendmail -t`, From, To,
 * Subject, Date, Message-ID and MIME-Version headers, and a
 * multipart/alternative body whose parts are the text report and the html
 * page as mail readers show it (charts as tables, styles inline: no SVG,
 * no style sheet), both quoted-printable so that no line is longer than 76 characters.
 * Header values never carry a line break (controls become spaces) and
 * non-ASCII text is sent as RFC 2047 encoded words. Lines end in LF, as
 * local submission to sendmail expects; sendmail turns them into CRLF. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "report_email.h"

#include "cells.h"
#include "filter.h"
#include "report_html.h"
#include "report_text.h"
#include "times.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

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

void report_email_header(FILE *out, const char *name, const char *value)
{
	char *v = clean(value);
	if (!v) {
		fprintf(out, "%s: \n", name);
		return;
	}
	int ascii = 1;
	for (const char *p = v; *p; p++)
		ascii &= (unsigned char)*p < 0x80;
	size_t col = (size_t)fprintf(out, "%s:", name);
	if (ascii) {
		/* fold at spaces to keep lines within 78 characters */
		const char *p = v;
		while (*p) {
			const char *space = strchr(p, ' ');
			size_t word = space ? (size_t)(space - p) : strlen(p);
			if (col + 1 + word > 78 && col > strlen(name) + 1) {
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
	} else {
		/* encoded words of at most 45 bytes (60 base64 characters, 75
		 * with the =?UTF-8?B? ?= frame), never splitting a character */
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

static void email_end(struct reporter *r, const struct report_info *info)
{
	const struct email_options *o = r->email;
	FILE *out = r->out;
	size_t tn = 0, hn = 0;
	char *text = render(report_text_page, info, &tn);
	char *html = render(report_html_mail, info, &hn);
	char subject[512], period[96], n[32];

	if (!text || !html) {
		fputs("almaudit: out of memory\n", stderr);
		free(text);
		free(html);
		return;
	}
	/* a unit's message (audit --split unit) names its unit */
	const char *unit = info->unit ? info->unit->code : NULL;
	if (o->subject) {
		snprintf(subject, sizeof subject, "%s%s%s", o->subject, unit ? ": " : "",
			 unit ? unit : "");
	} else {
		const struct summary *s = info->summary;
		size_t used;
		period_text(info->period, period, sizeof period);
		/* a filter value that matched nothing: the subject says so too */
		int miss = filter_miss(info->filter, info->rules, 0, NULL, 0) ||
			   info->tally->uncovered[0] || tally_noted_error(info->tally);
		/* a warning at the report's top (a period covered in part) too */
		int warn = !miss && info->tally->nnotes;
		used = (size_t)snprintf(subject, sizeof subject, "%s%sAlma job audit%s%s, %s: %s %s with findings",
					miss ? "ERROR: " : warn ? "WARNING: " : "",
					info->tally->incomplete ? "INCOMPLETE: " : "",
					unit ? ", " : "", unit ? unit : "", period,
					report_count(s->runs, n, sizeof n), s->runs == 1 ? "run" : "runs");
		for (int k = 0, any = 0; k < FIND_COUNT && used < sizeof subject; k++)
			if (s->kinds[k])
				used += (size_t)snprintf(subject + used, sizeof subject - used, "%s%s %s",
							 any++ ? ", " : " (",
							 report_count(s->kinds[k], n, sizeof n),
							 finding_name((enum finding_kind)k));
		if (s->runs && used < sizeof subject)
			snprintf(subject + used, sizeof subject - used, ")");
	}

	uint64_t h = fnv(text, tn, fnv(html, hn, 0xcbf29ce484222325ull ^ (uint64_t)o->now));
	const char *at = strrchr(o->from, '@');
	char domain[128];
	snprintf(domain, sizeof domain, "%s", at ? at + 1 : "almaudit.invalid");
	domain[strcspn(domain, "> \t")] = '\0';

	report_email_header(out, "From", o->from);
	report_email_header(out, "To", o->to);
	report_email_header(out, "Subject", subject);
	date_header(out, o->now);
	fprintf(out, "Message-ID: <almaudit.%016" PRIx64 ".%" PRId64 "@%s>\n", h, o->now,
		domain[0] ? domain : "almaudit.invalid");
	fputs("MIME-Version: 1.0\n", out);
	fprintf(out, "Content-Type: multipart/alternative; boundary=\"=_almaudit_%016" PRIx64 "\"\n",
		h);
	fputs("\nThis is a MIME message: the same report as plain text and as a web page.\n", out);
	fprintf(out, "\n--=_almaudit_%016" PRIx64 "\n", h);
	fputs("Content-Type: text/plain; charset=utf-8\n"
	      "Content-Transfer-Encoding: quoted-printable\n\n",
	      out);
	report_email_qp(out, text, tn);
	fprintf(out, "\n--=_almaudit_%016" PRIx64 "\n", h);
	fputs("Content-Type: text/html; charset=utf-8\n"
	      "Content-Transfer-Encoding: quoted-printable\n\n",
	      out);
	report_email_qp(out, html, hn);
	fprintf(out, "\n--=_almaudit_%016" PRIx64 "--\n", h);
	free(text);
	free(html);
}

static void email_begin(struct reporter *r, const struct report_info *info)
{
	(void)r;
	(void)info;
}

static void email_finding(struct reporter *r, const struct report_finding *f)
{
	(void)f;
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
