/* codec.h: the legacy single-byte codecs, as byte <-> code point tables.
 * The tables themselves are generated (tables/codec_tables.c) by
 * tables/gen_codecs.c from the system's iconv, cross-checked with ICU. */
#ifndef MF_CODEC_H
#define MF_CODEC_H

#include <stddef.h>
#include <stdint.h>

/* Bytes 0x00-0x7F are ASCII in every codec here (the generator checks it),
 * so only 0x80-0xFF carry information. */
typedef struct mf_codec {
    const char *name;         /* short name used in rule names: "cp1252" */
    const char *iconv_name;   /* what the generator asked iconv for */
    uint32_t to_ucs[256];     /* byte -> code point; MF_CODEC_UNDEFINED if none */
    const struct mf_codec_pair *from_ucs; /* inverse, sorted by code point */
    size_t from_ucs_count;    /* includes documented aliases */
} mf_codec;

/* One entry of a codec's inverse table. Several code points may map to the
 * same byte (documented aliases); each defined byte's own code point maps
 * back to it, so encode(decode(b)) == b for every defined byte. */
typedef struct mf_codec_pair {
    uint32_t ucs;
    uint8_t byte;
} mf_codec_pair;

#define MF_CODEC_UNDEFINED 0xFFFFFFFFu
#define MF_CODEC_MAX 32 /* codec sets are uint32_t bit masks */

extern const mf_codec mf_codecs[];
extern const size_t mf_codecs_count;

/* Fast inverse for the repair's inner loop, generated with the tables:
 * for a BMP code point cp, page = mf_rev_page[cp >> 8]; if page != 0 then
 * mf_rev_byte[page][cp & 0xFF][k] is cp's byte in codec k (0: none).
 * Page 0 of mf_rev_byte is all zeros. */
extern const uint8_t mf_rev_page[256];
extern const uint8_t mf_rev_byte[][256][MF_CODEC_MAX];

/* The byte that encodes cp in codec k, or -1. Binary search of from_ucs:
 * the slow, obvious reference for the fast index above. */
int mf_codec_encode_ref(const mf_codec *c, uint32_t cp);

/* The byte that encodes cp in codec k, or -1, through the fast index. */
static inline int mf_codec_encode(size_t k, uint32_t cp)
{
    if (cp < 0x80)
        return (int)cp;
    if (cp > 0xFFFF)
        return -1;
    uint8_t page = mf_rev_page[cp >> 8];
    if (page == 0)
        return -1;
    uint8_t b = mf_rev_byte[page][cp & 0xFF][k];
    return b ? (int)b : -1;
}

#endif
