/* check_decode: UTF-8 decoding and encoding, and window decoding
 * (filter/decode.h, filter/decode.c).
 *
 * mf_utf8_decode is compared with a slow reference written here from the
 * definition of well-formed UTF-8 (Unicode 15, section 3.9, D92 and Table
 * 3-7): decode the bit pattern the lead byte announces, then reject
 * overlongs, surrogates and code points above U+10FFFF. The comparison is
 * exhaustive over all 1-, 2- and 3-byte inputs and over 4-byte inputs led by
 * F0-F4, and sampled elsewhere. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "decode.h"
#include "mojifix.h"
#include "test_rng.h"

/* ---- the reference ---- */

/* Length of the well-formed sequence at s[0..len), or 0; its code point in
 * *cp. Written without looking at decode.h. */
static int ref_decode(const uint8_t *s, size_t len, uint32_t *cp)
{
    static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
    uint8_t b = s[0];
    int n;
    uint32_t c;
    if ((b & 0x80) == 0x00) {
        n = 1;
        c = b;
    } else if ((b & 0xE0) == 0xC0) {
        n = 2;
        c = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
        n = 3;
        c = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
        n = 4;
        c = b & 0x07;
    } else {
        return 0; /* a continuation byte, or F8-FF */
    }
    if ((size_t)n > len)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3F);
    }
    if (c < min_cp[n])
        return 0; /* overlong */
    if (c >= 0xD800 && c <= 0xDFFF)
        return 0; /* surrogate */
    if (c > 0x10FFFF)
        return 0;
    *cp = c;
    return n;
}

/* Windows-1252, typed in from Microsoft's published chart (0x80-0x9F; the
 * rest is Latin-1). The five bytes the chart leaves undefined read as the C1
 * control of the same number, as tables/codecs.txt decides. */
static const uint32_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static uint32_t cp1252(uint8_t b)
{
    return b >= 0x80 && b <= 0x9F ? cp1252_high[b - 0x80] : b;
}

/* Compares implementation and reference on s[0..len). The bytes are copied
 * into a buffer of exactly len bytes, so that a sanitizer build catches a
 * read past the end. */
static void compare_at(const uint8_t *s, size_t len)
{
    uint8_t *copy = malloc(len);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, s, len);
    uint32_t want_cp = 0xDEADBEEF, got_cp = 0xDEADBEEF;
    int want = ref_decode(copy, len, &want_cp);
    int got = mf_utf8_decode(copy, len, &got_cp);
    if (got != want || (want && got_cp != want_cp)) {
        char hex[64] = "";
        for (size_t i = 0; i < len && i < 8; i++)
            snprintf(hex + 3 * i, sizeof hex - 3 * i, "%02X ", s[i]);
        ck_abort_msg("%s(len %zu): length %d U+%04X, reference %d U+%04X", hex, len, got,
                     got ? got_cp : 0, want, want ? want_cp : 0);
    }
    free(copy);
}

/* ---- the reference itself, on values from the standard ---- */

