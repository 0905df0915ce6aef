/* Unit tests of analyzer/page.c, the reader of the matrix page's text, on
 * the shipped page (rules/page.txt) and small pages: every reading rule
 * rules/README.md records (scope and title lines, glued scopes, "(warning)",
 * shared lists, link-only rows, the truncated last row, the local authority
 * second list and "(All of the above)", the with-orders notes, "Anyone with
 * import permissions", "change in role", set notes, people without a unit,
 * aliases written as the page writes them), and what is not a page. */
#include "page.h"
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHIPPED ALMAUDIT_SOURCE_DIR "/rules/page.txt"

static struct page *shipped(void)
{
	struct page *p;
	testutil_stderr_begin();
	int rc = page_load(SHIPPED, &p);
	ck_assert_str_eq(testutil_stderr_end(), "");
	ck_assert_int_eq(rc, 0);
	return p;
}

static struct page *from_text(const char *text)
{
	struct page *p;
	testutil_stderr_begin();
	int rc = page_read("page", text, strlen(text), &p);
	ck_assert_str_eq(testutil_stderr_end(), "");
	ck_assert_int_eq(rc, 0);
	return p;
}

/* The title at a page line (asserted there). */
static const struct page_title *title_at(const struct page *p, long line)
{
	for (size_t i = 0; i < p->ntitles; i++)
		if (p->titles[i].line == line)
			return &p->titles[i];
	ck_abort_msg("no title at line %ld", line);
	return NULL;
}

static const struct page_person *person_at(const struct page *p, long line)
{
	for (size_t i = 0; i < p->npeople; i++)
		if (p->people[i].line == line)
			return &p->people[i];
	ck_abort_msg("no person at line %ld", line);
	return NULL;
}

static const struct page_remark *remark_at(const struct page *p, long line)
{
	for (size_t i = 0; i < p->nremarks; i++)
		if (p->remarks[i].line == line)
			return &p->remarks[i];
	ck_abort_msg("no note at line %ld", line);
	return NULL;
}

START_TEST(shipped_page_whole)
{
	/* every job row of the page (33, as jobs.csv), every name under them,
	 * the six notes; the preamble's bullets are not people */
	struct page *p = shipped();
	ck_assert_int_eq(p->table_line, 32);
	ck_assert_uint_eq(p->ntitles, 33);
	ck_assert_uint_eq(p->npeople, 127);
	ck_assert_uint_eq(p->nremarks, 6);
	ck_assert_int_eq(p->people[0].line, 34);
	ck_assert_str_eq(p->titles[0].title, "Change physical items");
	ck_assert_str_eq(p->titles[32].title, "Move Electronic Portfolio Information");
	page_free(p);
}
END_TEST

START_TEST(scopes_and_titles)
{
	struct page *p = shipped();
	/* a scope glued to its title */
	const struct page_title *t = title_at(p, 33);
	ck_assert_str_eq(t->scope, "Items");
	ck_assert_str_eq(t->title, "Change physical items");
	ck_assert_uint_eq(t->n, 21);
	t = title_at(p, 135);
	ck_assert_str_eq(t->scope, "Import profiles (without orders) - unit specific");
	ck_assert_str_eq(t->title, "HUA Profiles");
	t = title_at(p, 213);
	ck_assert_str_eq(t->scope, "Export bibliographic records");
	ck_assert_str_eq(t->title, "Export Bibliographic Records");
	/* "LoC" is not a glued scope */
	ck_assert_str_eq(title_at(p, 94)->title, "Middle East LoC Acquisitions Profiles");
	ck_assert_str_eq(title_at(p, 94)->scope, "Import profiles WITH ORDERS");
	/* a scope line, then its title */
	t = title_at(p, 71);
	ck_assert_str_eq(t->scope, "Create new import profiles");
	ck_assert_str_eq(t->title, "Creating new profiles (Physical)");
	ck_assert_str_eq(title_at(p, 78)->scope, "Create new import profiles");
	ck_assert_str_eq(title_at(p, 86)->scope, "Import profiles WITH ORDERS");
	ck_assert_str_eq(title_at(p, 102)->scope, "Import profiles (without orders)");
	t = title_at(p, 171);
	ck_assert_str_eq(t->title, "Running norm rules on holdings");
	ck_assert_str_eq(t->scope,
			 "Holding changes (remember the important info regarding the type of input file)");
	ck_assert_uint_eq(t->n, 14);
	page_free(p);
}
END_TEST

