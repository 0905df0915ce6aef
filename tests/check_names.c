/* Unit tests of analyzer/names.c's names reduced to the first given name
 * and the surname, analyzer/middlenames.c, and the fallback that
 * rules_person_for takes through them: the keys of names with middle names
 * and initials, one-word names left whole, and the cases that must refuse
 * (two people one reduced name, an initial that contradicts). */
#include "matrix.h"
#include "middlenames.h"
#include "names.h"
#include "rules.h"
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

/* The reductions of s, "key|middles" joined by "; ". */
static const char *reduced(const char *s)
{
	static char text[1024];
	struct names_split sp[NAMES_SPLITS];
	size_t n = names_reduce(s, strlen(s), sp, NAMES_SPLITS), used = 0;
	text[0] = '\0';
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(text + used, sizeof text - used, "%s%s|%s", i ? "; " : "",
					 sp[i].key, sp[i].middles);
	return text;
}

START_TEST(reduced_keys)
{
	ck_assert_str_eq(reduced("Fischer, Ben J."), "ben fischer|j.");
	ck_assert_str_eq(reduced("Ben J. Fischer"), "ben fischer|j.");
	ck_assert_str_eq(reduced("Fischer, Ben James"), "ben fischer|james");
	ck_assert_str_eq(reduced("Okafor,  Ngozi  Adaeze "), "ngozi okafor|adaeze");
	/* a compound surname before a comma stays whole */
	ck_assert_str_eq(reduced("van der Berg, Anna M."), "anna van der berg|m.");
	ck_assert_str_eq(reduced("García Márquez, José A."), "jose garcia marquez|a.");
	/* without a comma: the last word, then each longer surname, never one
	 * that begins with an initial */
	ck_assert_str_eq(reduced("Anna M. van der Berg"),
			 "anna berg|m. van der; anna der berg|m. van; anna van der berg|m.");
	ck_assert_str_eq(reduced("José A. García Márquez"),
			 "jose marquez|a. garcia; jose garcia marquez|a.");
	/* no middles: the key is names_key's */
	ck_assert_str_eq(reduced("Fischer, Ben"), "ben fischer|");
	ck_assert_str_eq(reduced("Ben Fischer"), "ben fischer|");
	/* one word, or blank: nothing to reduce */
	ck_assert_str_eq(reduced("Fischer"), "");
	ck_assert_str_eq(reduced("Fischer,"), "");
	ck_assert_str_eq(reduced(", Ben"), "");
	ck_assert_str_eq(reduced("  "), "");
	ck_assert_str_eq(reduced("exl_api"), "");
}
END_TEST

START_TEST(middles_agree_or_contradict)
{
	ck_assert_int_eq(names_middles_agree("j.", ""), 1);
	ck_assert_int_eq(names_middles_agree("", "james"), 1);
	ck_assert_int_eq(names_middles_agree("j.", "james"), 1);
	ck_assert_int_eq(names_middles_agree("j", "j."), 1);
	ck_assert_int_eq(names_middles_agree("james k.", "j."), 1);
	ck_assert_int_eq(names_middles_agree("k.", "james k."), 1);
	ck_assert_int_eq(names_middles_agree("adaeze", "a."), 1);
	/* an initial against another, or a name it does not begin */
	ck_assert_int_eq(names_middles_agree("k.", "j."), 0);
	ck_assert_int_eq(names_middles_agree("k", "james"), 0);
	ck_assert_int_eq(names_middles_agree("john", "james"), 0);
	ck_assert_int_eq(names_middles_agree("j. k.", "k. j."), 0);
}
END_TEST

#define JOBS "job,scope,title,damaging,large_set,match,includes\na,S,A,no,,^A,\n"
#define APPROVALS "job,staff,signed_off,revoked,sets,ticket,note\n"

