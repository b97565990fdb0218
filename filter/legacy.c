/* legacy.c: legacy-to-legacy mix-ups (legacy.h). A line is read through
 * each pair whose cheap look finds evidence in it; the best reading is
 * kept when, under the language model (one language for the line) and the
 * character model, it beats the line as it stands by a clear margin; then
 * each word keeps the reading only where it wins for that word too, so
 * that a line may mix broken and clean words. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "legacy.h"
#include "mojifix.h"
#include "plausibility.h"

const mf_legacy_pair mf_legacy_pairs[] = {
    {"cp1251", "cp1252"}, {"koi8-r", "latin1"}, {"koi8-u", "latin1"},
    {"koi8-r", "cp1251"}, {"koi8-u", "cp1251"}, {"cp866", "cp1251"},
    {"cp1253", "cp1252"}, {"cp1250", "cp1252"}, {"cp1254", "cp1252"},
    {"cp1257", "cp1252"},
};
const size_t mf_legacy_pair_count = sizeof mf_legacy_pairs / sizeof *mf_legacy_pairs;
#define PAIRS (sizeof mf_legacy_pairs / sizeof *mf_legacy_pairs)

/* A reading must beat the line as it stands by this much: clean text must
 * never change, and a broken line wins by tens of nats. */
#define LINE_MARGIN (4 * MF_COST_SCALE)
/* Broken text wins by nats per letter it reads otherwise; a reading that
 * wins by little over many letters is one odd line against another. */
#define PER_LETTER (MF_COST_SCALE * 3 / 2)
/* A line in a language that writes all its letters stands unless a reading
 * beats it by more than this. */
#define PLAUSIBLE (12 * MF_COST_SCALE)
/* A word kept as it is in a line read otherwise may be in another language
 * (a name, a quotation); that costs this much. */
#define SWITCH (8 * MF_COST_SCALE)
/* A word left as it stands in a line read otherwise was written apart from
 * the rest: rarer than a short word that reads well either way ("ОЕ" for
 * "не"), so keeping it costs this much. */
#define KEPT (6 * MF_COST_SCALE)
/* And a word is read otherwise only when that wins by this much. */
#define WORD_MARGIN (2 * MF_COST_SCALE)
/* A word of irregular case, and a symbol inside a word. */
#define IRREGULAR_CASE (8 * MF_COST_SCALE)
#define SYMBOL (6 * MF_COST_SCALE)
/* A letter is native to a language when it costs this much less there than
 * a letter the language never showed. */
#define NATIVE (1 * MF_COST_SCALE)
/* A pair of letters a language never wrote; a permutation of letters (KOI8
 * read as cp1251) or a letter of the wrong alphabet ("pøímo") is full of
 * them, a real line shows one now and then (a name, a rare word). */
#define PAIR_UNSEEN (2 * MF_COST_SCALE)
/* Pairs counted in a word, at most: a list of letters ("áéýúíóþæðö") is
 * odd in every language and must not weigh as a broken line does. */
#define PAIR_CAP 5

typedef struct pair_codecs {
    int real, read;
    int same_script; /* both codecs' upper halves are Latin, or both not */
    int latin;       /* the real codec's is (a word may mix ASCII letters in) */
    uint32_t to[128]; /* a read byte's letter in the real codec, or 0 */
} pair_codecs;

static pair_codecs codecs[PAIRS];
/* Per language, what a letter it never showed costs. */
static uint8_t unseen[MF_LEGACY_MAX_LANGS];
static pthread_once_t codecs_once = PTHREAD_ONCE_INIT;

static int codec_index(const char *name)
{
    for (size_t k = 0; k < mf_codecs_count; k++)
        if (!strcmp(mf_codecs[k].name, name))
            return (int)k;
    return -1; /* not reached: check_legacy proves every name is a codec */
}

static int latin_codec(int k)
{
    return mf_script_of(mf_codecs[k].to_ucs[0xE0]) == MF_SCRIPT_LATIN;
}

