#include "almaapi.h"

#include "diag.h"

#include <curl/curl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* One request: queued (waiting), in curl's hands (running), or answered
 * (done). */
struct req {
	CURL *easy;
	struct almaapi *api;
	char *url;
	void *tag;
	int attempts;
	double not_before; /* monotonic seconds: a retry's wait */
	double last;	   /* monotonic seconds: the try began, or its last byte came */
	curl_off_t seen;   /* the bytes of the answer come so far */
	char *body;
	size_t len, cap;
	int too_big, oom, stalled;
	char err[CURL_ERROR_SIZE];
	struct almaapi_result result; /* when done */
	struct req *next;
};

struct almaapi {
	CURLM *multi;
	struct curl_slist *headers; /* Authorization and Accept */
	char *base, *agent;
	char *key;
	long stall;
	double backoff, rate;
	int parallel, attempts, loopback;
	struct req *waiting, *running, *done, *done_tail;
	int nrunning;
	double next_start, hold_until;
	long requests, retries;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* localhost, 127.0.0.0/8, ::1 ([::1] as curl gives it) */
static int is_loopback(const char *host)
{
	char buf[64];
	size_t n = strlen(host);
	struct in_addr v4;
	struct in6_addr v6;
	if (strcasecmp(host, "localhost") == 0)
		return 1;
	if (n >= 2 && host[0] == '[' && host[n - 1] == ']' && n - 2 < sizeof buf) {
		memcpy(buf, host + 1, n - 2);
		buf[n - 2] = '\0';
		return inet_pton(AF_INET6, buf, &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
	}
	if (inet_pton(AF_INET, host, &v4) == 1)
		return (ntohl(v4.s_addr) >> 24) == 127;
	return inet_pton(AF_INET6, host, &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

/* 1 when part is in the URL (and not empty) */
static int has_part(CURLU *u, CURLUPart part)
{
	char *s = NULL;
	int has = curl_url_get(u, part, &s, 0) == CURLUE_OK && s && *s;
	curl_free(s);
	return has;
}

/* The URL's scheme and host, or -1. *loopback: plain http allowed. The URL
 * itself is never quoted in why: it may hold what should not be there. */
static int parse_base(const char *url, int *loopback, char *why, size_t size)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL;
	int rc = -1;
	if (!u) {
		snprintf(why, size, "out of memory");
		return -1;
	}
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
		snprintf(why, size, "the base URL is not a URL: https://HOST, with no path but a "
				    "prefix the API sits under");
		goto out;
	}
	if (has_part(u, CURLUPART_USER) || has_part(u, CURLUPART_PASSWORD)) {
		snprintf(why, size, "the base URL holds a user name or password: the API key goes "
				    "in $ALMA_API_KEY or --api-key-file, never in a URL");
		goto out;
	}
	if (has_part(u, CURLUPART_QUERY) || has_part(u, CURLUPART_FRAGMENT)) {
		snprintf(why, size, "the base URL has a query or fragment (?... or #...): give "
				    "https://HOST only; the API key goes in $ALMA_API_KEY or "
				    "--api-key-file, never in a URL");
		goto out;
	}
	*loopback = is_loopback(host);
	if (strcasecmp(scheme, "https") == 0) {
		rc = 0;
	} else if (strcasecmp(scheme, "http") == 0) {
		if (*loopback)
			rc = 0;
		else
			snprintf(why, size, "plain http:// is taken only for this machine (localhost, "
					    "127.0.0.1, ::1): the API key would cross the network "
					    "unencrypted; use https://");
	} else {
		snprintf(why, size, "the base URL is %s://, not https://", scheme);
	}
out:
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return rc;
}

int almaapi_check_base(const char *url, char *why, size_t size)
{
	int loopback;
	return parse_base(url, &loopback, why, size);
}

/* Overwrites a secret before its memory is given back. */
static void wipe(void *p, size_t n)
{
	volatile unsigned char *v = p;
	while (n--)
		*v++ = 0;
}

static void wipe_str(char *s)
{
	if (s)
		wipe(s, strlen(s));
}

static void req_free(struct req *r)
{
	if (!r)
		return;
	if (r->easy)
		curl_easy_cleanup(r->easy);
	free(r->url);
	free(r->body);
	almaapi_result_free(&r->result);
	free(r);
}

void almaapi_free(struct almaapi *a)
{
	if (!a)
		return;
	struct req *lists[] = {a->waiting, a->running, a->done};
	for (size_t i = 0; i < 3; i++)
		for (struct req *r = lists[i], *next; r; r = next) {
			next = r->next;
			if (i == 1)
				curl_multi_remove_handle(a->multi, r->easy);
			req_free(r);
		}
	if (a->multi)
		curl_multi_cleanup(a->multi);
	for (struct curl_slist *h = a->headers; h; h = h->next)
		wipe_str(h->data);
	curl_slist_free_all(a->headers);
	wipe_str(a->key);
	free(a->key);
	free(a->base);
	free(a->agent);
	free(a);
	curl_global_cleanup();
}

struct almaapi *almaapi_new(const struct almaapi_config *c)
{
	char why[256];
	int loopback = 0;
	if (parse_base(c->base, &loopback, why, sizeof why) != 0) {
		diag_error(NULL, 0, "%s", why);
		return NULL;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		diag_error(NULL, 0, "cannot start libcurl");
		return NULL;
	}
	struct almaapi *a = calloc(1, sizeof *a);
	if (!a) {
		curl_global_cleanup();
		diag_error(NULL, 0, "out of memory");
		return NULL;
	}
	a->stall = c->stall > 0 ? c->stall : 60;
	a->backoff = c->backoff >= 0 ? c->backoff : 1;
	a->rate = c->rate > 0 ? c->rate : 1;
	a->parallel = c->parallel > 0 ? c->parallel : 1;
	a->attempts = c->attempts > 0 ? c->attempts : 1;
	a->loopback = loopback;
	a->base = strdup(c->base);
	a->agent = strdup(c->agent ? c->agent : "almaudit");
	a->key = strdup(c->key);
	size_t n = strlen(c->key) + sizeof "Authorization: apikey ";
	char *auth = malloc(n);
	a->multi = curl_multi_init();
	if (auth) {
		snprintf(auth, n, "Authorization: apikey %s", c->key);
		struct curl_slist *h = curl_slist_append(NULL, auth);
		wipe(auth, n);
		free(auth);
		if (h) {
			a->headers = h;
			h = curl_slist_append(h, "Accept: application/json");
			if (!h) {
				wipe_str(a->headers->data);
				curl_slist_free_all(a->headers);
				a->headers = NULL;
			}
		}
	}
	if (!a->base || !a->agent || !a->key || !a->multi || !a->headers) {
		almaapi_free(a);
		diag_error(NULL, 0, "out of memory");
		return NULL;
	}
	/* the base without trailing slashes (paths start with one), and
	 * without the /almaws/v1 that the paths begin with, when it ends so
	 * (as Ex Libris writes the API's base) */
	for (int round = 0; round < 2; round++) {
		size_t len = strlen(a->base);
		while (len > 0 && a->base[len - 1] == '/')
			a->base[--len] = '\0';
		size_t k = strlen(ALMAAPI_PREFIX);
		if (round == 0 && len >= k && strcmp(a->base + len - k, ALMAAPI_PREFIX) == 0)
			a->base[len - k] = '\0';
	}
	curl_multi_setopt(a->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)a->parallel);
	return a;
}

static size_t on_body(char *p, size_t size, size_t n, void *arg)
{
	struct req *r = arg;
	size_t k = size * n;
	if (k > ALMAAPI_MAX_BODY - r->len) {
		r->too_big = 1;
		return 0;
	}
	if (r->len + k + 1 > r->cap) {
		size_t cap = r->cap ? r->cap : 16384;
		while (cap < r->len + k + 1)
			cap *= 2;
		char *b = realloc(r->body, cap);
		if (!b) {
			r->oom = 1;
			return 0;
		}
		r->body = b;
		r->cap = cap;
	}
	memcpy(r->body + r->len, p, k);
	r->len += k;
	r->body[r->len] = '\0';
	return k;
}

/* Curl's word on a try under way, at least once a second: a try is given
 * up when no byte of its answer came for `stall` seconds. */
static int on_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	struct req *r = arg;
	double t = now();
	(void)dltotal, (void)ultotal, (void)ulnow;
	if (dlnow != r->seen) {
		r->seen = dlnow;
		r->last = t;
	} else if (t - r->last >= (double)r->api->stall) {
		r->stalled = 1;
		return 1; /* CURLE_ABORTED_BY_CALLBACK */
	}
	return 0;
}

