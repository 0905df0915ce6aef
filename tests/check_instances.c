/* Unit tests of analyzer/instances.c through analyzer/ingest.c: the Alma
 * API's job instances (JSON) as input. Every shape read (a page, an
 * instance, arrays and sequences of them, plain and gzip, a byte order
 * mark), the mapping to the canonical columns, counters and inferred set
 * names, and each kind of damage: an error at FILE:LINE, the instances
 * before it still read, the file marked incomplete. */
#include "instances.h"
#include "pagecount.h"
#include "setname.h"
#include "ingest.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One instance as the API gives it, with its id and job. */
#define INSTANCE(id, name, job, user, desc, counters)                                           \
	"{\"id\": \"" id "\", \"external_id\": \"1\", \"name\": \"" name "\","                   \
	" \"submitted_by\": {\"value\": \"" user "\", \"desc\": \"" desc "\"},"                  \
	" \"submit_time\": \"2026-10-05T09:11:32.592Z\", \"start_time\": "                       \
	"\"2026-10-05T09:11:32.658Z\", \"end_time\": \"2026-10-05T09:11:36.463Z\","             \
	" \"progress\": 100, \"status\": {\"value\": \"COMPLETED_SUCCESS\", \"desc\": "         \
	"\"Completed Successfully\"}, \"status_date\": \"2026-10-05Z\", \"alert\": [{\"value\": " \
	"\"alert_general_success\", \"desc\": \"The job completed successfully.\"}],"           \
	" \"counter\": [" counters "], \"action\": [], \"job_info\": {\"id\": \"M26720\","      \
	" \"name\": \"" job "\", \"description\": \"...\", \"type\": {\"value\": \"MANUAL\","    \
	" \"desc\": \"Manual\"}, \"category\": {\"value\": \"PHYSICAL_ITEMS\", \"desc\": "       \
	"\"Physical Items\"}}, \"link\": \"https://x/almaws/v1/conf/jobs/M26720/instances/" id  \
	"\"}"

#define COUNTER(type, desc, value)                                                              \
	"{\"type\": {\"value\": \"" type "\", \"desc\": \"" desc "\"}, \"value\": \"" value "\"}"

#define A INSTANCE("9563643080000561", "Withdraw items - weeding Widener - 10/07/2026 15:01:54", \
		   "Withdraw items", "80120018", "Parker, Joshua",                            \
		   COUNTER("withdraw.total", "Total records processed", "1234") ","          \
		   COUNTER("withdraw.failed", "Records failed", "2"))
/* A's next run (another id) */
#define A2 INSTANCE("9563643080000563", "Withdraw items - weeding Widener - 10/07/2026 15:01:54", \
		    "Withdraw items", "80120018", "Parker, Joshua", "")
#define B INSTANCE("9563643080000562", "Change Physical Items - 10/07/2026 16:00:00",         \
		   "Change Physical Items", "exl_api", "Ex Libris, API", "")

struct fixture {
	struct tally tally;
	struct ingest *in;
	char err[4096];
};

static struct fixture fx;

static void setup(void)
{
	times_set_zone("UTC");
	tally_init(&fx.tally);
	fx.in = ingest_new(NULL, &fx.tally, NULL);
	ck_assert_ptr_nonnull(fx.in);
}

static void teardown(void)
{
	ingest_free(fx.in);
	tally_free(&fx.tally);
}

/* Reads path: each run as a line (line|id|name|job_id|type|category|user|
 * user_name|status|progress|set|inferred|counters), and the status of the
 * reading (0 whole, -1 stopped) in *status; fx.err gets stderr. */
static const char *dump(const char *path, int *status)
{
	static char text[1 << 20];
	size_t used = 0;
	struct run r;
	text[0] = '\0';
	testutil_stderr_begin();
	*status = ingest_open(fx.in, path, RUN_PRODUCTION);
	int got = 0;
	while (*status == 0 && (got = ingest_next(fx.in, &r)) > 0) {
		used += (size_t)snprintf(text + used, sizeof text - used,
					 "%ld|%" PRIu64 "|%s|%s|%s|%s|%s|%s|%s|%d|%s|%d|", r.line, r.id,
					 r.name, r.job_id, run_type_name(r.type), r.category, r.user,
					 r.user_name, r.status, r.progress, r.set_name, r.set_inferred);
		for (size_t i = 0; i < r.ncounters; i++)
			used += (size_t)snprintf(text + used, sizeof text - used, "%s%s=%s(%s)",
						 i ? "," : "", r.counters[i].type,
						 r.counters[i].value, r.counters[i].desc);
		ck_assert_int_eq(r.api, 1);
		ck_assert_int_eq(r.records, -1); /* the count comes from records.c */
		used += (size_t)snprintf(text + used, sizeof text - used, "\n");
		ck_assert_uint_lt(used, sizeof text - 512);
	}
	if (got < 0)
		*status = -1;
	ingest_close(fx.in);
	snprintf(fx.err, sizeof fx.err, "%s", testutil_stderr_end());
	return text;
}

