/* Unit tests of analyzer/ingest.c and analyzer/header.c: the API and display layouts, ids,
 * header aliases and --column, headers told from data and repeated, BOM and line ends, line
 * numbers, rows rejected by reason (written to --rejects) and cells named, empty and header-only
 * files, missing required columns, trimmed cells, record counts, names in submitted_by.
 * Gzip, other formats, delimiters and UTF-16 are check_encodings.c's; dates and times
 * check_dates.c's. */
#include "cells_in.h"
#include "columns.h"
#include "csvrd.h"
#include "header.h"
#include "ingest.h"
#include "ingest_fixture.h"
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

START_TEST(api_layout_typed)
{
	const char *text = fixture_dump(testutil_plain(fixture_api_sample));
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

START_TEST(header_aliases)
{
	/* every alias of spec section 1, in odd case, spacing and underscores */
	const char *text = fixture_dump(testutil_plain(
		"PROCESS_ID,job id,Instance Name,JOB_CATEGORY,jobtype,Operator,User_Name,"
		"submitdate,START TIME,end_time,status,Progress,Records,Set\n"
		"7,M1,N,C,MANUAL,op,\"L, F\",2026-10-05 10:00,2026-10-05 10:01,,COMPLETED_SUCCESS,"
		"100,5,S\n"));
	ck_assert_str_eq(text, "2|7|M1|N|C|MANUAL|op|L, F|2026-10-05T14:00:00Z|"
			       "2026-10-05T14:01:00Z|-|COMPLETED_SUCCESS|100|5|S|production\n");
	text = fixture_dump(testutil_plain("instance_id,Job Name,Creator,Submitted By Name,Submit Date,"
				   "Set,Total Records,Set Name\n"
				   "8,N,cr,\"L, F\",2026-10-05 10:00,2187,5,S\n"));
	/* "Set" beside "Set Name" is a set's id: the name is read; no type,
	 * no job id (two names for another column are an error: e2e
	 * spreadsheet_padding) */
	ck_assert_str_eq(text, "2|8||N|||cr|L, F|2026-10-05T14:00:00Z|-|-||-1|5|S|production\n");
}
END_TEST

START_TEST(column_option_maps_other_headers)
{
	ck_assert_int_eq(columns_map(&fx.cols, "id=Ref No"), 0);
	ck_assert_int_eq(columns_map(&fx.cols, "submitted_by_desc=Staff Member"), 0);
	ck_assert_int_eq(columns_map(&fx.cols, "start_time=Began"), 0);
	ck_assert_int_eq(columns_map(&fx.cols, "name=Name Of Job"), 0);
	const char *text = fixture_dump(testutil_plain("ref_no,name of job,Staff Member,Began,id\n"
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
	fixture_dump_env(path, RUN_PRODUCTION, NULL, &status);
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
	fixture_dump_env(path, RUN_PRODUCTION, NULL, &status);
	err = testutil_stderr_end();
	ck_assert_msg(strstr(err, ":1: --column set_name=Collection: the file has no header "
				  "'Collection'\n"),
		      "%s", err);
	ck_assert_int_eq(status, -1);
}
END_TEST

/* A row of cells for the header functions. */
static struct csvrow row_of(const char *const *cells, size_t n, size_t *len)
{
	for (size_t i = 0; i < n; i++)
		len[i] = strlen(cells[i]);
	return (struct csvrow){1, n, cells, len, 0, "", 0};
}

/* header.c: a row read as the header that is damaged says why at its line
 * (a quote still open, more fields than are read, a row too long); a
 * sound one, or one cut short (csvrd said so), says nothing here. */
START_TEST(header_row_damage_said)
{
	static const char *const cells[] = {"id", "name"};
	size_t len[2];
	struct csvrow r = row_of(cells, 2, len);
	testutil_stderr_begin();
	ck_assert_int_eq(header_row_damaged(&r, 2, "t.csv"), 0);
	r.flags = CSVROW_TRUNCATED;
	ck_assert_int_eq(header_row_damaged(&r, 2, "t.csv"), 0);
	ck_assert_str_eq(testutil_stderr_end(), "");
	r.line = 3;
	r.flags = CSVROW_UNTERMINATED;
	r.damage = "at the end of the file";
	testutil_stderr_begin();
	ck_assert_int_eq(header_row_damaged(&r, 2, "t.csv"), -1);
	ck_assert_str_eq(testutil_stderr_end(),
			 "almaudit: t.csv:3: unterminated quote: a quoted field opened in the header "
			 "row is still open at the end of the file\n");
	r.flags = CSVROW_TOO_LARGE;
	testutil_stderr_begin();
	ck_assert_int_eq(header_row_damaged(&r, 1104, "t.csv"), -1);
	ck_assert_ptr_nonnull(
		strstr(testutil_stderr_end(), "t.csv:3: the header has 1104 columns, more than the"));
	testutil_stderr_begin();
	ck_assert_int_eq(header_row_damaged(&r, 2, "t.csv"), -1);
	ck_assert_ptr_nonnull(strstr(testutil_stderr_end(), "t.csv:3: the header row is longer than"));
}
END_TEST

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

/* header.c: a title line above the header (no cell names a column) is
 * told from a header (two cells, half of those not empty, name columns)
 * and from a line that could be data under the header (a number in its id
 * column); its text is its cells, trimmed, the empty ones at its end left
 * out, cut short at a character's start. */
START_TEST(title_lines_told_from_headers_and_data)
{
	static const char *const title[] = {"Monitor Jobs - exported 2026-11-01", "", ""};
	static const char *const several[] = {" Institution: ", "Harvard", "", "Z\xc3\xbcrich", ""};
	static const char *const hdr[] = {"Name", "id", "submitted_by", "start_time", "Start Date"};
	static const char *const half[] = {"job_id", "name", "x", "y", "z"};
	static const char *const data[] = {"Withdraw", "6100", "801", "2026-10-14 09:03", ""};
	static const char *const empty[] = {"", ""};
	size_t l1[3], l2[5], l3[5], l4[5], l5[5], l6[2];
	struct csvrow r1 = row_of(title, 3, l1), r2 = row_of(several, 5, l2),
		      r3 = row_of(hdr, 5, l3), r4 = row_of(half, 5, l4), r5 = row_of(data, 5, l5),
		      r6 = row_of(empty, 2, l6);
	ck_assert_int_eq(header_title(NULL, &r1), 1);
	ck_assert_int_eq(header_title(NULL, &r2), 1);
	ck_assert_int_eq(header_title(NULL, &r3), 0);
	ck_assert_int_eq(header_title(NULL, &r4), 0); /* names columns: a header lacking one */
	ck_assert_int_eq(header_title(NULL, &r5), 1); /* no cell names a column: as a title */
	ck_assert_int_eq(header_title(NULL, &r6), 0); /* nothing in it */
	ck_assert_int_eq(header_like(NULL, &r3), 1);
	ck_assert_int_eq(header_like(NULL, &r4), 0); /* two of five */
	ck_assert_int_eq(header_like(NULL, &r1), 0);
	/* --column makes a title's cell a column name */
	struct columns cols = {0};
	ck_assert_int_eq(columns_map(&cols, "set_name=Institution:"), 0);
	ck_assert_int_eq(header_title(&cols, &r2), 0);
	columns_free(&cols);
	struct header h = {0}, t1 = {0}, t2 = {0}, t5 = {0};
	ck_assert_int_eq(header_take(&h, NULL, &r3, "t.csv"), 0);
	ck_assert_int_eq(header_take(&t1, NULL, &r1, "t.csv"), 0);
	ck_assert_int_eq(header_take(&t2, NULL, &r2, "t.csv"), 0);
	ck_assert_int_eq(header_take(&t5, NULL, &r5, "t.csv"), 0);
	ck_assert_int_eq(header_title_data(&t1, &h), 0);
	ck_assert_int_eq(header_title_data(&t2, &h), 0);
	ck_assert_int_eq(header_title_data(&t5, &h), 1); /* 6100 under id */
	char text[96];
	header_title_text(&t1, ',', text, sizeof text);
	ck_assert_str_eq(text, "Monitor Jobs - exported 2026-11-01");
	header_title_text(&t2, ';', text, sizeof text);
	ck_assert_str_eq(text, "Institution:;Harvard;;Z\xc3\xbcrich");
	header_title_text(&t2, ';', text, 20);
	ck_assert_str_eq(text, "Institution:;Har...");
	header_title_text(&t2, ';', text, 28); /* never inside the two bytes of \xc3\xbc */
	ck_assert_str_eq(text, "Institution:;Harvard;;Z...");
	header_free(&h);
	header_free(&t1);
	header_free(&t2);
	header_free(&t5);

	/* read: a semicolon export under two titles, its delimiter found */
	const char *path = testutil_plain("Monitor Jobs;exported 2026-11-01;;\n"
					  "\n"
					  "Harvard\n"
					  "id;name;submitted_by;start_time\n"
					  "7;A;u;2026-10-05T10:00:00Z\n");
	testutil_stderr_begin();
	const char *got = fixture_dump(path);
	const char *err = testutil_stderr_end();
	ck_assert_str_eq(got, "5|7||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n");
	ck_assert_int_eq(fx.tally.files[0].delim, ';');
	ck_assert_uint_eq(fx.tally.files[0].titles, 2);
	ck_assert_int_eq(fx.tally.files[0].title_line, 1);
	ck_assert_int_eq(fx.tally.files[0].title_last, 3);
	ck_assert_msg(strstr(err, ":1: warning: a title line above the header, skipped: "
				  "'Monitor Jobs;exported 2026-11-01'\n") &&
			      strstr(err, ":3: warning: a title line above the header, skipped: "
					  "'Harvard'\n"),
		      "%s", err);
}
END_TEST

/* header.c: the headers not read that look like a column by a word, for
 * a column the header lacks, each with its column, in the header's order,
 * at most as many as asked. */
START_TEST(unused_headers_named_with_their_column)
{
	static const char *const cells[] = {
		"Process ID", "Job Name", "Start Date", "End Date", "Records Failed",
		"Records Processed", "Notes", "Full Name", "Set ID", "Logical Set", "Run Date",
		"it's a date", "Operator"};
	size_t len[13];
	struct csvrow r = row_of(cells, 13, len);
	struct header h = {0};
	struct header_hint hint[8];
	ck_assert_int_eq(header_take(&h, NULL, &r, "t.csv"), 0);
	size_t n = header_unused(&h, NULL, hint, 8);
	ck_assert_uint_eq(n, 5);
	ck_assert_int_eq(hint[0].col, COL_START_TIME);
	ck_assert_str_eq(hint[0].header, "Start Date");
	ck_assert_int_eq(hint[1].col, COL_END_TIME);
	ck_assert_int_eq(hint[2].col, COL_RECORDS);
	ck_assert_str_eq(hint[2].header, "Records Processed"); /* not Records Failed */
	ck_assert_int_eq(hint[3].col, COL_USER_NAME);
	ck_assert_int_eq(hint[4].col, COL_SET_NAME);
	ck_assert_str_eq(hint[4].header, "Logical Set"); /* not Set ID; Run Date: start taken */
	ck_assert_uint_eq(header_unused(&h, NULL, hint, 3), 3);
	/* the missing time column's error names the --column */
	testutil_stderr_begin();
	ck_assert_int_eq(header_check(&h, NULL, "t.csv", 1, 0), -1);
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "or name yours with --column, e.g. --column start_time='Start "
				  "Date')\n"),
		      "%s", err);
	/* --column takes one: no hint for it */
	struct columns cols = {0};
	ck_assert_int_eq(columns_map(&cols, "start_time=Start Date"), 0);
	ck_assert_int_eq(header_take(&h, &cols, &r, "t.csv"), 0);
	n = header_unused(&h, &cols, hint, 8);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(hint[0].col, COL_END_TIME);
	columns_free(&cols);
	header_free(&h);
}
END_TEST

START_TEST(bom_crlf_and_lone_cr)
{
	const char *text = fixture_dump(testutil_plain(
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
	const char *text = fixture_dump(testutil_plain(
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
	const char *text = fixture_dump(testutil_plain("id,name,submitted_by,start_time\n"
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
	const char *text = fixture_dump_env(
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
	const char *text = fixture_dump(testutil_plain(data));
	free(data);
	ck_assert_str_eq(text, "2|1||A|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "5|3||C|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n"
			       "7|5||E|||u||-|2026-10-05T10:00:00Z|-||-1|-1||production\n");
	ck_assert_uint_eq(fx.tally.rejected[REJ_FIELD_TOO_LARGE], 2);
	ck_assert_uint_eq(fx.tally.read, 5);
}
END_TEST

START_TEST(empty_unreadable_and_header_only)
{
	int status;
	testutil_stderr_begin();
	const char *empty = testutil_plain("");
	fixture_dump_env(empty, RUN_PRODUCTION, NULL, &status);
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
	fixture_dump_env("/nonexistent/jobs.csv.gz", RUN_PRODUCTION, NULL, &status);
	ck_assert_str_eq(testutil_stderr_end(),
			 "almaudit: /nonexistent/jobs.csv.gz: cannot open: No such file or "
			 "directory\n");
	ck_assert_int_eq(status, -1);
	f = &fx.tally.files[fx.tally.nfiles - 1];
	ck_assert_int_eq(f->unread, 1);
	ck_assert_str_eq(f->error, "cannot open: No such file or directory");

	testutil_stderr_begin();
	fixture_dump_env("/", RUN_PRODUCTION, NULL, &status);
	ck_assert_str_eq(testutil_stderr_end(), "almaudit: /:1: read error: Is a directory\n");
	ck_assert_int_eq(status, -1);
	f = &fx.tally.files[fx.tally.nfiles - 1];
	ck_assert_int_eq(f->unread, 1);
	ck_assert_int_eq(f->error_line, 1);
	ck_assert_str_eq(f->error, "read error: Is a directory");

	ck_assert_str_eq(fixture_dump(testutil_gzip("id,name,submitted_by,start_time\n", 1)), "");
	ck_assert_uint_eq(fx.tally.read, 0);
}
END_TEST

START_TEST(missing_required_columns_named)
{
	int status;
	const char *path = testutil_plain("job_id,name,submitted_by,start_time\nM1,A,u,x\n");
	testutil_stderr_begin();
	fixture_dump_env(path, RUN_PRODUCTION, NULL, &status);
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
	fixture_dump_env(path, RUN_PRODUCTION, NULL, &status);
	err = testutil_stderr_end();
	ck_assert_msg(strstr(err, ":1: missing required column 'submitted_by' or "
				  "'submitted_by_desc'"),
		      "%s", err);

	path = testutil_plain("\n\nid,name,submitted_by\n1,A,u\n");
	testutil_stderr_begin();
	fixture_dump_env(path, RUN_PRODUCTION, NULL, &status);
	err = testutil_stderr_end();
	ck_assert_msg(strstr(err, ":3: missing required column: one of start_time, submit_time, "
				  "end_time"),
		      "%s", err);
}
END_TEST

/* A name where the Alma id belongs is read as the name: alone (no name
 * column, or an empty cell), or swapped with the id the name column holds;
 * "System" and ids are left as they are. */
START_TEST(names_in_submitted_by)
{
	const char *text = fixture_dump(testutil_plain(
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
	text = fixture_dump(testutil_plain("id,job_id,type,name,submitted_by,start_time\n"
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

/* Every cell the tool reads is trimmed of the white space around it,
 * quoted or not (spaces, tabs, line ends): "  Change Physical Items" is
 * Change Physical Items, as it is unquoted. */
START_TEST(quoted_cells_trimmed_like_plain_ones)
{
	const char *text = fixture_dump(testutil_plain(
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
	const char *text = fixture_dump(testutil_plain("id,name,submitted_by,start_time,total_records\n"
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

int main(void)
{
	Suite *s = suite_create("ingest");
	TCase *tc = tcase_create("ingest");
	tcase_add_checked_fixture(tc, fixture_setup, fixture_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, api_layout_typed);
	tcase_add_test(tc, ids_read_digit_by_digit_or_eight_at_once);
	tcase_add_test(tc, header_aliases);
	tcase_add_test(tc, column_option_maps_other_headers);
	tcase_add_test(tc, column_option_header_missing);
	tcase_add_test(tc, header_row_damage_said);
	tcase_add_test(tc, header_told_from_data);
	tcase_add_test(tc, title_lines_told_from_headers_and_data);
	tcase_add_test(tc, unused_headers_named_with_their_column);
	tcase_add_test(tc, bom_crlf_and_lone_cr);
	tcase_add_test(tc, line_numbers_after_quoted_newlines);
	tcase_add_test(tc, repeated_header_skipped_and_counted);
	tcase_add_test(tc, rejects_counted_by_reason_and_written);
	tcase_add_test(tc, oversized_field_rejected_stream_goes_on);
	tcase_add_test(tc, empty_unreadable_and_header_only);
	tcase_add_test(tc, missing_required_columns_named);
	tcase_add_test(tc, names_in_submitted_by);
	tcase_add_test(tc, quoted_cells_trimmed_like_plain_ones);
	tcase_add_test(tc, record_count_thousands_grouped);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