START_TEST(warning_marks_damaging)
{
	struct page *p = shipped();
	ck_assert_int_eq(title_at(p, 55)->damaging, 1);
	ck_assert_str_eq(title_at(p, 55)->title, "Batch item withdrawals");
	/* with a space before it */
	ck_assert_int_eq(title_at(p, 161)->damaging, 1);
	ck_assert_str_eq(title_at(p, 161)->title, "Delete Bibliographic records (for CZ/IZ issue)");
	ck_assert_int_eq(title_at(p, 33)->damaging, 0);
	size_t damaging = 0;
	for (size_t i = 0; i < p->ntitles; i++)
		damaging += p->titles[i].damaging;
	ck_assert_uint_eq(damaging, 7);
	page_free(p);
}
END_TEST

START_TEST(shared_list)
{
	/* "PO Lines", then three titles that share one list of nine */
	struct page *p = shipped();
	long lines[] = {191, 193, 195};
	for (size_t i = 0; i < 3; i++) {
		const struct page_title *t = title_at(p, lines[i]);
		ck_assert_str_eq(t->scope, "PO Lines");
		ck_assert_uint_eq(t->n, 9);
		ck_assert_str_eq(p->people[t->first].name, "Amy Dittman");
		ck_assert_int_eq(p->people[t->first].line, 197);
		ck_assert_str_eq(p->people[t->first + 8].name, "Colin Van Alstine");
	}
	ck_assert_str_eq(title_at(p, 191)->title,
			 "Update PO lines information (NOT Update PO lines information - advanced)");
	page_free(p);
}
END_TEST

START_TEST(anyone_with_import_permissions)
{
	/* a note glued to the title; no one listed; the next line's glued scope
	 * starts a new row */
	struct page *p = shipped();
	const struct page_title *t = title_at(p, 134);
	ck_assert_str_eq(t->title, "Upload single record from file");
	ck_assert_uint_eq(t->n, 0);
	ck_assert_int_eq(t->truncated, 0);
	const struct page_remark *m = remark_at(p, 134);
	ck_assert_int_eq(m->kind, PAGE_ANYONE_IMPORT);
	ck_assert_str_eq(m->text, "Anyone with import permissions may run this");
	ck_assert_ptr_eq(&p->titles[m->title], t);
	page_free(p);
}
END_TEST

START_TEST(link_only_rows)
{
	struct page *p = shipped();
	const struct page_title *t = title_at(p, 97);
	ck_assert_str_eq(t->title, "/wiki/spaces/ITSworkflows/pages/54823382 (managed by ITS)");
	ck_assert_int_eq(t->link, 1);
	ck_assert_uint_eq(t->n, 2);
	ck_assert_str_eq(p->people[t->first].name, "Ryoko Yamamura");
	ck_assert_ptr_null(p->people[t->first].unit);
	t = title_at(p, 140);
	ck_assert_int_eq(t->link, 1);
	ck_assert_str_eq(t->scope, "Import profiles (without orders) - unit specific");
	ck_assert_int_eq(title_at(p, 94)->link, 0);
	page_free(p);
}
END_TEST

START_TEST(truncated_last_row)
{
	struct page *p = shipped();
	const struct page_title *t = title_at(p, 228);
	ck_assert_int_eq(t->truncated, 1);
	ck_assert_uint_eq(t->n, 0);
	ck_assert_str_eq(t->scope, "Electronic Collections");
	for (size_t i = 0; i + 1 < p->ntitles; i++)
		ck_assert_int_eq(p->titles[i].truncated, 0);
	page_free(p);
}
END_TEST

START_TEST(local_authority_second_list)
{
	/* "(Use of local authority ...)" between the scope and the title names
	 * the job of the second list, which opens with "(All of the above)" */
	struct page *p = shipped();
	const struct page_title *bibs = title_at(p, 147);
	ck_assert_str_eq(bibs->title, "Running norm rules on bibs");
	ck_assert_str_eq(bibs->scope, "Bib changes");
	ck_assert_uint_eq(bibs->n, 6);
	ck_assert_str_eq(p->people[bibs->first + 5].name, "Vernica Downey");
	const struct page_title *aap = title_at(p, 145);
	ck_assert_str_eq(aap->title, "Use of local authority records to update Authorized Access Points");
	ck_assert_int_eq(aap->from_note, 1);
	ck_assert_str_eq(aap->scope, "Bib changes");
	ck_assert_uint_eq(aap->n, 2);
	ck_assert_str_eq(p->people[aap->first].name, "John Dickson");
	ck_assert_int_eq(p->people[aap->first].line, 159);
	ck_assert_int_eq(p->people[aap->first + 1].line, 160);
	ck_assert_ptr_eq(aap, bibs + 1); /* the title "above" it is the first list's */
	const struct page_remark *m = remark_at(p, 158);
	ck_assert_int_eq(m->kind, PAGE_ALL_ABOVE);
	ck_assert_ptr_eq(&p->titles[m->title], aap);
	/* and the scope goes on */
	ck_assert_str_eq(title_at(p, 161)->scope, "Bib changes");
	page_free(p);
}
END_TEST

