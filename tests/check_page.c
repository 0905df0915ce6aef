/* Unit tests of analyzer/page.c, the reader of the matrix page's text, on
 * the shipped page (rules/page.txt) and small pages: every reading rule
 * rules/README.md records (scope and title lines, glued scopes, "(warning)",
 * shared lists, link-only rows, the truncated last row, the local authority
 * second list and "(All of the above)", the with-orders notes, "Anyone with
 * import permissions", "change in role", set notes, people without a unit,
 * aliases written as the page writes them), and what is not a page; and
 * of analyzer/drift.c, the comparison with the rules that those rules feed:
 * none on the shipped page and rules, each kind of difference at its page
 * line, units compared as sets of codes. */
#include "drift.h"
#include "matrix.h"
#include "page.h"
#include "rules.h"
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


/* The page text with the first `from` replaced by `to` (the caller frees). */
static char *edit(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	ck_assert_ptr_nonnull(at);
	size_t n = strlen(text) - strlen(from) + strlen(to);
	char *out = malloc(n + 1);
	size_t k = (size_t)(at - text);
	memcpy(out, text, k);
	strcpy(out + k, to);
	strcat(out, at + strlen(from));
	return out;
}

/* The differences of a page (text) against the rules in dir, one a line,
 * as "LINE: text" (page lines) or "jobs.csv:LINE: text"; static storage. */
static const char *drift_of(const char *text, const char *dir)
{
	static char buf[8192];
	struct page *p = from_text(text);
	testutil_stderr_begin();
	struct rules *r = matrix_load(dir);
	ck_assert_str_eq(testutil_stderr_end(), "");
	ck_assert_ptr_nonnull(r);
	struct drift d;
	ck_assert_int_eq(drift_compare(p, r, &d), 0);
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < d.n; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%ld: %s\n",
					d.items[i].on_page ? "" : "jobs.csv:", d.items[i].line,
					d.items[i].text);
	drift_free(&d);
	matrix_free(r);
	page_free(p);
	return buf;
}

#define RULES ALMAUDIT_SOURCE_DIR "/rules"

START_TEST(no_drift_on_shipped)
{
	/* aliases (Chiun Chau, Josh Parker, Colin Van Alstin), the units the
	 * approval notes quote, "change in role", the set notes, the notes'
	 * includes, the second list, the link rows, the last row: all agree */
	char *page = testutil_read(SHIPPED);
	ck_assert_str_eq(drift_of(page, RULES), "");
	free(page);
}
END_TEST

START_TEST(person_added_and_removed)
{
	char *page = testutil_read(SHIPPED);
	char *a = edit(page, "  \xE2\x80\xA2 Te-Yi Lee (GUT)\nWork", "Work");
	char *b = edit(a, "  \xE2\x80\xA2 Laura Hartnett (ITS)\n",
		       "  \xE2\x80\xA2 Laura Hartnett (ITS)\n"
		       "  \xE2\x80\xA2 Tom Ma (ITS)\n");
	ck_assert_str_eq(drift_of(b, RULES),
			 "46: \"Change physical items\": Tom Ma is listed, but approvals.csv has no "
			 "approval of Tom Ma for change-physical-items\n"
			 "56: \"Batch item withdrawals\": approvals.csv:34 approves Te-Yi Lee for "
			 "batch-item-withdrawals, but they are not listed\n");
	free(page);
	free(a);
	free(b);
}
END_TEST

/* A copy of the shipped rules with the first `from` in file replaced by `to`. */
static const char *rules_copy(const char *file, const char *from, const char *to)
{
	static const char *const names[] = {"jobs.csv", "staff.csv", "approvals.csv", "waivers.csv"};
	const char *dir = testutil_dir();
	for (size_t i = 0; i < 4; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", RULES, names[i]);
		char *text = testutil_read(path);
		if (!strcmp(names[i], file)) {
			char *e = edit(text, from, to);
			free(text);
			text = e;
		}
		testutil_write(dir, names[i], text);
		free(text);
	}
	return dir;
}

/* The drift of the shipped page with the first `from` replaced by `to`,
 * against the rules in dir. */
static const char *page_edit(const char *from, const char *to, const char *dir)
{
	static char out[8192];
	char *page = testutil_read(SHIPPED);
	char *e = edit(page, from, to);
	snprintf(out, sizeof out, "%s", drift_of(e, dir));
	free(page);
	free(e);
	return out;
}

