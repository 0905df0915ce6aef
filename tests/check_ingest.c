/* Unit tests of analyzer/ingest.c, analyzer/cells_in.c and analyzer/reader.c: layouts and
 * aliases, BOM, CRLF, quoted newlines, line numbers, repeated headers,
 * rejects by reason, damaged or concatenated gzip, data after the last
 * gzip member, and files of other formats told by their first bytes. */
#include "cells_in.h"
#include "columns.h"
#include "csvrd.h"
#include "header.h"
#include "ingest.h"
#include "reader.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define API_HEADER                                                                         \
	"id,job_id,name,category,type,submitted_by,submitted_by_desc,submit_time,start_time," \
	"end_time,status,progress,total_records,set_name\n"

static const char api_sample[] =
	API_HEADER
	"6100000170523941,M26720,Withdraw items - weeding - 10/05/2026 05:11:32,Physical Items,"
	"MANUAL,80120017,\"Moody, Honor\",2026-10-05T09:11:00.100Z,2026-10-05T09:11:32.592Z,"
	"2026-10-05T09:20:00Z,COMPLETED_SUCCESS,100,40112,\"Weed set\nline two\"\n"
	"6100000170533941,S3750770640003941,Publishing Platform Job,Publishing,SCHEDULED,System,"
	"System,2026-10-05T10:00:00Z,,,QUEUED,0,,\n"
	"6100000170543941,M26714,Change Physical Items,Physical Items,MANUAL,80130004,"
	"\"Castillo, Rafael\",2026-10-05T11:00:00Z,2026-10-05T11:00:05Z,2026-10-05T11:01:00Z,"
	"FAILED,35,310,\"Widener \"\"fix\"\", round 2\"\n";

struct fixture {
	struct tally tally;
	struct columns cols;
	struct ingest *in;
};

static struct fixture fx;

static void setup(void)
{
	times_set_zone("America/New_York");
	tally_init(&fx.tally);
	memset(&fx.cols, 0, sizeof fx.cols);
	fx.in = NULL;
}

static void teardown(void)
{
	ingest_free(fx.in);
	columns_free(&fx.cols);
	tally_free(&fx.tally);
}

/* Reads every run of path into one line each, for comparison. */
static char *dump_env(const char *path, enum run_env env, FILE *rejects, int *status)
{
	static char text[1 << 20];
	size_t used = 0;
	struct run r;
	char a[32], b[32], c[32];

	if (!fx.in)
		fx.in = ingest_new(&fx.cols, &fx.tally, rejects);
	text[0] = '\0';
	*status = ingest_open(fx.in, path, env);
	if (*status != 0)
		return text;
	int got;
	while ((got = ingest_next(fx.in, &r)) > 0) {
		ck_assert_msg(used < sizeof text - 4096, "dump buffer too small");
		times_format_utc(r.submit_time, a, sizeof a);
		times_format_utc(r.start_time, b, sizeof b);
		times_format_utc(r.end_time, c, sizeof c);
		used += (size_t)snprintf(
			text + used, sizeof text - used,
			"%ld|%" PRIu64 "|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d|%" PRId64 "|%s|%s\n",
			r.line, r.id, r.job_id, r.name, r.category, run_type_name(r.type), r.user,
			r.user_name, r.submit_time == TIME_NONE ? "-" : a,
			r.start_time == TIME_NONE ? "-" : b, r.end_time == TIME_NONE ? "-" : c,
			r.status, r.progress, r.records, r.set_name, run_env_name(r.env));
	}
	*status = got;
	ingest_close(fx.in);
	return text;
}

static char *dump(const char *path)
{
	int status;
	char *text = dump_env(path, RUN_PRODUCTION, NULL, &status);
	ck_assert_int_eq(status, 0);
	return text;
}

/* Run ids are read eight digits at a time: every id of 1 to 20 digits is
 * read as its number (up to 2^64 - 1), and one with any other byte at any
 * place, or past 2^64 - 1, is rejected as no number. */
START_TEST(ids_read_digit_by_digit_or_eight_at_once)
{
	static const char bad[] = {'/', ':', 'a', '.', '-', '\x80', '\xb9', '\x0b', '\x7f'};
	static uint64_t want[600];
	char *text = malloc(1 << 20);
	size_t used = 0, nwant = 0, rejected = 0;
	uint64_t rng = 11;
	used += (size_t)sprintf(text, "id,name,type,submitted_by,start_time\n");
	for (int row = 0; row < 600; row++) {
		char id[32];
		size_t n = 1 + (size_t)row % 20;
		for (size_t i = 0; i < n; i++) {
			rng = rng * 6364136223846793005ull + 1442695040888963407ull;
			id[i] = (char)('0' + (rng >> 33) % 10);
		}
		id[0] = n > 1 && id[0] == '0' ? '7' : id[0];
		id[n] = '\0';
		if (row % 3 == 1 && n > 2) /* a byte that is no digit, anywhere but the ends */
			id[1 + (rng >> 40) % (n - 2)] = bad[(rng >> 50) % sizeof bad];
		else if (row % 50 == 19)
			memcpy(id, row % 100 == 19 ? "18446744073709551615" : "18446744073709551616", 21);
		n = strlen(id);
		int good = 1;
		for (size_t i = 0; i < n; i++)
			good &= id[i] >= '0' && id[i] <= '9';
		if (good && n == 20 && strcmp(id, "18446744073709551615") > 0)
			good = 0;
		used += (size_t)sprintf(text + used, "%s,job %d,MANUAL,u,2026-10-05T10:00:00Z\n", id,
					row);
		if (good)
			want[nwant++] = strtoull(id, NULL, 10);
		else
			rejected++;
	}
	const char *path = testutil_plain(text);
	free(text);
	fx.in = ingest_new(&fx.cols, &fx.tally, NULL);
	ck_assert_int_eq(ingest_open(fx.in, path, RUN_PRODUCTION), 0);
	struct run r;
	size_t got = 0;
	while (ingest_next(fx.in, &r) > 0) {
		ck_assert_uint_lt(got, nwant);
		ck_assert_msg(r.id == want[got], "line %ld: %" PRIu64 ", not %" PRIu64, r.line, r.id,
			      want[got]);
		got++;
	}
	ingest_close(fx.in);
	ck_assert_uint_eq(got, nwant);
	ck_assert_uint_eq(fx.tally.rejected[REJ_BAD_ID], rejected);
	ck_assert_uint_gt(rejected, 150);
}
END_TEST

START_TEST(api_layout_typed)
{
	const char *text = dump(testutil_plain(api_sample));
	ck_assert_str_eq(text,
			 "2|6100000170523941|M26720|Withdraw items - weeding - 10/05/2026 05:11:32|"
			 "Physical Items|MANUAL|80120017|Moody, Honor|2026-10-05T09:11:00Z|"
			 "2026-10-05T09:11:32Z|2026-10-05T09:20:00Z|COMPLETED_SUCCESS|100|40112|"
			 "Weed set\nline two|production\n"
			 "4|6100000170533941|S3750770640003941|Publishing Platform Job|Publishing|"
			 "SCHEDULED|System|System|2026-10-05T10:00:00Z|-|-|QUEUED|0|-1||production\n"
			 "5|6100000170543941|M26714|Change Physical Items|Physical Items|MANUAL|"
			 "80130004|Castillo, Rafael|2026-10-05T11:00:00Z|2026-10-05T11:00:05Z|"
			 "2026-10-05T11:01:00Z|FAILED|35|310|Widener \"fix\", round 2|production\n");
	ck_assert_uint_eq(fx.tally.read, 3);
	ck_assert_uint_eq(tally_rejected(&fx.tally), 0);
	ck_assert_uint_eq(fx.tally.files[0].rows, 3);
	ck_assert_int_eq(fx.tally.files[0].gzip, 0);
}
END_TEST

START_TEST(display_layout_us_times_labels)
{
	const char *text = dump(testutil_plain(
		"Job Instance ID,Job ID,Job Name,Job Category,Job Type,Submitted By,Submitted By "
		"Name,Submit Date,Start Time,End Time,Status,Progress,Number of Records,Set Name\n"
		"61001,M26720,Withdraw items,Physical Items,Manual,80120017,\"Moody, Honor\","
		"10/25/2026 9:11 AM,10/25/2026 9:12 AM,10/25/2026 1:05 PM,Completed Successfully,"
		"100,\"40,112\",HD\n"
		"61002,S1,Publishing,Publishing,Scheduled,System,System,10/25/2026 12:00 AM,,,"
		"Completed with Warnings,100,7,\n"
		"61003,M1,X,Y,Manual,u1,\"B, A\",10/25/2026 12:00 PM,,,Aborted by User,10%,,\n"
		"61004,M1,X,Y,Other,u1,\"B, A\",10/25/2026 12:00 PM,,,Waiting for Input (2),,,\n"));
	ck_assert_str_eq(text,
			 "2|61001|M26720|Withdraw items|Physical Items|MANUAL|80120017|Moody, Honor|"
			 "2026-10-25T13:11:00Z|2026-10-25T13:12:00Z|2026-10-25T17:05:00Z|"
			 "COMPLETED_SUCCESS|100|40112|HD|production\n"
			 "3|61002|S1|Publishing|Publishing|SCHEDULED|System|System|"
			 "2026-10-25T04:00:00Z|-|-|COMPLETED_WARNING|100|7||production\n"
			 "4|61003|M1|X|Y|MANUAL|u1|B, A|2026-10-25T16:00:00Z|-|-|USER_ABORTED|10|-1||"
			 "production\n"
			 "5|61004|M1|X|Y|OTHER|u1|B, A|2026-10-25T16:00:00Z|-|-|WAITING_FOR_INPUT_2|-1|"
			 "-1||production\n");
}
END_TEST

