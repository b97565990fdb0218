/* simd.h: vector looks at the input, each in three equivalent versions
 * (scalar, SSE2, AVX2) of which the best the CPU has is chosen at run time.
 *
 * Lines: the newlines of a 64-byte block, and the bytes that take a line
 * off the ASCII fast path (stream.c's ascii_lines), as bit masks.
 *
 * Inert windows: the look that proves a window needs none of the byte rules.
 *
 * A window is "inert" when it is well-formed UTF-8 whose multi-byte
 * characters all begin with a lead byte no codec table knows (D4-DF, E0,
 * E1, E3-ED, F0-F4: Armenian to CJK, Indic, Hangul, emoji), and it holds
 * no '&' nor ESC. Such a window gives mf_repair_rules nothing but spam:
 * its characters are neither leads nor continuations in any codec
 * (mf_rev_page is 0 for all their pages: check_simd proves it), so
 * mf_repair_suspect is false; it has no C2 (no C1 control) and no entity
 * or escape sequence to read.
 *
 * The bytes are classed 64 at a time into bit masks, by one of three
 * equivalent classers (scalar, SSE2, AVX2 chosen at run time); one
 * scalar rule then checks the UTF-8 structure from the masks. */
#ifndef MF_SIMD_H
#define MF_SIMD_H

#include <stddef.h>
#include <stdint.h>

/* One bit per byte of a 64-byte block, bit i for byte i. */
typedef struct mf_classes {
    uint64_t stop;  /* C0-D3, E2, EE-EF, F5-FF, '&', ESC: not inert; if any, */
                    /* the other masks are 0 (not worth the work) */
    uint64_t lead2; /* D4-DF */
    uint64_t lead3; /* E0-ED */
    uint64_t lead4; /* F0-F4 */
    uint64_t cont;  /* 80-BF */
    uint64_t to9f;  /* 80-9F */
    uint64_t to8f;  /* 80-8F */
    uint64_t e0, ed, f0, f4;
} mf_classes;

/* The byte ranges of each class, once for the three classers:
 * X(field, lo, hi) for bytes lo..hi. The stop ranges come first: a block
 * with a stop byte is not inert, and its other classes are left 0. */
#define MF_STOP_RANGES(X)                                                         \
    X(stop, 0xC0, 0xD3) X(stop, 0xE2, 0xE2) X(stop, 0xEE, 0xEF) X(stop, 0xF5, 0xFF) \
    X(stop, '&', '&') X(stop, 0x1B, 0x1B)
#define MF_CLASS_RANGES(X)                                                        \
    X(lead2, 0xD4, 0xDF) X(lead3, 0xE0, 0xED) X(lead4, 0xF0, 0xF4)                \
    X(cont, 0x80, 0xBF) X(to9f, 0x80, 0x9F) X(to8f, 0x80, 0x8F)                   \
    X(e0, 0xE0, 0xE0) X(ed, 0xED, 0xED) X(f0, 0xF0, 0xF0) X(f4, 0xF4, 0xF4)

typedef void (*mf_classer)(const uint8_t *block, mf_classes *c);

void mf_class_scalar(const uint8_t *block, mf_classes *c);
void mf_class_sse2(const uint8_t *block, mf_classes *c);  /* x86-64 only */
void mf_class_avx2(const uint8_t *block, mf_classes *c);  /* x86-64 only */

/* The newlines of block[0..64) as a mask, and in *stop its bytes that are
 * not ASCII or are amp or esc (0x80 for "none": it is not ASCII anyway). */
typedef uint64_t (*mf_liner)(const uint8_t *block, uint8_t amp, uint8_t esc, uint64_t *stop);

uint64_t mf_lines_scalar(const uint8_t *block, uint8_t amp, uint8_t esc, uint64_t *stop);
uint64_t mf_lines_sse2(const uint8_t *block, uint8_t amp, uint8_t esc, uint64_t *stop);
uint64_t mf_lines_avx2(const uint8_t *block, uint8_t amp, uint8_t esc, uint64_t *stop);

/* The versions this machine can run, by path; NULL where it cannot. */
enum { MF_SIMD_SCALAR, MF_SIMD_SSE2, MF_SIMD_AVX2, MF_SIMD_PATHS };
mf_classer mf_simd_classer(int path);
mf_liner mf_simd_liner(int path);

/* The path in use: the best the CPU has, or the one the environment
 * variable MOJIFIX_SIMD names (scalar, sse2, avx2) if the CPU has it, so
 * that the tests can run each. */
int mf_simd_path(void);

/* Whether buf[0..len) is inert, classed by `classer`. */
int mf_inert(mf_classer classer, const uint8_t *buf, size_t len);

#endif
