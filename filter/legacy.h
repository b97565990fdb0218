/* legacy.h: text in one single-byte codec that was read as another and
 * re-encoded as UTF-8 ("Ïðèâåò" for "Привет": Windows-1251 read as
 * Windows-1252), undone a word at a time where the language model says the
 * other reading is real text and this one is not. */
#ifndef MF_LEGACY_H
#define MF_LEGACY_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

/* The mix-ups the rule knows: the codec the text was in, and the one it
 * was read as. */
typedef struct mf_legacy_pair {
    const char *real, *read;
} mf_legacy_pair;

extern const mf_legacy_pair mf_legacy_pairs[];
extern const size_t mf_legacy_pair_count;

/* Languages the rule can weigh (mf_lang_count; check_legacy checks it). */
#define MF_LEGACY_MAX_LANGS 512

typedef struct mf_legacy_scratch {
    int32_t *costs;  /* per language: the line as it is, a reading, a word */
    uint32_t *text;  /* a word's code points under a reading */
    uint8_t *native; /* per language: the words as they are, as read, are its */
    uint16_t *langs; /* the languages weighed first */
    size_t text_cap;
} mf_legacy_scratch;

void mf_legacy_scratch_free(mf_legacy_scratch *s);

/* Whether a window may hold such text, from its bytes: a cheap look. */
int mf_legacy_suspect(const uint8_t *buf, size_t len);

/* Reads the words of each line of c[0..n) that are better read through a
 * pair: their characters get the other code point, MF_CHAR_LEGACY, and the
 * pair in chain (real codec + 1, read codec + 1 << 8). *any tells whether
 * one did. Returns MF_OK or MF_ERR_NOMEM. */
int mf_legacy_mark(mf_legacy_scratch *s, mf_char *c, size_t n, int *any);

#endif
