#include "diag.h"

#include <stdio.h>

static FILE *stream;

void diag_set_stream(FILE *f)
{
	stream = f;
}

void diag_verror(const char *file, long line, const char *fmt, va_list ap)
{
	FILE *out = stream ? stream : stderr;
	fputs("almaudit: ", out);
	if (file && line > 0)
		fprintf(out, "%s:%ld: ", file, line);
	else if (file)
		fprintf(out, "%s: ", file);
	vfprintf(out, fmt, ap);
	fputc('\n', out);
}

void diag_error(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(file, line, fmt, ap);
	va_end(ap);
}
