/* repair_internal.h: what the parts of the repair share: units, the
 * search's hypotheses, and the scratch state of a window (struct mf_repair).
 * units.c finds units, search.c finds the best reading under the character
 * model, readings.c weighs readings with the language model and chooses,
 * repair.c applies the choice and emits edits. */
#ifndef MF_REPAIR_INTERNAL_H
#define MF_REPAIR_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "charclass.h"
#include "cjk.h"
#include "cosmetic.h"
#include "decode.h"
#include "legacy.h"
#include "spam.h"
#include "repair.h"

/* Characters [start, start + len) decode to cp: through one of the outer
 * codecs of the mask, then, for text broken more than once, through the
 * inner codecs of `inner` (one byte each, index + 1, in decoding order). */
typedef struct mf_unit {
    uint32_t start;
    uint32_t cp;
    uint32_t codecs;
    uint32_t inner;
    uint8_t len;
    uint8_t levels;
    uint8_t lost_nbsp;
    uint8_t lost;    /* how a byte of the sequence was lost (MF_LOST_*), or 0 */
    uint8_t choices; /* with lost: the characters the sequence could have been */
    uint8_t lost_nbsp_too; /* dropped, before a space that a lost U+00A0 explains too */
    uint8_t chosen;
    uint8_t simple; /* how many units of text broken once it is made of */
    uint8_t codec;  /* if chosen: the outer codec it is read through */
    uint8_t rival;  /* another unit starts here and reads differently */
    uint8_t chosen_before; /* saved choice of the previous pass */
    uint8_t chosen_best;   /* saved choice of the best reading: codec + 1, or 0 */
} mf_unit;

/* A hypothesis of the search: the best path to a position with a given
 * last output character and path state. */
typedef struct mf_hyp {
    uint32_t last;
    int32_t cost;
    int32_t from;    /* index of the previous hypothesis, -1 at the start */
    int32_t unit;    /* the unit decoded to get here, -1 if a character was kept */
    uint32_t codecs; /* outer codecs the current run of units agrees on (0: none yet) */
    uint32_t inner;  /* and its inner codecs */
    uint8_t decoded; /* the last step decoded a unit */
} mf_hyp;

#define HYPS_PER_POS 8
/* Hypotheses this much worse than the best at a position are not extended:
 * later characters rarely make up for it. (16 hypotheses and a 40-nat beam
 * changed no result of the accuracy benchmark, at 1.3 times the time.) */
#define BEAM (25 * MF_COST_SCALE)

/* A way the window may have been broken: through one of the outer codecs,
 * then through the inner ones. */
typedef struct mf_path {
    uint32_t codecs;
    uint32_t inner;
} mf_path;

#define MAX_CONFIRMED 8

/* A reading of a unit (its code point through its codecs); codecs 0: none. */
typedef struct mf_ban {
    uint32_t cp;
    uint32_t codecs;
} mf_ban;

/* Languages weighed per window: those that fit its first reading best. */
#define MAX_LANGS 8

struct mf_repair {
    mf_chars chars, next;
    mf_unit *units;
    size_t nunits, units_cap;
    mf_hyp *hyps;
    int *nhyps; /* hypotheses per position */
    size_t hyps_cap;
    mf_path confirmed[MAX_CONFIRMED]; /* paths the window is known to be broken along */
    int nconfirmed;
    mf_ban ban;        /* a reading the search may not choose */
    uint32_t *text;    /* the window's code points */
    size_t text_cap;
    int32_t *all;      /* the window's cost as it stands, in every language */
    int scripts[MF_SCRIPT_COUNT]; /* its letters per script */
    uint16_t langs[MAX_LANGS];    /* the languages weighed for this window, */
    int32_t base[MAX_LANGS];      /* the window's cost in each, */
    int32_t first[MAX_LANGS];     /* and what the first reading changed */
    int32_t *unit_delta;          /* per unit, what it changes in each */
    size_t nlangs;
    mf_spam_scratch spam;
    mf_cosmetic_scratch cosmetic;
    mf_legacy_scratch legacy;
    mf_cjk_scratch cjk;
};

/* units.c: every unit of r->chars, of every depth, sorted by first
 * character; with `cesu`, also the mojibake of CESU-8 pairs. */
int mf_find_units(mf_repair *r, int cesu);

/* units.c, for lost.c: adds a unit (merged with an equal one); the first
 * of units [lo, hi) at or after pos; sorts the units; the codecs in which
 * cp is a UTF-8 lead byte; the length of the sequence lead byte b begins;
 * codec k's byte for U+00A0 if it is a continuation byte, else -1. */
int mf_add_unit(mf_repair *r, const mf_unit *n);
size_t mf_first_unit_at(const mf_repair *r, size_t lo, size_t hi, uint32_t pos);
void mf_sort_units(mf_repair *r);
uint32_t mf_lead_codecs(uint32_t cp);
int mf_utf8_length_of_lead(int b);
int mf_nbsp_byte(size_t k);

/* lost.c: units whose sequence lost bytes its codec leaves undefined, one
 * per character the sequence could have been (the model reads it as that
 * character; U+FFFD is written unless it is the only one): in text broken
 * once along `codecs`, and in text broken twice whose first break was along
 * one of the `inner` codecs and its second along one of `outer`. Only paths
 * the window is shown to be broken along are given. The units stay sorted. */
int mf_find_lost_units(mf_repair *r, uint32_t codecs, uint32_t outer, uint32_t inner);

/* search.c: the best reading of the window under the character model (the
 * chosen flags of the units), and its cost relative to keeping everything. */
int mf_search_window(mf_repair *r, int32_t *saved);

/* search.c: whether mf_search_window may decode any unit of the window (a
 * bound: when it says no, the search would keep everything). */
int mf_search_may_decode(const mf_repair *r);

/* readings.c: chooses the units to decode (their chosen flags); *any tells
 * whether there is one. */
int mf_choose_units(mf_repair *r, int *any);

#endif
