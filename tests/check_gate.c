/* check_gate: the looks that keep clean text away from the search change
 * nothing. mf_repair_suspect's gate (a lead and the continuations it needs,
 * under one codec) and mf_search_may_decode's bound (no unit can pay for
 * the claim that the window is broken) are proved on generated windows
 * against what the repair and the search do without them. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "check_run.h"
#include "codec.h"
#include "decode.h"
#include "edits.h"
#include "mojifix.h"
#include "plausibility.h"
#include "repair.h"
#include "repair_internal.h"
#include "test_rng.h"

#define WINDOWS 40000

/* Appends cp as UTF-8 to buf at *at (room is the caller's). */
static void put(char *buf, size_t *at, uint32_t cp)
{
    *at += (size_t)mf_utf8_encode(cp, buf + *at);
}

/* A character of codec k's upper half: a lead or continuation byte there,
 * and often in others. */
static uint32_t legacy_char(void)
{
    for (;;) {
        uint32_t cp = mf_codecs[rng_below((uint32_t)mf_codecs_count)].to_ucs[0x80 + rng_below(0x80)];
        if (cp != MF_CODEC_UNDEFINED)
            return cp;
    }
}

/* A character of text that gets broken: Latin, Greek, Cyrillic, punctuation,
 * Indic, CJK, emoji. */
static uint32_t text_char(void)
{
    static const uint32_t from[] = {0xC0, 0x100, 0x391, 0x410, 0x2013, 0x905, 0x4E00, 0x1F600};
    static const uint32_t span[] = {0x40, 0x80, 0x30, 0x50, 0x10, 0x30, 0x200, 0x40};
    size_t i = rng_below(sizeof from / sizeof *from);
    return from[i] + rng_below(span[i]);
}

/* Mojibake of one character through 1 to 3 codecs, with now and then a
 * U+00A0 lost to a space. */
static void put_broken(char *buf, size_t *at)
{
    char bytes[64];
    size_t n = (size_t)mf_utf8_encode(text_char(), bytes);
    for (uint32_t level = 1 + rng_below(3) / 2 + rng_below(4) / 3; level > 0; level--) {
        size_t k = rng_below((uint32_t)mf_codecs_count);
        char next[64];
        size_t m = 0;
        for (size_t i = 0; i < n && m + 4 < sizeof next; i++) {
            uint32_t cp = mf_codecs[k].to_ucs[(uint8_t)bytes[i]];
            if (cp == MF_CODEC_UNDEFINED)
                cp = (uint8_t)bytes[i];
            if (cp == 0xA0 && rng_below(3) == 0)
                cp = ' ';
            m += (size_t)mf_utf8_encode(cp, next + m);
        }
        memcpy(bytes, next, m);
        n = m;
    }
    memcpy(buf + *at, bytes, n);
    *at += n;
}

/* A window of random pieces: ASCII, spaces, characters of the codecs' upper
 * halves, clean letters, and, in half the windows, mojibake; no "&" (a
 * window whose entities are read keeps the looser look). */
static size_t make_window(char *buf)
{
    size_t at = 0;
    uint32_t kinds = rng_below(2) ? 4 : 6; /* half the windows hold no mojibake made here */
    for (uint32_t n = 1 + rng_below(24); n > 0; n--) {
        switch (rng_below(kinds)) {
        case 0: put(buf, &at, 'a' + rng_below(26)); break;
        case 1: put(buf, &at, ' '); break;
        case 2: put(buf, &at, legacy_char()); break;
        case 3: put(buf, &at, text_char()); break;
        default: put_broken(buf, &at); break;
        }
    }
    return at;
}

static int same_edits(const mf_edits *a, const mf_edits *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++) {
        const mf_edit_rec *x = &a->v[i], *y = &b->v[i];
        if (x->start != y->start || x->end != y->end || x->repl_len != y->repl_len ||
            x->chain != y->chain || x->levels != y->levels || x->kind != y->kind ||
            x->signal != y->signal ||
            memcmp(a->bytes + x->repl_at, b->bytes + y->repl_at, x->repl_len) != 0)
            return 0;
    }
    return 1;
}

/* The gate is exact: a window it keeps away from the mojibake rule comes
 * out of the repair as it does when every window is taken to be suspect
 * (what the rules did before the gate), edits and all; and the units of
 * such a window are none. The windows where it matters are many. */
