#define PCRE2_CODE_UNIT_WIDTH 8
#include "match.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct pattern {
	pcre2_code *code;
	pcre2_match_data *data;
	pcre2_match_context *mctx;
};

struct pattern *match_compile(const char *src, size_t n, char *msg, size_t msgsize,
			      size_t *offset)
{
	int err;
	PCRE2_SIZE off = 0;
	struct pattern *p = calloc(1, sizeof *p);

	*offset = 0;
	if (!p) {
		snprintf(msg, msgsize, "out of memory");
		return NULL;
	}
	p->code = pcre2_compile((PCRE2_SPTR)src, n,
				PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &err, &off,
				NULL);
	if (!p->code) {
		PCRE2_UCHAR text[256];
		if (pcre2_get_error_message(err, text, sizeof text) < 0)
			snprintf((char *)text, sizeof text, "error %d", err);
		snprintf(msg, msgsize, "%s", (const char *)text);
		*offset = off;
		free(p);
		return NULL;
	}
	/* Without JIT support the interpreter runs, under the same limits. */
	(void)pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
	p->data = pcre2_match_data_create(1, NULL);
	p->mctx = pcre2_match_context_create(NULL);
	if (!p->data || !p->mctx) {
		snprintf(msg, msgsize, "out of memory");
		match_free(p);
		return NULL;
	}
	pcre2_set_match_limit(p->mctx, MATCH_LIMIT);
	pcre2_set_heap_limit(p->mctx, MATCH_HEAP_LIMIT_KIB);
	pcre2_set_depth_limit(p->mctx, MATCH_LIMIT);
	return p;
}

int match_run(const struct pattern *p, const char *s, size_t n)
{
	int rc = pcre2_match(p->code, (PCRE2_SPTR)s, n, 0, 0, p->data, p->mctx);
	if (rc >= 0)
		return 1;
	return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

void match_free(struct pattern *p)
{
	if (!p)
		return;
	pcre2_code_free(p->code);
	pcre2_match_data_free(p->data);
	pcre2_match_context_free(p->mctx);
	free(p);
}

static double elapsed_ms(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

/* One subject: -1 when it hit the limits, else 0 and its time in *ms. */
static int probe_one(const struct pattern *p, const char *s, size_t n, double *ms)
{
	*ms = -1;
	for (int t = 0; t < 3; t++) {
		struct timespec a, b;
		clock_gettime(CLOCK_MONOTONIC, &a);
		int rc = pcre2_match(p->code, (PCRE2_SPTR)s, n, 0, 0, p->data, p->mctx);
		clock_gettime(CLOCK_MONOTONIC, &b);
		if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
			return -1;
		double d = elapsed_ms(&a, &b);
		if (*ms < 0 || d < *ms)
			*ms = d;
		if (*ms < 1)
			break; /* fast: no need to try again */
	}
	return 0;
}

int match_probe(const struct pattern *p, const char *src, double *ms, size_t *len)
{
	/* calloc: PCRE2's JIT reads ahead of the subject; valgrind flags bytes
	 * never written, so every byte of the buffer is written */
	char chars[64], text[256], *s = calloc(1, MATCH_PROBE_LEN + 1 + sizeof text);
	size_t nchars = 0, ntext = 0;
	*ms = 0;
	*len = 0;
	if (!s)
		return 0;
	/* the letters, digits and spaces the pattern names, in order (its
	 * literal text) and each once; an escaped character counts as itself */
	for (const char *c = src; *c && ntext + 1 < sizeof text; c++) {
		if (*c == '\\' && c[1])
			c++;
		unsigned char u = (unsigned char)*c;
		int plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
			    u == ' ' || u >= 0x80;
		if (!plain)
			continue;
		text[ntext++] = (char)u;
		if (u < 0x80 && !memchr(chars, u, nchars) && nchars < sizeof chars)
			chars[nchars++] = (char)u;
	}
	/* and a letter, a digit and a space, for \w, \d and \s */
	for (const char *c = "a0 "; *c; c++)
		if (nchars < sizeof chars && !memchr(chars, *c, nchars))
			chars[nchars++] = *c;
	int hit = 0;
	for (size_t k = 0; k <= nchars && !hit; k++) {
		/* k < nchars: a run of chars[k]; k == nchars: the literal text */
		if (k == nchars && !ntext)
			break;
		for (size_t i = 0; i < MATCH_PROBE_LEN; i++)
			s[i] = k < nchars ? chars[k] : text[i % ntext];
		/* alone; then '!'; then '!' and the literal text, which a
		 * pattern's "required character" check would look for first */
		for (int tail = 0; tail < 3 && !hit; tail++) {
			size_t n = MATCH_PROBE_LEN;
			double t;
			if (tail)
				s[n++] = '!';
			if (tail == 2) {
				memcpy(s + n, text, ntext);
				n += ntext;
			}
			if (probe_one(p, s, n, &t) != 0) {
				hit = 1;
				*len = n;
			} else if (t > *ms) {
				*ms = t;
				*len = n;
			}
		}
	}
	free(s);
	return hit;
}

