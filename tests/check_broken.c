/* check_broken: the broken-text rules (filter/broken.h) through
 * mf_fix_buffer: C1 controls read as cp1252, CESU-8 and modified UTF-8,
 * HTML entities in text, ANSI escape sequences. For each: real examples
 * with the exact output and rule, text that must stay byte for byte, the
 * rule switched off, and how it meets the mojibake rule. Then the scanners
 * that keep window cuts out of a sequence, and long lines cut there. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "broken.h"
#include "check_run.h"
#include "decode.h"
#include "expect_fix.h"
#include "mojifix.h"

/* ---- C1 controls ---- */

START_TEST(test_c1)
{
    static const example e[] = {
        {"quotes", "\xC2\x93Hello,\xC2\x94 she said", "“Hello,” she said", "c1-as-cp1252"},
        {"euro", "\xC2\x80" "10", "€10", "c1-as-cp1252"},
        {"apostrophe in a word", "it\xC2\x92s", "it’s", "c1-as-cp1252"},
        {"dash and ellipsis", "wait \xC2\x96 more\xC2\x85", "wait – more…", "c1-as-cp1252"},
        {"in Cyrillic text", "\xC2\x84Привет\xC2\x93", "„Привет“", "c1-as-cp1252"},
        /* Latin-1 mojibake of ’ holds C1 controls: the mojibake rule has it
         * whole, C1 does not read half of it. */
        {"Latin-1 mojibake", "It\xC3\xA2\xC2\x80\xC2\x99s here", "It’s here", "utf8-as-latin1"},
        {"cp1252 mojibake with an undefined byte", "â€œquotedâ€\xC2\x9D", "“quoted”",
         "utf8-as-cp1252"},
    };
    RUN(e, MF_RULES_DEFAULT);
}
END_TEST

START_TEST(test_c1_kept)
{
    /* The five bytes cp1252 leaves undefined stand for nothing else. */
    static const char *const kept[] = {
        "a\xC2\x81" "b", "a\xC2\x8D" "b", "a\xC2\x8F" "b", "a\xC2\x90" "b", "a\xC2\x9D" "b",
        "\xC2\xA0 and \xC3\xA9 are not C1",
    };
    KEEP(kept, MF_RULES_DEFAULT);
    static const char *const off[] = {"\xC2\x93Hello\xC2\x94", "\xC2\x80" "10"};
    KEEP(off, MF_RULES_DEFAULT & ~(unsigned)MF_RULE_C1);
}
END_TEST

/* ---- CESU-8 and modified UTF-8 ---- */

START_TEST(test_cesu)
{
    static const example e[] = {
        {"emoji pair", "smile \xED\xA0\xBD\xED\xB8\x80 ok", "smile 😀 ok", "cesu-8"},
        {"first supplementary", "\xED\xA0\x80\xED\xB0\x80", "\xF0\x90\x80\x80", "cesu-8"},
        {"last supplementary", "\xED\xAF\xBF\xED\xBF\xBF", "\xF4\x8F\xBF\xBF", "cesu-8"},
        {"two pairs", "\xED\xA0\xBD\xED\xB8\x80\xED\xA0\xBD\xED\xB8\x81", "😀😁", "cesu-8"},
        {"lone high surrogate", "lone \xED\xA0\xBD end", "lone \xEF\xBF\xBD end", "cesu-8"},
        {"lone low surrogate", "x\xED\xB8\x80y", "x\xEF\xBF\xBDy", "cesu-8"},
        {"high then high", "\xED\xA0\xBD\xED\xA0\xBD", "\xEF\xBF\xBD\xEF\xBF\xBD", "cesu-8"},
        /* Beside another invalid byte, a lone surrogate is cp1252 text. */
        {"lone surrogate in cp1252 text", "S\xED\xA0\xAB caf\xE9", "Sí\xC2\xA0« café",
         "invalid-utf8-as-cp1252"},
        /* Without a surrogate, C0 80 is not taken for Java's NUL. */
        {"C0 80 alone", "a\xC0\x80" "b", "aÀ€b", "invalid-utf8-as-cp1252"},
    };
    RUN(e, MF_RULES_DEFAULT);
    /* Java's NUL, beside a surrogate pair. */
    static const char nul_in[] = "a\xC0\x80" "b \xED\xA0\xBD\xED\xB8\x80", nul_out[] = "a\0b 😀";
    expect("modified UTF-8 NUL", nul_in, sizeof nul_in - 1, nul_out, sizeof nul_out - 1, "cesu-8");
}
END_TEST

