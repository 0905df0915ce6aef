/* hmap: a hash map from byte-string keys to 64-bit values, for the
 * long-lived tables of an audit (sandbox evidence, aggregates, run ids seen
 * with findings). Open addressing, grows by doubling. The map owns copies
 * of its keys; hmap_free releases them and the table. */
#ifndef ALMAUDIT_HMAP_H
#define ALMAUDIT_HMAP_H

#include <stddef.h>
#include <stdint.h>

struct hmap_slot {
	char *key; /* NULL: empty */
	size_t len;
	uint64_t hash;
	int64_t value;
};

struct hmap {
	struct hmap_slot *slots;
	size_t cap, count;
};

void hmap_init(struct hmap *m);
void hmap_free(struct hmap *m);

/* The value slot of key, or NULL when absent. */
int64_t *hmap_get(const struct hmap *m, const void *key, size_t len);

/* The value slot of key, inserting it with value `initial` when absent
 * (*added tells which). NULL when out of memory (nothing reported). */
int64_t *hmap_put(struct hmap *m, const void *key, size_t len, int64_t initial, int *added);

/* Iteration: for (size_t i = 0; i < m->cap; i++) if (m->slots[i].key) ... */

#endif
