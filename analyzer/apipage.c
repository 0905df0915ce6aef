#include "apipage.h"

#include "json.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The nesting of the text, outside strings, is at most APIPAGE_MAX_DEPTH:
 * an answer nested deeper is refused as such, before it is read at all. */
static int depth_ok(const char *s, size_t n)
{
	int depth = 0, in_string = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = 0;
		} else if (c == '"') {
			in_string = 1;
		} else if (c == '{' || c == '[') {
			if (++depth > APIPAGE_MAX_DEPTH)
				return 0;
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	return 1;
}

/* Appends text to out (at *at, of size), as a diagnostic may show it:
 * control characters as spaces, runs of space as one. */
static void put_clean(char *out, size_t size, size_t *at, const char *text, size_t n)
{
	for (size_t i = 0; i < n && *at + 1 < size; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c < 0x20 || c == 0x7f)
			c = ' ';
		if (c == ' ' && (*at == 0 || out[*at - 1] == ' '))
			continue;
		out[(*at)++] = (char)c;
	}
	out[*at] = '\0';
}

/* The longest run of s[0..n) that begins secret (klen bytes). */
static size_t common(const char *s, size_t n, const char *secret, size_t klen)
{
	size_t m = 0;
	while (m < n && m < klen && s[m] == secret[m])
		m++;
	return m;
}

/* s[0..n) into out (size), each run of at least min bytes that begins
 * secret replaced by the mark; 0 when out is full. */
static size_t replace(const char *s, size_t n, const char *secret, size_t klen, size_t min,
		      char *out, size_t size)
{
	static const char mark[] = "[API key]";
	size_t at = 0;
	for (size_t i = 0; i < n && at + 1 < size;) {
		size_t m = common(s + i, n - i, secret, klen);
		if (m >= min) {
			size_t k = sizeof mark - 1 < size - 1 - at ? sizeof mark - 1 : size - 1 - at;
			memcpy(out + at, mark, k);
			at += k;
			i += m;
		} else {
			out[at++] = s[i++];
		}
	}
	out[at] = '\0';
	return at;
}

size_t apipage_redact(const char *s, size_t n, const char *secret, char *out, size_t size)
{
	size_t klen = secret ? strlen(secret) : 0;
	if (size == 0)
		return 0;
	if (!s || n == 0) {
		out[0] = '\0';
		return 0;
	}
	if (klen == 0) {
		size_t k = n < size - 1 ? n : size - 1;
		memcpy(out, s, k);
		out[k] = '\0';
		return k;
	}
	/* every whole copy first (so that no copy is read as a prefix and a
	 * rest), then every run of APIPAGE_REDACT_MIN bytes or more that
	 * begins the key: a copy cut short, by the server or by a cut here */
	char *tmp = malloc(size);
	if (!tmp) {
		out[0] = '\0';
		return 0;
	}
	size_t len = replace(s, n, secret, klen, klen, tmp, size);
	size_t min = klen < APIPAGE_REDACT_MIN ? klen : APIPAGE_REDACT_MIN;
	len = replace(tmp, len, secret, klen, min, out, size);
	free(tmp);
	return len;
}

/* What quote takes of a message or code: more than a diagnostic shows. */
#define QUOTE_TAKE 2048

