/* spam.c: runs of injected promotional tokens in a window (SEO spam that
 * scrapers pick up: "sho광주출장마사지otings").
 *
 * The window's own script is the one most of its letters are in; a run is
 * a stretch of letters of other scripts, with the digits, blanks,
 * decorations and contacts (URL, phone number) between and beside them. A
 * run inside a word is spam whatever its words: a word does not change
 * script in its middle. Any other run is spam only on evidence (a URL or
 * phone number, decorations, or mostly promotional vocabulary) and only if
 * it is not a mention: quoted, glossed, or in a line that names its
 * language. When in doubt, the text is kept. */
#include "spam.h"

#include <stdlib.h>
#include <string.h>

#include "charclass.h"
#include "grow.h"
#include "lexicon.h"
#include "mojifix.h"

/* Letters the window's own script needs for it to say anything (Han, kana
 * and Hangul count twice: a syllable says as much as a short word). */
#define OWN_WEIGHT_MIN 6
/* Fewest letters of a structural (vocabulary-free) run; three where the two
 * scripts share look-alike letters (a lone Cyrillic а in a Latin word). */
#define STRUCTURAL_MIN 2
#define HOMOGLYPH_MIN 3
/* A run glued to a word on one side only must be this long, with prose
 * going on past a blank on its other side ("the포커 의 신 rampage"): a
 * native word glued to an identifier ("Anchorsの設定") is short or ends
 * the line. */
#define GLUED_MIN 4
/* Non-letters allowed between two letters of one run ("포커 의 신", "A ★ B"). */
#define GAP_MAX 3
/* How many times the letters of another script Latin must outweigh to be
 * a window's own script. */
#define LATIN_MARGIN 4
/* Other scripts weigh this share of the own one (times CONTESTED) or more:
 * promotional words are left out before the own script is settled. */
#define CONTESTED 3
/* Tokens of Latin letters that make the Latin of a window prose. */
#define LATIN_PROSE_TOKENS 3

const char *mf_spam_signal_name(int signal)
{
    static const char *const names[] = {NULL, "inside-word", "glued-run", "lexicon",
                                        "contact", "decorated"};
    return signal > 0 && signal <= MF_SPAM_DECORATED ? names[signal] : NULL;
}

int mf_spam_group(uint32_t cp)
{
    if (cp == 0x30FC || cp == 0xFF70 || cp == 0x309D || cp == 0x309E || cp == 0x30FD ||
        cp == 0x30FE)
        return MF_G_KANA; /* the long vowel and iteration marks of kana */
    if (cp == 0x3005)
        return MF_G_HAN;
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ? MF_G_LATIN : MF_G_NONE;
    switch (mf_char_class(cp)) {
    case MF_CL_L1_UPPER: case MF_CL_L1_LOWER: case MF_CL_LX_UPPER: case MF_CL_LX_LOWER:
        return MF_G_LATIN;
    case MF_CL_GREEK_UPPER: case MF_CL_GREEK_LOWER: return MF_G_GREEK;
    case MF_CL_CYR_UPPER: case MF_CL_CYR_LOWER: return MF_G_CYRILLIC;
    case MF_CL_HEBREW: return MF_G_HEBREW;
    case MF_CL_ARABIC: return MF_G_ARABIC;
    case MF_CL_OTHER_ALPHA: return MF_G_OTHER;
    case MF_CL_INDIC: return MF_G_INDIC;
    case MF_CL_SEA: return MF_G_SEA;
    case MF_CL_HANGUL: return MF_G_HANGUL;
    case MF_CL_KANA: return MF_G_KANA;
    case MF_CL_HAN: return MF_G_HAN;
    default: return MF_G_NONE;
    }
}

void mf_spam_scratch_free(mf_spam_scratch *s)
{
    free(s->group);
    free(s->text);
    free(s->at);
    free(s->covered);
    memset(s, 0, sizeof *s);
}

/* ---- the window's own script ------------------------------------------ */

static int cjk(int g)
{
    return g == MF_G_HAN || g == MF_G_KANA || g == MF_G_HANGUL;
}

/* Scripts written without spaces between words: a run glued to them is
 * not inside anything. */