static struct rules *load(const char *staff)
{
	const char *dir = testutil_dir();
	testutil_write(dir, "jobs.csv", JOBS);
	testutil_write(dir, "staff.csv", staff);
	testutil_write(dir, "approvals.csv", APPROVALS);
	struct rules *r = matrix_load(dir);
	ck_assert_ptr_nonnull(r);
	return r;
}

/* The person rules_person_for finds for a name (no id), and how. */
static int who(const struct rules *r, const char *name, int *how)
{
	return rules_person_for(r, "", name, how);
}

START_TEST(people_found_without_middle_names)
{
	struct rules *r = load("name,unit,alma_ids,aliases\n"
			       "Ben Fischer,ITS,,\n"
			       "Ngozi Okafor,HKS,,\n"
			       "Ben J. Fischer-Ruiz,ITS,,\n"
			       "\"García Márquez, José Antonio\",GUT,,\n"
			       "Anna van der Berg,GUT,,\n"
			       "Cher,GUT,,\n");
	int how;
	/* the whole name first: found by name */
	ck_assert_int_eq(who(r, "Fischer, Ben", &how), 0);
	ck_assert_int_eq(how, RULES_BY_NAME);
	/* the export's middle initial or name, staff.csv without */
	ck_assert_int_eq(who(r, "Fischer, Ben J.", &how), 0);
	ck_assert_int_eq(how, RULES_BY_REDUCED);
	ck_assert_int_eq(who(r, "Ben J Fischer", &how), 0);
	ck_assert_int_eq(how, RULES_BY_REDUCED);
	ck_assert_int_eq(who(r, "Okafor, Ngozi Adaeze", &how), 1);
	ck_assert_int_eq(how, RULES_BY_REDUCED);
	/* the other way round: staff.csv's middles, the export's without */
	ck_assert_int_eq(who(r, "Fischer-Ruiz, Ben", &how), 2);
	ck_assert_int_eq(how, RULES_BY_REDUCED);
	ck_assert_int_eq(who(r, "Fischer-Ruiz, Ben James", &how), 2);
	ck_assert_int_eq(who(r, "García Márquez, José A.", &how), 3);
	ck_assert_int_eq(how, RULES_BY_REDUCED);
	ck_assert_int_eq(who(r, "Garcia Marquez, Jose", &how), 3);
	ck_assert_int_eq(who(r, "van der Berg, Anna M.", &how), 4);
	ck_assert_int_eq(how, RULES_BY_REDUCED);
	/* with the Alma id after it */
	ck_assert_int_eq(who(r, "Fischer, Ben J. (bfischer)", &how), 0);
	ck_assert_int_eq(how, RULES_BY_REDUCED);
	/* an initial that contradicts staff.csv's own */
	ck_assert_int_eq(who(r, "Fischer-Ruiz, Ben K.", &how), -1);
	ck_assert_int_eq(who(r, "Ben Karl Fischer-Ruiz", &how), -1);
	ck_assert_int_eq(who(r, "García Márquez, José B.", &how), -1);
	/* a first name is no middle: nothing to drop from another's */
	ck_assert_int_eq(who(r, "Fischer, Benjamin", &how), -1);
	ck_assert_int_eq(who(r, "Okafor, Adaeze", &how), -1);
	/* one-word names are left whole */
	ck_assert_int_eq(who(r, "Cher", &how), 5);
	ck_assert_int_eq(who(r, "Cher Q.", &how), -1);
	ck_assert_int_eq(who(r, "Fischer", &how), -1);
	matrix_free(r);
}
END_TEST

