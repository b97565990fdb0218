/* readings.c: weighs readings of a window with the language model, lets
 * rival readings of twin codecs compete, and chooses. */
#include <stdlib.h>
#include <string.h>

#include "mojifix.h"
#include "plausibility.h"
#include "repair_internal.h"

/* The language costs of the window as it stands, in every language, and
 * the scripts of its letters. Readings differ from it only in their units,
 * whose characters are all non-ASCII and so weighed one by one, without
 * context: each reading is weighed by what its units change. */
static int weigh_window(mf_repair *r)
{
    if (r->text_cap < r->chars.n || !r->all) {
        uint32_t *t = realloc(r->text, (r->chars.n + 1) * sizeof *t);
        int32_t *a = r->all ? r->all : malloc(mf_lang_count * sizeof *a);
        if (t)
            r->text = t, r->text_cap = r->chars.n + 1;
        r->all = a;
        if (!t || !a)
            return MF_ERR_NOMEM;
    }
    memset(r->all, 0, mf_lang_count * sizeof *r->all);
    memset(r->scripts, 0, sizeof r->scripts);
    for (size_t i = 0; i < r->chars.n; i++) {
        r->text[i] = r->chars.v[i].cp;
        r->scripts[mf_script_of(r->text[i])]++;
    }
    mf_language_costs(r->text, r->chars.n, NULL, mf_lang_count, r->all);
    r->nlangs = 0;
    return MF_OK;
}

/* The language row of a character of a unit: NULL for a space that stood
 * for U+00A0 (not weighed) or a letter no language writes. */
static const uint8_t *unit_row(uint32_t cp, int32_t *unknown)
{
    if (cp < 0x80)
        return NULL;
    const uint8_t *row = mf_language_row(cp);
    if (!row)
        *unknown += mf_repair_cost.unknown_letter;
    return row;
}

/* Adds sign * row[lang] to delta[l] for each of n languages (langs[l], or
 * l when langs is NULL); nothing for a NULL row. */
static void add_rows(const uint8_t *row, int32_t sign, const uint16_t *langs, size_t n,
                     int32_t *delta)
{
    if (!row)
        return;
    if (langs)
        for (size_t l = 0; l < n; l++)
            delta[l] += sign * row[langs[l]];
    else
        for (size_t l = 0; l < n; l++)
            delta[l] += sign * row[l];
}

/* What decoding unit x changes in the window's cost, added to delta[i] for
 * each of n languages (langs[i], or i when langs is NULL). */
static void unit_delta(const mf_repair *r, const mf_unit *x, const uint16_t *langs, size_t n,
                       int32_t *delta)
{
    int32_t gained = 0, lost = 0;
    const uint8_t *add = unit_row(x->cp, &gained), *sub[255];
    for (size_t j = 0; j < x->len; j++)
        sub[j] = unit_row(r->text[x->start + j], &lost);
    for (size_t l = 0; l < n; l++)
        delta[l] += gained - lost;
    /* Row by row: with every language, each loop runs along one row. */
    add_rows(add, 1, langs, n, delta);
    for (size_t j = 0; j < x->len; j++)
        add_rows(sub[j], -1, langs, n, delta);
}

/* Marks a unit whose delta in the chosen languages is not worked out yet. */
#define UNWEIGHED INT32_MIN

/* Keeps the languages that fit the first reading best: the others are not
 * weighed again for this window. */
