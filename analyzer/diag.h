/* diag: the one place diagnostics are written. Every message goes to stderr
 * as "almaudit: FILE:LINE: message" (or "almaudit: FILE: message" when no
 * line applies, or "almaudit: message" when no file does). Owns nothing. */
#ifndef ALMAUDIT_DIAG_H
#define ALMAUDIT_DIAG_H

#include <stdarg.h>
#include <stdio.h>

#if defined(__GNUC__)
#define DIAG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DIAG_PRINTF(a, b)
#endif

/* file may be NULL; line 0 means "no line". */
void diag_error(const char *file, long line, const char *fmt, ...) DIAG_PRINTF(3, 4);
void diag_verror(const char *file, long line, const char *fmt, va_list ap) DIAG_PRINTF(3, 0);

/* Where diagnostics go (stderr unless set; the fuzzers silence them). */
void diag_set_stream(FILE *stream);

#endif
