/* simd_avx2.c: the classer of simd.h, 32 bytes at a time. Compiled for
 * AVX2 by a target attribute, so that nothing else in the library needs
 * it; simd_inert.c calls it only when the CPU has AVX2. */
#include "simd.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2")))

/* Bytes of v in [lo, hi] (unsigned), as a 32-bit mask: v - lo <= hi - lo. */
AVX2 static uint64_t range(__m256i v, uint8_t lo, uint8_t hi)
{
    __m256i x = _mm256_sub_epi8(v, _mm256_set1_epi8((char)lo));
    __m256i in = _mm256_cmpeq_epi8(_mm256_min_epu8(x, _mm256_set1_epi8((char)(hi - lo))), x);
    return (uint32_t)_mm256_movemask_epi8(in);
}

AVX2 void mf_class_avx2(const uint8_t *block, mf_classes *c)
{
    mf_classes m = {0};
#define X(field, lo, hi) m.field |= range(v, lo, hi) << at;
    for (int at = 0; at < 64; at += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(block + at));
        MF_STOP_RANGES(X)
    }
    for (int at = 0; at < 64 && !m.stop; at += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(block + at));
        MF_CLASS_RANGES(X)
    }
#undef X
    *c = m;
}

AVX2 uint64_t mf_lines_avx2(const uint8_t *block, uint8_t amp, uint8_t esc, uint64_t *stop)
{
    uint64_t nl = 0, st = 0;
    for (int at = 0; at < 64; at += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(block + at));
        __m256i odd = _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)amp)),
                                   _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)esc)));
        nl |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n'))) << at;
        /* the sign bit: bytes that are not ASCII */
        st |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(v, odd)) << at;
    }
    *stop = st;
    return nl;
}
#else
void mf_class_avx2(const uint8_t *block, mf_classes *c)
{
    mf_class_scalar(block, c); /* never chosen: mf_simd_classer says NULL */
}

uint64_t mf_lines_avx2(const uint8_t *block, uint8_t amp, uint8_t esc, uint64_t *stop)
{
    return mf_lines_scalar(block, amp, esc, stop); /* never chosen: mf_simd_liner says NULL */
}
#endif
