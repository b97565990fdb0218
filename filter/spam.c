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
#include "mojifix.h"
#include "spam_window.h"

/* Letters the window's own script needs for it to say anything (Han, kana
 * and Hangul count twice: a syllable says as much as a short word). */
#define OWN_WEIGHT_MIN 6
/* and beside promotional words, which are not its own: a short line with
 * spam longer than itself ("DLLTOOL име     : %s 휴대폰소액결제현금화") */
#define OWN_WEIGHT_BESIDE_ENTRIES 3
/* A run glued to a word on one side only must be this long, with prose
 * going on past a blank on its other side ("the포커 의 신 rampage"): a
 * native word glued to an identifier ("Anchorsの設定") is short or ends
 * the line. */
#define GLUED_MIN 4
#define GLUED_MIN_CJK 3 /* characters that are words themselves */
/* Characters each side of the word a run is glued to, looked up for
 * promotional entries (they match across words: "jual ijazah"). */
#define GLUE_CONTEXT 24
/* Uncovered Han a line needs to be Chinese text (spam.h has the
 * hiragana). */
#define CHINESE_HAN_MIN 4
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

/* The own groups of the window as a bit mask, 0 when it has too few letters
 * to tell; letters that entries or contacts cover, and those in runs
 * inside other scripts' words (`inside`, by group), do not count. */
static unsigned own_groups(const uint8_t *g, const uint8_t *covered, size_t n,
                           const size_t inside[MF_G_COUNT], int *own, size_t *own_weight,
                           size_t *other_weight, int *latin_plural)
{
    size_t weight[MF_G_COUNT] = {0};
    int promotional = 0;
    for (size_t i = 0; i < n; i++) {
        if (!covered[i]) /* promotional words say nothing of the text's own script */
            weight[g[i]] += cjk(g[i]) ? 2 : 1;
        promotional |= covered[i] == ENTRY && g[i] != MF_G_NONE;
    }
    for (int k = MF_G_LATIN; k < MF_G_COUNT; k++) {
        size_t out = inside[k] * (cjk(k) ? 2 : 1);
        weight[k] = weight[k] > out ? weight[k] - out : 0;
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
    *own_weight = *other_weight = 0;
    if (weight[best] < (promotional ? OWN_WEIGHT_BESIDE_ENTRIES : OWN_WEIGHT_MIN))
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

/* A letter of prose beside a run: lowercase, or of a caseless script. */
static int prose_letter(const spam_window *w, size_t i)
{
    return own_letter(w, i) && mf_spam_not_capital(w->c[i].cp);
}

/* Tokens (between blanks) of Latin letters only, two at least (with lower,
 * in lower case): prose in Latin, not identifiers glued to CJK
 * ("將pipeline狀態設為NULL") nor a title ("Trust Anchorsの設定"). */
static size_t latin_tokens(const spam_window *w, int lower)
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
        pure &= w->g[i] == MF_G_NONE ||
                (w->g[i] == MF_G_LATIN && (!lower || prose_letter(w, i)));
    }
    return tokens;
}

/* Prose going on past a blank at i (i - 1 wraps past 0: not < n), or the
 * line ending there in a line of prose: a run glued to its first or last
 * word ("九游会call frame search table must not be writable"). */
static int prose_after(const spam_window *w, size_t i, int step)
{
    if (i >= w->n || line_end(w->c[i].cp))
        return latin_tokens(w, 1) >= LATIN_PROSE_TOKENS;
    return blank(w->c[i].cp) && prose_letter(w, i + (size_t)step);
}

/* A word of an edge of a Latin run that no entry covers is a word of the
 * text the run was glued to ("porn videos | casino bonus IO エラー"). */
static int uncovered_word(const spam_window *w, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (w->covered[i] == ENTRY)
            return 0;
    return 1;
}

/* Letters of the run's first group and digits: a token of code or a word. */
static int token_char(const spam_window *w, size_t i, int group)
{
    return w->g[i] == group || digit(w->c[i].cp);
}

/* Blanks and decorations between a run's tokens. */
static int separator(const spam_window *w, size_t i)
{
    return blank(w->c[i].cp) || mf_spam_decoration(w->c[i].cp);
}

static size_t letters_in(const spam_window *w, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += foreign(w, i);
    return n;
}

/* Whether the token [from, to) may be the text's: it has letters (a
 * number goes with spam) and no contact starts it ("WA 0800-6627-7244"). */