static int spaceless(int g)
{
    return g == MF_G_HAN || g == MF_G_KANA || g == MF_G_SEA;
}

/* The own groups of the window as a bit mask (letters that lexicon entries
 * cover left out), 0 when it has too few
 * letters to tell. */
static unsigned own_groups(const uint8_t *g, const uint8_t *covered, size_t n, int *own,
                           size_t *own_weight, size_t *other_weight, int *latin_plural)
{
    size_t weight[MF_G_COUNT] = {0};
    for (size_t i = 0; i < n; i++) {
        if (!covered[i]) /* promotional words say nothing of the text's own script */
            weight[g[i]] += cjk(g[i]) ? 2 : 1;
    }
    /* Kanji and kana are one text: Japanese, or Chinese with a Japanese name. */
    weight[MF_G_HAN] += weight[MF_G_KANA];
    weight[MF_G_KANA] = 0;
    int best = MF_G_LATIN + 1;
    for (int k = best + 1; k < MF_G_COUNT; k++)
        if (weight[k] > weight[best])
            best = k;
    /* Latin is how names and code get into other scripts' text ("GNU
     * msgfmt이 X/Open의 msgfmt처럼"): it is the text's own only by far. */
    *latin_plural = weight[MF_G_LATIN] > weight[best];
    if (weight[MF_G_LATIN] > LATIN_MARGIN * weight[best])
        best = MF_G_LATIN;
    *latin_plural &= best != MF_G_LATIN;
    *own = best;
    if (weight[best] < OWN_WEIGHT_MIN)
        return 0;
    unsigned mask = 1u << best;
    if (best == MF_G_KANA || best == MF_G_HAN)
        mask |= 1u << MF_G_HAN | 1u << MF_G_KANA;
    size_t others = 0;
    for (int k = MF_G_LATIN; k < MF_G_COUNT; k++)
        others += mask & 1u << k ? 0 : weight[k];
    *own_weight = weight[best];
    *other_weight = others;
    return mask;
}

/* ---- runs --------------------------------------------------------------- */

