/* cjk_look.c: the cheap look of the CJK rule, on a window's bytes. Clean
 * Chinese, Japanese and Korean meet it in every line (their windows are
 * otherwise inert), so it runs one small UTF-8 validator per codec over
 * the bytes each character encodes to, and stops at the first codec in
 * which two multi-byte sequences follow one another: real CJK text almost
 * never encodes so. */
#include "cjk.h"
#include "cjk_codec.h"
#include "codec.h"

/* A validator of UTF-8 fed byte by byte (a superset: overlongs and
 * surrogates pass; mf_cjk_mark checks exactly). */
typedef struct vstate {
    uint8_t need, got; /* continuation bytes still expected, and seen */
    uint8_t seqs;      /* multi-byte sequences since the last invalid byte */
} vstate;

static void feed(vstate *v, uint8_t b)
{
    if (v->need) {
        if ((b & 0xC0) == 0x80) {
            v->got++;
            v->seqs += --v->need == 0;
            return;
        }
        v->seqs = 0;
        v->need = 0;
    }
    v->got = 0;
    if (b < 0x80)
        return;
    if (b >= 0xC2 && b <= 0xF4)
        v->need = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    else
        v->seqs = 0;
}

/* U+FFFD after part of a sequence: a decoder dropped a byte of it, which
 * counts as a sequence (mf_cjk_mark reads it as U+FFFD). */
static void gap(vstate *v)
{
    v->seqs = v->need && v->got ? v->seqs + 1 : 0;
    v->need = 0;
}

/* Two one-byte characters whose bytes (b1, b2), both not ASCII, are a
 * pair in some codec, and not a UTF-8 sequence's start (that is the unit
 * search's mojibake). */
static int legacy_pair(uint8_t b1, uint8_t b2)
{
    if (b1 >= 0xC2 && b1 <= 0xF4 && b2 >= 0x80 && b2 <= 0xBF)
        return 0;
    for (size_t k = 0; k < mf_cjk_codecs_count; k++)
        if (mf_cjk_pair(k, b1, b2))
            return 1;
    return 0;
}

/* The byte of cp in Windows-1252 or Latin-1, or -1. */
static int legacy_byte(uint32_t cp)
{
    if (cp >= 0x80 && cp <= 0xFF)
        return (int)cp;
    return mf_codec_encode(0, cp);
}

int mf_cjk_suspect(const uint8_t *buf, size_t len)
{
    vstate v[MF_CJK_MAX] = {{0}};
    int pairs = 0, prev = -1;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int n = mf_utf8_decode(buf + i, len - i, &cp);
        if (n == 0) {
            for (size_t k = 0; k < MF_CJK_MAX; k++)
                v[k] = (vstate){0};
            prev = -1;
            i++;
            continue;
        }
        i += (size_t)n;
        int b = cp >= 0x80 ? legacy_byte(cp) : -1;
        if (b >= 0 && prev >= 0 && legacy_pair((uint8_t)prev, (uint8_t)b)) {
            if (++pairs >= 2)
                return 1;
            b = -1;
        }
        prev = b;
        if (cp == 0xFFFD) {
            for (size_t k = 0; k < MF_CJK_MAX; k++) {
                gap(&v[k]);
                if (v[k].seqs >= 2)
                    return 1;
            }
            continue;
        }
        const uint16_t *codes = mf_cjk_encode_all(cp);
        for (size_t k = 0; k < mf_cjk_codecs_count; k++) {
            uint16_t c = codes[k];
            if (!c) {
                v[k] = (vstate){0};
                continue;
            }
            if (c > 0xFF)
                feed(&v[k], (uint8_t)(c >> 8));
            feed(&v[k], (uint8_t)c);
            if (v[k].seqs >= 2)
                return 1;
        }
    }
    return 0;
}