static int setup(struct almaapi *a, struct req *r)
{
	CURL *e = curl_easy_init();
	if (!e)
		return -1;
	r->easy = e;
	long connect = a->stall < 30 ? a->stall : 30;
	int bad = 0;
	r->api = a;
	bad |= curl_easy_setopt(e, CURLOPT_URL, r->url) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_HTTPGET, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_HTTPHEADER, a->headers) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_USERAGENT, a->agent) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_WRITEDATA, r) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->err) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_PRIVATE, r) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, connect) != CURLE_OK;
	/* a stall: no byte for `stall` seconds (on_progress); a try that
	 * trickles: over ALMAAPI_TRY_STALLS times that in all */
	bad |= curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, on_progress) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_XFERINFODATA, r) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_TIMEOUT, a->stall * ALMAAPI_TRY_STALLS) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, a->loopback ? "http,https" : "https") !=
	       CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "") != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_VERBOSE, 0L) != CURLE_OK; /* no trace: it would hold the key */
	if (a->loopback) /* this machine: never through a proxy */
		bad |= curl_easy_setopt(e, CURLOPT_NOPROXY, "*") != CURLE_OK;
	return bad ? -1 : 0;
}

int almaapi_get(struct almaapi *a, const char *path, void *tag)
{
	struct req *r = calloc(1, sizeof *r);
	size_t n = strlen(a->base) + strlen(path) + 1;
	if (r && (r->url = malloc(n)))
		snprintf(r->url, n, "%s%s", a->base, path);
	if (!r || !r->url || setup(a, r) != 0) {
		req_free(r);
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	r->tag = tag;
	/* queued at the end */
	struct req **p = &a->waiting;
	while (*p)
		p = &(*p)->next;
	*p = r;
	return 0;
}

static int start(struct almaapi *a, struct req *r)
{
	r->len = 0;
	r->too_big = r->oom = r->stalled = 0;
	r->seen = 0;
	r->last = now();
	r->err[0] = '\0';
	if (curl_multi_add_handle(a->multi, r->easy) != CURLM_OK) {
		diag_error(NULL, 0, "libcurl cannot start a request");
		return -1;
	}
	r->attempts++;
	a->requests++;
	a->nrunning++;
	r->next = a->running;
	a->running = r;
	return 0;
}

/* A try that failed may go better later: the network, the server busy. */
static int transient(CURLcode res)
{
	switch (res) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_PARTIAL_FILE:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return 1;
	default:
		return 0;
	}
}

