/* spam.c: runs of a syllabic or spaceless script (Han, kana, Hangul, Thai)
 * pushed into the prose of a window written in an alphabetic script, as
 * scraped SEO spam is ("sho광주출장마사지otings"). A run inside a word is
 * never legitimate; one glued to a word on one side only is spam when it
 * is long; either way, prose must go on on both sides. A run with spaces
 * around it is kept (a quoted word, a name), and so is anything in a line
 * whose words are not mostly alphabetic. */
#include "spam.h"

#include <string.h>

#include "charclass.h"

/* A run glued to a word on one side only must have this many characters:
 * a short gloss glued to its word happens, a spam phrase is longer. */
#define GLUED_RUN_MIN 4
/* A window needs this many alphabetic words for the rule to hold: fewer
 * (a command-line option, an identifier) say nothing of its language. */
#define ALPHABETIC_WORDS_MIN 4
/* Letters a foreign run inside a word must have (see mark_inside_words). */
#define INSIDE_RUN_MIN 3

enum { OTHER, WORD, RUN };

/* What a character is to this rule: a letter of an alphabetic script, a
 * character of a run script, or neither. */
static int kind_of(uint32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? WORD : OTHER;
    switch (mf_script_of(cp)) {
    case MF_SCRIPT_LATIN: case MF_SCRIPT_CYRILLIC: case MF_SCRIPT_GREEK: return WORD;
    case MF_SCRIPT_CJK: case MF_SCRIPT_SEA: return RUN;
    default: return OTHER;
    }
}

/* The script of an alphabetic letter (ASCII ones are Latin): Latin, Greek or
 * Cyrillic; MF_SCRIPT_NONE for anything else. */
static int alphabet_of(uint32_t cp)
{
    if (cp < 0x80)
        return kind_of(cp) == WORD ? MF_SCRIPT_LATIN : MF_SCRIPT_NONE;
    int s = mf_script_of(cp);
    return s == MF_SCRIPT_LATIN || s == MF_SCRIPT_CYRILLIC || s == MF_SCRIPT_GREEK ? s
                                                                                : MF_SCRIPT_NONE;
}

static int ascii_letter(uint8_t b)
{
    return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

/* A byte-level look for a 3-byte character (where Han, kana, Hangul and
 * Thai are) beside an ASCII letter or a 2-byte character (where Latin,
 * Greek and Cyrillic letters are): a superset of the windows that matter,
 * found without decoding. */
static int greek_or_cyrillic_lead(uint8_t b)
{
    return b >= 0xCE && b <= 0xD4; /* U+0380-U+053F */
}

static int maybe_glued(const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        /* Greek or Cyrillic right after an ASCII letter: a run inside a
         * Latin word starts so. (Latin inside a Cyrillic word is left to
         * the lexicon, to come: Russian glues Latin terms too often.) */
        if (greek_or_cyrillic_lead(buf[i]) && i >= 1 && ascii_letter(buf[i - 1]))
            return 1;
        if (buf[i] < 0xE0 || buf[i] >= 0xF0)
            continue;
        /* Two ASCII letters, a word's end, not the s of a "%s". */
        if (i >= 2 && ascii_letter(buf[i - 1]) && ascii_letter(buf[i - 2]))
            return 1;
        if (i >= 2 && buf[i - 2] >= 0xC2 && buf[i - 2] < 0xE0)
            return 1;
        if (i + 4 < len && ascii_letter(buf[i + 3]) && ascii_letter(buf[i + 4]))
            return 1;
        if (i + 3 < len && buf[i + 3] >= 0xC2 && buf[i + 3] < 0xE0)
            return 1;
    }
    return 0;
}

/* Whether a window is written in an alphabetic script, by its words
 * (between spaces): in Chinese, Japanese or Korean text, Latin words glued
 * to Han or Hangul are normal ("SCHEMA들", "digitsの設定"), so the rule
 * holds only where alphabetic words outnumber the others by far. */
typedef struct tally {
    size_t alpha, other; /* words so far, by the kind most of their letters are */
    size_t words, runs;  /* letters of the current word */
} tally;

static void tally_add(tally *t, uint32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n') {
        t->alpha += t->words > t->runs;
        t->other += t->runs >= t->words && t->runs > 0;
        t->words = t->runs = 0;
        return;
    }
    int kind = kind_of(cp);
    t->words += kind == WORD;
    t->runs += kind == RUN;
}

static int tally_alphabetic(tally *t)
{
    tally_add(t, ' ');
    return t->alpha >= ALPHABETIC_WORDS_MIN && t->alpha >= 3 * t->other;
}

static int alphabetic_window(const mf_char *c, size_t n)
{
    tally t = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        tally_add(&t, c[i].cp);
    return tally_alphabetic(&t);
}

int mf_spam_suspect(const uint8_t *buf, size_t len)
{
    if (!maybe_glued(buf, len))
        return 0;
    int prev = OTHER, prev_alphabet = MF_SCRIPT_NONE, glued = 0;
    tally t = {0, 0, 0, 0};
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = mf_utf8_decode(buf + i, len - i, &cp);
        if (k == 0) {
            prev = OTHER;
            prev_alphabet = MF_SCRIPT_NONE;
            i++;
            continue;
        }
        int kind = kind_of(cp), alphabet = alphabet_of(cp);
        glued |= (prev == WORD && kind == RUN) || (prev == RUN && kind == WORD) ||
                 (prev_alphabet && alphabet && prev_alphabet != alphabet);
        tally_add(&t, cp);
        prev = kind;
        prev_alphabet = alphabet;
        i += (size_t)k;
    }
    return glued && tally_alphabetic(&t);
}


