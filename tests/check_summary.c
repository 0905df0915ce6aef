/* Unit tests of reports/summary.c: the bounded aggregates. Rows of the
 * rules' people and jobs are always kept; open-ended labels past the bound
 * fold into an "others" row with exact sums; days are sparse; the findings
 * kept per kind grow as they come, never sized by --limit; a summary out of
 * memory says so in the report. */
#include "matrix.h"
#include "period.h"
#include "report.h"
#include "rules.h"
#include "summary.h"
#include "tally.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct rules *rules;

static void setup(void)
{
	times_set_zone("UTC");
	rules = matrix_load(ALMAUDIT_SOURCE_DIR "/rules");
	ck_assert_ptr_nonnull(rules);
}

static void teardown(void)
{
	matrix_free(rules);
}

static struct run make(uint64_t id, const char *name, const char *user_name, const char *time)
{
	struct run r = {0};
	r.file = "t.csv";
	r.id = id;
	r.name = name;
	r.job_id = r.category = "";
	r.type = RUN_MANUAL;
	r.user = "";
	r.user_name = user_name;
	ck_assert_int_eq(times_parse(time, strlen(time), &r.time), 0);
	r.time_ms = r.time * 1000;
	r.status = "COMPLETED_SUCCESS";
	r.records = 10;
	r.set_name = "";
	return r;
}

static struct verdict judged(int job, int person)
{
	struct verdict v;
	memset(&v, 0, sizeof v);
	v.job = job;
	v.person = person;
	v.approval = v.later = v.revoked = -1;
	return v;
}

static const struct summary_row *find_row(const struct summary_row *rows, size_t n,
					  const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].label, label) == 0)
			return &rows[i];
	return NULL;
}

/* Past the bound, new strangers and unlisted names fold into "others" with
 * exact sums; the rows kept stay exact, including later runs of a kept
 * label; the rules' people and jobs are never folded. */
START_TEST(others_fold_with_exact_sums)
{
	struct summary s;
	summary_init(&s, 5);
	s.keep = 3;
	char name[32], job[32];
	uint64_t id = 1, want_runs = 0, want_unapproved = 0, want_signoff = 0;
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 10; i++) {
			snprintf(name, sizeof name, "Stranger %d", i);
			snprintf(job, sizeof job, "Unlisted %d", i);
			/* a stranger running a listed job, i + 1 runs a round */
			for (int k = 0; k <= i; k++) {
				struct run r = make(id++, "Change Physical Items", name,
						    "2026-10-08T10:00:00Z");
				struct verdict v = judged(0, -1);
				unsigned kinds = 1u << FIND_UNAPPROVED;
				if (k == 0)
					kinds |= 1u << FIND_NO_SIGNOFF;
				summary_add(&s, rules, &r, &v, kinds, 0, 1);
				if (i >= 3) {
					want_runs++;
					want_unapproved++;
					want_signoff += k == 0;
				}
			}
			/* someone in staff.csv running an unlisted job */
			struct run r = make(id++, job, "", "2026-10-08T11:00:00Z");
			struct verdict v = judged(-1, 0);
			summary_add(&s, rules, &r, &v, 1u << FIND_UNLISTED_JOB, 0, 1);
		}
	ck_assert_int_eq(s.failed, 0);
	summary_sort(&s);

	/* people: 3 strangers kept, and Honor Moody */
	ck_assert_uint_eq(s.npeople, 4);
	ck_assert_uint_eq(s.kept_people, 3);
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "Stranger %d (not in staff.csv)", i);
		const struct summary_row *p = find_row(s.people, s.npeople, name);
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq(p->runs, 2 * (i + 1));
		ck_assert_uint_eq(p->count[FIND_UNAPPROVED], 2 * (i + 1));
		ck_assert_uint_eq(p->count[FIND_NO_SIGNOFF], 2);
	}
	char known[160];
	snprintf(known, sizeof known, "%s (%s)", rules->people[0].name, rules->people[0].unit);
	const struct summary_row *staff = find_row(s.people, s.npeople, known);
	ck_assert_ptr_nonnull(staff);
	ck_assert_uint_eq(staff->count[FIND_UNLISTED_JOB], 20);
	ck_assert(summary_folded(&s.people_others));
	ck_assert_uint_eq(s.people_others.runs, want_runs);
	ck_assert_uint_eq(s.people_others.count[FIND_UNAPPROVED], want_unapproved);
	ck_assert_uint_eq(s.people_others.count[FIND_NO_SIGNOFF], want_signoff);
	ck_assert_uint_eq(s.people_others.count[FIND_UNLISTED_JOB], 0);
	ck_assert_str_eq(s.people_others.label, "(other people not in staff.csv)");

	/* jobs: the listed job, and 3 unlisted names kept */
	ck_assert_uint_eq(s.njobs, 4);
	const struct summary_row *listed =
		find_row(s.jobs, s.njobs, rules->jobs[0].id);
	ck_assert_ptr_nonnull(listed);
	ck_assert_uint_eq(listed->runs, 2 * 55);
	for (int i = 0; i < 3; i++) {
		snprintf(job, sizeof job, "Unlisted %d", i);
		const struct summary_row *j = find_row(s.jobs, s.njobs, job);
		ck_assert_ptr_nonnull(j);
		ck_assert_uint_eq(j->runs, 2);
	}
	ck_assert_uint_eq(s.jobs_others.runs, 2 * 7);
	ck_assert_uint_eq(s.jobs_others.count[FIND_UNLISTED_JOB], 2 * 7);

	/* every count is somewhere: kept rows plus others equal the totals */
	uint64_t runs = s.people_others.runs;
	for (size_t i = 0; i < s.npeople; i++)
		runs += s.people[i].runs;
	ck_assert_uint_eq(runs, s.runs);
	runs = s.jobs_others.runs;
	for (size_t i = 0; i < s.njobs; i++)
		runs += s.jobs[i].runs;
	ck_assert_uint_eq(runs, s.runs);
	/* units are bounded by the rules: never folded */
	ck_assert_uint_eq(s.nunits, 2);

	char note[256];
	summary_others_note(note, sizeof note, &s, &s.people_others);
	ck_assert_str_eq(note, "Only the first 3 people not in staff.csv have a row each; those "
			       "seen after them are summed in \"(other people not in staff.csv)\"; "
			       "--format csv lists every finding.");
	summary_free(&s);
}
END_TEST

