/* simd_sse2.c: the classer of simd.h, sixteen bytes at a time (SSE2, the
 * x86-64 baseline). */
#include "simd.h"

#ifdef __SSE2__
#include <emmintrin.h>

/* Bytes of v in [lo, hi] (unsigned), as a 16-bit mask: v - lo <= hi - lo. */
static uint64_t range(__m128i v, uint8_t lo, uint8_t hi)
{
    __m128i x = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    __m128i in = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8((char)(hi - lo))), x);
    return (uint16_t)_mm_movemask_epi8(in);
}

void mf_class_sse2(const uint8_t *block, mf_classes *c)
{
    mf_classes m = {0};
#define X(field, lo, hi) m.field |= range(v, lo, hi) << at;
    for (int at = 0; at < 64; at += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(block + at));
        MF_STOP_RANGES(X)
    }
    for (int at = 0; at < 64 && !m.stop; at += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(block + at));
        MF_CLASS_RANGES(X)
    }
#undef X
    *c = m;
}

uint64_t mf_lines_sse2(const uint8_t *block, uint8_t amp, uint8_t esc, uint64_t *stop)
{
    uint64_t nl = 0, st = 0;
    for (int at = 0; at < 64; at += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(block + at));
        __m128i odd = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)amp)),
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8((char)esc)));
        nl |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))) << at;
        /* the sign bit: bytes that are not ASCII */
        st |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_or_si128(v, odd)) << at;
    }
    *stop = st;
    return nl;
}
#else
void mf_class_sse2(const uint8_t *block, mf_classes *c)
{
    mf_class_scalar(block, c); /* never chosen: mf_simd_classer says NULL */
}

uint64_t mf_lines_sse2(const uint8_t *block, uint8_t amp, uint8_t esc, uint64_t *stop)
{
    return mf_lines_scalar(block, amp, esc, stop); /* never chosen: mf_simd_liner says NULL */
}
#endif
