/* simd_inert.c: whether a window is inert (simd.h), from the classes of
 * its bytes, 64 at a time. */
#include <string.h>

#include "simd.h"

/* The checks of one block, with what the previous one left: `need`, the
 * continuation bytes its leads still require at bits 0-2, and `after`, its
 * last byte among E0, ED, F0, F4 as bit 0 of the matching mask. A block is
 * well formed when the continuations are exactly those the leads require
 * (so no lead stands where a continuation should, and none is missing),
 * and the second byte after E0, ED, F0, F4 is in Unicode's narrower
 * range (Table 3-7: no overlongs, surrogates, code points past U+10FFFF). */
typedef struct carry {
    uint64_t need, e0, ed, f0, f4;
} carry;

static int block_ok(const mf_classes *m, carry *k)
{
    uint64_t need = k->need | m->lead2 << 1 | m->lead3 << 1 | m->lead3 << 2 | m->lead4 << 1 |
                    m->lead4 << 2 | m->lead4 << 3;
    uint64_t e0 = k->e0 | m->e0 << 1, ed = k->ed | m->ed << 1;
    uint64_t f0 = k->f0 | m->f0 << 1, f4 = k->f4 | m->f4 << 1;
    uint64_t bad = m->stop | (need ^ m->cont) | (e0 & m->to9f) | (ed & m->cont & ~m->to9f) |
                   (f0 & m->to8f) | (f4 & m->cont & ~m->to8f);
    k->need = m->lead3 >> 63 | m->lead3 >> 62 | m->lead2 >> 63 | m->lead4 >> 63 |
              m->lead4 >> 62 | m->lead4 >> 61;
    k->e0 = m->e0 >> 63;
    k->ed = m->ed >> 63;
    k->f0 = m->f0 >> 63;
    k->f4 = m->f4 >> 63;
    return bad == 0;
}

int mf_inert(mf_classer classer, const uint8_t *buf, size_t len)
{
    carry k = {0, 0, 0, 0, 0};
    mf_classes m;
    size_t i = 0;
    for (; i + 64 <= len; i += 64) {
        classer(buf + i, &m);
        if (!block_ok(&m, &k))
            return 0;
    }
    /* The tail padded with NULs: ASCII, so a sequence cut by the end of
     * the window wants a continuation there and fails. */
    uint8_t tail[64] = {0};
    memcpy(tail, buf + i, len - i);
    classer(tail, &m);
    return block_ok(&m, &k);
}
