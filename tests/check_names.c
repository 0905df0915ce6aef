/* Unit tests of analyzer/names.c: a name's key (case, accents, spaces,
 * "Last, First" turned round, Unicode folding, never past its buffer); and
 * names reduced to the first given name
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

START_TEST(name_keys)
{
	char key[NAMES_KEY_MAX];
	names_key("Van Alstine,  Colin", 19, key);
	ck_assert_str_eq(key, "colin van alstine");
	names_key(" Dvořák, Antonín ", 19, key);
	ck_assert_str_eq(key, "antonin dvorak");
	names_key("ÆSIR Þór ß", strlen("ÆSIR Þór ß"), key);
	ck_assert_str_eq(key, "aesir thor ss");
	ck_assert_uint_eq(names_key("  ,  ", 5, key), 0);
	/* a suffix ends the key in every form Alma and a page write it */
	static const char *const tom[] = {"Tom Fischer Jr.", "Fischer, Tom Jr.", "Fischer, Tom, Jr.",
					  "Fischer Jr., Tom", "Tom Fischer, Jr.", "FISCHER, TOM JR",
					  "Tom Fischer jr"};
	for (size_t i = 0; i < sizeof tom / sizeof tom[0]; i++) {
		names_key(tom[i], strlen(tom[i]), key);
		ck_assert_msg(strcmp(key, "tom fischer jr") == 0, "%s: %s", tom[i], key);
	}
	names_key("Fischer, Tom III", 16, key);
	ck_assert_str_eq(key, "tom fischer iii");
	names_key("Rahman, Md", 10, key); /* a given name, not a suffix */
	ck_assert_str_eq(key, "md rahman");
	names_key("Smith, John MD", 14, key);
	ck_assert_str_eq(key, "john smith md");
	names_key("Fischer, ", 9, key);
	ck_assert_str_eq(key, "fischer");
	ck_assert_uint_eq(names_distance("colin van alstin", "colin van alstine"), 1);
	ck_assert_uint_eq(names_distance("", "abc"), 3);
}
END_TEST

static const char *key_of(const char *s)
{
	static char key[NAMES_KEY_MAX];
	names_key(s, strlen(s), key);
	return key;
}

/* Names fold with Unicode normalisation: decomposed and precomposed accents,
 * letters past Latin Extended-A, letters with no decomposition. */
START_TEST(name_keys_unicode)
{
	ck_assert_str_eq(key_of("Nu\xcc\x81n\xcc\x83" "ez, Rosa"), "rosa nunez"); /* decomposed */
	ck_assert_str_eq(key_of("Núñez, Rosa"), "rosa nunez");
	ck_assert_str_eq(key_of("NÚÑEZ, ROSA"), "rosa nunez");
	ck_assert_str_eq(key_of("Nguyễn Thị Minh"), "nguyen thi minh");
	ck_assert_str_eq(key_of("Søren Kierkegård"), "soren kierkegard");
	ck_assert_str_eq(key_of("SØREN"), "soren");
	ck_assert_str_eq(key_of("Łukasz Wałęsa"), "lukasz walesa");
	ck_assert_str_eq(key_of("Strauß"), "strauss");
	ck_assert_str_eq(key_of("Ærø Æsa"), "aero aesa");
	ck_assert_str_eq(key_of("Đorđe ĐUKIĆ"), "dorde dukic");
	ck_assert_str_eq(key_of("Þóra"), "thora");
	ck_assert_str_eq(key_of("Œuvre"), "oeuvre");
	ck_assert_str_eq(key_of("Işık"), "isik");
	ck_assert_str_eq(key_of("İstanbul"), "istanbul");
	ck_assert_str_eq(key_of("O\xe2\x80\x99" "Donnell,\xc2\xa0Paris"), "paris o'donnell");
	ck_assert_str_eq(key_of("\xef\xbc\xa1my \xe2\x80\x83 Armitage"), "amy armitage"); /* fullwidth, em space */
	/* a double surname's dash and an apostrophe as a page or Excel types
	 * them (en dash, non-breaking hyphen, minus; acute accent, prime) */
	ck_assert_str_eq(key_of("Smith\xe2\x80\x93Jones, Ann"), "ann smith-jones");
	ck_assert_str_eq(key_of("Smith\xe2\x80\x91Jones, Ann"), "ann smith-jones");
	ck_assert_str_eq(key_of("Smith\xe2\x88\x92Jones, Ann"), "ann smith-jones");
	ck_assert_str_eq(key_of("O\xc2\xb4" "Brien, Pat"), "pat o'brien");
	ck_assert_str_eq(key_of("O\xe2\x80\xb2" "Brien, Pat"), "pat o'brien");
	/* invisible characters pasted with a name (soft hyphen, zero-width
	 * space and joiner, word joiner, byte order mark) are not letters */
	ck_assert_str_eq(key_of("Núñez, Ro\xc2\xad" "sa"), "rosa nunez");
	ck_assert_str_eq(key_of("Núñez, Rosa\xe2\x80\x8b"), "rosa nunez");
	ck_assert_str_eq(key_of("\xef\xbb\xbf" "Amy Armi\xe2\x80\x8d" "tage\xe2\x81\xa0"), "amy armitage");
	/* another script keeps its letters */
	ck_assert_str_eq(key_of("李, 小龍"), "小龍 李");
	/* invalid UTF-8 does not stop the fold */
	ck_assert_str_eq(key_of("Bad\xff, Byte"), "byte bad\xef\xbf\xbd");
}
END_TEST

