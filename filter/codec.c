/* codec.c: lookups over the generated codec tables (tables/codec_tables.c). */
#include "codec.h"
#include "cjk_codec.h"
#include "mojifix.h"

/* Binary search of the sorted inverse. Deliberately plain: the tests use it
 * as the reference that the fast index in codec.h must agree with. */
int mf_codec_encode_ref(const mf_codec *c, uint32_t cp)
{
    size_t lo = 0, hi = c->from_ucs_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t u = c->from_ucs[mid].ucs;
        if (u == cp)
            return c->from_ucs[mid].byte;
        if (u < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* The single-byte codecs, then the double-byte ones of the CJK rule. */
size_t mf_codec_count(void)
{
    return mf_codecs_count + mf_cjk_codecs_count;
}

const char *mf_codec_name(size_t index)
{
    if (index < mf_codecs_count)
        return mf_codecs[index].name;
    index -= mf_codecs_count;
    return index < mf_cjk_codecs_count ? mf_cjk_codecs[index].name : NULL;
}
