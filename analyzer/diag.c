#include "diag.h"

#include <stdio.h>

static unsigned long count;

void diag_verror(const char *file, long line, const char *fmt, va_list ap)
{
	count++;
	fputs("almaudit: ", stderr);
	if (file && line > 0)
		fprintf(stderr, "%s:%ld: ", file, line);
	else if (file)
		fprintf(stderr, "%s: ", file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void diag_error(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(file, line, fmt, ap);
	va_end(ap);
}

unsigned long diag_count(void)
{
	return count;
}
