/* Unit tests of the modules under almaudit fetch that need no server (the
 * HTTP ones run against the stand-in, tests/fetch/test_fetch.py):
 * apipage.c (a page's total, items and ids; the API's error objects, JSON
 * and XML; what is no page), gzout.c (a member written reads back, members
 * concatenate), and almaapi.c's checks of a base URL and its redaction of
 * the key; fetch.c's progress line and summary as a person reads them. */
#include "almaapi.h"
#include "apipage.h"
#include "fetch.h"
#include "gzout.h"
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static int read_page(const char *body, const char *items, struct apipage *p, char *why)
{
	return apipage_read(body, strlen(body), NULL, items, p, NULL, NULL, why, 300);
}

START_TEST(page_of_instances)
{
	struct apipage p;
	char why[300];
	const char *page = "{\"job_instance\":[{\"id\":\"1\"},{\"id\":\"2\",\"counter\":[]}],"
			   "\"total_record_count\":250}";
	ck_assert_int_eq(read_page(page, "job_instance", &p, why), 0);
	ck_assert_int_eq(p.total, 250);
	ck_assert_uint_eq(p.count, 2);
	ck_assert_int_eq(p.error, 0);
	/* no runs: the API leaves the array out */
	ck_assert_int_eq(read_page("{\"total_record_count\":0}", "job_instance", &p, why), 0);
	ck_assert_int_eq(p.total, 0);
	ck_assert_uint_eq(p.count, 0);
	/* a count as a string; one item as an object, as XML turned JSON has it */
	ck_assert_int_eq(read_page("{\"total_record_count\":\"1\",\"job_instance\":{\"id\":\"9\"}}",
				   "job_instance", &p, why),
			 0);
	ck_assert_int_eq(p.total, 1);
	ck_assert_uint_eq(p.count, 1);
}
END_TEST

struct ids {
	char text[200];
	int fail_at;
	int n;
};

static int add_id(void *arg, const char *id)
{
	struct ids *ids = arg;
	if (++ids->n == ids->fail_at)
		return -1;
	strcat(ids->text, id);
	strcat(ids->text, " ");
	return 0;
}

START_TEST(listing_ids)
{
	struct apipage p;
	struct ids ids = {"", 0, 0};
	char why[300];
	const char *page = "{\"job\":[{\"id\":\"M26714\",\"name\":\"Change Physical Items\"},"
			   "{\"id\":\"O3750771000003941\"}],\"total_record_count\":2}";
	ck_assert_int_eq(apipage_read(page, strlen(page), NULL, "job", &p, add_id, &ids, why, sizeof why),
			 0);
	ck_assert_str_eq(ids.text, "M26714 O3750771000003941 ");
	ck_assert_uint_eq(p.count, 2);
	/* the callback's -1 stops the reading */
	struct ids stop = {"", 2, 0};
	ck_assert_int_eq(apipage_read(page, strlen(page), NULL, "job", &p, add_id, &stop, why, sizeof why),
			 -1);
	ck_assert_str_eq(why, "out of memory");
	/* an item with no id */
	const char *noid = "{\"job\":[{\"name\":\"x\"}],\"total_record_count\":1}";
	ck_assert_int_eq(apipage_read(noid, strlen(noid), NULL, "job", &p, add_id, &ids, why, sizeof why),
			 -1);
	ck_assert_str_eq(why, "item 1 of \"job\" has no \"id\"");
	/* an id that would not be one in a URL or a message */
	const char *ctl = "{\"job\":[{\"id\":\"M1\\u001b[2J\"}],\"total_record_count\":1}";
	ck_assert_int_eq(apipage_read(ctl, strlen(ctl), NULL, "job", &p, add_id, &ids, why, sizeof why),
			 -1);
	ck_assert_msg(strstr(why, "has an \"id\" that is none") != NULL, "%s", why);
	const char *space = "{\"job\":[{\"id\":\"M 1\"}],\"total_record_count\":1}";
	ck_assert_int_eq(apipage_read(space, strlen(space), NULL, "job", &p, add_id, &ids, why,
				      sizeof why),
			 -1);
}
END_TEST

