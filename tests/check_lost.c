/* check_lost: mojibake whose broken sequences lost a byte the codec leaves
 * undefined, on a decoder that dropped it, put U+FFFD in its place, or a
 * '?'. Inside text that is otherwise mojibake along the codec, the damaged
 * character becomes U+FFFD (itself when it is the only one that fits) and
 * the rest is repaired; anywhere else, nothing changes.
 *
 * The inputs are what Python's decoders make of the UTF-8 of the clean
 * text (errors="ignore" or "replace", then U+FFFD written as '?'), as
 * tests/bench/breakers.py's break_losing does. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "mojifix.h"

#define MAX_EDITS 32

typedef struct seen {
    size_t n;
    char rule[MAX_EDITS][48];
    char detail[MAX_EDITS][64];
    char after[MAX_EDITS][64];
} seen;

static void on_edit(void *ctx, const mf_edit *e)
{
    seen *s = ctx;
    if (s->n == MAX_EDITS)
        return;
    snprintf(s->rule[s->n], sizeof s->rule[0], "%s", e->rule);
    snprintf(s->detail[s->n], sizeof s->detail[0], "%s", e->detail ? e->detail : "");
    snprintf(s->after[s->n], sizeof s->after[0], "%.*s", (int)e->replacement_length,
             e->replacement);
    s->n++;
}

/* The text repaired with every default rule, its edits in *s. */
static char *fix(const char *in, seen *s)
{
    memset(s, 0, sizeof *s);
    mf_config cfg;
    mf_config_init(&cfg);
    cfg.on_edit = on_edit;
    cfg.edit_ctx = s;
    char *out;
    size_t n;
    ck_assert_int_eq(mf_fix_buffer(&cfg, in, strlen(in), &out, &n), MF_OK);
    char *z = malloc(n + 1);
    ck_assert_ptr_nonnull(z);
    memcpy(z, out, n);
    z[n] = '\0';
    free(out);
    return z;
}

typedef struct lost_case {
    const char *name, *in, *out;
    const char *rule, *detail, *after; /* of the edits that wrote what was lost */
    int lost;                          /* how many such edits */
} lost_case;

static const lost_case positives[] = {
    /* с is D1 81 and 0x81 is undefined in cp1252: "Ñ" with nothing after
     * it, once before a letter and once before a space (which here is no
     * lost no-break space: the line shows bytes dropped elsewhere). */
    {"Russian, bytes dropped", "Ð¡Ð¿Ð°ÑÐ¸Ð±Ð¾, Ñ‡Ñ‚Ð¾ Ð²Ñ‹ Ñ Ð½Ð°Ð¼Ð¸",
     "Спа\uFFFDибо, что вы \uFFFD нами", "utf8-as-cp1252", "lost byte, dropped", "\uFFFD", 2},
    /* ” is E2 80 9D: "â€" then U+FFFD. It could also have been U+2001,
     * U+200D, U+200F or U+2010, so the rule does not guess. */
    {"closing quote, U+FFFD", "â€œHelloâ€\uFFFD she said â€” itâ€™s",
     "“Hello\uFFFD she said — it’s", "utf8-as-cp1252", "lost byte, replaced by U+FFFD",
     "\uFFFD", 1},
    {"closing quote, '?'", "â€œHelloâ€? she said â€” itâ€™s", "“Hello\uFFFD she said — it’s",
     "utf8-as-cp1252", "lost byte, replaced by ?", "\uFFFD", 1},
    /* Ł is C5 81. */
    {"Polish through cp1252, U+FFFD", "ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ… jaÅºÅ„, Å\uFFFDÃ³dÅº",
     "Zażółć gęślą jaźń, \uFFFDódź", "utf8-as-cp1252", "lost byte, replaced by U+FFFD", "\uFFFD",
     1},
    /* ň is C5 88, undefined in cp1250. */
    {"Czech through cp1250, '?'", "PĹ™Ă\u00ADliĹˇ ĹľluĹĄouÄŤkĂ˝ kĹŻĹ? ĂşpÄ›l",
     "Příliš žluťoučký ků\uFFFD úpěl", "utf8-as-cp1250", "lost byte, replaced by ?", "\uFFFD", 1},
    /* Ø is C3 98, and 0x98 is the one byte cp1251 leaves undefined: "Г"
     * with nothing after it can only have been Ø. */
    {"Norwegian through cp1251, the one fit", "Гre og Гёkonomi pГҐ Гёya",
     "Øre og økonomi på øya", "utf8-as-cp1251", "lost byte, dropped; one character fits", "Ø",
     1},
    /* ρ is CF 81 and ύ CF 8D, both undefined in cp1253; ê is C3 AA, and
     * 0xAA is undefined there too (the README's limit before this rule). */
    {"Greek through cp1253, U+FFFD",
     "Ξ— Ξ³Ο\uFFFDΞ®Ξ³ΞΏΟ\uFFFDΞ· ΞΊΞ±Ο†Ξ\u00AD Ξ±Ξ»ΞµΟ€ΞΏΟ\uFFFD, Γ\uFFFD",
     "Η γ\uFFFDήγο\uFFFDη καφέ αλεπο\uFFFD, \uFFFD", "utf8-as-cp1253",
     "lost byte, replaced by U+FFFD", "\uFFFD", 4},
    /* š is C5 A1: 0xA1 is undefined in cp1257. */
    {"Lithuanian through cp1257, U+FFFD", "Ä„Å¾uolas Ä—jo ÄÆ miÅ\uFFFDkÄ…",
     "Ąžuolas ėjo į mi\uFFFDką", "utf8-as-cp1257", "lost byte, replaced by U+FFFD", "\uFFFD", 1},
    /* U+FFFD put for a lost byte, and the whole broken again through
     * cp1252: U+FFFD is "ï¿½" there. */
    {"U+FFFD broken again",
     "Ã\xC2\x90Â¡Ã\xC2\x90Â¿Ã\xC2\x90Â°Ã‘ï¿½Ã\xC2\x90Â¸Ã\xC2\x90Â±Ã\xC2\x90Â¾, "
     "Ã‘â€¡Ã‘â€šÃ\xC2\x90Â¾ Ã‘ï¿½ Ã\xC2\x90Â½Ã\xC2\x90Â°Ã\xC2\x90Â¼Ã\xC2\x90Â¸",
     "Спа\uFFFDибо, что \uFFFD нами", "utf8-as-cp1252 x2", "lost byte, replaced by U+FFFD",
     "\uFFFD", 2},
};

