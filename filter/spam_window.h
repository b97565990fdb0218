/* spam_window.h: what the files of the spam rule share: the window being
 * judged, the script groups of its characters, and small tests on them. */
#ifndef MF_SPAM_WINDOW_H
#define MF_SPAM_WINDOW_H

#include <stddef.h>
#include <stdint.h>

#include "spam.h"

/* Non-letters allowed between two letters of one run ("포커 의 신", "A ★ B"). */
#define GAP_MAX 3
/* How many times the letters of another script Latin must outweigh to be
 * a window's own script. */
#define LATIN_MARGIN 4
/* Other scripts weigh this share of the own one (times CONTESTED) or more:
 * promotional words are left out before the own script is settled. */
#define CONTESTED 3

/* What covers a character (window.covered). */
enum { ENTRY = 1, CONTACT = 2 };

typedef struct spam_window {
    mf_char *c;
    const uint8_t *g;
    size_t n;
    unsigned own_mask;
    int own;
    int dominant; /* its letters outweigh all others twice over */
    uint8_t *covered; /* by promotional entries (ENTRY) or contacts (CONTACT) */
    int whole;        /* covered is known for the whole window, not run by run */
    int latin_plural; /* Latin has the most letters, but not enough to be own */
} spam_window;

/* ---- the window's own script ------------------------------------------ */

static inline int cjk(int g)
{
    return g == MF_G_HAN || g == MF_G_KANA || g == MF_G_HANGUL;
}

/* Scripts written without spaces between words: a run glued to them is
 * not inside anything. */
static inline int spaceless(int g)
{
    return g == MF_G_HAN || g == MF_G_KANA || g == MF_G_SEA;
}

/* ---- runs --------------------------------------------------------------- */

static inline int blank(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

static inline int line_end(uint32_t cp)
{
    return cp == '\n' || cp == '\r';
}

static inline int digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static inline int foreign(const spam_window *w, size_t i)
{
    return w->g[i] != MF_G_NONE && !(w->own_mask & 1u << w->g[i]);
}

static inline int own_letter(const spam_window *w, size_t i)
{
    return i < w->n && w->g[i] != MF_G_NONE && (w->own_mask & 1u << w->g[i]);
}

static inline int word_char(const spam_window *w, size_t i)
{
    return w->g[i] != MF_G_NONE || digit(w->c[i].cp);
}

/* Kanji and kana are one script to the rule. */
static inline int same_script(int a, int b)
{
    return a == b || (cjk(a) && cjk(b) && a != MF_G_HANGUL && b != MF_G_HANGUL);
}

/* Fewest letters of a structural (vocabulary-free) run; three where the two
 * scripts share look-alike letters (a lone Cyrillic а in a Latin word). */
#define STRUCTURAL_MIN 2
#define HOMOGLYPH_MIN 3

static inline int homoglyphs(int a, int b)
{
    int la = a == MF_G_LATIN || a == MF_G_GREEK || a == MF_G_CYRILLIC;
    int lb = b == MF_G_LATIN || b == MF_G_GREEK || b == MF_G_CYRILLIC;
    return la && lb;
}

/* A letter that is lowercase or of a caseless script (prose, not a name
 * or an acronym), given that cp is a letter. */
int mf_spam_not_capital(uint32_t cp);

/* ---- evidence ------------------------------------------------------------ */

static inline int spaced_letter(const spam_window *w, size_t i)
{
    int g = w->g[i];
    return g != MF_G_NONE && !cjk(g) && g != MF_G_SEA;
}

/* spam_runs.c: grows a run from its first letter over the letters, gaps,
 * contacts and decorations that go with it. */
void mf_spam_grow_run(const spam_window *w, mf_run *run);

/* spam_runs.c: a contact starting at i that is a token of its own; its
 * length, or 0. */
size_t mf_spam_contact_token(const spam_window *w, size_t i, int *strong);

/* spam_inside.c: the letters of each group that are in runs inside the
 * words of another script (which is the text's, whatever their weight);
 * Han and kana only when all of theirs are. */
void mf_spam_inside_letters(const spam_window *w, size_t inside[MF_G_COUNT]);

/* spam_inside.c: whether a run inside a word of the script `outer` is spam
 * by its shape alone (its letters, not its words). */
int mf_spam_inside_shape(const spam_window *w, const mf_run *run, int outer);

/* spam_cover.c: flags ENTRY on the characters of [from, to) that entries
 * cover; MF_OK or MF_ERR_NOMEM. */
int mf_spam_cover(mf_spam_scratch *s, spam_window *w, size_t from, size_t to);

/* spam_cover.c: flags CONTACT on the contacts that stand as tokens. */
void mf_spam_cover_contacts(const spam_window *w);

/* spam_cover.c: how many of the run's foreign letters entries cover, once
 * mf_spam_cover has looked at them. */
size_t mf_spam_run_covered(const spam_window *w, const mf_run *run);

#endif
