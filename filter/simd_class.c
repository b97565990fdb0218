/* simd_class.c: the scalar classer of simd.h, the reference the vector
 * ones are tested against, and the fallback where they cannot run. */
#include "simd.h"

static int in_range(int b, int lo, int hi)
{
    return b >= lo && b <= hi;
}

void mf_class_scalar(const uint8_t *block, mf_classes *c)
{
    mf_classes m = {0};
    for (int i = 0; i < 64; i++) {
        uint64_t bit = 1ull << i;
#define X(field, lo, hi) m.field |= in_range(block[i], lo, hi) ? bit : 0;
        MF_CLASS_RANGES(X)
#undef X
    }
    *c = m;
}