START_TEST(units_as_sets)
{
	char k1[128], k2[128];
	drift_unit_key("Access Services, MED GUT KSG SEC", k1, sizeof k1);
	drift_unit_key("Access Services/MED/GUT/KSG/SEC", k2, sizeof k2);
	ck_assert_str_eq(k1, "access gut ksg med sec services");
	ck_assert_str_eq(k1, k2);
	drift_unit_key("Access Services, FAL", k1, sizeof k1);
	drift_unit_key("access services/fal", k2, sizeof k2);
	ck_assert_str_eq(k1, k2);
	drift_unit_key("HKS/GUT", k1, sizeof k1);
	drift_unit_key(" GUT ; HKS;GUT", k2, sizeof k2);
	ck_assert_str_eq(k1, "gut hks");
	ck_assert_str_eq(k1, k2);
	drift_unit_key("ITS Music", k1, sizeof k1);
	drift_unit_key("ITS-MUS", k2, sizeof k2);
	ck_assert_str_ne(k1, k2);
	ck_assert_uint_eq(drift_unit_key(NULL, k1, sizeof k1), 0);
	ck_assert_str_eq(k1, "");
	/* the shipped staff.csv writes its units with '/' (as units.csv has
	 * them): they agree with the page's commas */
	char *page = testutil_read(SHIPPED);
	ck_assert_ptr_nonnull(strstr(page, "Brandon Lebel (Access Services, MED GUT KSG SEC)"));
	char *staff = testutil_read(RULES "/staff.csv");
	ck_assert_ptr_nonnull(strstr(staff, "\nBrandon Lebel,Access Services/MED/GUT/KSG/SEC,"));
	free(staff);
	ck_assert_str_eq(drift_of(page, RULES), "");
	free(page);
}
END_TEST

START_TEST(units_that_differ)
{
	/* one difference per person and unit, with every line */
	char *page = testutil_read(SHIPPED);
	char *a = edit(page, "Honor Moody (ITS)", "Honor Moody (LAW)");
	char *b = edit(a, "Honor Moody (ITS)", "Honor Moody (LAW)");
	ck_assert_str_eq(drift_of(b, RULES),
			 "40: Honor Moody: unit \"LAW\" on the page (also lines 56), but \"ITS\" in "
			 "staff.csv:12\n");
	free(a);
	free(b);
	/* a unit the approval notes do not quote */
	const char *dir = rules_copy("approvals.csv", "\"page: \"\"Anne Adams (ITS Music)\"\"\"", "");
	ck_assert_str_eq(drift_of(page, dir),
			 "34: Anne Adams: unit \"ITS Music\" on the page, but \"ITS-MUS\" in "
			 "staff.csv:6\n");
	/* a unit where staff.csv has none */
	ck_assert_str_eq(page_edit("  \xE2\x80\xA2 Wei Zhang\n", "  \xE2\x80\xA2 Wei Zhang (ITS)\n",
				   RULES),
			 "99: Wei Zhang: unit \"ITS\" on the page, but none in staff.csv:38\n");
	free(page);
}
END_TEST

START_TEST(change_in_role)
{
	ck_assert_str_eq(page_edit("Amy Armitage (ITS) change in role", "Amy Armitage (ITS)", RULES),
			 "162: \"Delete Bibliographic records (for CZ/IZ issue)\": Amy Armitage is "
			 "listed, but approvals.csv:88 revokes the approval (date not recorded)\n");
	const char *dir = rules_copy("approvals.csv", "delete-bib-records,Amy Armitage,,undated",
				     "delete-bib-records,Amy Armitage,,");
	char *page = testutil_read(SHIPPED);
	ck_assert_str_eq(drift_of(page, dir),
			 "162: \"Delete Bibliographic records (for CZ/IZ issue)\": Amy Armitage "
			 "\"change in role\", but approvals.csv:88 does not revoke the approval\n");
	free(page);
	/* a revoked approval may leave the page */
	ck_assert_str_eq(page_edit("  \xE2\x80\xA2 Amy Armitage (ITS) change in role\n  \xE2\x80\xA2 Amy",
				   "  \xE2\x80\xA2 Amy", RULES),
			 "");
}
END_TEST

START_TEST(set_notes)
{
	ck_assert_str_eq(page_edit("Vardit Samuels (JUD)(Judaica sets)", "Vardit Samuels (JUD)", RULES),
			 "165: \"Suppress / unsuppress bibliographic record\": Vardit Samuels has no "
			 "set limit, but approvals.csv:90 limits the approval to sets matching "
			 "judaica|\\bJUD\\b\n");
	char *page = testutil_read(SHIPPED);
	const char *dir = rules_copy("approvals.csv", ",,judaica|\\bJUD\\b,", ",,,");
	ck_assert_str_eq(drift_of(page, dir),
			 "165: \"Suppress / unsuppress bibliographic record\": Vardit Samuels is "
			 "limited to \"Judaica sets\", but approvals.csv:90 has no sets\n");
	dir = rules_copy("approvals.csv", "\\bWID\\b|widener", "^GUT");
	ck_assert_str_eq(drift_of(page, dir),
			 "188: \"Delete holdings without items (WID only)\": Vardit Samuels is "
			 "limited to \"WID only\", but approvals.csv:107's sets ^GUT does not match "
			 "it\n");
	free(page);
}
END_TEST

