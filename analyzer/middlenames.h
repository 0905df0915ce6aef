/* middlenames: people's names without their middle names and initials,
 * for the run whose name matches nobody whole: the export's "Fischer, Ben
 * J." is staff.csv's "Ben Fischer", and "Fischer, Ben" is "Ben J. Fischer",
 * when one person alone fits and no middle name or initial says otherwise
 * (names.h: names_reduce, names_middles_agree). struct middlenames owns its
 * table and strings: filled by middlenames_add, sorted once by
 * middlenames_sort, freed by middlenames_free. struct rules holds one, of
 * staff.csv's names and aliases (rules.h); rules_person_for asks it only
 * when a name found nobody. */
#ifndef ALMAUDIT_MIDDLENAMES_H
#define ALMAUDIT_MIDDLENAMES_H

#include <stddef.h>

/* One reduction of a name: its key ("ben fischer") and the middles set
 * apart ("j."), in one allocation (middles after the key's NUL); the
 * person whose name it is, and the line that gave it. */
struct middlenames_entry {
	char *key;
	const char *middles;
	int person;
	long line;
};

struct middlenames {
	struct middlenames_entry *e; /* sorted by key, then person */
	size_t n, cap;
};

/* Adds the reductions of a name of person (its line). 0, or -1 out of
 * memory (the caller reports). */
int middlenames_add(struct middlenames *m, const char *name, int person, long line);
/* Sorts the table for middlenames_find; one person's name and alias that
 * reduce alike are kept once. */
void middlenames_sort(struct middlenames *m);
void middlenames_free(struct middlenames *m);

/* What a name reduced found: one person (MIDDLENAMES_FOUND), nobody, several
 * people who reduce to it alike (they can only be told apart by their full
 * names), or one whose middle names or initials contradict it ("Ben K.
 * Fischer" against "Ben J. Fischer"). */
enum middlenames_how {
	MIDDLENAMES_NONE,
	MIDDLENAMES_FOUND,
	MIDDLENAMES_SEVERAL,
	MIDDLENAMES_CONTRADICTS
};

/* The person whose name, reduced, is name (n bytes) reduced, when exactly
 * one person's is and the middles agree; else -1. *how says which; when
 * people is not NULL, the people who fit (up to max, lowest first) are
 * written there and *npeople set. */
int middlenames_find(const struct middlenames *m, const char *name, size_t n,
		     enum middlenames_how *how, int *people, size_t max, size_t *npeople);

/* The next two entries of different people that reduce alike ("Ben J.
 * Fischer" and "Ben K. Fischer"), from *at on: 1 and *a, *b set (*a the
 * key's first person), or 0 after the last. *at starts at 0. */
int middlenames_next_pair(const struct middlenames *m, size_t *at,
			  const struct middlenames_entry **a, const struct middlenames_entry **b);

#endif
