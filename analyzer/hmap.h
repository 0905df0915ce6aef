/* hmap: a hash map from byte-string keys to 64-bit values, for the
 * long-lived tables of an audit (sandbox evidence, aggregates, people);
 * idset, a set of 64-bit ids with a 16-bit value each, 8 bytes a slot for
 * ids near each other; idmap, 64-bit ids to 32-bit values. Open addressing
 * with linear probing; hmap and idmap grow by doubling, idset by half in
 * shards (see below). A map owns copies of its
 * keys; hmap_free, idset_free and idmap_free release everything. */
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

/* A map from 64-bit ids to 32-bit values, 16 bytes a slot (the runs held
 * for unknown-size; the ids an idset cannot keep in 8 bytes). */
struct idmap_slot {
	uint64_t id; /* 0: empty */
	uint32_t value;
};

struct idmap {
	struct idmap_slot *slots;
	size_t cap, count;
	int has_zero;
	uint32_t zero;
};

/* A set of 64-bit ids, each with a 16-bit value (0 when added): the
 * distinct runs judged, and the kinds of finding of each. Every id is
 * remembered exactly. An id within 2^47 of the first one added (Alma ids of
 * one institution: 16 to 19 digits, a year of runs some 10^10 apart) is
 * kept in one 8-byte slot, its distance from a base in the top 48 bits and
 * its value in the low 16; the ids are spread over IDSET_SHARDS tables by
 * their hash, each at most 7/8 full and grown by half on its own, so a
 * table holds 9.1 to 13.7 bytes an id (about 11 on average) and growing
 * copies one shard, never the whole set. Any other id goes to an idmap
 * beside them: 16 bytes a slot, at most 3/4 full. */
#define IDSET_SHARDS 64

struct idset_shard {
	uint64_t *slots; /* cap slots, 0: empty; else (id - base + 1) << 16 | value */
	uint32_t cap, count;
};

struct idset {
	struct idset_shard shard[IDSET_SHARDS];
	uint64_t base;
	int has_base;
	struct idmap wide; /* the ids too far from base */
	size_t count;
	/* the slot of the compact id last found or added (a run's id is
	 * looked up several times in a row); NULL when none, or a shard grew */
	uint64_t last_id;
	uint64_t *last_slot;
};

void idset_init(struct idset *s);
void idset_free(struct idset *s);
/* Adds id: 1 when it was new, 0 when it was there, -1 when out of memory. */
int idset_add(struct idset *s, uint64_t id);
/* 1 when id is in the set. */
int idset_has(const struct idset *s, uint64_t id);
/* Sets the bits of `bits` in the value of id, adding id (value 0) when
 * absent; *before is the value it had. 0, or -1 when out of memory. */
int idset_or(struct idset *s, uint64_t id, unsigned bits, unsigned *before);
/* The value of id in *value: 1, or 0 when id is absent (*value 0). */
int idset_get(const struct idset *s, uint64_t id, unsigned *value);
/* Starts loading the slot where id is or would go, for an add or get soon
 * after (the tables are larger than the caches: one miss a run). */
void idset_prefetch(const struct idset *s, uint64_t id);
/* Calls fn for every id in the set with its value, in no order. */
void idset_each(const struct idset *s, void (*fn)(void *arg, uint64_t id, unsigned value),
		void *arg);
/* Bytes held by the set's tables. */
size_t idset_bytes(const struct idset *s);

void idmap_init(struct idmap *m);
void idmap_free(struct idmap *m);
/* The value slot of id, inserting it with value 0 when absent; NULL when
 * out of memory. */
uint32_t *idmap_put(struct idmap *m, uint64_t id);
/* The value slot of id, or NULL when absent. */
uint32_t *idmap_get(const struct idmap *m, uint64_t id);

#endif