/* "\"message\" (code CODE)", the key taken out, cut to size with "..." */
static void quote(char *out, size_t size, const char *message, size_t mlen, const char *code,
		  size_t clen, const char *secret)
{
	size_t at = 0;
	char buf[1024];
	/* the key out of both, before anything is cut: enough of each is
	 * taken that what is shown is whole (a copy across the end of what is
	 * taken is a prefix, gone too) */
	char m[QUOTE_TAKE], c[QUOTE_TAKE];
	out[0] = '\0';
	if (size < 16)
		return;
	mlen = apipage_redact(message, mlen < QUOTE_TAKE ? mlen : QUOTE_TAKE, secret, m, sizeof m);
	clen = apipage_redact(code, clen < QUOTE_TAKE ? clen : QUOTE_TAKE, secret, c, sizeof c);
	if (!message) { /* the code alone: "(code CODE)", the code cut to 60 bytes */
		put_clean(buf, sizeof buf, &at, "(code ", 6);
		put_clean(buf, at + 61 < sizeof buf ? at + 61 : sizeof buf, &at, c, clen);
		put_clean(buf, sizeof buf, &at, ")", 1);
		snprintf(out, size, "%s", buf);
		return;
	}
	message = m;
	code = c;
	buf[0] = '"';
	at = 1;
	put_clean(buf, sizeof buf - 2, &at, message, mlen);
	while (at > 1 && buf[at - 1] == ' ')
		at--;
	buf[at++] = '"';
	buf[at] = '\0';
	if (clen) {
		put_clean(buf, sizeof buf, &at, " (code ", 7);
		put_clean(buf, sizeof buf, &at, code, clen);
		put_clean(buf, sizeof buf, &at, ")", 1);
	}
	if (at < size) {
		memcpy(out, buf, at + 1);
	} else {
		size_t cut = size - 5;
		while (cut > 1 && ((unsigned char)buf[cut] & 0xC0) == 0x80)
			cut--; /* not inside a UTF-8 character */
		memcpy(out, buf, cut);
		memcpy(out + cut, "...\"", 5);
	}
}

/* ---- an answer read as a stream of events (json.h) ----
 *
 * Of each name below, the first in its object is the one read (a later one
 * of the same name is passed over), whatever its value: an answer's
 * errorList and errorsExist, at the top or in web_service_result (an
 * object: then only there); of the list, its "error" (an object, or an
 * array whose first element is one); of that, errorMessage (a string) and
 * errorCode (a string or a number); the page's total_record_count and its
 * array of items; and each item's "id". */

/* What the node being read is to the page. */
enum role { R_SKIP, R_ROOT, R_WSR, R_LIST, R_ERRORS, R_ERROR, R_ITEMS, R_ITEM };

/* What the value after a key, or an array's element, is. */
enum slot { S_NONE, S_ROOT, S_TOTAL, S_WSR, S_LIST, S_EXIST, S_ERROR, S_MESSAGE, S_CODE,
	    S_ITEMS, S_ITEM, S_ID };

/* An item as read: its "id" not seen yet, one fit for a URL and a message,
 * none (no "id", not a string, empty), one not printable ASCII or too
 * long; or no object at all. */
enum item_state { ITEM_OPEN, ITEM_OK, ITEM_NO_ID, ITEM_BAD_ID, ITEM_NOT_OBJECT };

/* An error object's parts, at the top (0) or in web_service_result (1). */
struct fault {
	int has_list, list_set;	   /* an errorList; not null */
	int has_exist, exist_true; /* an errorsExist; true, or "true" */
	int has_error, has_message, has_code;
	char *message, *code; /* copies; NULL when none */
};

struct frame {
	unsigned char role, side;
	size_t n; /* an array's elements so far */
};

struct reading {
	struct json *j;
	const char *items; /* the name of the page's array (NULL: none read) */
	/* handed each item's id when the item comes before item upto */
	int (*each)(void *arg, const char *id);
	void *arg;
	size_t upto;
	int stopped, oom;

	struct frame stack[JSON_DEPTH];
	int top; /* stack[top - 1] is the node being read; 0 at the top level */
	enum slot slot;
	int side;

	int not_object; /* the answer is no object */
	int has_total, has_wsr, has_items;
	int wsr; /* web_service_result is an object */
	struct fault fault[2];
	long long total;
	int items_other;  /* the array named items is neither array nor object */
	size_t count;	  /* its items */
	enum item_state item; /* the item being read */
	/* the first item that is not an object, and the first whose id is
	 * none (id_bad says how); 0 when none */
	size_t not_object_at, bad_id_at;
	enum item_state id_bad;
};