START_TEST(test_reference_table_3_7)
{
    /* Table 3-7's rows, by their first and last well-formed sequences, and
     * the first bytes just outside them. */
    static const struct {
        uint8_t b[4];
        size_t len;
        int n;
        uint32_t cp;
    } rows[] = {
        {{0x00}, 1, 1, 0x0000},
        {{0x7F}, 1, 1, 0x007F},
        {{0xC2, 0x80}, 2, 2, 0x0080},
        {{0xDF, 0xBF}, 2, 2, 0x07FF},
        {{0xE0, 0xA0, 0x80}, 3, 3, 0x0800},
        {{0xE0, 0xBF, 0xBF}, 3, 3, 0x0FFF},
        {{0xE1, 0x80, 0x80}, 3, 3, 0x1000},
        {{0xEC, 0xBF, 0xBF}, 3, 3, 0xCFFF},
        {{0xED, 0x80, 0x80}, 3, 3, 0xD000},
        {{0xED, 0x9F, 0xBF}, 3, 3, 0xD7FF},
        {{0xEE, 0x80, 0x80}, 3, 3, 0xE000},
        {{0xEF, 0xBF, 0xBF}, 3, 3, 0xFFFF},
        {{0xF0, 0x90, 0x80, 0x80}, 4, 4, 0x10000},
        {{0xF0, 0xBF, 0xBF, 0xBF}, 4, 4, 0x3FFFF},
        {{0xF1, 0x80, 0x80, 0x80}, 4, 4, 0x40000},
        {{0xF3, 0xBF, 0xBF, 0xBF}, 4, 4, 0xFFFFF},
        {{0xF4, 0x80, 0x80, 0x80}, 4, 4, 0x100000},
        {{0xF4, 0x8F, 0xBF, 0xBF}, 4, 4, 0x10FFFF},
        {{0x80}, 1, 0, 0},
        {{0xC1, 0xBF}, 2, 0, 0},
        {{0xE0, 0x9F, 0xBF}, 3, 0, 0},
        {{0xED, 0xA0, 0x80}, 3, 0, 0},
        {{0xF0, 0x8F, 0xBF, 0xBF}, 4, 0, 0},
        {{0xF4, 0x90, 0x80, 0x80}, 4, 0, 0},
        {{0xF5, 0x80, 0x80, 0x80}, 4, 0, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        uint32_t cp = 0;
        ck_assert_int_eq(ref_decode(rows[i].b, rows[i].len, &cp), rows[i].n);
        if (rows[i].n)
            ck_assert_uint_eq(cp, rows[i].cp);
    }
}
END_TEST

/* ---- mf_utf8_decode against the reference ---- */

START_TEST(test_decode_all_1_byte)
{
    for (unsigned a = 0; a < 256; a++) {
        uint8_t s[1] = {(uint8_t)a};
        compare_at(s, 1);
    }
}
END_TEST

/* compare_at allocates; the sweeps compare in place, with the same check. */
static void compare_fast(const uint8_t *s, size_t len)
{
    uint32_t want_cp = 0, got_cp = 0;
    int want = ref_decode(s, len, &want_cp);
    int got = mf_utf8_decode(s, len, &got_cp);
    if (got != want || (want && got_cp != want_cp))
        compare_at(s, len); /* reports */
}

START_TEST(test_decode_all_2_bytes)
{
    for (unsigned a = 0; a < 256; a++)
        for (unsigned b = 0; b < 256; b++) {
            uint8_t s[2] = {(uint8_t)a, (uint8_t)b};
            compare_fast(s, 2);
        }
}
END_TEST

START_TEST(test_decode_all_3_bytes)
{
    for (unsigned a = 0; a < 256; a++)
        for (unsigned b = 0; b < 256; b++)
            for (unsigned c = 0; c < 256; c++) {
                uint8_t s[3] = {(uint8_t)a, (uint8_t)b, (uint8_t)c};
                compare_fast(s, 3);
            }
}
END_TEST

/* Every 4-byte input whose first byte leads a 4-byte sequence: the lead is
 * F0 + _i (a loop test: each lead passes or fails on its own). */
START_TEST(test_decode_all_4_bytes_f0_f4)
{
    uint8_t s[4] = {(uint8_t)(0xF0 + _i)};
    for (unsigned b = 0; b < 256; b++)
        for (unsigned c = 0; c < 256; c++)
            for (unsigned d = 0; d < 256; d++) {
                s[1] = (uint8_t)b;
                s[2] = (uint8_t)c;
                s[3] = (uint8_t)d;
                compare_fast(s, 4);
            }
}
END_TEST

START_TEST(test_decode_4_bytes_sampled)
{
    rng_seed(0x4B59);
    for (int i = 0; i < 2000000; i++) {
        uint32_t r = rng();
        uint8_t s[4] = {(uint8_t)r, (uint8_t)(r >> 8), (uint8_t)(r >> 16), (uint8_t)(r >> 24)};
        compare_fast(s, 4);
    }
}
END_TEST

/* Random strings, with every suffix decoded at its exact length. Bytes are
 * drawn mostly from the ranges that make sequences interesting. */
START_TEST(test_decode_random_strings)
{
    static const uint8_t interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                          0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                                          0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5,
                                          0xF7, 0xF8, 0xFE, 0xFF};
    rng_seed(0x5EED);
    uint8_t s[16];
    for (int t = 0; t < 20000; t++) {
        size_t len = 1 + rng() % sizeof s;
        for (size_t i = 0; i < len; i++) {
            uint32_t r = rng();
            s[i] = r % 3 ? (uint8_t)(r >> 8) : interesting[(r >> 8) % sizeof interesting];
        }
        for (size_t at = 0; at < len; at++)
            compare_at(s + at, len - at);
    }
}
END_TEST

typedef struct boundary_case {
    const char *name;
    const char *bytes;
    size_t len;
    int n;
    uint32_t cp;
} boundary_case;

