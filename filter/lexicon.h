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

/* The code point as the lexicon stores it: Latin, Greek and Cyrillic
 * letters in lower case (tables/gen_lexicon.py folds the same way). */
uint32_t mf_fold(uint32_t cp);

/* The length of the longest entry that text[0..n) begins with, 0 if none. */
size_t mf_trie_longest(const mf_trie *t, const uint32_t *text, size_t n);

#endif
