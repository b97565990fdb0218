/* cosmetic.c: the cosmetic rules (cosmetic.h). The rules of one character
 * are tables here; normalization and half-width forms are ICU's (unorm2),
 * which the build links. Every change is an edit of exact bytes, so that
 * --log and --revert stay byte for byte. */
#include "cosmetic.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "decode.h"
#include "grow.h"
#include "mojifix.h"

void mf_cosmetic_scratch_free(mf_cosmetic_scratch *s)
{
    free(s->u16);
    free(s->at);
    free(s->norm);
    free(s->utf8);
    free(s->run.p);
    memset(s, 0, sizeof *s);
}

unsigned mf_cosmetic_rules(const uint8_t *buf, size_t len, unsigned rules)
{
    unsigned on = rules & MF_RULES_COSMETIC;
    unsigned ascii = on & (MF_RULE_NEWLINES | MF_RULE_CONTROLS), found = 0;
    for (size_t i = 0; on && i < len; i++) {
        if (buf[i] >= 0x80)
            return on;
        if ((buf[i] < 0x20 && buf[i] != '\n' && buf[i] != '\t') || buf[i] == 0x7F)
            found = ascii;
    }
    return found;
}

/* ---- the rules of one character ---------------------------------------- */

/* Latin ligatures and digraphs that Unicode has only for compatibility
 * (ftfy's list), spelled out; others (æ, œ) are letters of their own. */
static const char *ligature(uint32_t cp)
{
    static const struct {
        uint32_t cp;
        const char *to;
    } table[] = {
        {0x0132, "IJ"},          {0x0133, "ij"},          {0x0149, "\xCA\xBCn"},
        {0x01C4, "D\xC5\xBD"},   {0x01C5, "D\xC5\xBE"},   {0x01C6, "d\xC5\xBE"},
        {0x01C7, "LJ"},          {0x01C8, "Lj"},          {0x01C9, "lj"},
        {0x01CA, "NJ"},          {0x01CB, "Nj"},          {0x01CC, "nj"},
        {0x01F1, "DZ"},          {0x01F2, "Dz"},          {0x01F3, "dz"},
        {0xFB00, "ff"},          {0xFB01, "fi"},          {0xFB02, "fl"},
        {0xFB03, "ffi"},         {0xFB04, "ffl"},         {0xFB05, "\xC5\xBFt"},
        {0xFB06, "st"},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (table[i].cp == cp)
            return table[i].to;
    return NULL;
}

/* Controls that text has no use for (ftfy's set, and the C1 controls the
 * c1 rule leaves): tab, line feed, form feed and the line breaks CR and
 * NEL stay (--newlines is theirs); the byte order mark (ZWNBSP) goes. */
static int is_control(uint32_t cp)
{
    if (cp < 0x20)
        return cp != '\t' && cp != '\n' && cp != '\f' && cp != '\r';
    return (cp >= 0x7F && cp <= 0x9F && cp != 0x85) || (cp >= 0x206A && cp <= 0x206F) ||
           cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFC) || (cp >= 0x1D173 && cp <= 0x1D17A);
}

