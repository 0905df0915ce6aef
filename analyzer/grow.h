/* grow: room in an array that grows by doubling. The array and its
 * capacity are the caller's (it frees the array); grow_array only
 * reallocates them. */
#ifndef ALMAUDIT_GROW_H
#define ALMAUDIT_GROW_H

#include <stddef.h>

/* Room for need elements of size bytes in *p (*cap of them now): doubled
 * from *cap (16 at first) until need fits. 0, or -1 when out of memory
 * (*p and *cap as they were). Inline while there is room (a row's work
 * asks it for every value), grow_array_more otherwise. */
int grow_array_more(void **p, size_t *cap, size_t need, size_t size);

static inline int grow_array(void **p, size_t *cap, size_t need, size_t size)
{
	return need <= *cap ? 0 : grow_array_more(p, cap, need, size);
}

#endif
