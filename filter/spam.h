/* spam.h: runs of injected promotional tokens (SEO spam) inside text. */
#ifndef MF_SPAM_H
#define MF_SPAM_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

/* What decided that a run is spam (mf_char.signal), as --explain says it. */
enum {
    MF_SPAM_INSIDE_WORD = 1, /* a run of another script inside a word */
    MF_SPAM_GLUED_RUN        /* a long run glued to a word of prose */
};

/* The name of a signal ("inside-word"), or NULL for none. */
const char *mf_spam_signal_name(int signal);

/* True when the window may hold a spam run: a character of a syllabic or
 * spaceless script (Han, kana, Hangul, Thai, ...) right beside a letter of
 * an alphabetic one (Latin, Cyrillic, Greek). */
int mf_spam_suspect(const uint8_t *buf, size_t len);

/* Flags MF_CHAR_SPAM on the characters of each spam run of the window. */
void mf_spam_mark(mf_char *c, size_t n);

#endif
