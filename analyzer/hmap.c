#include "hmap.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_bytes(const void *key, size_t len)
{
	/* FNV-1a, 64-bit */
	const unsigned char *p = key;
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

void hmap_init(struct hmap *m)
{
	memset(m, 0, sizeof *m);
}

void hmap_free(struct hmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	hmap_init(m);
}

static struct hmap_slot *find(const struct hmap *m, const void *key, size_t len, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		struct hmap_slot *s = &m->slots[i];
		if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
			return s;
	}
}

int64_t *hmap_get(const struct hmap *m, const void *key, size_t len)
{
	if (!m->cap)
		return NULL;
	struct hmap_slot *s = find(m, key, len, hash_bytes(key, len));
	return s->key ? &s->value : NULL;
}

static int grow(struct hmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	struct hmap_slot *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return -1;
	struct hmap old = *m;
	m->slots = slots;
	m->cap = cap;
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*find(m, old.slots[i].key, old.slots[i].len, old.slots[i].hash) = old.slots[i];
	free(old.slots);
	return 0;
}

int64_t *hmap_put(struct hmap *m, const void *key, size_t len, int64_t initial, int *added)
{
	*added = 0;
	if ((m->count + 1) * 4 > m->cap * 3 && grow(m) != 0)
		return NULL;
	uint64_t h = hash_bytes(key, len);
	struct hmap_slot *s = find(m, key, len, h);
	if (s->key)
		return &s->value;
	s->key = malloc(len + 1);
	if (!s->key)
		return NULL;
	memcpy(s->key, key, len);
	s->key[len] = '\0';
	s->len = len;
	s->hash = h;
	s->value = initial;
	m->count++;
	*added = 1;
	return &s->value;
}

void idset_init(struct idset *s)
{
	memset(s, 0, sizeof *s);
	idmap_init(&s->wide);
}

void idset_free(struct idset *s)
{
	for (int i = 0; i < IDSET_SHARDS; i++)
		free(s->shard[i].slots);
	idmap_free(&s->wide);
	idset_init(s);
}

static size_t id_slot(uint64_t id, size_t mask)
{
	/* a multiplicative mix: Alma ids differ mostly in their middle digits */
	return (size_t)((id * 0x9E3779B97F4A7C15ull) >> 17) & mask;
}

/* A full mix of a key (murmur3's finalizer): the top 6 bits choose the
 * shard, the next 32 the home slot in it. */
static uint64_t id_mix(uint64_t id)
{
	id ^= id >> 33;
	id *= 0xff51afd7ed558ccdull;
	id ^= id >> 33;
	id *= 0xc4ceb9fe1a85ec53ull;
	id ^= id >> 33;
	return id;
}

static uint32_t home(uint64_t h, uint32_t cap)
{
	return (uint32_t)(((h >> 26) & 0xFFFFFFFFull) * cap >> 32);
}

#define KEY_BITS 48
#define KEY_MAX ((1ull << KEY_BITS) - 1)

/* The key of id in the compact tables, (id - base) + 1, or 0 when id is too
 * far from base (or no base is set). */
static uint64_t key_of(const struct idset *s, uint64_t id)
{
	if (!s->has_base || id < s->base || id - s->base >= KEY_MAX)
		return 0;
	return id - s->base + 1;
}

/* The slot of key in its shard: where it is, or the empty slot it would take. */
static uint32_t shard_find(const struct idset_shard *t, uint64_t key, uint64_t h)
{
	uint32_t j = home(h, t->cap);
	while (t->slots[j] && t->slots[j] >> 16 != key)
		if (++j == t->cap)
			j = 0;
	return j;
}

/* Grows a shard by half (the first time to 32 slots); -1 when out of memory. */
static int shard_grow(struct idset_shard *t)
{
	uint64_t cap = t->cap ? (uint64_t)t->cap + t->cap / 2 : 32;
	if (cap > UINT32_MAX)
		return -1;
	uint64_t *slots = calloc((size_t)cap, sizeof *slots);
	if (!slots)
		return -1;
	struct idset_shard grown = {slots, (uint32_t)cap, t->count};
	for (uint32_t i = 0; i < t->cap; i++) {
		uint64_t v = t->slots[i];
		if (!v)
			continue;
		uint32_t j = home(id_mix(v >> 16), grown.cap);
		while (slots[j])
			if (++j == grown.cap)
				j = 0;
		slots[j] = v;
	}
	free(t->slots);
	*t = grown;
	return 0;
}

/* The slot of id, added when absent (*added 1); NULL when out of memory or
 * when id is not for the compact tables (*wide 1). */
static uint64_t *idset_slot(struct idset *s, uint64_t id, int *added, int *wide)
{
	*added = *wide = 0;
	if (!s->has_base) {
		s->base = id > (1ull << (KEY_BITS - 1)) ? id - (1ull << (KEY_BITS - 1)) : 0;
		s->has_base = 1;
	}
	if (s->last_slot && s->last_id == id)
		return s->last_slot;
	uint64_t key = key_of(s, id);
	if (!key) {
		*wide = 1;
		return NULL;
	}
	uint64_t h = id_mix(key);
	struct idset_shard *t = &s->shard[h >> 58];
	uint32_t j = 0;
	if (t->cap) {
		j = shard_find(t, key, h);
		if (t->slots[j]) {
			s->last_id = id;
			return s->last_slot = &t->slots[j];
		}
	}
	/* at most 7/8 full */
	if ((uint64_t)(t->count + 1) * 8 > (uint64_t)t->cap * 7) {
		s->last_slot = NULL; /* slots move */
		if (shard_grow(t) != 0)
			return NULL;
		j = shard_find(t, key, h);
	}
	t->slots[j] = key << 16;
	t->count++;
	s->count++;
	*added = 1;
	s->last_id = id;
	return s->last_slot = &t->slots[j];
}