/* A row of cells for the header functions. */
static struct csvrow row_of(const char *const *cells, size_t n, size_t *len)
{
	for (size_t i = 0; i < n; i++)
		len[i] = strlen(cells[i]);
	return (struct csvrow){1, n, cells, len, 0, ""};
}

/* header.c: a header inside the file is told from data by its id cell,
 * then by what its cells name; its map compared with the first's. */
START_TEST(header_told_from_data)
{
	static const char *const first[] = {"id", "name", "submitted_by", "start_time", "progress"};
	static const char *const other[] = {"Name", "JOB INSTANCE ID", "Submitted By", "Start Time",
					    "progress"};
	static const char *const data[] = {"61", "id", "80120002", "2026-10-14 09:03", "100"};
	static const char *const bad_id[] = {"x61", "Withdraw", "name", "2026-10-14 09:03", ""};
	static const char *const no_id[] = {"name", "submitted_by", "start_time", "progress", ""};
	size_t l1[5], l2[5], l3[5], l4[5], l5[5];
	struct csvrow r1 = row_of(first, 5, l1), r2 = row_of(other, 5, l2), r3 = row_of(data, 5, l3),
		      r4 = row_of(bad_id, 5, l4), r5 = row_of(no_id, 5, l5);
	struct header h = {0}, g = {0};
	ck_assert_int_eq(header_take(&h, NULL, &r1, "t.csv"), 0);
	ck_assert_int_eq(header_check(&h, NULL, "t.csv", 1, 0), 0);
	ck_assert_int_eq(h.map.col[COL_ID], 0);
	ck_assert_int_eq(h.map.col[COL_RECORDS], -1);
	/* data: its id cell is a number, whatever else it holds */
	ck_assert_int_eq(header_may_be(&h, &r3), 0);
	ck_assert_int_eq(header_may_be(&h, &r2), 1);
	ck_assert_int_eq(header_reads_as(NULL, &r2), 1);
	/* a bad id is looked at, and is no header: it names one column */
	ck_assert_int_eq(header_may_be(&h, &r4), 1);
	ck_assert_int_eq(header_reads_as(NULL, &r4), 0);
	/* named columns, but no id among them: no header */
	ck_assert_int_eq(header_reads_as(NULL, &r5), 0);
	ck_assert_int_eq(header_same(&h, &r1), 1);
	ck_assert_int_eq(header_same(&h, &r2), 0);
	ck_assert_int_eq(header_take(&g, NULL, &r2, "t.csv"), 0);
	ck_assert_int_eq(g.map.col[COL_ID], 1);
	ck_assert_int_eq(g.map.col[COL_NAME], 0);
	ck_assert_int_eq(header_same_map(&h.map, &g.map), 0);
	ck_assert_int_eq(header_same_map(&h.map, &h.map), 1);
	header_free(&h);
	header_free(&g);
}
END_TEST

START_TEST(header_aliases)
{
	/* every alias of spec section 1, in odd case, spacing and underscores */
	const char *text = dump(testutil_plain(
		"PROCESS_ID,job id,Instance Name,JOB_CATEGORY,jobtype,Operator,User_Name,"
		"submitdate,START TIME,end_time,status,Progress,Records,Set\n"
		"7,M1,N,C,MANUAL,op,\"L, F\",2026-10-05 10:00,2026-10-05 10:01,,COMPLETED_SUCCESS,"
		"100,5,S\n"));
	ck_assert_str_eq(text, "2|7|M1|N|C|MANUAL|op|L, F|2026-10-05T14:00:00Z|"
			       "2026-10-05T14:01:00Z|-|COMPLETED_SUCCESS|100|5|S|production\n");
	text = dump(testutil_plain("instance_id,Job Name,Creator,Submitted By Name,Submit Date,"
				   "Total Records,Set Name,Number of Records\n"
				   "8,N,cr,\"L, F\",2026-10-05 10:00,5,S,6\n"));
	/* two headers for one column: the first one counts; no type, no job id */
	ck_assert_str_eq(text, "2|8||N|||cr|L, F|2026-10-05T14:00:00Z|-|-||-1|5|S|production\n");
}
END_TEST

START_TEST(column_option_maps_other_headers)
{
	ck_assert_int_eq(columns_map(&fx.cols, "id=Ref No"), 0);
	ck_assert_int_eq(columns_map(&fx.cols, "submitted_by_desc=Staff Member"), 0);
	ck_assert_int_eq(columns_map(&fx.cols, "start_time=Began"), 0);
	ck_assert_int_eq(columns_map(&fx.cols, "name=Name Of Job"), 0);
	const char *text = dump(testutil_plain("ref_no,name of job,Staff Member,Began,id\n"
					       "9,N,\"L, F\",2026-10-05T10:00:00Z,zzz\n"));
	ck_assert_str_eq(text, "2|9||N||||L, F|-|2026-10-05T10:00:00Z|-||-1|-1||production\n");
}
END_TEST

/* --column naming a header the file does not have: an error at the file's
 * header, with its nearest header; the file is not read. */
