#include "middlenames.h"

#include "names.h"

#include <stdlib.h>
#include <string.h>

static int entry_cmp(const void *a, const void *b)
{
	const struct middlenames_entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return strcmp(x->middles, y->middles);
}

int middlenames_add(struct middlenames *m, const char *name, int person, long line)
{
	struct names_split sp[NAMES_SPLITS];
	size_t k = names_reduce(name, strlen(name), sp, NAMES_SPLITS);
	for (size_t i = 0; i < k; i++) {
		if (m->n == m->cap) {
			size_t c = m->cap ? m->cap * 2 : 16;
			void *g = realloc(m->e, c * sizeof *m->e);
			if (!g)
				return -1;
			m->e = g;
			m->cap = c;
		}
		size_t kn = strlen(sp[i].key), mn = strlen(sp[i].middles);
		char *s = malloc(kn + mn + 2);
		if (!s)
			return -1;
		memcpy(s, sp[i].key, kn + 1);
		memcpy(s + kn + 1, sp[i].middles, mn + 1);
		m->e[m->n++] = (struct middlenames_entry){s, s + kn + 1, person, line};
	}
	return 0;
}

void middlenames_sort(struct middlenames *m)
{
	if (m->n)
		qsort(m->e, m->n, sizeof *m->e, entry_cmp);
	size_t out = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (out && entry_cmp(&m->e[out - 1], &m->e[i]) == 0) {
			free(m->e[i].key);
			continue;
		}
		m->e[out++] = m->e[i];
	}
	m->n = out;
}

void middlenames_free(struct middlenames *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->e[i].key);
	free(m->e);
	memset(m, 0, sizeof *m);
}

/* The first entry whose key is key, or m->n. */
static size_t first_of(const struct middlenames *m, const char *key)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(m->e[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->n && strcmp(m->e[lo].key, key) == 0 ? lo : m->n;
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int middlenames_find(const struct middlenames *m, const char *name, size_t n,
		     enum middlenames_how *how, int *people, size_t max, size_t *npeople)
{
	struct names_split sp[NAMES_SPLITS];
	size_t k = m->n ? names_reduce(name, n, sp, NAMES_SPLITS) : 0;
	/* the distinct people who fit, whatever their middles (two are too
	 * many), and whether a reduction of theirs agrees in its middles */
	int fit[16];
	int agree = 0;
	size_t nfit = 0, all = 0;
	for (size_t i = 0; i < k; i++)
		for (size_t e = first_of(m, sp[i].key); e < m->n && !strcmp(m->e[e].key, sp[i].key);
		     e++) {
			const struct middlenames_entry *x = &m->e[e];
			size_t f = 0;
			while (f < nfit && fit[f] != x->person)
				f++;
			if (f == nfit) {
				all++;
				if (nfit < sizeof fit / sizeof fit[0])
					fit[nfit++] = x->person;
			}
			if (names_middles_agree(sp[i].middles, x->middles))
				agree = 1;
		}
	*how = all == 0	 ? MIDDLENAMES_NONE
	       : all > 1 ? MIDDLENAMES_SEVERAL
	       : agree	 ? MIDDLENAMES_FOUND
			 : MIDDLENAMES_CONTRADICTS;
	if (people) {
		qsort(fit, nfit, sizeof *fit, int_cmp);
		*npeople = nfit < max ? nfit : max;
		memcpy(people, fit, *npeople * sizeof *people);
	}
	return *how == MIDDLENAMES_FOUND ? fit[0] : -1;
}

int middlenames_next_pair(const struct middlenames *m, size_t *at,
			  const struct middlenames_entry **a, const struct middlenames_entry **b)
{
	/* entries of one key are by person: each other person once, against
	 * the key's first */
	for (size_t i = *at; i < m->n; i++) {
		size_t first = i;
		while (first && !strcmp(m->e[first - 1].key, m->e[i].key))
			first--;
		if (i == first || m->e[i].person == m->e[i - 1].person ||
		    m->e[i].person == m->e[first].person)
			continue;
		*a = &m->e[first];
		*b = &m->e[i];
		*at = i + 1;
		return 1;
	}
	*at = m->n;
	return 0;
}
