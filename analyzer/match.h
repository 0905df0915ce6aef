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

/* Probes a pattern with adversarial subjects, for `rules check`: runs of
 * each letter, digit or space its source src names (MATCH_PROBE_LEN long),
 * its literal text repeated to that length, runs of 'a', '0' and ' ': alone,
 * followed by '!' (which ends no name), and by '!' and the literal text.
 * Returns 1 when a match hit the limits
 * (the subject's length in *len), else 0 with the slowest match in *ms (the
 * least of three tries, so a busy machine does not count) and its subject's
 * length in *len. */
#define MATCH_PROBE_LEN 5000
int match_probe(const struct pattern *p, const char *src, double *ms, size_t *len);

void match_free(struct pattern *p);

#endif