static const char a_line[] =
	"9563643080000561|Withdraw items - weeding Widener - 10/07/2026 15:01:54|M26720|MANUAL|"
	"PHYSICAL_ITEMS|80120018|Parker, Joshua|COMPLETED_SUCCESS|100|weeding Widener|1|"
	"withdraw.total=1234(Total records processed),withdraw.failed=2(Records failed)\n";
static const char b_line[] =
	"9563643080000562|Change Physical Items - 10/07/2026 16:00:00|M26720|MANUAL|"
	"PHYSICAL_ITEMS|exl_api|Ex Libris, API|COMPLETED_SUCCESS|100||0|\n";

/* The text after the line number of each run. */
static const char *lines_of(const char *dump_text)
{
	static char text[1 << 20];
	size_t used = 0;
	for (const char *p = dump_text; *p;) {
		const char *bar = strchr(p, '|'), *nl = strchr(p, '\n');
		used += (size_t)snprintf(text + used, sizeof text - used, "%.*s", (int)(nl - bar),
					 bar + 1);
		p = nl + 1;
	}
	text[used] = '\0';
	return text;
}

static char expected[4096];

static const char *both(void)
{
	snprintf(expected, sizeof expected, "%s%s", a_line, b_line);
	return expected;
}

START_TEST(a_page_mapped)
{
	int status;
	const char *text = dump(testutil_plain("{\"total_record_count\": 2, \"job_instance\": [\n" A
					       ",\n" B "\n]}\n"),
				&status);
	ck_assert_int_eq(status, 0);
	ck_assert_str_eq(fx.err, "");
	ck_assert_str_eq(lines_of(text), both());
	ck_assert_int_eq(atoi(text), 2); /* each instance at the line of its '{' */
	ck_assert_int_eq(atoi(strchr(text, '\n') + 1), 3);
	ck_assert_uint_eq(fx.tally.read, 2);
	ck_assert_int_eq(fx.tally.files[0].json, 1);
	ck_assert_int_eq(fx.tally.files[0].no_records, 0);
	/* sets inferred are counted by the audit, a run once (e2e json_sets_counts) */
	ck_assert_uint_eq(fx.tally.sets_inferred, 0);
	char fmt[64];
	ck_assert_str_eq(tally_file_format(&fx.tally.files[0], fmt, sizeof fmt),
			 "JSON (Alma API job instances), plain");
}
END_TEST

/* B as a run of another job. */
static const char *other_job(void)
{
	static char doc[4096];
	snprintf(doc, sizeof doc, "%s", B);
	char *at;
	while ((at = strstr(doc, "M26720")))
		memcpy(at, "M99999", 6);
	return doc;
}

/* Pages that do not give the runs their total_record_count says: the
 * input's damage at the first such page, after every instance (spec 1.1). */
START_TEST(pages_give_their_total)
{
	int status;
	char doc[16384];
	/* one page of a longer history, as one curl with Alma's limit gives */
	const char *text = dump(
		testutil_plain("\n{\"total_record_count\":248,\"job_instance\":[" A "]}\n"), &status);
	ck_assert_int_eq(status, -1);
	ck_assert_str_eq(lines_of(text), a_line);
	ck_assert_ptr_nonnull(strstr(fx.err, ".csv:2: the page of M26720 says 248 runs; this file "
					     "gives 1 of them: the rest of the job's history is "
					     "missing; page through with offset, or use almaudit fetch\n"));
	ck_assert_int_eq(fx.tally.files[0].incomplete, 1);
	ck_assert_int_eq(fx.tally.files[0].resumed, 1); /* read whole: said "damaged" */
	ck_assert_int_eq(fx.tally.files[0].error_line, 2);
	/* the pages of one query, then another job's: whole; an empty page
	 * past the end adds nothing */
	snprintf(doc, sizeof doc,
		 "{\"total_record_count\":2,\"job_instance\":[" A "]}\n"
		 "{\"total_record_count\":2,\"job_instance\":[" A2 "]}\n"
		 "{\"total_record_count\":2}\n{\"total_record_count\":0}\n"
		 "{\"total_record_count\":\"1\",\"job_instance\":[%s]}\n",
		 other_job());
	dump(testutil_plain(doc), &status);
	ck_assert_msg(status == 0, "%s", fx.err);
	/* a short query ended by another job's page: said at its first page */
	snprintf(doc, sizeof doc,
		 "{\"total_record_count\":3,\"job_instance\":[" A "]}\n"
		 "{\"total_record_count\":3,\"job_instance\":[" A2 "]}\n"
		 "{\"total_record_count\":1,\"job_instance\":[%s]}\n"
		 "{\"total_record_count\":5,\"job_instance\":[" A "]}\n",
		 other_job());
	text = dump(testutil_plain(doc), &status);
	ck_assert_int_eq(status, -1);
	ck_assert_int_eq(fx.tally.files[2].resumed, 1);
	ck_assert_ptr_nonnull(strstr(fx.err, ":1: the page of M26720 says 3 runs; this file gives 2 "
					     "of them"));
	ck_assert_ptr_nonnull(strstr(fx.err, "(and 1 more queries' pages below)"));
	/* more than the total: the history moved */
	dump(testutil_plain("{\"total_record_count\":1,\"job_instance\":[" A "," B "]}"), &status);
	ck_assert_int_eq(status, -1);
	ck_assert_ptr_nonnull(strstr(fx.err, ":1: the page of M26720 says 1 runs; this file gives 2: "
					     "the job's history moved while it was paged"));
	/* two whole queries of one job, one after the other: each whole */
	dump(testutil_plain("{\"total_record_count\":1,\"job_instance\":[" A "]}"
			    "{\"total_record_count\":1,\"job_instance\":[" B "]}"),
	     &status);
	ck_assert_msg(status == 0, "%s", fx.err);
}
END_TEST