START_TEST(error_objects)
{
	struct apipage p;
	char why[300], msg[240];
	const char *json = "{\"errorsExist\":true,\"errorList\":{\"error\":[{\"errorCode\":\"402880\","
			   "\"errorMessage\":\"Failed to retrieve\\njob instances.\",\"trackingId\":"
			   "\"E01\"}]},\"result\":null}";
	ck_assert_int_eq(read_page(json, "job_instance", &p, why), 0);
	ck_assert_int_eq(p.error, 1);
	/* the line break made a space: one line of diagnostic */
	ck_assert_str_eq(p.message, "\"Failed to retrieve job instances.\" (code 402880)");
	ck_assert_int_eq(apipage_error(json, strlen(json), NULL, msg, sizeof msg), 0);
	ck_assert_str_eq(msg, p.message);
	/* wrapped in web_service_result, one error as an object */
	const char *wsr = "{\"web_service_result\":{\"errorsExist\":true,\"errorList\":{\"error\":"
			  "{\"errorCode\":\"NOT_FOUND\",\"errorMessage\":\"No such job\"}}}}";
	ck_assert_int_eq(apipage_error(wsr, strlen(wsr), NULL, msg, sizeof msg), 0);
	ck_assert_str_eq(msg, "\"No such job\" (code NOT_FOUND)");
	/* XML, as the gateway may answer whatever was asked */
	const char *xml = "<?xml version=\"1.0\"?><web_service_result><errorsExist>true</errorsExist>"
			  "<errorList><error><errorCode>UNAUTHORIZED</errorCode><errorMessage>API-key "
			  "not defined or not configured to allow this API.</errorMessage></error>"
			  "</errorList></web_service_result>";
	ck_assert_int_eq(apipage_error(xml, strlen(xml), NULL, msg, sizeof msg), 0);
	ck_assert_str_eq(msg, "\"API-key not defined or not configured to allow this API.\" "
			      "(code UNAUTHORIZED)");
	ck_assert_int_eq(read_page(xml, "job_instance", &p, why), -1);
	ck_assert_str_eq(why, "XML, not JSON (the request asks for JSON)");
	/* no error in it: an HTML page, a page of instances */
	ck_assert_int_eq(apipage_error("<html>busy</html>", 17, NULL, msg, sizeof msg), -1);
	/* an HTML page (a login page) is named as one, not as XML; an Alma XML
	 * answer or a JSON page is no HTML page, nor is an element <htmlx> */
	ck_assert_int_eq(read_page(" <!doctype HTML><title>Sign in</title>", "job_instance", &p, why),
			 -1);
	ck_assert_str_eq(why, "an HTML page, not JSON (a proxy's or a login page: check the base "
			      "URL and the key)");
	static const char *const html[] = {"<?xml version=\"1.0\"?>\n<!-- x --><HTML>", "<html>",
					   "\xEF\xBB\xBF\r\n<!DOCTYPE html>"};
	static const char *const not_html[] = {"<htmlx>", "{\"a\":\"<html>\"}", "x <html>"};
	for (size_t i = 0; i < 3; i++) {
		ck_assert_int_eq(apipage_html(html[i], strlen(html[i])), 1);
		ck_assert_int_eq(apipage_html(not_html[i], strlen(not_html[i])), 0);
	}
	ck_assert_int_eq(apipage_html(xml, strlen(xml)), 0);
	ck_assert_int_eq(apipage_error("{\"total_record_count\":0}", 24, NULL, msg, sizeof msg), -1);
	/* a long message is cut, and still a quoted one */
	char big[2000] = "{\"errorList\":{\"error\":[{\"errorMessage\":\"";
	memset(big + strlen(big), 'x', 900);
	strcat(big, "\"}]}}");
	ck_assert_int_eq(apipage_error(big, strlen(big), NULL, msg, 60), 0);
	ck_assert_uint_eq(strlen(msg), 59);
	ck_assert_str_eq(msg + 55, "...\"");
}
END_TEST