START_TEST(with_orders_and_includes_notes)
{
	struct page *p = shipped();
	const struct page_remark *m = remark_at(p, 93);
	ck_assert_int_eq(m->kind, PAGE_ORDERS_LISTED);
	ck_assert_str_eq(p->titles[m->title].title, "Staff import profiles - Bibs, Hols, Items + ORDERS");
	m = remark_at(p, 104);
	ck_assert_int_eq(m->kind, PAGE_ORDERS_HOLDERS);
	ck_assert_str_eq(p->titles[m->title].title,
			 "Staff import profiles - Bibs, Hols, Items (multiple formats)");
	/* the notes are not people */
	ck_assert_uint_eq(title_at(p, 86)->n, 6);
	ck_assert_uint_eq(title_at(p, 102)->n, 9);
	ck_assert_str_eq(p->people[title_at(p, 102)->first].name, "Catherine Garcia");
	m = remark_at(p, 73);
	ck_assert_int_eq(m->kind, PAGE_INCLUDES_BELOW);
	ck_assert_int_eq(p->titles[m->title].line, 71);
	m = remark_at(p, 80);
	ck_assert_int_eq(m->kind, PAGE_INCLUDES_BELOW);
	ck_assert_int_eq(p->titles[m->title].line, 78);
	page_free(p);
}
END_TEST

START_TEST(people_as_written)
{
	struct page *p = shipped();
	/* "change in role": revoked */
	const struct page_person *b = person_at(p, 162);
	ck_assert_str_eq(b->name, "Amy Armitage");
	ck_assert_str_eq(b->unit, "ITS");
	ck_assert_str_eq(b->note, "change in role");
	ck_assert_int_eq(b->revoked, 1);
	ck_assert_int_eq(b->sets, 0);
	ck_assert_int_eq(person_at(p, 173)->revoked, 1);
	/* a set note glued to the unit */
	b = person_at(p, 165);
	ck_assert_str_eq(b->name, "Vardit Samuels");
	ck_assert_str_eq(b->unit, "JUD");
	ck_assert_str_eq(b->note, "Judaica sets");
	ck_assert_int_eq(b->sets, 1);
	ck_assert_int_eq(b->revoked, 0);
	/* a set limit on the title */
	ck_assert_str_eq(title_at(p, 187)->sets, "WID only");
	ck_assert_str_eq(title_at(p, 187)->title, "Delete holdings without items (WID only)");
	ck_assert_ptr_null(title_at(p, 71)->sets);
	/* no unit; a unit with a comma; a unit with a slash */
	b = person_at(p, 60);
	ck_assert_str_eq(b->name, "Brandon Lebel");
	ck_assert_ptr_null(b->unit);
	ck_assert_ptr_null(b->note);
	ck_assert_str_eq(person_at(p, 36)->unit, "Access Services, MED GUT KSG SEC");
	ck_assert_str_eq(person_at(p, 42)->unit, "HKS/GUT");
	/* one person written two ways: as the page writes each */
	ck_assert_str_eq(person_at(p, 37)->name, "Chiun Chau");
	ck_assert_str_eq(person_at(p, 88)->name, "Chiunkwan Chau");
	ck_assert_str_eq(person_at(p, 57)->name, "Josh Parker");
	ck_assert_str_eq(person_at(p, 209)->name, "Colin Van Alstin");
	ck_assert_str_eq(person_at(p, 34)->unit, "ITS Music");
	ck_assert_str_eq(person_at(p, 180)->unit, "MED");
	page_free(p);
}
END_TEST