static int choose_languages(mf_repair *r)
{
    int32_t *delta = calloc(mf_lang_count, sizeof *delta);
    int32_t *per_unit = realloc(r->unit_delta, (r->nunits + 1) * MAX_LANGS * sizeof *per_unit);
    if (per_unit)
        r->unit_delta = per_unit;
    if (!delta || !per_unit) {
        free(delta);
        return MF_ERR_NOMEM;
    }
    for (size_t i = 0; i < r->nunits; i++)
        if (r->units[i].chosen)
            unit_delta(r, &r->units[i], NULL, mf_lang_count, delta);
    for (size_t l = 0; l < mf_lang_count; l++) {
        int32_t cost = r->all[l] + delta[l];
        size_t at = r->nlangs < MAX_LANGS ? r->nlangs++ : MAX_LANGS;
        while (at > 0 && r->base[at - 1] + r->first[at - 1] > cost) {
            if (at < MAX_LANGS) {
                r->langs[at] = r->langs[at - 1];
                r->base[at] = r->base[at - 1];
                r->first[at] = r->first[at - 1];
            }
            at--;
        }
        if (at < MAX_LANGS) {
            r->langs[at] = (uint16_t)l;
            r->base[at] = r->all[l];
            r->first[at] = delta[l];
        }
    }
    free(delta);
    for (size_t i = 0; i < r->nunits; i++)
        per_unit[i * MAX_LANGS] = UNWEIGHED;
    return MF_OK;
}

/* What the decoded letters pay for standing alone in their script: a
 * single Han character or Indic sign decoded in a Cyrillic line is a
 * coincidence of bytes, not the text that was broken. */
static int32_t intruder_cost(const mf_repair *r)
{
    int count[MF_SCRIPT_COUNT], most = 0;
    memcpy(count, r->scripts, sizeof count);
    for (size_t i = 0; i < r->nunits; i++) {
        const mf_unit *x = &r->units[i];
        if (!x->chosen)
            continue;
        count[mf_script_of(x->cp)]++;
        for (size_t j = x->start; j < x->start + x->len; j++)
            count[mf_script_of(r->text[j])]--;
    }
    for (int s = 1; s < MF_SCRIPT_COUNT; s++)
        if (count[s] > most)
            most = count[s];
    int32_t cost = 0;
    for (size_t i = 0; i < r->nunits; i++) {
        if (!r->units[i].chosen)
            continue;
        int s = mf_script_of(r->units[i].cp);
        if (s != MF_SCRIPT_NONE && count[s] == 1 && most >= 2)
            cost += mf_repair_cost.intruder;
    }
    return cost;
}

/* The cost of the window's characters, as the chosen units would make them,
 * in the language they fit best. */
static int language_cost(mf_repair *r, int32_t *cost)
{
    if (r->nlangs == 0 && choose_languages(r) != MF_OK)
        return MF_ERR_NOMEM;
    int32_t delta[MAX_LANGS] = {0};
    for (size_t i = 0; i < r->nunits; i++) {
        if (!r->units[i].chosen)
            continue;
        int32_t *d = &r->unit_delta[i * MAX_LANGS];
        if (d[0] == UNWEIGHED) { /* once per unit and window */
            memset(d, 0, MAX_LANGS * sizeof *d);
            unit_delta(r, &r->units[i], r->langs, r->nlangs, d);
        }
        for (size_t l = 0; l < r->nlangs; l++)
            delta[l] += d[l];
    }
    *cost = INT32_MAX;
    for (size_t l = 0; l < r->nlangs; l++)
        if (r->base[l] + delta[l] < *cost)
            *cost = r->base[l] + delta[l];
    *cost += intruder_cost(r);
    return MF_OK;
}

/* The runs of chosen units along one path that are long enough to show the
 * window is broken along it. */
static void confirm_paths(mf_repair *r)
{
    r->nconfirmed = 0;
    mf_unit *prev = NULL;
    int run = 0;
    for (size_t i = 0; i <= r->nunits; i++) {
        mf_unit *x = i < r->nunits ? &r->units[i] : NULL;
        if (x && !x->chosen)
            continue;
        int same = x && prev && prev->codec == x->codec && prev->inner == x->inner;
        if (!same && run >= mf_repair_cost.confirm_units && r->nconfirmed < MAX_CONFIRMED)
            r->confirmed[r->nconfirmed++] = (mf_path){1u << prev->codec, prev->inner};
        run = same ? run + 1 : 1;
        prev = x;
    }
}

