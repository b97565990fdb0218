/* lost.c: units of mojibake whose broken sequence lost bytes on the way:
 * a strict decoder has no character for the bytes a Windows code page
 * leaves undefined, so it dropped them, or put U+FFFD or '?' in their
 * place. Such a unit stands for each character the sequence could have
 * been; U+FFFD is written unless there is only one. */
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "codec.h"
#include "mojifix.h"
#include "plausibility.h"
#include "repair_internal.h"

/* Per codec, the continuation bytes (bit b - 0x80) that strict decoders
 * (Python's, glibc's) leave undefined, and so drop or replace: those the
 * tables leave undefined, and the holes of a Windows code page, which the
 * tables read as C1 controls, as browsers do. */
static uint64_t lost_bytes[MF_CODEC_MAX];
static uint32_t lost_codecs;
static pthread_once_t lost_once = PTHREAD_ONCE_INIT;

static void build_lost(void)
{
    for (size_t k = 0; k < mf_codecs_count; k++) {
        const uint32_t *to = mf_codecs[k].to_ucs;
        int holes = 0; /* an ISO codec reads all of 0x80-0x9F as C1 controls */
        for (int b = 0x80; b <= 0x9F; b++)
            holes |= to[b] != (uint32_t)b;
        for (int b = 0x80; b <= 0xBF; b++)
            if (to[b] == MF_CODEC_UNDEFINED || (holes && b <= 0x9F && to[b] == (uint32_t)b))
                lost_bytes[k] |= 1ull << (b - 0x80);
        if (lost_bytes[k])
            lost_codecs |= 1u << k;
    }
}

/* Characters a damaged sequence may have been, counted up to MAX_CHOICES:
 * past one, only that there are more matters (U+FFFD is written). The
 * search weighs the MAX_WEIGHED likeliest on their own, so that a window
 * of damaged sequences stays as cheap as one of units. */
#define MAX_CHOICES 32
#define MAX_WEIGHED 8
/* Bytes lost from one sequence, at most: a lead byte alone is a weak sign. */
#define MAX_HOLES 2
/* Units added per character of the window, at most: memory stays within a
 * few times what the other units take, whatever the input. (Real damage
 * comes near four, with a codec's twins; four lost 8 of 2,700 cases of the
 * quick benchmark, eight none.) */
#define MAX_PER_CHAR 8

/* The continuation byte chars[i] stands for under codec k, or -1. */
static int cont_byte(const mf_char *c, size_t i, size_t k)
{
    int b = mf_codec_encode(k, c[i].cp);
    return b >= 0x80 && b <= 0xBF ? b : -1;
}

/* Adds to cps[0..n) each character that seq[0..need) decodes to with each
 * place in `holes` (a bit per place) from `at` on one of the bytes codec k
 * loses; returns the new count. */
static int fill_holes(uint8_t *seq, int need, unsigned holes, int at, size_t k, uint32_t *cps,
                      int n)
{
    while (at < need && !(holes >> at & 1))
        at++;
    if (n == MAX_CHOICES)
        return n;
    if (at == need) {
        uint32_t cp = 0;
        if (mf_utf8_decode(seq, (size_t)need, &cp) != need)
            return n;
        for (int j = 0; j < n; j++)
            if (cps[j] == cp)
                return n;
        if (n < MAX_CHOICES)
            cps[n++] = cp;
        return n;
    }
    for (uint64_t m = lost_bytes[k]; m; m &= m - 1) {
        seq[at] = (uint8_t)(0x80 + __builtin_ctzll(m));
        n = fill_holes(seq, need, holes, at + 1, k, cps, n);
    }
    return n;
}

/* The characters of a sequence of `need` bytes of which only found[0..have)
 * came through, in order: a dropped byte leaves no trace of its place, so
 * every place after the lead is tried. */
