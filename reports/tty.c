/* Standard output on a terminal: see tty.h. */
#define _GNU_SOURCE /* fopencookie */
#include "tty.h"

#include "cells.h"
#include "term.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct tty {
	int width; /* 0: lines as they are */
	char *line; /* the line being written, until its '\n' */
	size_t n, cap;
	char out[8192]; /* what goes to descriptor 1, in one write */
	size_t nout;
};

/* Writes n bytes to descriptor 1; 0, or -1 (errno set). */
static int put_fd(const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(STDOUT_FILENO, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int flush_out(struct tty *t)
{
	int bad = put_fd(t->out, t->nout);
	t->nout = 0;
	return bad;
}

/* Adds n bytes to what goes out; 0, or -1 (errno set). */
static int put(struct tty *t, const char *p, size_t n)
{
	if (t->nout + n > sizeof t->out && flush_out(t) != 0)
		return -1;
	if (n > sizeof t->out)
		return put_fd(p, n);
	memcpy(t->out + t->nout, p, n);
	t->nout += n;
	return 0;
}

/* Where a continuation of the line goes: under its value when it opens
 * with a label and two spaces or more ("Input      a.csv", "Runs seen  ...")
 * or with spaces, else two columns in; never past half the width. */
static size_t indent_of(const char *s, size_t n, int width)
{
	size_t lead = strspn(s, " "), at = 0;
	if (lead == 0) {
		const char *two = NULL;
		for (size_t i = 1; i + 1 < n && i < 14 && !two; i++)
			if (s[i] == ' ' && s[i + 1] == ' ')
				two = s + i;
		if (two)
			at = (size_t)(two - s) + strspn(two, " ");
	}
	size_t indent = lead ? lead : at ? at : 2;
	return indent * 2 < (size_t)width ? indent : 2;
}

/* Writes one line (without its '\n'), wrapped to the width. */
static int line_out(struct tty *t, const char *s, size_t n)
{
	int cols = 0;
	size_t len;
	for (size_t i = 0; t->width && i < n && cols <= t->width; i += len ? len : 1)
		cols += report_char_columns((const unsigned char *)s + i, &len);
	if (!t->width || cols <= t->width)
		return put(t, s, n) || put(t, "\n", 1) ? -1 : 0;
	size_t indent = indent_of(s, n, t->width), i = 0;
	for (int first = 1; i < n; first = 0) {
		size_t start = i, brk = 0;
		cols = first ? 0 : (int)indent;
		/* the longest piece that fits, ending at a space where one is
		 * (on the first line, past the label) */
		while (i < n) {
			int c = report_char_columns((const unsigned char *)s + i, &len);
			if (cols + c > t->width)
				break;
			if (s[i] == ' ' && i > start && (!first || i > indent))
				brk = i;
			cols += c;
			i += len ? len : 1;
		}
		if (i < n && brk)
			i = brk; /* at the space: the word goes on the next line */
		else if (i == start) /* a character wider than the line */
			i += (len = report_utf8_len((const unsigned char *)s + i)) ? len : 1;
		size_t end = i;
		while (end > start && s[end - 1] == ' ')
			end--;
		for (size_t k = 0; !first && k < indent; k++)
			if (put(t, " ", 1) != 0)
				return -1;
		if (put(t, s + start, end - start) != 0 || put(t, "\n", 1) != 0)
			return -1;
		while (i < n && s[i] == ' ')
			i++;
	}
	return 0;
}

static ssize_t tty_write(void *cookie, const char *buf, size_t size)
{
	struct tty *t = cookie;
	int bad = 0;
	term_hold(); /* the progress line erased, and held back */
	for (size_t i = 0; i < size && !bad; i++) {
		if (buf[i] == '\n') {
			bad = line_out(t, t->line, t->n) != 0;
			t->n = 0;
			continue;
		}
		if (t->n + 1 >= t->cap) {
			size_t cap = t->cap ? t->cap * 2 : 256;
			char *line = realloc(t->line, cap);
			if (!line) {
				/* out of memory: the line as it is */
				bad = put(t, t->line, t->n) != 0;
				t->n = 0;
				if (put(t, buf + i, 1) != 0)
					bad = 1;
				continue;
			}
			t->line = line;
			t->cap = cap;
		}
		t->line[t->n++] = buf[i];
	}
	if (flush_out(t) != 0)
		bad = 1;
	term_release();
	return bad ? -1 : (ssize_t)size;
}

static int tty_close(void *cookie)
{
	struct tty *t = cookie;
	int bad = 0;
	if (t->n) {
		/* a last line without its '\n': as it is */
		term_hold();
		bad = put_fd(t->line, t->n) != 0;
		term_release();
	}
	free(t->line);
	free(t);
	return bad ? -1 : 0;
}

FILE *tty_open(void)
{
	if (!isatty(STDOUT_FILENO))
		return NULL;
	struct tty *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->width = report_width();
	fflush(stdout);
	cookie_io_functions_t io = {NULL, tty_write, NULL, tty_close};
	FILE *f = fopencookie(t, "w", io);
	if (!f) {
		free(t);
		return NULL;
	}
	setvbuf(f, NULL, _IOFBF, 1 << 16);
	return f;
}
