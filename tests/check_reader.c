/* Unit tests of analyzer/reader.c's inflaters: every gzip input read with
 * the build's inflater (ISA-L when built with it) and with zlib, each
 * against what was compressed and against the other: members of every
 * deflate level and strategy and every header field, a member split across
 * the reader's reads at every byte, header and trailer faults named alike,
 * cuts at every byte, and damage anywhere. The gzip members are written
 * here byte by byte (zlib deflates their data), so that every field and
 * every fault is the test's choice. */
#include "reader.h"
#include "testutil.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* The inflaters: the build's default, then zlib (the same one when the
 * build has no ISA-L). */
static const int zlib_only[] = {0, 1};
#define NINFLATERS 2

struct buf {
	unsigned char *p;
	size_t len, cap;
};

static void put(struct buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		b->p = realloc(b->p, b->cap);
		ck_assert_ptr_nonnull(b->p);
	}
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void put_byte(struct buf *b, int c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char u = (unsigned char)c;
		put(b, &u, 1);
	}
}

static void put_le(struct buf *b, uint32_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		put_byte(b, (int)(v >> (8 * i)) & 0xff, 1);
}

enum { NAME = 1, COMMENT = 2, EXTRA = 4, HCRC = 8 };

/* Appends a gzip member of data to b: a header with the fields asked (each
 * `field` bytes long), the data deflated at level with strategy, its CRC
 * and length. */
static void member(struct buf *b, const void *data, size_t len, int level, int strategy,
		   int fields, size_t field)
{
	size_t start = b->len;
	int flg = (fields & HCRC ? 0x02 : 0) | (fields & EXTRA ? 0x04 : 0) |
		  (fields & NAME ? 0x08 : 0) | (fields & COMMENT ? 0x10 : 0);
	const unsigned char fixed[10] = {0x1f, 0x8b, 8, (unsigned char)flg, 0x10, 0x20, 0x30, 0x40,
					 0, 3};
	put(b, fixed, sizeof fixed);
	if (fields & EXTRA) {
		size_t n = field > 65535 ? 65535 : field;
		put_le(b, (uint32_t)n, 2);
		put_byte(b, 'x', n);
	}
	if (fields & NAME) {
		put_byte(b, 'n', field);
		put_byte(b, 0, 1);
	}
	if (fields & COMMENT) {
		put_byte(b, 'c', field);
		put_byte(b, 0, 1);
	}
	if (fields & HCRC)
		put_le(b, (uint32_t)crc32(0, b->p + start, (uInt)(b->len - start)) & 0xffff, 2);
	z_stream z;
	memset(&z, 0, sizeof z);
	ck_assert_int_eq(deflateInit2(&z, level, Z_DEFLATED, -15, 8, strategy), Z_OK);
	size_t cap = deflateBound(&z, len) + 16;
	unsigned char *out = malloc(cap);
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
	put(b, out, z.total_out);
	deflateEnd(&z);
	free(out);
	put_le(b, (uint32_t)crc32(0, data, (uInt)len), 4);
	put_le(b, (uint32_t)len, 4);
}

/* Export-like text: n bytes of CSV rows, the same for the same seed. */
static char *rows(size_t n, unsigned seed)
{
	char *text = malloc(n + 200);
	size_t len = 0;
	for (unsigned i = 0; len < n; i++) {
		seed = seed * 1103515245u + 12345u;
		len += (size_t)sprintf(text + len,
				       "61%014u,M%u,Withdraw items - %u,MANUAL,8012%04u,\"Moody, "
				       "Honor\",2026-10-05T%02u:%02u:00Z,COMPLETED_SUCCESS,%u,Set %u\n",
				       i, seed % 90000, seed % 977, seed % 61, seed / 7 % 24,
				       seed / 11 % 60, seed % 5000, seed / 13 % 400);
	}
	text[n] = 0;
	return text;
}

