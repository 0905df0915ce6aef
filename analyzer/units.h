/* units: units.csv, the optional rules file that names the units of
 * staff.csv (`unit,name,email`: a short code, its full name, where its
 * report goes), checked at file and line when the rules load (matrix_load
 * calls units_load and keeps the result in rules->units; matrix_free frees
 * it); the check of staff.csv's units against it (`rules check`); and the
 * list of units the split by unit writes a report for. A struct units owns
 * its array, every string in it and its index of codes (case ignored, so
 * that finding a unit costs the same for 5 units or 5,000); units_free
 * frees it. */
#ifndef ALMAUDIT_UNITS_H
#define ALMAUDIT_UNITS_H

#include <stddef.h>

#include "hmap.h"
#include "rules.h"

struct unit {
	char *code;  /* "GUT" */
	char *name;  /* "Gutman Library", or "" */
	char *email; /* "a@x.edu" or "a@x.edu, b@x.edu"; "" when none: its report goes to --to */
	long line;   /* its row in units.csv; 0 for a unit only staff.csv names */
	long staff_line; /* the first staff.csv row that names it; 0 for none */
};

struct units {
	char *path; /* units.csv, for citing rows */
	struct unit *v;
	size_t n;
	struct hmap at; /* the code in ASCII lower case -> index in v */
};

/* Reads units.csv in the rules directory into r->units, when there is one
 * (r->units stays NULL when not). 0, or -1 when it has problems (each
 * reported at its file and line: a unit without a code, a code given twice
 * (case ignored), a code with ',', '/' or ';' or the reserved "all", an
 * email that is no address). */
int units_load(struct rules *r);
void units_free(struct units *u);

/* The unit of units.csv whose code is the n bytes at code, ignoring case;
 * NULL when none (or no units.csv). */
const struct unit *units_find(const struct units *u, const char *code, size_t n);

/* Warns (on stderr, at staff.csv's line) of each unit staff.csv names that
 * units.csv does not list, once per unit; nothing when there is no
 * units.csv. Returns how many. */
size_t units_check(const struct rules *r);

/* Every distinct unit staff.csv names (case ignored): first those units.csv
 * lists, in its order, then the others in staff.csv's order, with empty name
 * and email. NULL (reported) when out of memory; the caller frees it with
 * units_free. */
struct units *units_of_staff(const struct rules *r);

/* 1 when text is one or more email addresses separated by ',' (each
 * local@domain, plain ASCII, no spaces), as a To header holds them. */
int units_email_ok(const char *text);

#endif