START_TEST(not_pages)
{
	struct apipage p;
	char why[300];
	ck_assert_int_eq(read_page("", "job_instance", &p, why), -1);
	ck_assert_str_eq(why, "an empty answer");
	ck_assert_int_eq(read_page("{\"job_instance\":[{\"id\":\"1\"}", "job_instance", &p, why), -1);
	ck_assert_msg(strncmp(why, "not JSON (", 10) == 0, "%s", why);
	ck_assert_ptr_null(strchr(why, '\n'));
	ck_assert_int_eq(read_page("[1,2]", "job_instance", &p, why), -1);
	ck_assert_str_eq(why, "JSON, but not an object");
	ck_assert_int_eq(read_page("{\"job_instance\":[]}", "job_instance", &p, why), -1);
	ck_assert_str_eq(why, "no total_record_count");
	ck_assert_int_eq(read_page("{\"total_record_count\":-1}", "job_instance", &p, why), -1);
	ck_assert_str_eq(why, "total_record_count is not a count of records (a whole number, 0 or "
			      "more)");
	/* a count with a fraction of zeros is the count; another is none */
	ck_assert_int_eq(read_page("{\"total_record_count\":250.0}", "job_instance", &p, why), 0);
	ck_assert_int_eq(p.total, 250);
	ck_assert_int_eq(read_page("{\"total_record_count\":250.5}", "job_instance", &p, why), -1);
	ck_assert_str_eq(why, "total_record_count is not a count of records (a whole number, 0 or "
			      "more)");
	ck_assert_int_eq(read_page("{\"total_record_count\":2.5e2}", "job_instance", &p, why), -1);
	ck_assert_int_eq(read_page("{\"total_record_count\":2,\"job_instance\":[1,2]}",
				   "job_instance", &p, why),
			 -1);
	ck_assert_str_eq(why, "item 1 of \"job_instance\" is not an object");
	ck_assert_int_eq(read_page("{\"total_record_count\":1,\"job_instance\":\"x\"}",
				   "job_instance", &p, why),
			 -1);
	/* trailing garbage after the page */
	ck_assert_int_eq(read_page("{\"total_record_count\":0} x", "job_instance", &p, why), -1);
	/* a NUL inside: what follows it would be written unread */
	const char nul[] = "{\"total_record_count\":0}\0garbage";
	ck_assert_int_eq(apipage_read(nul, sizeof nul - 1, NULL, "job_instance", &p, NULL, NULL, why,
				      sizeof why),
			 -1);
	ck_assert_str_eq(why, "a NUL byte in the answer");
	/* nesting without end is refused before the answer is read */
	char deep[400] = "{\"total_record_count\":0,\"x\":";
	for (int i = 0; i < APIPAGE_MAX_DEPTH; i++)
		strcat(deep, "[");
	ck_assert_int_eq(read_page(deep, "job_instance", &p, why), -1);
	ck_assert_str_eq(why, "JSON nested over 64 deep");
	/* brackets inside strings do not count */
	char flat[400] = "{\"total_record_count\":0,\"x\":\"";
	for (int i = 0; i < 100; i++)
		strcat(flat, "[");
	strcat(flat, "\\\"\"}");
	ck_assert_int_eq(read_page(flat, "job_instance", &p, why), 0);
	/* invalid UTF-8 */
	ck_assert_int_eq(read_page("{\"total_record_count\":0,\"x\":\"\xff\"}", "job_instance", &p,
				   why),
			 -1);
}
END_TEST

/* What the reading takes of a page's names, as a tree would: the first of
 * a name an object holds twice, whatever its value; a count as an integer
 * or its digits in a string; the ids handed on only once the page is known
 * to be one. */