START_TEST(column_option_header_missing)
{
	int status;
	ck_assert_int_eq(columns_map(&fx.cols, "id=Ref Nr"), 0);
	ck_assert_int_eq(columns_map(&fx.cols, "total_records=Count"), 0);
	const char *path = testutil_plain("Ref No,name,submitted_by,start_time,Count\n"
					  "1,A,u,2026-10-05T10:00:00Z,3\n");
	testutil_stderr_begin();
	dump_env(path, RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	char want[300];
	snprintf(want, sizeof want,
		 "almaudit: %s:1: --column id=Ref Nr: the file has no header 'Ref Nr' (did you "
		 "mean 'Ref No'?)\n",
		 path);
	ck_assert_str_eq(err, want);
	ck_assert_int_eq(status, -1);
	ck_assert_int_eq(fx.tally.incomplete, 1);
	ck_assert_int_eq(fx.tally.files[0].incomplete, 1);
	ck_assert_uint_eq(fx.tally.read, 0);

	/* none near: no suggestion */
	ck_assert_int_eq(columns_map(&fx.cols, "id=Ref No"), 0);
	ck_assert_int_eq(columns_map(&fx.cols, "set_name=Collection"), 0);
	testutil_stderr_begin();
	dump_env(path, RUN_PRODUCTION, NULL, &status);
	err = testutil_stderr_end();
	ck_assert_msg(strstr(err, ":1: --column set_name=Collection: the file has no header "
				  "'Collection'\n"),
		      "%s", err);
	ck_assert_int_eq(status, -1);
}
END_TEST

START_TEST(bom_crlf_and_lone_cr)
{
	const char *text = dump(testutil_plain(
		"\xEF\xBB\xBFid,name,submitted_by,start_time\r\n"
		"1,A,u,2026-10-05T10:00:00Z\r\n"
		"\r\n"
		"2,\"B\r\nB\",u,2026-10-05T10:00:00Z\r\n"
		"3,C,u,2026-10-05T10:00:00Z\r"
		"4,D,u,2026-10-05T10:00:00Z\r\n"));
	ck_assert_str_eq(text, "2|1||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "4|2||B\r\nB|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "6|3||C|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "7|4||D|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n");
}
END_TEST

START_TEST(line_numbers_after_quoted_newlines)
{
	const char *text = dump(testutil_plain(
		"id,name,submitted_by,start_time\n"
		"1,\"a\nb\nc\",u,2026-10-05T10:00:00Z\n"
		"\n"
		"   \n"
		"2,\"x\",u,2026-10-05T10:00:00Z\n"
		"3,y,u,\"2026-10-05T10:00:00Z\"\n"));
	ck_assert_str_eq(text, "2|1||a\nb\nc|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "7|2||x|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "8|3||y|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n");
}
END_TEST

START_TEST(repeated_header_skipped_and_counted)
{
	const char *text = dump(testutil_plain("id,name,submitted_by,start_time\n"
					       "1,A,u,2026-10-05T10:00:00Z\n"
					       "id,name,submitted_by,start_time\n"
					       "\xEF\xBB\xBFid,name,submitted_by,start_time\n"
					       "2,B,u,2026-10-05T10:00:00Z\n"));
	ck_assert_str_eq(text, "2|1||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "5|2||B|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n");
	ck_assert_uint_eq(fx.tally.headers, 2);
	ck_assert_uint_eq(fx.tally.read, 2);
}
END_TEST

START_TEST(rejects_counted_by_reason_and_written)
{
	const char *rej_path = testutil_path(".rejects.csv");
	FILE *rej = fopen(rej_path, "w");
	int status;
	const char *text = dump_env(
		testutil_plain(
			"id,name,type,submitted_by,start_time,total_records,progress,environment\n"
			"1,ok,MANUAL,u,2026-10-05T10:00:00Z,5,100%,\n"
			"2,short,MANUAL,u\n"
			" ,empty id,MANUAL,u,2026-10-05T10:00:00Z,5,100,\n"
			"3x,bad id,MANUAL,u,2026-10-05T10:00:00Z,5,100,\n"
			"4,bad time,MANUAL,u,2026-10-35T10:00:00Z,5,100,\n"
			"5,no time,MANUAL,u,,5,100,\n"
			"6,bad type,WEEKLY,u,2026-10-05T10:00:00Z,5,100,\n"
			"7,bad env,MANUAL,u,2026-10-05T10:00:00Z,5,100,staging\n"
			"8,bad records,MANUAL,u,2026-10-05T10:00:00Z,-5,100,\n"
			"9,bad progress,MANUAL,u,2026-10-05T10:00:00Z,5,101,\n"
			"10,=cmd|' /C calc'!A0,MANUAL,u,2026-10-05T10:00:00Z,many,100,\n"
			"11,sandbox row,MANUAL,u,2026-10-05T10:00:00Z,\"1,005\",,Sandbox\n"),
		RUN_PRODUCTION, rej, &status);
	fclose(rej);
	ck_assert_int_eq(status, 0);
	ck_assert_str_eq(text, "2|1||ok||MANUAL|u||-|2026-10-05T10:00:00Z|-||100|5||production\n"
			       "8|6||bad type|||u||-|2026-10-05T10:00:00Z|-||100|5||production\n"
			       "10|8||bad records||MANUAL|u||-|2026-10-05T10:00:00Z|-||100|-1||"
			       "production\n"
			       "11|9||bad progress||MANUAL|u||-|2026-10-05T10:00:00Z|-||-1|5||"
			       "production\n"
			       "12|10||=cmd|' /C calc'!A0||MANUAL|u||-|2026-10-05T10:00:00Z|-||100|-1||"
			       "production\n"
			       "13|11||sandbox row||MANUAL|u||-|2026-10-05T10:00:00Z|-||-1|1005||"
			       "sandbox\n");
	ck_assert_uint_eq(fx.tally.read, 12);
	ck_assert_uint_eq(fx.tally.rejected[REJ_FIELD_COUNT], 1);
	ck_assert_uint_eq(fx.tally.rejected[REJ_EMPTY_ID], 1);
	ck_assert_uint_eq(fx.tally.rejected[REJ_BAD_ID], 1);
	ck_assert_uint_eq(fx.tally.rejected[REJ_BAD_TIME], 1);
	ck_assert_uint_eq(fx.tally.rejected[REJ_NO_TIME], 1);
	ck_assert_uint_eq(fx.tally.rejected[REJ_BAD_ENVIRONMENT], 1);
	ck_assert_uint_eq(tally_rejected(&fx.tally), 6);
	/* a bad type, record count or progress is a cell named, never a row lost */
	ck_assert_uint_eq(fx.tally.bad_cells[COL_TYPE], 1);
	ck_assert_uint_eq(fx.tally.bad_cells[COL_RECORDS], 2);
	ck_assert_uint_eq(fx.tally.bad_cells[COL_PROGRESS], 1);
	ck_assert_uint_eq(fx.tally.ncells, 4);
	ck_assert_int_eq(fx.tally.cells[0].line, 8);
	ck_assert_str_eq(fx.tally.cells[0].text, "type 'WEEKLY' is not MANUAL, SCHEDULED or OTHER: "
						 "judged as a staff run");
	ck_assert_str_eq(fx.tally.cells[3].text, "total_records 'many' is not a count: the run is "
						 "judged with no record count");
	char *written = testutil_read(rej_path);
	char want[512];
	ck_assert_msg(strncmp(written, "file,line,reason,detail,fields\n", 31) == 0, "%s", written);
	snprintf(want, sizeof want,
		 "%s,3,wrong field count,\"expected 8 fields, found 4\",2,short,MANUAL,u\n",
		 fx.tally.files[0].name);
	ck_assert_msg(strstr(written, want), "missing: %s", want);
	snprintf(want, sizeof want, "%s,6,unparseable time,start_time '2026-10-35T10:00:00Z',4,",
		 fx.tally.files[0].name);
	ck_assert_msg(strstr(written, want), "missing: %s", want);
	int lines = 0;
	for (const char *p = written; *p; p++)
		lines += *p == '\n';
	ck_assert_int_eq(lines, 7);
	free(written);
}
END_TEST

START_TEST(oversized_field_rejected_stream_goes_on)
{
	size_t big = CSVRD_FIELD_MAX + 5000;
	char *data = malloc(2 * big + 512);
	int n = sprintf(data, "id,name,submitted_by,start_time\n1,A,u,2026-10-05T10:00:00Z\n2,\"");
	memset(data + n, 'x', big);
	n += (int)big;
	n += sprintf(data + n, "\n\"\"still\"\" quoted, and on\",u,2026-10-05T10:00:00Z\n"
			       "3,C,u,2026-10-05T10:00:00Z\n4,");
	memset(data + n, 'y', big);
	n += (int)big;
	sprintf(data + n, ",u,2026-10-05T10:00:00Z\r\n5,E,u,2026-10-05T10:00:00Z\n");
	const char *text = dump(testutil_plain(data));
	free(data);
	ck_assert_str_eq(text, "2|1||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "5|3||C|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "7|5||E|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n");
	ck_assert_uint_eq(fx.tally.rejected[REJ_FIELD_TOO_LARGE], 2);
	ck_assert_uint_eq(fx.tally.read, 5);
}
END_TEST

START_TEST(gzip_plain_members_and_stdin_read_the_same)
{
	char *plain = strdup(dump(testutil_plain(api_sample)));
	ck_assert_str_eq(dump(testutil_gzip(api_sample, 1)), plain);
	ck_assert_int_eq(fx.tally.files[1].gzip, 1);
	/* three members, split inside rows and even inside a quoted field */
	ck_assert_str_eq(dump(testutil_gzip(api_sample, 3)), plain);
	ck_assert_str_eq(dump(testutil_gzip(api_sample, 7)), plain);
	/* standard input, gzip */
	int fd = open(testutil_gzip(api_sample, 2), O_RDONLY);
	ck_assert_int_ge(fd, 0);
	dup2(fd, 0);
	close(fd);
	ck_assert_str_eq(dump("-"), plain);
	ck_assert_str_eq(fx.tally.files[4].name, "(standard input)");
	free(plain);
}
END_TEST

START_TEST(whole_file_twice_as_two_members)
{
	size_t n = strlen(api_sample);
	char *twice = malloc(2 * n + 1);
	memcpy(twice, api_sample, n);
	memcpy(twice + n, api_sample, n + 1);
	const char *text = dump(testutil_gzip(twice, 2));
	free(twice);
	ck_assert_uint_eq(fx.tally.read, 6);
	ck_assert_uint_eq(fx.tally.headers, 1);
	ck_assert_ptr_nonnull(strstr(text, "\n10|6100000170543941|"));
}
END_TEST

START_TEST(truncated_gzip_is_an_error_naming_file_and_line)
{
	/* many rows, so the cut falls well inside the stream */
	char *data = malloc(200000);
	size_t n = (size_t)sprintf(data, "id,name,submitted_by,start_time\n");
	for (int i = 1; i <= 3000; i++)
		n += (size_t)sprintf(data + n, "%d,job %d,u%d,2026-10-05T10:%02d:00Z\n", i,
				     i * 7919 % 1000, i % 13, i % 60);
	const char *whole = testutil_gzip(data, 1);
	const char *cut = testutil_gzip_cut(data, testutil_size(whole) / 2);
	free(data);
	int status;
	testutil_stderr_begin();
	const char *text = dump_env(cut, RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	ck_assert_int_eq(status, -1);
	ck_assert_msg(strlen(text) > 0, "rows before the cut are still read");
	char want[600];
	/* the line is where the stream stopped: one past the last row read */
	long last = 0;
	for (const char *p = text; *p; p = strchr(p, '\n') + 1)
		last = strtol(p, NULL, 10);
	snprintf(want, sizeof want,
		 "almaudit: %s:%ld: truncated gzip stream (unexpected end of file)\n", cut,
		 last + 1);
	ck_assert_str_eq(err, want);
	ck_assert_int_eq(fx.tally.incomplete, 1);
	ck_assert_int_eq(fx.tally.files[0].incomplete, 1);
	/* the report says what went wrong in its own text: kept with the file */
	ck_assert_int_eq(fx.tally.files[0].unread, 0);
	ck_assert_int_eq(fx.tally.files[0].error_line, last + 1);
	ck_assert_str_eq(fx.tally.files[0].error, "truncated gzip stream (unexpected end of file)");
	/* no silent loss: a row cut short is rejected, not dropped */
	ck_assert_uint_eq(fx.tally.read, (uint64_t)(last - 1) + tally_rejected(&fx.tally));
}
END_TEST

START_TEST(corrupt_gzip_is_an_error)
{
	char *data = malloc(200000);
	size_t n = (size_t)sprintf(data, "id,name,submitted_by,start_time\n");
	for (int i = 1; i <= 3000; i++)
		n += (size_t)sprintf(data + n, "%d,job %d,u,2026-10-05T10:00:00Z\n", i, i * 31 % 977);
	const char *path = testutil_gzip(data, 1);
	free(data);
	char *bytes = testutil_read(path);
	size_t size = testutil_size(path);
	for (size_t i = size / 2; i < size / 2 + 64; i++)
		bytes[i] ^= 0x5A;
	FILE *f = fopen(path, "wb");
	fwrite(bytes, 1, size, f);
	fclose(f);
	free(bytes);
	int status;
	testutil_stderr_begin();
	dump_env(path, RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	ck_assert_int_eq(status, -1);
	ck_assert_msg(strstr(err, "corrupt gzip stream"), "%s", err);
	ck_assert_msg(strncmp(err, "almaudit: ", 10) == 0 && strstr(err, path), "%s", err);
	ck_assert_int_eq(fx.tally.incomplete, 1);
}
END_TEST

/* What a file's error says, with FILE standing for its path. */
static const char *with_path(const char *why, const char *path)
{
	static char text[1024];
	const char *at = strstr(why, "FILE");
	if (at)
		snprintf(text, sizeof text, "%.*s%s%s", (int)(at - why), why, path, at + 4);
	else
		snprintf(text, sizeof text, "%s", why);
	return text;
}

START_TEST(data_after_the_gzip_members_is_damage)
{
	/* what gzip -t reads: member after member, and after the last one the
	 * end of the file; anything else is damage, said, after every row */
	char *plain = strdup(dump(testutil_plain(api_sample)));
	size_t members = testutil_size(testutil_gzip(api_sample, 2));
	static const char zeros[1024];
	static const struct {
		const char *tail;
		size_t n;
		const char *why;
	} cases[] = {
		{"this is not gzip\n", 17,
		 "trailing garbage after the gzip data (17 bytes from byte AT, not a gzip member)"},
		{zeros, sizeof zeros,
		 "trailing zeros after the gzip data (1024 bytes from byte AT: padding, or damage)"},
		{"\x1f", 1, "trailing garbage after the gzip data (1 byte from byte AT, not a gzip member)"},
		{"\x1f\x8c\x08\x00", 4,
		 "trailing garbage after the gzip data (4 bytes from byte AT, not a gzip member)"},
		/* a third member whose first block has the reserved type (each
		 * inflater names damaged deflate data in its own words) */
		{"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x07\x00", 12,
		 "corrupt gzip stream (INVALID) in gzip member 3"},
		/* a third member cut inside its header */
		{"\x1f\x8b\x08\x00\x00", 5, "truncated gzip stream (unexpected end of file)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *path = testutil_gzip(api_sample, 2);
		testutil_append(path, cases[i].tail, cases[i].n);
		char why[256], at[32], want[700];
		snprintf(at, sizeof at, "%zu", members);
		const char *mark = strstr(cases[i].why, "AT"), *word = at;
		if (!mark && (mark = strstr(cases[i].why, "INVALID")))
			word = strcmp(reader_inflater(), "zlib") ? "invalid block header"
								 : "invalid block type";
		if (mark)
			snprintf(why, sizeof why, "%.*s%s%s", (int)(mark - cases[i].why),
				 cases[i].why, word, mark + (word == at ? 2 : 7));
		else
			snprintf(why, sizeof why, "%s", cases[i].why);
		int status;
		testutil_stderr_begin();
		const char *text = dump_env(path, RUN_PRODUCTION, NULL, &status);
		const char *err = testutil_stderr_end();
		ck_assert_int_eq(status, -1);
		/* every row before the damage is read */
		ck_assert_str_eq(text, plain);
		snprintf(want, sizeof want, "almaudit: %s:6: %s\n", path, why);
		ck_assert_str_eq(err, want);
		const struct tally_file *f = &fx.tally.files[fx.tally.nfiles - 1];
		ck_assert_int_eq(f->incomplete, 1);
		ck_assert_int_eq(f->unread, 0);
		ck_assert_int_eq(f->error_line, 6);
		ck_assert_str_eq(f->error, why);
	}
	ck_assert_int_eq(fx.tally.incomplete, 1);
	free(plain);
}
END_TEST

START_TEST(other_formats_named_with_what_to_do)
{
	static const struct {
		const char *magic;
		size_t n;
		const char *why;
	} cases[] = {
		{"BZh91AY&SY\x01\x02", 12,
		 "a bzip2 file: decompress it first, e.g. bzip2 -dc FILE | almaudit audit -"},
		{"\xFD" "7zXZ\0\0\x04\xE6\xD6\xB4\x46", 12,
		 "an xz file: decompress it first, e.g. xz -dc FILE | almaudit audit -"},
		{"\x28\xB5\x2F\xFD\x24\x1F\x00", 7,
		 "a zstd file: decompress it first, e.g. zstd -dc FILE | almaudit audit -"},
		{"\x04\x22\x4D\x18\x64\x40\xA7", 7,
		 "an lz4 file: decompress it first, e.g. lz4 -dc FILE | almaudit audit -"},
		{"\x1F\x9D\x90\x69\x64", 5,
		 "a compress (.Z) file: decompress it first, e.g. gzip -dc FILE | almaudit audit -"},
		{"LZIP\x01\x0C", 6,
		 "an lzip file: decompress it first, e.g. lzip -dc FILE | almaudit audit -"},
		{"7z\xBC\xAF\x27\x1C\x00\x04", 8, "a 7z archive: extract it first, e.g. 7z x FILE"},
		{"PK\x03\x04\x14\x00\x06\x00", 8,
		 "a zip archive (an Excel workbook?): save it as CSV, or unzip it first"},
		{"PK\x05\x06\x00\x00", 6, "an empty zip archive: export the job history as CSV"},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00", 9,
		 "an Office document (an Excel 97-2003 workbook?): save it as CSV"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *path = testutil_bytes(cases[i].magic, cases[i].n, ".csv");
		char why[1024], want[1600];
		snprintf(why, sizeof why, "%s", with_path(cases[i].why, path));
		int status;
		testutil_stderr_begin();
		dump_env(path, RUN_PRODUCTION, NULL, &status);
		const char *err = testutil_stderr_end();
		ck_assert_int_eq(status, -1);
		snprintf(want, sizeof want, "almaudit: %s: %s\n", path, why);
		ck_assert_str_eq(err, want);
		/* listed as not read, with that reason */
		const struct tally_file *f = &fx.tally.files[fx.tally.nfiles - 1];
		ck_assert_int_eq(f->unread, 1);
		ck_assert_int_eq(f->error_line, 0);
		ck_assert_str_eq(f->error, why);
	}
	/* text that only starts like bzip2 is text */
	int status;
	testutil_stderr_begin();
	dump_env(testutil_plain("BZh9 id,name\n"), RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "missing required column") && !strstr(err, "bzip2"), "%s", err);
	/* a path with a space is quoted in the command to copy */
	char *dir = strdup(testutil_dir());
	char path[600];
	snprintf(path, sizeof path, "%s/my jobs.csv", dir);
	testutil_write(dir, "my jobs.csv", "\x28\xB5\x2F\xFD");
	testutil_stderr_begin();
	dump_env(path, RUN_PRODUCTION, NULL, &status);
	err = testutil_stderr_end();
	char want[1600];
	snprintf(want, sizeof want,
		 "almaudit: %s: a zstd file: decompress it first, e.g. zstd -dc '%s' | almaudit "
		 "audit -\n",
		 path, path);
	ck_assert_str_eq(err, want);
	free(dir);
}
END_TEST

START_TEST(empty_unreadable_and_header_only)
{
	int status;
	testutil_stderr_begin();
	const char *empty = testutil_plain("");
	dump_env(empty, RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	char want[600];
	ck_assert_int_eq(status, -1);
	snprintf(want, sizeof want,
		 "almaudit: %s: empty file: nothing in it (no CSV header row, no JSON page)\n", empty);
	ck_assert_str_eq(err, want);
	/* each input not read is kept with its error, for the report's text */
	const struct tally_file *f = &fx.tally.files[fx.tally.nfiles - 1];
	ck_assert_int_eq(f->unread, 1);
	ck_assert_int_eq(f->error_line, 0);
	ck_assert_str_eq(f->error,
			 "empty file: nothing in it (no CSV header row, no JSON page)");

	testutil_stderr_begin();
	dump_env("/nonexistent/jobs.csv.gz", RUN_PRODUCTION, NULL, &status);
	ck_assert_str_eq(testutil_stderr_end(),
			 "almaudit: /nonexistent/jobs.csv.gz: cannot open: No such file or "
			 "directory\n");
	ck_assert_int_eq(status, -1);
	f = &fx.tally.files[fx.tally.nfiles - 1];
	ck_assert_int_eq(f->unread, 1);
	ck_assert_str_eq(f->error, "cannot open: No such file or directory");

	testutil_stderr_begin();
	dump_env("/", RUN_PRODUCTION, NULL, &status);
	ck_assert_str_eq(testutil_stderr_end(), "almaudit: /:1: read error: Is a directory\n");
	ck_assert_int_eq(status, -1);
	f = &fx.tally.files[fx.tally.nfiles - 1];
	ck_assert_int_eq(f->unread, 1);
	ck_assert_int_eq(f->error_line, 1);
	ck_assert_str_eq(f->error, "read error: Is a directory");

	ck_assert_str_eq(dump(testutil_gzip("id,name,submitted_by,start_time\n", 1)), "");
	ck_assert_uint_eq(fx.tally.read, 0);
}
END_TEST

START_TEST(missing_required_columns_named)
{
	int status;
	const char *path = testutil_plain("job_id,name,submitted_by,start_time\nM1,A,u,x\n");
	testutil_stderr_begin();
	dump_env(path, RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	char want[600];
	snprintf(want, sizeof want,
		 "almaudit: %s:1: missing required column 'id' (accepted headers: id, "
		 "instance_id, Job Instance ID, Process ID; or name yours with --column "
		 "id=HEADER)\n",
		 path);
	ck_assert_str_eq(err, want);
	ck_assert_int_eq(status, -1);
	const struct tally_file *f = &fx.tally.files[fx.tally.nfiles - 1];
	ck_assert_int_eq(f->unread, 1);
	ck_assert_int_eq(f->error_line, 1);
	/* the message without "almaudit: PATH:1: " and the line end */
	size_t skip = strlen("almaudit: ") + strlen(path) + strlen(":1: ");
	ck_assert_uint_eq(strlen(f->error), strlen(want) - skip - 1);
	ck_assert_int_eq(strncmp(f->error, want + skip, strlen(f->error)), 0);

	path = testutil_plain("id,name,start_time\n1,A,x\n");
	testutil_stderr_begin();
	dump_env(path, RUN_PRODUCTION, NULL, &status);
	err = testutil_stderr_end();
	ck_assert_msg(strstr(err, ":1: missing required column 'submitted_by' or "
				  "'submitted_by_desc'"),
		      "%s", err);

	path = testutil_plain("\n\nid,name,submitted_by\n1,A,u\n");
	testutil_stderr_begin();
	dump_env(path, RUN_PRODUCTION, NULL, &status);
	err = testutil_stderr_end();
	ck_assert_msg(strstr(err, ":3: missing required column: one of start_time, submit_time, "
				  "end_time"),
		      "%s", err);
}
END_TEST

START_TEST(time_fallback_and_job_id_type)
{
	const char *text = dump(testutil_plain(
		"id,job_id,name,submitted_by,submit_time,start_time,end_time\n"
		"1,S99,A,System,2026-10-05T10:00:00Z,,\n"
		"2,M7,B,u,2026-10-05T10:00:00Z,2026-10-05T10:05:00Z,\n"
		"3,O7,C,u,,,2026-10-05T10:09:00Z\n"));
	ck_assert_str_eq(text,
			 "2|1|S99|A||SCHEDULED|System||2026-10-05T10:00:00Z|-|-||-1|-1||production\n"
			 "3|2|M7|B||MANUAL|u||2026-10-05T10:00:00Z|2026-10-05T10:05:00Z|-||-1|-1||"
			 "production\n"
			 "4|3|O7|C||OTHER|u||-|-|2026-10-05T10:09:00Z||-1|-1||production\n");
	/* the run's time: start, else submit, else end */
	struct run r;
	fx.in = fx.in ? fx.in : ingest_new(NULL, &fx.tally, NULL);
	ck_assert_int_eq(ingest_open(fx.in, testutil_plain("id,name,submitted_by,submit_time,"
							   "start_time\n"
							   "1,A,u,2026-10-05T10:00:00Z,\n"
							   "2,A,u,2026-10-05T10:00:00Z,"
							   "2026-10-05T11:00:00Z\n"),
				     RUN_SANDBOX),
			 0);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.time, r.submit_time);
	ck_assert_int_eq(r.env, RUN_SANDBOX);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.time, r.start_time);
	ck_assert_int_eq(ingest_next(fx.in, &r), 0);
	/* the type read from the job id is marked so (runs --explain says it) */
	ck_assert_int_eq(ingest_open(fx.in, testutil_plain("id,job_id,type,name,submitted_by,"
							   "start_time\n"
							   "1,S99,,A,u,2026-10-05T10:00:00Z\n"
							   "2,S99,SCHEDULED,A,u,2026-10-05T10:00:00Z\n"),
				     RUN_PRODUCTION),
			 0);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.type, RUN_SCHEDULED);
	ck_assert_int_eq(r.type_from_job_id, 1);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.type, RUN_SCHEDULED);
	ck_assert_int_eq(r.type_from_job_id, 0);
	ck_assert_int_eq(ingest_next(fx.in, &r), 0);
	/* and to the millisecond, from the same column */
	ck_assert_int_eq(ingest_open(fx.in, testutil_plain("id,name,submitted_by,submit_time,"
							   "start_time\n"
							   "1,A,u,2026-10-05T10:00:00.250Z,\n"
							   "2,A,u,2026-10-05T10:00:00Z,"
							   "2026-10-05T11:00:00.5Z\n"),
				     RUN_SANDBOX),
			 0);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.time_ms, r.submit_time * 1000 + 250);
	ck_assert_int_eq(ingest_next(fx.in, &r), 1);
	ck_assert_int_eq(r.time_ms, r.start_time * 1000 + 500);
	ck_assert_int_eq(ingest_next(fx.in, &r), 0);
}
END_TEST

/* Every cell the tool reads is trimmed of the white space around it,
 * quoted or not (spaces, tabs, line ends): "  Change Physical Items" is
 * Change Physical Items, as it is unquoted. */
START_TEST(quoted_cells_trimmed_like_plain_ones)
{
	const char *text = dump(testutil_plain(
		"id,job_id,name,category,type,submitted_by,submitted_by_desc,start_time,status,"
		"total_records,set_name,environment\n"
		"\" 7 \",\" M26714\t\",\"  Change Physical Items\",\" Physical Items \","
		"\" MANUAL \",\" 801 \",\"\tMoody, Honor \",\" 2026-10-05T10:00:00Z \","
		"\" COMPLETED_SUCCESS \",\" 12 \",\" HD weeding \r\n\",\" sandbox \"\n"
		"8,\tM26714 ,  Change Physical Items  ,Physical Items,MANUAL,801,\"Moody, Honor\","
		"2026-10-05T10:00:00Z,COMPLETED_SUCCESS,12,HD weeding,sandbox\n"));
	ck_assert_str_eq(text,
			 "2|7|M26714|Change Physical Items|Physical Items|MANUAL|801|Moody, Honor|-|"
			 "2026-10-05T10:00:00Z|-|COMPLETED_SUCCESS|-1|12|HD weeding|sandbox\n"
			 "4|8|M26714|Change Physical Items|Physical Items|MANUAL|801|Moody, Honor|-|"
			 "2026-10-05T10:00:00Z|-|COMPLETED_SUCCESS|-1|12|HD weeding|sandbox\n");
}
END_TEST

/* A record count may group its thousands with ',', '.', '\'', a space or a
 * thin space ("5,000", "2.400", "2'400", "1 234 567"), as spreadsheets
 * write them in their locales, or carry one or two decimal zeros
 * ("2,400.00"); anything else ("1,2,3", "1,0000", "1.5") is not a count:
 * the run is judged with no count (a cell named), never read as a number it
 * does not say, and never dropped. */
START_TEST(record_count_thousands_grouped)
{
	const char *text = dump(testutil_plain("id,name,submitted_by,start_time,total_records\n"
					       "1,A,u,2026-10-05T10:00:00Z,\"5,000\"\n"
					       "2,A,u,2026-10-05T10:00:00Z,\"1,234,567\"\n"
					       "3,A,u,2026-10-05T10:00:00Z,\"1,2,3\"\n"
					       "4,A,u,2026-10-05T10:00:00Z,\"50,00\"\n"
					       "5,A,u,2026-10-05T10:00:00Z,\"1,0000\"\n"
					       "6,A,u,2026-10-05T10:00:00Z,\"1234,567\"\n"
					       "7,A,u,2026-10-05T10:00:00Z,\",500\"\n"
					       "8,A,u,2026-10-05T10:00:00Z,999\n"
					       "9,A,u,2026-10-05T10:00:00Z,2.400\n"
					       "10,A,u,2026-10-05T10:00:00Z,2'400\n"
					       "11,A,u,2026-10-05T10:00:00Z,1 234 567\n"
					       "12,A,u,2026-10-05T10:00:00Z,2\xe2\x80\x89" "400\n"
					       "13,A,u,2026-10-05T10:00:00Z,12\xe2\x80\xaf" "400\n"
					       "14,A,u,2026-10-05T10:00:00Z,\"2,400.00\"\n"
					       "15,A,u,2026-10-05T10:00:00Z,\"2.400,00\"\n"
					       "16,A,u,2026-10-05T10:00:00Z,1.5\n"
					       "17,A,u,2026-10-05T10:00:00Z,\"2,400'000\"\n"
					       "18,A,u,2026-10-05T10:00:00Z,2400.0\n"));
	ck_assert_str_eq(text, "2|1||A|||u||-|2026-10-05T10:00:00Z|-||-1|5000||production\n"
			       "3|2||A|||u||-|2026-10-05T10:00:00Z|-||-1|1234567||production\n"
			       "4|3||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "5|4||A|||u||-|2026-10-05T10:00:00Z|-||-1|50||production\n"
			       "6|5||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "7|6||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "8|7||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "9|8||A|||u||-|2026-10-05T10:00:00Z|-||-1|999||production\n"
			       "10|9||A|||u||-|2026-10-05T10:00:00Z|-||-1|2400||production\n"
			       "11|10||A|||u||-|2026-10-05T10:00:00Z|-||-1|2400||production\n"
			       "12|11||A|||u||-|2026-10-05T10:00:00Z|-||-1|1234567||production\n"
			       "13|12||A|||u||-|2026-10-05T10:00:00Z|-||-1|2400||production\n"
			       "14|13||A|||u||-|2026-10-05T10:00:00Z|-||-1|12400||production\n"
			       "15|14||A|||u||-|2026-10-05T10:00:00Z|-||-1|2400||production\n"
			       "16|15||A|||u||-|2026-10-05T10:00:00Z|-||-1|2400||production\n"
			       "17|16||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "18|17||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "19|18||A|||u||-|2026-10-05T10:00:00Z|-||-1|2400||production\n");
	ck_assert_uint_eq(fx.tally.bad_cells[COL_RECORDS], 6);
	ck_assert_uint_eq(tally_rejected(&fx.tally), 0);
	ck_assert_int_eq(fx.tally.cells[0].line, 4);
	ck_assert_str_eq(fx.tally.cells[0].text,
			 "total_records '1,2,3' is not a count: the run is judged with no record count");
}
END_TEST

/* A 1,000-row export with a stray quote in row 5 (line 6), its quote never
 * closed: that row is rejected naming its line, every other row is read,
 * and the file is incomplete ("damaged", read past); plain and gzip alike. */
static char *stray_export(int rows, int stray_at)
{
	char *text = malloc((size_t)rows * 80 + 128);
	size_t n = (size_t)sprintf(text, "id,name,submitted_by,start_time,set_name\n");
	for (int i = 1; i <= rows; i++)
		n += (size_t)sprintf(text + n, "%d,%s,u,2026-10-05T10:00:00Z,HD\n", i,
				     i == stray_at ? "\"oops Withdraw items" : "Withdraw items");
	return text;
}

START_TEST(stray_quote_rejects_its_row_and_reads_the_rest)
{
	char *text = stray_export(1000, 5);
	const char *paths[] = {testutil_plain(text), testutil_gzip(text, 3)};
	free(text);
	for (int k = 0; k < 2; k++) {
		int status;
		testutil_stderr_begin();
		char *got = dump_env(paths[k], RUN_PRODUCTION, NULL, &status);
		const char *err = testutil_stderr_end();
		ck_assert_int_eq(status, -1); /* read to its end, but a row was lost */
		ck_assert_msg(strstr(got, "\n5|4|") && strstr(got, "\n7|6|") && !strstr(got, "|5|"),
			      "%.300s", got);
		ck_assert_ptr_nonnull(strstr(got, "1001|1000|"));
		ck_assert_msg(strstr(err, ":6: unterminated quote: a quoted field opened in this "
					  "row is still open after 100 lines; the row is rejected "
					  "and reading resumes at line 7\n"),
			      "%s", err);
		const struct tally_file *f = &fx.tally.files[k];
		ck_assert_int_eq(f->incomplete, 1);
		ck_assert_int_eq(f->resumed, 1);
		ck_assert_int_eq(f->unread, 0);
		ck_assert_int_eq(f->error_line, 6);
		ck_assert_uint_eq(f->rows, 1000);
	}
	ck_assert_uint_eq(fx.tally.read, 2000);
	ck_assert_uint_eq(fx.tally.rejected[REJ_UNTERMINATED], 2);
	ck_assert_uint_eq(tally_rejected(&fx.tally), 2);
	ck_assert_int_eq(fx.tally.rejects[0].line, 6);
	ck_assert_int_eq(fx.tally.incomplete, 1);
}
END_TEST

/* A quote still open at the end of the file (fewer lines than the bound),
 * one open on the last line with no line end, and one that would close
 * 150 lines on (past the bound): each a rejected row, the rest read. */
START_TEST(quote_open_at_end_or_past_the_bound)
{
	int status;
	testutil_stderr_begin();
	char *got = dump_env(testutil_plain("id,name,submitted_by,start_time\n"
					    "1,A,u,2026-10-05T10:00:00Z\n"
					    "2,\"B,u,2026-10-05T10:00:00Z\n"
					    "3,C,u,2026-10-05T10:00:00Z\n"
					    "4,D,u,2026-10-05T10:00:00Z\n"
					    "5,\"E"),
			     RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	ck_assert_int_eq(status, -1);
	ck_assert_str_eq(got, "2|1||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			      "4|3||C|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			      "5|4||D|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n");
	ck_assert_msg(strstr(err, ":3: unterminated quote: a quoted field opened in this row is "
				  "still open at the end of the file;") &&
			      strstr(err, ":6: unterminated quote"),
		      "%s", err);
	ck_assert_uint_eq(fx.tally.rejected[REJ_UNTERMINATED], 2);
	ck_assert_int_eq(fx.tally.files[0].error_line, 3); /* the first damage */

	/* a quote that closes only 150 lines on: past the bound */
	char *text = stray_export(300, 2);
	char *close = strstr(text, "\n152,Withdraw items");
	memcpy(close + 5, "\"With", 5); /* 152,"Withdraw items: closes the quote of row 2 */
	testutil_stderr_begin();
	got = dump_env(testutil_plain(text), RUN_PRODUCTION, NULL, &status);
	err = testutil_stderr_end();
	free(text);
	ck_assert_int_eq(status, -1);
	ck_assert_msg(strstr(err, ":3: unterminated quote: a quoted field opened in this row is "
				  "still open after 100 lines;"),
		      "%s", err);
	/* rows 1, 3..151 and 153.. read; 2 and 152 (its quote open to the end) not */
	ck_assert_uint_eq(fx.tally.files[1].rows, 300);
	ck_assert_uint_eq(fx.tally.rejected[REJ_UNTERMINATED], 4);
	ck_assert_ptr_nonnull(strstr(got, "\n152|151|"));
	ck_assert_ptr_nonnull(strstr(got, "\n154|153|"));
}
END_TEST

/* Quoted line breaks as real exports have them still read, up to the
 * bound: a set name over 100 lines is one field. */
START_TEST(quoted_line_breaks_up_to_the_bound)
{
	char *text = malloc(4096);
	size_t n = (size_t)sprintf(text, "id,name,submitted_by,start_time,set_name\n"
					 "1,A,u,2026-10-05T10:00:00Z,\"one");
	for (int i = 2; i <= CSVRD_QUOTED_LINES_MAX; i++)
		n += (size_t)sprintf(text + n, "\n%d", i);
	sprintf(text + n, "\"\r\n2,B,u,2026-10-05T10:00:00Z,\"x\ny\"\n");
	const char *path = testutil_plain(text);
	free(text);
	testutil_stderr_begin();
	const char *got = dump(path);
	ck_assert_str_eq(testutil_stderr_end(), "");
	ck_assert_ptr_nonnull(strstr(got, "|one\n2\n3\n"));
	ck_assert_ptr_nonnull(strstr(got, "\n98\n99\n100|production\n"
					  "102|2||B|||u||-|2026-10-05T10:00:00Z|-||-1|-1|x\ny|"
					  "production\n"));
	ck_assert_uint_eq(tally_rejected(&fx.tally), 0);
	ck_assert_int_eq(fx.tally.incomplete, 0);
}
END_TEST

/* A file cut mid-field, with no line end after its last row: the row is
 * read, and a warning names the file and line; plain and gzip. */
START_TEST(last_line_without_line_end_warns)
{
	const char *text = "id,name,submitted_by,start_time,total_records\n"
			   "1,A,u,2026-10-05T10:00:00Z,40112\n"
			   "2,B,u,2026-10-05T10:00:00Z,40";
	const char *paths[] = {testutil_plain(text), testutil_gzip(text, 1)};
	for (int k = 0; k < 2; k++) {
		testutil_stderr_begin();
		const char *got = dump(paths[k]);
		const char *err = testutil_stderr_end();
		ck_assert_ptr_nonnull(strstr(got, "3|2||B|||u||-|2026-10-05T10:00:00Z|-||-1|40|"));
		ck_assert_ptr_nonnull(strstr(err, ":3: warning: the last line has no line end: "
						  "the file may be cut short\n"));
		ck_assert_int_eq(fx.tally.files[k].no_line_end, 3);
		ck_assert_int_eq(fx.tally.files[k].incomplete, 0);
	}
	/* a final line end, or blank space after it: no warning */
	testutil_stderr_begin();
	dump(testutil_plain("id,name,submitted_by,start_time\n1,A,u,2026-10-05T10:00:00Z\r\n  "));
	ck_assert_str_eq(testutil_stderr_end(), "");
	ck_assert_int_eq(fx.tally.files[2].no_line_end, 0);
}
END_TEST

/* Excel's exports: semicolon-separated, and "Unicode text" (UTF-16 with a
 * byte order mark, tab-separated, CRLF) read as the comma original does;
 * the file says what was detected. */
static char *swap(const char *text, char from, char to)
{
	char *s = strdup(text);
	for (char *p = s; *p; p++)
		if (*p == from)
			*p = to;
	return s;
}

START_TEST(semicolon_tab_and_utf16_exports)
{
	static const char comma[] =
		"id,name,submitted_by,submitted_by_desc,start_time,set_name\n"
		"1,Withdraw items,801,Moody Honor,2026-10-05T10:00:00Z,Weed \"\"A\"\"\n"
		"2,\"Change, Physical\",801,\"Lee\nTe-Yi\",2026-10-05T11:00:00Z, \xc3\xa9t\xc3\xa9 \n"
		"3,X,u,,2026-10-05T12:00:00Z,\n";
	char *plain = strdup(dump(testutil_plain(comma)));
	ck_assert_int_eq(fx.tally.files[0].delim, ',');
	ck_assert_ptr_null(fx.tally.files[0].encoding);

	/* quoted cells keep the other delimiters as text */
	char *semi = swap(comma, ',', ';');
	char *p = strstr(semi, "Change; Physical");
	p[6] = ',';
	ck_assert_str_eq(dump(testutil_plain(semi)), plain);
	ck_assert_int_eq(fx.tally.files[1].delim, ';');
	ck_assert_str_eq(dump(testutil_gzip(semi, 2)), plain);
	ck_assert_int_eq(fx.tally.files[2].delim, ';');
	ck_assert_int_eq(fx.tally.files[2].gzip, 1);

	char *tab = swap(comma, ',', '\t');
	p = strstr(tab, "Change\t Physical");
	p[6] = ',';
	ck_assert_str_eq(dump(testutil_plain(tab)), plain);
	ck_assert_int_eq(fx.tally.files[3].delim, '\t');

	size_t len;
	char *u16 = testutil_utf16(tab, 0, &len);
	ck_assert_str_eq(dump(testutil_bytes(u16, len, ".bin")), plain);
	ck_assert_str_eq(fx.tally.files[4].encoding, "UTF-16LE");
	ck_assert_int_eq(fx.tally.files[4].delim, '\t');
	free(u16);
	u16 = testutil_utf16(semi, 1, &len);
	ck_assert_str_eq(dump(testutil_bytes(u16, len, ".bin")), plain);
	ck_assert_str_eq(fx.tally.files[5].encoding, "UTF-16BE");
	free(u16);

	/* a long UTF-16 file: characters (a surrogate pair too) cut by chunk ends */
	char *big = malloc(6u << 20);
	size_t n = (size_t)sprintf(big, "id\tname\tsubmitted_by\tstart_time\r\n");
	for (int i = 1; i <= 8000; i++)
		n += (size_t)sprintf(big + n, "%d\t\xe4\xb8\x80 \xf0\x9f\x98\x80 %d\tu\t2026-10-05T10:00:00Z\r\n",
				     i, i);
	u16 = testutil_utf16(big, 0, &len);
	const char *u16path = testutil_bytes(u16, len, ".bin");
	const char *got = dump(u16path);
	ck_assert_ptr_nonnull(strstr(got, "\n8001|8000||\xe4\xb8\x80 \xf0\x9f\x98\x80 8000|"));
	ck_assert_uint_eq(fx.tally.files[6].rows, 8000);
	ck_assert_uint_eq(tally_rejected(&fx.tally), 0);
	free(u16);
	free(big);
	free(plain);
	free(semi);
	free(tab);
}
END_TEST

/* UTF-16 text that is broken, or ends inside a character: an error at the
 * line, the file incomplete. */
START_TEST(broken_utf16_is_an_error)
{
	size_t len;
	char *u16 = testutil_utf16("id\tname\tsubmitted_by\tstart_time\r\n1\tA\tu\t2026-10-05\r\n", 0,
				   &len);
	int status;
	testutil_stderr_begin();
	dump_env(testutil_bytes(u16, len - 1, ".bin"), RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	ck_assert_int_eq(status, -1);
	ck_assert_msg(strstr(err, ":3: the UTF-16LE text ends inside a character\n"), "%s", err);
	memcpy(u16 + len - 4, "\x00\xDC", 2); /* a lone low surrogate */
	testutil_stderr_begin();
	dump_env(testutil_bytes(u16, len, ".bin"), RUN_PRODUCTION, NULL, &status);
	err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "invalid UTF-16LE text"), "%s", err);
	ck_assert_int_eq(fx.tally.files[1].incomplete, 1);
	free(u16);
}
END_TEST

/* The fast path of csvrd splits the lines libcsv would split the same way:
 * random text from an alphabet rich in quotes, commas, spaces and line ends
 * gives the same rows, fields, lines and flags with the fast path on and off,
 * stray quotes read past included, with each delimiter. */
static uint64_t rng_state = 42;
static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)(rng_state >> 33) % n;
}