START_TEST(copied_text)
{
	/* no-break spaces, tabs and CRLF, as a copy from a browser has them; a
	 * tab between the scope's cell and the title's; a note without
	 * parentheses; "change in role" without a unit; a second
	 * list with no note to name it continues the first */
	struct page *p = from_text("Jobs\r\n\r\n"
				   "Scope\tJob name\tStaff name (unit)\r\n"
				   "Items\xC2\xA0\tChange physical items\r\n"
				   "\xC2\xA0\xC2\xA0\xE2\x80\xA2\xC2\xA0Honor\xC2\xA0Moody (ITS)\r\n"
				   "  \xE2\x80\xA2 Amy Armitage change in role\r\n"
				   "\r\n"
				   "  * Te-Yi Lee (GUT) on leave\r\n");
	ck_assert_uint_eq(p->ntitles, 1);
	ck_assert_str_eq(p->titles[0].scope, "Items");
	ck_assert_str_eq(p->titles[0].title, "Change physical items");
	ck_assert_uint_eq(p->titles[0].n, 3);
	ck_assert_str_eq(p->people[0].name, "Honor Moody");
	ck_assert_str_eq(p->people[0].unit, "ITS");
	ck_assert_int_eq(p->people[0].line, 5);
	ck_assert_str_eq(p->people[1].name, "Amy Armitage");
	ck_assert_int_eq(p->people[1].revoked, 1);
	ck_assert_ptr_null(p->people[1].unit);
	ck_assert_str_eq(p->people[2].note, "on leave");
	ck_assert_int_eq(p->people[2].sets, 0);
	ck_assert_int_eq(p->people[2].line, 8);
	page_free(p);
}
END_TEST

START_TEST(unknown_notes_kept)
{
	/* a note line the reading rules do not know, and a person before any
	 * title: both kept as notes, for drift to report */
	struct page *p = from_text("ScopeJob nameStaff name (unit)\n"
				   "  \xE2\x80\xA2 Nobody Above (ITS)\n"
				   "Items\n"
				   "Change physical items\n"
				   "(only on Tuesdays)\n"
				   "  \xE2\x80\xA2 Honor Moody (ITS)\n");
	ck_assert_uint_eq(p->ntitles, 1);
	ck_assert_str_eq(p->titles[0].scope, "Items");
	ck_assert_uint_eq(p->titles[0].n, 1);
	ck_assert_uint_eq(p->nremarks, 2);
	ck_assert_int_eq(p->remarks[0].kind, PAGE_REMARK_OTHER);
	ck_assert_int_eq(p->remarks[0].title, -1);
	ck_assert_int_eq(p->remarks[0].line, 2);
	ck_assert_int_eq(p->remarks[1].kind, PAGE_REMARK_OTHER);
	ck_assert_str_eq(p->remarks[1].text, "only on Tuesdays");
	ck_assert_int_eq(p->remarks[1].title, 0);
	page_free(p);
}
END_TEST

START_TEST(not_a_page)
{
	struct page *p = (struct page *)1;
	testutil_stderr_begin();
	ck_assert_int_eq(page_read("x.txt", "name,unit\nHonor Moody,ITS\n", 26, &p), -1);
	ck_assert_str_eq(testutil_stderr_end(),
			 "almaudit: x.txt: no job table: no line 'ScopeJob nameStaff name (unit)' "
			 "(not the matrix page?)\n");
	ck_assert_ptr_null(p);
	testutil_stderr_begin();
	ck_assert_int_eq(page_read("y.txt", "Jobs\n\nScopeJob nameStaff name (unit)\n\n", 38, &p), -1);
	ck_assert_str_eq(testutil_stderr_end(),
			 "almaudit: y.txt:3: no job titles after the table's header (not the matrix "
			 "page?)\n");
	testutil_stderr_begin();
	ck_assert_int_eq(page_load("/nonexistent/page.txt", &p), -1);
	ck_assert_str_eq(testutil_stderr_end(),
			 "almaudit: /nonexistent/page.txt: cannot read: No such file or directory\n");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("page");
	TCase *tc = tcase_create("page");
	tcase_add_test(tc, shipped_page_whole);
	tcase_add_test(tc, scopes_and_titles);
	tcase_add_test(tc, warning_marks_damaging);
	tcase_add_test(tc, shared_list);
	tcase_add_test(tc, anyone_with_import_permissions);
	tcase_add_test(tc, link_only_rows);
	tcase_add_test(tc, truncated_last_row);
	tcase_add_test(tc, local_authority_second_list);
	tcase_add_test(tc, with_orders_and_includes_notes);
	tcase_add_test(tc, people_as_written);
	tcase_add_test(tc, copied_text);
	tcase_add_test(tc, unknown_notes_kept);
	tcase_add_test(tc, not_a_page);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
