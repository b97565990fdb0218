/* lexicon.h: the promotional vocabulary, as a trie over folded code points
 * (generated into tables/lexicon_tables.c by tables/gen_lexicon.py). */
#ifndef MF_LEXICON_H
#define MF_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* A bitmap of the hashes of every entry's first three (folded) characters,
 * 0 for the third of a two-character one: a cheap look at whether a window
 * may hold an entry. */
#define MF_LEXICON_START_BITS 32768u

/* Node k's children are edges [first[k], first[k + 1]), sorted by cp. */
typedef struct mf_trie {
    const uint32_t *edge_cp, *edge_to, *first;
    const uint8_t *final;  /* an entry ends at this node */
    const uint8_t *starts; /* MF_LEXICON_START_BITS bits */
    uint32_t nodes;
} mf_trie;

/* The lists of tables/lexicons, compiled in. */
extern const mf_trie mf_lexicon;

static inline unsigned mf_lexicon_start_hash(uint32_t a, uint32_t b, uint32_t c)
{
    return (((a * 31u + b) * 31u + c) * 2654435761u) >> 17;
}

static inline int mf_lexicon_bit(const mf_trie *t, unsigned h)
{
    return (t->starts[h / 8] >> (h % 8)) & 1;
}

/* The code point as the lexicon stores it: Latin, Greek and Cyrillic
 * letters in lower case (tables/gen_lexicon.py folds the same way). */
uint32_t mf_fold(uint32_t cp);

/* Whether an entry of t may begin with a, b, c (folded; c 0 if there is no
 * third). */
static inline int mf_lexicon_may_start(const mf_trie *t, uint32_t a, uint32_t b, uint32_t c)
{
    return (c && mf_lexicon_bit(t, mf_lexicon_start_hash(a, b, c))) ||
           mf_lexicon_bit(t, mf_lexicon_start_hash(a, b, 0));
}

/* The same, exactly: the bitmap's hashes collide (a few percent of
 * words), so a hit is confirmed in the trie. */
int mf_trie_may_start(const mf_trie *t, uint32_t a, uint32_t b, uint32_t c);

/* Moves *node (0 for the root) along the edge of cp; 0 when there is none.
 * An entry ends at *node when t->final[*node]. */
int mf_trie_step(const mf_trie *t, uint32_t *node, uint32_t cp);

/* The length of the longest entry that text[0..n) begins with, 0 if none. */
size_t mf_trie_longest(const mf_trie *t, const uint32_t *text, size_t n);

/* The trie of the entries of a list in the lexicons' format (one per line,
 * # comments; lines that are not UTF-8, and one-character entries, are
 * skipped) in *out, NULL if it holds none. MF_OK or MF_ERR_NOMEM. */
int mf_trie_build(const char *list, size_t length, mf_trie **out);
void mf_trie_free(mf_trie *t);

#endif
