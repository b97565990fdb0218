/* decode.h: bytes -> characters that remember the input bytes they stand for. */
#ifndef MF_DECODE_H
#define MF_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum {
    MF_CHAR_INVALID = 1, /* a byte that was not UTF-8, read as cp1252 */
    MF_CHAR_SPAM = 2,    /* part of a run of injected spam, to remove */
    MF_CHAR_C1 = 4,      /* a C1 control read as cp1252 (broken.h) */
    MF_CHAR_CESU = 8,    /* CESU-8 or modified UTF-8, read */
    MF_CHAR_ENTITY = 16, /* an HTML entity, read */
    MF_CHAR_ANSI = 32,   /* an escape sequence, to remove */
    MF_CHAR_LEGACY = 64, /* read through another single-byte codec (legacy.h) */
    MF_CHAR_CJK = 128    /* read through a double-byte codec (cjk.h) */
};
/* The flags of characters that a rule other than the mojibake one changed. */
#define MF_CHAR_RULES (MF_CHAR_INVALID | MF_CHAR_SPAM | MF_CHAR_C1 | MF_CHAR_CESU | \
                       MF_CHAR_ENTITY | MF_CHAR_ANSI | MF_CHAR_LEGACY | MF_CHAR_CJK)

/* A character of the window being repaired. Characters tile the window:
 * each stands for bytes [start, end), and the next one starts at end. */
typedef struct mf_char {
    uint32_t cp;
    uint32_t start, end;
    uint32_t chain;  /* codecs decoded through, one byte each (index + 1),
                        the outermost break in the low byte */
    uint8_t levels;  /* how many decodes made this character */
    uint8_t flags;
    uint8_t signal;  /* with MF_CHAR_SPAM: what decided it (MF_SPAM_*) */
} mf_char;

typedef struct mf_chars {
    mf_char *v;
    size_t n, cap;
} mf_chars;

/* Length of the well-formed UTF-8 sequence at s (1-4), with its code point
 * in *cp, or 0 when s[0] does not begin one (Unicode's Table 3-7: no
 * overlongs, no surrogates, nothing above U+10FFFF). */
static inline int mf_utf8_decode(const uint8_t *s, size_t len, uint32_t *cp)
{
    uint8_t b0 = s[0];
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    int n;
    uint8_t lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) n = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else
        return 0;
    if (len < (size_t)n || s[1] < lo || s[1] > hi)
        return 0;
    uint32_t c = b0 & (0xFF >> (n + 1));
    c = c << 6 | (s[1] & 0x3F);
    for (int i = 2; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3F);
    }
    *cp = c;
    return n;
}

/* Whether a repair may read cp: not in the planes 4 to 13, which hold no
 * character (a four-byte sequence spelled by chance, as cp850's "¾øÀ½"). */
static inline int mf_cp_readable(uint32_t cp)
{
    return cp < 0x40000 || cp >= 0xE0000;
}

/* Eight bytes at p as one word, for scans that look at eight at once. */
static inline uint64_t mf_load8(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* The high bit of each byte of a word: set in v & MF_HIGH_BITS for bytes
 * that are not ASCII. */
#define MF_HIGH_BITS 0x8080808080808080ull

/* Writes cp as UTF-8 into out (4 bytes of room); returns the length. */
int mf_utf8_encode(uint32_t cp, char *out);

/* Decodes a window into out. Under the MF_RULE_* bits of rules, a CESU-8
 * sequence, an HTML entity or an escape sequence becomes one character,
 * flagged with its rule (broken.h); other bytes that are not UTF-8 become
 * one character each, their Windows-1252 reading, flagged MF_CHAR_INVALID. */
int mf_decode_window(const uint8_t *buf, size_t len, unsigned rules, mf_chars *out);

/* Makes room for n characters. */
int mf_chars_reserve(mf_chars *c, size_t n);
void mf_chars_free(mf_chars *c);

#endif
