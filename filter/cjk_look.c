/* cjk_look.c: the cheap look of the CJK rule, on a window's bytes. Clean
 * Chinese, Japanese and Korean meet it in every line (their windows are
 * otherwise inert), so it runs one small UTF-8 validator per codec over
 * the bytes each character encodes to, and stops at the first codec in
 * which two three-byte sequences (or four of two bytes) follow one another
 * without an invalid byte: real CJK text almost never encodes so. */
#include <string.h>

#include "cjk.h"
#include "cjk_codec.h"
#include "codec.h"

/* A validator of UTF-8 fed byte by byte (a superset: overlongs and
 * surrogates pass; mf_cjk_mark checks exactly). It counts a sequence of
 * three or four bytes as 2, of two bytes as 1: in clean text pairs of
 * bytes fall into two-byte sequences often (a lead C2-DF, then one of the
 * 64 continuation bytes), into longer ones seldom, and CJK text, quotes and
 * dashes are three-byte sequences. */
typedef struct vstate {
    uint8_t need, got; /* continuation bytes still expected, and seen */
    uint8_t seqs;      /* weight of the sequences since the run began */
    uint8_t dead;      /* an invalid byte since the last ASCII character */
} vstate;

/* The weight the look needs: two three-byte sequences, or four of two. */
#define SEQS 4

/* A run of mojibake is valid from where its text begins, after an ASCII
 * character (or U+FFFD): UTF-8's first byte is a lead. A run that went
 * invalid stays so until then; in clean text, where valid stretches are
 * chance, this keeps them short (Japanese katakana in GBK, rows A5xx,
 * would otherwise make one in every twenty lines look broken). */
static inline void feed(vstate *v, uint8_t b)
{
    if (v->dead && b >= 0x80)
        return;
    if (v->need) {
        if ((b & 0xC0) == 0x80) {
            v->got++;
            if (--v->need == 0)
                v->seqs += v->got > 1 ? 2 : 1;
            return;
        }
        *v = (vstate){.dead = b >= 0x80};
        return;
    }
    v->got = 0;
    v->dead = 0;
    if (b < 0x80)
        return;
    if (b >= 0xC2 && b <= 0xF4)
        v->need = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    else
        *v = (vstate){.dead = 1};
}

/* U+FFFD after part of a sequence: a decoder dropped a byte of it, which
 * counts as a sequence (mf_cjk_mark reads it as U+FFFD). */
static void gap(vstate *v)
{
    uint8_t seqs = v->need && v->got && !v->dead ? v->seqs + 2 : 0;
    *v = (vstate){.seqs = seqs};
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

/* The first byte at or after i that is ASCII (first: 0) or not (first: 1),
 * eight at a time. */
static size_t skip(const uint8_t *buf, size_t i, size_t len, int high)
{
    uint64_t all = high ? MF_HIGH_BITS : 0;
    while (i + 8 <= len && (mf_load8(buf + i) & MF_HIGH_BITS) == all)
        i += 8;
    while (i < len && (buf[i] >= 0x80) == (int)high)
        i++;
    return i;
}

/* Two one-byte characters side by side whose bytes are a pair of some
 * codec, twice. Only where a character of U+0080-U+00FF (C2, C3) is
 * followed at once by another that is not ASCII: Latin text seldom has
 * one, and its windows leave at the first byte look. */
static int legacy_look(const uint8_t *buf, size_t len)
{
    int any = 0;
    for (uint8_t lead = 0xC2; lead <= 0xC3 && !any; lead++)
        for (const uint8_t *p = memchr(buf, lead, len); p && !any;
             p = memchr(p + 1, lead, len - (size_t)(p + 1 - buf)))
            any = p + 2 < buf + len && p[2] >= 0xC2;
    if (!any)
        return 0;
    int pairs = 0, prev = -1;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int n = mf_utf8_decode(buf + i, len - i, &cp);
        i += n ? (size_t)n : 1;
        int b = n && cp >= 0x80 ? legacy_byte(cp) : -1;
        if (b >= 0 && prev >= 0 && legacy_pair((uint8_t)prev, (uint8_t)b)) {
            if (++pairs >= 2)
                return 1;
            b = -1;
        }
        prev = b;
    }
    return 0;
}

/* UTF-8 through a double-byte codec: the validators, one per codec. Runs
 * of ASCII, and of other characters once every codec's run is dead, are
 * skipped eight bytes at a time: clean CJK text pays for the characters
 * after each ASCII one until its validators die, a few at most. */
static int utf8_look(const uint8_t *buf, size_t len)
{
    const size_t nk = MF_CJK_MAX; /* a constant: the loops unroll; a codec
                                     past the count encodes nothing */
    vstate v[MF_CJK_MAX] = {{0}};
    mf_cjk_build();
    for (size_t i = 0; i < len;) {
        int idle = 1, dead = 1;
        for (size_t k = 0; k < nk; k++)
            idle &= v[k].need == 0, dead &= v[k].dead;
        if (buf[i] < 0x80 && idle) { /* ASCII ends no run: seqs stay */
            for (size_t k = 0; k < nk; k++)
                v[k].dead = 0, v[k].got = 0;
            i = skip(buf, i, len, 0);
            continue;
        }
        if (buf[i] >= 0x80 && dead) {
            i = skip(buf, i, len, 1);
            continue;
        }
        uint32_t cp;
        int n = mf_utf8_decode(buf + i, len - i, &cp);
        i += n ? (size_t)n : 1;
        for (size_t k = 0; k < nk; k++) {
            uint16_t c = n ? mf_cjk_codes(cp)[k] : 0;
            if (n && cp == 0xFFFD)
                gap(&v[k]);
            else if (!c)
                v[k] = (vstate){.dead = 1};
            else {
                if (c > 0xFF)
                    feed(&v[k], (uint8_t)(c >> 8));
                feed(&v[k], (uint8_t)c);
            }
            if (v[k].seqs >= SEQS)
                return 1;
        }
    }
    return 0;
}

/* Whether a character of three bytes (lead E2-EF) is there: mojibake
 * through these codecs is made of them (Han, kana, Hangul, full-width
 * forms, the codecs' symbols); Latin, Greek and Cyrillic text without one
 * leaves at once. */
static int has_three_byte(const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((uint8_t)(buf[i] - 0xE2) < 14)
            return 1;
    return 0;
}

int mf_cjk_suspect(const uint8_t *buf, size_t len)
{
    return (has_three_byte(buf, len) && utf8_look(buf, len)) || legacy_look(buf, len);
}