static int text_token(const spam_window *w, size_t from, size_t to)
{
    int strong;
    return letters_in(w, from, to) && uncovered_word(w, from, to) &&
           !mf_spam_contact_token(w, from, &strong);
}

/* A token at an edge of a Latin run that no entry covers, set off from
 * the rest of it by blanks or decorations, is the text's ("%x ★casino",
 * "bet365 URI", "porn videos | casino bonus IO エラー"). */
static void trim_words(const spam_window *w, mf_run *run)
{
    int g = run->group;
    for (;;) { /* from the start */
        size_t e = run->start;
        while (e < run->end && token_char(w, e, g))
            e++;
        size_t next = e;
        while (next < run->end && separator(w, next))
            next++;
        if (e == run->start || next == e || next == run->end || !word_char(w, next) ||
            !text_token(w, run->start, e))
            break;
        run->letters -= letters_in(w, run->start, e);
        while (next > e && mf_spam_decoration(w->c[next - 1].cp) == MF_ORNAMENT)
            next--; /* "%x ★casino★": the ornament stays with the run */
        run->start = next;
    }
    for (;;) { /* from the end */
        size_t b = run->end;
        while (b > run->start && token_char(w, b - 1, g))
            b--;
        size_t prev = b;
        while (prev > run->start && separator(w, prev - 1))
            prev--;
        if (b == run->end || prev == b || prev == run->start || !word_char(w, prev - 1) ||
            !text_token(w, b, run->end))
            break;
        run->letters -= letters_in(w, b, run->end);
        while (prev < b && mf_spam_decoration(w->c[prev].cp) == MF_ORNAMENT)
            prev++;
        run->end = prev;
    }
}

/* Whether the run may be judged without vocabulary. Latin is how other
 * scripts write names and code: never. */
static int structural(const spam_window *w, const mf_run *run)
{
    return run->group != MF_G_LATIN &&
           run->letters >= (homoglyphs(w->own, run->group) ? HOMOGLYPH_MIN : STRUCTURAL_MIN);
}

/* Whether the run is inside a word of the window's own script, which needs
 * no vocabulary: a word does not change script in its middle. */
static int inside_word(const spam_window *w, const mf_run *run)
{
    return run->start > 0 && own_letter(w, run->start - 1) && own_letter(w, run->end) &&
           mf_spam_inside_shape(w, run, w->own) &&
           (prose_letter(w, run->start - 1) || prose_letter(w, run->end));
}

/* Whether promotional words cover the own-script letter at i: the text
 * around them is then the spam, and a run glued to them the line's own
 * ("ססמתtogel hari ini" where Indonesian spam outweighs the Hebrew). */
static int glued_to_entry(mf_spam_scratch *s, spam_window *w, size_t from, size_t to,
                          size_t i, int *rc)
{
    if (!w->whole && (*rc = mf_spam_cover(s, w, from, to)) != MF_OK)
        return 1;
    return (w->covered[i] & ENTRY) != 0;
}

/* A run glued to a word of prose on one side, with prose going on past a
 * blank (or the line's end) on the other. */
static int glued_run(mf_spam_scratch *s, spam_window *w, const mf_run *run, int left, int right,
                     int *rc)
{
    if (!structural(w, run) || run->letters < (cjk(run->group) ? GLUED_MIN_CJK : GLUED_MIN) ||
        spaceless(w->own) || w->own == MF_G_HANGUL || !w->dominant)
        return 0;
    /* the words on the glued side only: the run's own letters are no
     * evidence about them */
    size_t a = run->start, z = run->end;
    if (left && prose_letter(w, a - 1) && prose_after(w, z, 1))
        return !glued_to_entry(s, w, a > GLUE_CONTEXT ? a - GLUE_CONTEXT : 0, a, a - 1, rc);
    if (right && prose_letter(w, z) && prose_after(w, a - 1, -1))
        return !glued_to_entry(s, w, z, w->n - z > GLUE_CONTEXT ? z + GLUE_CONTEXT : w->n, z, rc);
    return 0;
}

/* The end of the number that follows `end` past blanks, or `end`. */
static size_t digits_after(const spam_window *w, size_t end)
{
    size_t k = end;
    while (k < w->n && blank(w->c[k].cp))
        k++;
    if (k == end || k == w->n || !digit(w->c[k].cp))
        return end;
    while (k < w->n && digit(w->c[k].cp))
        k++;
    return k;
}

/* The signal that makes the run spam, or 0 to keep it. A Latin run loses
 * the words at its edges that no entry covers before it is judged ("judi
 * slot GFileIcon" in a Thai line). */
