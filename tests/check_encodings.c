/* Unit tests of how a file's bytes become rows (analyzer/reader.c, analyzer/csvrd.c, through
 * analyzer/ingest.c): gzip whole, in members, from standard input, cut short, corrupt or with
 * data after its last member; files of other formats told by their first bytes; semicolon, tab
 * and UTF-16 exports and broken UTF-16; a stray or unclosed quote, quoted line breaks up to the
 * bound, a last line without a line end; csvrd's fast path against libcsv. */
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

START_TEST(gzip_plain_members_and_stdin_read_the_same)
{
	char *plain = strdup(fixture_dump(testutil_plain(fixture_api_sample)));
	ck_assert_str_eq(fixture_dump(testutil_gzip(fixture_api_sample, 1)), plain);
	ck_assert_int_eq(fx.tally.files[1].gzip, 1);
	/* three members, split inside rows and even inside a quoted field */
	ck_assert_str_eq(fixture_dump(testutil_gzip(fixture_api_sample, 3)), plain);
	ck_assert_str_eq(fixture_dump(testutil_gzip(fixture_api_sample, 7)), plain);
	/* standard input, gzip */
	int fd = open(testutil_gzip(fixture_api_sample, 2), O_RDONLY);
	ck_assert_int_ge(fd, 0);
	dup2(fd, 0);
	close(fd);
	ck_assert_str_eq(fixture_dump("-"), plain);
	ck_assert_str_eq(fx.tally.files[4].name, "(standard input)");
	free(plain);
}
END_TEST