/* A key never passes NAMES_KEY_MAX bytes, whatever the input, and is cut at
 * a character boundary: "X, a" then 42 three-byte characters once wrote one
 * byte past the key (issue 12). */
START_TEST(name_keys_never_overflow)
{
	/* characters of each byte width, and what each folds to */
	static const char *const widths[] = {"A", "é", "一", "😀"};
	static const char *const folded[] = {"a", "e", "一", "😀"};
	for (size_t w = 0; w < 4; w++) {
		for (size_t count = 1; count < 300; count += (count < 140 ? 1 : 37)) {
			for (int form = 0; form < 3; form++) {
				char in[2048];
				size_t n = 0;
				if (form == 1)
					n += (size_t)sprintf(in, "X, a");
				else if (form == 2)
					n += (size_t)sprintf(in, "X, ");
				for (size_t i = 0; i < count; i++)
					n += (size_t)sprintf(in + n, "%s", widths[w]);
				/* a guard past the key's end: it must stay as it is */
				char buf[NAMES_KEY_MAX + 16];
				memset(buf, 0x5a, sizeof buf);
				size_t len = names_key(in, n, buf);
				ck_assert_uint_lt(len, NAMES_KEY_MAX);
				ck_assert_uint_eq(strlen(buf), len);
				for (size_t g = NAMES_KEY_MAX; g < sizeof buf; g++)
					ck_assert_int_eq(buf[g], 0x5a);
				/* whole characters only: the cut leaves valid UTF-8 */
				size_t wl = strlen(folded[w]);
				const char *p = buf;
				if (form == 1 && len && buf[0] == 'a')
					p++;
				while (*p && *p != ' ') {
					ck_assert_msg(memcmp(p, folded[w], wl) == 0,
						      "width %zu count %zu form %d: cut inside a character",
						      wl, count, form);
					p += wl;
				}
			}
		}
	}
	/* the input of issue 12 */
	char in[256];
	size_t n = (size_t)sprintf(in, "X, a");
	for (int i = 0; i < 42; i++)
		n += (size_t)sprintf(in + n, "一");
	char buf[NAMES_KEY_MAX + 1];
	buf[NAMES_KEY_MAX] = 0x5a;
	ck_assert_uint_eq(names_key(in, n, buf), 127);
	ck_assert_int_eq(buf[NAMES_KEY_MAX], 0x5a);
}
END_TEST

/* The indexes matrix_load builds agree with the tables they index: job ids
 * found by binary search, the granted lists with the grants matrix, the
 * approvals by person, and rules_may_run with a count made the slow way. */
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
	TCase *keys = tcase_create("keys");
	tcase_add_test(keys, name_keys);
	tcase_add_test(keys, name_keys_unicode);
	tcase_add_test(keys, name_keys_never_overflow);
	suite_add_tcase(s, keys);
	return testutil_run(s);
}