static void resolve_codecs(void)
{
    for (size_t p = 0; p < PAIRS; p++) {
        codecs[p].real = codec_index(mf_legacy_pairs[p].real);
        codecs[p].read = codec_index(mf_legacy_pairs[p].read);
        codecs[p].latin = latin_codec(codecs[p].real);
        codecs[p].same_script = latin_codec(codecs[p].real) == latin_codec(codecs[p].read);
        for (int b = 0x80; b < 0x100; b++) {
            uint32_t r = mf_codecs[codecs[p].real].to_ucs[b];
            codecs[p].to[b - 0x80] = r != MF_CODEC_UNDEFINED && mf_is_letter(r) ? r : 0;
        }
    }
    for (size_t col = 0; col < mf_letter_columns; col++)
        for (size_t l = 0; l < mf_lang_count && l < MF_LEGACY_MAX_LANGS; l++)
            if (mf_lang_letter_cost[col * mf_lang_count + l] > unseen[l])
                unseen[l] = mf_lang_letter_cost[col * mf_lang_count + l];
}

void mf_legacy_scratch_free(mf_legacy_scratch *s)
{
    free(s->costs);
    free(s->text);
    free(s->native);
    free(s->langs);
    *s = (mf_legacy_scratch){0};
}


/* cp read back through the pair: the letter it was, ASCII as it is, or 0. */
static uint32_t convert(const pair_codecs *p, uint32_t cp)
{
    if (cp < 0x80)
        return cp;
    int b = mf_codec_encode((size_t)p->read, cp);
    return b < 0x80 ? 0 : p->to[b - 0x80];
}

static int upper(uint32_t cp)
{
    mf_class k = mf_char_class(cp);
    return k == MF_CL_UPPER || k == MF_CL_L1_UPPER || k == MF_CL_LX_UPPER ||
           k == MF_CL_GREEK_UPPER || k == MF_CL_CYR_UPPER;
}

static int word_char(const pair_codecs *p, uint32_t cp)
{
    return mf_is_letter(cp) || (cp >= 0x80 && convert(p, cp));
}

/* A word c[a..b): whether the pair reads it otherwise (1; 2 for a word of
 * fewer than two letters, read only beside others), and whether that
 * reading has evidence a cheap look sees (*evidence): a word of three
 * letters or more that changes script, a non-letter read as a letter, a
 * lower-case letter before an upper-case one, or, between Latin codecs, a
 * changed letter. */
static int readable(const pair_codecs *p, const mf_char *c, size_t a, size_t b, int *evidence)
{
    int changes = 0, c1 = 0, ascii = 0, non_letter = 0, lower_upper = 0, all_upper = 1;
    for (size_t i = a; i < b; i++) {
        uint32_t cp = c[i].cp, r = convert(p, cp);
        if (!r)
            return 0;
        changes += r != cp; /* a C1 control too: "premenova\u009D" */
        c1 += cp >= 0x80 && cp <= 0x9F;
        ascii += cp < 0x80;
        non_letter += !mf_is_letter(cp);
        all_upper &= upper(cp);
        lower_upper |= i > a && upper(cp) && !upper(c[i - 1].cp) && mf_is_letter(c[i - 1].cp);
    }
    if (!changes || (!p->latin && ascii))
        return 0;
    /* A lone symbol or letter is no evidence ("«", "è"): such a word is read
     * only in a line that other words show broken; nor is a C1 control
     * between two letters ("a\u009Db"). */
    size_t letters = b - a - (size_t)non_letter;
    if (letters < 2 || (changes == c1 && letters < 3))
        return *evidence = 0, 2;
    *evidence = p->same_script || b - a >= 3;
    if (p->same_script && !latin_codec(p->real)) /* Cyrillic read as Cyrillic */
        *evidence = non_letter || lower_upper || (all_upper && b - a >= 4);
    return 1;
}

/* The end of the word starting at a (a run of word characters), or a. */
static size_t word_end(const pair_codecs *p, const mf_char *c, size_t a, size_t n)
{
    size_t b = a;
    while (b < n && c[b].cp != '\n' && word_char(p, c[b].cp))
        b++;
    return b;
}

