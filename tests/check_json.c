/* Unit tests of analyzer/json.c, the event layer over yajl: the same
 * events whatever the slices the text comes in, lines counted across
 * slices, the limits (depth, token size, NUL, UTF-8, surrogates) said at
 * their line, one document or a sequence, and the empty input. (The
 * baseline reader's tests read whole reports through it.) */
#include "json.h"
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct log {
	struct json *j;
	char text[8192];
	size_t used;
};

/* Logs an event: its tag, text and line. */
static void add(struct log *l, const char *tag, const char *s, size_t n, long line)
{
	l->used += (size_t)snprintf(l->text + l->used, sizeof l->text - l->used, "%s%.*s@%ld ",
				    tag, (int)n, s, line);
}

static int on_scalar(void *ctx, enum json_type t, const char *s, size_t n)
{
	struct log *l = ctx;
	add(l, t == JSON_STRING ? "s:" : "v:", s, n, json_line(l->j));
	return 0;
}

static int on_key(void *ctx, const char *s, size_t n)
{
	struct log *l = ctx;
	add(l, "k:", s, n, json_line(l->j));
	return 0;
}

static int on_open(void *ctx, enum json_type t)
{
	struct log *l = ctx;
	add(l, t == JSON_OBJECT ? "{" : "[", "", 0, json_line(l->j));
	return 0;
}

static int on_close(void *ctx, enum json_type t)
{
	struct log *l = ctx;
	l->used += (size_t)snprintf(l->text + l->used, sizeof l->text - l->used, "%s ",
				    t == JSON_OBJECT ? "}" : "]");
	return 0;
}

static const struct json_handler handler = {on_scalar, on_key, on_open, on_close};

/* The events of doc (n bytes) fed `slice` bytes at a time; the error (and
 * its line) after them, if any. */
static const char *events(const char *doc, size_t n, size_t slice, int sequence)
{
	static struct log l;
	memset(&l, 0, sizeof l);
	l.j = json_new(&handler, &l, sequence);
	ck_assert_ptr_nonnull(l.j);
	int status = 0;
	for (size_t at = 0; at < n && status == 0; at += slice)
		status = json_feed(l.j, (const unsigned char *)doc + at, n - at < slice ? n - at : slice);
	if (status == 0)
		status = json_end(l.j);
	long line;
	const char *e = json_error(l.j, &line);
	if (status)
		l.used += (size_t)snprintf(l.text + l.used, sizeof l.text - l.used, "error@%ld: %s",
					   line, e);
	json_free(l.j);
	return l.text;
}

START_TEST(slices_do_not_matter)
{
	static const char doc[] = "{\"id\": 9563643080000561,\n \"a\\u00e9\": [true, false,\n"
				  "null, -1.5e3, \"x\\ud83d\\ude00\"],\r\n\"b\": {}}\n";
	const char *whole = events(doc, strlen(doc), strlen(doc), 0);
	ck_assert_str_eq(whole, "{@1 k:id@1 v:9563643080000561@1 k:a\xC3\xA9@2 [@2 v:true@2 "
				"v:false@2 v:null@3 v:-1.5e3@3 s:x\xF0\x9F\x98\x80@3 ] k:b@4 {@4 "
				"} } ");
	char copy[4096];
	snprintf(copy, sizeof copy, "%s", whole);
	for (size_t slice = 1; slice < 12; slice++)
		ck_assert_str_eq(events(doc, strlen(doc), slice, 0), copy);
}
END_TEST