static int dropped_choices(const uint8_t *found, int have, int need, size_t k, uint32_t *cps)
{
    int n = 0;
    if (need > 4 || need - have > MAX_HOLES)
        return 0;
    for (unsigned holes = 2; holes < 1u << need; holes += 2) {
        if (__builtin_popcount(holes) != need - have)
            continue;
        uint8_t seq[4];
        for (int at = 0, f = 0; at < need; at++)
            if (!(holes >> at & 1))
                seq[at] = found[f++];
        n = fill_holes(seq, need, holes, 1, k, cps, n);
    }
    return n;
}

/* A unit like `x` for each of the MAX_WEIGHED characters of cps[0..n)
 * likeliest after a space (the damaged sequence could have been any). */
static int add_lost(mf_repair *r, mf_unit x, uint32_t *cps, int n)
{
    x.choices = (uint8_t)n;
    for (int j = 0; j < n && j < MAX_WEIGHED; j++) {
        for (int b = j + 1; b < n && n > MAX_WEIGHED; b++)
            if (mf_cost_after(' ', cps[b]) < mf_cost_after(' ', cps[j])) {
                uint32_t t = cps[j];
                cps[j] = cps[b];
                cps[b] = t;
            }
        x.cp = cps[j];
        if (mf_add_unit(r, &x) != MF_OK)
            return MF_ERR_NOMEM;
    }
    return MF_OK;
}

/* The sequence led by chars[i] under codec k with the bytes after the lead
 * that the decoder replaced by U+FFFD or '?' (a unit of the sequence's
 * length), or 0 if there is none. */
static int replaced_kind(const mf_repair *r, size_t i, size_t k, int need, uint8_t *seq,
                         unsigned *holes)
{
    int kind = 0;
    *holes = 0;
    for (int at = 1; at < need; at++) {
        if (i + (size_t)at >= r->chars.n)
            return 0;
        uint32_t x = r->chars.v[i + (size_t)at].cp;
        int b = cont_byte(r->chars.v, i + (size_t)at, k);
        if (x == 0xFFFD || x == '?') {
            *holes |= 1u << at;
            kind = x == 0xFFFD || kind == MF_LOST_REPLACED ? MF_LOST_REPLACED : MF_LOST_QUESTION;
        } else if (b < 0)
            return 0;
        else
            seq[at] = (uint8_t)b;
    }
    return __builtin_popcount(*holes) <= MAX_HOLES ? kind : 0;
}

/* Whether the space after the `have` characters from chars[i] (of n)
 * completes their sequence found[0..have) of `need` bytes, with the
 * spaces after it, as the no-break spaces it may have been: then that loss
 * explains the space too, and a dropped byte is the less likely one. */
static int lost_nbsp(const mf_char *c, size_t n, size_t i, size_t k, const uint8_t *found,
                     int have, int need)
{
    int nbsp = mf_nbsp_byte(k);
    if (i + (size_t)have >= n || c[i + (size_t)have].cp != ' ' || nbsp < 0)
        return 0;
    uint8_t seq[4];
    memcpy(seq, found, (size_t)have);
    for (int at = have; at < need && at < 4; at++) {
        int b = i + (size_t)at >= n              ? -1
                : c[i + (size_t)at].cp == ' ' ? nbsp
                                              : cont_byte(c, i + (size_t)at, k);
        if (b < 0)
            return 0;
        seq[at] = (uint8_t)b;
    }
    uint32_t cp;
    return mf_utf8_decode(seq, (size_t)need, &cp) == need;
}

/* How many of the characters from chars[i] a sequence led there under
 * codec k has (its lead and the continuation bytes after it), and how many
 * bytes it needs. */
static int found_bytes(const mf_char *c, size_t n, size_t i, size_t k, uint8_t *found, int *need)
{
    found[0] = (uint8_t)mf_codec_encode(k, c[i].cp);
    *need = mf_utf8_length_of_lead(found[0]);
    int have = 1, b;
    while (have < *need && i + (size_t)have < n && (b = cont_byte(c, i + (size_t)have, k)) >= 0)
        found[have++] = (uint8_t)b;
    return have;
}

