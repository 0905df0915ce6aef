/* Unit tests of analyzer/runset.c and the id tables of analyzer/hmap.c:
 * every run counts once, its findings the union of its copies, unknown-size
 * held back until a copy gives the count. */
#include "hmap.h"
#include "runset.h"
#include "testutil.h"

#include <check.h>
#include <string.h>

START_TEST(ids_count_once)
{
	struct runset s;
	runset_init(&s);
	ck_assert_int_eq(runset_add(&s, 6100000325653941ull), 1);
	ck_assert_int_eq(runset_add(&s, 6100000325653941ull), 0);
	ck_assert_int_eq(runset_add(&s, 0), 1); /* 0 is an id like another */
	ck_assert_int_eq(runset_add(&s, 0), 0);
	/* many ids, through several growths */
	for (uint64_t id = 1; id <= 100000; id++)
		ck_assert_int_eq(runset_add(&s, id * 1000003ull), 1);
	for (uint64_t id = 1; id <= 100000; id++)
		ck_assert_int_eq(runset_add(&s, id * 1000003ull), 0);
	ck_assert(idset_has(&s.ids, 500 * 1000003ull));
	ck_assert(!idset_has(&s.ids, 7));
	runset_free(&s);
}
END_TEST

/* The id set remembers every id exactly, with its value, through every
 * growth of its shards, and holds at most 14 bytes an id (8-byte slots,
 * each shard at least 7/12 full once it has grown): 1M distinct runs with
 * their kinds in under 14 MB. */
START_TEST(idset_exact_and_compact)
{
	struct idset s;
	idset_init(&s);
	const uint64_t n = 1000000;
	uint64_t wrong = 0, oversize = 0;
	unsigned v;
	/* Alma-like ids: 16 digits, the institution code in the last four
	 * (counted, not asserted one by one: Check's assertions are slow) */
	for (uint64_t i = 0; i < n; i++) {
		uint64_t id = 6100000000000000ull + i * 10000 + 3941;
		wrong += idset_add(&s, id) != 1;
		if (i % 3 == 0) {
			wrong += idset_or(&s, id, (unsigned)(i & 0x1F1F), &v) != 0;
			wrong += v != 0;
		}
		if (i > 1000 && i % 1000 == 0)
			oversize += idset_bytes(&s) > 14 * s.count;
	}
	ck_assert_uint_eq(wrong, 0);
	ck_assert_uint_eq(oversize, 0);
	ck_assert_uint_eq(s.count, n);
	for (uint64_t i = 0; i < n; i++) {
		uint64_t id = 6100000000000000ull + i * 10000 + 3941;
		wrong += idset_add(&s, id) != 0;
		wrong += !idset_get(&s, id, &v);
		wrong += v != (i % 3 == 0 ? (unsigned)(i & 0x1F1F) : 0);
		wrong += idset_has(&s, id + 1);
	}
	ck_assert_uint_eq(wrong, 0);
	ck_assert_int_eq(idset_get(&s, 0, &v), 0);
	ck_assert_uint_eq(v, 0);
	ck_assert_int_eq(idset_add(&s, 0), 1);
	ck_assert_int_eq(idset_add(&s, UINT64_MAX), 1); /* 20 digits: still an id */
	ck_assert(idset_has(&s, UINT64_MAX));
	ck_assert(idset_has(&s, 0));
	ck_assert_uint_eq(s.count, n + 2);
	ck_assert_uint_le(idset_bytes(&s), 14 * n);
	ck_assert_uint_ge(idset_bytes(&s), 8 * n);
	idset_free(&s);
}
END_TEST

/* Ids far from the first one (another institution, a hostile file, 0,
 * 2^64 - 1) are kept exactly beside the compact tables, with their values,
 * and every id is visited once by idset_each. */
static void sum_each(void *arg, uint64_t id, unsigned value)
{
	uint64_t *acc = arg;
	acc[0]++;
	acc[1] += id;
	acc[2] += value;
}

START_TEST(idset_far_ids)
{
	struct idset s;
	unsigned v;
	idset_init(&s);
	uint64_t near = 6100000325653941ull, sum = 0, values = 0;
	const uint64_t far[] = {0, 1, UINT64_MAX, near + (1ull << 47), near - (1ull << 47) - 1,
				near * 3, 9999999999999999999ull};
	ck_assert_int_eq(idset_add(&s, near), 1);
	sum += near;
	for (size_t i = 0; i < sizeof far / sizeof far[0]; i++) {
		ck_assert_int_eq(idset_add(&s, far[i]), 1);
		ck_assert_int_eq(idset_add(&s, far[i]), 0);
		ck_assert_int_eq(idset_or(&s, far[i], 1u << i | 0x100, &v), 0);
		ck_assert_uint_eq(v, 0);
		ck_assert_int_eq(idset_or(&s, far[i], 0, &v), 0);
		ck_assert_uint_eq(v, 1u << i | 0x100);
		sum += far[i];
		values += 1u << i | 0x100;
	}
	/* the edges of the compact range: in, and just out */
	ck_assert_int_eq(idset_add(&s, near + (1ull << 47) - 1), 1);
	ck_assert_int_eq(idset_add(&s, near - (1ull << 47)), 1);
	sum += near + (1ull << 47) - 1 + near - (1ull << 47);
	ck_assert(!idset_has(&s, near + 1));
	ck_assert(!idset_has(&s, 2));
	ck_assert_uint_eq(s.count, 3 + sizeof far / sizeof far[0]);
	uint64_t acc[3] = {0, 0, 0};
	idset_each(&s, sum_each, acc);
	ck_assert_uint_eq(acc[0], s.count);
	ck_assert_uint_eq(acc[1], sum); /* modulo 2^64, as the ids add up */
	ck_assert_uint_eq(acc[2], values);
	idset_free(&s);
}
END_TEST

