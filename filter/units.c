/* units.c: runs of characters that some codec maps back to one UTF-8
 * sequence, found under every codec at once, and compound units for text
 * broken more than once. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "broken.h"
#include "codec.h"
#include "grow.h"
#include "mojifix.h"
#include "repair_internal.h"

#define REV_PAGES_MAX 64

/* For a code point: the codecs in which it is a UTF-8 lead byte (C2-F4),
 * and those in which it is a continuation byte (80-BF). */
static uint32_t lead_mask[REV_PAGES_MAX][256], cont_mask[REV_PAGES_MAX][256];
/* Codecs in which U+00A0 is a continuation byte (A0 in Windows-1252, 9A in
 * KOI8-R), and that byte: a space there may be a no-break space that was
 * lost on the way. */
static uint32_t nbsp_codecs;
static uint8_t nbsp_byte[MF_CODEC_MAX];
/* Per codec, the continuation bytes (bit b - 0x80) that strict decoders
 * (Python's, glibc's) leave undefined, and so drop or replace: those the
 * tables leave undefined, and the holes of a Windows code page, which the
 * tables read as C1 controls, as browsers do. */
static uint64_t lost_bytes[MF_CODEC_MAX];
static uint32_t lost_codecs;
static pthread_once_t masks_once = PTHREAD_ONCE_INIT;