START_TEST(test_positive)
{
    const lost_case *c = &positives[_i];
    seen s;
    char *out = fix(c->in, &s);
    ck_assert_msg(strcmp(out, c->out) == 0, "%s: got \"%s\", want \"%s\"", c->name, out, c->out);
    int lost = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (strncmp(s.detail[i], "lost byte", 9) != 0)
            continue;
        lost++;
        ck_assert_msg(strcmp(s.rule[i], c->rule) == 0 && strcmp(s.detail[i], c->detail) == 0,
                      "%s: edit %zu is %s (%s)", c->name, i, s.rule[i], s.detail[i]);
        ck_assert_msg(strstr(s.after[i], c->after) != NULL, "%s: edit %zu wrote \"%s\"",
                      c->name, i, s.after[i]);
    }
    ck_assert_msg(lost == c->lost, "%s: %d lost-byte edits, want %d", c->name, lost, c->lost);
    free(out);
}
END_TEST

/* Text where nothing else is broken along a codec: a lead byte and '?' or
 * U+FFFD is ordinary text or damage of another kind, and stays. */
static const char *const negatives[] = {
    "NÃO? SÃO PAULO?",
    "Ã?",
    "â€",
    "mogoÄ\uFFFDe najti",
    "Invalid \uFFFD character in input",
    "caf\uFFFD ? ok",
    "¿Qué? ÁRBOL? Ñandú? Ö?",
    /* Two damaged quotes and nothing whole: not evidence enough. */
    "ogiltigt program-ID: â€?%sâ€?",
    "Příliš žluťoučký kůň úpěl ďábelské ódy?",
    "Съешь же ещё этих мягких французских булок? Да.",
    /* U+FFFD stands for a letter lost from its word: the letters between
     * two of them are the word's, not cp866 mojibake of "।". */
    "\uFFFDред\uFFFDтавление",
    "Представление \uFFFDред\uFFFD значка",
};

START_TEST(test_negative)
{
    seen s;
    char *out = fix(negatives[_i], &s);
    ck_assert_str_eq(out, negatives[_i]);
    ck_assert_uint_eq(s.n, 0);
    free(out);
}
END_TEST

/* Mojibake beside a U+FFFD or '?' that follows no lead byte: the mojibake
 * is repaired, they stay. */
START_TEST(test_stray_marks_stay)
{
    seen s;
    char *out = fix("cafÃ© and crÃ¨me \uFFFD done ?", &s);
    ck_assert_str_eq(out, "café and crème \uFFFD done ?");
    for (size_t i = 0; i < s.n; i++)
        ck_assert_str_eq(s.detail[i], "");
    free(out);
}
END_TEST

/* "Ã " for à: a space after a lead byte is still read as a lost no-break
 * space where nothing shows bytes dropped. */
START_TEST(test_lost_nbsp_first)
{
    seen s;
    char *out = fix("voilÃ  tout, dÃ©jÃ  vu", &s);
    ck_assert_str_eq(out, "voilà tout, déjà vu");
    free(out);
}
END_TEST

static Suite *lost_suite(void)
{
    Suite *s = suite_create("lost");
    TCase *pos = tcase_create("positives");
    tcase_set_timeout(pos, 60);
    tcase_add_loop_test(pos, test_positive, 0, (int)(sizeof positives / sizeof positives[0]));
    tcase_add_test(pos, test_lost_nbsp_first);
    suite_add_tcase(s, pos);
    TCase *neg = tcase_create("negatives");
    tcase_set_timeout(neg, 60);
    tcase_add_loop_test(neg, test_negative, 0, (int)(sizeof negatives / sizeof negatives[0]));
    tcase_add_test(neg, test_stray_marks_stay);
    suite_add_tcase(s, neg);
    return s;
}

int main(void)
{
    return mf_run_suite(lost_suite());
}
