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
 * and those in which it is a continuation byte (80-BF); of the leads, those
 * of three or more bytes (E0-F4) and of four (F0-F4), for the gate. One
 * row, so that a character is looked up once. */
typedef struct roles {
    uint32_t lead, cont, three, four;
} roles;
static roles role[REV_PAGES_MAX][256];
/* Codecs in which U+00A0 is a continuation byte (A0 in Windows-1252, 9A in
 * KOI8-R), and that byte: a space there may be a no-break space that was
 * lost on the way. */
static uint32_t nbsp_codecs;
static uint8_t nbsp_byte[MF_CODEC_MAX];
static pthread_once_t masks_once = PTHREAD_ONCE_INIT;

static void build_masks(void)
{
    for (int hi = 0; hi < 256; hi++) {
        int page = mf_rev_page[hi];
        if (page == 0 || page >= REV_PAGES_MAX) /* roles_of sees no unit there */
            continue;
        for (int lo = 0; lo < 256; lo++)
            for (size_t k = 0; k < mf_codecs_count; k++) {
                uint8_t b = mf_rev_byte[page][lo][k];
                roles *x = &role[page][lo];
                if (b >= 0xC2 && b <= 0xF4) {
                    x->lead |= 1u << k;
                    x->three |= b >= 0xE0 ? 1u << k : 0;
                    x->four |= b >= 0xF0 ? 1u << k : 0;
                } else if (b >= 0x80 && b <= 0xBF)
                    x->cont |= 1u << k;
            }
    }
    for (size_t k = 0; k < mf_codecs_count; k++)
        for (int b = 0x80; b <= 0xBF; b++)
            if (mf_codecs[k].to_ucs[b] == 0xA0) {
                nbsp_codecs |= 1u << k;
                nbsp_byte[k] = (uint8_t)b;
            }
}

static inline int mask_page(uint32_t cp)
{
    int page = cp < 0x80 || cp > 0xFFFF ? 0 : mf_rev_page[cp >> 8];
    return page < REV_PAGES_MAX ? page : 0;
}

static inline const roles *roles_of(uint32_t cp)
{
    return &role[mask_page(cp)][cp & 0xFF];
}

static inline uint32_t lead_of(uint32_t cp)
{
    return roles_of(cp)->lead;
}

/* Codecs in which a lead waits for 1, 2 or 3 more continuation bytes. */
typedef struct waiting {
    uint32_t one, two, three;
} waiting;

/* Moves the waiting leads past a character whose roles are x, a space
 * standing for U+00A0 a continuation byte in the codecs `nbsp`: whether a
 * lead has got all its continuations (a complete unit candidate), or, with
 * `pairs`, any. */
static inline int step(waiting *w, const roles *x, uint32_t cont, int pairs)
{
    if (w->one & cont || (pairs && (w->two | w->three) & cont))
        return 1;
    w->one = (w->two & cont) | (x->lead & ~x->three);
    w->two = (w->three & cont) | (x->three & ~x->four);
    w->three = x->four;
    return 0;
}

int mf_repair_suspect(const uint8_t *buf, size_t len, int pairs)
{
    pthread_once(&masks_once, build_masks);
    waiting w = {0, 0, 0};
    for (size_t i = 0; i < len;) {
        if (buf[i] < 0x80) {
            if (buf[i] == ' ' && (w.one | w.two | w.three)) { /* a lost U+00A0? */
                if (step(&w, roles_of(' '), nbsp_codecs, pairs))
                    return 1;
                i++;
                continue;
            }
            w = (waiting){0, 0, 0};
            /* Past the first, ASCII bytes cannot matter: skip them 8 at once. */
            for (i++; i + 8 <= len && !(mf_load8(buf + i) & MF_HIGH_BITS); i += 8)
                ;
            continue;
        }
        uint32_t cp;
        int k = 2;
        if (buf[i] >= 0xC2 && buf[i] <= 0xDF && i + 1 < len && (buf[i + 1] & 0xC0) == 0x80)
            cp = (uint32_t)(buf[i] & 0x1F) << 6 | (buf[i + 1] & 0x3F); /* most of them */
        else if ((k = mf_utf8_decode(buf + i, len - i, &cp)) == 0)
            return 1;
        const roles *x = roles_of(cp);
        if (step(&w, x, x->cont, pairs))
            return 1;
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
        return mf_cp_readable(*cp) ? len : 0;
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
    uint32_t lead = n ? lead_of(c[0].cp) : 0;
    for (size_t i = 0; i + 1 < n; i++) {
        const roles *next = roles_of(c[i + 1].cp); /* each character looked up once */
        uint32_t maybe = lead & (c[i + 1].cp == ' ' ? nbsp_codecs : next->cont);
        lead = next->lead;
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
        if (mf_utf8_decode(ch->bytes, (size_t)have, &cp) != have || !mf_cp_readable(cp) ||
            end - ch->head.start > 255)
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

/* Units of text broken once, found in order of their start: sorted in
 * place by insertion, a few steps each. No two compare equal (add_unit
 * merges those), so the order is qsort's. */
static void sort_simple(mf_unit *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        mf_unit x = v[i];
        size_t j = i;
        for (; j > 0 && unit_order(&v[j - 1], &x) > 0; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
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
    if (r->nunits > 1 && r->units[r->nunits - 1].levels == 1)
        sort_simple(r->units, r->nunits);
    else if (r->nunits > 1) /* units is NULL until the first unit */
        qsort(r->units, r->nunits, sizeof *r->units, unit_order);
    for (size_t i = 0; i < r->nunits; i++)
        r->units[i].rival = (uint8_t)has_rival(r, i);
    return MF_OK;
}

/* ---- for lost.c ------------------------------------------------------------ */

int mf_add_unit(mf_repair *r, const mf_unit *n)
{
    return add_unit(r, n);
}

size_t mf_first_unit_at(const mf_repair *r, size_t lo, size_t hi, uint32_t pos)
{
    return first_at(r, lo, hi, pos);
}

void mf_sort_units(mf_repair *r)
{
    if (r->nunits > 1)
        qsort(r->units, r->nunits, sizeof *r->units, unit_order);
}

uint32_t mf_lead_codecs(uint32_t cp)
{
    return lead_of(cp);
}

int mf_utf8_length_of_lead(int b)
{
    return utf8_length_of_lead(b);
}

int mf_nbsp_byte(size_t k)
{
    return nbsp_codecs >> k & 1 ? nbsp_byte[k] : -1;
}
