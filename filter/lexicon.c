/* lexicon.c: folding, trie walks, and tries built from a user's list. */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "grow.h"
#include "mojifix.h"

uint32_t mf_fold(uint32_t cp)
{
    if ((cp >= 0x41 && cp <= 0x5A) || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
        return cp + 0x20;
    if (cp < 0x100)
        return cp;
    if (((cp <= 0x137) || (cp >= 0x14A && cp <= 0x177) || (cp >= 0x1E00 && cp <= 0x1EFF)) &&
        cp % 2 == 0)
        return cp + 1;
    if (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1)
        return cp + 1;
    if (cp == 0x1A0 || cp == 0x1AF) /* Vietnamese horned o and u */
        return cp + 1;
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
        return cp + 0x20;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 0x50;
    return cp;
}

static int child(const mf_trie *t, uint32_t node, uint32_t cp, uint32_t *next)
{
    uint32_t lo = t->first[node], hi = t->first[node + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (t->edge_cp[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == t->first[node + 1] || t->edge_cp[lo] != cp)
        return 0;
    *next = t->edge_to[lo];
    return 1;
}

int mf_trie_step(const mf_trie *t, uint32_t *node, uint32_t cp)
{
    return child(t, *node, cp, node);
}

int mf_trie_may_start(const mf_trie *t, uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t node = 0;
    if (!mf_lexicon_may_start(t, a, b, c) || !child(t, 0, a, &node) || !child(t, node, b, &node))
        return 0;
    return t->final[node] || (c && child(t, node, c, &node));
}

size_t mf_trie_longest(const mf_trie *t, const uint32_t *text, size_t n)
{
    uint32_t node = 0;
    size_t best = 0;
    for (size_t i = 0; i < n && child(t, node, text[i], &node); i++)
        if (t->final[node])
            best = i + 1;
    return best;
}

/* ---- tries built at run time, from a user's list ---------------------- */

/* A trie under construction: per node, its children as a linked list. */
typedef struct building {
    uint32_t *cp, *child, *next, *head; /* per edge: cp, target, next sibling; per node: first */
    uint8_t *final;
    size_t nodes, edges, node_cap, edge_cap, cp_cap, child_cap, next_cap, final_cap;
} building;

static int add_node(building *b)
{
    uint32_t *head = mf_grow(b->head, &b->node_cap, b->nodes + 1, sizeof *head);
    if (head)
        b->head = head;
    uint8_t *final = mf_grow(b->final, &b->final_cap, b->nodes + 1, 1);
    if (final)
        b->final = final;
    if (!head || !final)
        return -1;
    b->head[b->nodes] = UINT32_MAX;
    b->final[b->nodes] = 0;
    return (int)b->nodes++;
}

/* The child of node under cp, made if need be; UINT32_MAX when out of memory. */
static uint32_t child_of(building *b, uint32_t node, uint32_t cp)
{
    for (uint32_t e = b->head[node]; e != UINT32_MAX; e = b->next[e])
        if (b->cp[e] == cp)
            return b->child[e];
    int made = add_node(b);
    uint32_t *c = mf_grow(b->cp, &b->cp_cap, b->edges + 1, sizeof *c);
    if (c)
        b->cp = c;
    uint32_t *t = mf_grow(b->child, &b->child_cap, b->edges + 1, sizeof *t);
    if (t)
        b->child = t;
    uint32_t *n = mf_grow(b->next, &b->next_cap, b->edges + 1, sizeof *n);
    if (n)
        b->next = n;
    if (made < 0 || !c || !t || !n)
        return UINT32_MAX;
    b->cp[b->edges] = cp;
    b->child[b->edges] = (uint32_t)made;
    b->next[b->edges] = b->head[node];
    b->head[node] = (uint32_t)b->edges++;
    return (uint32_t)made;
}

static void set_start(uint8_t *starts, const uint32_t *w, size_t n)
{
    unsigned h = mf_lexicon_start_hash(w[0], w[1], n > 2 ? w[2] : 0);
    starts[h / 8] |= (uint8_t)(1u << (h % 8));
}

/* Adds one line of a list: folded, blanks dropped, as gen_lexicon.py does.
 * Returns -1 when out of memory. */
static int add_line(building *b, uint8_t *starts, const uint8_t *p, size_t n)
{
    uint32_t word[64];
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = mf_utf8_decode(p + i, n - i, &cp);
        if (k == 0 || len == sizeof word / sizeof *word)
            return 0; /* not UTF-8, or too long to be an entry: skipped */
        i += (size_t)k;
        if (cp == '#' && len == 0)
            return 0;
        if (cp != ' ' && cp != '\t' && cp != '\r')
            word[len++] = mf_fold(cp);
    }
    if (len < 2)
        return 0;
    uint32_t node = 0;
    for (size_t i = 0; i < len && node != UINT32_MAX; i++)
        node = child_of(b, node, word[i]);
    if (node == UINT32_MAX)
        return -1;
    b->final[node] = 1;
    set_start(starts, word, len);
    return 0;
}

static int by_cp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Lays the linked children out as mf_trie arrays, each node's edges sorted. */
static mf_trie *flatten(building *b, uint8_t *starts)
{
    mf_trie *t = calloc(1, sizeof *t);
    uint32_t *first = malloc((b->nodes + 1) * sizeof *first);
    uint32_t *cp = malloc((b->edges + 1) * sizeof *cp), *to = malloc((b->edges + 1) * sizeof *to);
    uint64_t *pairs = malloc((b->edges + 1) * sizeof *pairs);
    if (!t || !first || !cp || !to || !pairs) {
        free(t), free(first), free(cp), free(to), free(pairs);
        return NULL;
    }
    size_t at = 0;
    for (size_t k = 0; k < b->nodes; k++) {
        first[k] = (uint32_t)at;
        size_t n = 0;
        for (uint32_t e = b->head[k]; e != UINT32_MAX; e = b->next[e])
            pairs[n++] = (uint64_t)b->cp[e] << 32 | b->child[e];
        qsort(pairs, n, sizeof *pairs, by_cp);
        for (size_t i = 0; i < n; i++, at++) {
            cp[at] = (uint32_t)(pairs[i] >> 32);
            to[at] = (uint32_t)pairs[i];
        }
    }
    first[b->nodes] = (uint32_t)at;
    free(pairs);
    *t = (mf_trie){cp, to, first, b->final, starts, (uint32_t)b->nodes};
    b->final = NULL; /* now the trie's */
    return t;
}

int mf_trie_build(const char *list, size_t length, mf_trie **out)
{
    building b = {0};
    uint8_t *starts = calloc(MF_LEXICON_START_BITS / 8, 1);
    mf_trie *t = NULL;
    int rc = starts && add_node(&b) == 0 ? 0 : -1;
    const uint8_t *p = (const uint8_t *)list, *end = p + length;
    while (rc == 0 && p < end) {
        const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
        const uint8_t *line_end = nl ? nl : end;
        while (p < line_end && (*p == ' ' || *p == '\t'))
            p++;
        rc = add_line(&b, starts, p, (size_t)(line_end - p));
        p = nl ? nl + 1 : end;
    }
    if (rc == 0 && b.edges && !(t = flatten(&b, starts)))
        rc = -1;
    if (!t)
        free(starts);
    free(b.cp), free(b.child), free(b.next), free(b.head), free(b.final);
    *out = t;
    return rc == 0 ? MF_OK : MF_ERR_NOMEM;
}

void mf_trie_free(mf_trie *t)
{
    if (!t)
        return;
    free((void *)t->edge_cp), free((void *)t->edge_to), free((void *)t->first);
    free((void *)t->final), free((void *)t->starts);
    free(t);
}
