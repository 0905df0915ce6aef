/* analyzer/bytescan.h's eight-byte-word versions, compiled apart with
 * BYTESCAN_PORTABLE so that check_values can compare them with the ones the
 * build uses (SSE2 on x86-64) and with the bytes themselves. */
#define BYTESCAN_PORTABLE 1
#include "bytescan.h"

#include "bytescan_portable.h"

unsigned portable_eq2(const void *p, unsigned char a, unsigned char b)
{
	return bytescan_eq2(p, a, b);
}

unsigned portable_eq4(const void *p, unsigned char a, unsigned char b, unsigned char c,
		      unsigned char d)
{
	return bytescan_eq4(p, a, b, c, d);
}

uint64_t portable_eq2_64(const void *p, unsigned char a, unsigned char b)
{
	return bytescan_eq2_64(p, a, b);
}

int portable_any_high64(const void *p)
{
	return bytescan_any_high64(p);
}

unsigned portable_json(const void *p, unsigned char a, unsigned char b)
{
	return bytescan_json(p, a, b);
}

unsigned portable_control(const void *p)
{
	return bytescan_control(p);
}
