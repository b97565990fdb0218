/* repair.h: finds mojibake in a window and proposes the edits that undo it.
 *
 * The model: text was encoded as UTF-8, those bytes were decoded with a
 * legacy codec, and the result was encoded as UTF-8 again (maybe more than
 * once). A "unit" is a run of characters that some codec maps back to one
 * well-formed multi-byte UTF-8 sequence. A Viterbi search over the window
 * chooses, unit by unit, between keeping the text and decoding it, under the
 * plausibility model. Text broken more than once makes compound units: runs
 * of units whose decoded characters are themselves one UTF-8 sequence under
 * an inner codec. */
#ifndef MF_REPAIR_H
#define MF_REPAIR_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"
#include "edits.h"

#define MF_REPAIR_MAX_LEVELS 3

typedef struct mf_repair mf_repair;

mf_repair *mf_repair_new(void);
void mf_repair_free(mf_repair *r);

struct mf_trie;
/* The user's promotional words for the spam rule (NULL: none); the trie
 * must outlive r. */
void mf_repair_set_words(mf_repair *r, const struct mf_trie *user);

/* True when the window may hold something to repair: invalid UTF-8, or a
 * character that some codec maps to a UTF-8 lead byte followed by the
 * continuation bytes that lead needs (a space standing for a lost U+00A0),
 * without which no unit exists (with `pairs`, a lead and one continuation
 * are enough: what a window whose entities are read needs, below). A
 * window for which this is false gives the mojibake rule nothing. */
int mf_repair_suspect(const uint8_t *buf, size_t len, int pairs);

/* Of the MF_RULE_* bits in rules, those that may have work in buf[0..len)
 * by a cheap look at its bytes (spam, which has its own look, included). */
unsigned mf_repair_rules(const uint8_t *buf, size_t len, unsigned rules);

/* Appends to edits the repairs of buf[0..len) (offsets relative to buf),
 * for the MF_RULE_* bits in rules; the first round runs only those of
 * `first` (mf_repair_rules of buf), later ones those that their text may
 * need. Spam is looked for in text the other rules leave as it is, where
 * mf_spam_suspect says so: spam_suspect is its answer for buf when the
 * caller knows it, -1 when not. */
int mf_repair_window(mf_repair *r, const uint8_t *buf, size_t len, unsigned first,
                     unsigned rules, int spam_suspect, mf_edits *edits);

#endif
