#include "apipage.h"

#include <yajl/yajl_tree.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The nesting of the text, outside strings, is at most APIPAGE_MAX_DEPTH:
 * yajl frees a tree by recursion, so a hostile answer must not nest
 * without end. */
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

/* "\"message\" (code CODE)", cut to size with "..." */
static void quote(char *out, size_t size, const char *message, size_t mlen, const char *code,
		  size_t clen)
{
	size_t at = 0;
	char buf[1024];
	out[0] = '\0';
	if (size < 16)
		return;
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

/* The first error of an errorList (an array of errors, or one). */
static void error_of(yajl_val list, char *msg, size_t size)
{
	static const char *path_error[] = {"error", NULL};
	static const char *path_message[] = {"errorMessage", NULL};
	static const char *path_code[] = {"errorCode", NULL};
	yajl_val e = list ? yajl_tree_get(list, path_error, yajl_t_any) : NULL;
	if (YAJL_IS_ARRAY(e))
		e = e->u.array.len ? e->u.array.values[0] : NULL;
	yajl_val m = e ? yajl_tree_get(e, path_message, yajl_t_string) : NULL;
	yajl_val c = e ? yajl_tree_get(e, path_code, yajl_t_any) : NULL;
	const char *code = YAJL_IS_STRING(c) ? c->u.string : YAJL_IS_NUMBER(c) ? c->u.number.r : "";
	msg[0] = '\0';
	if (m)
		quote(msg, size, m->u.string, strlen(m->u.string), code, strlen(code));
	else if (*code)
		snprintf(msg, size, "(code %.60s)", code);
}

/* The error object of a parsed answer: errorList at the top or under
 * web_service_result, or errorsExist true; NULL when none. *found set. */
static void find_error(yajl_val root, int *found, char *msg, size_t size)
{
	static const char *path_list[] = {"errorList", NULL};
	static const char *path_exist[] = {"errorsExist", NULL};
	static const char *path_wsr[] = {"web_service_result", NULL};
	yajl_val top = root, wsr = yajl_tree_get(root, path_wsr, yajl_t_object);
	if (wsr)
		top = wsr;
	yajl_val list = yajl_tree_get(top, path_list, yajl_t_any);
	yajl_val exist = yajl_tree_get(top, path_exist, yajl_t_any);
	*found = (list && !YAJL_IS_NULL(list)) || YAJL_IS_TRUE(exist) ||
		 (YAJL_IS_STRING(exist) && strcmp(exist->u.string, "true") == 0);
	msg[0] = '\0';
	if (*found)
		error_of(YAJL_IS_OBJECT(list) ? list : NULL, msg, size);
}

/* A count as the API writes it: a number, or its digits as a string. */
static long long count_of(yajl_val v)
{
	if (YAJL_IS_INTEGER(v))
		return v->u.number.i >= 0 ? v->u.number.i : -1;
	if (YAJL_IS_STRING(v) && *v->u.string) {
		char *end;
		long long n = strtoll(v->u.string, &end, 10);
		return *end || n < 0 ? -1 : n;
	}
	return -1;
}

/* The first line of yajl's message (the rest quotes the text). */
static void parse_error(const char *err, char *why, size_t size)
{
	size_t n = strcspn(err, "\r\n");
	while (n > 0 && err[n - 1] == ' ')
		n--;
	snprintf(why, size, "not JSON (%.*s)", (int)(n > 120 ? 120 : n), err);
}

int apipage_read(const char *body, size_t len, const char *items, struct apipage *p,
		 int (*each)(void *arg, const char *id), void *arg, char *why, size_t size)
{
	static const char *path_total[] = {"total_record_count", NULL};
	static const char *path_id[] = {"id", NULL};
	char err[256];
	memset(p, 0, sizeof *p);
	p->total = -1;
	if (!body || len == 0) {
		snprintf(why, size, "an empty answer");
		return -1;
	}
	if (memchr(body, '\0', len)) {
		snprintf(why, size, "a NUL byte in the answer");
		return -1;
	}
	if (!depth_ok(body, len)) {
		snprintf(why, size, "JSON nested over %d deep", APIPAGE_MAX_DEPTH);
		return -1;
	}
	size_t lead = strspn(body, " \t\r\n");
	if (body[lead] == '<') {
		snprintf(why, size, "XML, not JSON (the request asks for JSON)");
		return -1;
	}
	yajl_val root = yajl_tree_parse(body, err, sizeof err);
	if (!root) {
		parse_error(err, why, size);
		return -1;
	}
	int rc = -1;
	if (!YAJL_IS_OBJECT(root)) {
		snprintf(why, size, "JSON, but not an object");
		goto out;
	}
	find_error(root, &p->error, p->message, sizeof p->message);
	if (p->error) {
		rc = 0;
		goto out;
	}
	p->total = count_of(yajl_tree_get(root, path_total, yajl_t_any));
	if (p->total < 0) {
		snprintf(why, size, "no total_record_count");
		goto out;
	}
	const char *path_items[] = {items, NULL};
	yajl_val list = yajl_tree_get(root, path_items, yajl_t_any);
	size_t n = 0;
	yajl_val *values = NULL;
	if (YAJL_IS_ARRAY(list)) {
		n = list->u.array.len;
		values = list->u.array.values;
	} else if (YAJL_IS_OBJECT(list)) { /* one item, as XML turned to JSON gives it */
		n = 1;
		values = &list;
	} else if (list && !YAJL_IS_NULL(list)) {
		snprintf(why, size, "\"%s\" is neither an array nor an object", items);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (!YAJL_IS_OBJECT(values[i])) {
			snprintf(why, size, "item %zu of \"%s\" is not an object", i + 1, items);
			goto out;
		}
		if (!each)
			continue;
		yajl_val id = yajl_tree_get(values[i], path_id, yajl_t_string);
		if (!id || !*id->u.string) {
			snprintf(why, size, "item %zu of \"%s\" has no \"id\"", i + 1, items);
			goto out;
		}
		/* an id goes in a URL path and in messages: printable ASCII */
		size_t k = 0;
		while (id->u.string[k] > 0x20 && id->u.string[k] < 0x7f && k <= APIPAGE_MAX_ID)
			k++;
		if (id->u.string[k] || k > APIPAGE_MAX_ID) {
			snprintf(why, size, "item %zu of \"%s\" has an \"id\" that is none (not "
					    "printable ASCII, or over %d bytes)",
				 i + 1, items, APIPAGE_MAX_ID);
			goto out;
		}
		if (each(arg, id->u.string) != 0) {
			snprintf(why, size, "out of memory");
			goto out;
		}
	}
	p->count = n;
	rc = 0;
out:
	yajl_tree_free(root);
	return rc;
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

int apipage_error(const char *body, size_t len, char *msg, size_t size)
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
		quote(msg, size, m ? m : "", m ? mlen : 0, c ? c : "", c ? clen : 0);
		return 0;
	}
	if (memchr(body, '\0', len) || !depth_ok(body, len))
		return -1;
	yajl_val root = yajl_tree_parse(body, NULL, 0);
	int found = 0;
	if (YAJL_IS_OBJECT(root))
		find_error(root, &found, msg, size);
	yajl_tree_free(root);
	return found && msg[0] ? 0 : -1;
}
