/* repair.c: units of mojibake under every codec, and the choice among them. */
#include "repair.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "mojifix.h"
#include "plausibility.h"

/* ---- per-character codec masks ------------------------------------------ */

#define REV_PAGES_MAX 64

/* For a code point: the codecs in which it is a UTF-8 lead byte (C2-F4),
 * and those in which it is a continuation byte (80-BF). */
static uint32_t lead_mask[REV_PAGES_MAX][256], cont_mask[REV_PAGES_MAX][256];
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
            i++;
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

/* ---- units ----------------------------------------------------------------- */

/* Characters [start, start + len) decode to cp: through one of the outer
 * codecs of the mask, then, for text broken more than once, through the
 * inner codecs of `inner` (one byte each, index + 1, in decoding order). */
typedef struct mf_unit {
    uint32_t start;
    uint32_t cp;
    uint32_t codecs;
    uint32_t inner;
    uint8_t len;
    uint8_t levels;
    uint8_t lost_nbsp;
    uint8_t chosen;
    uint8_t simple; /* how many units of text broken once it is made of */
    uint8_t codec;  /* if chosen: the outer codec it is read through */
    uint8_t rival;  /* another unit starts here and reads differently */
    uint8_t chosen_before; /* saved choice of the previous pass */
    uint8_t chosen_best;   /* saved choice of the best reading: codec + 1, or 0 */
} mf_unit;

/* A hypothesis of the search: the best path to a position with a given
 * last output character and path state. */
typedef struct mf_hyp {
    uint32_t last;
    int32_t cost;
    int32_t from;    /* index of the previous hypothesis, -1 at the start */
    int32_t unit;    /* the unit decoded to get here, -1 if a character was kept */
    uint32_t codecs; /* outer codecs the current run of units agrees on (0: none yet) */
    uint32_t inner;  /* and its inner codecs */
    uint8_t decoded; /* the last step decoded a unit */
} mf_hyp;

#define HYPS_PER_POS 8
/* Hypotheses this much worse than the best at a position are not extended:
 * no later character can make up for it (a decode saves less than this). */
#define BEAM (25 * MF_COST_SCALE)

/* A way the window may have been broken: through one of the outer codecs,
 * then through the inner ones. */
typedef struct mf_path {
    uint32_t codecs;
    uint32_t inner;
} mf_path;

#define MAX_CONFIRMED 8

/* A reading of a unit (its code point through its codecs); codecs 0: none. */
typedef struct mf_ban {
    uint32_t cp;
    uint32_t codecs;
} mf_ban;
/* Languages weighed per window: those that fit its first reading best. */
#define MAX_LANGS 8

struct mf_repair {
    mf_chars chars, next;
    mf_unit *units;
    size_t nunits, units_cap;
    mf_hyp *hyps;
    int *nhyps; /* hypotheses per position */
    size_t hyps_cap;
    mf_path confirmed[MAX_CONFIRMED]; /* paths the window is known to be broken along */
    int nconfirmed;
    mf_ban ban;        /* a reading the search may not choose */
    uint32_t *text;    /* the window's code points */
    size_t text_cap;
    int32_t *all;      /* the window's cost as it stands, in every language */
    int scripts[MF_SCRIPT_COUNT]; /* its letters per script */
    uint16_t langs[MAX_LANGS];    /* the languages weighed for this window, */
    int32_t base[MAX_LANGS];      /* the window's cost in each, */
    int32_t first[MAX_LANGS];     /* and what the first reading changed */
    size_t nlangs;
};

mf_repair *mf_repair_new(void)
{
    pthread_once(&masks_once, build_masks);
    return calloc(1, sizeof(mf_repair));
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
    free(r);
}

static int utf8_length_of_lead(int b)
{
    return b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Decodes the bytes of chars[i..] under codec k as one UTF-8 sequence;
 * returns its length in characters (0 if it is not one), with the code point
 * and whether a space had to stand for U+00A0. */
static int decode_unit(const mf_char *c, size_t n, size_t i, size_t k, uint32_t *cp, int *lost)
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
    return mf_utf8_decode(bytes, (size_t)len, cp) == len ? len : 0;
}

