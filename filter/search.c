/* search.c: the Viterbi search over a window: unit by unit, keep the
 * characters or decode them, for the lowest cost under the character model
 * and the priors of plausibility.c. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "mojifix.h"
#include "plausibility.h"
#include "repair_internal.h"

/* A letter of some alphabet other than ASCII's: mojibake, or a word's own;
 * or U+FFFD, which most often stands for a letter lost from its word (so
 * "ред" between two of them stays, not "।"). */
static int foreign_letter(uint32_t cp)
{
    return cp >= 0x80 && (mf_is_letter(cp) || cp == 0xFFFD);
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
    if (u->lost)
        p += u->lost == MF_LOST_DROPPED    ? mf_repair_cost.lost_dropped
             : u->lost == MF_LOST_REPLACED ? mf_repair_cost.lost_replaced
                                           : mf_repair_cost.lost_question;
    if (u->lost_nbsp_too)
        p += mf_repair_cost.lost_or_nbsp;
    return p;
}

/* ---- the bound ---------------------------------------------------------- */

/* The least any character can cost after another, by the class it is in. */
static int32_t cheapest_into[MF_CL_COUNT];
static pthread_once_t cheapest_once = PTHREAD_ONCE_INIT;

static void find_cheapest(void)
{
    for (int b = 0; b < MF_CL_COUNT; b++) {
        int32_t least = INT32_MAX;
        for (int a = 0; a < MF_CL_COUNT; a++)
            if (mf_model_trans[a][b] < least)
                least = mf_model_trans[a][b];
        cheapest_into[b] = least;
    }
}

/* The least cp can cost after any character: mf_cost_after(x, cp) >= it. */
static int32_t cheapest_after_any(uint32_t cp)
{
    return mf_cost_after(MF_CP_BOUNDARY, cp) - mf_model_trans[MF_CL_BOUNDARY][mf_char_class(cp)] +
           cheapest_into[mf_char_class(cp)];
}

/* A lower bound on what decoding unit x adds to the cost of a reading,
 * against keeping the text, wherever the reading stands: its penalty, plus
 * its character after the cheapest predecessor, less the characters it
 * replaces after theirs and less the most that the character after it can
 * gain from a new predecessor. */
static int32_t least_gain(const mf_repair *r, const mf_unit *x)
{
    const mf_char *c = r->chars.v;
    uint32_t prev = x->start > 0 ? c[x->start - 1].cp : MF_CP_BOUNDARY;
    int32_t kept = 0;
    for (size_t p = x->start; p < (size_t)x->start + x->len; p++) {
        kept += mf_cost_after(prev, c[p].cp);
        prev = c[p].cp;
    }
    size_t after = (size_t)x->start + x->len;
    uint32_t next = after < r->chars.n ? c[after].cp : MF_CP_BOUNDARY;
    int32_t out = mf_cost_after(prev, next) - cheapest_after_any(next);
    return unit_penalty(r, x) + cheapest_after_any(x->cp) - kept - out;
}

/* Whether the search may decode a unit. Every reading that decodes one
 * pays broken_window once, and for each unit at least least_gain (orphans
 * and switches of path only add): when the units' negative bounds do not
 * make up for broken_window, every such reading costs more than keeping
 * the window, at every position, so keeping it is always the best
 * hypothesis (never cut by the beam) and the search decodes nothing. */
int mf_search_may_decode(const mf_repair *r)
{
    pthread_once(&cheapest_once, find_cheapest);
    int32_t best = mf_repair_cost.broken_window;
    for (size_t i = 0; i < r->nunits && best > 0; i++) {
        int32_t g = least_gain(r, &r->units[i]);
        if (g < 0)
            best += g;
    }
    return best <= 0;
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
int mf_search_window(mf_repair *r, int32_t *saved)
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