/* A count as the API writes it: a number that is an integer (within a
 * long long; no exponent, a fraction only of zeros: 250.0), or its digits
 * as a string (as strtoll reads them: space and a sign before, a large one
 * at LLONG_MAX); -1 for anything else, or below zero. */
static long long count_of(enum json_type type, const char *s, size_t n)
{
	size_t i = 0;
	long long v = 0;
	if (type == JSON_NUMBER) {
		for (i = s[0] == '-'; i < n && s[i] != '.'; i++) {
			if (s[i] < '0' || s[i] > '9' || v > (LLONG_MAX - (s[i] - '0')) / 10)
				return -1;
			v = v * 10 + (s[i] - '0');
		}
		if (i < n) /* the fraction: zeros only */
			for (i++; i < n; i++)
				if (s[i] != '0')
					return -1;
		return s[0] == '-' && v ? -1 : v;
	}
	if (type != JSON_STRING)
		return -1;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	int minus = i < n && s[i] == '-';
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	size_t digits = i;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		v = v > (LLONG_MAX - (s[i] - '0')) / 10 ? LLONG_MAX : v * 10 + (s[i] - '0');
	if (i == digits || i < n)
		return -1;
	return minus && v ? -1 : v;
}

/* The item being read is no item (st says why): kept when it is the first. */
static void item_bad(struct reading *c, enum item_state st)
{
	c->item = st;
	if (st == ITEM_NOT_OBJECT) {
		if (!c->not_object_at)
			c->not_object_at = c->count;
	} else if (!c->bad_id_at) {
		c->bad_id_at = c->count;
		c->id_bad = st;
	}
}

/* What the value beginning now is: the key's slot in an object, an
 * element's in an array. */
static enum slot slot_of(struct reading *c)
{
	if (!c->top)
		return S_ROOT;
	struct frame *f = &c->stack[c->top - 1];
	enum slot s = c->slot;
	c->slot = S_NONE;
	if (f->role == R_ERRORS) {
		c->side = f->side;
		return f->n++ ? S_NONE : S_ERROR;
	}
	if (f->role == R_ITEMS) {
		c->count = ++f->n;
		c->item = ITEM_OPEN;
		return S_ITEM;
	}
	return s;
}

/* An error's message or code kept (a string of json.c holds no NUL). */
static int keep(struct reading *c, char **to, const char *s, size_t n)
{
	if ((*to = strndup(s, n)))
		return 0;
	c->oom = 1;
	return json_fail(c->j, "out of memory");
}

/* An item's "id": checked, and handed on when the item's turn is. */
static int item_id(struct reading *c, const char *s, size_t n)
{
	/* an id goes in a URL path and in messages: printable ASCII */
	size_t k = 0;
	while (k < n && s[k] > 0x20 && s[k] < 0x7f)
		k++;
	if (n == 0 || k < n || n > APIPAGE_MAX_ID) {
		item_bad(c, n == 0 ? ITEM_NO_ID : ITEM_BAD_ID);
		return 0;
	}
	c->item = ITEM_OK;
	if (c->each && c->count < c->upto) {
		char id[APIPAGE_MAX_ID + 1];
		memcpy(id, s, n);
		id[n] = '\0';
		if (c->each(c->arg, id) != 0) {
			c->stopped = 1;
			return json_fail(c->j, "stopped");
		}
	}
	return 0;
}

