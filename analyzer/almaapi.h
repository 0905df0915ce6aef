/* almaapi: GET requests to the Alma API, the only module that includes
 * libcurl's header. A struct almaapi holds the API key (sent only as
 * "Authorization: apikey KEY", never in a URL; what the API says is the
 * caller's to quote, without it: apipage_redact), the base URL, and the
 * requests under way: at most `parallel` at once through curl's multi
 * interface, started no faster than `rate` a second; HTTP 408, 429 and
 * 5xx, a connection refused or reset, a body cut short, a stalled transfer
 * (no byte of the answer for `stall` seconds) and a try that trickles (not
 * done in ALMAAPI_TRY_STALLS times `stall`) are tried again after a wait
 * that doubles from `backoff` seconds, or the server's Retry-After, up to
 * `attempts` tries; a 429
 * holds back every request for its wait (the limit is the institution's).
 * HTTPS is verified; plain http is taken only for a loopback host; no
 * redirect is followed.
 *
 * almaapi_new copies the configuration (the key too, wiped at
 * almaapi_free). A result's body is the caller's once almaapi_next returns
 * it, freed by almaapi_result_free. */
#ifndef ALMAUDIT_ALMAAPI_H
#define ALMAUDIT_ALMAAPI_H

#include <stddef.h>

/* The path every request's begins with; a base that ends with it (as Ex
 * Libris writes the API's base) is taken without it. */
#define ALMAAPI_PREFIX "/almaws/v1"
/* One try takes at most this many times `stall` seconds in all: a page
 * is at most a hundred items. */
#define ALMAAPI_TRY_STALLS 3

struct almaapi_config {
	const char *base;  /* scheme://host[:port][/prefix], almaapi_check_base's;
			    * a trailing ALMAAPI_PREFIX is dropped */
	const char *key;   /* the API key */
	const char *agent; /* the User-Agent */
	long stall;	   /* seconds without a byte before a try is given up */
	double backoff;	   /* the first retry's wait, seconds; doubled each retry */
	int parallel;	   /* requests at once */
	double rate;	   /* requests started a second, at most */
	int attempts;	   /* tries of one request, at most */
};

/* The largest body taken, and the longest Retry-After waited for. */
#define ALMAAPI_MAX_BODY (16u << 20)
#define ALMAAPI_MAX_WAIT 300

struct almaapi_result {
	void *tag;     /* as given to almaapi_get */
	long status;   /* the last try's HTTP status; 0 when it had no answer */
	int ok;	       /* a 2xx answer */
	char *body;    /* the last try's body, NUL-terminated (a NUL inside
			* is the caller's to find); NULL when none */
	size_t len;
	int attempts;  /* tries made */
	char why[256]; /* !ok: why, in words ("nothing received for 60 s: ...") */
};

struct almaapi;

/* 0 when url may be the base: https, or http to a loopback host
 * (localhost, 127.0.0.0/8, ::1); no user, query or fragment. Else -1 and
 * the reason in why. */
int almaapi_check_base(const char *url, char *why, size_t size);

/* NULL when it cannot be made (reported). */
struct almaapi *almaapi_new(const struct almaapi_config *c);
void almaapi_free(struct almaapi *a);

/* Queues a GET of base + path ("/almaws/v1/conf/jobs?type=MANUAL"). -1
 * (reported) when out of memory. */
int almaapi_get(struct almaapi *a, const char *path, void *tag);

/* Runs the requests until one has its final answer: 1 and *r set (ok or
 * not), 0 when no request is left, -1 (reported) on an internal error. */
int almaapi_next(struct almaapi *a, struct almaapi_result *r);
void almaapi_result_free(struct almaapi_result *r);

/* Requests sent (each try counts) and tries that were retries. */
void almaapi_counts(const struct almaapi *a, long *requests, long *retries);

#endif
