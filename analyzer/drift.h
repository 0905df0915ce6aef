/* drift: the matrix page (page.h) compared with the rules (rules.h), for
 * `almaudit rules drift PAGE`: titles on the page with no job of that title,
 * jobs whose title is not on the page, people listed without an approval,
 * approvals of people not listed, units that differ from staff.csv, and what
 * the page's notes say that the rules must hold too ("change in role" a
 * revocation, "(Judaica sets)" a set limit, "(warning)" a damaging job,
 * "(All of the above)" and the other notes an include). Each difference
 * says the page line it comes from (or, for a job not on the page, its
 * jobs.csv line). drift_compare fills a struct drift that owns its texts;
 * drift_free frees them. Reads the page and the rules; owns neither. */
#ifndef ALMAUDIT_DRIFT_H
#define ALMAUDIT_DRIFT_H

#include <stddef.h>

#include "page.h"
#include "rules.h"

struct drift_item {
	int on_page; /* 1: line is a page line; 0: a jobs.csv line */
	long line;
	size_t seq;  /* the order found, for a stable sort */
	char *text;  /* the difference, without its file:line */
};

struct drift {
	struct drift_item *items; /* sorted: page lines first, in page order */
	size_t n, cap;
};

/* Compares; 0 (the differences in *d, possibly none), or -1 out of memory
 * (reported). */
int drift_compare(const struct page *p, const struct rules *r, struct drift *d);
void drift_free(struct drift *d);

/* A unit cell as a set of unit codes: split at ',', '/', ';' and white
 * space, lower-cased, sorted, each once, joined by one space, so that
 * "Access Services, MED GUT KSG SEC" and "Access Services/MED/GUT/KSG/SEC"
 * have one key ("access gut ksg med sec services"). Written into key (cut
 * to size); returns its length. */
size_t drift_unit_key(const char *unit, char *key, size_t size);

#endif