/* Incompressible bytes (deflate stores them). */
static char *noise(size_t n, unsigned seed)
{
	char *p = malloc(n);
	for (size_t i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		p[i] = (char)(seed >> 16);
	}
	return p;
}

struct got {
	unsigned char *data;
	size_t len;
	int status; /* 0 clean end, -1 error */
	char why[300];
};

/* Everything the reader hands out for the bytes of b, with the default
 * inflater (zlib 0) or zlib (1). */
static struct got read_bytes(const struct buf *b, int zlib)
{
	const char *path = testutil_bytes(b->p, b->len, ".gz");
	reader_use_zlib(zlib);
	struct reader *r = reader_open(path);
	reader_use_zlib(0);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(reader_is_gzip(r), 1);
	struct got g = {NULL, 0, 0, ""};
	struct buf out = {NULL, 0, 0};
	const unsigned char *data;
	size_t len;
	const char *why = NULL;
	int got;
	while ((got = reader_chunk(r, &data, &len, &why)) > 0)
		put(&out, data, len);
	g.status = got;
	if (got < 0)
		snprintf(g.why, sizeof g.why, "%s", why);
	reader_close(r);
	g.data = out.p;
	g.len = out.len;
	return g;
}

/* Reads b with each inflater: each must end with `status`, hand out
 * exactly `want` (wlen bytes) and, on an error, say `why`. */
static void reads_as(const struct buf *b, const void *want, size_t wlen, int status,
		     const char *why)
{
	for (int i = 0; i < NINFLATERS; i++) {
		struct got g = read_bytes(b, zlib_only[i]);
		ck_assert_msg(g.status == status, "%s: status %d, not %d (%s)",
			      zlib_only[i] ? "zlib" : reader_inflater(), g.status, status, g.why);
		if (status < 0)
			ck_assert_str_eq(g.why, why);
		ck_assert_msg(g.len == wlen, "%s: %zu bytes, not %zu",
			      zlib_only[i] ? "zlib" : reader_inflater(), g.len, wlen);
		ck_assert(wlen == 0 || memcmp(g.data, want, wlen) == 0);
		free(g.data);
	}
}

START_TEST(members_of_every_level_strategy_and_header_field)
{
	char *text = rows(150000, 1), *bytes = noise(70000, 2);
	char *same = malloc(100000);
	memset(same, 'a', 100000);
	const struct {
		const char *p;
		size_t n;
	} data[] = {{text, 150000}, {bytes, 70000}, {same, 100000}, {"", 0}, {"x", 1}};
	const int levels[] = {0, 1, 6, 9};
	const int strategies[] = {Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED};
	struct buf gz = {NULL, 0, 0}, want = {NULL, 0, 0};
	int fields = 0;
	for (size_t d = 0; d < sizeof data / sizeof data[0]; d++)
		for (size_t l = 0; l < sizeof levels / sizeof levels[0]; l++)
			for (size_t s = 0; s < sizeof strategies / sizeof strategies[0]; s++) {
				member(&gz, data[d].p, data[d].n, levels[l], strategies[s],
				       fields++ % 16, 1 + d * 7);
				put(&want, data[d].p, data[d].n);
			}
	/* header fields longer than a read of the file */
	member(&gz, text, 5000, 6, Z_DEFAULT_STRATEGY, NAME | COMMENT | EXTRA | HCRC, 200000);
	put(&want, text, 5000);
	reads_as(&gz, want.p, want.len, 0, NULL);

	/* one empty member: an empty file, read cleanly */
	struct buf empty = {NULL, 0, 0};
	member(&empty, "", 0, 6, Z_DEFAULT_STRATEGY, 0, 0);
	reads_as(&empty, "", 0, 0, NULL);
	free(text);
	free(bytes);
	free(same);
	free(gz.p);
	free(want.p);
	free(empty.p);
}
END_TEST

