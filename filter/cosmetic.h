/* cosmetic.h: the cosmetic rules, off by default (MF_RULES_COSMETIC in
 * mojifix.h): Unicode normalization (NFC, NFKC), straight quotes, Latin
 * ligatures, half-width forms, line breaks, control characters. They change
 * text that is not broken, so they run on text the other rules leave as it
 * is: a round of the settle loop (repair.c) that has no other edit runs
 * them, and the next round repairs what they made. */
#ifndef MF_COSMETIC_H
#define MF_COSMETIC_H

#include <stddef.h>
#include <stdint.h>

#include "edits.h"
#include "grow.h"

/* Scratch buffers of the normalization, kept across windows. */
typedef struct mf_cosmetic_scratch {
    uint16_t *u16;   /* a run of valid UTF-8, as UTF-16 */
    uint32_t *at;    /* the byte offset of each of its units, one more at its end */
    size_t cap;
    uint16_t *norm;  /* a segment normalized */
    size_t norm_cap;
    char *utf8;      /* and as UTF-8 */
    size_t utf8_cap;
    mf_bytes run;    /* the replacement of the edit being made */
} mf_cosmetic_scratch;

void mf_cosmetic_scratch_free(mf_cosmetic_scratch *s);

/* Of the cosmetic MF_RULE_* bits in rules, those that may have work in
 * buf[0..len) by a look at its bytes: any of them where there is a byte
 * that is not ASCII, the line-break and control rules where there is an
 * ASCII control other than tab and line feed. */
unsigned mf_cosmetic_rules(const uint8_t *buf, size_t len, unsigned rules);

/* Appends to edits (which must be empty) the changes of the cosmetic rules
 * of `rules` to text[0..len): first the rules of one character (or of a
 * run of half-width forms), and, when they change nothing, normalization.
 * Bytes that are not UTF-8 stay, and normalization does not reach across
 * them. Returns MF_OK, MF_ERR_NOMEM, or MF_ERR_UNICODE when ICU fails. */
int mf_cosmetic_window(mf_cosmetic_scratch *s, const uint8_t *text, size_t len, unsigned rules,
                       mf_edits *edits);

#endif
