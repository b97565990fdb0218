/* spam.h: runs of injected promotional tokens (SEO spam) inside text. */
#ifndef MF_SPAM_H
#define MF_SPAM_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

/* What decided that a run is spam (mf_char.signal), as --explain says it. */
enum {
    MF_SPAM_INSIDE_WORD = 1, /* a run of another script inside a word */
    MF_SPAM_GLUED_RUN,       /* a run of another script glued to a word of prose */
    MF_SPAM_LEXICON,         /* a foreign run, mostly promotional vocabulary */
    MF_SPAM_CONTACT,         /* a foreign run carrying a URL or a phone number */
    MF_SPAM_DECORATED        /* a foreign run set off with ★, 【】 and the like */
};

/* The name of a signal ("inside-word"), or NULL for none. */
const char *mf_spam_signal_name(int signal);

/* Script groups the rule tells apart (a letter's; G_NONE for the rest). */
enum {
    MF_G_NONE, MF_G_LATIN, MF_G_GREEK, MF_G_CYRILLIC, MF_G_HEBREW, MF_G_ARABIC,
    MF_G_OTHER, MF_G_INDIC, MF_G_SEA, MF_G_HANGUL, MF_G_KANA, MF_G_HAN, MF_G_COUNT
};
int mf_spam_group(uint32_t cp);

struct mf_trie;

/* True when the window may hold a spam run: letters of two script groups,
 * and a cue; user is the trie of a user's words, or NULL. */
int mf_spam_suspect(const uint8_t *buf, size_t len, const struct mf_trie *user);

/* How many script groups take part in the window, by spam_scan.c's count
 * (for the tests of the next one). */
size_t mf_spam_groups(const uint8_t *buf, size_t len);

/* True when a quick look (spam_glance.c) shows fewer than two groups take
 * part; false when it cannot tell. */
int mf_spam_one_group(const uint8_t *buf, size_t len);

/* The same look by one of simd.h's paths (SSE2 or AVX2; the scalar path
 * has none and cannot tell), for the tests that compare them. */
int mf_spam_one_group_on(int path, const uint8_t *buf, size_t len);

/* Hiragana a Japanese run in Chinese text may hold ("出会い系"). */
#define MF_SPAM_HIRAGANA_MAX 4

/* Whether the window has katakana and at most MF_SPAM_HIRAGANA_MAX
 * hiragana (roughly, by their lead and next bytes): in Han text, kana that
 * may be a Japanese run in Chinese rather than Japanese prose. */
int mf_spam_kana_in_han(const uint8_t *buf, size_t len);

/* E0 lead bytes in the window, and in *sea those of Thai, Lao or Tibetan
 * (the next byte B8 or above); the rest are Indic. */
size_t mf_spam_e0_leads(const uint8_t *buf, size_t len, size_t *sea);

/* Whether spam_scan.c's byte table agrees with its byte classes (a test). */
int mf_spam_scan_table_ok(void);

/* Scratch memory of the rule, reused across windows. */
typedef struct mf_spam_scratch {
    uint8_t *group;  /* per character */
    uint32_t *text;  /* the window's folded letters and digits */
    uint32_t *at;    /* and the character each came from */
    uint8_t *covered; /* per character: in a promotional entry */
    const struct mf_trie *user; /* a user's words, or NULL; not owned */
    size_t cap, text_cap, at_cap, covered_cap;
} mf_spam_scratch;

void mf_spam_scratch_free(mf_spam_scratch *s);

/* Flags MF_CHAR_SPAM on the characters to remove: each spam run, with the
 * whitespace that goes with it. Returns MF_OK or MF_ERR_NOMEM. */
int mf_spam_mark(mf_spam_scratch *s, mf_char *c, size_t n);

/* spam_cues.c: what the text around a run says of it. */
typedef struct mf_run {
    size_t start, end;     /* characters [start, end) */
    int group;             /* the group of its first foreign letter */
    int last;              /* and of its last (past a gap, the run goes on in it) */
    size_t letters;        /* foreign letters in it */
    int contact, decorated;
} mf_run;

/* True when the run is named as a word of its language, or, standing alone
 * (not glued to a word), is quoted, bracketed or glossed: a mention, not
 * an injection; promotional when the lexicon covers it (a title in 《》
 * is then spam's wrapping). */
int mf_spam_mention(const mf_char *c, size_t n, const mf_run *run, int own, int glued,
                    int promotional);

/* The length of a URL, messenger ID or phone number at c[i], 0 if there is
 * none; *strong unless it is a plain URL ("www.gnu.org"), which text cites. */
size_t mf_spam_contact(const mf_char *c, size_t n, size_t i, int *strong);

/* Whether s[0..n) is a top-level domain that spam hosts use (any case). */
int mf_spam_tld(const uint8_t *s, size_t n);

/* What cp is between or around spam tokens: an ornament (★ ▶ ♥ 【 】),
 * which is evidence, a joiner (| · •), which is not, or 0. */
enum { MF_JOINER = 1, MF_ORNAMENT = 2 };
int mf_spam_decoration(uint32_t cp);

#endif