static int on_scalar(void *ctx, enum json_type type, const char *text, size_t n)
{
	struct reading *c = ctx;
	enum slot s = slot_of(c);
	struct fault *f = &c->fault[c->side];
	switch (s) {
	case S_ROOT:
		c->not_object = 1;
		break;
	case S_TOTAL:
		c->total = count_of(type, text, n);
		break;
	case S_LIST:
		f->list_set = type != JSON_NULL;
		break;
	case S_EXIST:
		f->exist_true = type == JSON_TRUE || (type == JSON_STRING && n == 4 &&
						      memcmp(text, "true", 4) == 0);
		break;
	case S_MESSAGE: /* a string */
	case S_CODE:	/* a string or a number */
		if (type == JSON_STRING || (s == S_CODE && type == JSON_NUMBER))
			return keep(c, s == S_MESSAGE ? &f->message : &f->code, text, n);
		break;
	case S_ITEMS:
		c->items_other = type != JSON_NULL;
		break;
	case S_ITEM:
		item_bad(c, ITEM_NOT_OBJECT);
		break;
	case S_ID:
		if (type == JSON_STRING)
			return item_id(c, text, n);
		item_bad(c, ITEM_NO_ID);
		break;
	default:
		break;
	}
	return 0;
}

static int on_open(void *ctx, enum json_type type)
{
	struct reading *c = ctx;
	enum slot s = slot_of(c);
	int object = type == JSON_OBJECT;
	enum role role = R_SKIP;
	switch (s) {
	case S_ROOT:
		role = object ? R_ROOT : R_SKIP;
		c->not_object = !object;
		break;
	case S_WSR:
		c->wsr = object;
		role = object ? R_WSR : R_SKIP;
		break;
	case S_LIST:
		c->fault[c->side].list_set = 1;
		role = object ? R_LIST : R_SKIP;
		break;
	case S_ERROR:
		role = object ? R_ERROR : R_ERRORS;
		break;
	case S_ITEMS:
		if (!object) {
			role = R_ITEMS;
			break;
		}
		c->count = 1; /* one item, as XML turned to JSON gives it */
		c->item = ITEM_OPEN;
		role = R_ITEM;
		break;
	case S_ITEM:
		if (object)
			role = R_ITEM;
		else
			item_bad(c, ITEM_NOT_OBJECT);
		break;
	case S_ID:
		item_bad(c, ITEM_NO_ID);
		break;
	default:
		break;
	}
	if (c->top == JSON_DEPTH) /* json.c stops the reading before */
		return json_fail(c->j, "JSON nested deeper than %d", JSON_DEPTH);
	c->stack[c->top++] = (struct frame){(unsigned char)role, (unsigned char)c->side, 0};
	return 0;
}

static int on_close(void *ctx, enum json_type type)
{
	struct reading *c = ctx;
	(void)type;
	if (c->stack[--c->top].role == R_ITEM && c->item == ITEM_OPEN)
		item_bad(c, ITEM_NO_ID);
	return 0;
}

/* Which of the names read matters here, for the next value. */
static int on_key(void *ctx, const char *s, size_t n)
{
	struct reading *c = ctx;
	const struct frame *f = &c->stack[c->top - 1];
	struct fault *e = &c->fault[f->side];
#define IS(name) (n == sizeof name - 1 && memcmp(s, name, n) == 0)
#define FIRST(flag, name) (!(flag) && IS(name) && ((flag) = 1))
	c->slot = S_NONE;
	c->side = f->side;
	switch (f->role) {
	case R_ROOT:
	case R_WSR: /* the page's names at the top; an error object's at both */
		if (f->role == R_ROOT && FIRST(c->has_total, "total_record_count"))
			c->slot = S_TOTAL;
		else if (f->role == R_ROOT && FIRST(c->has_wsr, "web_service_result"))
			c->slot = S_WSR, c->side = 1;
		else if (f->role == R_ROOT && c->items && !c->has_items &&
			 n == strlen(c->items) && memcmp(s, c->items, n) == 0)
			c->slot = S_ITEMS, c->has_items = 1;
		else if (FIRST(e->has_list, "errorList"))
			c->slot = S_LIST;
		else if (FIRST(e->has_exist, "errorsExist"))
			c->slot = S_EXIST;
		break;
	case R_LIST:
		if (FIRST(e->has_error, "error"))
			c->slot = S_ERROR;
		break;
	case R_ERROR:
		if (FIRST(e->has_message, "errorMessage"))
			c->slot = S_MESSAGE;
		else if (FIRST(e->has_code, "errorCode"))
			c->slot = S_CODE;
		break;
	case R_ITEM:
		if (c->item == ITEM_OPEN && IS("id"))
			c->slot = S_ID;
		break;
	default:
		break;
	}
#undef FIRST
#undef IS
	return 0;
}