/* A word's case is lower, Title or UPPER; any other shape ("рТЙЧЕФ") is
 * rare in real text, and so is a symbol inside a word ("÷òî"). */
static int32_t shape_cost(const pair_codecs *p, const mf_char *c, size_t a, size_t b)
{
    int32_t cost = 0;
    int uppers = 0, lower_upper = 0, letters = 0, symbols = 0;
    uint32_t prev = 0;
    for (size_t i = a; i < b; i++) {
        uint32_t cp = p ? convert(p, c[i].cp) : c[i].cp;
        if (!mf_is_letter(cp)) {
            symbols += letters > 0; /* at the edges, punctuation */
            continue;
        }
        cost += symbols * SYMBOL;
        symbols = 0;
        letters++;
        uppers += upper(cp);
        lower_upper |= letters > 1 && upper(cp) && !upper(prev);
        prev = cp;
    }
    int regular = !lower_upper && (uppers == letters || uppers <= 1);
    cost += regular ? 0 : IRREGULAR_CASE;
    /* A reading that makes a word of small letters capitals ("áéýú" as
     * "АИЩЗ") undoes what is rare in broken text and common in clean. */
    if (p && letters >= 2 && uppers == letters) {
        size_t small = 0;
        for (size_t i = a; i < b; i++)
            small += mf_is_letter(c[i].cp) && !upper(c[i].cp);
        cost += small == (size_t)letters ? IRREGULAR_CASE : 0;
    }
    return cost;
}

/* Adds text[0..n)'s costs in the languages given (NULL: all): its letters,
 * and the pairs of them the language never wrote. */
static void text_costs(const uint32_t *text, size_t n, const uint16_t *langs, size_t nlangs,
                       int32_t *costs)
{
    mf_language_costs(text, n, langs, nlangs, costs);
    mf_letter_pair_costs(text, n, langs, nlangs, PAIR_UNSEEN, PAIR_CAP, costs);
}

static int reserve_text(mf_legacy_scratch *s, size_t n)
{
    if (n <= s->text_cap)
        return MF_OK;
    uint32_t *t = realloc(s->text, n * sizeof *t);
    if (!t)
        return MF_ERR_NOMEM;
    s->text = t;
    s->text_cap = n;
    return MF_OK;
}

/* Adds the word c[a..b)'s language costs, read through p (or not), times
 * sign, to costs. */
static void word_costs(mf_legacy_scratch *s, const pair_codecs *p, const mf_char *c, size_t a,
                       size_t b, int32_t *costs, int sign)
{
    int32_t *w = s->costs + 3 * mf_lang_count;
    memset(w, 0, mf_lang_count * sizeof *w);
    for (size_t i = a; i < b; i++)
        s->text[i - a] = p ? convert(p, c[i].cp) : c[i].cp;
    text_costs(s->text, b - a, NULL, mf_lang_count, w);
    for (size_t l = 0; l < mf_lang_count; l++)
        costs[l] += sign * w[l];
}

static int32_t min_cost(const int32_t *costs, size_t *at)
{
    size_t best = 0;
    for (size_t l = 1; l < mf_lang_count; l++)
        if (costs[l] < costs[best])
            best = l;
    if (at)
        *at = best;
    return costs[best];
}

/* Whether pair p has evidence in the line c[a..b). */
static int gated(const pair_codecs *p, const mf_char *c, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        size_t e = word_end(p, c, i, b);
        int evidence = 0;
        if (e > i && readable(p, c, i, e, &evidence) == 1 && evidence)
            return 1;
        i = e > i ? e : i + 1;
    }
    return 0;
}

/* Clears native[l] for the languages cp is not a native letter of (cp
 * non-ASCII: a symbol is no letter anywhere). */
static void native_in(uint32_t cp, uint8_t *native)
{
    if (cp < 0x80 || cp == 0xAA || cp == 0xBA) /* ª º: letters (Lo), "nº" */
        return;
    const uint8_t *row = mf_is_letter(cp) ? mf_language_row(cp) : NULL;
    for (size_t l = 0; l < mf_lang_count; l++)
        native[l] &= row && row[l] + NATIVE < unseen[l];
}