START_TEST(test_gate_changes_nothing)
{
    const unsigned bytes = MF_RULE_MOJIBAKE | MF_RULE_INVALID_UTF8 | MF_RULE_CESU;
    mf_repair *r = mf_repair_new();
    mf_edits gated = {0}, all = {0};
    int kept_away = 0, pairs_only = 0, changed = 0;
    rng_seed(20261123);
    for (int w = 0; w < WINDOWS; w++) {
        char buf[1024];
        size_t len = make_window(buf);
        const uint8_t *b = (const uint8_t *)buf;
        unsigned first = mf_repair_rules(b, len, MF_RULES_DEFAULT);
        mf_edits_clear(&gated);
        mf_edits_clear(&all);
        ck_assert_int_eq(mf_repair_window(r, b, len, first, MF_RULES_DEFAULT, -1, &gated), MF_OK);
        ck_assert_int_eq(mf_repair_window(r, b, len, first | bytes, MF_RULES_DEFAULT, -1, &all),
                         MF_OK);
        ck_assert_msg(same_edits(&gated, &all), "window %d: \"%.*s\"", w, (int)len, buf);
        changed += all.n > 0;
        if (first & MF_RULE_MOJIBAKE)
            continue;
        kept_away++;
        pairs_only += mf_repair_suspect(b, len, 1);
        ck_assert_int_eq(mf_decode_window(b, len, MF_RULES_DEFAULT & ~MF_RULE_ENTITIES, &r->chars),
                         MF_OK);
        ck_assert_int_eq(mf_find_units(r, 1), MF_OK);
        ck_assert_msg(r->nunits == 0, "window %d: \"%.*s\"", w, (int)len, buf);
    }
    /* Not vacuous: windows of each kind. */
    ck_assert_int_gt(kept_away, WINDOWS / 20);
    ck_assert_int_gt(pairs_only, WINDOWS / 40);
    ck_assert_int_gt(changed, WINDOWS / 4);
    mf_edits_free(&gated);
    mf_edits_free(&all);
    mf_repair_free(r);
}
END_TEST

/* The bound is exact: when it says that no unit can be decoded, the search
 * decodes none. It says so of many windows that hold units. */
START_TEST(test_bound_keeps_what_search_keeps)
{
    mf_repair *r = mf_repair_new();
    int bounded = 0, decoded = 0;
    rng_seed(7);
    for (int w = 0; w < WINDOWS; w++) {
        char buf[1024];
        size_t len = make_window(buf);
        const uint8_t *b = (const uint8_t *)buf;
        ck_assert_int_eq(mf_decode_window(b, len, MF_RULES_DEFAULT & ~MF_RULE_ENTITIES, &r->chars),
                         MF_OK);
        ck_assert_int_eq(mf_find_units(r, 1), MF_OK);
        if (r->nunits == 0)
            continue;
        int may = mf_search_may_decode(r);
        r->nconfirmed = 0;
        r->ban = (mf_ban){0, 0};
        int32_t saved;
        ck_assert_int_eq(mf_search_window(r, &saved), MF_OK);
        int any = 0;
        for (size_t i = 0; i < r->nunits; i++)
            any |= r->units[i].chosen;
        ck_assert_msg(may || !any, "window %d: \"%.*s\"", w, (int)len, buf);
        bounded += !may;
        decoded += any;
    }
    ck_assert_int_gt(bounded, WINDOWS / 20);
    ck_assert_int_gt(decoded, WINDOWS / 4);
    mf_repair_free(r);
}
END_TEST

/* What the bound rests on: the costs it leaves out only add. */
START_TEST(test_bound_premises)
{
    ck_assert_int_ge(mf_repair_cost.orphan, 0);
    ck_assert_int_ge(mf_repair_cost.codec_mix, 0);
    ck_assert_int_ge(mf_repair_cost.decode_confirmed, 0);
    ck_assert_int_gt(mf_repair_cost.broken_window, 0);
}
END_TEST

static int suspect(const char *s, int pairs)
{
    return mf_repair_suspect((const uint8_t *)s, strlen(s), pairs);
}

/* The gate's cases by hand: a unit needs its lead's continuations, and a
 * space may stand for a lost U+00A0 among them. */
START_TEST(test_gate_cases)
{
    ck_assert(suspect("cafÃ©", 0));             /* C3 A9 in cp1252 */
    ck_assert(suspect("voilÃ  tout", 0));       /* C3 and a lost A0 */
    ck_assert(suspect("â€™", 0));               /* E2 80 99 */
    ck_assert(suspect("caf\xE9", 0));           /* invalid */
    ck_assert(!suspect("plain ASCII text", 0));
    ck_assert(!suspect("Zoë, ü", 0));
    /* A lead and one continuation, cut by ASCII: the pair look takes it,
     * the gate does not. */
    ck_assert(suspect("â€x", 1));
    ck_assert(!suspect("â€x", 0));
}
END_TEST

static Suite *gate_suite(void)
{
    Suite *s = suite_create("gate");
    TCase *tc = tcase_create("gate");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_gate_cases);
    tcase_add_test(tc, test_bound_premises);
    tcase_add_test(tc, test_gate_changes_nothing);
    tcase_add_test(tc, test_bound_keeps_what_search_keeps);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return mf_run_suite(gate_suite());
}
