/* compose.c: applying edits, and composing two rounds of them. */
#include "compose.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "mojifix.h"

static int put(uint8_t **out, size_t *cap, size_t *n, const void *p, size_t len)
{
    uint8_t *q = mf_grow(*out, cap, *n + len + 1, 1);
    if (!q)
        return MF_ERR_NOMEM;
    *out = q;
    if (len)
        memcpy(q + *n, p, len);
    *n += len;
    return MF_OK;
}

int mf_edits_apply(const mf_edits *e, const uint8_t *a, size_t alen, uint8_t **out,
                   size_t *cap, size_t *outlen)
{
    size_t n = 0, at = 0;
    int rc = MF_OK;
    for (size_t i = 0; i < e->n && rc == MF_OK; i++) {
        const mf_edit_rec *r = &e->v[i];
        rc = put(out, cap, &n, a + at, r->start - at);
        if (rc == MF_OK)
            rc = put(out, cap, &n, e->bytes + r->repl_at, r->repl_len);
        at = r->end;
    }
    if (rc == MF_OK)
        rc = put(out, cap, &n, a + at, alen - at);
    *outlen = n;
    return rc;
}

/* Where first's edit k wrote in b: [os, oe). */
typedef struct span {
    uint32_t os, oe;
} span;

static span out_span(const mf_edits *first, size_t k, int64_t delta)
{
    const mf_edit_rec *r = &first->v[k];
    uint32_t os = (uint32_t)((int64_t)r->start + delta);
    return (span){os, os + r->repl_len};
}

static int64_t growth(const mf_edit_rec *r)
{
    return (int64_t)r->repl_len - (int64_t)(r->end - r->start);
}

/* A group: second's edits [g0, g1] and first's [k0, k1) merged into one
 * edit of b's [lo, hi). */
typedef struct group {
    size_t g0, g1, k0, k1;
    uint32_t lo, hi;
} group;

/* Widens the group until no edit of first or second half-overlaps it.
 * delta is first's growth before edit k0. */
static void widen(const mf_edits *first, const mf_edits *second, group *g, int64_t delta)
{
    for (int moved = 1; moved;) {
        moved = 0;
        int64_t d = delta;
        for (size_t k = g->k0; k < first->n; k++) {
            span s = out_span(first, k, d);
            if (s.os >= g->hi)
                break;
            d += growth(&first->v[k]);
            if (s.oe <= g->lo) { /* wholly before (a removal at lo too) */
                g->k0 = k + 1, delta = d;
                continue;
            }
            if (k >= g->k1)
                g->k1 = k + 1, moved = 1;
            if (s.os < g->lo)
                g->lo = s.os, moved = 1;
            if (s.oe > g->hi)
                g->hi = s.oe, moved = 1;
        }
        while (g->g1 + 1 < second->n && second->v[g->g1 + 1].start < g->hi) {
            g->g1++;
            if (second->v[g->g1].end > g->hi)
                g->hi = second->v[g->g1].end;
            moved = 1;
        }
    }
}

/* b's [lo, hi) with second's edits g0..g1 applied, into buf. */
static int group_bytes(const mf_edits *second, const uint8_t *b, const group *g, uint8_t **buf,
                       size_t *cap, size_t *n)
{
    *n = 0;
    uint32_t at = g->lo;
    int rc = MF_OK;
    for (size_t i = g->g0; i <= g->g1 && rc == MF_OK; i++) {
        const mf_edit_rec *r = &second->v[i];
        rc = put(buf, cap, n, b + at, r->start - at);
        if (rc == MF_OK)
            rc = put(buf, cap, n, second->bytes + r->repl_at, r->repl_len);
        at = r->end;
    }
    return rc == MF_OK ? put(buf, cap, n, b + at, g->hi - at) : rc;
}

static int copy_edit(const mf_edits *e, size_t k, mf_edits *out)
{
    const mf_edit_rec *r = &e->v[k];
    return mf_edits_add(out, r, e->bytes + r->repl_at, r->repl_len);
}

/* Emits a group as one edit of a's [lo - delta_lo, hi - delta_hi). */
static int emit_group(const mf_edits *second, const uint8_t *a, const uint8_t *b,
                      const group *g, int64_t delta_lo, int64_t delta_hi, uint8_t **buf,
                      size_t *cap, mf_edits *out)
{
    size_t n;
    int rc = group_bytes(second, b, g, buf, cap, &n);
    mf_edit_rec rec = second->v[g->g0];
    rec.start = (uint32_t)((int64_t)g->lo - delta_lo);
    rec.end = (uint32_t)((int64_t)g->hi - delta_hi);
    if (rc != MF_OK || (n == rec.end - rec.start && !memcmp(*buf, a + rec.start, n)))
        return rc;
    return mf_edits_add(out, &rec, (const char *)*buf, n);
}

int mf_edits_compose(const mf_edits *first, const uint8_t *a, const uint8_t *b,
                     const mf_edits *second, mf_edits *out)
{
    uint8_t *buf = NULL;
    size_t cap = 0, k = 0;
    int64_t delta = 0; /* first's growth before edit k */
    int rc = MF_OK;
    for (size_t i = 0; i < second->n && rc == MF_OK;) {
        group g = {i, i, k, k, second->v[i].start, second->v[i].end};
        widen(first, second, &g, delta);
        for (; k < g.k0 && rc == MF_OK; k++) {
            rc = copy_edit(first, k, out);
            delta += growth(&first->v[k]);
        }
        int64_t inside = 0;
        for (size_t j = g.k0; j < g.k1; j++)
            inside += growth(&first->v[j]);
        if (rc == MF_OK)
            rc = emit_group(second, a, b, &g, delta, delta + inside, &buf, &cap, out);
        delta += inside;
        k = g.k1 > k ? g.k1 : k;
        i = g.g1 + 1;
    }
    for (; k < first->n && rc == MF_OK; k++)
        rc = copy_edit(first, k, out);
    free(buf);
    return rc;
}