START_TEST(whole_file_twice_as_two_members)
{
	size_t n = strlen(fixture_api_sample);
	char *twice = malloc(2 * n + 1);
	memcpy(twice, fixture_api_sample, n);
	memcpy(twice + n, fixture_api_sample, n + 1);
	const char *text = fixture_dump(testutil_gzip(twice, 2));
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
	const char *text = fixture_dump_env(cut, RUN_PRODUCTION, NULL, &status);
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
	fixture_dump_env(path, RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	ck_assert_int_eq(status, -1);
	ck_assert_msg(strstr(err, "corrupt gzip stream"), "%s", err);
	ck_assert_msg(strncmp(err, "almaudit: ", 10) == 0 && strstr(err, path), "%s", err);
	ck_assert_int_eq(fx.tally.incomplete, 1);
}
END_TEST

START_TEST(data_after_the_gzip_members_is_damage)
{
	/* what gzip -t reads: member after member, and after the last one the
	 * end of the file; anything else is damage, said, after every row */
	char *plain = strdup(fixture_dump(testutil_plain(fixture_api_sample)));
	size_t members = testutil_size(testutil_gzip(fixture_api_sample, 2));
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
		const char *path = testutil_gzip(fixture_api_sample, 2);
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
		const char *text = fixture_dump_env(path, RUN_PRODUCTION, NULL, &status);
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
		fixture_dump_env(path, RUN_PRODUCTION, NULL, &status);
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
	fixture_dump_env(testutil_plain("BZh9 id,name\n"), RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "missing required column") && !strstr(err, "bzip2"), "%s", err);
	/* a path with a space is quoted in the command to copy */
	char *dir = strdup(testutil_dir());
	char path[600];
	snprintf(path, sizeof path, "%s/my jobs.csv", dir);
	testutil_write(dir, "my jobs.csv", "\x28\xB5\x2F\xFD");
	testutil_stderr_begin();
	fixture_dump_env(path, RUN_PRODUCTION, NULL, &status);
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
	char *plain = strdup(fixture_dump(testutil_plain(comma)));
	ck_assert_int_eq(fx.tally.files[0].delim, ',');
	ck_assert_ptr_null(fx.tally.files[0].encoding);

	/* quoted cells keep the other delimiters as text */
	char *semi = swap(comma, ',', ';');
	char *p = strstr(semi, "Change; Physical");
	p[6] = ',';
	ck_assert_str_eq(fixture_dump(testutil_plain(semi)), plain);
	ck_assert_int_eq(fx.tally.files[1].delim, ';');
	ck_assert_str_eq(fixture_dump(testutil_gzip(semi, 2)), plain);
	ck_assert_int_eq(fx.tally.files[2].delim, ';');
	ck_assert_int_eq(fx.tally.files[2].gzip, 1);

	char *tab = swap(comma, ',', '\t');
	p = strstr(tab, "Change\t Physical");
	p[6] = ',';
	ck_assert_str_eq(fixture_dump(testutil_plain(tab)), plain);
	ck_assert_int_eq(fx.tally.files[3].delim, '\t');

	size_t len;
	char *u16 = testutil_utf16(tab, 0, &len);
	ck_assert_str_eq(fixture_dump(testutil_bytes(u16, len, ".bin")), plain);
	ck_assert_str_eq(fx.tally.files[4].encoding, "UTF-16LE");
	ck_assert_int_eq(fx.tally.files[4].delim, '\t');
	free(u16);
	u16 = testutil_utf16(semi, 1, &len);
	ck_assert_str_eq(fixture_dump(testutil_bytes(u16, len, ".bin")), plain);
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
	const char *got = fixture_dump(u16path);
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

/* The API's JSON in UTF-16 (PowerShell 5.1's `>`), either order: read as
 * the UTF-8 original is, and the file says which it was, as a UTF-16 CSV
 * does; UTF-8, with its byte order mark or without, says none. */
START_TEST(json_utf16_says_its_encoding)
{
	static const char json[] =
		"{\"total_record_count\":1,\"job_instance\":[{\"id\":\"61\",\"name\":\"Withdraw "
		"items - Weed \\u00e9t\xc3\xa9\",\"submitted_by\":{\"value\":\"801\",\"desc\":\"Moody, "
		"Honor\"},\"start_time\":\"2026-10-05T10:00:00Z\",\"job_info\":{\"id\":\"M1\","
		"\"type\":{\"value\":\"MANUAL\"}}}]}\n";
	char *plain = strdup(fixture_dump(testutil_plain(json)));
	ck_assert_int_eq(fx.tally.files[0].json, 1);
	ck_assert_ptr_nonnull(strstr(plain, "Weed \xc3\xa9t\xc3\xa9|"));
	ck_assert_ptr_null(fx.tally.files[0].encoding);
	size_t len;
	char *u16 = testutil_utf16(json, 0, &len);
	ck_assert_str_eq(fixture_dump(testutil_bytes(u16, len, ".json")), plain);
	ck_assert_int_eq(fx.tally.files[1].json, 1);
	ck_assert_str_eq(fx.tally.files[1].encoding, "UTF-16LE");
	free(u16);
	u16 = testutil_utf16(json, 1, &len);
	ck_assert_str_eq(fixture_dump(testutil_bytes(u16, len, ".json")), plain);
	ck_assert_str_eq(fx.tally.files[2].encoding, "UTF-16BE");
	free(u16);
	char bom[sizeof json + 3] = "\xef\xbb\xbf";
	memcpy(bom + 3, json, sizeof json);
	ck_assert_str_eq(fixture_dump(testutil_plain(bom)), plain);
	ck_assert_int_eq(fx.tally.files[3].json, 1);
	ck_assert_ptr_null(fx.tally.files[3].encoding);
	free(plain);
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
	fixture_dump_env(testutil_bytes(u16, len - 1, ".bin"), RUN_PRODUCTION, NULL, &status);
	const char *err = testutil_stderr_end();
	ck_assert_int_eq(status, -1);
	ck_assert_msg(strstr(err, ":3: the UTF-16LE text ends inside a character\n"), "%s", err);
	memcpy(u16 + len - 4, "\x00\xDC", 2); /* a lone low surrogate */
	testutil_stderr_begin();
	fixture_dump_env(testutil_bytes(u16, len, ".bin"), RUN_PRODUCTION, NULL, &status);
	err = testutil_stderr_end();
	ck_assert_msg(strstr(err, "invalid UTF-16LE text"), "%s", err);
	ck_assert_int_eq(fx.tally.files[1].incomplete, 1);
	free(u16);
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
		char *got = fixture_dump_env(paths[k], RUN_PRODUCTION, NULL, &status);
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
	char *got = fixture_dump_env(testutil_plain("id,name,submitted_by,start_time\n"
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
	got = fixture_dump_env(testutil_plain(text), RUN_PRODUCTION, NULL, &status);
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
	const char *got = fixture_dump(path);
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
		const char *got = fixture_dump(paths[k]);
		const char *err = testutil_stderr_end();
		ck_assert_ptr_nonnull(strstr(got, "3|2||B|||u||-|2026-10-05T10:00:00Z|-||-1|40|"));
		ck_assert_ptr_nonnull(strstr(err, ":3: warning: the last line has no line end: "
						  "the file may be cut short\n"));
		ck_assert_int_eq(fx.tally.files[k].no_line_end, 3);
		ck_assert_int_eq(fx.tally.files[k].incomplete, 0);
	}
	/* a final line end, or blank space after it: no warning */
	testutil_stderr_begin();
	fixture_dump(testutil_plain("id,name,submitted_by,start_time\n1,A,u,2026-10-05T10:00:00Z\r\n  "));
	ck_assert_str_eq(testutil_stderr_end(), "");
	ck_assert_int_eq(fx.tally.files[2].no_line_end, 0);
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


int main(void)
{
	Suite *s = suite_create("encodings");
	TCase *tc = tcase_create("encodings");
	tcase_add_checked_fixture(tc, fixture_setup, fixture_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, gzip_plain_members_and_stdin_read_the_same);
	tcase_add_test(tc, whole_file_twice_as_two_members);
	tcase_add_test(tc, truncated_gzip_is_an_error_naming_file_and_line);
	tcase_add_test(tc, corrupt_gzip_is_an_error);
	tcase_add_test(tc, data_after_the_gzip_members_is_damage);
	tcase_add_test(tc, other_formats_named_with_what_to_do);
	tcase_add_test(tc, semicolon_tab_and_utf16_exports);
	tcase_add_test(tc, json_utf16_says_its_encoding);
	tcase_add_test(tc, broken_utf16_is_an_error);
	tcase_add_test(tc, stray_quote_rejects_its_row_and_reads_the_rest);
	tcase_add_test(tc, quote_open_at_end_or_past_the_bound);
	tcase_add_test(tc, quoted_line_breaks_up_to_the_bound);
	tcase_add_test(tc, last_line_without_line_end_warns);
	tcase_add_test(tc, fast_path_agrees_with_libcsv);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