START_TEST(page_names)
{
	struct apipage p;
	struct ids ids = {"", 0, 0};
	char why[300];
	ck_assert_int_eq(read_page("{\"total_record_count\":3,\"total_record_count\":\"x\"}",
				   "job", &p, why),
			 0);
	ck_assert_int_eq(p.total, 3);
	ck_assert_int_eq(read_page("{\"total_record_count\":null,\"total_record_count\":3}", "job",
				   &p, why),
			 -1);
	ck_assert_str_eq(why, "total_record_count is not a count of records (a whole number, 0 or "
			      "more)");
	ck_assert_int_eq(read_page("{\"total_record_count\":\" +7\"}", "job", &p, why), 0);
	ck_assert_int_eq(p.total, 7);
	ck_assert_int_eq(read_page("{\"total_record_count\":\"-0\"}", "job", &p, why), 0);
	ck_assert_int_eq(p.total, 0);
	const char *not_counts[] = {"1.5", "1e2", "-2", "\"7 \"", "\"\"", "\"-3\"", "true",
				    "99999999999999999999", "[1]"};
	for (size_t i = 0; i < sizeof not_counts / sizeof *not_counts; i++) {
		char page[80];
		snprintf(page, sizeof page, "{\"total_record_count\":%s}", not_counts[i]);
		ck_assert_int_eq(read_page(page, "job", &p, why), -1);
		ck_assert_str_eq(why, "total_record_count is not a count of records (a whole "
				      "number, 0 or more)");
	}
	/* the items' array: the first of the name; an id, the first "id" */
	const char *twice = "{\"job\":[{\"id\":\"A\",\"id\":7}],\"job\":5,\"total_record_count\":1}";
	ck_assert_int_eq(apipage_read(twice, strlen(twice), NULL, "job", &p, add_id, &ids, why,
				      sizeof why),
			 0);
	ck_assert_str_eq(ids.text, "A ");
	ck_assert_uint_eq(p.count, 1);
	const char *first = "{\"job\":[{\"id\":7,\"id\":\"A\"}],\"total_record_count\":1}";
	ck_assert_int_eq(apipage_read(first, strlen(first), NULL, "job", &p, add_id, &ids, why,
				      sizeof why),
			 -1);
	ck_assert_str_eq(why, "item 1 of \"job\" has no \"id\"");
	/* ids before a bad item are handed on; none of an error page */
	struct ids some = {"", 0, 0};
	const char *third = "{\"total_record_count\":3,\"job\":[{\"id\":\"A\"},{\"id\":\"B\"},"
			    "{\"id\":\"\"}]}";
	ck_assert_int_eq(apipage_read(third, strlen(third), NULL, "job", &p, add_id, &some, why,
				      sizeof why),
			 -1);
	ck_assert_str_eq(why, "item 3 of \"job\" has no \"id\"");
	ck_assert_str_eq(some.text, "A B ");
	struct ids none = {"", 0, 0};
	const char *err = "{\"job\":[{\"id\":\"A\"}],\"total_record_count\":1,\"errorsExist\":\"true\"}";
	ck_assert_int_eq(apipage_read(err, strlen(err), NULL, "job", &p, add_id, &none, why, sizeof why),
			 0);
	ck_assert_int_eq(p.error, 1);
	ck_assert_str_eq(p.message, "");
	ck_assert_int_eq(none.n, 0);
	/* web_service_result, an object, is where the error is looked for */
	char msg[240];
	const char *wsr = "{\"errorList\":{\"error\":{\"errorMessage\":\"top\"}},"
			  "\"web_service_result\":{\"errorList\":{\"error\":[{\"errorMessage\":\"in\","
			  "\"errorCode\":12.5},{\"errorMessage\":\"second\"}]}}}";
	ck_assert_int_eq(apipage_error(wsr, strlen(wsr), NULL, msg, sizeof msg), 0);
	ck_assert_str_eq(msg, "\"in\" (code 12.5)");
	const char *wsr_text = "{\"errorList\":{\"error\":{\"errorMessage\":\"top\"}},"
			       "\"web_service_result\":\"none\"}";
	ck_assert_int_eq(apipage_error(wsr_text, strlen(wsr_text), NULL, msg, sizeof msg), 0);
	ck_assert_str_eq(msg, "\"top\"");
	const char *code_only = "{\"errorList\":{\"error\":[{\"errorCode\":\"LIMIT\"}]}}";
	ck_assert_int_eq(apipage_error(code_only, strlen(code_only), NULL, msg, sizeof msg), 0);
	ck_assert_str_eq(msg, "(code LIMIT)");
	/* what the audit's JSON reader refuses, fetch refuses too: a NUL or a
	 * lone surrogate escaped in a string, a byte order mark */
	ck_assert_int_eq(read_page("{\"total_record_count\":0,\"x\":\"a\\u0000\"}", "job", &p, why),
			 -1);
	ck_assert_msg(strncmp(why, "not JSON (", 10) == 0, "%s", why);
	ck_assert_int_eq(read_page("{\"total_record_count\":0,\"x\":\"\\udc00\"}", "job", &p, why),
			 -1);
	ck_assert_msg(strncmp(why, "not JSON (", 10) == 0, "%s", why);
	ck_assert_int_eq(read_page("\xEF\xBB\xBF{\"total_record_count\":0}", "job", &p, why), -1);
	ck_assert_str_eq(why, "not JSON (a byte order mark before the page)");
}
END_TEST

