/* check_cosmetic: the cosmetic rules (filter/cosmetic.h), off by default,
 * through mf_fix_buffer: real examples with the exact output and rule, text
 * that must stay byte for byte, how they meet the repair rules, and NFC of
 * a long line cut into windows against ICU's NFC of the whole. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>

#include "check_run.h"
#include "expect_fix.h"
#include "grow.h"
#include "mojifix.h"

#define WITH(rule) (MF_RULES_DEFAULT | (rule))

/* One input, fixed once, without the contexts of expect() (a CRLF line is
 * one of them, which --newlines changes). */
static void expect_bare(const char *name, const char *in, size_t in_len, const char *want,
                        unsigned rules, const char *rule)
{
    result r;
    expect_rules = rules;
    fix(in, in_len, &r);
    expect_rules = MF_RULES_DEFAULT;
    char a[512], g[512];
    ck_assert_msg(r.out_len == strlen(want) && memcmp(r.out, want, r.out_len) == 0,
                  "%s: \"%s\" -> \"%s\"", name, show(in, in_len, a, sizeof a),
                  show(r.out, r.out_len, g, sizeof g));
    for (size_t i = 0; rule && i < r.nedits && i < MAX_EDITS; i++)
        ck_assert_msg(!strcmp(r.rules[i], rule), "%s: edit %zu is %s", name, i, r.rules[i]);
    int same = in_len == strlen(want) && memcmp(in, want, in_len) == 0;
    ck_assert_msg(same ? r.nedits == 0 : r.nedits > 0, "%s: %zu edits", name, r.nedits);
    free(r.out);
}

/* Text that every cosmetic rule would change, and that the default rules
 * leave alone: the cosmetic rules are off by default. */
START_TEST(test_off_by_default)
{
    static const char *const kept[] = {
        "o\xEF\xAC\x83" "ce “quoted” it’s", "cafe\xCC\x81", "\xEF\xBC\xA1\xEF\xBC\xA2 \xEF\xBD\xB6",
        "x\xC2\xB2", "a\x01" "b\x7F", "\xEF\xBB\xBF" "bom", "a\xE2\x80\xA8" "b",
    };
    KEEP(kept, MF_RULES_DEFAULT);
    expect_bare("CR kept", "a\r\nb\rc\n", 7, "a\r\nb\rc\n", MF_RULES_DEFAULT, NULL);
}
END_TEST

START_TEST(test_nfc)
{
    static const example e[] = {
        {"acute", "cafe\xCC\x81 au lait", "café au lait", "nfc"},
        {"two in a word", "Bru\xCC\x88" "cke u\xCC\x88" "ber", "Brücke über", "nfc"},
        {"Hangul jamo", "\xE1\x84\x80\xE1\x85\xA1", "가", "nfc"},
        /* a line the stream proves inert for the byte rules (simd.h) */
        {"jamo in Hangul text", "\xE1\x84\x80\xE1\x85\xA1 한국어 텍스트입니다", "가 한국어 텍스트입니다",
         "nfc"},
        /* marks in canonical order: dot below before acute, then composed */
        {"reordered", "a\xCC\x81\xCC\xA3", "\xE1\xBA\xA1\xCC\x81", "nfc"},
        {"Vietnamese", "Vie\xCC\xA3\xCC\x82t", "Việt", "nfc"},
    };
    RUN(e, WITH(MF_RULE_NFC));
    /* NFC already, or compatibility forms NFC keeps. */
    static const char *const kept[] = {
        "café Việt 가", "o\xEF\xAC\x81" "ce x\xC2\xB2 \xEF\xBC\xA1", "e\xCC\xB8", "日本語のテキスト",
        "a combining mark alone: \xCC\x81", "Ǆ ĳ",
    };
    KEEP(kept, WITH(MF_RULE_NFC));
}
END_TEST

