/* lexicon.h: the promotional vocabulary, as a trie over folded code points
 * (generated into tables/lexicon_tables.c by tables/gen_lexicon.py). */
#ifndef MF_LEXICON_H
#define MF_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* Node k's children are edges [first[k], first[k + 1]), sorted by cp. */
typedef struct mf_trie {
    const uint32_t *edge_cp, *edge_to, *first;
    const uint8_t *final; /* an entry ends at this node */
    uint32_t nodes;
} mf_trie;

extern const mf_trie mf_lexicon;

/* A bitmap of the hashes of every entry's first three UTF-8 bytes (ASCII
 * lowercased), for a byte-level look at whether a window may hold one. */
#define MF_LEXICON_START_BITS 32768u
extern const uint8_t *const mf_lexicon_starts;

static inline int mf_lexicon_may_start(uint8_t b0, uint8_t b1, uint8_t b2)
{
    b0 |= (b0 >= 'A' && b0 <= 'Z') ? 0x20 : 0;
    b1 |= (b1 >= 'A' && b1 <= 'Z') ? 0x20 : 0;
    b2 |= (b2 >= 'A' && b2 <= 'Z') ? 0x20 : 0;
    unsigned h = ((unsigned)b0 * 961u + (unsigned)b1 * 31u + b2) % MF_LEXICON_START_BITS;
    return (mf_lexicon_starts[h / 8] >> (h % 8)) & 1;
}

/* The code point as the lexicon stores it: Latin, Greek and Cyrillic
 * letters in lower case (tables/gen_lexicon.py folds the same way). */
uint32_t mf_fold(uint32_t cp);

/* The length of the longest entry that text[0..n) begins with, 0 if none. */
size_t mf_trie_longest(const mf_trie *t, const uint32_t *text, size_t n);

#endif
