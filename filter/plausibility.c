/* plausibility.c: the constants of the repair decision, with their reasons,
 * and the alphabet test. A repair is made when the decoded text, with these
 * priors added, costs less than what stands there under the model learned
 * from real text. */
#include "plausibility.h"

const mf_repair_costs mf_repair_cost = {
    /* Clean text must never change, so a decode needs evidence beyond a
     * small win; mojibake wins by tens of nats, so this costs it nothing. */
    .decode = 6 * MF_COST_SCALE,
    /* Once a window shows mojibake along a path, its other units along that
     * path are mojibake too unless the text says otherwise: a broken line
     * rarely also holds text that merely looks broken. */
    .decode_confirmed = 0,
    .confirm_units = 2,
    /* "Ã " for à: a space stands where U+00A0 was. Spaces are common, so
     * assuming the loss needs much more evidence than a plain decode. */
    .nbsp_lost = 6 * MF_COST_SCALE,
    /* Twice-broken text is rarer than once-broken text. */
    .level = 4 * MF_COST_SCALE,
    /* One window broken along two paths happens (pasted text), but much less
     * often than a near twin codec decoding a letter or two differently; the
     * twin's reading must win by more than this, for each path and each
     * letter it reads otherwise. */
    .codec_mix = 8 * MF_COST_SCALE,
    /* A line is written in one language, in one alphabet: mojibake mixes
     * letters that no language writes together (Ã, Ð, ¤ ...), and a wrong
     * reading of a twin codec brings in a letter of another language. */
    .misfit = 4 * MF_COST_SCALE,
};

/* The index of cp in mf_alphabet_letters, or -1 if no language writes it. */
static long letter_index(uint32_t cp)
{
    size_t lo = 0, hi = mf_alphabet_letter_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (mf_alphabet_letters[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < mf_alphabet_letter_count && mf_alphabet_letters[lo] == cp ? (long)lo : -1;
}

int mf_alphabet_misfits(const uint32_t *letters, size_t n)
{
    long idx[64];
    int unknown = 0;
    size_t m = 0;
    for (size_t i = 0; i < n && m < 64; i++) {
        long k = letter_index(letters[i]);
        if (k < 0)
            unknown++;
        else
            idx[m++] = k;
    }
    int best = (int)m;
    for (size_t l = 0; l < mf_alphabet_count && best > 0; l++) {
        const uint64_t *bits = &mf_alphabets[l * mf_alphabet_words];
        int misses = 0;
        for (size_t i = 0; i < m; i++)
            misses += !(bits[idx[i] / 64] >> (idx[i] % 64) & 1);
        if (misses < best)
            best = misses;
    }
    return unknown + best;
}