START_TEST(test_nfkc)
{
    static const example e[] = {
        {"superscript", "x\xC2\xB2 + y\xC2\xB2", "x2 + y2", "nfkc"},
        {"ligature", "o\xEF\xAC\x81" "ce", "ofice", "nfkc"},
        {"circled", "\xE2\x91\xA0 first", "1 first", "nfkc"},
        {"decomposed too", "cafe\xCC\x81", "café", "nfkc"},
    };
    RUN(e, WITH(MF_RULE_NFKC));
    RUN(e, WITH(MF_RULE_NFKC | MF_RULE_NFC)); /* NFKC in place of NFC */
    static const char *const kept[] = {"café 日本語", "plain ASCII", "ß and æ"};
    KEEP(kept, WITH(MF_RULE_NFKC));
}
END_TEST

START_TEST(test_quotes)
{
    static const example e[] = {
        {"double", "“Hello,” she said", "\"Hello,\" she said", "straight-quote"},
        {"apostrophe", "it’s", "it's", "straight-quote"},
        {"German", "„Gänsefüßchen“", "\"Gänsefüßchen\"", "straight-quote"},
        {"single", "‘quoted’ ‚low‛", "'quoted' 'low'", "straight-quote"},
        /* mojibake of ’ is repaired, then straightened: one edit */
        {"after mojibake", "itâ€™s", "it's", "straight-quote"},
    };
    RUN(e, WITH(MF_RULE_QUOTES));
    static const char *const kept[] = {"«guillemets» ‹one›", "a ′ prime ″", "'plain' \"ascii\"",
                                       "ʼokina-like U+02BC"};
    KEEP(kept, WITH(MF_RULE_QUOTES));
}
END_TEST

START_TEST(test_ligatures)
{
    static const example e[] = {
        {"ffi", "o\xEF\xAC\x83" "ce", "office", "ligature"},
        {"fi fl", "\xEF\xAC\x81nd \xEF\xAC\x82y", "find fly", "ligature"},
        {"Dutch IJ", "\xC4\xB2ssel \xC4\xB3s", "IJssel ijs", "ligature"},
        {"Croatian digraph", "\xC7\x84" "ak \xC7\x85" "ak \xC7\x86" "ak", "DŽak Džak džak", "ligature"},
        {"long s t", "\xEF\xAC\x85", "ſt", "ligature"},
    };
    RUN(e, WITH(MF_RULE_LIGATURES));
    static const char *const kept[] = {"æsthetic œuvre", "find fly office", "ß Œ"};
    KEEP(kept, WITH(MF_RULE_LIGATURES));
}
END_TEST

START_TEST(test_halfwidth)
{
    static const example e[] = {
        {"full-width Latin", "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3\xEF\xBC\x91\xEF\xBC\x92",
         "ABC12", "halfwidth"},
        {"full-width punctuation", "\xEF\xBC\x88\xEF\xBD\x81\xEF\xBC\x89\xEF\xBC\x81", "(a)!",
         "halfwidth"},
        /* a voiced sound mark joins the katakana before it */
        {"half-width katakana", "\xEF\xBD\xB6\xEF\xBE\x9E\xEF\xBD\xB0\xEF\xBE\x84\xEF\xBE\x9E",
         "ガード", "halfwidth"},
        {"ideographic space", "a\xE3\x80\x80" "b", "a b", "halfwidth"},
        {"yen sign", "\xEF\xBF\xA5" "100", "¥100", "halfwidth"},
    };
    RUN(e, WITH(MF_RULE_HALFWIDTH));
    static const char *const kept[] = {"ガード 日本語", "ABC (a)!", "한국어", "¥100"};
    KEEP(kept, WITH(MF_RULE_HALFWIDTH));
}
END_TEST

