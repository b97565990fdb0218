/* spam_glance.c: a look at a whole window sixteen bytes at a time, to tell
 * most windows of one script from the rest before spam_scan.c counts the
 * letters of each group byte by byte.
 *
 * The lead bytes of letters outside Latin (CB..E1, E3..ED, F0) fall in byte
 * ranges, one per group of spam_scan.c's table (E0 two, told apart by the
 * next byte); when the smallest and the largest of a window are in one
 * range, and Latin has under three letters (ASCII ones, and leads C3..CA),
 * at most one group takes part. */
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

#ifdef __SSE2__
typedef struct glance {
    __m128i lo, hi, latin;
} glance;

/* Unsigned a >= b, per byte. */
static __m128i at_least(__m128i a, __m128i b)
{
    return _mm_cmpeq_epi8(_mm_max_epu8(a, b), a);
}

static void look(glance *g, __m128i v)
{
    const __m128i lead = _mm_andnot_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEE)),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)))),
        _mm_andnot_si128(at_least(v, _mm_set1_epi8((char)0xF1)),
                         at_least(v, _mm_set1_epi8((char)0xCB))));
    g->lo = _mm_min_epu8(g->lo, _mm_or_si128(_mm_and_si128(lead, v), _mm_andnot_si128(lead, _mm_set1_epi8((char)0xFF))));
    g->hi = _mm_max_epu8(g->hi, _mm_and_si128(lead, v));
    /* ASCII letters ((b | 0x20) - 'a' < 26) and leads C3..CA (b - 0xC3 < 8) */
    __m128i a = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    __m128i l = _mm_sub_epi8(v, _mm_set1_epi8((char)0xC3));
    __m128i latin = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(a, _mm_set1_epi8(25)), a),
                                 _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(7)), l));
    g->latin = _mm_adds_epu8(g->latin, _mm_and_si128(latin, _mm_set1_epi8(1)));
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

int mf_spam_one_group(const uint8_t *buf, size_t len)
{
    if (len < 16)
        return 0; /* short: counting is as quick */
    glance g = {_mm_set1_epi8((char)0xFF), _mm_setzero_si128(), _mm_setzero_si128()};
    for (size_t i = 0; i + 16 <= len; i += 16)
        look(&g, _mm_loadu_si128((const __m128i *)(buf + i)));
    /* The last 16 bytes again: a letter seen twice only makes Latin look
     * bigger, which can but send the window to be counted. */
    if (len % 16)
        look(&g, _mm_loadu_si128((const __m128i *)(buf + len - 16)));
    uint8_t lo, hi;
    lanes(g.lo, g.hi, &lo, &hi);
    if (hi == 0)
        return 1; /* Latin alone */
    __m128i sums = _mm_sad_epu8(g.latin, _mm_setzero_si128());
    int latin = _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
    if (latin >= 3 || lead_range(lo) != lead_range(hi))
        return 0;
    if (lo != 0xE0)
        return 1;
    size_t sea, e0 = mf_spam_e0_leads(buf, len, &sea);
    return sea == 0 || sea == e0;
}
#else
int mf_spam_one_group(const uint8_t *buf, size_t len)
{
    (void)buf;
    (void)len;
    return 0; /* no quick look here: spam_scan.c counts */
}
#endif