/* The decompressed content of a gzip file (every member), NUL-terminated. */
static char *gunzip(const char *path, size_t *n)
{
	gzFile g = gzopen(path, "rb");
	ck_assert_ptr_nonnull(g);
	size_t cap = 1 << 20;
	char *buf = malloc(cap);
	int k;
	*n = 0;
	while ((k = gzread(g, buf + *n, (unsigned)(cap - *n - 1))) > 0)
		*n += (size_t)k;
	ck_assert_int_eq(k, 0);
	gzclose(g);
	buf[*n] = '\0';
	return buf;
}

START_TEST(gzip_members)
{
	const char *path = testutil_path(".json.gz");
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	struct gzout *g = gzout_new(f, path);
	ck_assert_ptr_nonnull(g);
	/* more than the writer's buffer, in pieces */
	char *big = malloc(300001);
	for (size_t i = 0; i < 300000; i++)
		big[i] = (char)('a' + (i * 7919) % 26);
	big[300000] = '\0';
	ck_assert_int_eq(gzout_write(g, "{\"total_record_count\":0}\n", 25), 0);
	ck_assert_int_eq(gzout_write(g, big, 300000), 0);
	ck_assert_int_eq(gzout_bytes(g), 300025);
	ck_assert_int_eq(gzout_finish(g), 0);
	/* a second member after it: concatenated, read as one text */
	g = gzout_new(f, path);
	ck_assert_int_eq(gzout_write(g, "\nsecond\n", 8), 0);
	ck_assert_int_eq(gzout_finish(g), 0);
	ck_assert_int_eq(fclose(f), 0);
	size_t n;
	char *text = gunzip(path, &n);
	ck_assert_uint_eq(n, 300033);
	ck_assert_int_eq(memcmp(text, "{\"total_record_count\":0}\n", 25), 0);
	ck_assert_int_eq(memcmp(text + 25, big, 300000), 0);
	ck_assert_str_eq(text + 300025, "\nsecond\n");
	free(text);
	free(big);
}
END_TEST

START_TEST(gzip_write_error)
{
	FILE *f = fopen("/dev/full", "wb");
	if (!f)
		return; /* no /dev/full here */
	setvbuf(f, NULL, _IONBF, 0);
	struct gzout *g = gzout_new(f, "/dev/full");
	testutil_stderr_begin();
	int rc = gzout_write(g, "x", 1);
	if (rc == 0)
		rc = gzout_finish(g);
	else
		gzout_free(g);
	const char *err = testutil_stderr_end();
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(strstr(err, "almaudit: /dev/full: write error: ") != NULL, "%s", err);
	fclose(f);
}
END_TEST

static const char *base_why(const char *url)
{
	static char why[300];
	if (almaapi_check_base(url, why, sizeof why) == 0)
		return "ok";
	return why;
}