START_TEST(test_cesu_off)
{
    /* --no-cesu falls back to what the invalid-utf8 rule did before. */
    static const example e[] = {
        {"pair, rule off", "\xED\xA0\xBD\xED\xB8\x80", "í\xC2\xA0½í¸€", "invalid-utf8-as-cp1252"},
    };
    RUN(e, MF_RULES_DEFAULT & ~(unsigned)MF_RULE_CESU);
    static const char *const kept[] = {"\xED\xA0\xBD\xED\xB8\x80"};
    KEEP(kept, MF_RULE_MOJIBAKE | MF_RULE_SPAM);
    /* and leaves the mojibake of CESU-8 as it was. */
    static const char *const moji[] = {"smile í\xC2\xA0½í¸€ ok"};
    KEEP(moji, MF_RULES_DEFAULT & ~(unsigned)MF_RULE_CESU);
}
END_TEST

/* CESU-8 broken through a codec is a unit of the mojibake rule. */
START_TEST(test_cesu_mojibake)
{
    static const example e[] = {
        {"through cp1252", "smile í\xC2\xA0½í¸€ ok", "smile 😀 ok", "utf8-as-cp1252"},
        {"through cp1252, in words", "Java wrote í\xC2\xA0¼í¿‰ for rugby", "Java wrote 🏉 for rugby",
         "utf8-as-cp1252"},
    };
    RUN(e, MF_RULES_DEFAULT);
}
END_TEST

/* The decoded characters themselves: one per sequence, flagged. */
START_TEST(test_cesu_decode)
{
    const uint8_t s[] = "\xED\xA0\xBD\xED\xB8\x80" "a\xC0\x80";
    mf_chars cs = {0};
    ck_assert_int_eq(mf_decode_window(s, sizeof s - 1, MF_RULES_DEFAULT, &cs), MF_OK);
    ck_assert_uint_eq(cs.n, 3);
    ck_assert_uint_eq(cs.v[0].cp, 0x1F600);
    ck_assert_uint_eq(cs.v[0].end, 6);
    ck_assert_uint_eq(cs.v[0].flags, MF_CHAR_CESU);
    ck_assert_uint_eq(cs.v[2].cp, 0);
    ck_assert_uint_eq(cs.v[2].start, 7);
    ck_assert_uint_eq(cs.v[2].flags, MF_CHAR_CESU);
    mf_chars_free(&cs);
}
END_TEST

/* ---- HTML entities ---- */

START_TEST(test_entities)
{
    static const example e[] = {
        {"named", "caf&eacute; cr&egrave;me", "café crème", "html-entity"},
        {"decimal", "l&#8217;&eacute;t&eacute;", "l’été", "html-entity"},
        {"hex quotes", "&#x201C;Hello&#X201D;", "“Hello”", "html-entity"},
        {"ampersand in a name", "AT&amp;T and Q&amp;A", "AT&T and Q&A", "html-entity"},
        {"double escaped", "caf&amp;eacute;", "café", "html-entity"},
        {"triple escaped", "caf&amp;amp;eacute;", "café", "html-entity"},
        {"escaped markup stays escaped once", "x&amp;lt;y", "x&lt;y", "html-entity"},
        /* One glued entity shows the line is escaped text: all are read. */
        {"apart, beside a glued one", "Tom &amp; Jerry&#8217;s &copy; 2024",
         "Tom & Jerry’s © 2024", "html-entity"},
        {"C1 numbers as HTML reads them", "a&#150;b &#147;q&#148;", "a–b “q”", "html-entity"},
        {"supplementary", "ok&#x1F600;", "ok😀", "html-entity"},
        {"no-break space", "10&nbsp;km", "10\xC2\xA0km", "html-entity"},
        {"longest name", "x&CounterClockwiseContourIntegral;", "x∳", "html-entity"},
    };
    RUN(e, MF_RULES_DEFAULT);
}
END_TEST