static const struct json_handler page_events = {on_scalar, on_key, on_open, on_close};

/* Reads body into c (set up by the caller): 0, or -1 with why set (the
 * reader's error, said as "not JSON (...)", or out of memory). */
static int read_body(struct reading *c, const char *body, size_t len, char *why, size_t size)
{
	long line;
	c->total = -1;
	if (!(c->j = json_new(&page_events, c, 0))) {
		snprintf(why, size, "out of memory");
		return -1;
	}
	int rc = json_feed(c->j, (const unsigned char *)body, len) == 0 && json_end(c->j) == 0;
	const char *err = json_error(c->j, &line);
	if (c->oom)
		snprintf(why, size, "out of memory");
	else if (!rc && !c->stopped)
		snprintf(why, size, "not JSON (%.120s)",
			 strncmp(err, "invalid JSON: ", 14) == 0 ? err + 14 : err);
	json_free(c->j);
	c->j = NULL;
	return rc && !c->oom ? 0 : -1;
}

static void reading_free(struct reading *c)
{
	for (int i = 0; i < 2; i++) {
		free(c->fault[i].message);
		free(c->fault[i].code);
	}
}

/* The answer's error object, its message in msg ("" when it has none);
 * 0 when it has none. */
static int fault_of(const struct reading *c, const char *secret, char *msg, size_t size)
{
	const struct fault *f = &c->fault[c->wsr];
	msg[0] = '\0';
	if (!f->list_set && !f->exist_true)
		return 0;
	if (f->message || f->code)
		quote(msg, size, f->message, f->message ? strlen(f->message) : 0, f->code,
		      f->code ? strlen(f->code) : 0, secret);
	return 1;
}

/* What makes a body unreadable before it is read, in why: a NUL byte,
 * nesting past APIPAGE_MAX_DEPTH, a byte order mark (a page is written as
 * it came, a line of a file: one there would be no JSON). 0 when none. */
static int unreadable(const char *body, size_t len, char *why, size_t size)
{
	if (memchr(body, '\0', len))
		snprintf(why, size, "a NUL byte in the answer");
	else if (!depth_ok(body, len))
		snprintf(why, size, "JSON nested over %d deep", APIPAGE_MAX_DEPTH);
	else if (len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0)
		snprintf(why, size, "not JSON (a byte order mark before the page)");
	else
		return 0;
	return -1;
}

