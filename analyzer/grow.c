#include "grow.h"

#include <stdint.h>
#include <stdlib.h>

int grow_array_more(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap : 16;
	while (c < need) {
		if (c > SIZE_MAX / 2 / (size ? size : 1))
			return -1;
		c *= 2;
	}
	void *q = realloc(*p, c * size);
	if (!q)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}
