/* check_repair: what the repair does to real text, through mf_fix_buffer.
 *
 * Positives: mojibake as it is found in the wild, with the exact expected
 * repair (and, where there is only one sensible answer, the rule reported).
 * Negatives: correct text in many languages and scripts, and symbols, that
 * must come out byte for byte as it went in.
 *
 * Each example runs alone, as a line, as a CRLF line, and between two plain
 * lines. Some inputs are built here from the codec tables (codec.h), to get
 * the exact bytes a legacy decoder makes, C1 controls included. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "codec.h"
#include "decode.h"
#include "expect_fix.h"
#include "mojifix.h"

/* ---- mojibake, made from the codec tables ---- */

static size_t codec_index(const char *name)
{
    for (size_t k = 0; k < mf_codecs_count; k++)
        if (strcmp(mf_codecs[k].name, name) == 0)
            return k;
    ck_abort_msg("no codec named %s", name);
    return 0;
}

/* s's UTF-8 bytes decoded through the codec, each byte it leaves undefined
 * read as the C1 control of the same number, and encoded as UTF-8 again.
 * Returns a static buffer. */
static const char *broken(const char *s, const char *codec)
{
    static char out[1024];
    size_t k = codec_index(codec), at = 0;
    for (const uint8_t *p = (const uint8_t *)s; *p; p++) {
        uint32_t cp = mf_codecs[k].to_ucs[*p];
        ck_assert_uint_lt(at + 4, sizeof out);
        at += (size_t)mf_utf8_encode(cp == MF_CODEC_UNDEFINED ? *p : cp, out + at);
    }
    out[at] = '\0';
    return out;
}

/* ---- positives ---- */