static int judge(mf_spam_scratch *s, spam_window *w, mf_run *run, int *rc)
{
    if (!run->letters)
        return 0; /* a URL or a number alone is not a foreign run */
    if (inside_word(w, run))
        return MF_SPAM_INSIDE_WORD;
    size_t tail = digits_after(w, run->end);
    if (!w->whole && (*rc = mf_spam_cover(s, w, run->start, tail)) != MF_OK)
        return 0;
    if (tail > run->end && w->covered[tail - 1] == ENTRY)
        run->end = tail; /* an entry's number ("азино 777", "справка 086") */
    if (run->group == MF_G_LATIN)
        trim_words(w, run);
    int left = run->start > 0 && own_letter(w, run->start - 1);
    int right = own_letter(w, run->end);
    size_t covered = mf_spam_run_covered(w, run);
    /* Half the letters covered; a third in other scripts than Latin, whose
     * compounds join a promotional block to a name ("에볼루션바카라"). */
    int lexicon = covered && (run->group == MF_G_LATIN ? 2 : 3) * covered >= run->letters;
    if (mf_spam_mention(w->c, w->n, run, w->own, left || right, lexicon))
        return 0;
    /* Latin runs in other scripts need their words to be promotional too:
     * URLs, file names and bracketed titles are common there. */
    int enough = run->group != MF_G_LATIN || lexicon;
    if (run->contact && enough)
        return MF_SPAM_CONTACT;
    if (run->decorated && enough)
        return MF_SPAM_DECORATED;
    if (lexicon)
        return MF_SPAM_LEXICON;
    return glued_run(s, w, run, left, right, rc) ? MF_SPAM_GLUED_RUN : 0;
}

/* ---- removal --------------------------------------------------------------- */

static void mark_range(mf_char *c, size_t from, size_t to, int signal)
{
    for (size_t k = from; k < to; k++) {
        c[k].flags |= MF_CHAR_SPAM;
        c[k].signal = (uint8_t)signal;
    }
}

static void remove_run(const spam_window *w, const mf_run *run, int signal)
{
    mark_range(w->c, run->start, run->end, signal);
}

/* What may lie between two runs that are one stretch of spam: blanks,
 * digits and decorations ("справка 086 | казино", "援助交際 ED治療薬"). */
static int between_runs(uint32_t cp)
{
    return blank(cp) || digit(cp) || mf_spam_decoration(cp);
}

/* The end of the stretch of runs that starts at the marked character i:
 * runs with only blanks, digits and decorations between them are one. */
static size_t stretch_end(const mf_char *c, size_t n, size_t i)
{
    size_t end = i;
    for (size_t k = i; k < n; k++) {
        if (c[k].flags & MF_CHAR_SPAM)
            end = k + 1;
        else if (!between_runs(c[k].cp))
            break;
    }
    return end;
}

/* Removes each stretch of runs by the spacing rule: glued to anything,
 * alone; set off by blanks, with the blanks before it, or at a line's
 * start, those after. */
static void space_runs(const spam_window *w)
{
    mf_char *c = w->c;
    for (size_t i = 0; i < w->n; i++) {
        if (!(c[i].flags & MF_CHAR_SPAM))
            continue;
        size_t from = i, to = stretch_end(c, w->n, i);
        int signal = c[i].signal;
        int before = from == 0 || blank(c[from - 1].cp);
        int after = to == w->n || blank(c[to].cp) || line_end(c[to].cp);
        if (before && after) {
            while (from > 0 && blank(c[from - 1].cp))
                from--;
            if (from == 0)
                while (to < w->n && blank(c[to].cp))
                    to++;
        }
        for (size_t k = from; k < to; k++)
            if (!(c[k].flags & MF_CHAR_SPAM))
                mark_range(c, k, k + 1, signal);
        i = to - 1;
    }
}

/* Han with kana that promotional entries cover, and no other kana: a
 * Japanese entry in Chinese text ("节区大小ライブカジノ"), whose kana are
 * then another script. Japanese prose has kana of its own (particles),
 * and a short line of kanji may be a Japanese label ("パチンコ店"). */
