/* plausibility.c: the constants of the repair decision, with their reasons,
 * and the language costs. A repair is made when the decoded text, with these
 * priors added, costs less than what stands there under the model learned
 * from real text. */
#include "plausibility.h"

const mf_repair_costs mf_repair_cost = {
    /* Most text is not broken: the first unit of a window pays for the
     * claim that it is, so one lone coincidence of bytes needs more
     * evidence than each unit of a line that is broken throughout. */
    .broken_window = 4 * MF_COST_SCALE,
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
    /* A sequence that lost bytes its codec leaves undefined is only looked
     * for along codecs a first reading of the window decodes (and pays as
     * any unit there), and is read as the character that fits it best; so
     * these price only the claim that a byte was lost rather than the text
     * being what it is. U+FFFD after a lead byte says so by itself; a '?'
     * or a lead byte with nothing after it (`Ã` for Á, `Ñ` for с) is also
     * ordinary text, and must be the better reading by more. */
    .lost_replaced = 2 * MF_COST_SCALE,
    .lost_question = 3 * MF_COST_SCALE,
    .lost_dropped = 3 * MF_COST_SCALE,
    /* A lead byte and a space: a no-break space lost to a space (`Ã ` for
     * à) explains the space as well, and a byte dropped before it leaves
     * the space to chance; so the dropped byte must fit better by more. */
    .lost_or_nbsp = 9 * MF_COST_SCALE,
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
    /* A line is written in a script or two; a decoded letter that is the only
     * one of its script in a line written in another is a coincidence of
     * bytes more often than the text that was broken ("дії" is not "䳿"). */
    .intruder = 12 * MF_COST_SCALE,
};

/* The column of a non-ASCII character in mf_lang_letter_cost: its own, or
 * its class's; -1 for a character no language of the corpus writes. */
static int column_of(uint32_t cp)
{
    if (!mf_own_column(cp))
        return (int)(mf_letter_columns + mf_char_class(cp));
    return mf_char_column[cp] == 0xFFFF ? -1 : mf_char_column[cp];
}

const uint8_t *mf_language_row(uint32_t cp)
{
    int col = column_of(cp);
    return col < 0 ? NULL : &mf_lang_letter_cost[(size_t)col * mf_lang_count];
}

static void add_row(const uint8_t *row, const uint16_t *langs, size_t nlangs, int32_t *costs)
{
    if (langs)
        for (size_t l = 0; l < nlangs; l++)
            costs[l] += row[langs[l]];
    else
        for (size_t l = 0; l < nlangs; l++)
            costs[l] += row[l];
}

/* A language's model of text: ASCII letters by the one before them, other
 * non-ASCII characters by themselves (letters) or their class; ASCII
 * punctuation, digits and spaces are common to all and left out. */
void mf_language_costs(const uint32_t *text, size_t n, const uint16_t *langs, size_t nlangs,
                       int32_t *costs)
{
    int prev = 26;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = text[i];
        int a = mf_ascii_letter(cp);
        if (a >= 0) {
            add_row(&mf_lang_ascii_cost[((size_t)prev * 26 + (size_t)a) * mf_lang_count], langs,
                    nlangs, costs);
            prev = a;
            continue;
        }
        prev = 26;
        if (cp < 0x80)
            continue;
        const uint8_t *row = mf_language_row(cp);
        if (row) {
            add_row(row, langs, nlangs, costs);
            continue;
        }
        for (size_t l = 0; l < nlangs; l++)
            costs[l] += mf_repair_cost.unknown_letter;
    }
}