static void build_masks(void)
{
    for (int hi = 0; hi < 256; hi++) {
        int page = mf_rev_page[hi];
        if (page == 0 || page >= REV_PAGES_MAX) /* lead_of/cont_of see no unit there */
            continue;
        for (int lo = 0; lo < 256; lo++)
            for (size_t k = 0; k < mf_codecs_count; k++) {
                uint8_t b = mf_rev_byte[page][lo][k];
                if (b >= 0xC2 && b <= 0xF4)
                    lead_mask[page][lo] |= 1u << k;
                else if (b >= 0x80 && b <= 0xBF)
                    cont_mask[page][lo] |= 1u << k;
            }
    }
    for (size_t k = 0; k < mf_codecs_count; k++)
        for (int b = 0x80; b <= 0xBF; b++)
            if (mf_codecs[k].to_ucs[b] == 0xA0) {
                nbsp_codecs |= 1u << k;
                nbsp_byte[k] = (uint8_t)b;
            }
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

static inline int mask_page(uint32_t cp)
{
    int page = cp < 0x80 || cp > 0xFFFF ? 0 : mf_rev_page[cp >> 8];
    return page < REV_PAGES_MAX ? page : 0;
}

static inline uint32_t lead_of(uint32_t cp)
{
    return lead_mask[mask_page(cp)][cp & 0xFF];
}

static inline uint32_t cont_of(uint32_t cp)
{
    return cont_mask[mask_page(cp)][cp & 0xFF];
}

/* A space after a lead byte may be a lost U+00A0, a continuation byte. */
static inline uint32_t cont_or_lost_nbsp(uint32_t cp)
{
    return cp == ' ' ? nbsp_codecs : cont_of(cp);
}

int mf_repair_suspect(const uint8_t *buf, size_t len)
{
    pthread_once(&masks_once, build_masks);
    uint32_t prev_lead = 0;
    for (size_t i = 0; i < len;) {
        if (buf[i] < 0x80) {
            if (buf[i] == ' ' && (prev_lead & nbsp_codecs))
                return 1;
            prev_lead = 0;
            /* Past the first, ASCII bytes cannot matter: skip them 8 at once. */
            for (i++; i + 8 <= len && !(mf_load8(buf + i) & MF_HIGH_BITS); i += 8)
                ;
            continue;
        }
        uint32_t cp;
        int k = mf_utf8_decode(buf + i, len - i, &cp);
        if (k == 0)
            return 1;
        if (prev_lead & cont_of(cp))
            return 1;
        prev_lead = lead_of(cp);
        i += (size_t)k;
    }
    return 0;
}

static int utf8_length_of_lead(int b)
{
    return b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* The three bytes of a high surrogate (hi, from chars[i..i+3)) and those
 * of chars[i+3..i+6) under codec k as a CESU-8 pair: 6, with the code
 * point, or 0. */
static int cesu_pair(const mf_char *c, size_t n, size_t i, size_t k, const uint8_t *hi,
                     uint32_t *cp)
{
    if (i + 6 > n)
        return 0;
    uint8_t b[6] = {hi[0], hi[1], hi[2]};
    for (size_t j = 3; j < 6; j++) {
        int x = mf_codec_encode(k, c[i + j].cp);
        if (x < 0)
            return 0;
        b[j] = (uint8_t)x;
    }
    unsigned kind;
    return mf_cesu_decode(b, 6, MF_CESU_PAIR, cp, &kind) == 6 ? 6 : 0;
}

/* Decodes the bytes of chars[i..] under codec k as one UTF-8 sequence, or,
 * with `cesu`, as a CESU-8 pair (its mojibake: "í ½í¸€" for 😀); returns its
 * length in characters (0 if it is neither), with the code point and
 * whether a space had to stand for U+00A0. */
static int decode_unit(const mf_char *c, size_t n, size_t i, size_t k, int cesu, uint32_t *cp,
                       int *lost)
{
    int b0 = mf_codec_encode(k, c[i].cp);
    int len = utf8_length_of_lead(b0);
    if (i + (size_t)len > n)
        return 0;
    uint8_t bytes[4] = {(uint8_t)b0};
    *lost = 0;
    for (int j = 1; j < len; j++) {
        uint32_t x = c[i + (size_t)j].cp;
        int b = x == ' ' && (nbsp_codecs >> k & 1) ? nbsp_byte[k] : mf_codec_encode(k, x);
        if (b < 0x80 || b > 0xBF)
            return 0;
        *lost |= x == ' ';
        bytes[j] = (uint8_t)b;
    }
    if (mf_utf8_decode(bytes, (size_t)len, cp) == len)
        return len;
    return cesu && len == 3 && !*lost ? cesu_pair(c, n, i, k, bytes, cp) : 0;
}

static int add_unit(mf_repair *r, const mf_unit *n)
{
    for (size_t u = r->nunits; u-- > 0 && r->units[u].start == n->start;) {
        mf_unit *x = &r->units[u];
        if (x->len == n->len && x->cp == n->cp && x->lost_nbsp == n->lost_nbsp &&
            x->inner == n->inner && x->lost == n->lost && x->choices == n->choices &&
            x->lost_nbsp_too == n->lost_nbsp_too) {
            x->codecs |= n->codecs;
            return MF_OK;
        }
    }
    mf_unit *v = mf_grow(r->units, &r->units_cap, r->nunits + 1, sizeof *v);
    if (!v)
        return MF_ERR_NOMEM;
    r->units = v;
    r->units[r->nunits++] = *n;
    return MF_OK;
}

/* The units of text broken once, in order of their first character. */
static int find_simple_units(mf_repair *r, int cesu)
{
    const mf_char *c = r->chars.v;
    size_t n = r->chars.n;
    for (size_t i = 0; i + 1 < n; i++) {
        uint32_t maybe = lead_of(c[i].cp) & cont_or_lost_nbsp(c[i + 1].cp);
        while (maybe) {
            size_t k = (size_t)__builtin_ctz(maybe);
            maybe &= maybe - 1;
            uint32_t cp;
            int lost;
            int len = decode_unit(c, n, i, k, cesu, &cp, &lost);
            mf_unit x = {.start = (uint32_t)i, .cp = cp, .codecs = 1u << k, .len = (uint8_t)len,
                         .levels = 1, .lost_nbsp = (uint8_t)lost, .simple = 1};
            if (len && add_unit(r, &x) != MF_OK)
                return MF_ERR_NOMEM;
        }
    }
    return MF_OK;
}

/* The first unit in [lo, hi) that starts at or after pos (they are sorted). */
static size_t first_at(const mf_repair *r, size_t lo, size_t hi, uint32_t pos)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->units[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A chain of units being read as the bytes of one UTF-8 sequence under an
 * inner codec. */
typedef struct chain {
    size_t lo, hi;    /* the units of the level below */
    size_t k;         /* the inner codec */
    uint8_t bytes[4];
    int need;         /* length of the sequence */
    mf_unit head;     /* first unit: its start, inner codecs and levels */
} chain;

/* Extends a chain with each unit that starts where it ends; at full length,
 * adds the unit the chain decodes to. */
static int extend_chain(mf_repair *r, const chain *ch, int have, uint32_t end, uint32_t codecs,
                        int lost, int simple)
{
    if (have == ch->need) {
        uint32_t cp = 0;
        if (mf_utf8_decode(ch->bytes, (size_t)have, &cp) != have || end - ch->head.start > 255)
            return MF_OK;
        mf_unit x = {.start = ch->head.start,
                     .cp = cp,
                     .codecs = codecs,
                     .inner = ch->head.inner | (uint32_t)(ch->k + 1) << (8 * (ch->head.levels - 1)),
                     .len = (uint8_t)(end - ch->head.start),
                     .levels = (uint8_t)(ch->head.levels + 1),
                     .lost_nbsp = (uint8_t)lost,
                     .simple = (uint8_t)simple};
        return add_unit(r, &x);
    }
    for (size_t v = first_at(r, ch->lo, ch->hi, end); v < ch->hi && r->units[v].start == end; v++) {
        const mf_unit *y = &r->units[v];
        int b = mf_codec_encode(ch->k, y->cp);
        if (!(y->codecs & codecs) || y->inner != ch->head.inner || b < 0x80 || b > 0xBF)
            continue;
        chain next = *ch;
        next.bytes[have] = (uint8_t)b;
        if (extend_chain(r, &next, have + 1, end + y->len, codecs & y->codecs,
                         lost | y->lost_nbsp, simple + y->simple) != MF_OK)
            return MF_ERR_NOMEM;
    }
    return MF_OK;
}

/* Units one level deeper than units [lo, hi): text broken once more. */
static int find_deeper_units(mf_repair *r, size_t lo, size_t hi)
{
    for (size_t u = lo; u < hi; u++) {
        mf_unit a = r->units[u];
        for (uint32_t m = lead_of(a.cp); m; m &= m - 1) {
            chain ch = {lo, hi, (size_t)__builtin_ctz(m), {0}, 0, a};
            int b0 = mf_codec_encode(ch.k, a.cp);
            ch.bytes[0] = (uint8_t)b0;
            ch.need = utf8_length_of_lead(b0);
            if (extend_chain(r, &ch, 1, a.start + a.len, a.codecs, a.lost_nbsp, a.simple) != MF_OK)
                return MF_ERR_NOMEM;
        }
    }
    return MF_OK;
}

/* Whether another unit starts where x does and reads differently. */
static int has_rival(const mf_repair *r, size_t i)
{
    const mf_unit *x = &r->units[i];
    for (size_t j = i; j-- > 0 && r->units[j].start == x->start;)
        if (r->units[j].cp != x->cp)
            return 1;
    for (size_t j = i + 1; j < r->nunits && r->units[j].start == x->start; j++)
        if (r->units[j].cp != x->cp)
            return 1;
    return 0;
}

static int unit_order(const void *pa, const void *pb)
{
    const mf_unit *a = pa, *b = pb;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    if (a->levels != b->levels) return a->levels < b->levels ? -1 : 1;
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    if (a->cp != b->cp) return a->cp < b->cp ? -1 : 1;
    if (a->inner != b->inner) return a->inner < b->inner ? -1 : 1;
    if (a->lost != b->lost) return a->lost - b->lost;
    if (a->choices != b->choices) return a->choices - b->choices;
    if (a->lost_nbsp_too != b->lost_nbsp_too) return a->lost_nbsp_too - b->lost_nbsp_too;
    return a->lost_nbsp - b->lost_nbsp;
}

/* All units of the window, of every depth, in order of their first
 * character: the search weighs text broken twice against its final reading,
 * not against the garbage in between. */
int mf_find_units(mf_repair *r, int cesu)
{
    pthread_once(&masks_once, build_masks);
    r->nunits = 0;
    if (find_simple_units(r, cesu) != MF_OK)
        return MF_ERR_NOMEM;
    size_t lo = 0;
    for (int level = 1; level < MF_REPAIR_MAX_LEVELS; level++) {
        size_t hi = r->nunits;
        if (lo == hi || find_deeper_units(r, lo, hi) != MF_OK)
            break;
        lo = hi;
    }
    if (r->nunits > 1) /* units is NULL until the first unit */
        qsort(r->units, r->nunits, sizeof *r->units, unit_order);
    for (size_t i = 0; i < r->nunits; i++)
        r->units[i].rival = (uint8_t)has_rival(r, i);
    return MF_OK;
}

/* ---- sequences that lost a byte ------------------------------------------ */

/* Characters a damaged sequence may have been, at most: with 15 bytes lost
 * per codec (cp1253), there are many; beyond two, only the count matters
 * (U+FFFD is written), and the search needs a few to weigh. */
#define MAX_CHOICES 48

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
    if (need > 4)
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

/* A unit like `x` per character the damaged sequence could have been. */
static int add_lost(mf_repair *r, mf_unit x, const uint32_t *cps, int n)
{
    x.choices = (uint8_t)n;
    for (int j = 0; j < n; j++) {
        x.cp = cps[j];
        if (add_unit(r, &x) != MF_OK)
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
    return kind;
}

/* Whether the space after the `have` characters from chars[i] (of n)
 * completes their sequence, with the spaces after it, as the no-break
 * spaces it may have been: then that loss explains the space too, and a
 * dropped byte is the less likely one. */
static int lost_nbsp(const mf_char *c, size_t n, size_t i, size_t k, int have)
{
    uint32_t cp;
    int lost;
    return i + (size_t)have < n && c[i + (size_t)have].cp == ' ' && (nbsp_codecs >> k & 1) &&
           decode_unit(c, n, i, k, 0, &cp, &lost) > have;
}

/* How many of the characters from chars[i] a sequence led there under
 * codec k has (its lead and the continuation bytes after it), and how many
 * bytes it needs. */
static int found_bytes(const mf_char *c, size_t n, size_t i, size_t k, uint8_t *found, int *need)
{
    found[0] = (uint8_t)mf_codec_encode(k, c[i].cp);
    *need = utf8_length_of_lead(found[0]);
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
                     .lost_nbsp_too = (uint8_t)(!drops && lost_nbsp(c, n, i, k, have)), .simple = 1};
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
        for (uint32_t m = lead_of(c[i].cp) & codecs & ~shown; m; m &= m - 1) {
            size_t k = (size_t)__builtin_ctz(m);
            uint8_t found[4];
            int need, have = found_bytes(c, n, i, k, found, &need);
            uint32_t next = i + (size_t)have < n ? c[i + (size_t)have].cp : 0;
            if (have < need && next != ' ' && next != 0xFFFD && next != '?')
                shown |= 1u << k;
        }
    return shown;
}

/* ---- the same in text broken twice ---- */

/* The first of the units [0, n1) at pos, of text broken once and whole,
 * whose outer codecs meet `codecs` and that reads as U+FFFD (want_fffd) or
 * as a continuation byte under inner codec k (its byte in *b); -1 if none. */
static ptrdiff_t unit_at(const mf_repair *r, size_t n1, uint32_t pos, size_t k, uint32_t codecs,
                         int want_fffd, int *b)
{
    for (size_t v = first_at(r, 0, n1, pos); v < n1 && r->units[v].start == pos; v++) {
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
    int need = utf8_length_of_lead(seq[0]), have = 1, b;
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
    if (!holes || pos - x.start > 255)
        return MF_OK;
    x.len = (uint8_t)(pos - x.start);
    return add_lost(r, x, cps, fill_holes(seq, need, holes, 1, k, cps, 0));
}

int mf_find_lost_units(mf_repair *r, uint32_t codecs, uint32_t outer, uint32_t inner)
{
    size_t before = r->nunits;
    codecs &= lost_codecs;
    inner &= lost_codecs;
    uint32_t drops = codecs ? drops_shown(r, codecs) : 0;
    for (size_t i = 0; codecs && i < r->chars.n; i++)
        for (uint32_t m = lead_of(r->chars.v[i].cp) & codecs; m; m &= m - 1) {
            size_t k = (size_t)__builtin_ctz(m);
            if (find_lost_at(r, i, k, (int)(drops >> k & 1)) != MF_OK)
                return MF_ERR_NOMEM;
        }
    for (size_t u = 0; inner && u < before; u++) {
        const mf_unit *a = &r->units[u];
        if (a->levels != 1 || a->lost || !(a->codecs & outer))
            continue;
        for (uint32_t m = lead_of(a->cp) & inner; m; m &= m - 1)
            if (find_deeper_lost_at(r, before, u, (size_t)__builtin_ctz(m)) != MF_OK)
                return MF_ERR_NOMEM;
    }
    if (r->nunits > before)
        qsort(r->units, r->nunits, sizeof *r->units, unit_order);
    return MF_OK;
}
