/* lexicon.c: folding and trie walks for the promotional vocabulary. */
#include "lexicon.h"

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

size_t mf_trie_longest(const mf_trie *t, const uint32_t *text, size_t n)
{
    uint32_t node = 0;
    size_t best = 0;
    for (size_t i = 0; i < n && child(t, node, text[i], &node); i++)
        if (t->final[node])
            best = i + 1;
    return best;
}