START_TEST(base_urls)
{
	ck_assert_str_eq(base_why("https://api-eu.hosted.exlibrisgroup.com"), "ok");
	ck_assert_str_eq(base_why("https://api-eu.hosted.exlibrisgroup.com/"), "ok");
	ck_assert_str_eq(base_why("HTTPS://proxy.example.edu:8443/alma"), "ok");
	/* plain http to this machine only */
	ck_assert_str_eq(base_why("http://127.0.0.1:8080"), "ok");
	ck_assert_str_eq(base_why("http://127.9.8.7"), "ok");
	ck_assert_str_eq(base_why("http://localhost:1234"), "ok");
	ck_assert_str_eq(base_why("http://[::1]:1234"), "ok");
	const char *plain = "plain http:// is taken only for this machine";
	ck_assert_ptr_nonnull(strstr(base_why("http://api-eu.hosted.exlibrisgroup.com"), plain));
	ck_assert_ptr_nonnull(strstr(base_why("http://127.0.0.1.example.com"), plain));
	ck_assert_ptr_nonnull(strstr(base_why("http://128.0.0.1"), plain));
	ck_assert_ptr_nonnull(strstr(base_why("http://[::2]"), plain));
	ck_assert_ptr_nonnull(strstr(base_why("http://10.0.0.1"), plain));
	/* no key, user or query in the URL; and the URL never quoted */
	const char *q = base_why("https://h.example.org/?apikey=l7xxSECRET");
	ck_assert_ptr_nonnull(strstr(q, "has a query"));
	ck_assert_ptr_null(strstr(q, "SECRET"));
	q = base_why("https://me:l7xxSECRET@h.example.org");
	ck_assert_ptr_nonnull(strstr(q, "user name or password"));
	ck_assert_ptr_null(strstr(q, "SECRET"));
	ck_assert_ptr_nonnull(strstr(base_why("https://h.example.org/#x"), "fragment"));
	ck_assert_str_eq(base_why("ftp://h.example.org"), "the base URL is ftp://, not https://");
	ck_assert_ptr_nonnull(strstr(base_why("api-eu.hosted.exlibrisgroup.com"), "not a URL"));
	ck_assert_ptr_nonnull(strstr(base_why(""), "not a URL"));
}
END_TEST

START_TEST(redaction)
{
	const char *key = "l7xxKEY0123";
	char out[64];
	const char *s = "Invalid API key: apikey l7xxKEY0123, l7xxKEY0123";
	apipage_redact(s, strlen(s), key, out, sizeof out);
	ck_assert_str_eq(out, "Invalid API key: apikey [API key], [API key]");
	/* a copy cut short (by the server, or at the end of what is taken):
	 * the part of 4 bytes or more that begins it goes too */
	s = "key l7xxKEY0... and l7x";
	apipage_redact(s, strlen(s), key, out, sizeof out);
	ck_assert_str_eq(out, "key [API key]... and l7x");
	apipage_redact(s, 11, key, out, sizeof out);
	ck_assert_str_eq(out, "key [API key]");
	/* a copy after a prefix of itself: both go, no rest left */
	const char *twice = "l7xxl7xxABC";
	s = "l7xxl7xxl7xxABC!";
	apipage_redact(s, strlen(s), twice, out, sizeof out);
	ck_assert_str_eq(out, "[API key][API key]!");
	/* cut to the room there is, still without the key */
	s = "l7xxKEY0123 l7xxKEY0123 l7xxKEY0123 l7xxKEY0123";
	ck_assert_uint_eq(apipage_redact(s, strlen(s), key, out, 30), 29);
	ck_assert_ptr_null(strstr(out, "l7xx"));
	/* no key: the text as it is */
	ck_assert_uint_eq(apipage_redact("abc", 3, NULL, out, sizeof out), 3);
	ck_assert_str_eq(out, "abc");
}
END_TEST

/* 1 when s holds any APIPAGE_REDACT_MIN bytes of key in a row. */
static int holds_part(const char *s, const char *key)
{
	char part[APIPAGE_REDACT_MIN + 1];
	for (size_t k = 0; k + APIPAGE_REDACT_MIN <= strlen(key); k++) {
		memcpy(part, key + k, APIPAGE_REDACT_MIN);
		part[APIPAGE_REDACT_MIN] = '\0';
		if (strstr(s, part))
			return 1;
	}
	return 0;
}