START_TEST(test_entities_kept)
{
    static const char *const kept[] = {
        "AT&T", "Q&A", "&c.", "Tom & Jerry", "a=1&b=2&amp=3",
        "&copy 2024 without a semicolon", "caf&eacute without one",
        /* Text that names entities sets them apart. */
        "escape an ampersand as &amp; in XML",
        "a reference such as &#234; was not ended",
        "(e.g. &eacute;)", "a number(&#234; for example)", "\xE2\x80\x9E&#234;\xE2\x80\x9C",
        "write \xC2\xAB&amp;\xC2\xBB", "\xEF\xBC\x88\xE5\xA6\x82 &#234;\xEF\xBC\x89\xE2\x80\x94\xE2\x80\x94\xE5\x8F\xAF",
        "\xE2\x80\x8E&#234;\xE2\x80\x8E)",
        /* Never read: markup, controls, line ends, non-characters. */
        "Ctrl+Alt+&lt;key&gt;", "x&lt;y&gt;z", "x&#60;y", "a&#0;b", "a&#10;b", "a&NewLine;b",
        "a&#xD800;b", "a&#x110000;b", "a&#1;b", "a&#x7F;b", "a&#xFFFF;b", "a&#xFDD0;b",
        "unknown&nosuchname;entity", "a&#;b", "a&#x;b",
        /* In a line that may be HTML. */
        "<p>caf&eacute;</p>", "a < b, caf&eacute;",
        "the gettext catalog says \"&lt; &gt;\" key",
    };
    KEEP(kept, MF_RULES_DEFAULT);
    static const char *const off[] = {"caf&eacute;", "AT&amp;T"};
    KEEP(off, MF_RULES_DEFAULT & ~(unsigned)MF_RULE_ENTITIES);
}
END_TEST

/* Entities that spell mojibake are repaired in the same run. */
START_TEST(test_entities_then_mojibake)
{
    static const example e[] = {
        {"escaped mojibake", "caf&Atilde;&copy; au lait", "café au lait", NULL},
        /* An entity is judged in the repaired text, where it stands apart. */
        {"entity named in mojibake", "Skriv et-teikn som \xC3\x82\xC2\xAB&amp;\xC3\x82\xC2\xBB.",
         "Skriv et-teikn som «&amp;».", "utf8-as-cp1252"},
        {"entity glued in mojibake", "\xC3\x90\xC5\xB8\xC3\x91\xE2\x82\xAC\xC3\x90\xC2\xB8 caf&eacute;",
         "При café", NULL},
    };
    RUN(e, MF_RULES_DEFAULT);
}
END_TEST

