/* spam_glance.c: a look at a whole window sixteen bytes at a time, to tell
 * most windows of one script from the rest before spam_scan.c counts the
 * letters of each group byte by byte.
 *
 * The lead bytes of letters outside Latin (CB..E1, E3..ED, F0) fall in byte
 * ranges, one per group of spam_scan.c's table (E0 two, told apart by the
 * next byte); when the smallest and the largest of a window are in one
 * range, and Latin has under three letters (ASCII ones, and leads C3..CA),
 * at most one group takes part. */
#include "simd.h"
#include "spam.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

size_t mf_spam_e0_leads(const uint8_t *buf, size_t len, size_t *sea)
{
    size_t e0 = 0, thai = 0;
    for (size_t i = 0; i + 1 < len; i++) { /* branch-free: Indic text is all E0 */
        e0 += buf[i] == 0xE0;
        thai += (buf[i] == 0xE0) & (buf[i + 1] >= 0xB8);
    }
    *sea = thai;
    return e0;
}

/* Which range of non-Latin lead bytes b is in: in one range, one group (E0
 * leads two: Indic, and by the next byte Thai, Lao, Tibetan). */
static int lead_range(uint8_t b)
{
    static const uint8_t upper[] = {0xCF, 0xD4, 0xD7, 0xDF, 0xE0, 0xE1, 0xE9, 0xED, 0xF0};
    int r = 0;
    while (b > upper[r])
        r++;
    return r;
}

/* Whether E0 leads both Indic letters and, by the next byte (B8 or above),
 * Thai, Lao or Tibetan ones: two groups behind one lead byte. */
static int e0_both(const uint8_t *buf, size_t len)
{
    int sea = 0, indic = 0;
    size_t i = 0;
#ifdef __SSE2__
    __m128i s = _mm_setzero_si128(), d = s;
    for (; i + 17 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(buf + i));
        __m128i next = _mm_loadu_si128((const __m128i *)(buf + i + 1));
        __m128i e0 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE0));
        __m128i high = _mm_cmpeq_epi8(_mm_max_epu8(next, _mm_set1_epi8((char)0xB8)), next);
        s = _mm_or_si128(s, _mm_and_si128(e0, high));
        d = _mm_or_si128(d, _mm_andnot_si128(high, e0));
    }
    sea = _mm_movemask_epi8(s) != 0;
    indic = _mm_movemask_epi8(d) != 0;
#endif
    for (; i + 1 < len; i++) {
        sea |= (buf[i] == 0xE0) & (buf[i + 1] >= 0xB8);
        indic |= (buf[i] == 0xE0) & (buf[i + 1] < 0xB8);
    }
    return sea && indic;
}

int mf_spam_kana_in_han(const uint8_t *buf, size_t len)
{
    size_t hiragana = 0, i = 0;
    int katakana = 0;
#ifdef __SSE2__
    /* per lane, saturating: only "more than MF_SPAM_HIRAGANA_MAX" matters */
    __m128i hira = _mm_setzero_si128(), kata = hira;
    for (; i + 17 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(buf + i));
        __m128i next = _mm_loadu_si128((const __m128i *)(buf + i + 1));
        __m128i e3 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3));
        __m128i h = _mm_and_si128(e3, _mm_cmpeq_epi8(next, _mm_set1_epi8((char)0x81)));
        hira = _mm_adds_epu8(hira, _mm_and_si128(h, _mm_set1_epi8(1)));
        kata = _mm_or_si128(kata, _mm_and_si128(e3, _mm_cmpeq_epi8(_mm_and_si128(next, _mm_set1_epi8((char)0xFE)),
                                                                  _mm_set1_epi8((char)0x82))));
    }
    __m128i sums = _mm_sad_epu8(hira, _mm_setzero_si128());
    hiragana = (size_t)(_mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
    katakana = _mm_movemask_epi8(kata) != 0;
#endif
    for (; i + 1 < len && hiragana <= MF_SPAM_HIRAGANA_MAX; i++) {
        hiragana += (buf[i] == 0xE3) & (buf[i + 1] == 0x81);
        katakana |= (buf[i] == 0xE3) & ((buf[i + 1] & 0xFE) == 0x82);
    }
    return katakana && hiragana <= MF_SPAM_HIRAGANA_MAX;
}

