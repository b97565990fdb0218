/* repair.c: a window's repair: decode, find units, choose, and emit the
 * edits that undo the mojibake. */
#include <stdlib.h>
#include <string.h>

#include "broken.h"
#include "cjk.h"
#include "codec.h"
#include "compose.h"
#include "mojifix.h"
#include "repair_internal.h"
#include "spam.h"

mf_repair *mf_repair_new(void)
{
    return calloc(1, sizeof(mf_repair));
}

void mf_repair_set_words(mf_repair *r, const struct mf_trie *user)
{
    r->spam.user = user;
}

void mf_repair_free(mf_repair *r)
{
    if (!r)
        return;
    mf_chars_free(&r->chars);
    mf_chars_free(&r->next);
    free(r->units);
    free(r->hyps);
    free(r->nhyps);
    free(r->text);
    free(r->all);
    free(r->unit_delta);
    mf_spam_scratch_free(&r->spam);
    mf_cosmetic_scratch_free(&r->cosmetic);
    mf_legacy_scratch_free(&r->legacy);
    mf_cjk_scratch_free(&r->cjk);
    free(r);
}

/* Replaces each chosen unit's characters by the one it decodes to (U+FFFD
 * for a sequence that lost a byte, unless only one character fits it). */
static int apply_units(mf_repair *r)
{
    if (mf_chars_reserve(&r->next, r->chars.n) != MF_OK)
        return MF_ERR_NOMEM;
    const mf_char *c = r->chars.v;
    mf_char *out = r->next.v;
    size_t n = 0, u = 0;
    for (size_t i = 0; i < r->chars.n;) {
        while (u < r->nunits && (r->units[u].start < i || !r->units[u].chosen))
            u++;
        if (u == r->nunits || r->units[u].start != i) {
            out[n++] = c[i++];
            continue;
        }
        const mf_unit *x = &r->units[u];
        int known = x->lost && x->choices == 1;
        out[n++] = (mf_char){x->lost && !known ? 0xFFFDu : x->cp, c[i].start,
                             c[i + x->len - 1].end, (uint32_t)(x->codec + 1) | x->inner << 8,
                             x->levels, 0, (uint8_t)(x->lost + (known ? MF_LOST_KNOWN : 0))};
        i += x->len;
    }
    r->next.n = n;
    mf_chars t = r->chars;
    r->chars = r->next;
    r->next = t;
    return MF_OK;
}

/* ---- edits ----------------------------------------------------------------- */

static int changed(const mf_char *c, unsigned rules)
{
    return c->levels || (c->flags & MF_CHAR_RULES & ~MF_CHAR_INVALID) ||
           ((c->flags & MF_CHAR_INVALID) && (rules & MF_RULE_INVALID_UTF8));
}

static int same_rule(const mf_char *a, const mf_char *b)
{
    return a->levels == b->levels && a->chain == b->chain &&
           (a->flags & MF_CHAR_RULES) == (b->flags & MF_CHAR_RULES) && a->signal == b->signal;
}

/* The edit kind of a changed character that no unit made. */
static uint8_t kind_of(const mf_char *c)
{
    static const struct {
        uint8_t flag, kind;
    } kinds[] = {{MF_CHAR_SPAM, MF_EDIT_SPAM},     {MF_CHAR_INVALID, MF_EDIT_INVALID},
                 {MF_CHAR_C1, MF_EDIT_C1},         {MF_CHAR_CESU, MF_EDIT_CESU},
                 {MF_CHAR_ENTITY, MF_EDIT_ENTITY}, {MF_CHAR_ANSI, MF_EDIT_ANSI},
                 {MF_CHAR_LEGACY, MF_EDIT_LEGACY},
                 {MF_CHAR_CJK, MF_EDIT_CJK}};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (c->flags & kinds[i].flag)
            return kinds[i].kind;
    return 0;
}

/* Each run of changed characters under one rule becomes one edit, of 256
 * bytes at most but for the empty characters that end a CJK piece (cjk.h),
 * which stay with it (a piece is a few characters). */
