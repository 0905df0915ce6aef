/* The portable bytescan functions of bytescan_portable.c (tests only). */
#ifndef ALMAUDIT_BYTESCAN_PORTABLE_H
#define ALMAUDIT_BYTESCAN_PORTABLE_H

#include <stdint.h>

unsigned portable_eq2(const void *p, unsigned char a, unsigned char b);
unsigned portable_eq4(const void *p, unsigned char a, unsigned char b, unsigned char c,
		      unsigned char d);
uint64_t portable_eq2_64(const void *p, unsigned char a, unsigned char b);
int portable_any_high64(const void *p);
unsigned portable_json(const void *p, unsigned char a, unsigned char b);
unsigned portable_control(const void *p);

#endif