/* Why a try had no whole answer, in words. */
static void describe(const struct almaapi *a, const struct req *r, CURLcode res, char *why,
		     size_t size)
{
	const char *detail = r->err[0] ? r->err : curl_easy_strerror(res);
	if (r->too_big)
		snprintf(why, size, "the answer is over %u MB", ALMAAPI_MAX_BODY >> 20);
	else if (r->oom)
		snprintf(why, size, "out of memory");
	else if (r->stalled || res == CURLE_OPERATION_TIMEDOUT) {
		curl_off_t connected = 0;
		if (curl_easy_getinfo(r->easy, CURLINFO_CONNECT_TIME_T, &connected) != CURLE_OK)
			connected = 0;
		if (!connected)
			snprintf(why, size, "no connection within %ld s",
				 r->stalled || a->stall < 30 ? a->stall : 30);
		else if (r->stalled && r->seen > 0)
			snprintf(why, size, "nothing more received for %ld s, after %lld bytes of the "
					    "answer: the connection stalled",
				 a->stall, (long long)r->seen);
		else if (r->stalled)
			snprintf(why, size, "nothing received for %ld s: the connection stalled",
				 a->stall);
		else
			snprintf(why, size, "the answer was not in after %ld s (%lld bytes of it "
					    "came), the most a try may take: too slow",
				 a->stall * ALMAAPI_TRY_STALLS, (long long)r->seen);
	}
	else if (res == CURLE_PARTIAL_FILE)
		snprintf(why, size, "the answer was cut short (%.120s)", detail);
	else if (res == CURLE_PEER_FAILED_VERIFICATION || res == CURLE_SSL_CACERT_BADFILE ||
		 res == CURLE_SSL_ISSUER_ERROR)
		snprintf(why, size, "the server's certificate does not verify (%.120s)", detail);
	else
		snprintf(why, size, "%.150s", detail);
}

static int contains(const char *s, size_t n, const char *what)
{
	size_t k = strlen(what);
	for (size_t i = 0; s && i + k <= n; i++)
		if (memcmp(s + i, what, k) == 0)
			return 1;
	return 0;
}

static void push_done(struct almaapi *a, struct req *r)
{
	r->next = NULL;
	if (a->done_tail)
		a->done_tail->next = r;
	else
		a->done = r;
	a->done_tail = r;
}