static int abc(const char *cell, size_t len, void *ctx)
{
	(void)ctx;
	return len == 1 && (cell[0] == 'a' || cell[0] == 'b' || cell[0] == 'c');
}

START_TEST(fast_path_agrees_with_libcsv)
{
	static const char *const pieces[] = {
		"a",   "bc", " ",  "\t", ",",  "\"",  "\"\"", "\n", "\r\n", "\r",
		"\"x, y\"", "\"q\"\"q\"", " \"z\" ", "\xc3\xa9", "Lee, Te-Yi", "=1", ",,", "\"\n\"",
		"\xEF\xBB\xBF", "\v", "\f", "0123456789abcdefghij",
	};
	size_t npieces = sizeof pieces / sizeof pieces[0];
	int damaged = 0;
	for (int round = 0; round < 40; round++) {
		char *text = malloc(200000);
		size_t used = 0;
		for (int i = 0; i < 4000 && used < 190000; i++) {
			/* mostly well-formed rows, some noise */
			if (rnd(4)) {
				int fields = 1 + (int)rnd(6);
				for (int f = 0; f < fields; f++) {
					/* long cells put delimiters and quotes across the
					 * fast path's 16-byte blocks */
					const char *cell[] = {"plain", " padded ", "\"quoted, comma\"",
							      "\"with \"\"inner\"\" quotes\"", "",
							      "  \"spaced\"  ", "\"multi\nline\"", "tab\tin",
							      "a plain cell longer than sixteen bytes",
							      "\"a quoted cell, longer than sixteen, bytes\"",
							      " \v\"\f quoted, blank inside \v\"\t ",
							      "\xEF\xBB\xBF bom"};
					used += (size_t)sprintf(text + used, "%s%s", f ? "," : "",
								cell[rnd(12)]);
				}
				used += (size_t)sprintf(text + used, "%s", rnd(5) ? "\n" : "\r\n");
			} else {
				int k = 1 + (int)rnd(8);
				while (k--)
					used += (size_t)sprintf(text + used, "%s", pieces[rnd((unsigned)npieces)]);
			}
		}
		/* a third of the rounds semicolon-, a third tab-separated */
		char delim = ",;\t"[round % 3];
		memmove(text + 6, text, used + 1);
		memcpy(text, "a,b,c\n", 6);
		for (char *p = text; *p; p++)
			if (*p == ',')
				*p = delim;
		const char *path = testutil_plain(text);
		free(text);
		struct csvrd *fast = csvrd_open(path, path), *slow = csvrd_open(path, path);
		csvrd_set_fast(slow, 0);
		csvrd_detect(fast, abc, NULL, 0);
		csvrd_detect(slow, abc, NULL, 0);
		struct csvrow a, b;
		int ga, gb, rows = 0;
		do {
			ga = csvrd_next(fast, &a);
			gb = csvrd_next(slow, &b);
			ck_assert_int_eq(ga, gb);
			if (ga <= 0)
				break;
			rows++;
			ck_assert_msg(a.line == b.line, "round %d row %d: line %ld vs %ld", round, rows,
				      a.line, b.line);
			ck_assert_msg(a.n == b.n, "round %d line %ld: %zu fields vs %zu", round, a.line,
				      a.n, b.n);
			ck_assert_int_eq(a.flags, b.flags);
			ck_assert_str_eq(a.damage, b.damage);
			damaged += (a.flags & CSVROW_UNTERMINATED) != 0;
			for (size_t i = 0; i < a.n; i++) {
				ck_assert_uint_eq(a.len[i], b.len[i]);
				ck_assert_msg(memcmp(a.field[i], b.field[i], a.len[i]) == 0,
					      "round %d line %ld field %zu: '%s' vs '%s'", round, a.line, i,
					      a.field[i], b.field[i]);
			}
		} while (1);
		ck_assert_int_gt(rows, 100);
		ck_assert_int_eq(csvrd_delim(fast), delim);
		ck_assert_int_eq(csvrd_delim(slow), delim);
		csvrd_close(fast);
		csvrd_close(slow);
	}
	ck_assert_int_gt(damaged, 0); /* stray quotes were read past */
}
END_TEST


