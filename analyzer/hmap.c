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
}

void idset_free(struct idset *s)
{
	free(s->slots);
	idset_init(s);
}

static size_t id_slot(uint64_t id, size_t mask)
{
	/* a multiplicative mix: Alma ids differ mostly in their middle digits */
	return (size_t)((id * 0x9E3779B97F4A7C15ull) >> 17) & mask;
}

int idset_add(struct idset *s, uint64_t id)
{
	if (id == 0) {
		int added = !s->has_zero;
		s->has_zero = 1;
		return added;
	}
	if ((s->count + 1) * 4 > s->cap * 3) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		uint64_t *slots = calloc(cap, sizeof *slots);
		if (!slots)
			return -1;
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->slots[i])
				continue;
			size_t j = id_slot(s->slots[i], cap - 1);
			while (slots[j])
				j = (j + 1) & (cap - 1);
			slots[j] = s->slots[i];
		}
		free(s->slots);
		s->slots = slots;
		s->cap = cap;
	}
	size_t j = id_slot(id, s->cap - 1);
	while (s->slots[j]) {
		if (s->slots[j] == id)
			return 0;
		j = (j + 1) & (s->cap - 1);
	}
	s->slots[j] = id;
	s->count++;
	return 1;
}

int idset_has(const struct idset *s, uint64_t id)
{
	if (id == 0)
		return s->has_zero;
	if (!s->cap)
		return 0;
	for (size_t j = id_slot(id, s->cap - 1); s->slots[j]; j = (j + 1) & (s->cap - 1))
		if (s->slots[j] == id)
			return 1;
	return 0;
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