static int is_line_break(uint32_t cp)
{
    return cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* Full-width and half-width forms, and the ideographic space. */
static int is_width_form(uint32_t cp)
{
    return (cp >= 0xFF01 && cp <= 0xFFEE) || cp == 0x3000;
}

/* ---- UTF-16 for ICU ---------------------------------------------------- */

/* Converts the valid UTF-8 at t[from..) into s->u16, as far as it is valid
 * and, with `width`, holds width forms; s->at gets the byte offset of each
 * unit and of the end. Returns the count of units, or -1 when out of memory. */
static int32_t to_u16(mf_cosmetic_scratch *s, const uint8_t *t, size_t from, size_t len,
                      int width)
{
    size_t need = len - from + 1; /* a unit per byte at most */
    if (need > s->cap) {
        size_t cap = s->cap, cap2 = s->cap;
        uint16_t *u = mf_grow(s->u16, &cap, need, sizeof *u);
        if (u)
            s->u16 = u;
        uint32_t *at = mf_grow(s->at, &cap2, need, sizeof *at);
        if (at)
            s->at = at;
        if (!u || !at)
            return -1;
        s->cap = cap < cap2 ? cap : cap2;
    }
    int32_t n = 0;
    size_t i = from;
    while (i < len) {
        uint32_t cp;
        int k = mf_utf8_decode(t + i, len - i, &cp);
        if (!k || (width && !is_width_form(cp)))
            break;
        s->at[n] = (uint32_t)i;
        if (cp > 0xFFFF) {
            s->u16[n++] = (uint16_t)U16_LEAD(cp);
            s->at[n] = (uint32_t)i;
            s->u16[n++] = (uint16_t)U16_TRAIL(cp);
        } else {
            s->u16[n++] = (uint16_t)cp;
        }
        i += (size_t)k;
    }
    s->at[n] = (uint32_t)i;
    return n;
}

/* Normalizes u[0..n) with nz into s->utf8 (*out bytes); *same tells
 * whether that changed nothing. */
static int normalize_to_utf8(mf_cosmetic_scratch *s, const UNormalizer2 *nz, const UChar *u,
                             int32_t n, size_t *out, int *same)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t cap = (int32_t)s->norm_cap;
    int32_t m = unorm2_normalize(nz, u, n, (UChar *)s->norm, cap, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        uint16_t *p = mf_grow(s->norm, &s->norm_cap, (size_t)m + 1, sizeof *p);
        if (!p)
            return MF_ERR_NOMEM;
        s->norm = p;
        err = U_ZERO_ERROR;
        m = unorm2_normalize(nz, u, n, (UChar *)s->norm, (int32_t)s->norm_cap, &err);
    }
    if (U_FAILURE(err))
        return MF_ERR_UNICODE;
    *same = m == n && memcmp(s->norm, u, (size_t)n * sizeof *u) == 0;
    char *p = mf_grow(s->utf8, &s->utf8_cap, (size_t)m * 3 + 1, 1); /* 3 bytes a unit at most */
    if (!p)
        return MF_ERR_NOMEM;
    s->utf8 = p;
    size_t len = 0;
    for (int32_t i = 0; i < m;) {
        UChar32 c;
        U16_NEXT(s->norm, i, m, c);
        len += (size_t)mf_utf8_encode((uint32_t)c, p + len);
    }
    *out = len;
    return MF_OK;
}

/* ---- edits ------------------------------------------------------------- */

/* The run of changed characters under one rule that becomes one edit. */
typedef struct run {
    uint32_t start, end;
    uint8_t kind;
} run;

static int flush(mf_cosmetic_scratch *s, run *r, mf_edits *edits)
{
    if (!r->kind)
        return MF_OK;
    mf_edit_rec rec = {r->start, r->end, 0, 0, 0, 0, r->kind, 0};
    r->kind = 0;
    int rc = mf_edits_add(edits, &rec, s->run.p, s->run.n);
    s->run.n = 0;
    return rc;
}

/* Adds the change of bytes [at, at + span) to the run, which a change
 * under another rule, or a character kept (kind 0), ends. */
static int extend(mf_cosmetic_scratch *s, run *r, mf_edits *edits, uint8_t kind, size_t at,
                  size_t span, const char *to, size_t n)
{
    if (r->kind && (kind != r->kind || r->end != at) && flush(s, r, edits) != MF_OK)
        return MF_ERR_NOMEM;
    if (!kind)
        return MF_OK;
    if (!r->kind)
        r->start = (uint32_t)at, r->kind = kind;
    r->end = (uint32_t)(at + span);
    return mf_bytes_add(&s->run, to, n) == 0 ? MF_OK : MF_ERR_NOMEM;
}

/* The change of the character cp at t[i] under the rules of one character:
 * its kind (0: none), the bytes it spans and their replacement. */
static uint8_t change_of(uint32_t cp, const uint8_t *t, size_t i, size_t len, unsigned rules,
                         size_t *span, const char **to)
{
    if ((rules & MF_RULE_NEWLINES) && is_line_break(cp)) {
        if (cp == '\r' && i + 1 < len && t[i + 1] == '\n')
            *span = 2; /* CRLF is one line break */
        *to = "\n";
        return MF_EDIT_NEWLINE;
    }
    if ((rules & MF_RULE_CONTROLS) && is_control(cp)) {
        *to = "";
        return MF_EDIT_CONTROL;
    }
    if ((rules & MF_RULE_LIGATURES) && (*to = ligature(cp)) != NULL)
        return MF_EDIT_LIGATURE;
    if ((rules & MF_RULE_QUOTES) && cp >= 0x2018 && cp <= 0x201F) {
        *to = cp <= 0x201B ? "'" : "\"";
        return MF_EDIT_QUOTE;
    }
    return 0;
}

