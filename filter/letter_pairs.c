/* letter_pairs.c: which pairs of adjacent letters a language writes
 * (plausibility.h). A letter model knows "ø" and "í" as Danish and Czech
 * letters; only their pairs tell "pøímo" from "přímo", and a permutation of
 * Cyrillic letters ("ЙЪРЯМОЙН") from Bulgarian. */
#include <string.h>

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

/* Languages the counts below hold, at most (gen_model.c's MAX_LANGS). */
#define MAX_LANGS 512

/* b's bits one to a byte: bit i to byte i of the value (its bits 8i on). */
static uint64_t spread(uint8_t b)
{
    uint64_t x = b;
    x = (x | x << 28) & 0x0000000F0000000Full;
    x = (x | x << 14) & 0x0003000300030003ull;
    return (x | x << 7) & 0x0101010101010101ull;
}

/* Adds, per language, unseen for each pair counted in count (a byte per
 * language, eight to a word), up to cap of them. */
static void add_unseen(const uint64_t *count, const uint16_t *langs, size_t nlangs,
                       int32_t unseen, int32_t cap, int32_t *costs)
{
    for (size_t i = 0; i < nlangs; i++) {
        size_t l = langs ? langs[i] : i;
        int32_t n = (int32_t)(count[l / 8] >> (8 * (l % 8)) & 0xFF);
        costs[i] += (n < cap ? n : cap) * unseen;
    }
}

/* A few languages: each pair's bit looked up for each of them. */
static void count_few(const uint8_t *r1, const uint8_t *r2, const uint16_t *langs, size_t nlangs,
                      uint8_t *few)
{
    for (size_t i = 0; i < nlangs; i++)
        few[i] += !(r1[langs[i] / 8] & r2[langs[i] / 8] & 1u << langs[i] % 8);
}

static void add_few(uint8_t *few, size_t nlangs, int32_t unseen, int32_t cap, int32_t *costs)
{
    for (size_t i = 0; i < nlangs; i++) {
        costs[i] += (few[i] < cap ? few[i] : cap) * unseen;
        few[i] = 0;
    }
}

void mf_letter_pair_costs(const uint32_t *text, size_t n, const uint16_t *langs, size_t nlangs,
                          int32_t unseen, int32_t cap, int32_t *costs)
{
    size_t stride = (mf_lang_count + 7) / 8;
    if (stride > MAX_LANGS / 8 || nlangs > MAX_LANGS) /* not reached: gen_model writes no more */
        return;
    /* Many languages: every language's count at once, a byte each, eight to
     * a word; a few: a byte each, looked up one by one. */
    int many = !langs || nlangs * 4 > mf_lang_count;
    uint64_t count[MAX_LANGS / 8];
    uint8_t few[MAX_LANGS];
    memset(count, 0, stride * sizeof *count);
    memset(few, 0, nlangs);
    size_t k = 0;
    uint32_t prev = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && text[i] == 0xFFFD) /* a letter lost: the word goes on */
            continue;
        uint32_t key = i < n ? pair_key(text[i]) : 0;
        if (prev > 26 || key > 26) { /* ASCII pairs and edges: the ASCII bigrams */
            uint32_t h = mf_pair_hash(prev, key);
            const uint8_t *r1 = &mf_lang_pair_seen[h % MF_PAIR_BUCKETS * stride];
            const uint8_t *r2 = &mf_lang_pair_seen[h / MF_PAIR_BUCKETS % MF_PAIR_BUCKETS * stride];
            if (many)
                for (size_t g = 0; g < stride; g++)
                    count[g] += spread((uint8_t)~(r1[g] & r2[g]));
            else
                count_few(r1, r2, langs, nlangs, few);
            k++;
        }
        if (k && (!key || k == WORD_PAIRS)) {
            if (many) {
                add_unseen(count, langs, nlangs, unseen, cap, costs);
                memset(count, 0, stride * sizeof *count);
            } else {
                add_few(few, nlangs, unseen, cap, costs);
            }
            k = 0;
        }
        prev = key;
    }
}