/* Nothing folded: no others row, whatever the number of rules' people. */
START_TEST(nothing_folded_below_the_bound)
{
	struct summary s;
	summary_init(&s, 5);
	ck_assert_uint_eq(s.keep, SUMMARY_KEEP);
	struct run r = make(1, "Unlisted", "Someone", "2026-10-08T10:00:00Z");
	struct verdict v = judged(-1, -1);
	summary_add(&s, rules, &r, &v, 1u << FIND_UNLISTED_JOB, 0, 1);
	ck_assert(!summary_folded(&s.people_others));
	ck_assert(!summary_folded(&s.jobs_others));
	summary_free(&s);
}
END_TEST

/* Two runs 8,000 years apart: two day entries, not 2.9 million, by date
 * after sorting, with their counts. */
START_TEST(days_are_sparse)
{
	struct summary s;
	summary_init(&s, 5);
	struct run late = make(1, "Change Physical Items", "Moody, Honor", "9000-06-01T10:00:00Z");
	struct run early = make(2, "Change Physical Items", "Moody, Honor", "1901-01-01T10:00:00Z");
	struct run early2 = make(3, "Change Physical Items", "Moody, Honor", "1901-01-01T23:00:00Z");
	summary_audited(&s, &late);
	summary_audited(&s, &early);
	summary_audited(&s, &early2);
	summary_flag(&s, &early2);
	ck_assert_int_eq(s.failed, 0);
	ck_assert_uint_eq(s.ndays, 2);
	ck_assert_uint_le(s.cdays, 16);
	summary_sort(&s);
	ck_assert_int_eq(s.days[0].day, times_local_day(early.time));
	ck_assert_uint_eq(s.days[0].runs, 2);
	ck_assert_uint_eq(s.days[0].flagged, 1);
	ck_assert_int_eq(s.days[1].day, times_local_day(late.time));
	ck_assert_uint_eq(s.days[1].runs, 1);
	ck_assert_uint_eq(s.days[1].flagged, 0);
	summary_free(&s);
}
END_TEST

/* One run a day for 80,000 days, in order and then backwards: linear work,
 * every day counted once. */