/* The sequences led by chars[i] under codec k that lost bytes: fewer came
 * through than the lead needs (the decoder dropped some, anywhere after the
 * lead), or U+FFFD or '?' stands where they were. `drops`: the window shows
 * bytes dropped along k, so a space after a short sequence is no sign of a
 * lost no-break space. */
static int find_lost_at(mf_repair *r, size_t i, size_t k, int drops)
{
    const mf_char *c = r->chars.v;
    size_t n = r->chars.n;
    uint8_t found[4];
    int need, have = found_bytes(c, n, i, k, found, &need);
    if (have == need)
        return MF_OK;
    uint32_t cps[MAX_CHOICES];
    if (i + (size_t)have == n || c[i + (size_t)have].cp != 0xFFFD) {
        int nc = dropped_choices(found, have, need, k, cps);
        mf_unit x = {.start = (uint32_t)i, .codecs = 1u << k, .len = (uint8_t)have, .levels = 1,
                     .lost = MF_LOST_DROPPED,
                     .lost_nbsp_too = (uint8_t)(!drops && lost_nbsp(c, n, i, k, found, have, need)),
                     .simple = 1};
        if (add_lost(r, x, cps, nc) != MF_OK)
            return MF_ERR_NOMEM;
    }
    unsigned holes;
    int kind = replaced_kind(r, i, k, need, found, &holes);
    if (!kind)
        return MF_OK;
    int nc = fill_holes(found, need, holes, 1, k, cps, 0);
    mf_unit x = {.start = (uint32_t)i, .codecs = 1u << k, .len = (uint8_t)need, .levels = 1,
                 .lost = (uint8_t)kind, .simple = 1};
    return add_lost(r, x, cps, nc);
}

/* The codecs of `codecs` along which the window shows a dropped byte: a
 * sequence cut short by what no other loss explains (not a space, U+FFFD
 * or '?'), or by the window's end. */
static uint32_t drops_shown(const mf_repair *r, uint32_t codecs)
{
    const mf_char *c = r->chars.v;
    size_t n = r->chars.n;
    uint32_t shown = 0;
    for (size_t i = 0; i < n; i++)
        for (uint32_t m = mf_lead_codecs(c[i].cp) & codecs & ~shown; m; m &= m - 1) {
            size_t k = (size_t)__builtin_ctz(m);
            uint8_t found[4];
            int need, have = found_bytes(c, n, i, k, found, &need);
            uint32_t next = i + (size_t)have < n ? c[i + (size_t)have].cp : 0;
            if (have < need && next != ' ' && next != 0xFFFD && next != '?')
                shown |= 1u << k;
        }
    return shown;
}

/* ---- the same in text broken twice --------------------------------------- */

/* The first of the units [0, n1) at pos, of text broken once and whole,
 * whose outer codecs meet `codecs` and that reads as U+FFFD (want_fffd) or
 * as a continuation byte under inner codec k (its byte in *b); -1 if none. */
static ptrdiff_t unit_at(const mf_repair *r, size_t n1, uint32_t pos, size_t k, uint32_t codecs,
                         int want_fffd, int *b)
{
    for (size_t v = mf_first_unit_at(r, 0, n1, pos); v < n1 && r->units[v].start == pos; v++) {
        const mf_unit *y = &r->units[v];
        *b = mf_codec_encode(k, y->cp);
        if (y->levels != 1 || y->lost || !(y->codecs & codecs))
            continue;
        if (want_fffd ? y->cp == 0xFFFD : *b >= 0x80 && *b <= 0xBF)
            return (ptrdiff_t)v;
    }
    return -1;
}

/* Text broken twice whose first break lost bytes under inner codec k: the
 * units of its second break, from the lead unit u on, spell the damaged
 * sequence, which the first break cut short or where U+FFFD or '?' stands
 * for the lost bytes. Only whole units of the second break are read. */
