/* diag: the one place diagnostics are written. Every message goes to stderr
 * as "almaudit: FILE:LINE: message" (or "almaudit: FILE: message" when no
 * line applies, or "almaudit: message" when no file does), after the
 * config's FILE:LINE when the value at fault came from a config
 * (diag_set_origin). Keeps the last message for reports (diag_last); owns
 * nothing else. */
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

/* The last message written, without the "almaudit: FILE:LINE: " prefix
 * (cut to DIAG_LAST_MAX bytes), and its line (0: none), so that a report can
 * say in its own text what went wrong; "" when none since diag_clear_last.
 * The text is diag's own, valid until the next message. */
#define DIAG_LAST_MAX 240
const char *diag_last(long *line);
void diag_clear_last(void);

/* Where the value a message is about came from, when it came from a
 * config file (config.h): while set, every message is prefixed with
 * "FILE:LINE: " before its own file and line, so that an error about a
 * value from the config names the config's line. file NULL clears it. The
 * strings are borrowed: they must outlive the setting. */
void diag_set_origin(const char *file, long line);

/* Where diagnostics go (stderr unless set; the fuzzers silence them). */
void diag_set_stream(FILE *stream);

/* Messages held instead of written, for a thread that works ahead of the
 * one whose place in the input they are about (rowpipe): while a thread
 * holds (diag_hold), its messages are formatted into the struct diag_held
 * in order (past DIAG_HELD_MAX they are dropped), neither written nor kept
 * as the last; diag_flush writes them later, from the thread that writes
 * the rest, as diag_error would have. The struct is the caller's. */
#define DIAG_HELD_MAX 4
struct diag_held {
	unsigned n;
	struct {
		const char *file; /* borrowed: must outlive the flush */
		long line;
		char text[DIAG_LAST_MAX + 1];
	} msg[DIAG_HELD_MAX];
};
/* This thread's messages go into h from now on (NULL: written again). */
void diag_hold(struct diag_held *h);
/* Writes the first n messages of h (all when n is larger) and drops them. */
void diag_flush(struct diag_held *h, unsigned n);

/* While on, messages are dropped (and not kept as the last): a file read a
 * first time for what it holds says its problems when it is read again. */
void diag_mute(int on);

/* The length of the well-formed UTF-8 character at p (n bytes left), or 0
 * for a stray byte (an overlong form, a surrogate, past U+10FFFF, a
 * continuation missing): what the messages and the reports (cells.h) show
 * as text. */
size_t diag_utf8_len(const unsigned char *p, size_t n);

/* The length of s's first bytes, at most max, that end at a character's
 * end (UTF-8): for "%.*s" that cuts a text without halving a letter. */
size_t diag_utf8_cut(const char *s, size_t max);

#endif