/* A run counts among the runs with findings once, whatever its kinds; the
 * mark is not a kind found or shown. */
START_TEST(flagged_once)
{
	struct runset s;
	unsigned fresh;
	runset_init(&s);
	ck_assert_int_eq(runset_add(&s, 42), 1);
	ck_assert_int_eq(runset_flag(&s, 42), 1);
	ck_assert_int_eq(runset_flag(&s, 42), 0);
	ck_assert_uint_eq(runset_shown_kinds(&s, 42), 0);
	ck_assert_uint_eq(runset_hidden(&s), 0);
	ck_assert_int_eq(runset_found(&s, 42, 1u << FIND_NO_SIGNOFF, &fresh), 0);
	ck_assert_uint_eq(fresh, 1u << FIND_NO_SIGNOFF);
	ck_assert_int_eq(runset_flag(&s, 42), 0);
	ck_assert_int_eq(runset_flag(&s, UINT64_MAX), 1); /* far from 42 */
	ck_assert_int_eq(runset_flag(&s, UINT64_MAX), 0);
	runset_free(&s);
}
END_TEST

START_TEST(findings_are_the_union_of_copies)
{
	struct runset s;
	unsigned fresh;
	int first;
	runset_init(&s);
	ck_assert_int_eq(runset_found(&s, 9, 1u << FIND_UNAPPROVED, &fresh), 0);
	ck_assert_uint_eq(fresh, 1u << FIND_UNAPPROVED);
	/* the next copy adds a kind: only that one is fresh */
	ck_assert_int_eq(
		runset_found(&s, 9, 1u << FIND_UNAPPROVED | 1u << FIND_DAMAGING_LARGE_SET, &fresh), 0);
	ck_assert_uint_eq(fresh, 1u << FIND_DAMAGING_LARGE_SET);
	ck_assert_int_eq(runset_found(&s, 9, 1u << FIND_UNAPPROVED, &fresh), 0);
	ck_assert_uint_eq(fresh, 0);
	/* nothing shown yet: the run counts as hidden */
	ck_assert_uint_eq(runset_hidden(&s), 1);
	ck_assert_int_eq(runset_shown(&s, 9, 1u << FIND_UNAPPROVED, &first), 0);
	ck_assert_int_eq(first, 1);
	ck_assert_int_eq(runset_shown(&s, 9, 1u << FIND_DAMAGING_LARGE_SET, &first), 0);
	ck_assert_int_eq(first, 0);
	ck_assert_uint_eq(runset_shown_kinds(&s, 9),
			  1u << FIND_UNAPPROVED | 1u << FIND_DAMAGING_LARGE_SET);
	ck_assert_uint_eq(runset_hidden(&s), 0);
	ck_assert_uint_eq(runset_shown_kinds(&s, 10), 0);
	runset_free(&s);
}
END_TEST

static struct run running(uint64_t id, const char *status)
{
	struct run r;
	memset(&r, 0, sizeof r);
	r.id = id;
	r.job_id = r.category = r.user = r.set_name = "";
	r.name = "Withdraw items";
	r.user_name = "Moody, Honor";
	r.status = status;
	r.records = -1;
	return r;
}

START_TEST(unknown_size_held_until_answered)
{
	struct runset s;
	runset_init(&s);
	char status[16] = "RUNNING";
	struct run a = running(1, status), b = running(2, status);
	a.records_note = "none: no counter matches (of 70 counters: ...)";
	ck_assert_int_eq(runset_hold(&s, &a), 0);
	ck_assert_int_eq(runset_hold(&s, &b), 0);
	/* held compact: no verdict (its details are 800 bytes; judged again at
	 * the end), no records_note (no report shows it) */
	ck_assert_uint_lt(sizeof s.held[0], sizeof(struct verdict));
	ck_assert_ptr_null(s.held[0].run.records_note);
	/* the held copy owns its strings: the row buffer may change */
	strcpy(status, "XXXXXXX");
	ck_assert_str_eq(s.held[0].run.status, "RUNNING");
	ck_assert(runset_held(&s, 1));
	/* a later copy without a count replaces the held one */
	struct run b2 = running(2, "COMPLETED_SUCCESS");
	ck_assert_int_eq(runset_hold(&s, &b2), 0);
	ck_assert_uint_eq(s.nheld, 2);
	ck_assert_str_eq(s.held[1].run.status, "COMPLETED_SUCCESS");
	/* a copy with a count lets run 1 go */
	runset_release(&s, 1);
	ck_assert(!runset_held(&s, 1));
	ck_assert_int_eq(s.held[0].live, 0);
	ck_assert_int_eq(s.held[1].live, 1);
	runset_release(&s, 3); /* never held: nothing */
	runset_free(&s);
}
END_TEST

START_TEST(idmap_values)
{
	struct idmap m;
	idmap_init(&m);
	ck_assert_ptr_null(idmap_get(&m, 5));
	for (uint64_t id = 0; id < 5000; id++)
		*idmap_put(&m, id * 7919) = (uint32_t)id;
	for (uint64_t id = 0; id < 5000; id++)
		ck_assert_uint_eq(*idmap_get(&m, id * 7919), id);
	ck_assert_ptr_null(idmap_get(&m, 7918));
	idmap_free(&m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("runset");
	TCase *tc = tcase_create("runset");
	tcase_add_test(tc, ids_count_once);
	tcase_add_test(tc, findings_are_the_union_of_copies);
	tcase_add_test(tc, unknown_size_held_until_answered);
	tcase_add_test(tc, idmap_values);
	tcase_add_test(tc, idset_exact_and_compact);
	tcase_add_test(tc, idset_far_ids);
	tcase_add_test(tc, flagged_once);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