START_TEST(test_newlines)
{
    const unsigned nl = WITH(MF_RULE_NEWLINES);
    expect_bare("CRLF", "a\r\nb\r\n", 6, "a\nb\n", nl, "newline");
    expect_bare("CR", "a\rb\rc", 5, "a\nb\nc", nl, "newline");
    expect_bare("CR CRLF", "a\r\r\nb", 5, "a\n\nb", nl, "newline");
    expect_bare("line separator", "a\xE2\x80\xA8" "b\xE2\x80\xA9" "c", 9, "a\nb\nc", nl,
                "newline");
    /* NEL is a C1 control: the c1 rule reads it first, as cp1252 does. */
    expect_bare("NEL, c1 on", "a\xC2\x85" "b", 4, "a…b", nl, "c1-as-cp1252");
    expect_bare("NEL, c1 off", "a\xC2\x85" "b", 4, "a\nb", nl & ~(unsigned)MF_RULE_C1, "newline");
    expect_bare("LF kept", "a\nb\n\n", 5, "a\nb\n\n", nl, NULL);
    expect_bare("CR as text in a mojibake line", "cafÃ©\r\n", 8, "café\n", nl, NULL);
}
END_TEST

START_TEST(test_controls)
{
    static const example e[] = {
        {"C0", "a\x01" "b\x1F" "c", "abc", "control"},
        {"DEL", "a\x7F" "b", "ab", "control"},
        {"BOM", "\xEF\xBB\xBF" "bom", "bom", "control"},
        {"C1 the c1 rule leaves", "a\xC2\x81" "b", "ab", "control"},
        {"bidi deprecated", "a\xE2\x81\xAA" "b", "ab", "control"},
        /* removing a control joins a broken sequence, repaired next */
        {"joins mojibake", "cafÃ\x01©", "café", NULL},
    };
    RUN(e, WITH(MF_RULE_CONTROLS));
    /* ESC begins a sequence the ANSI rule removes whole ("\x1Bb" too);
     * without it, ESC is a control like another. */
    static const example esc[] = {{"stray ESC", "a\x1B" "b", "ab", "control"}};
    RUN(esc, WITH(MF_RULE_CONTROLS) & ~(unsigned)MF_RULE_ANSI);
    static const char *const kept[] = {"tab\there", "form\ffeed", "zero\xE2\x80\x8Bwidth", "ab"};
    KEEP(kept, WITH(MF_RULE_CONTROLS));
    expect_bare("CR kept", "a\r\nb\rc", 6, "a\r\nb\rc", WITH(MF_RULE_CONTROLS), NULL);
    expect_bare("NEL kept, c1 off", "a\xC2\x85" "b", 4, "a\xC2\x85" "b",
                WITH(MF_RULE_CONTROLS) & ~(unsigned)MF_RULE_C1, NULL);
}
END_TEST

/* --cosmetic's set, on text with all of it; the ligature rule goes before
 * NFKC would. */
START_TEST(test_safe_set)
{
    const char in[] = "o\xEF\xAC\x83" "ce “q” cafe\xCC\x81 \xEF\xBC\xA1 x\x01y\r\n";
    expect_bare("safe set", in, sizeof in - 1, "office “q” café A xy\n",
                MF_RULES_DEFAULT | MF_RULES_COSMETIC_SAFE, NULL);
    expect_bare("safe set, again", "office “q” café A xy\n", strlen("office “q” café A xy\n"),
                "office “q” café A xy\n", MF_RULES_DEFAULT | MF_RULES_COSMETIC_SAFE, NULL);
}
END_TEST

/* ---- window cuts ---- */

/* A window ends after a line feed, or in a long line before an ASCII letter
 * or digit after a space: both must be normalization boundaries. */
START_TEST(test_cut_boundaries)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nz[] = {unorm2_getNFCInstance(&err), unorm2_getNFKCInstance(&err)};
    ck_assert(U_SUCCESS(err));
    for (size_t k = 0; k < 2; k++)
        for (UChar32 c = 0; c < 0x80; c++)
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
                ck_assert_msg(unorm2_hasBoundaryBefore(nz[k], c), "no boundary before %c", c);
    for (size_t k = 0; k < 2; k++) {
        ck_assert(unorm2_hasBoundaryAfter(nz[k], '\n'));
        ck_assert(unorm2_hasBoundaryAfter(nz[k], ' '));
    }
}
END_TEST

