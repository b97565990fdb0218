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
    /* A letter no language of the corpus writes costs about what a letter
     * costs in a language that never showed it: ln(20000 / 0.1). */
    .unknown_letter = 12 * MF_COST_SCALE,
    /* Mojibake of a word is mojibake throughout: a decoded unit right beside
     * a non-ASCII letter left as it is reads one letter of a correct word
     * as if it were broken (Uzbek "Рўйхат" is not "Тйхат"). */
    .orphan = 8 * MF_COST_SCALE,
};

/* The column of cp in mf_lang_letter_cost, or -1. */
static int letter_column(uint32_t cp)
{
    size_t lo = 0, hi = mf_letter_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (mf_letters[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < mf_letter_count && mf_letters[lo].cp == cp ? mf_letters[lo].column : -1;
}

void mf_letter_bag_add(mf_letter_bag *bag, uint32_t cp)
{
    if (!mf_is_letter(cp) && cp < 0x80)
        return;
    int col = mf_is_letter(cp) ? letter_column(cp)
                               : (int)(mf_letter_columns + mf_char_class(cp));
    if (col < 0) {
        bag->unknown++;
        return;
    }
    for (size_t i = 0; i < bag->n; i++)
        if (bag->column[i] == col) {
            bag->count[i]++;
            return;
        }
    if (bag->n < MF_LETTER_BAG_MAX) {
        bag->column[bag->n] = (uint16_t)col;
        bag->count[bag->n++] = 1;
    }
}

/* A line is written in one language: mojibake mixes letters that no
 * language writes together (Ã, Ð, ¤ ...), and a wrong reading of a twin
 * codec brings in a letter of another language. */
int32_t mf_letter_bag_cost(const mf_letter_bag *bag)
{
    int64_t best = INT64_MAX;
    for (size_t l = 0; l < mf_lang_count; l++) {
        const uint8_t *cost = &mf_lang_letter_cost[l * (mf_letter_columns + MF_CL_COUNT)];
        int64_t sum = 0;
        for (size_t i = 0; i < bag->n; i++)
            sum += (int64_t)bag->count[i] * cost[bag->column[i]];
        if (sum < best)
            best = sum;
    }
    if (best == INT64_MAX)
        best = 0;
    best += (int64_t)bag->unknown * mf_repair_cost.unknown_letter;
    return best > INT32_MAX / 2 ? INT32_MAX / 2 : (int32_t)best;
}