/* The reader reads files 128 KiB at a time: a filler member whose name
 * makes it end `k` bytes before the first read's end puts that read's end
 * at every byte of the next member in turn: its header's every field, its
 * deflate data, its trailer, and the start of a last member. */
START_TEST(a_member_split_across_reads_at_every_byte)
{
	const size_t first_read = 128 * 1024;
	char *text = rows(400, 3);
	struct buf target = {NULL, 0, 0};
	member(&target, text, 400, 6, Z_DEFAULT_STRATEGY, NAME | COMMENT | EXTRA | HCRC, 5);
	member(&target, "tail\n", 5, 6, Z_DEFAULT_STRATEGY, NAME, 3);
	struct buf probe = {NULL, 0, 0};
	member(&probe, "", 0, 6, Z_DEFAULT_STRATEGY, NAME, 0);
	size_t filler0 = probe.len; /* the filler with an empty name */
	free(probe.p);
	char want[420];
	memcpy(want, text, 400);
	memcpy(want + 400, "tail\n", 5);
	for (size_t k = 1; k < target.len; k++) {
		struct buf gz = {NULL, 0, 0};
		member(&gz, "", 0, 6, Z_DEFAULT_STRATEGY, NAME, first_read - k - filler0);
		ck_assert_uint_eq(gz.len, first_read - k);
		put(&gz, target.p, target.len);
		reads_as(&gz, want, 405, 0, NULL);
		free(gz.p);
	}
	free(target.p);
	free(text);
}
END_TEST

/* Two members, the second as given; the first's data is a[0..alen). */
static struct buf two(const char *a, size_t alen, const struct buf *second)
{
	struct buf gz = {NULL, 0, 0};
	member(&gz, a, alen, 6, Z_DEFAULT_STRATEGY, 0, 0);
	put(&gz, second->p, second->len);
	return gz;
}

START_TEST(header_and_trailer_faults_named_as_zlib_names_them)
{
	char *a = rows(3000, 4), *b = rows(2000, 5);
	char *ab = malloc(5000);
	memcpy(ab, a, 3000);
	memcpy(ab + 3000, b, 2000);
	struct buf good = {NULL, 0, 0};
	member(&good, b, 2000, 6, Z_DEFAULT_STRATEGY, NAME | COMMENT | EXTRA | HCRC, 4);
	size_t end = good.len, hcrc = 10 + 2 + 4 + 5 + 5; /* where FHCRC's bytes are */
	const struct {
		size_t at;
		int xor;
		int data; /* the second member's data is handed out */
		const char *why;
	} faults[] = {
		{2, 0x01, 0, "corrupt gzip stream (unknown compression method) in gzip member 2"},
		{3, 0x20, 0, "corrupt gzip stream (unknown header flags set) in gzip member 2"},
		{3, 0x80, 0, "corrupt gzip stream (unknown header flags set) in gzip member 2"},
		{hcrc, 0x01, 0, "corrupt gzip stream (header crc mismatch) in gzip member 2"},
		{hcrc + 1, 0x40, 0, "corrupt gzip stream (header crc mismatch) in gzip member 2"},
		{end - 8, 0x01, 1, "corrupt gzip stream (incorrect data check) in gzip member 2"},
		{end - 5, 0x80, 1, "corrupt gzip stream (incorrect data check) in gzip member 2"},
		{end - 4, 0x01, 1, "corrupt gzip stream (incorrect length check) in gzip member 2"},
		{end - 1, 0x10, 1, "corrupt gzip stream (incorrect length check) in gzip member 2"},
	};
	for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
		struct buf bad = {NULL, 0, 0};
		put(&bad, good.p, good.len);
		bad.p[faults[i].at] ^= (unsigned char)faults[i].xor;
		struct buf gz = two(a, 3000, &bad);
		reads_as(&gz, ab, faults[i].data ? 5000 : 3000, -1, faults[i].why);
		free(gz.p);
		free(bad.p);
	}

	/* cut at every byte of the second member: truncated, and every byte
	 * inflated from what is there handed out, the same by each inflater */
	struct buf whole = two(a, 3000, &good);
	size_t first = whole.len - good.len;
	struct buf cut = {NULL, 0, 0};
	put(&cut, whole.p, first);
	reads_as(&cut, a, 3000, 0, NULL); /* cut between members: a clean end */
	for (size_t n = first + 2; n < whole.len; n++) { /* (a lone 0x1f: not a member) */
		cut.len = 0;
		put(&cut, whole.p, n);
		struct got g[NINFLATERS];
		for (int i = 0; i < NINFLATERS; i++) {
			g[i] = read_bytes(&cut, zlib_only[i]);
			ck_assert_int_eq(g[i].status, -1);
			ck_assert_str_eq(g[i].why, "truncated gzip stream (unexpected end of file)");
			ck_assert_uint_ge(g[i].len, 3000);
			ck_assert_uint_le(g[i].len, 5000);
			ck_assert(memcmp(g[i].data, ab, g[i].len) == 0);
			if (n >= whole.len - 8) /* only the trailer cut: all the data */
				ck_assert_uint_eq(g[i].len, 5000);
		}
		ck_assert_msg(g[0].len == g[1].len, "cut at %zu: %zu bytes and %zu", n, g[0].len,
			      g[1].len);
		for (int i = 0; i < NINFLATERS; i++)
			free(g[i].data);
	}
	free(cut.p);
	free(whole.p);
	free(good.p);
	free(a);
	free(b);
	free(ab);
}
END_TEST

