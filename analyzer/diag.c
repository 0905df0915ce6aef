#include "diag.h"

#include "term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *stream;
static int muted;
static char last[DIAG_LAST_MAX + 1];
static long last_line;
static const char *origin;
static long origin_line;
static _Thread_local struct diag_held *held;

void diag_hold(struct diag_held *h)
{
	held = h;
}

void diag_flush(struct diag_held *h, unsigned n)
{
	if (n > h->n)
		n = h->n;
	for (unsigned i = 0; i < n; i++)
		diag_error(h->msg[i].file, h->msg[i].line, "%s", h->msg[i].text);
	memmove(h->msg, h->msg + n, (h->n - n) * sizeof h->msg[0]);
	h->n -= n;
}

void diag_set_origin(const char *file, long line)
{
	origin = file;
	origin_line = file ? line : 0;
}

const char *diag_last(long *line)
{
	*line = last_line;
	return last;
}

void diag_clear_last(void)
{
	last[0] = '\0';
	last_line = 0;
}

void diag_set_stream(FILE *f)
{
	stream = f;
}

void diag_mute(int on)
{
	muted = on;
}

size_t diag_utf8_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	if (c < 0x80)
		return 1;
	size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	if (len == 3 && ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0)))
		return 0;
	if (len == 4 && ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90)))
		return 0;
	return len;
}

size_t diag_utf8_cut(const char *s, size_t max)
{
	size_t n = strnlen(s, max + 1);
	if (n <= max)
		return n;
	while (max && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

/* Writes s[0..n) with the controls a terminal acts on made visible, so that
 * text quoted from an input can neither forge a line nor drive the
 * terminal: C0 and DEL as \xNN, a stray byte 0x80 to 0x9F (a C1 control to
 * a terminal that is not UTF-8) as \xNN, C1 (U+0080 to U+009F: U+009B is
 * CSI) and the bidirectional overrides and isolates (U+202A to U+202E,
 * U+2066 to U+2069) as U+XXXX. Into buf (size bytes), cut there; returns
 * the length written, and in *read the bytes of s written. */
static size_t visible(char *buf, size_t size, const char *s, size_t n, size_t *read)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	*read = 0;
	for (size_t i = 0; i < n && o + 1 < size;) {
		size_t len = diag_utf8_len(p + i, n - i);
		unsigned cp = 0;
		if (len == 2)
			cp = (unsigned)(p[i] & 0x1F) << 6 | (p[i + 1] & 0x3F);
		else if (len == 3)
			cp = (unsigned)(p[i] & 0x0F) << 12 | (unsigned)(p[i + 1] & 0x3F) << 6 |
			     (p[i + 2] & 0x3F);
		char esc[8] = "";
		if ((len == 1 && (p[i] < 0x20 || p[i] == 0x7F)) || (len == 0 && p[i] < 0xA0))
			snprintf(esc, sizeof esc, "\\x%02X", p[i]);
		else if ((len == 2 && cp < 0xA0) || (len == 3 && ((cp >= 0x202A && cp <= 0x202E) ||
								  (cp >= 0x2066 && cp <= 0x2069))))
			snprintf(esc, sizeof esc, "U+%04X", cp);
		size_t step = len ? len : 1;
		if (esc[0]) {
			size_t e = strlen(esc);
			if (o + e >= size)
				break;
			memcpy(buf + o, esc, e);
			o += e;
		} else {
			if (o + step >= size)
				break;
			memcpy(buf + o, p + i, step);
			o += step;
		}
		i += step;
		*read = i;
	}
	buf[o] = '\0';
	return o;
}

/* Writes s made visible (above) to out. */
static void put_visible(FILE *out, const char *s)
{
	char buf[1024];
	size_t n = strlen(s);
	while (n) {
		/* by pieces that end at a character's end */
		size_t take = n < 200 ? n : 200;
		while (take < n && take > 1 && ((unsigned char)s[take] & 0xC0) == 0x80)
			take--;
		size_t read;
		fwrite(buf, 1, visible(buf, sizeof buf, s, take, &read), out);
		s += take;
		n -= take;
	}
}

void diag_verror(const char *file, long line, const char *fmt, va_list ap)
{
	FILE *out = stream ? stream : stderr;
	if (held) {
		if (held->n < DIAG_HELD_MAX) {
			held->msg[held->n].file = file;
			held->msg[held->n].line = line;
			vsnprintf(held->msg[held->n].text, sizeof held->msg[0].text, fmt, ap);
			held->n++;
		}
		return;
	}
	if (muted)
		return;
	char small[1024], *msg = small;
	va_list copy;
	va_copy(copy, ap);
	int len = vsnprintf(small, sizeof small, fmt, ap);
	if (len >= (int)sizeof small && (msg = malloc((size_t)len + 1)) != NULL)
		vsnprintf(msg, (size_t)len + 1, fmt, copy);
	else if (!msg)
		msg = small; /* out of memory: the message cut */
	va_end(copy);
	if (len < 0)
		small[0] = '\0';
	term_hold(); /* a progress line erased first */
	fputs("almaudit: ", out);
	if (origin && origin_line > 0) {
		put_visible(out, origin);
		fprintf(out, ":%ld: ", origin_line);
	}
	if (file) {
		put_visible(out, file);
		if (line > 0)
			fprintf(out, ":%ld", line);
		fputs(": ", out);
	}
	put_visible(out, msg);
	fputc('\n', out);
	size_t read, n = strlen(msg);
	size_t kept = visible(last, sizeof last, msg, n, &read);
	if (read < n) {
		/* cut: at a character's start, and say so */
		size_t at = kept < sizeof last - 4 ? kept : sizeof last - 4;
		while (at && ((unsigned char)last[at] & 0xC0) == 0x80)
			at--;
		memcpy(last + at, "...", 4);
	}
	if (msg != small)
		free(msg);
	last_line = line;
	term_release();
}

void diag_error(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(file, line, fmt, ap);
	va_end(ap);
}
