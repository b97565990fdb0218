/* check_simd.c: the vector looks of filter/simd.h. The three versions of
 * each agree bit for bit; the inert-window look says "inert" exactly for
 * the windows its rule describes, and what it calls inert the byte rules
 * leave alone. */
#include <check.h>
#include <string.h>

#include "check_run.h"
#include "codec.h"
#include "decode.h"
#include "mojifix.h"
#include "repair.h"
#include "simd.h"
#include "test_rng.h"

/* Lead bytes of the characters an inert window may hold. */
static int inert_lead(uint8_t b)
{
    return (b >= 0xD4 && b <= 0xE1) || (b >= 0xE3 && b <= 0xED) || (b >= 0xF0 && b <= 0xF4);
}

/* The rule of simd.h, character by character. */
static int inert_reference(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = mf_utf8_decode(p + i, n - i, &cp);
        if (k == 0 || p[i] == '&' || p[i] == 0x1B || (k > 1 && !inert_lead(p[i])))
            return 0;
        i += (size_t)k;
    }
    return 1;
}

/* Characters to build windows of: inert ones, and some of each kind that
 * is not (Latin-1, Cyrillic, punctuation under E2, U+FFFD, '&', ESC). */
static const uint32_t inert_chars[] = {
    'a', 'Z', ' ', '\n', '.', 0x0531, 0x05D0, 0x0627, 0x07FF, 0x0800, 0x0915, 0x0E01, 0x10D0,
    0x1FFF, 0x3042, 0x4E2D, 0x9FA5, 0xAC00, 0xD7A3, 0xD7FF, 0x10000, 0x1F600, 0x10FFFF};
static const uint32_t other_chars[] = {0xE9, 0x80, 0x9F, 0xA0, 0x0436, 0x04FF, 0x2019,
                                       0x2026, 0xE000, 0xFFFD, '&', 0x1B};

static size_t random_window(uint8_t *buf, size_t cap)
{
    size_t n = 0, want = rng_below((uint32_t)cap - 8);
    int spoil = rng_below(3); /* 0: inert only; 1: another character; 2: a raw byte */
    while (n < want) {
        uint32_t cp = inert_chars[rng_below(sizeof inert_chars / sizeof *inert_chars)];
        if (spoil == 1 && rng_below(40) == 0)
            cp = other_chars[rng_below(sizeof other_chars / sizeof *other_chars)];
        if (spoil == 2 && rng_below(60) == 0)
            buf[n++] = (uint8_t)rng();
        else
            n += (size_t)mf_utf8_encode(cp, (char *)buf + n);
    }
    if (spoil == 2 && n && rng_below(4) == 0)
        n--; /* a sequence cut by the window's end */
    return n;
}

START_TEST(test_classers_agree)
{
    rng_seed(11);
    uint8_t block[64];
    for (int round = 0; round < 20000; round++) {
        for (int i = 0; i < 64; i++)
            block[i] = round % 2 ? (uint8_t)rng() : (uint8_t)(0x80 + rng_below(0x80));
        mf_classes want, got;
        mf_class_scalar(block, &want);
        for (int path = 0; path < MF_SIMD_PATHS; path++) {
            mf_classer classer = mf_simd_classer(path);
            if (!classer)
                continue;
            memset(&got, 0xA5, sizeof got);
            classer(block, &got);
            ck_assert_msg(!memcmp(&want, &got, sizeof want), "path %d, round %d", path, round);
        }
    }
}
END_TEST

START_TEST(test_every_byte_classed)
{
    /* Each byte value, alone at each end of a block, by every path. */
    for (int b = 0; b < 256; b++)
        for (int at = 0; at < 64; at += 63) {
            uint8_t block[64] = {0};
            block[at] = (uint8_t)b;
            mf_classes want, got;
            mf_class_scalar(block, &want);
            for (int path = 0; path < MF_SIMD_PATHS; path++)
                if (mf_simd_classer(path)) {
                    mf_simd_classer(path)(block, &got);
                    ck_assert_msg(!memcmp(&want, &got, sizeof want), "byte %02X path %d", b, path);
                }
        }
}
END_TEST

START_TEST(test_inert_matches_rule)
{
    rng_seed(12);
    uint8_t buf[400];
    int inert = 0;
    for (int round = 0; round < 30000; round++) {
        size_t n = random_window(buf, sizeof buf);
        int want = inert_reference(buf, n);
        inert += want;
        for (int path = 0; path < MF_SIMD_PATHS; path++)
            if (mf_simd_classer(path))
                ck_assert_msg(mf_inert(mf_simd_classer(path), buf, n) == want, "path %d, round %d, %zu bytes",
                              path, round, n);
    }
    ck_assert_int_gt(inert, 5000); /* the test saw both answers */
    ck_assert_int_lt(inert, 25000);
}
END_TEST