/* Damage anywhere in three members: the two inflaters end alike, and hand
 * out the same bytes as far as both go (the same bits inflate the same); a
 * clean end comes only with every byte right (damage to MTIME, XFL, OS, a
 * name without FHCRC, a block's padding, or a match turned into another of
 * the same bytes), and most damage is noticed. */
START_TEST(damage_anywhere_reads_alike)
{
	char *text = rows(60000, 6);
	struct buf gz = {NULL, 0, 0};
	member(&gz, text, 20000, 6, Z_DEFAULT_STRATEGY, NAME, 6);
	member(&gz, text + 20000, 20000, 1, Z_FIXED, 0, 0);
	member(&gz, text + 40000, 20000, 9, Z_DEFAULT_STRATEGY, HCRC, 0);
	int cases = 0, noticed = 0;
	for (size_t at = 2; at < gz.len; at += 11) { /* (past the magic: still gzip) */
		for (int bit = 0; bit < 8; bit += 5) {
			gz.p[at] ^= (unsigned char)(1 << bit);
			struct got g[NINFLATERS];
			for (int i = 0; i < NINFLATERS; i++) {
				g[i] = read_bytes(&gz, zlib_only[i]);
				if (g[i].status == 0) {
					ck_assert_uint_eq(g[i].len, 60000);
					ck_assert(memcmp(g[i].data, text, 60000) == 0);
				}
			}
			ck_assert_msg(g[0].status == g[1].status, "byte %zu bit %d: %d (%s), %d (%s)",
				      at, bit, g[0].status, g[0].why, g[1].status, g[1].why);
			size_t common = g[0].len < g[1].len ? g[0].len : g[1].len;
			ck_assert_msg(common == 0 || memcmp(g[0].data, g[1].data, common) == 0,
				      "byte %zu bit %d: the inflaters disagree", at, bit);
			cases++;
			noticed += g[0].status < 0;
			for (int i = 0; i < NINFLATERS; i++)
				free(g[i].data);
			gz.p[at] ^= (unsigned char)(1 << bit);
		}
	}
	ck_assert_msg(noticed > cases * 9 / 10, "%d of %d noticed", noticed, cases);
	free(gz.p);
	free(text);
}
END_TEST

/* A member of stored blocks of 65,535 bytes of data, the last cut to end
 * at byte `bad` of it, and then a block of the reserved type (damage that
 * any inflater finds exactly there), or nothing (cut). */
