/* cjk_codec.c: the inverse of the double-byte tables, built once from them.
 * A code point may have two codes (CP932's NEC and IBM rows, Big5's box
 * drawing): the repair meets codes made of UTF-8 bytes, so a code whose
 * lead byte is one is kept over one whose lead byte cannot be (0xF5-0xFF),
 * and otherwise the first in byte order. */
#include <pthread.h>

#include "cjk_codec.h"

#define PAGES 256
uint8_t mf_cjk_page_of[PAGES]; /* BMP page -> block + 1, 0: no character */
uint16_t mf_cjk_blocks[PAGES - 1][256][MF_CJK_MAX];
uint16_t mf_cjk_ascii[128][MF_CJK_MAX];
const uint16_t mf_cjk_none[MF_CJK_MAX];
#define page_of mf_cjk_page_of
#define blocks mf_cjk_blocks
#define ascii mf_cjk_ascii
static unsigned nblocks;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int utf8_byte(unsigned b)
{
    return b >= 0x80 && b <= 0xF4 && b != 0xC0 && b != 0xC1;
}

/* Whether code, in place of an earlier one, is the better one for cp. */
static int better(uint16_t old, uint16_t code)
{
    unsigned a = old > 0xFF ? old >> 8 : old, b = code > 0xFF ? code >> 8 : code;
    return !old || (!utf8_byte(a) && utf8_byte(b));
}

static void put(size_t k, uint32_t cp, uint16_t code)
{
    uint8_t *p = &page_of[cp >> 8];
    if (!*p) {
        if (nblocks == PAGES - 1) /* cannot happen: every page is below 256 */
            return;
        *p = (uint8_t)++nblocks;
    }
    uint16_t *slot = &blocks[*p - 1][cp & 0xFF][k];
    if (better(*slot, code))
        *slot = code;
}

static void build(void)
{
    for (unsigned c = 1; c < 0x80; c++)
        for (size_t k = 0; k < MF_CJK_MAX; k++)
            ascii[c][k] = k < mf_cjk_codecs_count ? (uint16_t)c : 0;
    for (size_t k = mf_cjk_codecs_count; k < MF_CJK_MAX; k++)
        ascii[0][k] = 0; /* (all of it is zero: a codec past the count has no code) */
    for (size_t k = 0; k < mf_cjk_codecs_count; k++) {
        const mf_cjk_codec *c = &mf_cjk_codecs[k];
        for (unsigned b = 0x80; b < 0x100; b++)
            if (c->single[b - 0x80])
                put(k, c->single[b - 0x80], (uint16_t)b);
        for (unsigned lead = 0x81; lead < 0xFF; lead++)
            for (unsigned t = 0; c->row_of[lead] && t < MF_CJK_TRAILS; t++)
                if (c->rows[c->row_of[lead] - 1][t])
                    put(k, c->rows[c->row_of[lead] - 1][t],
                        (uint16_t)(lead << 8 | (t + MF_CJK_TRAIL_MIN)));
        for (size_t i = 0; i < c->alias_count; i++)
            put(k, c->aliases[i][0], c->aliases[i][1]);
    }
}

void mf_cjk_build(void)
{
    pthread_once(&once, build);
}

const uint16_t *mf_cjk_encode_all(uint32_t cp)
{
    pthread_once(&once, build);
    return mf_cjk_codes(cp);
}

uint16_t mf_cjk_encode_ref(size_t k, uint32_t cp)
{
    if (cp > 0 && cp < 0x80)
        return (uint16_t)cp;
    const mf_cjk_codec *c = &mf_cjk_codecs[k];
    uint16_t best = 0;
    for (unsigned b = 0x80; b < 0x100; b++)
        if (cp && c->single[b - 0x80] == cp && better(best, (uint16_t)b))
            best = (uint16_t)b;
    for (unsigned lead = 0x81; lead < 0xFF; lead++)
        for (unsigned t = MF_CJK_TRAIL_MIN; cp && t < 0xFF; t++)
            if (mf_cjk_pair(k, (uint8_t)lead, (uint8_t)t) == cp &&
                better(best, (uint16_t)(lead << 8 | t)))
                best = (uint16_t)(lead << 8 | t);
    for (size_t i = 0; !best && i < c->alias_count; i++)
        if (c->aliases[i][0] == cp)
            best = c->aliases[i][1];
    return best;
}