#define BC(name, s, n, cp) {name, s, sizeof s - 1, n, cp}
static const boundary_case boundary_cases[] = {
    BC("overlong NUL, 2 bytes", "\xC0\x80", 0, 0),
    BC("overlong '/', 2 bytes", "\xC1\xBF", 0, 0),
    BC("overlong U+0000, 3 bytes", "\xE0\x80\x80", 0, 0),
    BC("overlong U+07FF, 3 bytes", "\xE0\x9F\xBF", 0, 0),
    BC("overlong U+0000, 4 bytes", "\xF0\x80\x80\x80", 0, 0),
    BC("overlong U+FFFF, 4 bytes", "\xF0\x8F\xBF\xBF", 0, 0),
    BC("first surrogate", "\xED\xA0\x80", 0, 0),
    BC("last surrogate", "\xED\xBF\xBF", 0, 0),
    BC("last before surrogates", "\xED\x9F\xBF", 3, 0xD7FF),
    BC("first after surrogates", "\xEE\x80\x80", 3, 0xE000),
    BC("U+110000", "\xF4\x90\x80\x80", 0, 0),
    BC("U+10FFFF", "\xF4\x8F\xBF\xBF", 4, 0x10FFFF),
    BC("F5 lead", "\xF5\x80\x80\x80", 0, 0),
    BC("FF", "\xFF", 0, 0),
    BC("FE", "\xFE", 0, 0),
    BC("lone continuation", "\x80", 0, 0),
    BC("truncated 2 of 2", "\xC3", 0, 0),
    BC("truncated 2 of 3", "\xE2\x82", 0, 0),
    BC("truncated 1 of 3", "\xE2", 0, 0),
    BC("truncated 3 of 4", "\xF0\x9F\x98", 0, 0),
    BC("truncated 2 of 4", "\xF0\x9F", 0, 0),
    BC("bad 2nd byte", "\xC3\x41", 0, 0),
    BC("bad 3rd byte", "\xE2\x82\x41", 0, 0),
    BC("bad 4th byte", "\xF0\x9F\x98\xC0", 0, 0),
    BC("e-acute", "\xC3\xA9", 2, 0xE9),
    BC("euro", "\xE2\x82\xAC", 3, 0x20AC),
    BC("grinning face", "\xF0\x9F\x98\x80", 4, 0x1F600),
    BC("NUL", "\x00", 1, 0),
    BC("e-acute then more", "\xC3\xA9zz", 2, 0xE9),
};

START_TEST(test_decode_boundary_cases)
{
    const boundary_case *bc = &boundary_cases[_i];
    uint8_t *copy = malloc(bc->len); /* exact size: no reading past it */
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, bc->bytes, bc->len);
    uint32_t cp = 0xDEADBEEF;
    int n = mf_utf8_decode(copy, bc->len, &cp);
    ck_assert_msg(n == bc->n, "%s: length %d, expected %d", bc->name, n, bc->n);
    if (n)
        ck_assert_msg(cp == bc->cp, "%s: U+%04X, expected U+%04X", bc->name, cp, bc->cp);
    uint32_t rcp = 0;
    ck_assert_int_eq(ref_decode(copy, bc->len, &rcp), bc->n);
    free(copy);
}
END_TEST

/* ---- mf_utf8_encode ---- */

START_TEST(test_encode_round_trip_all_scalars)
{
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp == 0xD800)
            cp = 0xE000;
        char out[8];
        memset(out, 0x55, sizeof out);
        int n = mf_utf8_encode(cp, out);
        int want_n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (n != want_n)
            ck_abort_msg("U+%04X: %d bytes, expected %d", cp, n, want_n);
        if (out[n] != 0x55)
            ck_abort_msg("U+%04X: wrote past its %d bytes", cp, n);
        uint32_t back = 0, rback = 0;
        int k = mf_utf8_decode((const uint8_t *)out, (size_t)n, &back);
        int rk = ref_decode((const uint8_t *)out, (size_t)n, &rback);
        if (k != n || back != cp || rk != n || rback != cp)
            ck_abort_msg("U+%04X: decodes to %d U+%04X, reference %d U+%04X", cp, k, back, rk,
                         rback);
    }
}
END_TEST