static int chinese_text(mf_spam_scratch *s, spam_window *w, size_t *mine, size_t *others)
{
    size_t kana = 0, hiragana = 0, han = 0;
    for (size_t i = 0; i < w->n; i++) {
        kana += w->g[i] == MF_G_KANA;
        hiragana += w->c[i].cp >= 0x3041 && w->c[i].cp <= 0x309F;
    }
    if (!kana || hiragana > MF_SPAM_HIRAGANA_MAX)
        return MF_OK;
    if (!w->whole) {
        int rc = mf_spam_cover(s, w, 0, w->n);
        if (rc != MF_OK)
            return rc;
        mf_spam_cover_contacts(w);
        w->whole = 1;
    }
    for (size_t i = 0; i < w->n; i++) {
        if (w->g[i] == MF_G_KANA && w->covered[i] != ENTRY)
            return MF_OK;
        han += w->g[i] == MF_G_HAN && !w->covered[i];
    }
    if (han < CHINESE_HAN_MIN)
        return MF_OK;
    w->own_mask = 1u << MF_G_HAN;
    *mine = 2 * han;
    *others = 2 * kana;
    return MF_OK;
}

/* The window's own script. Where other scripts weigh much (a short line,
 * a long run), promotional words and contacts are left out of the count
 * first: they must not make a line of spam look like its own text. */
static int find_own(mf_spam_scratch *s, spam_window *w)
{
    size_t mine, others;
    size_t inside[MF_G_COUNT];
    mf_spam_inside_letters(w, inside);
    w->own_mask = own_groups(w->g, w->covered, w->n, inside, &w->own, &mine, &others,
                             &w->latin_plural);
    if (!w->own_mask || others * CONTESTED > mine) { /* a short line, or a long run */
        int rc = mf_spam_cover(s, w, 0, w->n);
        if (rc != MF_OK)
            return rc;
        mf_spam_cover_contacts(w);
        w->whole = 1;
        w->own_mask = own_groups(w->g, w->covered, w->n, inside, &w->own, &mine, &others,
                                 &w->latin_plural);
    } else if (w->own == MF_G_LATIN && others) {
        /* Latin promotional words make Latin the own script of text in
         * another with names in it ("גיליון Pyspread (בדחיסת bzip) 【Cash
         * Advance casino reviews】") */
        int rc = mf_spam_cover(s, w, 0, w->n);
        if (rc != MF_OK)
            return rc;
        w->whole = 1;
        w->own_mask = own_groups(w->g, w->covered, w->n, inside, &w->own, &mine, &others,
                                 &w->latin_plural);
    }
    if (w->own == MF_G_HAN && (w->own_mask & 1u << MF_G_KANA)) {
        int rc = chinese_text(s, w, &mine, &others);
        if (rc != MF_OK)
            return rc;
    }
    w->dominant = mine >= 2 * others;
    return MF_OK;
}

static int setup(mf_spam_scratch *s, spam_window *w)
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

/* Where Latin has the most letters but not enough to be the window's own
 * (code and names in CJK text, or a long run in a short line), runs inside
 * its words are still spam if the Latin is prose ("negat시알리스ive"). */
static void inside_latin_words(spam_window *w)
{
    if (latin_tokens(w, 0) < LATIN_PROSE_TOKENS)
        return;
    w->own = MF_G_LATIN;
    w->own_mask = 1u << MF_G_LATIN;
    for (size_t i = 0; i < w->n; i++) {
        if (!foreign(w, i) || (w->c[i].flags & MF_CHAR_SPAM))
            continue;
        mf_run run = {i, i, w->g[i], w->g[i], 0, 0, 0};
        mf_spam_grow_run(w, &run);
        if (run.letters && inside_word(w, &run))
            remove_run(w, &run, MF_SPAM_INSIDE_WORD);
        i = run.end > i ? run.end - 1 : i;
    }
}

int mf_spam_mark(mf_spam_scratch *s, mf_char *c, size_t n)
{
    spam_window w = {c, NULL, n, 0, 0, 0, NULL, 0, 0};
    int rc = setup(s, &w);
    if (rc != MF_OK || !w.own_mask)
        return rc;
    for (size_t i = 0; i < n; i++) {
        if (!foreign(&w, i) || (c[i].flags & MF_CHAR_SPAM))
            continue;
        mf_run run = {i, i, w.g[i], w.g[i], 0, 0, 0};
        mf_spam_grow_run(&w, &run);
        int signal = judge(s, &w, &run, &rc);
        if (rc != MF_OK)
            return rc;
        if (signal)
            remove_run(&w, &run, signal);
        i = run.end > i ? run.end - 1 : i;
    }
    if (w.latin_plural)
        inside_latin_words(&w);
    space_runs(&w);
    return MF_OK;
}