START_TEST(one_document_or_a_sequence)
{
	static const char doc[] = "{\"a\":1}\n[2]{}\n\"s\" 3";
	ck_assert_str_eq(events(doc, strlen(doc), 4, 1),
			 "{@1 k:a@1 v:1@1 } [@2 v:2@2 ] {@2 } s:s@3 v:3@3 ");
	ck_assert_str_eq(events(doc, strlen(doc), 4, 0),
			 "{@1 k:a@1 v:1@1 } error@2: invalid JSON: more after the end of the "
			 "document");
	ck_assert_str_eq(events("\xEF\xBB\xBF[1]", 6, 6, 0), "[@1 v:1@1 ] ");
	ck_assert_str_eq(events(" \n ", 3, 3, 1), "error@2: empty: no JSON value");
	/* a byte order mark at the start of each document of a sequence (files
	 * concatenated) is dropped; anywhere else it is an unexpected byte */
	static const char boms[] = "\xEF\xBB\xBF[1]\n\xEF\xBB\xBF[2]\xEF\xBB\xBF{}";
	for (size_t slice = 1; slice <= 19; slice += 6)
		ck_assert_str_eq(events(boms, strlen(boms), slice == 1 ? 19 : slice, 1),
				 "[@1 v:1@1 ] [@2 v:2@2 ] {@2 } ");
	ck_assert_str_eq(events("[1]\n\xEF\xBB", 6, 5, 1), "[@1 v:1@1 ] error@2: invalid JSON: unexpected byte 0xef");
	ck_assert_str_eq(events("[1]\xEF\xBB[2]", 8, 4, 1), "[@1 v:1@1 ] error@1: invalid JSON: unexpected byte 0xef");
	ck_assert_str_eq(events("[1,\n\xEF\xBB\xBF" "2]", 9, 9, 1),
			 "[@1 v:1@1 error@2: invalid JSON: unexpected byte 0xef");
	ck_assert_str_eq(events("[1]\xEF\xBB\xBF[2]", 9, 9, 0),
			 "[@1 v:1@1 ] error@1: invalid JSON: more after the end of the document");
	/* a comment is said at its own line, not the line before */
	for (size_t slice = 1; slice <= 40; slice += 13) {
		ck_assert_str_eq(events("[1,\n2\n// c\n]", 12, slice, 0),
				 "[@1 v:1@1 v:2@2 error@3: invalid JSON: a comment (JSON has none)");
		ck_assert_str_eq(events("{\"a\":1,\n\n  /* c */\n}", 20, slice, 0),
				 "{@1 k:a@1 v:1@1 error@3: invalid JSON: a comment (JSON has none)");
	}
}
END_TEST

START_TEST(limits_said_at_their_line)
{
	/* a string past the limit, across many slices: stopped at the limit */
	size_t n = 100000;
	char *doc = malloc(n + 16);
	memcpy(doc, "[1,\n\"", 5);
	memset(doc + 5, 'x', n);
	memcpy(doc + 5 + n, "\"]", 3);
	ck_assert_str_eq(events(doc, n + 7, 1000, 0),
			 "[@1 v:1@1 error@2: a string longer than the limit (65536 bytes)");
	/* a number (or word) too */
	memcpy(doc, "[1,\n\n", 5);
	memset(doc + 5, '1', n);
	ck_assert_str_eq(events(doc, n + 5, 4096, 0),
			 "[@1 v:1@1 error@3: a number or word longer than the limit (65536 bytes)");
	free(doc);
	char deep[300];
	memset(deep, '[', 100);
	memset(deep + 100, ']', 100);
	ck_assert_ptr_nonnull(strstr(events(deep, 200, 7, 0), "error@1: JSON nested deeper than 64"));
	ck_assert_str_eq(events("[\"a\",\n\"b\0\"]", 11, 3, 0),
			 "[@1 s:a@1 error@2: a NUL byte (binary data, or text that is not UTF-8?)");
	ck_assert_str_eq(events("[\"\\ud800\\u0041\"]", 16, 16, 0),
			 "[@1 error@1: invalid JSON: a lone high surrogate \\uD800");
	ck_assert_str_eq(events("[\"\\udc00\"]", 10, 10, 0),
			 "[@1 error@1: invalid JSON: a lone low surrogate \\uDC00");
	ck_assert_str_eq(events("[\"\xC0\x80\"]", 6, 6, 0),
			 "[@1 error@1: invalid UTF-8 inside a string");
	ck_assert_str_eq(events("[\"\xF4\x90\x80\x80\"]", 8, 8, 0),
			 "[@1 error@1: invalid UTF-8 inside a string");
	ck_assert_str_eq(events("{\"a\xED\xA0\x80\":1}", 10, 10, 0),
			 "{@1 error@1: invalid UTF-8 inside a string");
}
END_TEST