/* The reading's cost: the model's, plus its characters in the language they
 * fit best. */
static int search_scored(mf_repair *r, mf_ban ban, const int32_t *searched, int32_t *total)
{
    int32_t saved;
    r->ban = ban;
    int32_t lang;
    if (searched) /* the units' chosen flags are already this search's */
        saved = *searched;
    else if (mf_search_window(r, &saved) != MF_OK)
        return MF_ERR_NOMEM;
    if (language_cost(r, &lang) != MF_OK)
        return MF_ERR_NOMEM;
    *total = saved + lang;
    return MF_OK;
}

#define MAX_RIVALS 8

/* The best reading, and its rivals: twin codecs (cp1252 and Latin-9, cp1250
 * and Latin-2) read a letter or two differently, and only the language of
 * the whole window tells which is right. So each reading of a chosen unit
 * that has a rival is banned in turn, wherever it stands in the window, and
 * the language decides. */
static int search_rivals(mf_repair *r, const int32_t *searched, int32_t *best_total)
{
    const mf_ban none = {0, 0};
    if (search_scored(r, none, searched, best_total) != MF_OK)
        return MF_ERR_NOMEM;
    mf_ban rivals[MAX_RIVALS], best = none;
    int n = 0;
    for (size_t i = 0; i < r->nunits; i++) {
        const mf_unit *x = &r->units[i];
        r->units[i].chosen_best = x->chosen ? x->codec + 1 : 0;
        if (!x->chosen || !x->rival || n == MAX_RIVALS)
            continue;
        int seen = 0;
        for (int j = 0; j < n; j++)
            seen |= rivals[j].codecs == x->codecs && rivals[j].cp == x->cp;
        if (!seen)
            rivals[n++] = (mf_ban){x->cp, x->codecs};
    }
    for (int j = 0; j < n; j++) {
        int32_t total;
        if (search_scored(r, rivals[j], NULL, &total) != MF_OK)
            return MF_ERR_NOMEM;
        if (total < *best_total) {
            *best_total = total;
            best = rivals[j];
            for (size_t i = 0; i < r->nunits; i++)
                r->units[i].chosen_best = r->units[i].chosen ? r->units[i].codec + 1 : 0;
        }
    }
    r->ban = best;
    for (size_t i = 0; i < r->nunits; i++) {
        r->units[i].chosen = r->units[i].chosen_best != 0;
        r->units[i].codec = (uint8_t)(r->units[i].chosen_best - r->units[i].chosen);
    }
    return MF_OK;
}

/* Moves what each unit of the first `before` changes in the chosen
 * languages to where the sort put it, among the units that lost bytes that
 * were added after them (not weighed yet). The units before keep their
 * order, as the sort is the same. */
static int keep_weights(mf_repair *r, size_t before)
{
    int32_t *d = realloc(r->unit_delta, (r->nunits + 1) * MAX_LANGS * sizeof *d);
    if (!d)
        return MF_ERR_NOMEM;
    r->unit_delta = d;
    for (size_t i = r->nunits, j = before; i-- > 0;) {
        if (r->units[i].lost)
            d[i * MAX_LANGS] = UNWEIGHED;
        else if (--j != i)
            memcpy(&d[i * MAX_LANGS], &d[j * MAX_LANGS], MAX_LANGS * sizeof *d);
    }
    return MF_OK;
}

/* Adds the units that lost bytes along the codecs of the units of text
 * broken once or twice that the reading decodes, twins included (*added:
 * whether there are any): only a window shown to be broken along a codec
 * has its '?' and U+FFFD weighed. Along a path that is not confirmed, they
 * pay as any unit does in such a window. */