/* The end of the run starting at i: run characters, and single spaces
 * between them ("포커 의 신"). */
static size_t run_end(const mf_char *c, size_t n, size_t i, size_t *length)
{
    *length = 0;
    while (i < n) {
        if (kind_of(c[i].cp) == RUN) {
            (*length)++;
            i++;
        } else if (c[i].cp == ' ' && i + 1 < n && kind_of(c[i + 1].cp) == RUN) {
            i++;
        } else {
            break;
        }
    }
    return i;
}

/* A lowercase letter of an alphabetic script: prose, not an acronym or an
 * identifier (Japanese "INSERTコマンドにON" glues Han to code, not to prose). */
static int prose_letter(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    mf_class cl = mf_char_class(cp);
    return cl == MF_CL_L1_LOWER || cl == MF_CL_LX_LOWER || cl == MF_CL_GREEK_LOWER ||
           cl == MF_CL_CYR_LOWER;
}

/* Whether prose goes on beside a run: a lowercase letter right there
 * (glued), or after one space. */
static int prose_at(const mf_char *c, size_t n, size_t at, int step, int *glued)
{
    *glued = at < n && prose_letter(c[at].cp);
    if (*glued)
        return 1;
    size_t next = at + (size_t)step;
    return at < n && c[at].cp == ' ' && next < n && prose_letter(c[next].cp);
}

/* A foreign letter: of a script, and not of the word's own. */
static int foreign(uint32_t cp, int own)
{
    int s = cp < 0x80 ? alphabet_of(cp) : mf_script_of(cp);
    return s != MF_SCRIPT_NONE && s != own;
}

/* The end of a run of foreign letters (single spaces inside allowed) that
 * starts at i, or i if there is none; *letters counts them. */
static size_t foreign_end(const mf_char *c, size_t n, size_t i, int own, size_t *letters)
{
    size_t j = i;
    *letters = 0;
    while (j < n && foreign(c[j].cp, own)) {
        (*letters)++;
        j++;
        if (j + 1 < n && c[j].cp == ' ' && foreign(c[j + 1].cp, own))
            j++;
    }
    return j;
}

const char *mf_spam_signal_name(int signal)
{
    switch (signal) {
    case MF_SPAM_INSIDE_WORD: return "inside-word";
    case MF_SPAM_GLUED_RUN: return "glued-run";
    default: return NULL;
    }
}

static void mark(mf_char *c, size_t from, size_t to, int signal)
{
    for (size_t k = from; k < to; k++) {
        c[k].flags |= MF_CHAR_SPAM;
        c[k].signal = (uint8_t)signal;
    }
}

/* Runs of another script's letters inside a word of an alphabetic one
 * ("fпокер онлайнür", "W澳门赌场ird"): a word does not change script in its
 * middle. Three letters at least, so that a lone homoglyph is left to
 * others; lowercase prose on one side at least, so that code is not. */
static void mark_inside_words(mf_char *c, size_t n)
{
    /* The words are those of the window's main alphabet: a Ukrainian line
     * that writes Latin i for і has Cyrillic words around its i's. */
    size_t count[MF_SCRIPT_COUNT] = {0};
    for (size_t i = 0; i < n; i++)
        count[alphabet_of(c[i].cp)]++;
    int own = MF_SCRIPT_LATIN;
    if (count[MF_SCRIPT_CYRILLIC] > count[own])
        own = MF_SCRIPT_CYRILLIC;
    if (count[MF_SCRIPT_GREEK] > count[own])
        own = MF_SCRIPT_GREEK;
    for (size_t i = 0; i + 1 < n; i++) {
        if (alphabet_of(c[i].cp) != own || (c[i + 1].flags & MF_CHAR_SPAM))
            continue;
        size_t letters, j = foreign_end(c, n, i + 1, own, &letters);
        if (j == i + 1 || j >= n || alphabet_of(c[j].cp) != own || letters < INSIDE_RUN_MIN)
            continue;
        if (!prose_letter(c[i].cp) && !prose_letter(c[j].cp))
            continue;
        mark(c, i + 1, j, MF_SPAM_INSIDE_WORD);
        i = j - 1;
    }
}

void mf_spam_mark(mf_char *c, size_t n)
{
    if (!alphabetic_window(c, n))
        return;
    mark_inside_words(c, n);
    for (size_t i = 0; i < n;) {
        if (kind_of(c[i].cp) != RUN) {
            i++;
            continue;
        }
        size_t length, j = run_end(c, n, i, &length);
        int glued_left, glued_right;
        /* i - 1 wraps to SIZE_MAX at the start of the window: not < n. */
        int prose = prose_at(c, n, i - 1, -1, &glued_left) & prose_at(c, n, j, 1, &glued_right);
        int inside = glued_left && glued_right;
        if (prose && (inside || ((glued_left || glued_right) && length >= GLUED_RUN_MIN)))
            mark(c, i, j, inside ? MF_SPAM_INSIDE_WORD : MF_SPAM_GLUED_RUN);
        i = j;
    }
}