START_TEST(test_inert_sequences_at_block_ends)
{
    /* Every inert character and every spoiler, straddling the first block
     * end, and cut short by the window's end. */
    const uint32_t *sets[] = {inert_chars, other_chars};
    size_t counts[] = {sizeof inert_chars / sizeof *inert_chars,
                       sizeof other_chars / sizeof *other_chars};
    for (int s = 0; s < 2; s++)
        for (size_t c = 0; c < counts[s]; c++)
            for (size_t at = 58; at < 66; at++) {
                uint8_t buf[80];
                memset(buf, 'x', sizeof buf);
                size_t k = (size_t)mf_utf8_encode(sets[s][c], (char *)buf + at);
                for (size_t n = at; n <= at + k + 2; n++)
                    for (int path = 0; path < MF_SIMD_PATHS; path++)
                        if (mf_simd_classer(path))
                            ck_assert_int_eq(mf_inert(mf_simd_classer(path), buf, n), inert_reference(buf, n));
            }
}
END_TEST

START_TEST(test_inert_pages_unknown_to_codecs)
{
    /* What makes an inert window safe to pass by: no codec table knows a
     * character of it, so none is a lead or a continuation in any codec. */
    for (uint32_t cp = 0x80; cp <= 0xFFFF; cp++) {
        char b[4];
        mf_utf8_encode(cp, b);
        if (inert_lead((uint8_t)b[0]))
            ck_assert_msg(mf_rev_page[cp >> 8] == 0, "U+%04X", cp);
    }
}
END_TEST

START_TEST(test_inert_gives_byte_rules_nothing)
{
    rng_seed(13);
    uint8_t buf[400];
    for (int round = 0; round < 20000; round++) {
        size_t n = random_window(buf, sizeof buf);
        if (mf_inert(mf_simd_classer(mf_simd_path()), buf, n))
            ck_assert_uint_eq(mf_repair_rules(buf, n, MF_RULES_DEFAULT), MF_RULE_SPAM);
    }
}
END_TEST

START_TEST(test_liners_agree)
{
    rng_seed(14);
    uint8_t block[64];
    static const uint8_t stops[][2] = {{'&', 0x1B}, {0x80, 0x1B}, {'&', 0x80}, {0x80, 0x80}};
    for (int round = 0; round < 20000; round++) {
        for (int i = 0; i < 64; i++) { /* mostly ASCII, newlines and stops */
            static const uint8_t some[] = {'\n', '&', 0x1B, 0x80, 0xFF, 0x7F, 0x00};
            block[i] = rng_below(4) ? (uint8_t)(0x20 + rng_below(0x5F))
                                    : some[rng_below(sizeof some)];
        }
        const uint8_t *st = stops[round % 4];
        uint64_t want_stop, got_stop;
        uint64_t want = mf_lines_scalar(block, st[0], st[1], &want_stop);
        for (int path = 0; path < MF_SIMD_PATHS; path++)
            if (mf_simd_liner(path)) {
                got_stop = ~want_stop;
                ck_assert_uint_eq(mf_simd_liner(path)(block, st[0], st[1], &got_stop), want);
                ck_assert_uint_eq(got_stop, want_stop);
            }
    }
}
END_TEST

START_TEST(test_lines_scalar)
{
    uint8_t block[64];
    memset(block, 'a', sizeof block);
    block[0] = '\n';
    block[63] = '\n';
    block[5] = '&';
    block[9] = 0x1B;
    block[40] = 0xC3;
    uint64_t stop;
    ck_assert_uint_eq(mf_lines_scalar(block, '&', 0x1B, &stop), 1ull | 1ull << 63);
    ck_assert_uint_eq(stop, 1ull << 5 | 1ull << 9 | 1ull << 40);
    mf_lines_scalar(block, 0x80, 0x80, &stop); /* entities and escapes off */
    ck_assert_uint_eq(stop, 1ull << 40);
}
END_TEST

START_TEST(test_path_available)
{
    ck_assert_ptr_nonnull(mf_simd_classer(MF_SIMD_SCALAR));
#ifdef __x86_64__
    ck_assert_ptr_nonnull(mf_simd_classer(MF_SIMD_SSE2));
#endif
    ck_assert_ptr_nonnull(mf_simd_classer(mf_simd_path()));
    ck_assert_ptr_nonnull(mf_simd_liner(mf_simd_path()));
}
END_TEST

static Suite *simd_suite(void)
{
    Suite *s = suite_create("simd");
    TCase *t = tcase_create("inert");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, test_classers_agree);
    tcase_add_test(t, test_every_byte_classed);
    tcase_add_test(t, test_inert_matches_rule);
    tcase_add_test(t, test_inert_sequences_at_block_ends);
    tcase_add_test(t, test_inert_pages_unknown_to_codecs);
    tcase_add_test(t, test_inert_gives_byte_rules_nothing);
    tcase_add_test(t, test_liners_agree);
    tcase_add_test(t, test_lines_scalar);
    tcase_add_test(t, test_path_available);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return mf_run_suite(simd_suite());
}