/* The verdict from the smallest and the largest lead of a window (0 for
 * none: the largest is then 0) and its Latin letters. Kana in Han text
 * with few hiragana may be a Japanese run in Chinese: no verdict. */
static int one_range(const uint8_t *buf, size_t len, uint8_t lo, uint8_t hi, int latin)
{
    if (hi == 0)
        return 1; /* Latin alone */
    if (latin >= 3 || lead_range(lo) != lead_range(hi))
        return 0;
    if (lo == 0xE3 && mf_spam_kana_in_han(buf, len))
        return 0;
    return lo != 0xE0 || !e0_both(buf, len);
}

#ifdef __SSE2__
typedef struct glance {
    __m128i lo, hi, latin;
} glance;

/* Unsigned a >= b, per byte. */
static __m128i at_least(__m128i a, __m128i b)
{
    return _mm_cmpeq_epi8(_mm_max_epu8(a, b), a);
}

/* The leads and Latin letters of v; Latin only in the bytes `fresh` has
 * (the last block of a window is read again where it overlaps). */
static void look(glance *g, __m128i v, __m128i fresh)
{
    const __m128i lead = _mm_andnot_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)),
                     _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)),
                                    _mm_set1_epi8((char)0xEE))),
        _mm_andnot_si128(at_least(v, _mm_set1_epi8((char)0xF1)),
                         at_least(v, _mm_set1_epi8((char)0xCB))));
    g->lo = _mm_min_epu8(g->lo, _mm_or_si128(v, _mm_andnot_si128(lead, _mm_set1_epi8((char)0xFF))));
    g->hi = _mm_max_epu8(g->hi, _mm_and_si128(lead, v));
    /* ASCII letters ((b | 0x20) - 'a' < 26) and leads C3..CA (b - 0xC3 < 8) */
    __m128i a = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    __m128i l = _mm_sub_epi8(v, _mm_set1_epi8((char)0xC3));
    __m128i latin = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(a, _mm_set1_epi8(25)), a),
                                 _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(7)), l));
    g->latin = _mm_adds_epu8(g->latin, _mm_and_si128(_mm_and_si128(latin, fresh), _mm_set1_epi8(1)));
}

/* The smallest and the largest byte of the lanes, in *min and *max. */
static void lanes(__m128i lo, __m128i hi, uint8_t *min, uint8_t *max)
{
    lo = _mm_min_epu8(lo, _mm_srli_si128(lo, 8));
    hi = _mm_max_epu8(hi, _mm_srli_si128(hi, 8));
    lo = _mm_min_epu8(lo, _mm_srli_si128(lo, 4));
    hi = _mm_max_epu8(hi, _mm_srli_si128(hi, 4));
    lo = _mm_min_epu8(lo, _mm_srli_si128(lo, 2));
    hi = _mm_max_epu8(hi, _mm_srli_si128(hi, 2));
    lo = _mm_min_epu8(lo, _mm_srli_si128(lo, 1));
    hi = _mm_max_epu8(hi, _mm_srli_si128(hi, 1));
    *min = (uint8_t)_mm_cvtsi128_si32(lo);
    *max = (uint8_t)_mm_cvtsi128_si32(hi);
}

static int latin_sum(__m128i latin)
{
    __m128i sums = _mm_sad_epu8(latin, _mm_setzero_si128());
    return _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
}

/* The bytes of a 16-byte block from index 16 - fresh on. */
static __m128i last_bytes(size_t fresh)
{
    const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    return _mm_cmpgt_epi8(index, _mm_set1_epi8((char)(15 - fresh)));
}