/* A try has ended: retried, or its result made. */
static void finish(struct almaapi *a, CURL *e, CURLcode res)
{
	struct req *r, **p;
	char *priv = NULL;
	curl_easy_getinfo(e, CURLINFO_PRIVATE, &priv);
	r = (struct req *)(void *)priv;
	curl_multi_remove_handle(a->multi, e);
	for (p = &a->running; *p; p = &(*p)->next)
		if (*p == r) {
			*p = r->next;
			break;
		}
	a->nrunning--;
	long status = 0;
	curl_off_t after = 0;
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
	if (curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &after) != CURLE_OK || after < 0)
		after = 0;
	char why[200] = "";
	int ok = 0, retry = 0;
	if (res != CURLE_OK) {
		describe(a, r, res, why, sizeof why);
		retry = !r->too_big && !r->oom && (transient(res) || r->stalled);
	} else if (status >= 200 && status < 300) {
		ok = 1;
	} else if (status == 408 || status == 429 || status >= 500) {
		retry = 1;
		snprintf(why, sizeof why, "HTTP %ld", status);
		/* Alma's 429 for the day's quota: waiting minutes will not help */
		if (status == 429 && contains(r->body, r->len, "DAILY_THRESHOLD")) {
			retry = 0;
			snprintf(why, sizeof why, "HTTP 429: the API's daily quota of requests is used up");
		}
	} else {
		snprintf(why, sizeof why, "HTTP %ld", status);
	}
	if (retry && after > ALMAAPI_MAX_WAIT) {
		retry = 0;
		snprintf(why + strlen(why), sizeof why - strlen(why),
			 ", and the API asks to wait %ld s (Retry-After), over %d s", (long)after,
			 ALMAAPI_MAX_WAIT);
	}
	if (retry && r->attempts < a->attempts) {
		double wait = (double)after;
		if (after <= 0) {
			wait = a->backoff;
			for (int i = 1; i < r->attempts && wait < 60; i++)
				wait *= 2;
			if (wait > 60)
				wait = 60;
		}
		r->not_before = now() + wait;
		if (status == 429 && r->not_before > a->hold_until)
			a->hold_until = r->not_before; /* the whole institution waits */
		a->retries++;
		r->next = a->waiting; /* first in line when its wait is over */
		a->waiting = r;
		return;
	}
	struct almaapi_result *out = &r->result;
	out->tag = r->tag;
	out->status = status;
	out->ok = ok;
	out->attempts = r->attempts;
	if (r->body && !r->too_big && !r->oom) {
		out->body = r->body;
		out->len = r->len;
		r->body = NULL;
		r->len = r->cap = 0;
	}
	if (!ok) {
		if (retry)
			snprintf(out->why, sizeof out->why, "%s (after %d tries)", why, r->attempts);
		else
			snprintf(out->why, sizeof out->why, "%s", why);
	}
	curl_easy_cleanup(e);
	r->easy = NULL;
	push_done(a, r);
}

int almaapi_next(struct almaapi *a, struct almaapi_result *out)
{
	for (;;) {
		if (a->done) {
			struct req *r = a->done;
			a->done = r->next;
			if (!a->done)
				a->done_tail = NULL;
			*out = r->result;
			memset(&r->result, 0, sizeof r->result);
			req_free(r);
			return 1;
		}
		if (!a->waiting && !a->running)
			return 0;
		double t = now();
		while (a->nrunning < a->parallel && t >= a->hold_until && t >= a->next_start) {
			struct req **p = &a->waiting;
			while (*p && (*p)->not_before > t)
				p = &(*p)->next;
			if (!*p)
				break;
			struct req *r = *p;
			*p = r->next;
			if (start(a, r) != 0) {
				req_free(r);
				return -1;
			}
			a->next_start = (a->next_start > t ? a->next_start : t) + 1 / a->rate;
		}
		int still;
		if (curl_multi_perform(a->multi, &still) != CURLM_OK) {
			diag_error(NULL, 0, "libcurl failed");
			return -1;
		}
		CURLMsg *m;
		int left;
		while ((m = curl_multi_info_read(a->multi, &left)))
			if (m->msg == CURLMSG_DONE)
				finish(a, m->easy_handle, m->data.result);
		if (a->done)
			continue;
		/* wait for curl, or for the next request that may start; a
		 * quarter of a second at most while requests run, so that a
		 * stall is seen within that of --timeout (on_progress) */
		long ms = a->running ? 250 : 1000, cm = -1;
		curl_multi_timeout(a->multi, &cm);
		if (cm >= 0 && cm < ms)
			ms = cm;
		if (a->waiting && a->nrunning < a->parallel) {
			double next = a->hold_until > a->next_start ? a->hold_until : a->next_start;
			double soonest = -1;
			for (struct req *r = a->waiting; r; r = r->next)
				if (soonest < 0 || r->not_before < soonest)
					soonest = r->not_before;
			if (soonest > next)
				next = soonest;
			double wait = (next - now()) * 1000 + 1;
			if (wait < ms)
				ms = wait > 0 ? (long)wait : 0;
		}
		if (ms > 0 && curl_multi_poll(a->multi, NULL, 0, (int)ms, NULL) != CURLM_OK) {
			diag_error(NULL, 0, "libcurl failed");
			return -1;
		}
	}
}

void almaapi_result_free(struct almaapi_result *r)
{
	free(r->body);
	r->body = NULL;
	r->len = 0;
}

void almaapi_counts(const struct almaapi *a, long *requests, long *retries)
{
	*requests = a->requests;
	*retries = a->retries;
}
