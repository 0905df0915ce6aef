#include "diag.h"

#include "term.h"

#include <stdio.h>
#include <string.h>

static FILE *stream;
static int muted;
static char last[DIAG_LAST_MAX + 1];
static long last_line;
static const char *origin;
static long origin_line;

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

void diag_verror(const char *file, long line, const char *fmt, va_list ap)
{
	FILE *out = stream ? stream : stderr;
	if (muted)
		return;
	term_hold(); /* a progress line erased first */
	fputs("almaudit: ", out);
	if (origin && origin_line > 0)
		fprintf(out, "%s:%ld: ", origin, origin_line);
	if (file && line > 0)
		fprintf(out, "%s:%ld: ", file, line);
	else if (file)
		fprintf(out, "%s: ", file);
	va_list copy;
	va_copy(copy, ap);
	vfprintf(out, fmt, ap);
	fputc('\n', out);
	if (vsnprintf(last, sizeof last, fmt, copy) >= (int)sizeof last) {
		/* cut: at a character's start, and say so */
		size_t at = sizeof last - 4;
		while (at && ((unsigned char)last[at] & 0xC0) == 0x80)
			at--;
		memcpy(last + at, "...", 4);
	}
	va_end(copy);
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
