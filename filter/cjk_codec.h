/* cjk_codec.h: the double-byte codecs of the CJK rule (GBK, CP932, CP949,
 * Big5), as byte <-> code point tables. The decode tables are generated
 * (tables/cjk_tables.c) by tables/gen_cjk_codecs.c from
 * tables/cjk_codecs.txt, asked of glibc's iconv and cross-checked with ICU;
 * the inverse is built from them once, at run time. */
#ifndef MF_CJK_CODEC_H
#define MF_CJK_CODEC_H

#include <stddef.h>
#include <stdint.h>

#define MF_CJK_TRAIL_MIN 0x40 /* trail bytes 0x40-0xFE, in every codec here */
#define MF_CJK_TRAILS 191
#define MF_CJK_MAX 4

/* Bytes 0x00-0x7F are ASCII in each (the generator checks it). Every code
 * point is in the BMP, at or above U+0080 (checked too), so 0 is "none". */
typedef struct mf_cjk_codec {
    const char *name;         /* short name used in rule names: "gbk" */
    const char *iconv_name;   /* what the generator asked iconv for */
    uint16_t single[128];     /* byte 0x80 + i alone: its code point, or 0 */
    const uint8_t *row_of;    /* [256]: lead byte -> row + 1, or 0: not a lead */
    const uint16_t (*rows)[MF_CJK_TRAILS]; /* [row][trail - 0x40]: code point or 0 */
    uint16_t aliases[8][2];   /* {code point, code}: more code points that encode */
    size_t alias_count;       /* to a pair (another decoder's reading of it) */
} mf_cjk_codec;

extern const mf_cjk_codec mf_cjk_codecs[];
extern const size_t mf_cjk_codecs_count;

/* The code point of the pair lead, trail in codec k, or 0. */
static inline uint32_t mf_cjk_pair(size_t k, uint8_t lead, uint8_t trail)
{
    const mf_cjk_codec *c = &mf_cjk_codecs[k];
    uint8_t row = c->row_of[lead];
    if (!row || trail < MF_CJK_TRAIL_MIN || trail == 0xFF)
        return 0;
    return c->rows[row - 1][trail - MF_CJK_TRAIL_MIN];
}

/* The bytes of cp in each codec, MF_CJK_MAX at a time: lead << 8 | trail
 * for a pair, the byte for a single byte (ASCII is itself), 0 for none.
 * Built from the decode tables on first use (pthread_once). */
const uint16_t *mf_cjk_encode_all(uint32_t cp);
/* The same, inline, for a loop that called mf_cjk_build first. */
void mf_cjk_build(void);
extern uint8_t mf_cjk_page_of[256];
extern uint16_t mf_cjk_blocks[255][256][MF_CJK_MAX];
extern uint16_t mf_cjk_ascii[128][MF_CJK_MAX];
extern const uint16_t mf_cjk_none[MF_CJK_MAX];
static inline const uint16_t *mf_cjk_codes(uint32_t cp)
{
    if (cp < 0x80)
        return mf_cjk_ascii[cp];
    if (cp > 0xFFFF || !mf_cjk_page_of[cp >> 8])
        return mf_cjk_none;
    return mf_cjk_blocks[mf_cjk_page_of[cp >> 8] - 1][cp & 0xFF];
}

/* The same for one codec: the slow, obvious reference (a search of the
 * decode table), for the tests. */
uint16_t mf_cjk_encode_ref(size_t k, uint32_t cp);

#endif