static int add_lost_units(mf_repair *r, int *added)
{
    uint32_t codecs = 0, outer = 0, inner = 0;
    for (size_t i = 0; i < r->nunits; i++) {
        const mf_unit *x = &r->units[i];
        if (x->chosen && x->levels == 1)
            codecs |= x->codecs;
        else if (x->chosen && x->levels == 2)
            outer |= x->codecs, inner |= 1u << ((x->inner & 0xFF) - 1);
    }
    size_t before = r->nunits;
    if (mf_find_lost_units(r, codecs, outer, inner) != MF_OK)
        return MF_ERR_NOMEM;
    *added = r->nunits > before;
    return *added ? keep_weights(r, before) : MF_OK;
}

/* Removes the units that lost bytes, with what they change in the chosen
 * languages; returns whether there were any. */
static int drop_lost_units(mf_repair *r)
{
    size_t n = 0;
    int32_t *d = r->unit_delta;
    for (size_t i = 0; i < r->nunits; i++)
        if (!r->units[i].lost) {
            memmove(&d[n * MAX_LANGS], &d[i * MAX_LANGS], MAX_LANGS * sizeof *d);
            r->units[n++] = r->units[i];
        }
    int any = n < r->nunits;
    r->nunits = n;
    return any;
}

/* One pass: the best reading (with its rivals on the first pass, or if the
 * first found one better), kept (*any) if the language of its characters
 * does not make keeping the window better. */
static int read_pass(mf_repair *r, int pass, const int32_t *searched, int *any)
{
    int32_t reading; /* rivals again only if the first pass found one better */
    int rc = pass == 0 || r->ban.codecs ? search_rivals(r, searched, &reading)
                                        : search_scored(r, r->ban, NULL, &reading);
    if (rc != MF_OK)
        return MF_ERR_NOMEM;
    for (size_t i = 0; i < r->nunits; i++)
        r->units[i].chosen_before = r->units[i].chosen, r->units[i].chosen = 0;
    int32_t keep;
    if (language_cost(r, &keep) != MF_OK)
        return MF_ERR_NOMEM;
    *any = reading < keep;
    if (*any)
        for (size_t i = 0; i < r->nunits; i++)
            r->units[i].chosen = r->units[i].chosen_before;
    return MF_OK;
}

/* Chooses the units to decode: the best reading under the model, if the
 * language of its characters does not make keeping the window better. Once
 * a reading has found several units along a path, the window is known to be
 * broken along it, and a last search decodes that path's units on the
 * evidence of the text alone. The last search also weighs the sequences
 * that lost bytes along the paths the first decodes, which may not cost the
 * window the reading it had without them. */
int mf_choose_units(mf_repair *r, int *any)
{
    int32_t saved;
    r->nconfirmed = 0;
    r->ban = (mf_ban){0, 0};
    if (!mf_search_may_decode(r)) /* clean text that merely holds units */
        return MF_OK;
    if (mf_search_window(r, &saved) != MF_OK)
        return MF_ERR_NOMEM;
    for (size_t i = 0; i < r->nunits; i++)
        *any |= r->units[i].chosen;
    if (!*any)
        return MF_OK; /* the model alone keeps the window: no language needed */
    if (weigh_window(r) != MF_OK)
        return MF_ERR_NOMEM;
    for (int pass = 0; pass < 2; pass++) {
        /* The first pass starts from the search above: same units, no ban,
         * nothing confirmed, so the same reading. */
        if (read_pass(r, pass, pass == 0 ? &saved : NULL, any) != MF_OK)
            return MF_ERR_NOMEM;
        if (!*any && pass == 1 && drop_lost_units(r) && read_pass(r, pass, NULL, any) != MF_OK)
            return MF_ERR_NOMEM;
        if (!*any)
            return MF_OK;
        confirm_paths(r);
        int added = 0;
        if (pass == 0 && add_lost_units(r, &added) != MF_OK)
            return MF_ERR_NOMEM;
        if (r->nconfirmed == 0 && !added)
            break;
    }
    return MF_OK;
}