static int per_character(mf_cosmetic_scratch *s, const uint8_t *t, size_t len, unsigned rules,
                         mf_edits *edits)
{
    run r = {0, 0, 0};
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = rules & MF_RULE_HALFWIDTH ? unorm2_getNFKCInstance(&err) : NULL;
    if (U_FAILURE(err))
        return MF_ERR_UNICODE;
    int rc = MF_OK;
    for (size_t i = 0; i < len && rc == MF_OK;) {
        uint32_t cp;
        int k = mf_utf8_decode(t + i, len - i, &cp);
        size_t span = k ? (size_t)k : 1, n = 0;
        const char *to = NULL;
        uint8_t kind = k ? change_of(cp, t, i, len, rules, &span, &to) : 0;
        if (kind) {
            n = strlen(to);
        } else if (k && nfkc && is_width_form(cp)) {
            /* A run of them at once: half-width katakana and their voiced
             * sound marks make one character ("ｶﾞ" is "ガ"). */
            int32_t m = to_u16(s, t, i, len, 1);
            int same;
            if (m < 0)
                return MF_ERR_NOMEM;
            span = s->at[m] - i;
            rc = normalize_to_utf8(s, nfkc, s->u16, m, &n, &same);
            if (!same)
                kind = MF_EDIT_WIDTH, to = s->utf8;
        }
        if (rc == MF_OK)
            rc = extend(s, &r, edits, kind, i, span, to, n);
        i += span;
    }
    return rc == MF_OK ? flush(s, &r, edits) : rc;
}

/* ---- normalization ----------------------------------------------------- */

/* Normalizes the run of valid UTF-8 in s->u16 (n units) a segment at a
 * time: from the end of its normalized prefix, which ICU puts on a
 * normalization boundary, to the next character that has one before it.
 * Text on both sides of a boundary normalizes apart, so each edit is as
 * short as the change. */
static int normalize_run(mf_cosmetic_scratch *s, const UNormalizer2 *nz, int32_t n, uint8_t kind,
                         mf_edits *edits)
{
    for (int32_t pos = 0; pos < n;) {
        UErrorCode err = U_ZERO_ERROR;
        pos += unorm2_spanQuickCheckYes(nz, (UChar *)s->u16 + pos, n - pos, &err);
        if (U_FAILURE(err))
            return MF_ERR_UNICODE;
        if (pos >= n)
            break;
        int32_t end = pos;
        UChar32 c;
        U16_NEXT(s->u16, end, n, c);
        for (int32_t next = end; end < n; end = next) {
            U16_NEXT(s->u16, next, n, c);
            if (unorm2_hasBoundaryBefore(nz, c))
                break;
        }
        size_t len;
        int same;
        int rc = normalize_to_utf8(s, nz, (UChar *)s->u16 + pos, end - pos, &len, &same);
        if (rc != MF_OK)
            return rc;
        mf_edit_rec rec = {s->at[pos], s->at[end], 0, 0, 0, 0, kind, 0};
        if (!same && mf_edits_add(edits, &rec, s->utf8, len) != MF_OK)
            return MF_ERR_NOMEM;
        pos = end;
    }
    return MF_OK;
}

static int normalize(mf_cosmetic_scratch *s, const uint8_t *t, size_t len, unsigned rules,
                     mf_edits *edits)
{
    UErrorCode err = U_ZERO_ERROR;
    int nfkc = (rules & MF_RULE_NFKC) != 0; /* NFKC composes as NFC does */
    const UNormalizer2 *nz = nfkc ? unorm2_getNFKCInstance(&err) : unorm2_getNFCInstance(&err);
    if (U_FAILURE(err))
        return MF_ERR_UNICODE;
    for (size_t i = 0; i < len;) {
        int32_t n = to_u16(s, t, i, len, 0);
        if (n < 0)
            return MF_ERR_NOMEM;
        if (n == 0) { /* a byte that is not UTF-8: normalization stops at it */
            i++;
            continue;
        }
        int rc = normalize_run(s, nz, n, nfkc ? MF_EDIT_NFKC : MF_EDIT_NFC, edits);
        if (rc != MF_OK)
            return rc;
        i = s->at[n];
    }
    return MF_OK;
}

int mf_cosmetic_window(mf_cosmetic_scratch *s, const uint8_t *text, size_t len, unsigned rules,
                       mf_edits *edits)
{
    const unsigned one = MF_RULE_QUOTES | MF_RULE_LIGATURES | MF_RULE_HALFWIDTH |
                         MF_RULE_NEWLINES | MF_RULE_CONTROLS;
    if (edits->n)
        return MF_ERR_ARG;
    int rc = rules & one ? per_character(s, text, len, rules, edits) : MF_OK;
    if (rc == MF_OK && edits->n == 0 && (rules & (MF_RULE_NFC | MF_RULE_NFKC)))
        rc = normalize(s, text, len, rules, edits);
    return rc;
}