static int emit_edits(const mf_repair *r, unsigned rules, mf_edits *edits)
{
    const mf_char *c = r->chars.v;
    char buf[256 + 64];
    for (size_t i = 0; i < r->chars.n;) {
        if (!changed(&c[i], rules)) {
            i++;
            continue;
        }
        int removed = (c[i].flags & (MF_CHAR_SPAM | MF_CHAR_ANSI)) != 0;
        mf_edit_rec rec = {c[i].start, 0, 0, 0, c[i].chain, c[i].levels,
                           c[i].levels ? 0 : kind_of(&c[i]),
                           (c[i].flags & (MF_CHAR_SPAM | MF_CHAR_CJK)) || c[i].levels ? c[i].signal : 0};
        size_t len = 0;
        size_t j = i;
        for (; j < r->chars.n && changed(&c[j], rules) && same_rule(&c[i], &c[j]) &&
               (len + 4 <= 256 || (c[j].start == c[j].end && len + 4 <= sizeof buf));
             j++)
            len += removed ? 0 : (size_t)mf_utf8_encode(c[j].cp, buf + len);
        rec.end = c[j - 1].end;
        if (mf_edits_add(edits, &rec, buf, len) != MF_OK)
            return MF_ERR_NOMEM;
        i = j;
    }
    return MF_OK;
}

/* Whether a rule other than the mojibake one changed a character. */
static int any_rule_change(const mf_repair *r, unsigned rules)
{
    unsigned mask = MF_CHAR_RULES & ~(unsigned)MF_CHAR_SPAM;
    if (!(rules & MF_RULE_INVALID_UTF8))
        mask &= ~(unsigned)MF_CHAR_INVALID;
    for (size_t i = 0; i < r->chars.n; i++)
        if (r->chars.v[i].flags & mask)
            return 1;
    return 0;
}

unsigned mf_repair_rules(const uint8_t *buf, size_t len, unsigned rules)
{
    const unsigned bytes = MF_RULE_MOJIBAKE | MF_RULE_INVALID_UTF8 | MF_RULE_CESU;
    unsigned run = rules & MF_RULE_SPAM;
    if ((rules & MF_RULE_ENTITIES) && mf_entities_read(buf, len))
        run |= MF_RULE_ENTITIES;
    /* With its entities read, the window's first round decodes them only
     * if it finds no unit: it is looked at as it always was, a lead and a
     * continuation byte enough, so that its rounds stay what they were. */
    if ((rules & bytes) && mf_repair_suspect(buf, len, (run & MF_RULE_ENTITIES) != 0))
        run |= rules & bytes;
    if ((rules & MF_RULE_C1) && mf_c1_suspect(buf, len))
        run |= MF_RULE_C1;
    if ((rules & MF_RULE_ANSI) && memchr(buf, 0x1B, len))
        run |= MF_RULE_ANSI;
    if ((rules & MF_RULE_LEGACY) && mf_legacy_suspect(buf, len))
        run |= MF_RULE_LEGACY;
    if ((rules & MF_RULE_CJK) && mf_cjk_suspect(buf, len))
        run |= MF_RULE_CJK;
    return run | mf_cosmetic_rules(buf, len, rules);
}

/* Characters the legacy rule reads otherwise in r->chars. */
static size_t legacy_changed(const mf_repair *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->chars.n; i++)
        n += (r->chars.v[i].flags & MF_CHAR_LEGACY) != 0;
    return n;
}

/* Characters the units the search chose cover. */
static size_t units_cover(const mf_repair *r)
{
    size_t n = 0;
    for (size_t u = 0; u < r->nunits; u++)
        n += r->units[u].chosen ? r->units[u].len : 0;
    return n;
}

/* Characters of r->chars that are not ASCII. */
static size_t non_ascii(const mf_repair *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->chars.n; i++)
        n += r->chars.v[i].cp >= 0x80;
    return n;
}

/* Whether the units the search found, chosen or not, cover half the
 * window's characters that are not ASCII: then it is single-byte mojibake. */
static int mostly_units(const mf_repair *r)
{
    size_t covered = 0, end = 0;
    for (size_t u = 0; u < r->nunits; u++) { /* sorted by start */
        size_t a = r->units[u].start, b = a + r->units[u].len;
        covered += b > end ? b - (a > end ? a : end) : 0;
        end = b > end ? b : end;
    }
    return 2 * covered >= non_ascii(r);
}