static int blank(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

static int line_end(uint32_t cp)
{
    return cp == '\n' || cp == '\r';
}

static int digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

typedef struct window {
    mf_char *c;
    const uint8_t *g;
    size_t n;
    unsigned own_mask;
    int own;
    int dominant; /* its letters outweigh all others twice over */
    uint8_t *covered; /* by promotional entries (ENTRY) or contacts (CONTACT) */
    int whole;        /* covered is known for the whole window, not run by run */
    int latin_plural; /* Latin has the most letters, but not enough to be own */
} window;

static int foreign(const window *w, size_t i)
{
    return w->g[i] != MF_G_NONE && !(w->own_mask & 1u << w->g[i]);
}

static int own_letter(const window *w, size_t i)
{
    return i < w->n && w->g[i] != MF_G_NONE && (w->own_mask & 1u << w->g[i]);
}

static int word_char(const window *w, size_t i)
{
    return w->g[i] != MF_G_NONE || digit(w->c[i].cp);
}

/* Kanji and kana are one script to the rule. */
static int same_script(int a, int b)
{
    return a == b || (cjk(a) && cjk(b) && a != MF_G_HANGUL && b != MF_G_HANGUL);
}

/* Between two letters of one run: blanks, digits, decorations. */
static int gap_char(uint32_t cp)
{
    return blank(cp) || digit(cp) || mf_spam_decoration(cp);
}

/* A contact starting at i that is a token of its own: it ends at a blank, a
 * line end or a foreign letter. Its length, or 0. */
static size_t contact_token(const window *w, size_t i, int *strong)
{
    size_t k = mf_spam_contact(w->c, w->n, i, strong);
    size_t e = i + k;
    return k && (e == w->n || blank(w->c[e].cp) || line_end(w->c[e].cp) || foreign(w, e) ||
                 mf_spam_decoration(w->c[e].cp)) ? k : 0;
}

/* Extends run->end over foreign letters, the gaps between them and the
 * contacts after them. */
/* A contact at one of the token starts in [from, to]: its start, and its
 * length in *len (0 if none). */
static size_t contact_in(const window *w, size_t from, size_t to, size_t *len, int *strong)
{
    for (size_t q = from; q <= to && q < w->n; q++)
        if (q == from || !word_char(w, q - 1))
            if ((*len = contact_token(w, q, strong)) != 0)
                return q;
    *len = 0;
    return to;
}

/* Extends run->end over the contacts, foreign letters and gaps after it.
 * Past a gap the run goes on in its own script only: another foreign
 * script there is another run ("老虎机 --strip"). */
/* Whether a URL starts at letter i inside a token: a scheme or "www.". */
static size_t url_start(const window *w, size_t i)
{
    uint32_t cp = w->c[i].cp;
    if ((cp != 'h' && cp != 'w' && cp != 'H' && cp != 'W') || i == 0 || !word_char(w, i - 1))
        return 0;
    const char *const starts[] = {"http://", "https://", "www.", NULL};
    for (const char *const *p = starts; *p; p++) {
        size_t k = 0;
        while ((*p)[k] && i + k < w->n && (w->c[i + k].cp | 0x20) == (uint32_t)(*p)[k])
            k++;
        if (!(*p)[k])
            return 1;
    }
    return 0;
}

static void extend_right(const window *w, mf_run *run)
{
    size_t j = run->end, len;
    int strong;
    for (;;) {
        size_t at = contact_in(w, j, j, &len, &strong); /* "QQ:1234", "t.me/x" */
        if (len) {
            run->contact |= strong;
            j = run->end = at + len;
        }
        while (j < w->n && foreign(w, j) && !url_start(w, j)) {
            run->letters++;
            j++;
        }
        if (j < w->n && foreign(w, j) && contact_token(w, j, &strong)) /* "Alternatifhttps://x" */
            continue;
        while (j < w->n && foreign(w, j)) { /* "www." that is no URL after all */
            run->letters++;
            j++;
        }
        run->end = j;
        size_t k = j, gap = 0;
        int decorated = 0;
        for (; k < w->n && gap < GAP_MAX && gap_char(w->c[k].cp); k++) {
            decorated |= mf_spam_decoration(w->c[k].cp) == MF_ORNAMENT;
            gap += !digit(w->c[k].cp);
        }
        at = contact_in(w, j, k, &len, &strong);
        if (len || (k < w->n && k > j && j > 0 && foreign(w, k) &&
                    same_script(w->g[k], w->g[j - 1]))) {
            run->decorated |= decorated;
            j = len ? at : k;
            continue;
        }
        while (j < w->n && digit(w->c[j].cp)) /* "카지노365" */
            j++;
        if (j == w->n || !own_letter(w, j))
            run->end = j;
        return;
    }
}

/* The start of the token that ends at `end` (exclusive), after blanks. */
static size_t token_start(const window *w, size_t end)
{
    while (end > 0 && !blank(w->c[end - 1].cp) && !line_end(w->c[end - 1].cp))
        end--;
    return end;
}

static void absorb_contact(mf_run *run, size_t t, size_t len, int strong)
{
    run->contact |= strong;
    run->start = t;
    if (t + len > run->end)
        run->end = t + len;
}

/* Extends run->start over the contact its first letter is in
 * ("t.me/jackpot77"), contacts in the tokens before it (a phone number
 * may take several: "+82 10-1234-5678") and the digits it begins with
 * ("19금영상"). */
static void extend_left(const window *w, mf_run *run)
{
    size_t t = token_start(w, run->start), len;
    int strong;
    while (t < run->start && mf_spam_decoration(w->c[t].cp))
        t++;
    size_t joined = run->start; /* "www.vip7.com·대구" */
    while (joined > t && mf_spam_decoration(w->c[joined - 1].cp) == MF_JOINER)
        joined--;
    len = contact_token(w, t, &strong);
    if (len && t + len >= joined && (t < run->start || run->letters == 0))
        absorb_contact(run, t, len, strong);
    for (int found = 1; found;) {
        size_t e = run->start; /* past decorations and blanks, the token before */
        while (e > 0 && run->start - e < GAP_MAX &&
               (mf_spam_decoration(w->c[e - 1].cp) || blank(w->c[e - 1].cp)))
            e--;
        found = 0;
        /* A phone number may take several tokens: "+82 10 1234 5678". */
        for (size_t back = 0, end = e; back < 4 && end > 0 && end < run->start && !found; back++) {
            t = token_start(w, end);
            while (t < end && mf_spam_decoration(w->c[t].cp))
                t++;
            len = contact_token(w, t, &strong);
            if (len && t + len >= e) {
                absorb_contact(run, t, len, strong);
                found = 1;
            }
            if (t == 0 || !blank(w->c[t - 1].cp))
                break;
            end = t - 1;
        }
    }
    size_t d = run->start;
    while (d > 0 && digit(w->c[d - 1].cp))
        d--;
    if (d < run->start && (d == 0 || blank(w->c[d - 1].cp)))
        run->start = d;
}

/* Decorations glued to the run's ends: "【카지노】", "★바카라★". */
static void extend_decorations(const window *w, mf_run *run)
{
    while (run->start > 0 && mf_spam_decoration(w->c[run->start - 1].cp) == MF_ORNAMENT) {
        run->start--;
        run->decorated = 1;
    }
    while (run->end < w->n && mf_spam_decoration(w->c[run->end].cp) == MF_ORNAMENT) {
        run->end++;
        run->decorated = 1;
    }
}

/* Grows a run from its first letter until nothing more joins it. */
static void grow_run(const window *w, mf_run *run)
{
    size_t start, end;
    do {
        start = run->start;
        end = run->end;
        extend_left(w, run);
        extend_right(w, run);
        extend_decorations(w, run);
    } while (run->start != start || run->end != end);
}

/* ---- evidence ------------------------------------------------------------ */

static int spaced_letter(const window *w, size_t i)
{
    int g = w->g[i];
    return g != MF_G_NONE && !cjk(g) && g != MF_G_SEA;
}

/* What covers a character (window.covered). */
enum { ENTRY = 1, CONTACT = 2 };

/* In a spaced script, a word counts as covered only when entries cover all
 * of it: "bet" is not in "beta", but "slotsescort" is two entries glued. */
static void whole_words(const window *w, uint8_t *covered, size_t from, size_t to)
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
static void cover_contacts(const window *w, uint8_t *covered)
{
    for (size_t i = 0; i < w->n; i++) {
        if (i > 0 && !blank(w->c[i - 1].cp))
            continue;
        int strong;
        size_t len = contact_token(w, i, &strong);
        memset(covered + i, CONTACT, len);
        i += len;
    }
}

/* Whether an entry may start at character i: anywhere in a spaceless
 * script, at a word's start in a spaced one. */
static int may_start(const window *w, size_t i)
{
    return !spaced_letter(w, i) || i == 0 || w->g[i - 1] != w->g[i];
}

/* Flags ENTRY in w->covered on the characters of [from, to) that
 * promotional entries cover; entries match across the blanks and
 * punctuation between words, and glued to each other ("slotsescort"). */
static int cover_range(mf_spam_scratch *s, window *w, size_t from, size_t to)
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
static size_t run_covered(mf_spam_scratch *s, window *w, const mf_run *run, int *rc)
{
    if (!w->whole && (*rc = cover_range(s, w, run->start, run->end)) != MF_OK)
        return 0;
    size_t covered = 0;
    for (size_t i = run->start; i < run->end; i++)
        covered += w->covered[i] == ENTRY && foreign(w, i);
    return covered < run->letters ? covered : run->letters;
}

/* A letter of prose beside a run: lowercase, or of a caseless script. */
static int prose_letter(const window *w, size_t i)
{
    if (!own_letter(w, i))
        return 0;
    uint32_t cp = w->c[i].cp;
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    mf_class cl = mf_char_class(cp);
    return cl != MF_CL_L1_UPPER && cl != MF_CL_LX_UPPER && cl != MF_CL_GREEK_UPPER &&
           cl != MF_CL_CYR_UPPER;
}

/* Prose going on past a blank at i (i - 1 wraps past 0: not < n). */
static int prose_after(const window *w, size_t i, int step)
{
    return i < w->n && blank(w->c[i].cp) && prose_letter(w, i + (size_t)step);
}

static int homoglyphs(int a, int b)
{
    int la = a == MF_G_LATIN || a == MF_G_GREEK || a == MF_G_CYRILLIC;
    int lb = b == MF_G_LATIN || b == MF_G_GREEK || b == MF_G_CYRILLIC;
    return la && lb;
}

/* The signal that makes the run spam, or 0 to keep it. */
static int judge(mf_spam_scratch *s, window *w, const mf_run *run, int *rc)
{
    if (!run->letters)
        return 0; /* a URL or a number alone is not a foreign run */
    int left = run->start > 0 && own_letter(w, run->start - 1);
    int right = own_letter(w, run->end);
    /* Latin is how other scripts write names and code: never structural. */
    int structural = run->group != MF_G_LATIN &&
                     run->letters >= (homoglyphs(w->own, run->group) ? HOMOGLYPH_MIN
                                                                     : STRUCTURAL_MIN);
    if (left && right && structural &&
        (prose_letter(w, run->start - 1) || prose_letter(w, run->end)))
        return MF_SPAM_INSIDE_WORD;
    if (mf_spam_mention(w->c, w->n, run, w->own, left || right))
        return 0;
    size_t covered = run_covered(s, w, run, rc);
    int lexicon = covered && 2 * covered >= run->letters;
    /* Latin runs in other scripts need their words to be promotional too:
     * URLs, file names and bracketed titles are common there. */
    int enough = run->group != MF_G_LATIN || lexicon;
    if (run->contact && enough)
        return MF_SPAM_CONTACT;
    if (run->decorated && enough)
        return MF_SPAM_DECORATED;
    if (lexicon)
        return MF_SPAM_LEXICON;
    if (structural && run->letters >= GLUED_MIN && !spaceless(w->own) && w->own != MF_G_HANGUL &&
        w->dominant && ((left && prose_letter(w, run->start - 1) && prose_after(w, run->end, 1)) ||
                        (right && prose_letter(w, run->end) && prose_after(w, run->start - 1, -1))))
        return MF_SPAM_GLUED_RUN;
    return 0;
}

/* A word of an edge of a Latin run that no entry covers is a word of the
 * text the run was glued to ("porn videos | casino bonus IO エラー"). */
static int uncovered_word(const window *w, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (w->covered[i] == ENTRY)
            return 0;
    return 1;
}

static void trim_words(const window *w, mf_run *run)
{
    for (;;) { /* from the start */
        size_t e = run->start;
        while (e < run->end && spaced_letter(w, e) && w->g[e] == w->g[run->start])
            e++;
        if (e == run->start || e == run->end || !blank(w->c[e].cp) ||
            !uncovered_word(w, run->start, e))
            break;
        while (e < run->end && blank(w->c[e].cp))
            e++;
        run->start = e;
    }
    for (;;) { /* from the end */
        size_t b = run->end;
        while (b > run->start && spaced_letter(w, b - 1) && w->g[b - 1] == w->g[run->end - 1])
            b--;
        if (b == run->end || b == run->start || !blank(w->c[b - 1].cp) ||
            !uncovered_word(w, b, run->end))
            break;
        while (b > run->start && blank(w->c[b - 1].cp))
            b--;
        run->end = b;
    }
}

/* ---- removal --------------------------------------------------------------- */

static void mark_range(mf_char *c, size_t from, size_t to, int signal)
{
    for (size_t k = from; k < to; k++) {
        c[k].flags |= MF_CHAR_SPAM;
        c[k].signal = (uint8_t)signal;
    }
}

/* Removes the run by the spacing rule: glued to anything, alone; set off by
 * blanks, with the blanks before it, or at a line's start, those after. */
static void remove_run(const window *w, const mf_run *run, int signal)
{
    const mf_char *c = w->c;
    size_t from = run->start, to = run->end;
    int before = from == 0 || blank(c[from - 1].cp);
    int after = to == w->n || blank(c[to].cp) || line_end(c[to].cp);
    if (before && after) {
        while (from > 0 && blank(c[from - 1].cp))
            from--;
        if (from == 0)
            while (to < w->n && blank(c[to].cp))
                to++;
    }
    mark_range(w->c, from, to, signal);
}

/* The window's own script. Where other scripts weigh much (a short line,
 * a long run), promotional words and contacts are left out of the count
 * first: they must not make a line of spam look like its own text. */
static int find_own(mf_spam_scratch *s, window *w)
{
    size_t mine, others;
    w->own_mask = own_groups(w->g, w->covered, w->n, &w->own, &mine, &others, &w->latin_plural);
    if (others * CONTESTED > mine) {
        int rc = cover_range(s, w, 0, w->n);
        if (rc != MF_OK)
            return rc;
        cover_contacts(w, w->covered);
        w->whole = 1;
        w->own_mask = own_groups(w->g, w->covered, w->n, &w->own, &mine, &others,
                                 &w->latin_plural);
    }
    w->dominant = mine >= 2 * others;
    return MF_OK;
}

static int setup(mf_spam_scratch *s, window *w)
{
    uint8_t *g = mf_grow(s->group, &s->cap, w->n + 1, 1);
    if (g)
        s->group = g;
    uint8_t *covered = mf_grow(s->covered, &s->covered_cap, w->n + 1, 1);
    if (covered)
        s->covered = covered;
    if (!g || !covered)
        return MF_ERR_NOMEM;
    for (size_t i = 0; i < w->n; i++) {
        g[i] = (uint8_t)mf_spam_group(w->c[i].cp);
        if (g[i] == MF_G_NONE && i > 0 && mf_char_class(w->c[i].cp) == MF_CL_COMBINING)
            g[i] = g[i - 1]; /* a mark goes with its letter */
    }
    memset(covered, 0, w->n);
    w->g = g;
    w->covered = covered;
    return find_own(s, w);
}

/* Hiragana is the grammar of Japanese, glued to the Latin words it
 * speaks of ("getsocknameもしくはlisten"): never a run of spam. */
static int all_hiragana(const window *w, const mf_run *run)
{
    for (size_t i = run->start; i < run->end; i++)
        if (w->g[i] != MF_G_NONE && !(w->c[i].cp >= 0x3041 && w->c[i].cp <= 0x309F))
            return 0;
    return 1;
}

/* Tokens (between blanks) of Latin letters only, two at least: prose in
 * Latin, not identifiers glued to CJK ("將pipeline狀態設為NULL"). */
static size_t latin_tokens(const window *w)
{
    size_t tokens = 0, letters = 0;
    int pure = 1;
    for (size_t i = 0; i <= w->n; i++) {
        if (i == w->n || blank(w->c[i].cp) || line_end(w->c[i].cp)) {
            tokens += pure && letters >= 2;
            letters = 0;
            pure = 1;
            continue;
        }
        letters += w->g[i] == MF_G_LATIN;
        pure &= w->g[i] == MF_G_LATIN || w->g[i] == MF_G_NONE;
    }
    return tokens;
}

/* Where Latin has the most letters but not enough to be the window's own
 * (code and names in CJK text, or a long run in a short line), runs inside
 * its words are still spam if the Latin is prose ("negat시알리스ive"). */
static int inside_latin_words(mf_spam_scratch *s, window *w)
{
    if (latin_tokens(w) < LATIN_PROSE_TOKENS)
        return MF_OK;
    w->own = MF_G_LATIN;
    w->own_mask = 1u << MF_G_LATIN;
    int rc = MF_OK;
    for (size_t i = 0; i < w->n; i++) {
        if (!foreign(w, i) || (w->c[i].flags & MF_CHAR_SPAM))
            continue;
        mf_run run = {i, i, w->g[i], 0, 0, 0};
        grow_run(w, &run);
        if (judge(s, w, &run, &rc) == MF_SPAM_INSIDE_WORD && !all_hiragana(w, &run))
            remove_run(w, &run, MF_SPAM_INSIDE_WORD);
        if (rc != MF_OK)
            return rc;
        i = run.end > i ? run.end - 1 : i;
    }
    return MF_OK;
}

int mf_spam_mark(mf_spam_scratch *s, mf_char *c, size_t n)
{
    window w = {c, NULL, n, 0, 0, 0, NULL, 0, 0};
    int rc = setup(s, &w);
    if (rc != MF_OK || !w.own_mask)
        return rc;
    for (size_t i = 0; i < n; i++) {
        if (!foreign(&w, i) || (c[i].flags & MF_CHAR_SPAM))
            continue;
        mf_run run = {i, i, w.g[i], 0, 0, 0};
        grow_run(&w, &run);
        int signal = judge(s, &w, &run, &rc);
        if (rc != MF_OK)
            return rc;
        if (signal == MF_SPAM_LEXICON && run.group == MF_G_LATIN)
            trim_words(&w, &run);
        if (signal)
            remove_run(&w, &run, signal);
        i = run.end > i ? run.end - 1 : i;
    }
    return w.latin_plural ? inside_latin_words(s, &w) : MF_OK;
}

/* ---- the byte-level look -------------------------------------------------- */

/* Bit per script group a UTF-8 lead byte (or ASCII letter) belongs to; the
 * second byte settles E0 (Indic or Thai) and E1 (Vietnamese Latin or not). */
static unsigned lead_bits(const uint8_t *p, size_t i, size_t len)
{
    uint8_t b = p[i];
    if (b < 0x80)
        return ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ? 1u : 0;
    if (b < 0xC3)
        return 0;
    if (b <= 0xCA) return 1u;          /* Latin-1, Latin Extended */
    if (b <= 0xCF) return 1u << 1;     /* Greek, Coptic */
    if (b <= 0xD4) return 1u << 2;     /* Cyrillic */
    if (b <= 0xD7) return 1u << 3;     /* Armenian, Hebrew */
    if (b <= 0xDF) return 1u << 4;     /* Arabic, Syriac, Thaana, NKo */
    if (b == 0xE0) return i + 1 < len && p[i + 1] >= 0xB8 ? 1u << 5 : 1u << 6; /* SEA, Indic */
    if (b == 0xE1) return i + 1 < len && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB ? 1u : 1u << 7;
    if (b == 0xE2) return 0;           /* punctuation, symbols */
    if (b == 0xE3) return i + 1 < len && p[i + 1] >= 0x81 ? 1u << 9 : 0; /* kana, Han */
    if (b <= 0xE9) return 1u << 9;     /* Han */
    if (b >= 0xEA && b <= 0xED) return 1u << 10; /* Hangul */
    if (b == 0xF0) return 1u << 9;     /* supplementary Han, emoji: either way */
    return 0;
}

/* Bytes that begin an ornament: ▶ ◀ ● ★ ♥ ✔ ❤ ⭐ (U+2580-U+27FF,
 * U+2B00-U+2B7F), 【 】 《 》, emoji. */
static int ornament_bytes(const uint8_t *p, size_t i, size_t len)
{
    if (i + 2 >= len)
        return 0;
    if (p[i] == 0xE2)
        return (p[i + 1] >= 0x96 && p[i + 1] <= 0x9F) || p[i + 1] == 0xAC || p[i + 1] == 0xAD;
    if (p[i] == 0xE3)
        return p[i + 1] == 0x80 && (p[i + 2] == 0x8A || p[i + 2] == 0x8B || p[i + 2] == 0x90 ||
                                    p[i + 2] == 0x91);
    return p[i] == 0xF0 && p[i + 1] == 0x9F;
}

/* Whether the characters at buf[i] may begin an entry of the built-in
 * lists or of the user's (blanks skipped, as entries match across them). */
static int lexicon_start(const uint8_t *buf, size_t i, size_t len, const mf_trie *user)
{
    uint32_t cp[3] = {0, 0, 0};
    for (int k = 0; k < 3 && i < len;) {
        int step = mf_utf8_decode(buf + i, len - i, &cp[k]);
        if (!step)
            break;
        i += (size_t)step;
        k += cp[k] != ' ';
    }
    if (!cp[1])
        return 0;
    uint32_t a = mf_fold(cp[0]), b = mf_fold(cp[1]), c = cp[2] == ' ' ? 0 : mf_fold(cp[2]);
    return mf_lexicon_may_start(&mf_lexicon, a, b, c) ||
           (user && mf_lexicon_may_start(user, a, b, c));
}

/* The script group of each byte, roughly, as lead_bits's bit index for a
 * letter or lead byte (E0 as Indic, E1 as not Latin, E3 as Han), 14 for a
 * continuation byte, 15 for the rest. */
static const uint8_t rough_group[256] = {
    15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
    15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
    15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
    15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
    15,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0, 15, 15, 15, 15, 15,
    15,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0, 15, 15, 15, 15, 15,
    14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
    14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
    14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
    14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
    15, 15, 15,  0,  0,  0,  0,  0,  0,  0,  0,  1,  1,  1,  1,  1,
     2,  2,  2,  2,  2,  3,  3,  3,  4,  4,  4,  4,  4,  4,  4,  4,
     6,  7, 15,  9,  9,  9,  9,  9,  9,  9, 10, 10, 10, 10, 15, 15,
     9, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
};

/* Letters per group, weighed (Han and Hangul count twice). Two tallies
 * interleaved, so that a run of one group is not one long dependency
 * chain; 16-bit and small, as most windows are short lines (a window holds
 * at most 64 KiB, half in each). */
static void count_groups(const uint8_t *buf, size_t len, size_t count[16])
{
    uint16_t even[16] = {0}, odd[16] = {0};
    size_t i = 0;
    for (; i + 2 <= len; i += 2) {
        even[rough_group[buf[i]]]++;
        odd[rough_group[buf[i + 1]]]++;
    }
    if (i < len)
        even[rough_group[buf[i]]]++;
    for (int k = 0; k < 16; k++)
        count[k] = k < 14 ? (size_t)even[k] + odd[k] : 0;
    count[9] *= 2;
    count[10] *= 2;
}

/* The group with the most letters as a bit mask, with Latin the window's
 * own only by far (as in own_groups); *contested when the others weigh as
 * much as find_own says (the main group may then be the spam). */
static unsigned main_mask(const size_t count[16], int *contested, int *latin_plural)
{
    int best = 1;
    size_t all = count[0];
    for (int k = 1; k < 15; k++) {
        all += count[k];
        if (count[k] > count[best])
            best = k;
    }
    *latin_plural = count[0] > count[best] && count[0] <= LATIN_MARGIN * count[best];
    if (count[0] > LATIN_MARGIN * count[best])
        best = 0;
    *contested = (all - count[best]) * CONTESTED > count[best];
    return 1u << best;
}

/* A window is worth a look when it has letters of two script groups and
 * something a spam run needs: a letter of a minor group (not the main one,
 * nor Latin) glued to one of another, an ornament, the look of a contact
 * (seven digits, "@", "://"), or the first characters of a lexicon entry
 * where a word of a minor group starts (of any, if the main is contested). */
int mf_spam_suspect(const uint8_t *buf, size_t len, const mf_trie *user)
{
    size_t count[16], groups = 0, digits = 0;
    count_groups(buf, len, count);
    for (int k = 0; k < 15; k++)
        groups += count[k] != 0;
    if (groups < 2)
        return 0;
    int contested, latin_plural;
    unsigned own = main_mask(count, &contested, &latin_plural), prev = 0;
    unsigned own_group = (unsigned)__builtin_ctz(own);
    /* Latin has the most letters: a run may be inside its words */
    unsigned glue_mask = latin_plural ? ~1u : ~own & ~1u;
    for (size_t i = 0; i < len; i++) {
        uint8_t b = buf[i];
        unsigned g = rough_group[b];
        if (g == 14) /* a continuation byte */
            continue;
        if (g == own_group && !contested) { /* the bulk of the text: nothing to see */
            prev = own;
            continue;
        }
        if (g == 15 && b < 0x80 && b != '@' && b != ':' && (b < '0' || b > '9')) {
            prev = 0; /* blanks and punctuation */
            continue;
        }
        unsigned bits = lead_bits(buf, i, len);
        if (bits && prev && bits != prev && ((bits | prev) & glue_mask))
            return 1; /* "sho광주": a minor group glued; Latin gluing is left to entries */
        if (bits && bits != prev && (contested || !(bits & own)) && lexicon_start(buf, i, len, user))
            return 1;
        if (b < 0x80) {
            digits += b >= '0' && b <= '9';
            if (b == '@' || (b == ':' && i + 2 < len && buf[i + 1] == '/' && buf[i + 2] == '/'))
                return 1;
        } else if (ornament_bytes(buf, i, len)) {
            return 1;
        }
        prev = bits;
    }
    return digits >= 7;
}