START_TEST(test_encode_known)
{
    char out[4];
    ck_assert_int_eq(mf_utf8_encode(0x41, out), 1);
    ck_assert_mem_eq(out, "A", 1);
    ck_assert_int_eq(mf_utf8_encode(0xE9, out), 2);
    ck_assert_mem_eq(out, "\xC3\xA9", 2);
    ck_assert_int_eq(mf_utf8_encode(0x7FF, out), 2);
    ck_assert_mem_eq(out, "\xDF\xBF", 2);
    ck_assert_int_eq(mf_utf8_encode(0x800, out), 3);
    ck_assert_mem_eq(out, "\xE0\xA0\x80", 3);
    ck_assert_int_eq(mf_utf8_encode(0x2019, out), 3);
    ck_assert_mem_eq(out, "\xE2\x80\x99", 3);
    ck_assert_int_eq(mf_utf8_encode(0xFFFF, out), 3);
    ck_assert_mem_eq(out, "\xEF\xBF\xBF", 3);
    ck_assert_int_eq(mf_utf8_encode(0x1F600, out), 4);
    ck_assert_mem_eq(out, "\xF0\x9F\x98\x80", 4);
    ck_assert_int_eq(mf_utf8_encode(0x10FFFF, out), 4);
    ck_assert_mem_eq(out, "\xF4\x8F\xBF\xBF", 4);
}
END_TEST

/* ---- mf_decode_window ---- */

/* The rules of plain decoding: without the broken-text rules, which read
 * some sequences whole (their decoding is tested in check_broken.c). */
#define PLAIN (MF_RULE_MOJIBAKE | MF_RULE_INVALID_UTF8)

/* Checks a decoded window against the reference: the characters tile
 * [0, len), valid sequences are their code points, anything else is one
 * byte read as cp1252 and flagged. */
static void check_window(const uint8_t *buf, size_t len)
{
    mf_chars cs = {0};
    /* Garbage in the reused array must not leak into the result. */
    ck_assert_int_eq(mf_chars_reserve(&cs, len + 8), MF_OK);
    memset(cs.v, 0xA5, cs.cap * sizeof *cs.v);
    ck_assert_int_eq(mf_decode_window(buf, len, PLAIN, &cs), MF_OK);
    size_t at = 0, i = 0;
    for (; at < len; i++) {
        ck_assert_msg(i < cs.n, "%zu characters end at byte %zu of %zu", cs.n, at, len);
        const mf_char *c = &cs.v[i];
        ck_assert_uint_eq(c->start, at);
        uint32_t cp = 0;
        int n = ref_decode(buf + at, len - at, &cp);
        if (n) {
            ck_assert_uint_eq(c->end, at + (size_t)n);
            ck_assert_msg(c->cp == cp, "byte %zu: U+%04X, expected U+%04X", at, c->cp, cp);
            ck_assert_uint_eq(c->flags, 0);
        } else {
            ck_assert_uint_eq(c->end, at + 1);
            ck_assert_msg(c->cp == cp1252(buf[at]), "invalid byte %02X at %zu: U+%04X, expected U+%04X",
                          buf[at], at, c->cp, cp1252(buf[at]));
            ck_assert_uint_eq(c->flags, MF_CHAR_INVALID);
        }
        ck_assert_uint_eq(c->chain, 0);
        ck_assert_uint_eq(c->levels, 0);
        at = c->end;
    }
    ck_assert_uint_eq(i, cs.n);
    mf_chars_free(&cs);
    ck_assert_ptr_null(cs.v);
    ck_assert_uint_eq(cs.n, 0);
}

START_TEST(test_window_every_lone_byte)
{
    for (unsigned b = 0; b < 256; b++) {
        uint8_t s[1] = {(uint8_t)b};
        check_window(s, 1);
    }
}
END_TEST

START_TEST(test_window_known_invalid_bytes)
{
    const uint8_t s[] = "a\x81" "b\x80\xC3\xA9\xE9\xC0\x80\xED\xA0\x80\xF0\x9F\x98";
    size_t len = sizeof s - 1;
    mf_chars cs = {0};
    ck_assert_int_eq(mf_decode_window(s, len, PLAIN, &cs), MF_OK);
    static const struct {
        uint32_t cp, start, end;
        uint8_t flags;
    } want[] = {
        {'a', 0, 1, 0},
        {0x0081, 1, 2, MF_CHAR_INVALID},
        {'b', 2, 3, 0},
        {0x20AC, 3, 4, MF_CHAR_INVALID},
        {0x00E9, 4, 6, 0},
        {0x00E9, 6, 7, MF_CHAR_INVALID},
        {0x00C0, 7, 8, MF_CHAR_INVALID},
        {0x20AC, 8, 9, MF_CHAR_INVALID},
        {0x00ED, 9, 10, MF_CHAR_INVALID},
        {0x00A0, 10, 11, MF_CHAR_INVALID},
        {0x20AC, 11, 12, MF_CHAR_INVALID},
        {0x00F0, 12, 13, MF_CHAR_INVALID},
        {0x0178, 13, 14, MF_CHAR_INVALID},
        {0x02DC, 14, 15, MF_CHAR_INVALID},
    };
    ck_assert_uint_eq(cs.n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < cs.n; i++) {
        ck_assert_msg(cs.v[i].cp == want[i].cp, "char %zu: U+%04X, expected U+%04X", i,
                      cs.v[i].cp, want[i].cp);
        ck_assert_uint_eq(cs.v[i].start, want[i].start);
        ck_assert_uint_eq(cs.v[i].end, want[i].end);
        ck_assert_uint_eq(cs.v[i].flags, want[i].flags);
    }
    mf_chars_free(&cs);
}
END_TEST