START_TEST(titles_and_jobs)
{
	/* a title with no job, the job no title names; (warning) */
	ck_assert_str_eq(page_edit("Unlink bib headings", "Unlink bib heading", RULES),
			 "166: \"Unlink bib heading\" (scope \"Bib changes\") has no job of this title "
			 "in jobs.csv\n"
			 "jobs.csv:38: job unlink-bib-headings \"Unlink bib headings\" is not on the "
			 "page\n");
	ck_assert_str_eq(page_edit("(warning) Batch item", "Batch item", RULES),
			 "55: \"Batch item withdrawals\": no (warning) on the page, but jobs.csv:13 "
			 "has damaging yes\n");
	/* someone not in staff.csv */
	ck_assert_str_eq(page_edit("Chiun Chau (ITS)", "Chiun Chow (ITS)", RULES),
			 "33: \"Change physical items\": approvals.csv:9 approves Chiunkwan Chau for "
			 "change-physical-items, but they are not listed\n"
			 "37: \"Change physical items\": Chiun Chow is listed, but is not in "
			 "staff.csv (did you mean Chiunkwan Chau?)\n");
	/* a note drift does not read */
	ck_assert_str_eq(page_edit("Todd Moody (ITS-LANGDELL)", "Todd Moody (ITS-LANGDELL) on leave",
				   RULES),
			 "52: \"Change physical items\": Todd Moody: the note \"on leave\" is not one "
			 "drift reads; compare approvals.csv:24 by hand\n");
	/* approvals of the last row, which the page cuts short */
	const char *dir = rules_copy("approvals.csv", "change-collection-information,Amy Dittman,,,,,",
				     "change-collection-information,Amy Dittman,,,,,\n"
				     "move-portfolio-information,Amy Dittman,,,,,");
	char *page = testutil_read(SHIPPED);
	ck_assert_str_eq(drift_of(page, dir),
			 "228: \"Move Electronic Portfolio Information\": approvals.csv:151 approves "
			 "Amy Dittman for move-portfolio-information, but they are not listed (the "
			 "page ends at this title: its list may be cut off)\n");
	free(page);
}
END_TEST

START_TEST(notes_are_includes)
{
	char *page = testutil_read(SHIPPED);
	/* "(All of the above)" */
	const char *dir = rules_copy("jobs.csv", "(?: - |$),local-authority-aap", "(?: - |$),");
	ck_assert_str_eq(drift_of(page, dir),
			 "158: \"(All of the above)\": norm-rules-bibs (\"Running norm rules on "
			 "bibs\") does not include local-authority-aap (\"Use of local authority "
			 "records to update Authorized Access Points\") in jobs.csv:34\n");
	/* "(All staff with Import profiles WITH ORDERS permissions ...)" */
	dir = rules_copy("jobs.csv", "Acquisitions\\b,import-multiple-formats upload",
			 "Acquisitions\\b,upload");
	ck_assert_str_eq(drift_of(page, dir),
			 "104: \"(All staff with Import profiles WITH ORDERS permissions may also run "
			 "the jobs without Orders)\": me-loc-acquisitions (\"Middle East LoC "
			 "Acquisitions Profiles\") does not include import-multiple-formats (\"Staff "
			 "import profiles - Bibs, Hols, Items (multiple formats)\") in jobs.csv:21\n");
	/* "(All staff listed here may also run the jobs without Orders ...)"
	 * (and the WITH ORDERS rows' grant of the without-orders row) */
	dir = rules_copy("jobs.csv", "ORDERS(?: - |$)\",import-multiple-formats upload",
			 "ORDERS(?: - |$)\",upload");
	ck_assert_str_eq(drift_of(page, dir),
			 "93: \"(All staff listed here may also run the jobs without Orders - see "
			 "below)\": import-with-orders (\"Staff import profiles - Bibs, Hols, Items + "
			 "ORDERS\") does not include import-multiple-formats (\"Staff import profiles "
			 "- Bibs, Hols, Items (multiple formats)\") in jobs.csv:20\n"
			 "104: \"(All staff with Import profiles WITH ORDERS permissions may also run "
			 "the jobs without Orders)\": import-with-orders (\"Staff import profiles - "
			 "Bibs, Hols, Items + ORDERS\") does not include import-multiple-formats "
			 "(\"Staff import profiles - Bibs, Hols, Items (multiple formats)\") in "
			 "jobs.csv:20\n");
	/* "(includes running any import profile below)" */
	dir = rules_copy("jobs.csv", "upload-single-record hua-profiles", "upload-single-record");
	ck_assert_str_eq(drift_of(page, dir),
			 "73: \"(includes running any import profile below)\": "
			 "create-profiles-physical (\"Creating new profiles (Physical)\") does not "
			 "include hua-profiles (\"HUA Profiles\") in jobs.csv:17\n");
	/* "(Anyone with import permissions may run this)" */
	dir = rules_copy("jobs.csv", "^HUA\\b,upload-single-record", "^HUA\\b,");
	ck_assert_str_eq(drift_of(page, dir),
			 "134: \"(Anyone with import permissions may run this)\": hua-profiles (\"HUA "
			 "Profiles\") does not include upload-single-record (\"Upload single record "
			 "from file\") in jobs.csv:30\n");
	free(page);
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
	tcase_add_test(tc, no_drift_on_shipped);
	tcase_add_test(tc, person_added_and_removed);
	tcase_add_test(tc, units_as_sets);
	tcase_add_test(tc, units_that_differ);
	tcase_add_test(tc, change_in_role);
	tcase_add_test(tc, set_notes);
	tcase_add_test(tc, titles_and_jobs);
	tcase_add_test(tc, notes_are_includes);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