static int add_unit(mf_repair *r, const mf_unit *n)
{
    for (size_t u = r->nunits; u-- > 0 && r->units[u].start == n->start;) {
        mf_unit *x = &r->units[u];
        if (x->len == n->len && x->cp == n->cp && x->lost_nbsp == n->lost_nbsp &&
            x->inner == n->inner) {
            x->codecs |= n->codecs;
            return MF_OK;
        }
    }
    if (r->nunits == r->units_cap) {
        size_t cap = r->units_cap ? r->units_cap * 2 : 64;
        mf_unit *v = realloc(r->units, cap * sizeof *v);
        if (!v)
            return MF_ERR_NOMEM;
        r->units = v;
        r->units_cap = cap;
    }
    r->units[r->nunits++] = *n;
    return MF_OK;
}

/* The units of text broken once, in order of their first character. */
static int find_simple_units(mf_repair *r)
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
            int len = decode_unit(c, n, i, k, &cp, &lost);
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
    return a->lost_nbsp - b->lost_nbsp;
}

/* All units of the window, of every depth, in order of their first
 * character: the search weighs text broken twice against its final reading,
 * not against the garbage in between. */
static int find_units(mf_repair *r)
{
    r->nunits = 0;
    if (find_simple_units(r) != MF_OK)
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

/* ---- the search -------------------------------------------------------------- */

/* A letter of some alphabet other than ASCII's: mojibake, or a word's own. */
static int foreign_letter(uint32_t cp)
{
    return cp >= 0x80 && mf_is_letter(cp);
}

static int confirmed(const mf_repair *r, const mf_unit *x)
{
    for (int i = 0; i < r->nconfirmed; i++)
        if ((r->confirmed[i].codecs & x->codecs) && r->confirmed[i].inner == x->inner)
            return 1;
    return 0;
}

static int32_t unit_penalty(const mf_repair *r, const mf_unit *u)
{
    /* Reading text as broken twice costs what reading it as broken once
     * does, and more: so the deeper reading must also be the better text.
     * Confirmation tells that a unit is broken, not which reading is right:
     * a unit with rivals still pays in full. */
    int32_t each = !u->rival && confirmed(r, u) ? mf_repair_cost.decode_confirmed
                                                : mf_repair_cost.decode;
    int32_t p = each * u->simple + mf_repair_cost.level * (u->levels - 1);
    if (u->lost_nbsp)
        p += mf_repair_cost.nbsp_lost;
    return p;
}

/* Adds a hypothesis at a position, keeping the best per state and at most
 * HYPS_PER_POS of them (the worst is dropped). */
static void offer(mf_hyp *at, int *count, mf_hyp h)
{
    int worst = 0;
    for (int i = 0; i < *count; i++) {
        if (at[i].last == h.last && at[i].decoded == h.decoded && at[i].codecs == h.codecs &&
            at[i].inner == h.inner) {
            if (h.cost < at[i].cost)
                at[i] = h;
            return;
        }
        if (at[i].cost > at[worst].cost)
            worst = i;
    }
    if (*count < HYPS_PER_POS)
        at[(*count)++] = h;
    else if (h.cost < at[worst].cost)
        at[worst] = h;
}

/* Cost of keeping characters [a, b) as they stand, with their context. */
static int32_t keep_cost(const mf_repair *r, size_t a, size_t b)
{
    const mf_char *c = r->chars.v;
    uint32_t prev = a > 0 ? c[a - 1].cp : MF_CP_BOUNDARY;
    int32_t cost = 0;
    for (size_t p = a; p < b; p++) {
        cost += mf_cost_after(prev, c[p].cp);
        prev = c[p].cp;
    }
    return cost + mf_cost_after(prev, b < r->chars.n ? c[b].cp : MF_CP_BOUNDARY);
}

/* Decoding unit x after hypothesis h: the path goes on if the unit can be
 * read along it, and switches, at a price, if not. */
static mf_hyp decode_step(const mf_repair *r, const mf_hyp *h, const mf_unit *x, int32_t from,
                          int32_t unit)
{
    uint32_t codecs = x->codecs;
    mf_hyp d = {x->cp, h->cost + mf_cost_after(h->last, x->cp) + unit_penalty(r, x), from, unit,
                codecs, x->inner, 1};
    if (!h->decoded && foreign_letter(h->last))
        d.cost += mf_repair_cost.orphan;
    if ((h->codecs & codecs) && h->inner == x->inner)
        d.codecs = h->codecs & codecs;
    else
        d.cost += h->codecs ? mf_repair_cost.codec_mix : mf_repair_cost.broken_window;
    return d;
}

/* Extends every hypothesis at position p (slot at) by keeping c[p] and by
 * decoding each unit that starts there. */
static void extend(mf_repair *r, size_t at, size_t p, size_t *u)
{
    const mf_char *c = r->chars.v;
    mf_hyp *H = r->hyps;
    int *nh = r->nhyps;
    int32_t best = INT32_MAX;
    for (int h = 0; h < nh[at]; h++)
        if (H[at * HYPS_PER_POS + (size_t)h].cost < best)
            best = H[at * HYPS_PER_POS + (size_t)h].cost;
    for (int h = 0; h < nh[at]; h++) {
        const mf_hyp *x0 = &H[at * HYPS_PER_POS + (size_t)h];
        if (x0->cost > best + BEAM)
            continue;
        int32_t from = (int32_t)(at * HYPS_PER_POS + (size_t)h);
        mf_hyp keep = *x0;
        keep.last = c[p].cp;
        keep.cost += mf_cost_after(x0->last, c[p].cp);
        keep.from = from;
        keep.unit = -1;
        keep.decoded = 0;
        if (x0->decoded && foreign_letter(c[p].cp))
            keep.cost += mf_repair_cost.orphan;
        offer(&H[(at + 1) * HYPS_PER_POS], &nh[at + 1], keep);
        for (size_t v = *u; v < r->nunits && r->units[v].start == p; v++) {
            if (r->units[v].codecs == r->ban.codecs && r->units[v].cp == r->ban.cp)
                continue;
            size_t q = at + r->units[v].len;
            offer(&H[q * HYPS_PER_POS], &nh[q], decode_step(r, x0, &r->units[v], from, (int32_t)v));
        }
    }
    while (*u < r->nunits && r->units[*u].start == p)
        (*u)++;
}

static int reserve_hyps(mf_repair *r, size_t slots)
{
    if (slots <= r->hyps_cap)
        return MF_OK;
    mf_hyp *h = realloc(r->hyps, slots * HYPS_PER_POS * sizeof *h);
    if (h)
        r->hyps = h;
    int *k = realloc(r->nhyps, slots * sizeof *k);
    if (k)
        r->nhyps = k;
    if (!h || !k)
        return MF_ERR_NOMEM;
    r->hyps_cap = slots;
    return MF_OK;
}

/* Slots the search needs: a cluster is a maximal run of touching units, and
 * the characters between clusters are kept for sure, so only the positions
 * of clusters (and their ends) get slots. */
static size_t count_slots(const mf_repair *r)
{
    size_t slots = 1, end = 0, u = 0;
    while (u < r->nunits) {
        size_t a = r->units[u].start, b = a + r->units[u].len;
        for (u++; u < r->nunits && r->units[u].start <= b; u++)
            if (r->units[u].start + r->units[u].len > b)
                b = r->units[u].start + r->units[u].len;
        slots += b - a + 1;
        end = b;
    }
    return slots + (end > 0);
}

/* Moves the hypotheses at the end b of a cluster [a, b) to the start of the
 * next one (slot to), costs relative to keeping the cluster as it was. */
static void carry(mf_repair *r, size_t from_slot, size_t a, size_t b, size_t to)
{
    const mf_char *c = r->chars.v;
    uint32_t right = b < r->chars.n ? c[b].cp : MF_CP_BOUNDARY;
    int32_t kept = keep_cost(r, a, b);
    r->nhyps[to] = 0;
    for (int h = 0; h < r->nhyps[from_slot]; h++) {
        mf_hyp x = r->hyps[from_slot * HYPS_PER_POS + (size_t)h];
        x.cost += mf_cost_after(x.last, right) - kept;
        if (x.decoded && foreign_letter(right))
            x.cost += mf_repair_cost.orphan;
        x.from = (int32_t)(from_slot * HYPS_PER_POS + (size_t)h);
        x.unit = -1;
        x.decoded = 0;
        offer(&r->hyps[to * HYPS_PER_POS], &r->nhyps[to], x);
    }
}

/* Marks the units of the best path, walking back from hypothesis i; each
 * is labelled with the codec its whole run of units agrees on. */
static void mark_chosen(mf_repair *r, int32_t i)
{
    uint32_t run = 0, run_inner = 0;
    for (; i >= 0; i = r->hyps[i].from) {
        const mf_hyp *h = &r->hyps[i];
        if (h->unit < 0)
            continue;
        mf_unit *x = &r->units[h->unit];
        if (!(run & h->codecs) || run_inner != h->inner) {
            run = h->codecs;
            run_inner = h->inner;
        }
        run &= h->codecs;
        x->chosen = 1;
        x->codec = (uint8_t)__builtin_ctz(run & x->codecs);
    }
}

/* The best reading of the whole window under the model: which units to
 * decode. Returns through *saved its cost relative to keeping everything. A
 * hypothesis remembers the path (codecs and depth) its last units agree on,
 * so that a window broken along one path is read along it, and a switch of
 * path (a line pasted together from two sources) pays. */
static int search_window(mf_repair *r, int32_t *saved)
{
    for (size_t i = 0; i < r->nunits; i++)
        r->units[i].chosen = 0;
    *saved = 0;
    if (r->nunits == 0)
        return MF_OK;
    if (reserve_hyps(r, count_slots(r)) != MF_OK)
        return MF_ERR_NOMEM;
    r->nhyps[0] = 1;
    r->hyps[0] = (mf_hyp){0, 0, -1, -1, 0, 0, 0};
    size_t slot = 0, u = 0;
    while (u < r->nunits) {
        size_t a = r->units[u].start, b = a + r->units[u].len;
        for (size_t v = u + 1; v < r->nunits && r->units[v].start <= b; v++)
            if (r->units[v].start + r->units[v].len > b)
                b = r->units[v].start + r->units[v].len;
        for (int h = 0; h < r->nhyps[slot]; h++)
            r->hyps[slot * HYPS_PER_POS + (size_t)h].last = a > 0 ? r->chars.v[a - 1].cp : MF_CP_BOUNDARY;
        memset(&r->nhyps[slot + 1], 0, (b - a) * sizeof *r->nhyps);
        for (size_t p = a; p < b; p++)
            extend(r, slot + (p - a), p, &u);
        carry(r, slot + (b - a), a, b, slot + (b - a) + 1);
        slot += b - a + 1;
    }
    int best = 0;
    for (int h = 1; h < r->nhyps[slot]; h++)
        if (r->hyps[slot * HYPS_PER_POS + (size_t)h].cost < r->hyps[slot * HYPS_PER_POS + (size_t)best].cost)
            best = h;
    *saved = r->hyps[slot * HYPS_PER_POS + (size_t)best].cost;
    mark_chosen(r, (int32_t)(slot * HYPS_PER_POS + (size_t)best));
    return MF_OK;
}

/* The language costs of the window as it stands, in every language, and
 * the scripts of its letters. Readings differ from it only in their units,
 * whose characters are all non-ASCII and so weighed one by one, without
 * context: each reading is weighed by what its units change. */
static int weigh_window(mf_repair *r)
{
    if (r->text_cap < r->chars.n || !r->all) {
        uint32_t *t = realloc(r->text, (r->chars.n + 1) * sizeof *t);
        int32_t *a = r->all ? r->all : malloc(mf_lang_count * sizeof *a);
        if (t)
            r->text = t, r->text_cap = r->chars.n + 1;
        r->all = a;
        if (!t || !a)
            return MF_ERR_NOMEM;
    }
    memset(r->all, 0, mf_lang_count * sizeof *r->all);
    memset(r->scripts, 0, sizeof r->scripts);
    for (size_t i = 0; i < r->chars.n; i++) {
        r->text[i] = r->chars.v[i].cp;
        r->scripts[mf_script_of(r->text[i])]++;
    }
    mf_language_costs(r->text, r->chars.n, NULL, mf_lang_count, r->all);
    r->nlangs = 0;
    return MF_OK;
}

/* The language row of a character of a unit: NULL for a space that stood
 * for U+00A0 (not weighed) or a letter no language writes. */
static const uint8_t *unit_row(uint32_t cp, int32_t *unknown)
{
    if (cp < 0x80)
        return NULL;
    const uint8_t *row = mf_language_row(cp);
    if (!row)
        *unknown += mf_repair_cost.unknown_letter;
    return row;
}

/* What the chosen units change in the window's cost in each of n
 * languages (langs[i], or i when langs is NULL). */
static void units_delta(const mf_repair *r, const uint16_t *langs, size_t n, int32_t *delta)
{
    memset(delta, 0, n * sizeof *delta);
    for (size_t i = 0; i < r->nunits; i++) {
        const mf_unit *x = &r->units[i];
        if (!x->chosen)
            continue;
        int32_t gained = 0, lost = 0;
        const uint8_t *add = unit_row(x->cp, &gained), *sub[255];
        for (size_t j = 0; j < x->len; j++)
            sub[j] = unit_row(r->text[x->start + j], &lost);
        for (size_t l = 0; l < n; l++) {
            size_t lang = langs ? langs[l] : l;
            int32_t d = gained - lost + (add ? add[lang] : 0);
            for (size_t j = 0; j < x->len; j++)
                d -= sub[j] ? sub[j][lang] : 0;
            delta[l] += d;
        }
    }
}

/* Keeps the languages that fit the first reading best: the others are not
 * weighed again for this window. */
static int choose_languages(mf_repair *r)
{
    int32_t *delta = malloc(mf_lang_count * sizeof *delta);
    if (!delta)
        return MF_ERR_NOMEM;
    units_delta(r, NULL, mf_lang_count, delta);
    for (size_t l = 0; l < mf_lang_count; l++) {
        int32_t cost = r->all[l] + delta[l];
        size_t at = r->nlangs < MAX_LANGS ? r->nlangs++ : MAX_LANGS;
        while (at > 0 && r->base[at - 1] + r->first[at - 1] > cost) {
            if (at < MAX_LANGS) {
                r->langs[at] = r->langs[at - 1];
                r->base[at] = r->base[at - 1];
                r->first[at] = r->first[at - 1];
            }
            at--;
        }
        if (at < MAX_LANGS) {
            r->langs[at] = (uint16_t)l;
            r->base[at] = r->all[l];
            r->first[at] = delta[l];
        }
    }
    free(delta);
    return MF_OK;
}

/* What the decoded letters pay for standing alone in their script: a
 * single Han character or Indic sign decoded in a Cyrillic line is a
 * coincidence of bytes, not the text that was broken. */
static int32_t intruder_cost(const mf_repair *r)
{
    int count[MF_SCRIPT_COUNT], most = 0;
    memcpy(count, r->scripts, sizeof count);
    for (size_t i = 0; i < r->nunits; i++) {
        const mf_unit *x = &r->units[i];
        if (!x->chosen)
            continue;
        count[mf_script_of(x->cp)]++;
        for (size_t j = x->start; j < x->start + x->len; j++)
            count[mf_script_of(r->text[j])]--;
    }
    for (int s = 1; s < MF_SCRIPT_COUNT; s++)
        if (count[s] > most)
            most = count[s];
    int32_t cost = 0;
    for (size_t i = 0; i < r->nunits; i++) {
        if (!r->units[i].chosen)
            continue;
        int s = mf_script_of(r->units[i].cp);
        if (s != MF_SCRIPT_NONE && count[s] == 1 && most >= 2)
            cost += mf_repair_cost.intruder;
    }
    return cost;
}

/* The cost of the window's characters, as the chosen units would make them,
 * in the language they fit best. */
static int language_cost(mf_repair *r, int32_t *cost)
{
    if (r->nlangs == 0 && choose_languages(r) != MF_OK)
        return MF_ERR_NOMEM;
    int32_t delta[MAX_LANGS];
    units_delta(r, r->langs, r->nlangs, delta);
    *cost = INT32_MAX;
    for (size_t l = 0; l < r->nlangs; l++)
        if (r->base[l] + delta[l] < *cost)
            *cost = r->base[l] + delta[l];
    *cost += intruder_cost(r);
    return MF_OK;
}

/* The runs of chosen units along one path that are long enough to show the
 * window is broken along it. */
static void confirm_paths(mf_repair *r)
{
    r->nconfirmed = 0;
    mf_unit *prev = NULL;
    int run = 0;
    for (size_t i = 0; i <= r->nunits; i++) {
        mf_unit *x = i < r->nunits ? &r->units[i] : NULL;
        if (x && !x->chosen)
            continue;
        int same = x && prev && prev->codec == x->codec && prev->inner == x->inner;
        if (!same && run >= mf_repair_cost.confirm_units && r->nconfirmed < MAX_CONFIRMED)
            r->confirmed[r->nconfirmed++] = (mf_path){1u << prev->codec, prev->inner};
        run = same ? run + 1 : 1;
        prev = x;
    }
}

/* The reading's cost: the model's, plus its characters in the language they
 * fit best. */
static int search_scored(mf_repair *r, mf_ban ban, int32_t *total)
{
    int32_t saved;
    r->ban = ban;
    int32_t lang;
    if (search_window(r, &saved) != MF_OK || language_cost(r, &lang) != MF_OK)
        return MF_ERR_NOMEM;
    *total = saved + lang;
    return MF_OK;
}

#define MAX_RIVALS 8

/* The best reading, and its rivals: twin codecs (cp1252 and Latin-9, cp1250
 * and Latin-2) read a letter or two differently, and only the language of
 * the whole window tells which is right. So each reading of a chosen unit
 * that has a rival is banned in turn, wherever it stands in the window, and
 * the language decides. */
static int search_rivals(mf_repair *r, int32_t *best_total)
{
    const mf_ban none = {0, 0};
    if (search_scored(r, none, best_total) != MF_OK)
        return MF_ERR_NOMEM;
    mf_ban rivals[MAX_RIVALS], best = none;
    int n = 0;
    for (size_t i = 0; i < r->nunits; i++) {
        const mf_unit *x = &r->units[i];
        r->units[i].chosen_best = x->chosen ? x->codec + 1 : 0;
        if (!x->chosen || !x->rival || n == MAX_RIVALS)
            continue;
        int seen = 0;
        for (int j = 0; j < n; j++)
            seen |= rivals[j].codecs == x->codecs && rivals[j].cp == x->cp;
        if (!seen)
            rivals[n++] = (mf_ban){x->cp, x->codecs};
    }
    for (int j = 0; j < n; j++) {
        int32_t total;
        if (search_scored(r, rivals[j], &total) != MF_OK)
            return MF_ERR_NOMEM;
        if (total < *best_total) {
            *best_total = total;
            best = rivals[j];
            for (size_t i = 0; i < r->nunits; i++)
                r->units[i].chosen_best = r->units[i].chosen ? r->units[i].codec + 1 : 0;
        }
    }
    r->ban = best;
    for (size_t i = 0; i < r->nunits; i++) {
        r->units[i].chosen = r->units[i].chosen_best != 0;
        r->units[i].codec = (uint8_t)(r->units[i].chosen_best - r->units[i].chosen);
    }
    return MF_OK;
}

/* Chooses the units to decode: the best reading under the model, if the
 * language of its characters does not make keeping the window better. Once
 * a reading has found several units along a path, the window is known to be
 * broken along it, and a last search decodes that path's units on the
 * evidence of the text alone. */
static int search_all(mf_repair *r, int *any)
{
    int32_t saved;
    r->nconfirmed = 0;
    r->ban = (mf_ban){0, 0};
    if (search_window(r, &saved) != MF_OK)
        return MF_ERR_NOMEM;
    for (size_t i = 0; i < r->nunits; i++)
        *any |= r->units[i].chosen;
    if (!*any)
        return MF_OK; /* the model alone keeps the window: no language needed */
    if (weigh_window(r) != MF_OK)
        return MF_ERR_NOMEM;
    for (int pass = 0; pass < 2; pass++) {
        /* Rivals again only if the first pass found one better. */
        int32_t reading;
        int rc = pass == 0 || r->ban.codecs ? search_rivals(r, &reading)
                                            : search_scored(r, r->ban, &reading);
        if (rc != MF_OK)
            return MF_ERR_NOMEM;
        for (size_t i = 0; i < r->nunits; i++)
            r->units[i].chosen_before = r->units[i].chosen, r->units[i].chosen = 0;
        int32_t keep;
        if (language_cost(r, &keep) != MF_OK)
            return MF_ERR_NOMEM;
        *any = reading < keep;
        if (!*any)
            return MF_OK;
        for (size_t i = 0; i < r->nunits; i++)
            r->units[i].chosen = r->units[i].chosen_before;
        confirm_paths(r);
        if (r->nconfirmed == 0)
            break;
    }
    return MF_OK;
}

/* Replaces each chosen unit's characters by the one it decodes to. */
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
        out[n++] = (mf_char){x->cp, c[i].start, c[i + x->len - 1].end,
                             (uint32_t)(x->codec + 1) | x->inner << 8, x->levels, 0};
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
    return c->levels || ((c->flags & MF_CHAR_INVALID) && (rules & MF_RULE_INVALID_UTF8));
}