static int collect(void *ctx, const char *bytes, size_t n)
{
    return mf_bytes_add(ctx, bytes, n);
}

/* ICU's NFC of the whole of s. */
static char *icu_nfc(const char *s, size_t n, size_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    UChar *u = malloc((n + 1) * sizeof *u), *v = malloc(2 * (n + 1) * sizeof *v);
    char *out = malloc(3 * 2 * (n + 1));
    ck_assert(u && v && out);
    int32_t m;
    u_strFromUTF8(u, (int32_t)n + 1, &m, s, (int32_t)n, &err);
    int32_t k = unorm2_normalize(unorm2_getNFCInstance(&err), u, m, v, 2 * ((int32_t)n + 1), &err);
    int32_t len;
    u_strToUTF8(out, 6 * ((int32_t)n + 1), &len, v, k, &err);
    ck_assert_msg(U_SUCCESS(err), "%s", u_errorName(err));
    free(u);
    free(v);
    *out_len = (size_t)len;
    return out;
}

/* A 200 KiB line of decomposed words, fed in pieces of several sizes, is
 * cut into windows; the output is ICU's NFC of the whole. */
START_TEST(test_long_line_nfc)
{
    static const char *const words[] = {"cafe\xCC\x81 ", "u\xCC\x88" "ber ", "Vie\xCC\xA3\xCC\x82t ",
                                        "\xE1\x84\x80\xE1\x85\xA1 ", "plain ", "a\xCC\x81\xCC\xA3 "};
    mf_bytes in = {0};
    for (size_t i = 0; in.n < 200 * 1024; i++)
        ck_assert_int_eq(mf_bytes_add(&in, words[i * 7 % 6], strlen(words[i * 7 % 6])), 0);
    size_t want_len;
    char *want = icu_nfc(in.p, in.n, &want_len);
    static const size_t pieces[] = {1000, 4096, 65536, 1 << 20};
    for (size_t p = 0; p < sizeof pieces / sizeof *pieces; p++) {
        mf_bytes out = {0};
        mf_config cfg;
        mf_config_init(&cfg);
        cfg.rules |= MF_RULE_NFC;
        mf_stream *s = mf_stream_new(&cfg, collect, &out);
        ck_assert_ptr_nonnull(s);
        for (size_t at = 0; at < in.n; at += pieces[p])
            ck_assert_int_eq(mf_stream_write(s, in.p + at, in.n - at < pieces[p] ? in.n - at : pieces[p]),
                             MF_OK);
        ck_assert_int_eq(mf_stream_finish(s), MF_OK);
        mf_stream_free(s);
        ck_assert_msg(out.n == want_len && memcmp(out.p, want, want_len) == 0,
                      "pieces of %zu: not the NFC of the whole", pieces[p]);
        free(out.p);
    }
    free(want);
    free(in.p);
}
END_TEST

static Suite *cosmetic_suite(void)
{
    Suite *s = suite_create("cosmetic");
    TCase *rules = tcase_create("rules");
    tcase_add_test(rules, test_off_by_default);
    tcase_add_test(rules, test_nfc);
    tcase_add_test(rules, test_nfkc);
    tcase_add_test(rules, test_quotes);
    tcase_add_test(rules, test_ligatures);
    tcase_add_test(rules, test_halfwidth);
    tcase_add_test(rules, test_newlines);
    tcase_add_test(rules, test_controls);
    tcase_add_test(rules, test_safe_set);
    suite_add_tcase(s, rules);
    TCase *cuts = tcase_create("cuts");
    tcase_set_timeout(cuts, 120);
    tcase_add_test(cuts, test_cut_boundaries);
    tcase_add_test(cuts, test_long_line_nfc);
    suite_add_tcase(s, cuts);
    return s;
}

int main(void)
{
    return mf_run_suite(cosmetic_suite());
}