/* The value of a wide id, added when absent; NULL when out of memory. */
static uint32_t *wide_put(struct idset *s, uint64_t id, int *added)
{
	size_t before = s->wide.count + (size_t)s->wide.has_zero;
	uint32_t *at = idmap_put(&s->wide, id);
	*added = at && s->wide.count + (size_t)s->wide.has_zero > before;
	if (*added)
		s->count++;
	return at;
}

int idset_or(struct idset *s, uint64_t id, unsigned bits, unsigned *before)
{
	int added, wide;
	uint64_t *at = idset_slot(s, id, &added, &wide);
	*before = 0;
	if (wide) {
		uint32_t *v = wide_put(s, id, &added);
		if (!v)
			return -1;
		*before = *v;
		*v |= bits & 0xFFFFu;
		return 0;
	}
	if (!at)
		return -1;
	*before = (unsigned)(*at & 0xFFFFu);
	*at |= bits & 0xFFFFu;
	return 0;
}

int idset_add(struct idset *s, uint64_t id)
{
	int added, wide;
	uint64_t *at = idset_slot(s, id, &added, &wide);
	if (wide)
		return wide_put(s, id, &added) ? added : -1;
	return at ? added : -1;
}

int idset_get(const struct idset *s, uint64_t id, unsigned *value)
{
	*value = 0;
	if (s->last_slot && s->last_id == id) {
		*value = (unsigned)(*s->last_slot & 0xFFFFu);
		return 1;
	}
	uint64_t key = key_of(s, id);
	if (!key) {
		const uint32_t *v = idmap_get(&s->wide, id);
		if (!v)
			return 0;
		*value = *v;
		return 1;
	}
	uint64_t h = id_mix(key);
	const struct idset_shard *t = &s->shard[h >> 58];
	if (!t->cap)
		return 0;
	uint64_t v = t->slots[shard_find(t, key, h)];
	if (!v)
		return 0;
	*value = (unsigned)(v & 0xFFFFu);
	return 1;
}

void idset_prefetch(const struct idset *s, uint64_t id)
{
	uint64_t key = key_of(s, id);
	if (!key)
		return;
	uint64_t h = id_mix(key);
	const struct idset_shard *t = &s->shard[h >> 58];
	if (t->cap)
		__builtin_prefetch(&t->slots[home(h, t->cap)]);
}

int idset_has(const struct idset *s, uint64_t id)
{
	unsigned v;
	return idset_get(s, id, &v);
}

void idset_each(const struct idset *s, void (*fn)(void *arg, uint64_t id, unsigned value),
		void *arg)
{
	for (int i = 0; i < IDSET_SHARDS; i++) {
		const struct idset_shard *t = &s->shard[i];
		for (uint32_t j = 0; j < t->cap; j++)
			if (t->slots[j])
				fn(arg, s->base + (t->slots[j] >> 16) - 1,
				   (unsigned)(t->slots[j] & 0xFFFFu));
	}
	for (size_t j = 0; j < s->wide.cap; j++)
		if (s->wide.slots[j].id)
			fn(arg, s->wide.slots[j].id, s->wide.slots[j].value);
	if (s->wide.has_zero)
		fn(arg, 0, s->wide.zero);
}

size_t idset_bytes(const struct idset *s)
{
	size_t n = s->wide.cap * sizeof *s->wide.slots;
	for (int i = 0; i < IDSET_SHARDS; i++)
		n += (size_t)s->shard[i].cap * sizeof *s->shard[i].slots;
	return n;
}

void idmap_init(struct idmap *m)
{
	memset(m, 0, sizeof *m);
}

void idmap_free(struct idmap *m)
{
	free(m->slots);
	idmap_init(m);
}

uint32_t *idmap_get(const struct idmap *m, uint64_t id)
{
	if (id == 0)
		return m->has_zero ? (uint32_t *)&m->zero : NULL;
	if (!m->cap)
		return NULL;
	for (size_t j = id_slot(id, m->cap - 1); m->slots[j].id; j = (j + 1) & (m->cap - 1))
		if (m->slots[j].id == id)
			return &m->slots[j].value;
	return NULL;
}

uint32_t *idmap_put(struct idmap *m, uint64_t id)
{
	if (id == 0) {
		if (!m->has_zero)
			m->zero = 0;
		m->has_zero = 1;
		return &m->zero;
	}
	uint32_t *at = idmap_get(m, id);
	if (at)
		return at;
	if ((m->count + 1) * 4 > m->cap * 3) {
		size_t cap = m->cap ? m->cap * 2 : 256;
		struct idmap_slot *slots = calloc(cap, sizeof *slots);
		if (!slots)
			return NULL;
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slots[i].id)
				continue;
			size_t j = id_slot(m->slots[i].id, cap - 1);
			while (slots[j].id)
				j = (j + 1) & (cap - 1);
			slots[j] = m->slots[i];
		}
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	size_t j = id_slot(id, m->cap - 1);
	while (m->slots[j].id)
		j = (j + 1) & (m->cap - 1);
	m->slots[j].id = id;
	m->slots[j].value = 0;
	m->count++;
	return &m->slots[j].value;
}
