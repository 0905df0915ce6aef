/* match: compiled PCRE2 patterns, caseless, tolerant of invalid UTF-8,
 * JIT-compiled once, matched under a match limit and a heap limit so no
 * subject can make a match run away. The only module that includes pcre2.h.
 * match_compile allocates a pattern; match_free frees it. */
#ifndef ALMAUDIT_MATCH_H
#define ALMAUDIT_MATCH_H

#include <stddef.h>

/* Work allowed for one match: PCRE2's match limit (backtracking steps) and
 * heap limit (KiB). The JIT ignores the depth limit, so these two bound it. */
#define MATCH_LIMIT 100000u
#define MATCH_HEAP_LIMIT_KIB 1024u

struct pattern;

/* Compiles src (n bytes). On error returns NULL and writes PCRE2's message
 * and the offset of the error into msg and *offset; reports nothing. */
struct pattern *match_compile(const char *src, size_t n, char *msg, size_t msgsize,
			      size_t *offset);

/* 1 when the pattern matches s (n bytes), 0 when not, -1 when the match hit
 * a limit (or failed otherwise): the caller decides what that means. */
int match_run(const struct pattern *p, const char *s, size_t n);

void match_free(struct pattern *p);

#endif
