/* spam_cover.c: which characters of a window promotional entries and
 * contacts cover. */
#include <string.h>

#include "grow.h"
#include "lexicon.h"
#include "mojifix.h"
#include "spam_window.h"

/* In a spaced script, a word counts as covered only when entries cover all
 * of it: "bet" is not in "beta", but "slotsescort" is two entries glued. */
static void whole_words(const spam_window *w, uint8_t *covered, size_t from, size_t to)
{
    for (size_t i = from; i < to;) {
        if (!spaced_letter(w, i)) {
            i++;
            continue;
        }
        size_t j = i;
        int all = 1;
        while (j < to && (w->g[j] == w->g[i] || digit(w->c[j].cp)))
            all &= covered[j++];
        if (!all)
            memset(covered + i, 0, j - i);
        i = j;
    }
}

/* Contacts standing as tokens of their own: their letters are not text. */
void mf_spam_cover_contacts(const spam_window *w)
{
    for (size_t i = 0; i < w->n; i++) {
        if (i > 0 && !blank(w->c[i - 1].cp))
            continue;
        int strong;
        size_t len = mf_spam_contact_token(w, i, &strong);
        memset(w->covered + i, CONTACT, len);
        i += len;
    }
}

/* Whether an entry may start at character i: anywhere in a spaceless
 * script, at a word's start in a spaced one. */
static int may_start(const spam_window *w, size_t i)
{
    return !spaced_letter(w, i) || i == 0 || w->g[i - 1] != w->g[i];
}

/* Flags ENTRY in w->covered on the characters of [from, to) that
 * promotional entries cover; entries match across the blanks and
 * punctuation between words, and glued to each other ("slotsescort"). */
int mf_spam_cover(mf_spam_scratch *s, spam_window *w, size_t from, size_t to)
{
    size_t m = 0, len = to - from;
    uint32_t *t = mf_grow(s->text, &s->text_cap, len + 1, sizeof *t);
    if (t)
        s->text = t;
    uint32_t *at = mf_grow(s->at, &s->at_cap, len + 1, sizeof *at);
    if (at)
        s->at = at;
    if (!t || !at)
        return MF_ERR_NOMEM;
    for (size_t i = from; i < to; i++)
        if (word_char(w, i)) {
            t[m] = mf_fold(w->c[i].cp);
            at[m++] = (uint32_t)i;
        }
    size_t chained = 0; /* where the last match ended: the next may start there */
    for (size_t p = 0; p < m; p++) {
        if (p != chained && !may_start(w, at[p]))
            continue;
        size_t k = mf_trie_longest(&mf_lexicon, t + p, m - p);
        size_t u = s->user ? mf_trie_longest(s->user, t + p, m - p) : 0;
        k = u > k ? u : k;
        for (size_t q = p; q < p + k; q++)
            w->covered[at[q]] = ENTRY;
        if (k)
            chained = p + k;
    }
    whole_words(w, w->covered, from, to);
    return MF_OK;
}

/* How many of the run's foreign letters promotional entries cover. */
size_t mf_spam_run_covered(const spam_window *w, const mf_run *run)
{
    size_t covered = 0;
    for (size_t i = run->start; i < run->end; i++)
        covered += w->covered[i] == ENTRY && foreign(w, i);
    return covered < run->letters ? covered : run->letters;
}