/* The slices the reader glances at (all ASCII, no NUL nor backslash: read
 * at once, strings not checked again) and those it scans byte by byte give
 * the same events and the same errors: a bad byte, a \u0000 or a lone
 * surrogate in a string that began slices before, after long clean text;
 * a word or string past the limit across clean slices. */
START_TEST(clean_slices_read_at_once_as_scanned)
{
	static const struct {
		/* before the string's quote, before its 300 x, after them */
		const char *open, *head, *rest;
		int bad;
	} tails[] = {
		{"", "", "a\xC0\x80" "b\"]", 1},			/* no UTF-8 */
		{"", "", "a\\u0000b\"]", 1},			/* a NUL escaped */
		{"", "", "a\\ud800b\"]", 1},			/* a lone surrogate */
		{"", "", "a\\\"b\xC3\xA9\\u00e9\\\\u\"]", 0},	/* well-formed, escapes */
		{"", "", "\xF0\x9F\x98\x80\"]", 0},		/* well-formed, past ASCII */
		{"{", "", "k\xED\xA0\x80\":1}]", 1},		/* a key with a surrogate */
		{"", "\xC0\x80", "\"]", 1},			/* no UTF-8, then clean text */
		{"", "\\u0000", "\"]", 1},			/* a NUL, then clean text */
		{"{", "\xED\xA0\x80", "\":1}]", 1},		/* a bad key, then clean text */
	};
	char doc[2048], want[8192];
	for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
		/* clean text, then a string of 300 bytes that ends in the tail */
		size_t n = 0;
		n += (size_t)snprintf(doc + n, sizeof doc - n, "[");
		for (int i = 0; i < 40; i++)
			n += (size_t)snprintf(doc + n, sizeof doc - n, "{\"key%d\":\"value %d\"},\n", i, i);
		n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"%s", tails[t].open,
				      tails[t].head);
		memset(doc + n, 'x', 300);
		n += 300;
		n += (size_t)snprintf(doc + n, sizeof doc - n, "%s", tails[t].rest);
		snprintf(want, sizeof want, "%s", events(doc, n, 1, 0));
		ck_assert_ptr_nonnull(strstr(want, tails[t].bad ? "error@41" : "] "));
		for (size_t slice = 2; slice <= n; slice += slice < 80 ? 1 : 37)
			ck_assert_msg(strcmp(events(doc, n, slice, 0), want) == 0,
				      "tail %zu, slices of %zu: %s", t, slice, events(doc, n, slice, 0));
	}
	/* past the limit across clean slices of every size */
	size_t n = 70000;
	char *big = malloc(n + 16);
	memcpy(big, "[1,\n\"", 5);
	memset(big + 5, 'x', n);
	memcpy(big + 5 + n, "\"]", 3);
	for (size_t slice = 4096; slice <= 65536; slice *= 4)
		ck_assert_str_eq(events(big, n + 7, slice, 0),
				 "[@1 v:1@1 error@2: a string longer than the limit (65536 bytes)");
	memcpy(big, "[1,\n ", 5);
	memset(big + 5, '1', n);
	for (size_t slice = 4096; slice <= 65536; slice *= 4)
		ck_assert_str_eq(events(big, n + 5, slice, 0),
				 "[@1 v:1@1 error@2: a number or word longer than the limit (65536 bytes)");
	free(big);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("json");
	tcase_add_test(tc, slices_do_not_matter);
	tcase_add_test(tc, one_document_or_a_sequence);
	tcase_add_test(tc, limits_said_at_their_line);
	tcase_add_test(tc, clean_slices_read_at_once_as_scanned);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
