/* letter_pairs.c: which pairs of adjacent letters a language writes
 * (plausibility.h). A letter model knows "ø" and "í" as Danish and Czech
 * letters; only their pairs tell "pøímo" from "přímo", and a permutation of
 * Cyrillic letters ("ЙЪРЯМОЙН") from Bulgarian. */
#include "plausibility.h"

/* Pairs weighed together, at most: a word's, or a long word's piece. */
#define WORD_PAIRS 64

/* A letter's pair key: 1-26 for ASCII letters, 27 on for a letter column
 * (27 + 0xFFFF for a letter no language wrote, whose pairs none wrote
 * either: "œ" in "przenoœnych"); 0 for anything else (it ends a word). */
static uint32_t pair_key(uint32_t cp)
{
    if (cp < 0x80) {
        int a = mf_ascii_letter(cp);
        return a < 0 ? 0 : (uint32_t)a + 1;
    }
    return mf_is_letter(cp) && mf_own_column(cp) ? 27u + mf_char_column[cp] : 0;
}

/* Adds, per language, unseen for each of the k pairs (their two rows each)
 * it never wrote, up to cap of them. */
static void add_unseen(const uint8_t *const *rows, size_t k, const uint16_t *langs,
                       size_t nlangs, int32_t unseen, int32_t cap, int32_t *costs)
{
    for (size_t i = 0; i < nlangs; i++) {
        size_t l = langs ? langs[i] : i, byte = l / 8;
        uint8_t bit = (uint8_t)(1u << l % 8);
        int32_t count = 0;
        for (size_t j = 0; j < k; j++)
            count += !(rows[2 * j][byte] & rows[2 * j + 1][byte] & bit);
        costs[i] += (count < cap ? count : cap) * unseen;
    }
}

void mf_letter_pair_costs(const uint32_t *text, size_t n, const uint16_t *langs, size_t nlangs,
                          int32_t unseen, int32_t cap, int32_t *costs)
{
    size_t stride = (mf_lang_count + 7) / 8;
    const uint8_t *rows[2 * WORD_PAIRS];
    size_t k = 0;
    uint32_t prev = 0;
    for (size_t i = 0; i <= n; i++) {
        uint32_t key = i < n ? pair_key(text[i]) : 0;
        if (prev > 26 || key > 26) { /* ASCII pairs and edges: the ASCII bigrams */
            uint32_t h = mf_pair_hash(prev, key);
            rows[2 * k] = &mf_lang_pair_seen[h % MF_PAIR_BUCKETS * stride];
            rows[2 * k + 1] = &mf_lang_pair_seen[h / MF_PAIR_BUCKETS % MF_PAIR_BUCKETS * stride];
            k++;
        }
        if (k && (!key || k == WORD_PAIRS)) {
            add_unseen(rows, k, langs, nlangs, unseen, cap, costs);
            k = 0;
        }
        prev = key;
    }
}