START_TEST(many_days_linear)
{
	struct summary s;
	summary_init(&s, 5);
	struct run r = make(1, "Change Physical Items", "Moody, Honor", "1901-01-01T10:00:00Z");
	int64_t t0 = r.time;
	for (int64_t d = 0; d < 80000; d++) {
		r.time = t0 + d * 86400;
		summary_audited(&s, &r);
	}
	for (int64_t d = 80000; d-- > 0;) {
		r.time = t0 + d * 86400;
		summary_flag(&s, &r);
	}
	ck_assert_uint_eq(s.ndays, 80000);
	summary_sort(&s);
	uint64_t wrong = 0;
	for (size_t i = 0; i < s.ndays; i++)
		wrong += s.days[i].runs != 1 || s.days[i].flagged != 1 ||
			 s.days[i].day != times_local_day(t0) + (int64_t)i;
	ck_assert_uint_eq(wrong, 0);
	summary_free(&s);
}
END_TEST

/* A huge --limit allocates nothing up front: the findings kept grow as they
 * come. */
START_TEST(kept_grow_not_sized_by_limit)
{
	struct summary s;
	summary_init(&s, SIZE_MAX / 2);
	struct run r = make(1, "Unlisted", "Someone", "2026-10-08T10:00:00Z");
	struct verdict v = judged(-1, -1);
	for (uint64_t i = 1; i <= 100; i++) {
		r.id = i;
		summary_add(&s, rules, &r, &v, 1u << FIND_UNLISTED_JOB, 0, 1);
	}
	ck_assert_int_eq(s.failed, 0);
	ck_assert_uint_eq(s.nkept[FIND_UNLISTED_JOB], 100);
	ck_assert_uint_le(s.ckept[FIND_UNLISTED_JOB], 256);
	summary_sort(&s);
	ck_assert_uint_eq(s.kept[FIND_UNLISTED_JOB][99].id, 100);
	summary_free(&s);
}
END_TEST

/* The findings kept are the first --limit by time, then run id, then as
 * they came (a waived run's kinds: in the order waived), whatever order
 * the runs come in: checked against a sort of all of them, with many ties,
 * for several limits and orders (latest first, shuffled). */
struct offer {
	int64_t time;
	uint64_t id;
	int kind, seq;
};

static int offer_cmp(const void *a, const void *b)
{
	const struct offer *x = a, *y = b;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->seq - y->seq;
}

START_TEST(kept_first_by_time_in_any_order)
{
	enum { N = 3000 };
	static struct offer o[N], sorted[N];
	static const size_t limits[] = {1, 2, 5, 50, 2999, 3000, 5000};
	struct run r = make(1, "Unlisted", "Someone", "2026-10-08T10:00:00Z");
	struct verdict v = judged(-1, -1);
	uint64_t x = 88172645463325252ull;
	for (int order = 0; order < 3; order++) {
		for (int i = 0; i < N; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			/* 0: latest first; 1, 2: shuffled, with ties of time and id */
			o[i].time = order == 0 ? r.time - i * 60 : r.time + (int64_t)(x % 40) * 60;
			o[i].id = order == 2 ? x % 7 : (x >> 8) % 1000;
			o[i].kind = (int)((x >> 20) % 3);
			o[i].seq = i;
		}
		memcpy(sorted, o, sizeof o);
		qsort(sorted, N, sizeof *sorted, offer_cmp);
		for (size_t l = 0; l < sizeof limits / sizeof limits[0]; l++) {
			struct summary s;
			summary_init(&s, limits[l]);
			for (int i = 0; i < N; i++) {
				struct run ri = r;
				ri.time = o[i].time;
				ri.id = o[i].id;
				summary_add(&s, rules, &ri, &v, 1u << FIND_UNLISTED_JOB, 0, 1);
				summary_waive(&s, rules, &ri, &v, (enum finding_kind)o[i].kind, -1, 0);
			}
			summary_sort(&s);
			size_t want = limits[l] < N ? limits[l] : N;
			ck_assert_int_eq(s.failed, 0);
			ck_assert_uint_eq(s.nkept[FIND_UNLISTED_JOB], want);
			ck_assert_uint_eq(s.nwaived_kept, want);
			size_t wrong = 0;
			for (size_t i = 0; i < want; i++) {
				const struct summary_kept *a = &s.kept[FIND_UNLISTED_JOB][i];
				const struct summary_kept *w = &s.waived_kept[i];
				wrong += a->time != sorted[i].time || a->id != sorted[i].id;
				wrong += w->time != sorted[i].time || w->id != sorted[i].id ||
					 w->kind != sorted[i].kind;
			}
			ck_assert_uint_eq(wrong, 0);
			summary_free(&s);
		}
	}
}
END_TEST

/* A summary that ran out of memory: the text and html reports say their
 * tables are short. */
