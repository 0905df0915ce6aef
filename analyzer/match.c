#define PCRE2_CODE_UNIT_WIDTH 8
#include "match.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

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