/* The line read through p, every word it reads otherwise read so (a lone
 * letter too, but between Latin codecs: KOI8-U "є" is what tells it from
 * KOI8-R), into out; the languages that write all its letters into
 * s->native + mf_lang_count. Returns the shape and per-letter part of its
 * cost. */
static int32_t line_reading(mf_legacy_scratch *s, const pair_codecs *p, const mf_char *c,
                            size_t a, size_t b, uint32_t *out)
{
    uint8_t *native = s->native + mf_lang_count;
    memset(native, 1, mf_lang_count);
    int32_t chars = 0;
    for (size_t i = a; i < b;) {
        size_t e = word_end(p, c, i, b), end = e > i ? e : i + 1;
        int evidence, how = e > i ? readable(p, c, i, e, &evidence) : 0;
        if (how == 1) {
            chars += shape_cost(p, c, i, e) - shape_cost(NULL, c, i, e);
            for (size_t k = i; k < e && !(p->same_script && !p->latin); k++) /* each must win */
                chars += convert(p, c[k].cp) != c[k].cp ? PER_LETTER : 0;
        }
        int lone = how == 2 && !(p->same_script && p->latin); /* not "â" in "â€?" */
        for (size_t k = i; k < end; k++)
            out[k - a] = how == 1 || lone ? convert(p, c[k].cp) : c[k].cp;
        /* Every letter of the line as read must be one language's. */
        for (size_t k = i; k < end; k++)
            if (how || mf_is_letter(c[k].cp))
                native_in(how ? convert(p, c[k].cp) : c[k].cp, native);
        i = end;
    }
    return chars;
}

/* Marks the words of c[a..b) that read better through p in language lang. */
static int mark_words(mf_legacy_scratch *s, size_t pi, mf_char *c, size_t a, size_t b,
                      size_t lang)
{
    const pair_codecs *p = &codecs[pi];
    int32_t *as_is = s->costs + mf_lang_count, *read = s->costs + 2 * mf_lang_count;
    int marked = 0;
    for (size_t i = a; i < b;) {
        size_t e = word_end(p, c, i, b);
        int evidence;
        if (e > i && readable(p, c, i, e, &evidence)) {
            memset(as_is, 0, 2 * mf_lang_count * sizeof *as_is);
            word_costs(s, NULL, c, i, e, as_is, 1);
            word_costs(s, p, c, i, e, read, 1);
            int32_t other = min_cost(as_is, NULL) + SWITCH;
            int32_t keep = (as_is[lang] < other ? as_is[lang] : other) +
                           shape_cost(NULL, c, i, e) + KEPT;
            int32_t change = read[lang] + shape_cost(p, c, i, e);
            if (change + WORD_MARGIN < keep) {
                for (size_t k = i; k < e; k++) {
                    uint32_t r = convert(p, c[k].cp);
                    if (r == c[k].cp)
                        continue;
                    c[k].cp = r;
                    c[k].flags |= MF_CHAR_LEGACY;
                    c[k].chain = (uint32_t)(p->real + 1) | (uint32_t)(p->read + 1) << 8;
                }
                marked = 1;
            }
        }
        i = e > i ? e : i + 1;
    }
    return marked;
}

/* Whether the line as it stands, at cost + PLAUSIBLE or less, is in a
 * language that writes every letter of it (s->native): Icelandic
 * "alþýðulýðveldið" is not Turkish read as cp1252, though Turkish costs
 * less under a model that knows these letters one by one. */
static int plausible(const mf_legacy_scratch *s, const uint16_t *langs, size_t n,
                     const int32_t *costs, int32_t cost)
{
    for (size_t k = 0; k < n; k++)
        if (s->native[langs[k]] && costs[k] <= cost + PLAUSIBLE)
            return 1;
    return 0;
}