static int one_group_sse2(const uint8_t *buf, size_t len)
{
    glance g = {_mm_set1_epi8((char)0xFF), _mm_setzero_si128(), _mm_setzero_si128()};
    const __m128i all = _mm_set1_epi8((char)0xFF);
    size_t i = 0;
    for (; i + 16 <= len; i += 16)
        look(&g, _mm_loadu_si128((const __m128i *)(buf + i)), all);
    if (len % 16) /* the last 16 bytes again, Latin counted once */
        look(&g, _mm_loadu_si128((const __m128i *)(buf + len - 16)), last_bytes(len % 16));
    uint8_t lo, hi;
    lanes(g.lo, g.hi, &lo, &hi);
    return one_range(buf, len, lo, hi, latin_sum(g.latin));
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2")))

/* look, 32 bytes at a time */
AVX2 static void look32(__m256i *lo, __m256i *hi, __m256i *sum, __m256i v, __m256i fresh)
{
    __m256i ge_cb = _mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8((char)0xCB)), v);
    __m256i ge_f1 = _mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8((char)0xF1)), v);
    __m256i skip = _mm256_or_si256(
        _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xE2)),
        _mm256_cmpeq_epi8(_mm256_and_si256(v, _mm256_set1_epi8((char)0xFE)), _mm256_set1_epi8((char)0xEE)));
    __m256i lead = _mm256_andnot_si256(skip, _mm256_andnot_si256(ge_f1, ge_cb));
    *lo = _mm256_min_epu8(*lo, _mm256_or_si256(v, _mm256_andnot_si256(lead, _mm256_set1_epi8((char)0xFF))));
    *hi = _mm256_max_epu8(*hi, _mm256_and_si256(lead, v));
    __m256i a = _mm256_sub_epi8(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), _mm256_set1_epi8('a'));
    __m256i l = _mm256_sub_epi8(v, _mm256_set1_epi8((char)0xC3));
    __m256i latin = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(a, _mm256_set1_epi8(25)), a),
                                    _mm256_cmpeq_epi8(_mm256_min_epu8(l, _mm256_set1_epi8(7)), l));
    *sum = _mm256_adds_epu8(*sum, _mm256_and_si256(_mm256_and_si256(latin, fresh), _mm256_set1_epi8(1)));
}

AVX2 static int one_group_avx2(const uint8_t *buf, size_t len)
{
    __m256i lo = _mm256_set1_epi8((char)0xFF), hi = _mm256_setzero_si256(), sum = hi;
    const __m256i all = _mm256_set1_epi8((char)0xFF);
    size_t i = 0;
    for (; i + 32 <= len; i += 32)
        look32(&lo, &hi, &sum, _mm256_loadu_si256((const __m256i *)(buf + i)), all);
    if (len % 32) {
        const __m256i index = _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                                               16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                                               29, 30, 31);
        __m256i fresh = _mm256_cmpgt_epi8(index, _mm256_set1_epi8((char)(31 - len % 32)));
        look32(&lo, &hi, &sum, _mm256_loadu_si256((const __m256i *)(buf + len - 32)), fresh);
    }
    __m128i lo2 = _mm_min_epu8(_mm256_castsi256_si128(lo), _mm256_extracti128_si256(lo, 1));
    __m128i hi2 = _mm_max_epu8(_mm256_castsi256_si128(hi), _mm256_extracti128_si256(hi, 1));
    __m128i sum2 = _mm_adds_epu8(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
    uint8_t min, max;
    lanes(lo2, hi2, &min, &max);
    return one_range(buf, len, min, max, latin_sum(sum2));
}
#endif

int mf_spam_one_group_on(int path, const uint8_t *buf, size_t len)
{
    if (len < 16)
        return 0; /* short: counting is as quick */
#if defined(__x86_64__) && defined(__GNUC__)
    if (path == MF_SIMD_AVX2 && len >= 32)
        return one_group_avx2(buf, len);
#endif
    return path == MF_SIMD_SCALAR ? 0 : one_group_sse2(buf, len);
}
#else
int mf_spam_one_group_on(int path, const uint8_t *buf, size_t len)
{
    (void)path;
    (void)buf;
    (void)len;
    return 0; /* no quick look here: spam_scan.c counts */
}
#endif

int mf_spam_one_group(const uint8_t *buf, size_t len)
{
    return mf_spam_one_group_on(mf_simd_path(), buf, len);
}
