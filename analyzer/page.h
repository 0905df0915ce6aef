/* page: the LTS matrix page ("Jobs & Batch Processes"), as text copied from
 * the wiki, read into its job titles (each with its scope and page line),
 * the people listed under each ("Name (UNIT) note", with their lines) and
 * the page's notes, by the reading rules rules/README.md records (and the
 * README's "Keeping rules/ in step with the wiki page" lists):
 *
 * - the table starts after the line "ScopeJob nameStaff name (unit)";
 * - a line that is not a bullet is a heading: a scope, a job title, or a
 *   scope glued to a title ("ItemsChange physical items", split where a
 *   lower-case letter meets an upper-case one); of consecutive headings
 *   before a list, the first is the scope (unless glued or "(warning)"),
 *   the rest are titles sharing the list ("PO Lines" and its three titles);
 * - "(warning)" before a title marks it damaging; "(... only)" at its end
 *   limits it to sets ("(WID only)"); a note glued to its end
 *   ("file(Anyone with import permissions may run this)") is a note;
 * - a title that is only a link ("/wiki/...") is a title; the last title,
 *   with no list before the page ends, is marked truncated;
 * - a line "(...)" between a scope and its title names the job of a second
 *   list under the title (bullets after a blank line): "(Use of local
 *   authority records ...)"; a second list with no such note continues the
 *   first;
 * - bullets "(...)" are notes: "(All of the above)", the two with-orders
 *   notes; other bullets are people: "Name (UNIT) note", where "change in
 *   role" revokes and "(Judaica sets)" limits to sets.
 *
 * page_load and page_read allocate one struct page that owns every string
 * and array in it; page_free frees it. */
#ifndef ALMAUDIT_PAGE_H
#define ALMAUDIT_PAGE_H

#include <stddef.h>

enum page_remark_kind {
	PAGE_ALL_ABOVE,	     /* "(All of the above)": the title above's people may run this one */
	PAGE_ORDERS_LISTED,  /* "(All staff listed here may also run the jobs without Orders ...)" */
	PAGE_ORDERS_HOLDERS, /* "(All staff with Import profiles WITH ORDERS permissions may also
				run the jobs without Orders)" */
	PAGE_INCLUDES_BELOW, /* "(includes running any import profile below)" */
	PAGE_ANYONE_IMPORT,  /* "(Anyone with import permissions may run this)" */
	PAGE_REMARK_OTHER,   /* a note the reading rules do not know */
};

struct page_remark {
	enum page_remark_kind kind;
	char *text; /* without its parentheses */
	int title;  /* the title it stands under (index), or -1 */
	long line;
};

struct page_person {
	char *name;  /* as written */
	char *unit;  /* as written; NULL when the bullet gives none */
	char *note;  /* what follows the unit, without parentheses; NULL when nothing */
	int revoked; /* the note says "change in role" */
	int sets;    /* the note was in parentheses ("(Judaica sets)"): a set limit */
	long line;
};

struct page_title {
	char *title;	  /* as written, without "(warning)" and a glued note */
	char *scope;	  /* the scope heading it stands under; NULL before any */
	char *sets;	  /* "WID only" for a title ending "(WID only)"; else NULL */
	long line;
	int damaging;	  /* "(warning)" */
	int link;	  /* the title is only a link ("/wiki/...") */
	int from_note;	  /* a second list's job, named by the note at `line` */
	int truncated;	  /* the page ends at this title, with no list */
	size_t first, n;  /* its people: people[first .. first + n) (shared by titles
			     that share one list) */
};

struct page {
	char *path;
	long table_line; /* the line "ScopeJob nameStaff name (unit)" */
	struct page_title *titles;
	size_t ntitles;
	struct page_person *people;
	size_t npeople;
	struct page_remark *remarks;
	size_t nremarks;
};

/* Reads the page at path. 0 and *out set, or -1 after reporting (cannot be
 * read, no table header line, no job titles: not the page). */
int page_load(const char *path, struct page **out);
/* The same from text (len bytes), named name in messages. */
int page_read(const char *name, const char *text, size_t len, struct page **out);
void page_free(struct page *p);

#endif
