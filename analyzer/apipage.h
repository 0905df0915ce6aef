/* apipage: what fetch needs to know of one answer of the Alma API (one
 * page, at most ALMAAPI_MAX_BODY bytes), read as json.c's stream of events
 * with its limits: a page's total_record_count, how many items its array
 * holds ("job_instance", "job"), each item's "id", and an API error
 * object's message ({"errorsExist":true,"errorList":{"error":
 * [{"errorCode":...,"errorMessage":...}]}}, or the same as XML). Of a name
 * that an object holds twice, the first is read. The page itself is never
 * changed: fetch writes it as it came. What it quotes of an answer (an
 * error's message and code) has the API key taken out first, before
 * anything is cut (apipage_redact). Nothing here is kept: what a
 * reading holds is freed before a function returns, and what it reports is
 * written into the caller's struct and buffers. */
#ifndef ALMAUDIT_APIPAGE_H
#define ALMAUDIT_APIPAGE_H

#include <stddef.h>

/* The deepest nesting read: a page of job instances is 6 deep. */
#define APIPAGE_MAX_DEPTH 64
/* The longest item id taken (Alma's are under 20 characters). */
#define APIPAGE_MAX_ID 200

struct apipage {
	long long total;   /* total_record_count; -1 when absent */
	size_t count;	   /* the items in the page's array (0 when absent) */
	int error;	   /* an API error object (errorsExist true, or errorList) */
	char message[240]; /* its first errorMessage and code, quoted; "" when none */
};

/* The shortest run that begins the key and is taken out as part of it
 * (what is left of a copy cut short): "l7xx" and on. */
#define APIPAGE_REDACT_MIN 4

/* s[0..n) into out (size bytes, NUL-terminated, cut to fit), with every
 * copy of secret, and then every run of APIPAGE_REDACT_MIN bytes or more
 * that begins it, replaced by "[API key]". Its length. secret NULL or "":
 * s as it is. */
size_t apipage_redact(const char *s, size_t n, const char *secret, char *out, size_t size);

/* Reads body (len bytes, body[len] a NUL) as one page whose items are the
 * array named items, handing each item's "id" (a string of printable ASCII,
 * at most APIPAGE_MAX_ID bytes) to each when it is not NULL (its return -1
 * stops the reading), once the page is known to be one, up to the first
 * item that is none. 0: a page, or an API error object (p->error set); -1:
 * not a page (not JSON, a NUL byte, a byte order mark, nesting deeper than
 * APIPAGE_MAX_DEPTH, no total_record_count or one that is no count,
 * items that are not objects, each's -1), why saying which. An error's
 * message has secret (the API key; NULL: none) taken out. */
int apipage_read(const char *body, size_t len, const char *secret, const char *items,
		 struct apipage *p, int (*each)(void *arg, const char *id), void *arg, char *why,
		 size_t size);

/* 1 when body (len bytes) is an HTML page, not an answer of the API: it
 * begins with '<' (after a byte order mark and white space) and its first
 * 4 KiB hold "<html" or "<!DOCTYPE html" in any case (a proxy's or a
 * single sign-on login page served with HTTP 200, or saved in place of
 * an export); else 0. */
int apipage_html(const char *body, size_t len);

/* The message of the API error in an answer that is no page (a 401's
 * body): its first errorMessage and errorCode, JSON or XML, secret taken
 * out, quoted and cut for a diagnostic ("\"API-key not defined\" (code
 * UNAUTHORIZED)"; "(code UNAUTHORIZED)" without a message). 0 and msg set,
 * or -1 when the body holds none. */
int apipage_error(const char *body, size_t len, const char *secret, char *msg, size_t size);

#endif