static int same_rule(const mf_char *a, const mf_char *b)
{
    return a->levels == b->levels && a->chain == b->chain;
}

/* Each run of changed characters under one rule becomes one edit. */
static int emit_edits(const mf_repair *r, unsigned rules, mf_edits *edits)
{
    const mf_char *c = r->chars.v;
    char buf[256];
    for (size_t i = 0; i < r->chars.n;) {
        if (!changed(&c[i], rules)) {
            i++;
            continue;
        }
        mf_edit_rec rec = {c[i].start, 0, 0, 0, c[i].chain, c[i].levels,
                           c[i].levels ? 0 : MF_EDIT_INVALID};
        size_t len = 0;
        size_t j = i;
        for (; j < r->chars.n && changed(&c[j], rules) && same_rule(&c[i], &c[j]) &&
               len + 4 <= sizeof buf;
             j++)
            len += (size_t)mf_utf8_encode(c[j].cp, buf + len);
        rec.end = c[j - 1].end;
        if (mf_edits_add(edits, &rec, buf, len) != MF_OK)
            return MF_ERR_NOMEM;
        i = j;
    }
    return MF_OK;
}

int mf_repair_window(mf_repair *r, const uint8_t *buf, size_t len, unsigned rules,
                     mf_edits *edits)
{
    int rc = mf_decode_window(buf, len, &r->chars);
    if (rc == MF_OK && (rules & MF_RULE_MOJIBAKE)) {
        int any = 0;
        rc = find_units(r);
        if (rc == MF_OK && r->nunits)
            rc = search_all(r, &any);
        if (rc == MF_OK && any)
            rc = apply_units(r);
    }
    return rc == MF_OK ? emit_edits(r, rules, edits) : rc;
}