START_TEST(out_of_memory_is_said)
{
	struct summary s;
	struct tally t;
	struct period p;
	summary_init(&s, 5);
	tally_init(&t);
	ck_assert_int_eq(period_set(&p, NULL, NULL, NULL, 20000), 0);
	struct run r = make(1, "Unlisted", "Someone", "2026-10-08T10:00:00Z");
	struct verdict v = judged(-1, -1);
	summary_add(&s, rules, &r, &v, 1u << FIND_UNLISTED_JOB, 0, 1);
	s.failed = 1; /* as when an allocation failed */
	summary_sort(&s);
	struct report_info info = {&t, rules, &p, &s, 0, 1000, NULL, NULL, 0, NULL, NULL, NULL, 0};
	const char *path = testutil_path(".txt");
	FILE *out = fopen(path, "w");
	ck_assert_ptr_nonnull(out);
	report_text_page(out, &info);
	report_text_summary(out, &info);
	report_html_page(out, &info);
	fclose(out);
	char *text = testutil_read(path);
	ck_assert_ptr_nonnull(strstr(text, "OUT OF MEMORY: the tables below are short"));
	ck_assert_ptr_nonnull(strstr(text, "Out of memory: the counts by person and by job are short."));
	ck_assert_ptr_nonnull(strstr(text, "OUT OF MEMORY: the tables and charts below are short"));
	free(text);
	tally_free(&t);
	summary_free(&s);
}
END_TEST

/* A finding's labels, made by hand, are what snprintf made: whole, and cut
 * at every buffer size (a person with and without a unit, a stranger,
 * nobody named, a listed job, an unlisted one with its suffix cut). */
START_TEST(labels_as_snprintf_made_them)
{
	int with_unit = -1, without = -1;
	for (size_t i = 0; i < rules->npeople; i++) {
		if (rules->people[i].unit[0] && with_unit < 0)
			with_unit = (int)i;
		if (!rules->people[i].unit[0] && without < 0)
			without = (int)i;
	}
	ck_assert_int_ge(with_unit, 0);
	struct run r = make(1, "Withdraw items - 2026-10-01 - set A", "Stranger, Some", "2026-10-01T00:00:00Z");
	struct run nobody = make(2, "Unlisted thing", "", "2026-10-01T00:00:00Z");
	const struct {
		const struct run *run;
		int person, job;
	} cases[] = {{&r, with_unit, 0}, {&r, without, 0}, {&r, -1, -1}, {&nobody, -1, -1}};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		if (cases[c].person < 0 && c < 2)
			continue; /* the rules have no person without a unit */
		struct verdict v = judged(cases[c].job, cases[c].person);
		const struct run *run = cases[c].run;
		for (size_t size = 1; size < 80; size++) {
			char got[80], want[80];
			const char *name = run->user_name[0] ? run->user_name : run->user;
			summary_person(got, size, rules, run, &v);
			if (v.person >= 0 && rules->people[v.person].unit[0])
				snprintf(want, size, "%s (%s)", rules->people[v.person].name,
					 rules->people[v.person].unit);
			else if (v.person >= 0)
				snprintf(want, size, "%s", rules->people[v.person].name);
			else
				snprintf(want, size, "%s (not in staff.csv)", name[0] ? name : "nobody named");
			ck_assert_str_eq(got, want);
			summary_job(got, size, rules, run, &v);
			if (v.job >= 0) {
				snprintf(want, size, "%s", rules->jobs[v.job].id);
			} else {
				const char *cut = strstr(run->name, " - ");
				snprintf(want, size, "%.*s",
					 cut ? (int)(cut - run->name) : (int)strlen(run->name), run->name);
			}
			ck_assert_str_eq(got, want);
			summary_unit(got, size, rules, &v);
			snprintf(want, size, "%s",
				 v.person >= 0 && rules->people[v.person].unit[0]
					 ? rules->people[v.person].unit
				 : v.person >= 0 ? "(no unit)"
						 : "(not in staff.csv)");
			ck_assert_str_eq(got, want);
		}
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("summary");
	TCase *tc = tcase_create("summary");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, others_fold_with_exact_sums);
	tcase_add_test(tc, nothing_folded_below_the_bound);
	tcase_add_test(tc, days_are_sparse);
	tcase_add_test(tc, many_days_linear);
	tcase_add_test(tc, kept_grow_not_sized_by_limit);
	tcase_add_test(tc, kept_first_by_time_in_any_order);
	tcase_add_test(tc, out_of_memory_is_said);
	tcase_add_test(tc, labels_as_snprintf_made_them);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