/* Every shape: an instance, arrays of instances and of pages, sequences
 * concatenated and one per line, gzip (in several members), a byte order
 * mark, an empty page: the same two runs. */
START_TEST(every_shape)
{
	static const char *const shapes[] = {
		A B,
		"[" A "," B "]",
		"[{\"job_instance\":[" A "]},{\"total_record_count\":1,\"job_instance\":[" B "]}]",
		"{\"job_instance\":[" A "],\"total_record_count\":1}{\"job_instance\":[" B "]}",
		"{\"total_record_count\":1,\"job_instance\":[" A "]}\n{\"total_record_count\":1,"
		"\"job_instance\":[" B "]}\n{\"total_record_count\":0}\n",
		"\xEF\xBB\xBF \n" A "\n" B,
		"{\"job_instance\":" A "}\n[" B "]\n{\"total_record_count\":0,\"job_instance\":null}",
	};
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
		for (int gz = 0; gz < 3; gz++) {
			int status;
			const char *path = gz ? testutil_gzip(shapes[i], gz) : testutil_plain(shapes[i]);
			const char *text = dump(path, &status);
			ck_assert_msg(status == 0, "shape %zu gzip %d: %s", i, gz, fx.err);
			ck_assert_msg(strcmp(lines_of(text), both()) == 0, "shape %zu: %s", i, text);
		}
	}
	ck_assert_int_eq(fx.tally.files[1].gzip, 1);
}
END_TEST

/* A sequence of pages larger than a slice and a chunk: every instance,
 * each at its line. */
START_TEST(many_pages_one_per_line)
{
	size_t cap = 4 << 20, used = 0;
	char *doc = malloc(cap);
	for (int page = 0; page < 60; page++) {
		used += (size_t)snprintf(doc + used, cap - used,
					 "{\"total_record_count\":6000,\"job_instance\":[");
		for (int k = 0; k < 100; k++)
			used += (size_t)snprintf(doc + used, cap - used,
						 "%s{\"id\":\"%d\",\"name\":\"Job %d - set %d\","
						 "\"submit_time\":\"2026-10-05T09:11:32Z\","
						 "\"submitted_by\":{\"value\":\"u\",\"desc\":\"U\"},"
						 "\"job_info\":{\"name\":\"Job %d\"},\"progress\":%d.5}",
						 k ? "," : "", page * 100 + k + 1, k, page, k, k % 100);
		used += (size_t)snprintf(doc + used, cap - used, "]}\n");
	}
	int status;
	const char *text = dump(testutil_gzip(doc, 1), &status);
	ck_assert_int_eq(status, 0);
	ck_assert_uint_eq(fx.tally.read, 6000);
	/* the last run: page 60, its line; the progress a whole percent */
	const char *last = text;
	for (const char *p = text; (p = strchr(p, '\n')) && p[1]; p++)
		last = p + 1;
	ck_assert_int_eq(strncmp(last, "60|6000|Job 99 - set 59||||u|U||99|set 59|1|\n", 44), 0);
	free(doc);
}
END_TEST

/* Numbers as the API may write them, nulls, unknown keys, fractions. */
START_TEST(values_as_given)
{
	int status;
	const char *text = dump(
		testutil_plain("{\"id\": 9563643080000561, \"name\": \"Export Bibliographic Records\",\n"
			       "\"future\": {\"a\": [1, {\"b\": null}], \"id\": \"no\"},\n"
			       "\"submitted_by\": {\"value\": \"System\", \"desc\": null, \"x\": 1},\n"
			       "\"submit_time\": \"2026-10-05T09:11:32Z\", \"end_time\": null,\n"
			       "\"progress\": 37.5, \"status\": {\"value\": \"FINALIZING\"},\n"
			       "\"counter\": [{\"type\": {\"value\": \"a\"}, \"value\": 17}, {}],\n"
			       "\"job_info\": {\"id\": \"S1\", \"type\": {\"value\": \"SCHEDULED\"}}}"),
		&status);
	ck_assert_int_eq(status, 0);
	ck_assert_str_eq(text, "1|9563643080000561|Export Bibliographic Records|S1|SCHEDULED||"
			       "System||FINALIZING|37||0|a=17()\n");
}
END_TEST