/* A first look at the line c[a..b), in one pass: whether it may hold
 * evidence for pairs that read Latin-1 letters as another script (three
 * Latin non-ASCII characters in a row), for pairs between Latin codecs (a
 * character one of them reads otherwise), and for Cyrillic read as Cyrillic
 * (a capital after a small letter, four capitals in a row, a symbol between
 * letters). */
enum { LOOK_RUN = 1, LOOK_LATIN = 2, LOOK_CYRILLIC = 4 };

typedef struct looker {
    int found, run, caps;
    uint32_t prev, prev2; /* the last two characters */
} looker;

static int cyrillic(uint32_t cp)
{
    return mf_script_of(cp) == MF_SCRIPT_CYRILLIC;
}

static void look_at(looker *k, uint32_t cp)
{
    /* A symbol between Cyrillic letters: the one before the last, seen now. */
    if (k->prev >= 0x80 && !mf_is_letter(k->prev) && cyrillic(k->prev2) && cyrillic(cp))
        k->found |= LOOK_CYRILLIC;
    k->prev2 = k->prev;
    k->prev = cp;
    if (cp < 0x80) {
        k->run = k->caps = 0;
        return;
    }
    mf_class c = mf_char_class(cp);
    int latin = c == MF_CL_L1_LOWER || c == MF_CL_L1_UPPER || c == MF_CL_L1_SYMBOL ||
                c == MF_CL_LX_LOWER || c == MF_CL_LX_UPPER || c == MF_CL_L1_PUNCT;
    /* A C1 control after a letter: a byte cp1252 leaves undefined (ť). */
    k->found |= cp <= 0x9F && mf_is_letter(k->prev2) ? LOOK_LATIN : 0;
    k->run = latin ? k->run + 1 : 0;
    k->found |= k->run >= 3 ? LOOK_RUN : 0;
    for (size_t p = 0; latin && !(k->found & LOOK_LATIN) && p < PAIRS; p++) {
        uint32_t r = codecs[p].same_script && codecs[p].latin ? convert(&codecs[p], cp) : 0;
        k->found |= r && r != cp ? LOOK_LATIN : 0;
    }
    k->caps = c == MF_CL_CYR_UPPER ? k->caps + 1 : 0;
    if (k->caps >= 4 || (c == MF_CL_CYR_UPPER && mf_char_class(k->prev2) == MF_CL_CYR_LOWER))
        k->found |= LOOK_CYRILLIC;
}

static int look(const mf_char *c, size_t a, size_t b)
{
    looker k = {0, 0, 0, '\n', '\n'};
    for (size_t i = a; i < b; i++)
        look_at(&k, c[i].cp);
    look_at(&k, '\n');
    return k.found;
}

/* The first look on the window's bytes, as decoding would give them; a
 * byte that is not UTF-8 may become a letter, so it passes. */
int mf_legacy_suspect(const uint8_t *buf, size_t len)
{
    pthread_once(&codecs_once, resolve_codecs);
    looker k = {0, 0, 0, '\n', '\n'};
    for (size_t i = 0; i < len && !k.found;) {
        uint32_t cp;
        int n = mf_utf8_decode(buf + i, len - i, &cp);
        if (n == 0)
            return 1;
        look_at(&k, cp);
        i += (size_t)n;
    }
    look_at(&k, '\n');
    return k.found != 0;
}

/* Which looks a pair's evidence needs. */
static int needs(const pair_codecs *p)
{
    if (!p->same_script)
        return LOOK_RUN;
    return p->latin ? LOOK_LATIN : LOOK_CYRILLIC;
}