START_TEST(test_window_empty)
{
    mf_chars cs = {0};
    ck_assert_int_eq(mf_decode_window((const uint8_t *)"", 0, PLAIN, &cs), MF_OK);
    ck_assert_uint_eq(cs.n, 0);
    mf_chars_free(&cs);
}
END_TEST

START_TEST(test_window_random)
{
    rng_seed(0xD3C0DE);
    uint8_t buf[300];
    for (int t = 0; t < 3000; t++) {
        size_t len = rng() % sizeof buf;
        for (size_t i = 0; i < len; i++) {
            uint32_t r = rng();
            /* A third ASCII, the rest any byte, with real sequences mixed in. */
            if (r % 5 == 0 && i + 4 <= len) {
                static const uint32_t cps[] = {0xE9, 0x439, 0x20AC, 0x4E2D, 0x1F600, 0x10FFFF};
                char enc[4];
                int n = mf_utf8_encode(cps[(r >> 8) % 6], enc);
                memcpy(buf + i, enc, (size_t)n);
                i += (size_t)n - 1;
            } else {
                buf[i] = r % 3 == 0 ? (uint8_t)(0x20 + (r >> 8) % 0x5F) : (uint8_t)(r >> 8);
            }
        }
        uint8_t *exact = malloc(len ? len : 1);
        ck_assert_ptr_nonnull(exact);
        memcpy(exact, buf, len);
        check_window(exact, len);
        free(exact);
    }
}
END_TEST

START_TEST(test_chars_reserve_grows)
{
    mf_chars cs = {0};
    ck_assert_int_eq(mf_chars_reserve(&cs, 1), MF_OK);
    ck_assert_uint_ge(cs.cap, 1);
    ck_assert_int_eq(mf_chars_reserve(&cs, 100000), MF_OK);
    ck_assert_uint_ge(cs.cap, 100000);
    cs.v[99999].cp = 1; /* writable */
    size_t cap = cs.cap;
    ck_assert_int_eq(mf_chars_reserve(&cs, 10), MF_OK);
    ck_assert_uint_eq(cs.cap, cap); /* never shrinks */
    mf_chars_free(&cs);
}
END_TEST

static Suite *decode_suite(void)
{
    Suite *s = suite_create("decode");
    TCase *ref = tcase_create("reference");
    tcase_add_test(ref, test_reference_table_3_7);
    suite_add_tcase(s, ref);

    TCase *utf8 = tcase_create("utf8_decode");
    tcase_set_timeout(utf8, 120); /* the exhaustive sweeps, under sanitizers */
    tcase_add_test(utf8, test_decode_all_1_byte);
    tcase_add_test(utf8, test_decode_all_2_bytes);
    tcase_add_test(utf8, test_decode_all_3_bytes);
    tcase_add_loop_test(utf8, test_decode_all_4_bytes_f0_f4, 0, 5);
    tcase_add_test(utf8, test_decode_4_bytes_sampled);
    tcase_add_test(utf8, test_decode_random_strings);
    tcase_add_loop_test(utf8, test_decode_boundary_cases, 0,
                        (int)(sizeof boundary_cases / sizeof boundary_cases[0]));
    suite_add_tcase(s, utf8);

    TCase *enc = tcase_create("utf8_encode");
    tcase_set_timeout(enc, 60);
    tcase_add_test(enc, test_encode_round_trip_all_scalars);
    tcase_add_test(enc, test_encode_known);
    suite_add_tcase(s, enc);

    TCase *win = tcase_create("window");
    tcase_set_timeout(win, 60);
    tcase_add_test(win, test_window_every_lone_byte);
    tcase_add_test(win, test_window_known_invalid_bytes);
    tcase_add_test(win, test_window_empty);
    tcase_add_test(win, test_window_random);
    tcase_add_test(win, test_chars_reserve_grows);
    suite_add_tcase(s, win);
    return s;
}

int main(void)
{
    return mf_run_suite(decode_suite());
}