/* Every counter of an instance is kept (the count may be in the 65th),
 * each charged to INSTANCE_TEXT_MAX: an instance of too many is rejected as
 * too large, never cut short in silence. */
START_TEST(counters_all_kept)
{
	size_t cap = 1 << 20;
	char *doc = malloc(cap);
	size_t used = (size_t)snprintf(doc, cap,
				       "{\"id\":\"1\",\"name\":\"n\",\"submit_time\":"
				       "\"2026-10-05T09:11:32Z\",\"counter\":[");
	for (int i = 0; i < 100; i++)
		used += (size_t)snprintf(doc + used, cap - used,
					 "%s{\"type\":{\"value\":\"c%d\",\"desc\":\"C\"},\"value\":\"%d\"}",
					 i ? "," : "", i, i);
	snprintf(doc + used, cap - used, "]}");
	int status;
	const char *text = dump(testutil_plain(doc), &status);
	ck_assert_int_eq(status, 0);
	ck_assert_ptr_nonnull(strstr(text, ",c64=64(C),"));
	ck_assert_ptr_nonnull(strstr(text, ",c99=99(C)\n"));
	/* 50,000 counters: more than the budget holds */
	used = (size_t)snprintf(doc, cap, "[{\"id\":\"1\",\"submit_time\":\"2026-10-05T09:11:32Z\","
					  "\"counter\":[");
	for (int i = 0; i < 50000; i++)
		used += (size_t)snprintf(doc + used, cap - used, "%s{\"value\":\"\"}", i ? "," : "");
	snprintf(doc + used, cap - used, "]},\n" B "]");
	text = dump(testutil_plain(doc), &status);
	ck_assert_int_eq(status, 0);
	ck_assert_str_eq(lines_of(text), b_line);
	ck_assert_uint_eq(fx.tally.rejected[REJ_FIELD_TOO_LARGE], 1);
	free(doc);
}
END_TEST

/* More white space before the JSON than a chunk holds: still JSON, its
 * lines counted (a CSV after as many blank lines keeps its lines too). */
START_TEST(json_after_many_blank_lines)
{
	size_t blank = 300000;
	char *doc = malloc(blank + 4096);
	memset(doc, '\n', blank);
	snprintf(doc + blank, 4096, "[" A ",\n" B "]\n");
	int status;
	const char *text = dump(testutil_plain(doc), &status);
	ck_assert_msg(status == 0, "%s", fx.err);
	ck_assert_str_eq(lines_of(text), both());
	ck_assert_int_eq(atoi(text), 300001);
	snprintf(doc + blank, 4096,
		 "id,name,submitted_by,submitted_by_desc,start_time,status,total_records,type\n"
		 "1001,Withdraw items,801,\"Moody, Honor\",2026-10-05T14:00:00Z,COMPLETED_SUCCESS,3,"
		 "MANUAL\n");
	struct run r;
	testutil_stderr_begin();
	ck_assert_int_eq(ingest_open(fx.in, testutil_plain(doc), RUN_PRODUCTION), 0);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.line, 300002);
	ck_assert_int_eq(r.api, 0);
	ingest_close(fx.in);
	testutil_stderr_end();
	free(doc);
}
END_TEST

/* UTF-16 with a byte order mark (PowerShell 5.1's `>`), either order: read
 * as the same JSON, transcoded. */
START_TEST(utf16_read)
{
	static const char doc[] = "\r\n[" A ",\n" B "]\r\n";
	size_t n = strlen(doc);
	unsigned char *le = malloc(2 * n + 2), *be = malloc(2 * n + 2);
	le[0] = 0xFF, le[1] = 0xFE, be[0] = 0xFE, be[1] = 0xFF;
	for (size_t i = 0; i < n; i++) {
		le[2 + 2 * i] = be[3 + 2 * i] = (unsigned char)doc[i];
		le[3 + 2 * i] = be[2 + 2 * i] = 0;
	}
	const char *dir = testutil_dir();
	testutil_write_bytes(dir, "le.json", le, 2 * n + 2);
	testutil_write_bytes(dir, "be.json", be, 2 * n + 2);
	char path[4096];
	for (int k = 0; k < 2; k++) {
		snprintf(path, sizeof path, "%s/%s", dir, k ? "be.json" : "le.json");
		int status;
		const char *text = dump(path, &status);
		ck_assert_msg(status == 0, "%s", fx.err);
		ck_assert_str_eq(fx.err, "");
		ck_assert_str_eq(lines_of(text), both());
		ck_assert_int_eq(atoi(text), 2);
	}
	free(le);
	free(be);
}
END_TEST