static void stored_then_bad(struct buf *b, const char *data, size_t bad, int cut)
{
	const unsigned char fixed[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
	put(b, fixed, sizeof fixed);
	for (size_t at = 0; at < bad;) {
		size_t n = bad - at > 65535 ? 65535 : bad - at;
		put_byte(b, 0, 1); /* not the last block; stored */
		put_le(b, (uint32_t)n, 2);
		put_le(b, (uint32_t)~n & 0xffff, 2);
		put(b, data + at, n);
		at += n;
	}
	if (cut)
		return;
	put_byte(b, 0x06, 1); /* not the last block; the reserved type */
	put_byte(b, 0, 64);
}

/* Every byte inflated before damage or a cut is handed out, wherever it
 * falls against the reader's reads (128 KiB of the file) and chunks (256
 * KiB inflated): here after a read that ends 30 bytes before a chunk's
 * end, where an inflater starts anew with little room. */
START_TEST(every_byte_before_the_damage_handed_out)
{
	char *text = rows(400000, 8);
	/* the second read ends at byte 262,144 of the file: 10 bytes of header
	 * and four block headers before it, so at byte 262,114 inflated */
	for (size_t bad = 262114 - 2000; bad < 262114 + 70000; bad += 997) {
		int cut = bad % 2;
		struct buf gz = {NULL, 0, 0};
		stored_then_bad(&gz, text, bad, cut);
		for (int i = 0; i < NINFLATERS; i++) {
			struct got g = read_bytes(&gz, zlib_only[i]);
			ck_assert_int_eq(g.status, -1);
			ck_assert_msg(strstr(g.why, cut ? "truncated gzip stream (unexpected end of file)"
							: "corrupt gzip stream (invalid block"),
				      "%s", g.why);
			ck_assert_msg(g.len == bad, "%s, damage at byte %zu inflated: %zu bytes out",
				      zlib_only[i] ? "zlib" : reader_inflater(), bad, g.len);
			ck_assert(memcmp(g.data, text, bad) == 0);
			free(g.data);
		}
		free(gz.p);
	}
	free(text);
}
END_TEST

START_TEST(nothing_but_a_member_after_the_last)
{
	char *text = rows(5000, 7);
	static const char zeros[600];
	const struct {
		const void *tail;
		size_t n;
		const char *why;
	} cases[] = {
		{"not gzip\n", 9,
		 "trailing garbage after the gzip data (9 bytes from byte AT, not a gzip member)"},
		{zeros, sizeof zeros,
		 "trailing zeros after the gzip data (600 bytes from byte AT: padding, or damage)"},
		{"\x1f", 1, "trailing garbage after the gzip data (1 byte from byte AT, not a gzip member)"},
		{"\x1f\x8b\x08\x00\x00", 5, "truncated gzip stream (unexpected end of file)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf gz = {NULL, 0, 0};
		member(&gz, text, 5000, 6, Z_DEFAULT_STRATEGY, 0, 0);
		char why[300];
		const char *at = strstr(cases[i].why, "AT");
		if (at)
			snprintf(why, sizeof why, "%.*s%zu%s", (int)(at - cases[i].why), cases[i].why,
				 gz.len, at + 2);
		else
			snprintf(why, sizeof why, "%s", cases[i].why);
		put(&gz, cases[i].tail, cases[i].n);
		reads_as(&gz, text, 5000, -1, why);
		free(gz.p);
	}
	free(text);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("reader");
	TCase *tc = tcase_create("reader");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, members_of_every_level_strategy_and_header_field);
	tcase_add_test(tc, a_member_split_across_reads_at_every_byte);
	tcase_add_test(tc, header_and_trailer_faults_named_as_zlib_names_them);
	tcase_add_test(tc, damage_anywhere_reads_alike);
	tcase_add_test(tc, every_byte_before_the_damage_handed_out);
	tcase_add_test(tc, nothing_but_a_member_after_the_last);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
