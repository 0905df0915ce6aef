/* matrix: the approval matrix loaded whole from a rules directory: reads
 * and checks jobs.csv, staff.csv and approvals.csv (rules_table.h), closes
 * the includes and refuses their cycles, then units.csv (units.h) and
 * waivers.csv (waivers.h) when there, and builds the indexes the lookups
 * of rules.h use. Every problem is reported at its file and line; any
 * makes the load fail. It sits above rules, units and waivers: they know
 * nothing of it. matrix_load allocates one struct rules (rules.h) that owns
 * every table, pattern and string in it, its units and its waivers;
 * matrix_free frees all of it. */
#ifndef ALMAUDIT_MATRIX_H
#define ALMAUDIT_MATRIX_H

#include "rules.h"

/* Loads and checks the rules in dir, waivers.csv too when the directory has
 * one. The rules, or NULL (every problem reported). */
struct rules *matrix_load(const char *dir);
/* The same with the waivers of the file waivers (--waivers FILE; it must
 * exist) instead of the directory's waivers.csv; NULL: the directory's. */
struct rules *matrix_load_with(const char *dir, const char *waivers);
void matrix_free(struct rules *r);

#endif
