/* check_plausibility: the character classes, the model's costs and the
 * language costs behave as the repair relies on. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "charclass.h"
#include "edits.h"
#include "plausibility.h"

START_TEST(classes_of_known_characters)
{
    ck_assert_int_eq(mf_char_class('\n'), MF_CL_BOUNDARY);
    ck_assert_int_eq(mf_char_class(' '), MF_CL_SPACE);
    ck_assert_int_eq(mf_char_class('a'), MF_CL_LOWER);
    ck_assert_int_eq(mf_char_class(0x00A0), MF_CL_NBSP);
    ck_assert_int_eq(mf_char_class(0x00C3), MF_CL_L1_UPPER); /* Ã */
    ck_assert_int_eq(mf_char_class(0x00E9), MF_CL_L1_LOWER); /* é */
    ck_assert_int_eq(mf_char_class(0x00A9), MF_CL_L1_SYMBOL); /* © */
    ck_assert_int_eq(mf_char_class(0x00AB), MF_CL_L1_PUNCT); /* « */
    ck_assert_int_eq(mf_char_class(0x0081), MF_CL_CONTROL);
    ck_assert_int_eq(mf_char_class(0x0142), MF_CL_LX_LOWER); /* ł */
    ck_assert_int_eq(mf_char_class(0x0141), MF_CL_LX_UPPER); /* Ł */
    ck_assert_int_eq(mf_char_class(0x03B1), MF_CL_GREEK_LOWER);
    ck_assert_int_eq(mf_char_class(0x0416), MF_CL_CYR_UPPER); /* Ж */
    ck_assert_int_eq(mf_char_class(0x0436), MF_CL_CYR_LOWER); /* ж */
    ck_assert_int_eq(mf_char_class(0x05D0), MF_CL_HEBREW);
    ck_assert_int_eq(mf_char_class(0x0627), MF_CL_ARABIC);
    ck_assert_int_eq(mf_char_class(0x0915), MF_CL_INDIC);
    ck_assert_int_eq(mf_char_class(0x0E01), MF_CL_SEA);
    ck_assert_int_eq(mf_char_class(0xAC00), MF_CL_HANGUL);
    ck_assert_int_eq(mf_char_class(0x3042), MF_CL_KANA);
    ck_assert_int_eq(mf_char_class(0x4E2D), MF_CL_HAN);
    ck_assert_int_eq(mf_char_class(0x20000), MF_CL_HAN);
    ck_assert_int_eq(mf_char_class(0x201C), MF_CL_GEN_PUNCT); /* “ */
    ck_assert_int_eq(mf_char_class(0x20AC), MF_CL_CURRENCY); /* € */
    ck_assert_int_eq(mf_char_class(0x2122), MF_CL_LETTERLIKE); /* ™ */
    ck_assert_int_eq(mf_char_class(0x221A), MF_CL_MATH); /* √ */
    ck_assert_int_eq(mf_char_class(0x2500), MF_CL_BOX);
    ck_assert_int_eq(mf_char_class(0x1F600), MF_CL_EMOJI);
    ck_assert_int_eq(mf_char_class(0xF8FF), MF_CL_PRIVATE);
    ck_assert_int_eq(mf_char_class(0x200B), MF_CL_FORMAT);
    ck_assert_int_eq(mf_char_class(0x0378), MF_CL_RARE); /* unassigned */
}
END_TEST

START_TEST(every_class_has_a_name)
{
    for (int c = 0; c < MF_CL_COUNT; c++)
        ck_assert_str_ne(mf_class_name((mf_class)c), "?");
    ck_assert_str_eq(mf_class_name(MF_CL_COUNT), "?");
}
END_TEST

static int32_t text_cost(const uint32_t *cps, size_t n)
{
    uint32_t prev = MF_CP_BOUNDARY;
    int32_t cost = 0;
    for (size_t i = 0; i < n; i++) {
        cost += mf_cost_after(prev, cps[i]);
        prev = cps[i];
    }
    return cost + mf_cost_after(prev, MF_CP_BOUNDARY);
}

/* The model must find real text cheaper than its mojibake, by far. */
START_TEST(text_is_cheaper_than_its_mojibake)
{
    const uint32_t cafe[] = {'c', 'a', 'f', 0xE9, ' '};
    const uint32_t broken[] = {'c', 'a', 'f', 0xC3, 0xA9, ' '};
    ck_assert_int_lt(text_cost(cafe, 5) + 10 * MF_COST_SCALE, text_cost(broken, 6));
    const uint32_t pri[] = {0x043F, 0x0440, 0x0438};
    const uint32_t pri_broken[] = {0xD0, 0xBF, 0xD1, 0x20AC, 0xD0, 0xB8};
    ck_assert_int_lt(text_cost(pri, 3) + 20 * MF_COST_SCALE, text_cost(pri_broken, 6));
}
END_TEST

/* Impossible characters cost the most: C1 controls in text, unassigned
 * code points above the BMP. */
START_TEST(impossible_characters_are_expensive)
{
    ck_assert_int_ge(mf_cost_after('a', 0x0081), 12 * MF_COST_SCALE);
    ck_assert_int_ge(mf_cost_after('a', 0x67A21), 30 * MF_COST_SCALE);
    ck_assert_int_lt(mf_cost_after('a', 'b'), 6 * MF_COST_SCALE);
}
END_TEST

