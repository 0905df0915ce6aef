/* grow: room in an array that grows by doubling. The array and its
 * capacity are the caller's (it frees the array); grow_array only
 * reallocates them. */
#ifndef ALMAUDIT_GROW_H
#define ALMAUDIT_GROW_H

#include <stddef.h>

/* Room for need elements of size bytes in *p (*cap of them now): doubled
 * from *cap (16 at first) until need fits. 0, or -1 when out of memory
 * (*p and *cap as they were). */
int grow_array(void **p, size_t *cap, size_t need, size_t size);

#endif