/* Double-byte text read as cp1252 (the CJK rule), read before the unit
 * search, which would take a pair of its Latin-1 letters (`Ã£`) for a unit.
 * Cyrillic or Greek read as cp1252 reads as Han or Hanja too: where the
 * legacy rule reads the window, the CJK reading must beat that reading. */
static int read_cjk_legacy(mf_repair *r, const uint8_t *buf, size_t len, unsigned rules,
                           int legacy_too, int *cjk)
{
    int rc = mf_cjk_mark(&r->cjk, &r->chars, MF_CJK_READ_LEGACY, MF_CJK_NO_RIVAL, cjk);
    if (rc != MF_OK || !*cjk || !legacy_too)
        return rc;
    int marked = 0;
    int32_t rival = MF_CJK_NO_RIVAL;
    rc = mf_decode_window(buf, len, rules, &r->chars);
    if (rc == MF_OK)
        rc = mf_legacy_mark(&r->legacy, r->chars.v, r->chars.n, &marked);
    if (rc == MF_OK && marked)
        rc = mf_cjk_rival_cost(&r->cjk, &r->chars, legacy_changed(r), &rival);
    if (rc == MF_OK && marked)
        rc = mf_decode_window(buf, len, rules, &r->chars);
    return rc == MF_OK ? mf_cjk_mark(&r->cjk, &r->chars, MF_CJK_READ_LEGACY, rival, cjk) : rc;
}

/* The unit search, then the legacy rule where the search's units leave
 * characters that are not ASCII: text in one codec read as another holds
 * letter pairs the search may read as UTF-8 ("Ïà¢" as "숢"), so where the
 * legacy rule reads more characters than the search would, its reading
 * goes (the next round searches what it leaves); real mojibake is read
 * whole by the search and in part, if at all, by a legacy pair. */
static int read_units(mf_repair *r, const uint8_t *buf, size_t len, unsigned rules,
                      int legacy_too, int *any)
{
    int rc = mf_find_units(r, (rules & MF_RULE_CESU) != 0);
    if (rc == MF_OK && r->nunits)
        rc = mf_choose_units(r, any);
    size_t cover = rc == MF_OK && *any ? units_cover(r) : 0;
    if (rc == MF_OK && legacy_too && cover < non_ascii(r)) {
        int marked = 0;
        rc = mf_legacy_mark(&r->legacy, r->chars.v, r->chars.n, &marked);
        size_t legacy = rc == MF_OK && marked ? legacy_changed(r) : 0;
        if (rc == MF_OK && legacy > cover) {
            *any = 1; /* the legacy reading, with its marks */
            return MF_OK;
        }
        if (rc == MF_OK && marked) /* back to the window as it stands */
            rc = mf_decode_window(buf, len, rules, &r->chars);
    }
    if (rc == MF_OK && *any)
        rc = apply_units(r);
    return rc;
}

/* Decodes the window and undoes the mojibake it chooses to (*any): double-
 * byte text read as cp1252, the unit search and the legacy rule, then UTF-8
 * read through a double-byte codec where nothing else read the window. */
static int read_window(mf_repair *r, const uint8_t *buf, size_t len, unsigned rules, int *any)
{
    int cjk = 0;
    int rc = mf_decode_window(buf, len, rules, &r->chars);
    *any = 0;
    if (rc != MF_OK)
        return rc;
    int legacy_too = (rules & MF_RULE_LEGACY) && !any_rule_change(r, rules);
    if (rules & MF_RULE_CJK) {
        rc = read_cjk_legacy(r, buf, len, rules, legacy_too, &cjk);
        if (rc != MF_OK || cjk)
            return rc;
    }
    if (rules & MF_RULE_MOJIBAKE)
        rc = read_units(r, buf, len, rules, legacy_too, any);
    else if (legacy_too)
        rc = mf_legacy_mark(&r->legacy, r->chars.v, r->chars.n, any);
    /* Units the search weighed and left over half the window make it
     * single-byte mojibake, whose remnants (units that lost a byte) GBK or
     * CP932 also read; double-byte mojibake is Han and kana, with a Greek
     * or Cyrillic letter of their tables here and there. */
    int units = (rules & MF_RULE_MOJIBAKE) && mostly_units(r);
    if (rc == MF_OK && !*any && !units && (rules & MF_RULE_CJK))
        rc = mf_cjk_mark(&r->cjk, &r->chars, MF_CJK_READ_UTF8, MF_CJK_NO_RIVAL, &cjk);
    return rc;
}