static int32_t best_language_cost(const uint32_t *text, size_t n)
{
    int32_t *costs = calloc(mf_lang_count, sizeof *costs);
    ck_assert_ptr_nonnull(costs);
    mf_language_costs(text, n, NULL, mf_lang_count, costs);
    int32_t best = costs[0];
    for (size_t l = 1; l < mf_lang_count; l++)
        if (costs[l] < best)
            best = costs[l];
    free(costs);
    return best;
}

static size_t utf8_to_cps(const char *s, uint32_t *out)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        uint32_t cp = *p++;
        int extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
        cp &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
        while (extra--)
            cp = cp << 6 | (*p++ & 0x3F);
        out[n++] = cp;
    }
    return n;
}

static size_t lang_index(const char *name)
{
    for (size_t l = 0; l < mf_lang_count; l++)
        if (!strcmp(mf_lang_names[l], name))
            return l;
    ck_abort_msg("no language %s in the model", name);
    return 0;
}

/* The language model tells a German ü from a Swedish å in German text, and
 * in Ukrainian a Han character costs more than its rarest letter. */
START_TEST(language_costs_know_their_languages)
{
    uint32_t a[64], b[64];
    size_t na = utf8_to_cps("Schlüssel vollständig entfernt", a);
    size_t nb = utf8_to_cps("Schlåssel vollständig entfernt", b);
    ck_assert_int_lt(best_language_cost(a, na), best_language_cost(b, nb));
    size_t uk = lang_index("uk");
    ck_assert_int_gt(mf_language_row(0x4CFF)[uk], mf_language_row(0x0457)[uk] + 4 * MF_COST_SCALE);
}
END_TEST

/* Unseen letter pairs of text in one language, with no cap. */
static int32_t unseen_pairs(const char *text, const char *lang)
{
    uint32_t cps[128];
    size_t n = utf8_to_cps(text, cps);
    uint16_t l = (uint16_t)lang_index(lang);
    int32_t count = 0;
    mf_letter_pair_costs(cps, n, &l, 1, 1, 1000, &count);
    return count;
}

/* Letter pairs tell a Bulgarian word from KOI8-R read as cp1251 (the same
 * letters, permuted), and Czech "přímo" from "pøímo", whose letters Danish
 * writes one by one; case does not matter, ASCII pairs are left to the
 * ASCII bigrams, and a word counts cap pairs at most. */
START_TEST(letter_pairs_know_their_languages)
{
    ck_assert_int_eq(unseen_pairs("изпълним файл", "bg"), 0);
    ck_assert_int_eq(unseen_pairs("ИЗПЪЛНИМ ФАЙЛ", "bg"), 0);
    ck_assert_int_ge(unseen_pairs("ЙЪРЯМОЙН ЖБКМ", "bg"), 3);
    ck_assert_int_eq(unseen_pairs("přímo", "cs"), 0);
    ck_assert_int_ge(unseen_pairs("pøímo", "cs"), 2);
    ck_assert_int_ge(unseen_pairs("pøímo", "da"), 1);
    ck_assert_int_ge(unseen_pairs("przenoœnych", "pl"), 2); /* œ: no language's letter */
    ck_assert_int_eq(unseen_pairs("plain ASCII words", "cs"), 0);
    uint32_t cps[32];
    size_t n = utf8_to_cps("ЙЪРЯМОЙН", cps);
    uint16_t bg = (uint16_t)lang_index("bg");
    int32_t capped = 0;
    mf_letter_pair_costs(cps, n, &bg, 1, 5, 2, &capped);
    ck_assert_int_eq(capped, 2 * 5);
}
END_TEST

START_TEST(language_rows_cover_their_columns)
{
    ck_assert_ptr_nonnull(mf_language_row(0x00E9));   /* é, a letter */
    ck_assert_ptr_nonnull(mf_language_row(0x4E2D));   /* Han, by class */
    ck_assert_ptr_null(mf_language_row(0x0378));      /* unassigned: no language */
    ck_assert_int_gt((int)mf_lang_count, 100);
    for (size_t l = 0; l < mf_lang_count; l++)
        ck_assert_ptr_nonnull(mf_lang_names[l]);
}
END_TEST

/* Rule names follow the order of the breaks: innermost first. */
START_TEST(rule_names)
{
    char buf[128];
    mf_edit_rec rec = {0};
    rec.levels = 1;
    rec.chain = 1; /* codec 0: cp1252 */
    mf_edit_rule_name(&rec, buf, sizeof buf);
    ck_assert_str_eq(buf, "utf8-as-cp1252");
    rec.levels = 2;
    rec.chain = 1 | 1 << 8;
    mf_edit_rule_name(&rec, buf, sizeof buf);
    ck_assert_str_eq(buf, "utf8-as-cp1252 x2");
    rec.chain = 4 | 1 << 8; /* decoded macroman (index 3) first, then cp1252 */
    mf_edit_rule_name(&rec, buf, sizeof buf);
    ck_assert_str_eq(buf, "utf8-as-cp1252+macroman");
    rec.kind = MF_EDIT_INVALID;
    mf_edit_rule_name(&rec, buf, sizeof buf);
    ck_assert_str_eq(buf, "invalid-utf8-as-cp1252");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("plausibility");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, classes_of_known_characters);
    tcase_add_test(tc, every_class_has_a_name);
    tcase_add_test(tc, text_is_cheaper_than_its_mojibake);
    tcase_add_test(tc, impossible_characters_are_expensive);
    tcase_add_test(tc, language_costs_know_their_languages);
    tcase_add_test(tc, letter_pairs_know_their_languages);
    tcase_add_test(tc, language_rows_cover_their_columns);
    tcase_add_test(tc, rule_names);
    suite_add_tcase(s, tc);
    return mf_run_suite(s);
}