/* A name where the Alma id belongs is read as the name: alone (no name
 * column, or an empty cell), or swapped with the id the name column holds;
 * "System" and ids are left as they are. */
START_TEST(names_in_submitted_by)
{
	const char *text = dump(testutil_plain(
		"id,name,submitted_by,submitted_by_desc,start_time\n"
		"1,A,\"Fischer, Ben\",,2026-10-05T10:00:00Z\n"
		"2,A,Ben Fischer,bfischer,2026-10-05T10:00:00Z\n"
		"3,A,bfischer,\"Fischer, Ben\",2026-10-05T10:00:00Z\n"
		"4,A,System,System,2026-10-05T10:00:00Z\n"
		"5,A,\"Fischer, Ben\",\"Fischer, Ben\",2026-10-05T10:00:00Z\n"));
	ck_assert_str_eq(text, "2|1||A||||Fischer, Ben|-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "3|2||A|||bfischer|Ben Fischer|-|2026-10-05T10:00:00Z|-||-1|-1||"
			       "production\n"
			       "4|3||A|||bfischer|Fischer, Ben|-|2026-10-05T10:00:00Z|-||-1|-1||"
			       "production\n"
			       "5|4||A|||System|System|-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "6|5||A|||Fischer, Ben|Fischer, Ben|-|2026-10-05T10:00:00Z|-||-1|-1||"
			       "production\n");
	ck_assert_uint_eq(fx.tally.files[0].names_in_user, 2);
	ck_assert_int_eq(fx.tally.files[0].user_name_col, 1);
	/* a type label not known is no system run, whatever the job id says;
	 * "Scheduled job", "Manual Job" are the types they name */
	text = dump(testutil_plain("id,job_id,type,name,submitted_by,start_time\n"
				   "1,S99,Batch,A,u,2026-10-05T10:00:00Z\n"
				   "2,S99,,A,u,2026-10-05T10:00:00Z\n"
				   "3,M99,Scheduled job,A,u,2026-10-05T10:00:00Z\n"
				   "4,S99,Manual Job,A,u,2026-10-05T10:00:00Z\n"));
	ck_assert_str_eq(text, "2|1|S99|A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "3|2|S99|A||SCHEDULED|u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "4|3|M99|A||SCHEDULED|u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "5|4|S99|A||MANUAL|u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n");
	ck_assert_uint_eq(fx.tally.bad_cells[COL_TYPE], 1);
}
END_TEST

/* Slash dates: month first unless a date proves day first; the rows before
 * that date are held and read with the reading it proved; a later date
 * against the reading rejects its row; each production file's span is its
 * first and last run. */
START_TEST(slash_dates_read_per_file)
{
	testutil_stderr_begin();
	const char *text = dump(testutil_plain("id,name,submitted_by,start_time\n"
					       "1,A,u,05/10/2026 09:00\n"
					       "2,A,u,2026-10-07T10:00:00Z\n"
					       "3,A,u,06/10/2026 9:00 PM\n"
					       "4,A,u,25/10/2026 10:00\n"
					       "5,A,u,10/26/2026 10:00\n"
					       "6,A,u,12/10/2026 10:00\n"));
	ck_assert_str_eq(text, "2|1||A|||u||-|2026-10-05T13:00:00Z|-||-1|-1||production\n"
			       "3|2||A|||u||-|2026-10-07T10:00:00Z|-||-1|-1||production\n"
			       "4|3||A|||u||-|2026-10-07T01:00:00Z|-||-1|-1||production\n"
			       "5|4||A|||u||-|2026-10-25T14:00:00Z|-||-1|-1||production\n"
			       "7|6||A|||u||-|2026-10-12T14:00:00Z|-||-1|-1||production\n");
	testutil_stderr_end();
	const struct tally_file *f = &fx.tally.files[0];
	ck_assert_int_eq(f->slash, 2);
	ck_assert_int_eq(f->slash_line, 5);
	ck_assert_str_eq(f->slash_date, "25/10/2026");
	ck_assert_int_eq(f->date_conflict, 6);
	ck_assert_uint_eq(fx.tally.rejected[REJ_DATE_ORDER], 1);
	char a[32], b[32];
	times_format_utc(f->first, a, sizeof a);
	times_format_utc(f->last, b, sizeof b);
	ck_assert_str_eq(a, "2026-10-05T13:00:00Z");
	ck_assert_str_eq(b, "2026-10-25T14:00:00Z");
	/* month first: proved, or by default when no date says */
	dump(testutil_plain("id,name,submitted_by,start_time\n1,A,u,10/05/2026 09:00\n"
			    "2,A,u,10/25/2026 09:00\n"));
	ck_assert_int_eq(fx.tally.files[1].slash, 1);
	ck_assert_int_eq(fx.tally.files[1].slash_line, 3);
	dump(testutil_plain("id,name,submitted_by,start_time\n1,A,u,10/05/2026 09:00\n"));
	ck_assert_int_eq(fx.tally.files[2].slash, 1);
	ck_assert_int_eq(fx.tally.files[2].slash_line, 0);
	dump(testutil_plain("id,name,submitted_by,start_time\n1,A,u,2026-10-05 09:00\n"));
	ck_assert_int_eq(fx.tally.files[3].slash, 0);
}
END_TEST

/* Past the look-ahead (10,000 rows) with no date that says, the file is
 * read month first; a day-first date after that is an error at its line. */
START_TEST(slash_dates_past_the_lookahead)
{
	size_t rows = 10050, n = 0;
	char *text = malloc(rows * 48 + 64);
	n += (size_t)sprintf(text, "id,name,submitted_by,start_time\n");
	for (size_t i = 1; i <= rows; i++)
		n += (size_t)sprintf(text + n, "%zu,A,u,%s 09:00\n", i,
				     i == rows ? "25/10/2026" : "10/05/2026");
	int status;
	fx.in = ingest_new(&fx.cols, &fx.tally, NULL);
	ck_assert_int_eq(ingest_open(fx.in, testutil_plain(text), RUN_PRODUCTION), 0);
	struct run r;
	size_t got = 0;
	testutil_stderr_begin();
	while ((status = ingest_next(fx.in, &r)) > 0)
		got++;
	const char *err = testutil_stderr_end();
	ck_assert_int_eq(status, 0);
	ck_assert_uint_eq(got, rows - 1);
	ck_assert_int_eq(fx.tally.files[0].slash, 1);
	ck_assert_int_eq(fx.tally.files[0].slash_line, 0);
	ck_assert_int_eq(fx.tally.files[0].date_conflict, (long)rows + 1);
	ck_assert_msg(strstr(err, ":10051: start_time '25/10/2026' is day first, but the file's dates "
				  "were read month first (no date in its first 10000 rows said which)"),
		      "%s", err);
	free(text);
}
END_TEST

/* The cell readers alone: ids at every length around eight and nineteen
 * digits, a time against the file's reading, statuses, job-id types, API
 * progress numbers. */
START_TEST(cells_read_alone)
{
	uint64_t v = 7;
	ck_assert_int_eq(cells_in_id(" 12345678 ", 10, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 12345678u);
	ck_assert_int_eq(cells_in_id("1234567890123456789", 19, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 1234567890123456789u);
	ck_assert_int_eq(cells_in_id("18446744073709551615", 20, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, UINT64_MAX);
	v = 7;
	ck_assert_int_eq(cells_in_id("18446744073709551616", 20, UINT64_MAX, &v), -1);
	ck_assert_int_eq(cells_in_id("1234567/9", 9, UINT64_MAX, &v), -1);
	ck_assert_int_eq(cells_in_id("12:45678", 8, UINT64_MAX, &v), -1);
	ck_assert_int_eq(cells_in_id("", 0, UINT64_MAX, &v), -1);
	ck_assert_int_eq(cells_in_id("101", 3, 100, &v), -1);
	ck_assert_uint_eq(v, 7u);

	int64_t secs, ms;
	ck_assert_int_eq(cells_in_time("  ", 2, 0, &secs, &ms), 0);
	ck_assert(secs == TIME_NONE && ms == TIME_NONE);
	ck_assert_int_eq(cells_in_time("2026-10-05T09:11:32.592Z", 24, 0, &secs, &ms), 0);
	ck_assert_int_eq(ms, 1791191492592);
	ck_assert_int_eq(secs, 1791191492);
	ck_assert_int_eq(cells_in_time("25/10/2026 10:00", 16, 1, &secs, &ms), -2);
	ck_assert_int_eq(cells_in_time("25/10/2026 10:00", 16, 2, &secs, &ms), 0);
	ck_assert_int_eq(cells_in_time("10/25/2026 10:00", 16, 2, &secs, &ms), -2);
	ck_assert_int_eq(cells_in_time("yesterday", 9, 0, &secs, &ms), -1);

	ck_assert_int_eq(cells_in_bad_status("#N/A", 4), 1);
	ck_assert_int_eq(cells_in_bad_status("=A2", 3), 1);
	ck_assert_int_eq(cells_in_bad_status("42", 2), 1);
	ck_assert_int_eq(cells_in_bad_status("", 0), 0);
	ck_assert_int_eq(cells_in_bad_status("COMPLETED_SUCCESS", 17), 0);

	ck_assert_int_eq(cells_in_type_of_job_id("M26720"), RUN_MANUAL);
	ck_assert_int_eq(cells_in_type_of_job_id("S375"), RUN_SCHEDULED);
	ck_assert_int_eq(cells_in_type_of_job_id("O1"), RUN_OTHER);
	ck_assert_int_eq(cells_in_type_of_job_id("MX"), RUN_TYPE_UNKNOWN);
	ck_assert_int_eq(cells_in_type_of_job_id("X1"), RUN_TYPE_UNKNOWN);
	ck_assert_int_eq(cells_in_type_of_job_id(""), RUN_TYPE_UNKNOWN);

	char pc[24];
	static const char *const percents[][2] = {
		{"100", "100"}, {"0", "0"}, {"37", "37"}, {"37.5", "37"}, {"007", "7"},
		{"99.99", "99"}, {"1e2", "100"}, {"100.0", "100"},
	};
	for (size_t i = 0; i < sizeof percents / sizeof percents[0]; i++) {
		ck_assert_int_eq(cells_in_percent(percents[i][0], strlen(percents[i][0]), pc, sizeof pc), 0);
		ck_assert_str_eq(pc, percents[i][1]);
	}
	ck_assert_int_eq(cells_in_percent("101", 3, pc, sizeof pc), -1);
	ck_assert_int_eq(cells_in_percent("-1", 2, pc, sizeof pc), -1);
	ck_assert_int_eq(cells_in_percent("1x", 2, pc, sizeof pc), -1);
	ck_assert_int_eq(cells_in_percent("", 0, pc, sizeof pc), -1);

	char date[24];
	cells_in_date_text(date, sizeof date, " 25/10/2026 10:00", 17);
	ck_assert_str_eq(date, "25/10/2026");
	cells_in_date_text(date, sizeof date, "2026-10-05T09:11Z", 17);
	ck_assert_str_eq(date, "2026-10-05");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ingest");
	TCase *tc = tcase_create("ingest");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, api_layout_typed);
	tcase_add_test(tc, cells_read_alone);
	tcase_add_test(tc, ids_read_digit_by_digit_or_eight_at_once);
	tcase_add_test(tc, display_layout_us_times_labels);
	tcase_add_test(tc, header_aliases);
	tcase_add_test(tc, column_option_maps_other_headers);
	tcase_add_test(tc, column_option_header_missing);
	tcase_add_test(tc, header_told_from_data);
	tcase_add_test(tc, bom_crlf_and_lone_cr);
	tcase_add_test(tc, line_numbers_after_quoted_newlines);
	tcase_add_test(tc, repeated_header_skipped_and_counted);
	tcase_add_test(tc, rejects_counted_by_reason_and_written);
	tcase_add_test(tc, oversized_field_rejected_stream_goes_on);
	tcase_add_test(tc, gzip_plain_members_and_stdin_read_the_same);
	tcase_add_test(tc, whole_file_twice_as_two_members);
	tcase_add_test(tc, truncated_gzip_is_an_error_naming_file_and_line);
	tcase_add_test(tc, corrupt_gzip_is_an_error);
	tcase_add_test(tc, data_after_the_gzip_members_is_damage);
	tcase_add_test(tc, other_formats_named_with_what_to_do);
	tcase_add_test(tc, empty_unreadable_and_header_only);
	tcase_add_test(tc, missing_required_columns_named);
	tcase_add_test(tc, time_fallback_and_job_id_type);
	tcase_add_test(tc, fast_path_agrees_with_libcsv);
	tcase_add_test(tc, names_in_submitted_by);
	tcase_add_test(tc, slash_dates_read_per_file);
	tcase_add_test(tc, slash_dates_past_the_lookahead);
	tcase_add_test(tc, quoted_cells_trimmed_like_plain_ones);
	tcase_add_test(tc, record_count_thousands_grouped);
	tcase_add_test(tc, stray_quote_rejects_its_row_and_reads_the_rest);
	tcase_add_test(tc, quote_open_at_end_or_past_the_bound);
	tcase_add_test(tc, quoted_line_breaks_up_to_the_bound);
	tcase_add_test(tc, last_line_without_line_end_warns);
	tcase_add_test(tc, semicolon_tab_and_utf16_exports);
	tcase_add_test(tc, broken_utf16_is_an_error);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
