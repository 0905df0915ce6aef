/* bytescan: where a few byte values are in text, many bytes at a time: a
 * mask with bit i set for byte i of a block that is one of the values asked
 * for, by SSE2 where the compiler has it (every x86-64) and by eight-byte
 * words elsewhere, exactly either way (BYTESCAN_PORTABLE forces the words,
 * for the tests that compare the two). The readers and writers scan with
 * it (csvrd for delimiters and quotes, csvw for the bytes to quote, the
 * json report for the bytes to escape, textenc for bytes past ASCII); it
 * owns no memory. A block is read whole: the
 * caller makes sure its bytes are there, and masks off the bits past the
 * text's end. */
#ifndef ALMAUDIT_BYTESCAN_H
#define ALMAUDIT_BYTESCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && !defined(BYTESCAN_PORTABLE)
#define BYTESCAN_SSE2 1
#include <emmintrin.h>
#endif

/* The index of the lowest set bit (x not 0). */
static inline unsigned bytescan_first64(uint64_t x)
{
	return (unsigned)__builtin_ctzll(x);
}

static inline unsigned bytescan_first(unsigned x)
{
	return (unsigned)__builtin_ctz(x);
}

#ifdef BYTESCAN_SSE2

/* The bytes of p[0..16) equal to a or b. */
static inline unsigned bytescan_eq2(const void *p, unsigned char a, unsigned char b)
{
	__m128i x = _mm_loadu_si128((const __m128i *)p);
	__m128i m = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)a)),
				 _mm_cmpeq_epi8(x, _mm_set1_epi8((char)b)));
	return (unsigned)_mm_movemask_epi8(m);
}

/* The bytes of p[0..16) equal to a, b, c or d. */
static inline unsigned bytescan_eq4(const void *p, unsigned char a, unsigned char b,
				    unsigned char c, unsigned char d)
{
	__m128i x = _mm_loadu_si128((const __m128i *)p);
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)a)),
					      _mm_cmpeq_epi8(x, _mm_set1_epi8((char)b))),
				 _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)c)),
					      _mm_cmpeq_epi8(x, _mm_set1_epi8((char)d))));
	return (unsigned)_mm_movemask_epi8(m);
}

/* The bytes of p[0..64) equal to a or b. */
static inline uint64_t bytescan_eq2_64(const void *p, unsigned char a, unsigned char b)
{
	const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
	uint64_t m = 0;
	for (int i = 0; i < 4; i++) {
		__m128i v = _mm_loadu_si128((const __m128i *)((const char *)p + 16 * i));
		__m128i e = _mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb));
		m |= (uint64_t)(unsigned)_mm_movemask_epi8(e) << (16 * i);
	}
	return m;
}

/* The bytes of p[0..16) below 0x20, at or above 0x7F, or equal to a or b:
 * what a JSON string may not hold as it is (a '"', b '\\'), or holds only
 * as well-formed UTF-8. */
static inline unsigned bytescan_json(const void *p, unsigned char a, unsigned char b)
{
	__m128i x = _mm_loadu_si128((const __m128i *)p);
	/* signed: below 0x20 is the control bytes and those past 0x7F */
	__m128i m = _mm_or_si128(
		_mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F))),
		_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)a)),
			     _mm_cmpeq_epi8(x, _mm_set1_epi8((char)b))));
	return (unsigned)_mm_movemask_epi8(m);
}

/* The bytes of p[0..16) below 0x20 (control bytes; 0x80 and above are
 * not). */
static inline unsigned bytescan_control(const void *p)
{
	__m128i x = _mm_loadu_si128((const __m128i *)p);
	__m128i low = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
	return (unsigned)_mm_movemask_epi8(low);
}

/* Whether any byte of p[0..64) is 0x80 or above. */
static inline int bytescan_any_high64(const void *p)
{
	const __m128i *v = p;
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
				 _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3)));
	return _mm_movemask_epi8(m) != 0;
}

#else

#define BYTESCAN_LOW7 0x7F7F7F7F7F7F7F7Full
#define BYTESCAN_ONES 0x0101010101010101ull

static inline uint64_t bytescan_load8(const unsigned char *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	return x;
}

/* 0x80 in each byte of x that is zero, exactly (no borrow between bytes). */
static inline uint64_t bytescan_zero(uint64_t x)
{
	return ~(((x & BYTESCAN_LOW7) + BYTESCAN_LOW7) | x | BYTESCAN_LOW7);
}

/* The high bits of the eight bytes of highs as bits 0 to 7, in memory
 * order (whatever the byte order of the machine). */
static inline unsigned bytescan_bits(uint64_t highs)
{
	unsigned m = 0;
	unsigned char b[8];
	memcpy(b, &highs, sizeof b);
	for (int i = 0; i < 8; i++)
		m |= (unsigned)(b[i] >> 7) << i;
	return m;
}

/* The bytes of p[0..8) equal to c. */
static inline unsigned bytescan_eq8(const unsigned char *p, unsigned char c)
{
	return bytescan_bits(bytescan_zero(bytescan_load8(p) ^ (BYTESCAN_ONES * c)));
}

static inline unsigned bytescan_eq2(const void *p, unsigned char a, unsigned char b)
{
	const unsigned char *s = p;
	return (bytescan_eq8(s, a) | bytescan_eq8(s, b)) |
	       (bytescan_eq8(s + 8, a) | bytescan_eq8(s + 8, b)) << 8;
}

static inline unsigned bytescan_eq4(const void *p, unsigned char a, unsigned char b,
				    unsigned char c, unsigned char d)
{
	return bytescan_eq2(p, a, b) | bytescan_eq2(p, c, d);
}

static inline uint64_t bytescan_eq2_64(const void *p, unsigned char a, unsigned char b)
{
	const unsigned char *s = p;
	uint64_t m = 0;
	for (int i = 0; i < 8; i++)
		m |= (uint64_t)(bytescan_eq8(s + 8 * i, a) | bytescan_eq8(s + 8 * i, b)) << (8 * i);
	return m;
}

static inline unsigned bytescan_json(const void *p, unsigned char a, unsigned char b)
{
	const unsigned char *s = p;
	unsigned m = 0;
	for (int i = 0; i < 16; i++)
		m |= (unsigned)(s[i] < 0x20 || s[i] >= 0x7F || s[i] == a || s[i] == b) << i;
	return m;
}

static inline unsigned bytescan_control(const void *p)
{
	const unsigned char *s = p;
	unsigned m = 0;
	for (int i = 0; i < 16; i++)
		m |= (unsigned)(s[i] < 0x20) << i;
	return m;
}

static inline int bytescan_any_high64(const void *p)
{
	const unsigned char *s = p;
	uint64_t x = 0;
	for (int i = 0; i < 8; i++)
		x |= bytescan_load8(s + 8 * i);
	return (x & 0x8080808080808080ull) != 0;
}

#endif

#endif
