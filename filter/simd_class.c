/* simd_class.c: the scalar versions of simd.h's looks, the reference the
 * vector ones are tested against, and the fallback where they cannot run. */
#include "simd.h"

static int in_range(int b, int lo, int hi)
{
    return b >= lo && b <= hi;
}

void mf_class_scalar(const uint8_t *block, mf_classes *c)
{
    mf_classes m = {0};
#define X(field, lo, hi) m.field |= in_range(block[i], lo, hi) ? 1ull << i : 0;
    for (int i = 0; i < 64; i++) {
        MF_STOP_RANGES(X)
    }
    for (int i = 0; i < 64 && !m.stop; i++) {
        MF_CLASS_RANGES(X)
    }
#undef X
    *c = m;
}

uint64_t mf_lines_scalar(const uint8_t *block, uint8_t amp, uint8_t esc, uint64_t *stop)
{
    uint64_t nl = 0, st = 0;
    for (int i = 0; i < 64; i++) {
        uint8_t b = block[i];
        nl |= (uint64_t)(b == '\n') << i;
        st |= (uint64_t)(b >= 0x80 || b == amp || b == esc) << i;
    }
    *stop = st;
    return nl;
}