static const example positives[] = {
    /* U+201C U+201D broken through cp1252: the closing quote's 0x9D is
     * undefined there and comes out as the C1 control U+009D. */
    {"cp1252 quotes with C1", "â€œquotedâ€\xC2\x9D", "“quoted”", "utf8-as-cp1252"},
    {"MacRoman quotes", "‚Äúquoted‚Äù", "“quoted”", "utf8-as-macroman"},
    {"cp1252 e-acute", "cafÃ©", "café", "utf8-as-cp1252"},
    {"Russian through cp1252", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет", "utf8-as-cp1252"},
    {"apostrophe broken twice", "Ã¢â‚¬â„¢", "’", "utf8-as-cp1252 x2"},
    /* The NBSP of "Ã\xA0" was lost to a plain space on the way. */
    {"lost NBSP", "voilÃ  tout", "voilà tout", NULL},
    {"invalid byte", "caf\xE9", "café", "invalid-utf8-as-cp1252"},
    {"mixed: correct, cp1252 and MacRoman", "Déjà vu, cafÃ© and Champs √âlys√©es",
     "Déjà vu, café and Champs Élysées", NULL},
    {"German through cp1252", "Ã¼ber naÃ¯ve GrÃ¶ÃŸe", "über naïve Größe", "utf8-as-cp1252"},
    {"euro and pound", "â‚¬100 and Â£5", "€100 and £5", "utf8-as-cp1252"},
    {"capital E-acute", "Ã‰cole", "École", "utf8-as-cp1252"},
    {"Spanish", "Ã¡rbol espaÃ±ol", "árbol español", "utf8-as-cp1252"},
    {"en dash", "â€“ dash", "– dash", "utf8-as-cp1252"},
};

START_TEST(test_positive)
{
    const example *e = &positives[_i];
    expect(e->name, e->in, strlen(e->in), e->out, strlen(e->out), e->rule);
}
END_TEST

typedef struct built {
    const char *name, *text, *codec, *rule;
} built;

/* Broken here through the codec tables, then repaired. */
static const built built_positives[] = {
    {"grinning face through cp1252", "😀", "cp1252", "utf8-as-cp1252"},
    /* F0 9F 98 81: 0x81 is undefined in cp1252 (a C1 control then). */
    {"emoji with a C1 byte through cp1252", "😁", "cp1252", "utf8-as-cp1252"},
    {"emoji with 0x8D through cp1252", "🔍", "cp1252", "utf8-as-cp1252"},
    /* F0 9F 94 B4: MacRoman reads F0 as the Apple logo U+F8FF. */
    {"red circle through MacRoman", "🔴", "macroman", "utf8-as-macroman"},
    {"quotes through cp1252", "“quoted”", "cp1252", "utf8-as-cp1252"},
    {"dialogue through MacRoman", "“Hello,” she said — ‘quietly’…", "macroman", "utf8-as-macroman"},
    {"Russian through MacRoman", "привет, мир", "macroman", "utf8-as-macroman"},
    {"French through MacRoman", "l’été à Paris", "macroman", "utf8-as-macroman"},
};

START_TEST(test_built_positive)
{
    const built *b = &built_positives[_i];
    char in[1024];
    snprintf(in, sizeof in, "%s", broken(b->text, b->codec));
    ck_assert_str_ne(in, b->text);
    expect(b->name, in, strlen(in), b->text, strlen(b->text), b->rule);
}
END_TEST

/* The C1 example, checked byte for byte against the table-built one: the
 * typed-in literal above is what a legacy decoder makes. */
START_TEST(test_literals_match_tables)
{
    ck_assert_str_eq(broken("“quoted”", "cp1252"), "â€œquotedâ€\xC2\x9D");
    ck_assert_str_eq(broken("“quoted”", "macroman"), "‚Äúquoted‚Äù");
    ck_assert_str_eq(broken("😀", "cp1252"), "ðŸ˜€");
    ck_assert_str_eq(broken("😁", "cp1252"), "ðŸ˜\xC2\x81");
    ck_assert_str_eq(broken("🔴", "macroman"), "\xEF\xA3\xBF" "üî¥");
    ck_assert_str_eq(broken("’", "cp1252"), "â€™");
    ck_assert_str_eq(broken("â€™", "cp1252"), "Ã¢â‚¬â„¢");
}
END_TEST

START_TEST(test_crlf_preserved)
{
    const char *in = "cafÃ©\r\nÐ¿Ñ€Ð¸Ð²ÐµÑ‚\r\n‚Äúquoted‚Äù\r\nplain\r\n\r\n";
    const char *want = "café\r\nпривет\r\n“quoted”\r\nplain\r\n\r\n";
    expect("CRLF lines", in, strlen(in), want, strlen(want), NULL);
    const char *in_cr = "cafÃ©\rÐ¿Ñ€Ð¸Ð²ÐµÑ‚\r";
    const char *want_cr = "café\rпривет\r";
    expect("CR lines", in_cr, strlen(in_cr), want_cr, strlen(want_cr), NULL);
}
END_TEST

/* ---- negatives ---- */

static const char *const negatives[] = {
    "NÃO",
    "SÃO PAULO",
    "Η γρήγορη καφέ αλεπού",
    "Съешь же ещё этих мягких французских булок, да выпей чаю",
    "Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів!",
    "Pijamalı hasta yağız şoföre çabucak güvendi",
    "Zażółć gęślą jaźń",
    "Příliš žluťoučký kůň úpěl ďábelské ódy",
    "Tiếng Việt có dấu",
    "صِف خَلقَ خَودِ كَمِثلِ الشَمسِ",
    "דג סקרן שט בים מאוכזב",
    "我能吞下玻璃而不伤身体",
    "いろはにほへと ちりぬるを",
    "다람쥐 헌 쳇바퀴에 타고파",
    "2×3 = 6, 20°C, ±5%, ¬p, ©2024, ½ cup, µs, §3",
    "“Hello” — ‘world’…",
    "Prix\u00A0: 10\u00A0000\u00A0€, «\u00A0oui\u00A0», 5\u00A0km",
    "Größe",
    "l’élément",
    "Ftaïti",
};

START_TEST(test_negative)
{
    const char *s = negatives[_i];
    expect("correct text", s, strlen(s), s, strlen(s), NULL);
}
END_TEST

START_TEST(test_negatives_together)
{
    /* All of them as one text, one per line. */
    char text[8192];
    size_t at = 0;
    for (size_t i = 0; i < sizeof negatives / sizeof negatives[0]; i++)
        at += (size_t)snprintf(text + at, sizeof text - at, "%s\n", negatives[i]);
    expect("all the correct lines", text, at, text, at, NULL);
}
END_TEST

/* Regression: a unit never decodes to a code point of the planes 4 to
 * 13, which hold none; cp850 spelled U+DBDEB from CP949's "¾øÀ½". */
START_TEST(test_empty_planes)
{
    const char *in = "¾øÀ½\nx ¾øÀ½ y\n";
    expect_rules = MF_RULES_DEFAULT & ~MF_RULE_CJK;
    expect("nothing in the empty planes", in, strlen(in), in, strlen(in), NULL);
    expect_rules = MF_RULES_DEFAULT;
}
END_TEST

/* Rules switched off leave their kind of damage alone. */
START_TEST(test_rules_off)
{
    mf_config cfg;
    mf_config_init(&cfg);
    cfg.rules = MF_RULE_INVALID_UTF8;
    char *out;
    size_t n;
    ck_assert_int_eq(mf_fix_buffer(&cfg, "cafÃ© caf\xE9\n", 13, &out, &n), MF_OK);
    ck_assert_uint_eq(n, 14);
    ck_assert_mem_eq(out, "cafÃ© café\n", 14);
    free(out);
    cfg.rules = MF_RULE_MOJIBAKE;
    ck_assert_int_eq(mf_fix_buffer(&cfg, "cafÃ© caf\xE9\n", 13, &out, &n), MF_OK);
    ck_assert_uint_eq(n, 11);
    ck_assert_mem_eq(out, "café caf\xE9\n", 11);
    free(out);
}
END_TEST

static Suite *repair_suite(void)
{
    Suite *s = suite_create("repair");
    TCase *pos = tcase_create("positives");
    tcase_set_timeout(pos, 60);
    tcase_add_loop_test(pos, test_positive, 0, (int)(sizeof positives / sizeof positives[0]));
    tcase_add_loop_test(pos, test_built_positive, 0,
                        (int)(sizeof built_positives / sizeof built_positives[0]));
    tcase_add_test(pos, test_literals_match_tables);
    tcase_add_test(pos, test_crlf_preserved);
    tcase_add_test(pos, test_rules_off);
    suite_add_tcase(s, pos);

    TCase *neg = tcase_create("negatives");
    tcase_set_timeout(neg, 60);
    tcase_add_loop_test(neg, test_negative, 0, (int)(sizeof negatives / sizeof negatives[0]));
    tcase_add_test(neg, test_negatives_together);
    tcase_add_test(neg, test_empty_planes);
    suite_add_tcase(s, neg);
    return s;
}

int main(void)
{
    return mf_run_suite(repair_suite());
}
