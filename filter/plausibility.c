/* plausibility.c: the constants of the repair decision, with their reasons.
 * A repair is made when the decoded text, with these priors added, costs
 * less than what stands there under the model learned from real text. */
#include "plausibility.h"

const mf_repair_costs mf_repair_cost = {
    /* Clean text must never change, so a decode needs evidence beyond a
     * small win; mojibake wins by tens of nats, so this costs it nothing. */
    .decode = 6 * MF_COST_SCALE,
    /* Once a window shows mojibake through a codec, its other units through
     * that codec are mojibake too unless the text says otherwise: a broken
     * line rarely also holds text that merely looks broken. */
    .decode_confirmed = 0,
    .confirm_units = 2,
    /* "Ã " for à: a space stands where U+00A0 was. Spaces are common, so
     * assuming the loss needs much more evidence than a plain decode. */
    .nbsp_lost = 6 * MF_COST_SCALE,
    /* Twice-broken text is rarer than once-broken text. */
    .level = 4 * MF_COST_SCALE,
    /* One window broken through two codecs happens (pasted text), but much
     * less often than one codec whose near twin decodes a letter or two
     * differently; the twin's reading must win by more than this. */
    .codec_mix = 8 * MF_COST_SCALE,
};