/* Text past INSTANCE_TEXT_MAX: that instance is rejected, the next read. */
START_TEST(instance_too_large_rejected)
{
	size_t cap = 3 << 20, used = 0;
	char *doc = malloc(cap);
	used += (size_t)snprintf(doc, cap, "[{\"id\":\"1\",\"submit_time\":\"2026-10-05T09:11:32Z\","
					   "\"counter\":[");
	for (int i = 0; i < 40; i++) {
		used += (size_t)snprintf(doc + used, cap - used, "%s{\"value\":\"", i ? "," : "");
		memset(doc + used, 'x', 40000);
		used += 40000;
		used += (size_t)snprintf(doc + used, cap - used, "\"}");
	}
	snprintf(doc + used, cap - used, "]},\n" B "]");
	int status;
	const char *text = dump(testutil_plain(doc), &status);
	ck_assert_int_eq(status, 0);
	ck_assert_str_eq(lines_of(text), b_line);
	ck_assert_uint_eq(fx.tally.read, 2);
	ck_assert_uint_eq(fx.tally.rejected[REJ_FIELD_TOO_LARGE], 1);
	free(doc);
}
END_TEST

/* Damage: an error at FILE:LINE, the runs before it read, the file
 * incomplete. */
START_TEST(damage_said_where_it_is)
{
	static const struct {
		const char *doc;
		int runs; /* read before the damage */
		const char *err;
	} cases[] = {
		/* cut short */
		{"[" A ",\n" B, 2, "in.json:2: invalid JSON: the file ends inside the document"},
		{"[" A ",\n{\"id\": \"95636", 1, "in.json:2: invalid JSON: the file ends inside a string"},
		/* malformed */
		{"[" A ",\n\n{\"id\" \"1\"}]", 1, "in.json:3: invalid JSON: '\"' where ':' was expected"},
		{A "\n]", 1, "in.json:2: invalid JSON: ']' where a value was expected"},
		/* a NUL, raw or escaped */
		{A "\n\n{\"id\": \"1\0\"}", 1, "in.json:3: a NUL byte"},
		{A "\n{\"name\": \"a\\u0000\"}", 1, "in.json:2: a NUL character (\\u0000) in a string"},
		/* a number where a string belongs, a string where an object does */
		{A "\n{\"id\": \"1\",\n\"name\": 42}", 1,
		 "in.json:3: not Alma API job instances: \"name\" is a number, not a string"},
		{A "\n{\"id\": \"1\", \"submitted_by\": \"80120018\"}", 1,
		 "in.json:2: not Alma API job instances: \"submitted_by\" is a string, not an object"},
		{A "\n{\"id\": \"1\", \"counter\": [{\"type\": {\"desc\": 5}}]}", 1,
		 "\"counter.type.desc\" is a number, not a string"},
		{A "\n{\"id\": \"1\", \"submitted_by\": {\"value\": 80120018}}", 1,
		 "in.json:2: not Alma API job instances: \"submitted_by.value\" is a number, not a "
		 "string"},
		/* an API error object, its message quoted */
		{A "\n{\"errorsExist\":true,\"errorList\":{\"error\":[{\"errorCode\":\"UNAUTHORIZED\","
		   "\"errorMessage\":\"API-key not defined or not configured to allow this API.\","
		   "\"trackingId\":\"E01-2810062521-DKKWB-AWAE1843421389\"}]},\"result\":null}",
		 1,
		 "in.json:2: the Alma API answered with an error, not job instances: 'API-key not "
		 "defined or not configured to allow this API.' (error code UNAUTHORIZED)"},
		{"{\"web_service_result\": {\"errorsExist\": true, \"errorList\": {\"error\": "
		 "{\"errorCode\": 402216, \"errorMessage\": \"Invalid job id.\"}}}}",
		 0, "in.json:1: the Alma API answered with an error, not job instances: 'Invalid job "
		    "id.' (error code 402216)"},
		/* a jobs listing, a job */
		{"{\"total_record_count\": 1,\n\"job\": [{\"id\": \"M26720\"}]}", 0,
		 "in.json:2: a jobs listing (GET /almaws/v1/conf/jobs), not job instances"},
		{"{\"id\": \"M26720\", \"name\": \"Withdraw items\",\n\"parameter\": []}", 0,
		 "in.json:2: a job (GET /almaws/v1/conf/jobs/{job_id}: \"parameter\"), not a job "
		 "instance"},
		/* not instances at all */
		{"{\"a\": 1}", 0, "in.json:1: not Alma API job instances: an object with none of"},
		{"[1, 2]", 0, "in.json:1: not Alma API job instances: a number in the top-level array"},
		{"{\"job_instance\": \"none\"}", 0, "\"job_instance\" is a string, not a list"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int status;
		tally_free(&fx.tally);
		tally_init(&fx.tally);
		const char *path = testutil_path(".json");
		FILE *f = fopen(path, "wb");
		/* the NUL case holds a NUL: write what the literal holds */
		size_t n = strlen(cases[i].doc);
		if (strstr(cases[i].err, "NUL byte"))
			n += 1 + strlen(cases[i].doc + n + 1);
		fwrite(cases[i].doc, 1, n, f);
		fclose(f);
		const char *dir = testutil_dir();
		char link[600];
		snprintf(link, sizeof link, "%s/in.json", dir);
		ck_assert_int_eq(rename(path, link), 0);
		ck_assert_int_eq(chdir(dir), 0);
		const char *text = dump("in.json", &status);
		ck_assert_msg(status == -1, "case %zu read whole", i);
		ck_assert_msg(strstr(fx.err, cases[i].err) != NULL, "case %zu: %s", i, fx.err);
		int runs = 0;
		for (const char *p = text; (p = strchr(p, '\n')); p++)
			runs++;
		ck_assert_msg(runs == cases[i].runs, "case %zu: %d runs", i, runs);
		ck_assert_int_eq(fx.tally.incomplete, 1);
		ck_assert_int_eq(fx.tally.files[0].incomplete, 1);
		ck_assert_msg(fx.tally.files[0].error_line > 0, "case %zu: no line", i);
	}
}
END_TEST

/* Nested deeper than JSON_DEPTH (under an unknown key, or in the list). */
START_TEST(deep_nest)
{
	char doc[4096];
	int n = snprintf(doc, sizeof doc, "%s\n{\"id\":\"1\",\"x\":", A);
	for (int i = 0; i < 100; i++)
		doc[n++] = '[';
	for (int i = 0; i < 100; i++)
		doc[n++] = ']';
	snprintf(doc + n, sizeof doc - (size_t)n, "}");
	int status;
	const char *text = dump(testutil_plain(doc), &status);
	ck_assert_int_eq(status, -1);
	ck_assert_str_eq(lines_of(text), a_line);
	ck_assert_ptr_nonnull(strstr(fx.err, ":2: JSON nested deeper than 64\n"));
}
END_TEST

/* A 100 MB string: stopped at its line once it passes the limit, never
 * held whole. */
START_TEST(huge_string)
{
	const char *path = testutil_path(".json");
	FILE *f = fopen(path, "wb");
	fputs("[" A ",\n\n{\"id\":\"1\",\"name\":\"", f);
	static char block[1 << 20];
	memset(block, 'x', sizeof block);
	for (int i = 0; i < 100; i++)
		fwrite(block, 1, sizeof block, f);
	fputs("\"}]", f);
	fclose(f);
	int status;
	const char *text = dump(path, &status);
	ck_assert_int_eq(status, -1);
	ck_assert_str_eq(lines_of(text), a_line);
	ck_assert_ptr_nonnull(strstr(fx.err, ":3: a string longer than the limit (65536 bytes)"));
}
END_TEST

/* A cut anywhere: an error, or fewer whole runs; never a run made up. */
START_TEST(cut_anywhere)
{
	static const char doc[] = "{\"total_record_count\":2,\"job_instance\":[" A "," B "]}";
	size_t n = strlen(doc);
	for (size_t keep = 1; keep < n; keep++) {
		int status;
		tally_free(&fx.tally);
		tally_init(&fx.tally);
		const char *text = dump(testutil_bytes(doc, keep, ".json"), &status);
		ck_assert_msg(status == -1, "cut at %zu read whole", keep);
		ck_assert_msg(strstr(fx.err, "invalid JSON: the file ends") != NULL, "cut at %zu: %s",
			      keep, fx.err);
		ck_assert_msg(strncmp(lines_of(text), both(), strlen(lines_of(text))) == 0,
			      "cut at %zu: %s", keep, text);
	}
}
END_TEST

/* An XML response is named, with what to do; not read. */
START_TEST(xml_named)
{
	static const struct {
		const char *doc, *err;
	} cases[] = {
		{"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<job_instances "
		 "total_record_count=\"0\"/>",
		 "an XML response of the Alma API (job instances): almaudit reads the API's JSON: "
		 "ask for it (the header Accept: application/json), or use almaudit fetch"},
		{"  <job_instance><id>1</id></job_instance>", "(job instances)"},
		{"<?xml version=\"1.0\"?><web_service_result><errorsExist>true</errorsExist>",
		 "an XML error response of the Alma API"},
		/* its message quoted, as fetch quotes it */
		{"<?xml version=\"1.0\"?>\n<web_service_result xmlns=\"http://com/exlibris/urm/general/"
		 "xmlbeans\"><errorsExist>true</errorsExist><errorList><error><errorCode>UNAUTHORIZED"
		 "</errorCode><errorMessage>API-key not defined</errorMessage></error></errorList>"
		 "</web_service_result>",
		 "an XML error response of the Alma API (\"API-key not defined\" (code "
		 "UNAUTHORIZED)): almaudit reads the API's JSON"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int status;
		dump(testutil_gzip(cases[i].doc, 1), &status);
		ck_assert_int_eq(status, -1);
		ck_assert_msg(strstr(fx.err, cases[i].err) != NULL, "case %zu: %s", i, fx.err);
		ck_assert_msg(strstr(fx.err, ":1: ") != NULL, "case %zu: %s", i, fx.err);
	}
	ck_assert_int_eq(fx.tally.files[0].unread, 1);
}
END_TEST

START_TEST(set_names_inferred)
{
	static const struct {
		const char *name, *job, *set;
	} cases[] = {
		{"Withdraw items - weeding - 10/07/2026 15:01:54", "Withdraw items", "weeding"},
		{"Withdraw items - HD transfer cleanup", "Withdraw items", "HD transfer cleanup"},
		{"withdraw ITEMS - Widener weeding FY27 - 12 - 10/07/2026 15:01:54", "Withdraw items",
		 "Widener weeding FY27 - 12"},
		{"Import Research Assets Files - forFileUpload - 2025-10-05 4:11 AM",
		 "Import Research Assets Files", "forFileUpload"},
		{"Change Physical Items - set A - 2025-10-05T09:11:32Z", "Change Physical Items",
		 "set A"},
		{"Change Physical Items - 10/01/2026 09:58:26", "Change Physical Items", ""},
		{"Change Physical Items - 10/01/2026", "Change Physical Items", ""},
		{"Change Physical Items", "Change Physical Items", ""},
		{"Change Physical Items - ", "Change Physical Items", ""},
		{"Change Physical Items - via API - ShelfReady integration", "Change Physical Items", ""},
		{"Change Physical Items - set - 99/99", "Change Physical Items", "set - 99/99"},
		{"Other job - set - 10/07/2026", "Change Physical Items", ""},
		{"Change Physical Itemsx - set", "Change Physical Items", ""},
		{"Withdraw items - weeding", "", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *set;
		size_t n = setname_infer(cases[i].name, strlen(cases[i].name), cases[i].job,
					      strlen(cases[i].job), &set);
		char got[200];
		snprintf(got, sizeof got, "%.*s", (int)n, n ? set : "");
		ck_assert_msg(strcmp(got, cases[i].set) == 0, "case %zu: '%s'", i, got);
	}
}
END_TEST

/* A CSV export is still read as CSV, and a CSV cell starting "{" is no
 * JSON: only the first byte of the file decides. */
START_TEST(csv_stays_csv)
{
	int status;
	struct run r;
	testutil_stderr_begin();
	status = ingest_open(fx.in,
			     testutil_plain("id,name,submitted_by,start_time\n"
					    "1,\"{not json\",u,2026-10-05T09:11:32Z\n"),
			     RUN_PRODUCTION);
	ck_assert_int_eq(status, 0);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_str_eq(r.name, "{not json");
	ck_assert_int_eq(r.api, 0);
	ck_assert_int_eq(fx.tally.files[0].json, 0);
	ingest_close(fx.in);
	testutil_stderr_end();
}
END_TEST

/* Keys are told exactly: one a byte off a known key (first, middle, last,
 * of every length the API's keys have) is an unknown key, ignored. */
START_TEST(keys_told_exactly)
{
	int status;
	const char *text = dump(
		testutil_plain("{\"ix\": \"8\", \"id\": \"7\", \"nome\": \"bad\", \"namf\": \"bad\",\n"
			       "\"name\": \"Good\", \"submit_timf\": \"2026-01-01T00:00:00Z\",\n"
			       "\"start_time\": \"2026-10-05T09:11:32Z\", \"statuz\": {\"value\": \"NO\"},\n"
			       "\"status\": {\"valve\": \"NO\", \"value\": \"QUEUED\"}, \"progresx\": 5,\n"
			       "\"progress\": 10, \"job_infx\": {\"id\": \"X9\"}, \"Job_info\": {},\n"
			       "\"submitted_bz\": {\"value\": \"bad\"}, \"job_info\": {\"id\": \"M1\"}}"),
		&status);
	ck_assert_int_eq(status, 0);
	ck_assert_str_eq(text, "1|7|Good|M1|MANUAL||||QUEUED|10||0|\n");
}
END_TEST

/* The exports of one input: fetch writes each job's pages together, once;
 * a page of a job the export gave already starts the next one (two fetch
 * outputs joined), the same job's next page does not. */
START_TEST(exports_told_by_jobs)
{
	static struct pagecount pc;
	memset(&pc, 0, sizeof pc);
	static const char *const jobs[] = {"M1", "M1", "M2", "M3", "M1", "M1", "M2", "M3", "M3"};
	static const unsigned want[] = {0, 0, 0, 0, 1, 1, 1, 1, 1};
	for (size_t i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
		pagecount_object(&pc);
		unsigned got = pagecount_instance(&pc, "", 0, jobs[i], strlen(jobs[i]), 1);
		/* the page's next instance */
		ck_assert_uint_eq(pagecount_instance(&pc, "", 0, "M9", 2, 1), got);
		ck_assert_msg(got == want[i], "page %zu (%s): export %u, want %u", i, jobs[i], got,
			      want[i]);
	}
	/* instances alone (one a line, a top-level array: in any order) tell none */
	memset(&pc, 0, sizeof pc);
	for (size_t i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
		pagecount_object(&pc);
		ck_assert_uint_eq(pagecount_instance(&pc, "", 0, jobs[i], strlen(jobs[i]), 0), 0);
	}
	pagecount_free(&pc);
}
END_TEST

/* One query's pages give its total in distinct runs: a page saved twice,
 * or pages that overlap, give some runs again and the rest are missing. */
static int pages_of(const char *const *ids, size_t n, size_t per_page, const char *total,
		    char *msg, size_t size)
{
	struct pagecount pc;
	memset(&pc, 0, sizeof pc);
	for (size_t i = 0; i < n; i += per_page) {
		pagecount_object(&pc);
		pagecount_total(&pc, total, strlen(total));
		for (size_t k = i; k < n && k < i + per_page; k++)
			pagecount_instance(&pc, ids[k], strlen(ids[k]), "M1", 2, 1);
		pagecount_page(&pc, (long)(i / per_page + 1));
	}
	long line = 0;
	msg[0] = '\0';
	int got = pagecount_end(&pc, &line, msg, size);
	pagecount_free(&pc);
	return got < 0 ? (int)line : 0;
}

START_TEST(pages_counted_by_id)
{
	char msg[512];
	/* pages of two, whole */
	static const char *const whole[] = {"61004", "61003", "61002", "61001"};
	ck_assert_int_eq(pages_of(whole, 4, 2, "4", msg, sizeof msg), 0);
	/* the first page saved twice: two runs given, two again */
	static const char *const twice[] = {"61004", "61003", "61004", "61003"};
	ck_assert_int_eq(pages_of(twice, 4, 2, "4", msg, sizeof msg), 1);
	ck_assert_str_eq(msg, "the page of M1 says 4 runs; this file gives 2 of them (and 2 again: "
			      "a page saved twice, or pages that overlap): the rest of the job's "
			      "history is missing; page through with offset, or use almaudit fetch");
	/* offset 0 then 1 with limit 2: the pages overlap by one */
	static const char *const overlap[] = {"61004", "61003", "61003", "61002"};
	ck_assert_int_eq(pages_of(overlap, 4, 2, "4", msg, sizeof msg), 1);
	ck_assert_ptr_nonnull(strstr(msg, "gives 3 of them (and 1 again"));
	/* ids that are no number count by their bytes; an instance without one
	 * counts as a run of its own */
	static const char *const text[] = {"a-1", "a-2", "a-1", ""};
	ck_assert_int_eq(pages_of(text, 4, 4, "4", msg, sizeof msg), 1);
	ck_assert_ptr_nonnull(strstr(msg, "gives 3 of them (and 1 again"));
	ck_assert_int_eq(pages_of(text + 1, 3, 4, "3", msg, sizeof msg), 0);
	/* the last page saved twice (a retried request kept): the history is
	 * whole, and the page again is of the same query, not a next one short */
	static const char *const last[] = {"61004", "61003", "61002", "61001", "61002", "61001"};
	ck_assert_int_eq(pages_of(last, 6, 2, "4", msg, sizeof msg), 0);
	/* a page that is not the last again (the first, or runs of two of its
	 * pages): a next query's, short (an export of the same query joined
	 * after it, cut short; or another window whose later pages are lost) */
	static const char *const next[] = {"61004", "61003", "61002", "61001", "61004", "61003"};
	ck_assert_int_eq(pages_of(next, 6, 2, "4", msg, sizeof msg), 3);
	static const char *const span[] = {"61004", "61003", "61002", "61001", "61003", "61002"};
	ck_assert_int_eq(pages_of(span, 6, 2, "4", msg, sizeof msg), 3);
	/* one new run among them: a next query's page, short */
	static const char *const moved[] = {"61004", "61003", "61002", "61001", "61005", "61004"};
	ck_assert_int_eq(pages_of(moved, 6, 2, "4", msg, sizeof msg), 3);
	/* an id padded with spaces is the run the audit reads (cells trimmed) */
	static const char *const padded[] = {" 61004", "61004 "};
	ck_assert_int_eq(pages_of(padded, 2, 2, "2", msg, sizeof msg), 1);
	ck_assert_ptr_nonnull(strstr(msg, "gives 1 of them (and 1 again"));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("instances");
	TCase *tc = tcase_create("instances");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_page_mapped);
	tcase_add_test(tc, every_shape);
	tcase_add_test(tc, pages_give_their_total);
	tcase_add_test(tc, pages_counted_by_id);
	tcase_add_test(tc, many_pages_one_per_line);
	tcase_add_test(tc, values_as_given);
	tcase_add_test(tc, keys_told_exactly);
	tcase_add_test(tc, counters_all_kept);
	tcase_add_test(tc, utf16_read);
	tcase_add_test(tc, json_after_many_blank_lines);
	tcase_add_test(tc, instance_too_large_rejected);
	tcase_add_test(tc, damage_said_where_it_is);
	tcase_add_test(tc, deep_nest);
	tcase_add_test(tc, huge_string);
	tcase_add_test(tc, cut_anywhere);
	tcase_add_test(tc, xml_named);
	tcase_add_test(tc, set_names_inferred);
	tcase_add_test(tc, csv_stays_csv);
	tcase_add_test(tc, exports_told_by_jobs);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