int apipage_html(const char *body, size_t len)
{
	size_t i = len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (i < len && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n'))
		i++;
	if (i >= len || body[i] != '<')
		return 0;
	size_t end = len < 4096 ? len : 4096;
	for (; i < end; i++) {
		if (body[i] != '<')
			continue;
		if (end - i > 5 && strncasecmp(body + i, "<html", 5) == 0 &&
		    !isalnum((unsigned char)body[i + 5]))
			return 1;
		if (end - i >= 14 && strncasecmp(body + i, "<!doctype html", 14) == 0)
			return 1;
	}
	return 0;
}

int apipage_read(const char *body, size_t len, const char *secret, const char *items,
		 struct apipage *p, int (*each)(void *arg, const char *id), void *arg, char *why,
		 size_t size)
{
	memset(p, 0, sizeof *p);
	p->total = -1;
	if (!body || len == 0) {
		snprintf(why, size, "an empty answer");
		return -1;
	}
	if (unreadable(body, len, why, size) != 0)
		return -1;
	size_t lead = strspn(body, " \t\r\n");
	if (apipage_html(body, len)) {
		snprintf(why, size, "an HTML page, not JSON (a proxy's or a login page: check the "
				    "base URL and the key)");
		return -1;
	}
	if (body[lead] == '<') {
		snprintf(why, size, "XML, not JSON (the request asks for JSON)");
		return -1;
	}
	struct reading c = {0};
	c.items = items;
	int rc = read_body(&c, body, len, why, size);
	if (rc == 0 && c.not_object) {
		snprintf(why, size, "JSON, but not an object");
		rc = -1;
	}
	if (rc == 0 && (p->error = fault_of(&c, secret, p->message, sizeof p->message))) {
		reading_free(&c);
		return 0;
	}
	reading_free(&c);
	if (rc != 0)
		return -1;
	p->total = c.total;
	if (p->total < 0) {
		snprintf(why, size, c.has_total ? "total_record_count is not a count of records (a "
						  "whole number, 0 or more)"
						: "no total_record_count");
		return -1;
	}
	if (c.items_other) {
		snprintf(why, size, "\"%s\" is neither an array nor an object", items);
		return -1;
	}
	/* the first item that is no item: not an object, or (when the ids are
	 * asked for) with an id that is none */
	size_t at = c.not_object_at;
	enum item_state st = ITEM_NOT_OBJECT;
	if (each && c.bad_id_at && (!at || c.bad_id_at < at))
		at = c.bad_id_at, st = c.id_bad;
	if (each) {
		/* read again, the ids of the items before it handed on */
		struct reading again = {0};
		again.items = items;
		again.each = each;
		again.arg = arg;
		again.upto = at ? at : SIZE_MAX;
		rc = read_body(&again, body, len, why, size);
		if (again.stopped)
			snprintf(why, size, "out of memory");
		reading_free(&again);
		if (rc != 0)
			return -1;
	}
	if (at) {
		if (st == ITEM_NOT_OBJECT)
			snprintf(why, size, "item %zu of \"%s\" is not an object", at, items);
		else if (st == ITEM_NO_ID)
			snprintf(why, size, "item %zu of \"%s\" has no \"id\"", at, items);
		else
			snprintf(why, size, "item %zu of \"%s\" has an \"id\" that is none (not "
					    "printable ASCII, or over %d bytes)",
				 at, items, APIPAGE_MAX_ID);
		return -1;
	}
	p->count = c.count;
	return 0;
}

/* The text of the first <name>...</name> in an XML body; NULL when none. */
static const char *xml_text(const char *body, size_t len, const char *name, size_t *n)
{
	char open[48], close[48];
	snprintf(open, sizeof open, "<%s>", name);
	snprintf(close, sizeof close, "</%s>", name);
	size_t ko = strlen(open), kc = strlen(close);
	for (size_t i = 0; i + ko <= len; i++) {
		if (memcmp(body + i, open, ko) != 0)
			continue;
		for (size_t j = i + ko; j + kc <= len; j++)
			if (memcmp(body + j, close, kc) == 0) {
				*n = j - i - ko;
				return body + i + ko;
			}
		return NULL;
	}
	return NULL;
}

int apipage_error(const char *body, size_t len, const char *secret, char *msg, size_t size)
{
	if (!body || !len || size == 0)
		return -1;
	msg[0] = '\0';
	size_t lead = strspn(body, " \t\r\n");
	if (lead < len && body[lead] == '<') {
		size_t mlen = 0, clen = 0;
		const char *m = xml_text(body, len, "errorMessage", &mlen);
		const char *c = xml_text(body, len, "errorCode", &clen);
		if (!m && !c)
			return -1;
		quote(msg, size, m, m ? mlen : 0, c, c ? clen : 0, secret);
		return 0;
	}
	char why[160];
	if (unreadable(body, len, why, sizeof why) != 0)
		return -1;
	struct reading c = {0};
	int found = read_body(&c, body, len, why, sizeof why) == 0 && !c.not_object &&
		    fault_of(&c, secret, msg, size);
	reading_free(&c);
	return found && msg[0] ? 0 : -1;
}