/* The API's error, quoted and cut: the key is out of it before the cut,
 * wherever it sits (the cut at 240 bytes, a code at 60), in JSON and XML. */
START_TEST(redaction_at_the_cut)
{
	const char *key = "l7xx0123456789abcdef0123456789abcdef";
	char body[2048], msg[240], pad[400], why[300];
	struct apipage p;
	for (int where = 0; where < 4; where++)
		for (size_t n = 0; n < 300; n++) {
			memset(pad, 'x', n);
			pad[n] = '\0';
			static const char *const pre[] = {
				"{\"errorList\":{\"error\":{\"errorMessage\":\"",
				"{\"errorList\":{\"error\":{\"errorCode\":\"",
				"<web_service_result><errorList><error><errorMessage>",
				"<web_service_result><errorList><error><errorCode>"};
			static const char *const post[] = {
				" is invalid\",\"errorCode\":\"UNAUTHORIZED\"}}}", "\"}}}",
				"</errorMessage></error></errorList></web_service_result>",
				"</errorCode></error></errorList></web_service_result>"};
			snprintf(body, sizeof body, "%s%s%s%s", pre[where], pad, key, post[where]);
			ck_assert_int_eq(apipage_error(body, strlen(body), key, msg, sizeof msg), 0);
			ck_assert_msg(!holds_part(msg, key), "%d %zu: %s", where, n, msg);
			if (where < 2) { /* and in a page's error object (a 200) */
				ck_assert_int_eq(apipage_read(body, strlen(body), key, "job", &p, NULL,
							      NULL, why, sizeof why),
						 0);
				ck_assert_int_eq(p.error, 1);
				ck_assert_msg(!holds_part(p.message, key), "%d %zu: %s", where, n,
					      p.message);
			}
		}
}
END_TEST

/* The progress line and the summary: thousands separators in every count
 * (requests and retries too), and one of a thing singular. */
START_TEST(counts_read)
{
	char buf[300];
	struct fetch_stats s = {.jobs = 1400, .jobs_done = 1203, .instances = 431000,
				.requests = 12345, .retries = 1234};
	ck_assert_str_eq(fetch_progress_text(&s, buf, sizeof buf),
			 "jobs 1,203 of 1,400, 431,000 instances, 12,345 requests, 1,234 retries");
	ck_assert_str_eq(fetch_summary_text(&s, 8.44, buf, sizeof buf),
			 "1,400 jobs, 431,000 instances, 12,345 requests, 1,234 retries, 8.4 s");
	s = (struct fetch_stats){.jobs = 1, .jobs_done = 1, .instances = 1, .requests = 1,
				 .retries = 1, .listing = 0};
	ck_assert_str_eq(fetch_summary_text(&s, 0.5, buf, sizeof buf),
			 "1 job, 1 instance, 1 request, 1 retry, 0.5 s");
	ck_assert_str_eq(fetch_progress_text(&s, buf, sizeof buf),
			 "jobs 1 of 1, 1 instance, 1 request, 1 retry");
	s = (struct fetch_stats){.jobs = 2500, .requests = 1001, .listing = 1};
	ck_assert_str_eq(fetch_progress_text(&s, buf, sizeof buf),
			 "listing jobs: 2,500 so far, 1,001 requests, 0 retries");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("fetch");
	TCase *tc = tcase_create("fetch");
	tcase_add_test(tc, page_of_instances);
	tcase_add_test(tc, listing_ids);
	tcase_add_test(tc, error_objects);
	tcase_add_test(tc, not_pages);
	tcase_add_test(tc, page_names);
	tcase_add_test(tc, gzip_members);
	tcase_add_test(tc, gzip_write_error);
	tcase_add_test(tc, base_urls);
	tcase_add_test(tc, redaction);
	tcase_add_test(tc, redaction_at_the_cut);
	tcase_add_test(tc, counts_read);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