/* The line c[a..b): its best reading, if any beats it clearly. */
static int read_line(mf_legacy_scratch *s, mf_char *c, size_t a, size_t b)
{
    int gate[PAIRS], any = 0, seen = look(c, a, b);
    if (!seen)
        return 0;
    for (size_t p = 0; p < PAIRS; p++)
        any |= gate[p] = (seen & needs(&codecs[p])) && gated(&codecs[p], c, a, b);
    if (!any)
        return 0;
    size_t n = b - a;
    if (reserve_text(s, 2 * n) != MF_OK)
        return MF_ERR_NOMEM;
    uint32_t *text = s->text, *read = s->text + n;
    for (size_t i = a; i < b; i++)
        text[i - a] = c[i].cp;
    memset(s->native, 1, mf_lang_count);
    /* A symbol counts inside a word only ("Za¿ó³æ"), a C1 control after a
     * letter ("nájs\u009D"): no language writes either. U+FFFD stands for a
     * letter lost, of any language. */
    for (size_t i = a; i < b; i++)
        if (mf_is_letter(c[i].cp) || (i > a && c[i].cp != 0xFFFD && mf_is_letter(c[i - 1].cp) &&
                                      ((i + 1 < b && mf_is_letter(c[i + 1].cp)) ||
                                       (c[i].cp >= 0x80 && c[i].cp <= 0x9F))))
            native_in(c[i].cp, s->native);
    int32_t *as_is = s->costs;
    int full = 0; /* as_is holds every language */
    int32_t best = INT32_MAX;
    size_t best_pair = PAIRS, best_lang = 0;
    for (size_t p = 0; p < PAIRS; p++) {
        if (!gate[p])
            continue;
        int32_t chars = line_reading(s, &codecs[p], c, a, b, read);
        /* First the languages that write the line as it is or as read: most
         * clean lines stand there, before the model weighs them all. */
        uint16_t *some = s->langs, *readers = s->langs + mf_lang_count;
        size_t nsome = 0, nread = 0;
        for (size_t l = 0; l < mf_lang_count; l++) {
            if (s->native[mf_lang_count + l])
                readers[nread++] = (uint16_t)l;
            if (s->native[l] || s->native[mf_lang_count + l])
                some[nsome++] = (uint16_t)l;
        }
        int32_t *sub_is = s->costs + 2 * mf_lang_count, *sub_read = s->costs + 3 * mf_lang_count;
        memset(sub_is, 0, 2 * mf_lang_count * sizeof *sub_is);
        text_costs(read, n, readers, nread, sub_read);
        size_t lang = mf_lang_count;
        int32_t cost = INT32_MAX, sub_best = INT32_MAX;
        for (size_t k = 0; k < nread; k++)
            if (sub_read[k] + chars < cost) {
                cost = sub_read[k] + chars;
                lang = readers[k];
            }
        if (lang == mf_lang_count || cost >= best)
            continue;
        text_costs(text, n, some, nsome, sub_is);
        for (size_t k = 0; k < nsome; k++) {
            sub_best = sub_is[k] < sub_best ? sub_is[k] : sub_best;
            as_is[some[k]] = sub_is[k];
        }
        if (plausible(s, some, nsome, sub_is, cost) || cost >= sub_best - LINE_MARGIN)
            continue;
        if (!full) {
            memset(as_is, 0, mf_lang_count * sizeof *as_is);
            text_costs(text, n, NULL, mf_lang_count, as_is);
            full = 1;
        }
        if (cost < min_cost(as_is, NULL) - LINE_MARGIN) {
            best = cost;
            best_pair = p;
            best_lang = lang;
        }
    }
    return best_pair < PAIRS && mark_words(s, best_pair, c, a, b, best_lang);
}

int mf_legacy_mark(mf_legacy_scratch *s, mf_char *c, size_t n, int *any)
{
    pthread_once(&codecs_once, resolve_codecs);
    *any = 0;
    if (!s->costs && !(s->costs = malloc(4 * mf_lang_count * sizeof *s->costs)))
        return MF_ERR_NOMEM;
    if (!s->langs && !(s->langs = malloc(2 * mf_lang_count * sizeof *s->langs)))
        return MF_ERR_NOMEM;
    if (!s->native && !(s->native = malloc(2 * mf_lang_count)))
        return MF_ERR_NOMEM;
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && c[b].cp != '\n')
            b++;
        int rc = read_line(s, c, a, b);
        if (rc < 0)
            return rc;
        *any |= rc;
        a = b + 1;
    }
    return MF_OK;
}