static int find_deeper_lost_at(mf_repair *r, size_t n1, size_t u, size_t k)
{
    mf_unit x = {.start = r->units[u].start, .codecs = r->units[u].codecs, .inner = (uint32_t)k + 1,
                 .levels = 2, .simple = r->units[u].simple};
    uint8_t seq[4] = {(uint8_t)mf_codec_encode(k, r->units[u].cp)};
    int need = mf_utf8_length_of_lead(seq[0]), have = 1, b;
    uint32_t pos = x.start + r->units[u].len;
    ptrdiff_t v;
    for (; have < need && (v = unit_at(r, n1, pos, k, x.codecs, 0, &b)) >= 0; have++) {
        seq[have] = (uint8_t)b;
        x.codecs &= r->units[v].codecs;
        x.simple = (uint8_t)(x.simple + r->units[v].simple);
        pos += r->units[v].len;
    }
    if (have == need || pos - x.start > 255)
        return MF_OK;
    uint32_t cps[MAX_CHOICES];
    if (unit_at(r, n1, pos, k, x.codecs, 1, &b) < 0) {
        x.len = (uint8_t)(pos - x.start);
        x.lost = MF_LOST_DROPPED;
        if (add_lost(r, x, cps, dropped_choices(seq, have, need, k, cps)) != MF_OK)
            return MF_ERR_NOMEM;
    }
    unsigned holes = 0;
    for (int at = have; at < need; at++) {
        if (pos < r->chars.n && r->chars.v[pos].cp == '?') {
            holes |= 1u << at;
            x.lost = x.lost == MF_LOST_REPLACED ? MF_LOST_REPLACED : MF_LOST_QUESTION;
            pos++;
            continue;
        }
        v = unit_at(r, n1, pos, k, x.codecs, 1, &b);
        if (v >= 0)
            holes |= 1u << at, x.lost = MF_LOST_REPLACED;
        else if ((v = unit_at(r, n1, pos, k, x.codecs, 0, &b)) >= 0)
            seq[at] = (uint8_t)b;
        else
            return MF_OK;
        x.codecs &= r->units[v].codecs;
        x.simple = (uint8_t)(x.simple + r->units[v].simple);
        pos += r->units[v].len;
    }
    if (!holes || __builtin_popcount(holes) > MAX_HOLES || pos - x.start > 255)
        return MF_OK;
    x.len = (uint8_t)(pos - x.start);
    return add_lost(r, x, cps, fill_holes(seq, need, holes, 1, k, cps, 0));
}

int mf_find_lost_units(mf_repair *r, uint32_t codecs, uint32_t outer, uint32_t inner)
{
    pthread_once(&lost_once, build_lost);
    size_t before = r->nunits;
    codecs &= lost_codecs;
    inner &= lost_codecs;
    uint32_t drops = codecs ? drops_shown(r, codecs) : 0;
    size_t most = before + MAX_PER_CHAR * r->chars.n;
    for (size_t i = 0; codecs && i < r->chars.n && r->nunits < most; i++)
        for (uint32_t m = mf_lead_codecs(r->chars.v[i].cp) & codecs; m; m &= m - 1) {
            size_t k = (size_t)__builtin_ctz(m);
            if (find_lost_at(r, i, k, (int)(drops >> k & 1)) != MF_OK)
                return MF_ERR_NOMEM;
        }
    for (size_t u = 0; inner && u < before && r->nunits < most; u++) {
        const mf_unit *a = &r->units[u];
        if (a->levels != 1 || a->lost || !(a->codecs & outer))
            continue;
        for (uint32_t m = mf_lead_codecs(a->cp) & inner; m; m &= m - 1)
            if (find_deeper_lost_at(r, before, u, (size_t)__builtin_ctz(m)) != MF_OK)
                return MF_ERR_NOMEM;
    }
    if (r->nunits > before)
        mf_sort_units(r);
    return MF_OK;
}