START_TEST(two_people_one_reduced_name_refuse)
{
	struct rules *r = load("name,unit,alma_ids,aliases\n"
			       "Ben J. Fischer,ITS,,\n"
			       "Ben K. Fischer,ITS,,\n"
			       "Ngozi Okafor,HKS,,\n"
			       "Ngozi A. Okafor,HKS,,\n");
	int how;
	/* whole names still find each */
	ck_assert_int_eq(who(r, "Fischer, Ben J.", &how), 0);
	ck_assert_int_eq(who(r, "Ben K. Fischer", &how), 1);
	ck_assert_int_eq(how, RULES_BY_NAME);
	ck_assert_int_eq(who(r, "Okafor, Ngozi", &how), 2);
	/* without the middle initial, or with a third: both fit, neither is
	 * taken */
	ck_assert_int_eq(who(r, "Fischer, Ben", &how), -1);
	ck_assert_int_eq(how, RULES_BY_SEVERAL);
	ck_assert_int_eq(who(r, "Fischer, Ben James", &how), -1);
	ck_assert_int_eq(how, RULES_BY_SEVERAL);
	ck_assert_int_eq(who(r, "Fischer, Ben Q.", &how), -1);
	ck_assert_int_eq(how, RULES_BY_SEVERAL);
	/* "Ngozi Okafor" and "Ngozi A. Okafor" are two people: Adaeze fits both */
	ck_assert_int_eq(who(r, "Okafor, Ngozi Adaeze", &how), -1);
	ck_assert_int_eq(how, RULES_BY_SEVERAL);

	enum middlenames_how mh;
	int people[4];
	size_t n;
	ck_assert_int_eq(middlenames_find(&r->reduced, "Fischer, Ben", 12, &mh, people, 4, &n), -1);
	ck_assert_int_eq(mh, MIDDLENAMES_SEVERAL);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(people[0], 0);
	ck_assert_int_eq(people[1], 1);
	/* rules check: each pair once */
	testutil_stderr_begin();
	size_t warnings = rules_check_names(r);
	const char *err = testutil_stderr_end();
	ck_assert_uint_eq(warnings, 2);
	ck_assert_ptr_nonnull(strstr(err, "staff.csv:3: warning: 'Ben K. Fischer' and 'Ben J. "
					  "Fischer' (line 2) are one name without their middle "
					  "names ('ben fischer')"));
	ck_assert_ptr_nonnull(strstr(err, "'Ngozi A. Okafor' and 'Ngozi Okafor' (line 4)"));
	matrix_free(r);
}
END_TEST

START_TEST(contradicting_initial_refuses)
{
	struct rules *r = load("name,unit,alma_ids,aliases\n"
			       "Ben J. Fischer,ITS,,\"Fischer, Ben James\"\n");
	int how;
	enum middlenames_how mh;
	ck_assert_int_eq(who(r, "Ben K. Fischer", &how), -1);
	ck_assert_int_eq(how, RULES_BY_NAME);
	ck_assert_int_eq(middlenames_find(&r->reduced, "Ben K. Fischer", 14, &mh, NULL, 0, NULL),
			 -1);
	ck_assert_int_eq(mh, MIDDLENAMES_CONTRADICTS);
	ck_assert_int_eq(who(r, "Fischer, Ben Karl", &how), -1);
	/* John is not James, yet J. may be John: staff.csv's name agrees */
	ck_assert_int_eq(who(r, "Fischer, Ben John", &how), 0);
	/* an initial that agrees, or none: found */
	ck_assert_int_eq(who(r, "Fischer, Ben", &how), 0);
	ck_assert_int_eq(how, RULES_BY_REDUCED);
	ck_assert_int_eq(who(r, "Fischer, Ben J", &how), 0);
	ck_assert_int_eq(who(r, "Ben James K. Fischer", &how), 0);
	/* the name and its alias are one person: no warning */
	testutil_stderr_begin();
	ck_assert_uint_eq(rules_check_names(r), 0);
	ck_assert_str_eq(testutil_stderr_end(), "");
	matrix_free(r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("names");
	TCase *tc = tcase_create("reduced");
	tcase_add_test(tc, reduced_keys);
	tcase_add_test(tc, middles_agree_or_contradict);
	tcase_add_test(tc, people_found_without_middle_names);
	tcase_add_test(tc, two_people_one_reduced_name_refuse);
	tcase_add_test(tc, contradicting_initial_refuses);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