/* Spam is judged on text the other rules leave alone, and the byte-level
 * look at it is of that same text: so fix(fix(x)) == fix(x). Entities are
 * judged on text without mojibake (in "Â«&amp;Â»" the entity looks glued
 * to a letter, which is half of a broken «): a window the mojibake rule
 * changes reads them in the next round. */
static int repair_once(mf_repair *r, const uint8_t *buf, size_t len, unsigned rules,
                       int spam_suspect, mf_edits *edits)
{
    unsigned later = rules & MF_RULE_MOJIBAKE ? MF_RULE_ENTITIES : 0;
    int any;
    int rc = read_window(r, buf, len, rules & ~later, &any);
    if (rc == MF_OK && !any && (rules & later)) /* "caf&Atilde;&copy;" still reads as one */
        rc = read_window(r, buf, len, rules, &any);
    if (rc == MF_OK && (rules & MF_RULE_C1))
        mf_c1_mark(r->chars.v, r->chars.n);
    if (rc == MF_OK && (rules & MF_RULE_SPAM) && !any && !any_rule_change(r, rules) &&
        (spam_suspect >= 0 ? spam_suspect : mf_spam_suspect(buf, len, r->spam.user)))
        rc = mf_spam_mark(&r->spam, r->chars.v, r->chars.n);
    if (rc == MF_OK)
        rc = emit_edits(r, rules, edits);
    /* The cosmetic rules change text that is not broken: only text the
     * others leave as it is (the settle loop repairs what they make). */
    if (rc == MF_OK && edits->n == 0 && (rules & MF_RULES_COSMETIC))
        rc = mf_cosmetic_window(&r->cosmetic, buf, len, rules, edits);
    return rc;
}

/* A repair can make text that a second repair would change (an invalid byte
 * read as cp1252 may complete a unit; spam is looked for once the rest is
 * settled, and its removal may join a broken sequence), so the window is
 * repaired again until nothing changes; each round's edits are composed with
 * the ones before, so that they stay edits of the input. Chains are short
 * (seven rounds for the worst generated line of every kind of damage, where
 * entities spell mojibake, "&Atilde;&copy;", and spam joins units); PASSES
 * only bounds the work an input built to chain repairs could ask for. */
#define PASSES 256

typedef struct settle {
    mf_edits second, composed;
    uint8_t *text;
    size_t cap, len;
} settle;

static void settle_free(settle *t)
{
    mf_edits_free(&t->second);
    mf_edits_free(&t->composed);
    free(t->text);
}

int mf_repair_window(mf_repair *r, const uint8_t *buf, size_t len, unsigned first,
                     unsigned rules, int spam_suspect, mf_edits *edits)
{
    if (edits->n) /* the composition wants the window's edits alone */
        return MF_ERR_ARG;
    int rc = repair_once(r, buf, len, first, spam_suspect, edits);
    settle t = {0};
    for (int pass = 1; pass < PASSES && rc == MF_OK && edits->n; pass++) {
        rc = mf_edits_apply(edits, buf, len, &t.text, &t.cap, &t.len);
        mf_edits_clear(&t.second);
        if (rc == MF_OK)
            rc = repair_once(r, t.text, t.len, mf_repair_rules(t.text, t.len, rules), -1,
                             &t.second);
        if (rc != MF_OK || t.second.n == 0)
            break;
        mf_edits_clear(&t.composed);
        rc = mf_edits_compose(edits, buf, t.text, &t.second, &t.composed);
        mf_edits swap = *edits;
        *edits = t.composed;
        t.composed = swap;
    }
    settle_free(&t);
    return rc;
}