START_TEST(test_entity_scan)
{
    static const struct {
        const char *s;
        int want;
    } t[] = {
        {"&eacute;", 8}, {"&eac", -1}, {"&", -1}, {"&#", -1}, {"&#x", -1}, {"&#x20", -1},
        {"&#x20;", 6}, {"&#;", 0}, {"& ", 0}, {"&1a;", 0}, {"&amp; ", 5}, {"&amp;e", -1},
        {"&amp;", -1}, /* it may go on: "&amp;eacute;" */
        {"&amp;e ", 5}, {"&amp;eacute;", 12}, {"&amp;#233;", 10}, {"&eacute", -1},
        {"&eacute ", 0},
        /* Longer than any entity read: not a prefix of one. */
        {"&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        ck_assert_msg(mf_entity_scan((const uint8_t *)t[i].s, strlen(t[i].s)) == t[i].want,
                      "mf_entity_scan(\"%s\") = %d, expected %d", t[i].s,
                      mf_entity_scan((const uint8_t *)t[i].s, strlen(t[i].s)), t[i].want);
}
END_TEST

/* The generated table is sorted (the lookup is a binary search) and every
 * entry is found by it. */
START_TEST(test_entity_table)
{
    ck_assert_uint_gt(mf_entity_count, 2000);
    for (size_t i = 0; i < mf_entity_count; i++) {
        if (i)
            ck_assert_int_lt(strcmp(mf_entities[i - 1].name, mf_entities[i].name), 0);
        char s[64];
        int n = snprintf(s, sizeof s, "&%s;", mf_entities[i].name);
        uint32_t cp = 0;
        int got = mf_entity_decode((const uint8_t *)s, (size_t)n, &cp);
        ck_assert_msg(got == n || cp == '<' || cp == '>' || cp < 0x20,
                      "%s: read %d of %d bytes", s, got, n);
        if (got)
            ck_assert_uint_eq(cp, mf_entities[i].cp);
    }
}
END_TEST

/* ---- ANSI escape sequences ---- */

START_TEST(test_ansi)
{
    static const example e[] = {
        {"colours", "\x1B[1;31mred\x1B[0m text", "red text", "ansi-escape"},
        {"256 colours", "\x1B[38;5;208morange\x1B[m", "orange", "ansi-escape"},
        {"window title", "\x1B]0;my title\x07prompt$ ls", "prompt$ ls", "ansi-escape"},
        {"hyperlink", "see \x1B]8;;http://example.com/a?b=1\x1B\\the page\x1B]8;;\x1B\\ here",
         "see the page here", "ansi-escape"},
        {"charset", "\x1B(Bplain", "plain", "ansi-escape"},
        {"save and reset", "\x1B" "7a\x1B" "8b\x1B" "c", "ab", "ansi-escape"},
        {"cursor", "50%\x1B[K\r", "50%\r", "ansi-escape"},
        {"in mojibake", "caf\x1B[1m\xC3\x83\xC2\xA9\x1B[0m", "café", NULL},
    };
    RUN(e, MF_RULES_DEFAULT);
}
END_TEST

START_TEST(test_ansi_kept)
{
    static const char *const kept[] = {
        "a lone \x1B", "a lone \x1B stays", "\x1B[", "\x1B[12", "\x1B]0;title without an end", "\x1B\x01x",
        "\x1B]0;a\nb", "ESC written out: \\x1b[0m",
    };
    KEEP(kept, MF_RULES_DEFAULT);
    static const char *const off[] = {"\x1B[1;31mred\x1B[0m"};
    KEEP(off, MF_RULES_DEFAULT & ~(unsigned)MF_RULE_ANSI);
}
END_TEST

START_TEST(test_ansi_scan)
{
    static const struct {
        const char *s;
        int want;
    } t[] = {
        {"\x1B", -1}, {"\x1B[", -1}, {"\x1B[1;3", -1}, {"\x1B[1;31m", 7}, {"\x1B[1;31\x01", 0},
        {"\x1B]0;ti", -1}, {"\x1B]0;ti\x07", 7}, {"\x1B]0;ti\x1B", -1}, {"\x1B]0;ti\x1B\\", 8},
        {"\x1B]0;ti\x1Bx", 0}, {"\x1B(", -1}, {"\x1B(B", 3}, {"\x1B" "7", 2}, {"\x1B\x7F", 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        ck_assert_msg(mf_ansi_scan((const uint8_t *)t[i].s, strlen(t[i].s)) == t[i].want,
                      "mf_ansi_scan case %zu = %d, expected %d", i,
                      mf_ansi_scan((const uint8_t *)t[i].s, strlen(t[i].s)), t[i].want);
    /* An OSC longer than MF_ANSI_MAX is none, ended or not. */
    char big[MF_ANSI_MAX + 8];
    memset(big, 'a', sizeof big);
    memcpy(big, "\x1B]0;", 4);
    ck_assert_int_eq(mf_ansi_scan((const uint8_t *)big, sizeof big), 0);
    big[sizeof big - 1] = 0x07;
    ck_assert_int_eq(mf_ansi_scan((const uint8_t *)big, sizeof big), 0);
}
END_TEST

/* ---- window cuts ---- */

/* A line longer than a window, of `piece` repeated after `pad` spaces,
 * must come out as `want` repeated: a cut inside a sequence would leave it
 * unread. Every padding moves the cuts through every byte of the piece. */
static void check_long_line(const char *piece, const char *want, size_t size)
{
    size_t lp = strlen(piece), lw = strlen(want);
    for (size_t pad = 0; pad < lp; pad++) {
        size_t reps = size / lp + 1, n = pad + reps * lp + 1, m = pad + reps * lw + 1;
        char *in = malloc(n), *out = malloc(m), *got;
        ck_assert_ptr_nonnull(in);
        ck_assert_ptr_nonnull(out);
        memset(in, ' ', pad);
        memset(out, ' ', pad);
        for (size_t r = 0; r < reps; r++) {
            memcpy(in + pad + r * lp, piece, lp);
            memcpy(out + pad + r * lw, want, lw);
        }
        in[n - 1] = out[m - 1] = '\n';
        size_t got_n;
        ck_assert_int_eq(mf_fix_buffer(NULL, in, n, &got, &got_n), MF_OK);
        size_t at = 0;
        while (at < got_n && at < m && got[at] == out[at])
            at++;
        ck_assert_msg(got_n == m && at == m, "padding %zu: first difference at byte %zu", pad,
                      at);
        free(in);
        free(out);
        free(got);
    }
}

START_TEST(test_soft_cuts)
{
    /* In a line longer than 64 KiB, cuts fall before an ASCII word after a
     * space, once the window holds 4 KiB of ASCII: here also inside a
     * title's words, which an escape sequence holds. */
    check_long_line("caf&eacute; &amp;amp;eacute;x \x1B[1;31mred\x1B[0m \x1B]8;;http://a.b/c\x07link "
                    "\x1B]0;a title of words\x07",
                    "café éx red link ", 70 * 1024);
}
END_TEST

START_TEST(test_hard_cuts)
{
    /* No ASCII word after a space: the cut falls near 64 KiB,
     * after an ASCII byte. */
    check_long_line("x\x1B]0;-.-.-.-.-.-.-.-\x07.&#9;", "x.\t", 70 * 1024);
    /* No ASCII at all: on a character boundary, not inside a CESU-8 pair. */
    check_long_line("\xED\xA0\xBD\xED\xB8\x80", "😀", 70 * 1024);
}
END_TEST

static Suite *broken_suite(void)
{
    Suite *s = suite_create("broken");
    TCase *c1 = tcase_create("c1");
    tcase_add_test(c1, test_c1);
    tcase_add_test(c1, test_c1_kept);
    suite_add_tcase(s, c1);
    TCase *cesu = tcase_create("cesu");
    tcase_add_test(cesu, test_cesu);
    tcase_add_test(cesu, test_cesu_off);
    tcase_add_test(cesu, test_cesu_decode);
    tcase_add_test(cesu, test_cesu_mojibake);
    suite_add_tcase(s, cesu);
    TCase *ent = tcase_create("entities");
    tcase_add_test(ent, test_entities);
    tcase_add_test(ent, test_entities_kept);
    tcase_add_test(ent, test_entities_then_mojibake);
    tcase_add_test(ent, test_entity_scan);
    tcase_add_test(ent, test_entity_table);
    suite_add_tcase(s, ent);
    TCase *ansi = tcase_create("ansi");
    tcase_add_test(ansi, test_ansi);
    tcase_add_test(ansi, test_ansi_kept);
    tcase_add_test(ansi, test_ansi_scan);
    suite_add_tcase(s, ansi);
    TCase *cuts = tcase_create("cuts");
    tcase_set_timeout(cuts, 120);
    tcase_add_test(cuts, test_soft_cuts);
    tcase_add_test(cuts, test_hard_cuts);
    suite_add_tcase(s, cuts);
    return s;
}

int main(void)
{
    return mf_run_suite(broken_suite());
}
