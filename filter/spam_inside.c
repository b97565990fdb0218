/* spam_inside.c: runs inside a word. A word does not change script in its
 * middle, so a run with letters of one script on both sides is injected
 * ("sho광주출장마사지otings"), and says which script is the text's even
 * where it has more letters than the text around it ("Poยาปลุกเซ็กส์kazywanie"). */
#include "charclass.h"
#include "spam_window.h"

int mf_spam_not_capital(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    mf_class cl = mf_char_class(cp);
    return cl != MF_CL_L1_UPPER && cl != MF_CL_LX_UPPER && cl != MF_CL_GREEK_UPPER &&
           cl != MF_CL_CYR_UPPER;
}

/* Hiragana is the grammar of Japanese, glued to the Latin words it speaks
 * of ("getsocknameもしくはlisten"): never a run of spam. */
static int all_hiragana(const spam_window *w, const mf_run *run)
{
    for (size_t i = run->start; i < run->end; i++)
        if (w->g[i] != MF_G_NONE && !(w->c[i].cp >= 0x3041 && w->c[i].cp <= 0x309F))
            return 0;
    return 1;
}

/* A Latin run inside a word is spam by its shape when it has three letters
 * and is no acronym ("ბოლოWALფაილი", "ବିକଳ୍ପWMକୁ" are the text's own, a space
 * lost): a lowercase letter, or a blank between its words. */
static int latin_shape(const spam_window *w, const mf_run *run)
{
    if (run->letters < HOMOGLYPH_MIN)
        return 0;
    for (size_t i = run->start; i < run->end; i++)
        if (blank(w->c[i].cp) ||
            (w->g[i] == MF_G_LATIN && mf_spam_not_capital(w->c[i].cp)))
            return 1;
    return 0;
}

/* Latin inside the words of a script written with spaces that is not
 * Korean (which glues its particles to Latin names: "오래된XID의"). */
static int latin_may_be_inside(int outer)
{
    return !spaceless(outer) && outer != MF_G_HANGUL && outer != MF_G_LATIN;
}

int mf_spam_inside_shape(const spam_window *w, const mf_run *run, int outer)
{
    if (run->group == MF_G_LATIN)
        return latin_may_be_inside(outer) && latin_shape(w, run);
    return run->letters >= (homoglyphs(outer, run->group) ? HOMOGLYPH_MIN : STRUCTURAL_MIN) &&
           !all_hiragana(w, run);
}

/* Whether the letters around [from, to) are one word cut in two: it goes
 * on in lower case, and begins in lower case or with one capital ("sho…
 * otings", "С…вързване"; not "TABLE DATA項目に対する…dumpId"). */
static int one_word(const spam_window *v, size_t from, size_t to)
{
    if (!mf_spam_not_capital(v->c[to].cp))
        return 0;
    return mf_spam_not_capital(v->c[from - 1].cp) || from == 1 || v->g[from - 2] == MF_G_NONE;
}

/* Whether the run (grown as if `outer`, the script before it, were the
 * text's) lies inside one of its words. */
static int inside_of(const spam_window *v, const mf_run *run, int outer)
{
    if (run->start == 0 || run->end >= v->n || v->g[run->start - 1] != outer ||
        v->g[run->end] != outer || !run->letters)
        return 0;
    return one_word(v, run->start, run->end) && mf_spam_inside_shape(v, run, outer);
}

unsigned mf_spam_inside_groups(const spam_window *w)
{
    size_t all[MF_G_COUNT] = {0}, inside[MF_G_COUNT] = {0};
    for (size_t i = 0; i < w->n; i++)
        all[w->g[i]]++;
    for (size_t i = 1; i < w->n; i++) {
        int outer = w->g[i - 1];
        size_t at = i; /* past ornaments: "focu【…】s" */
        while (at < w->n && mf_spam_decoration(w->c[at].cp) == MF_ORNAMENT)
            at++;
        int g = at < w->n ? w->g[at] : MF_G_NONE;
        if (g == MF_G_NONE || outer == MF_G_NONE || same_script(g, outer) || spaceless(outer))
            continue;
        i = at;
        spam_window v = *w; /* the runs as they would be in a text of `outer` */
        v.own = outer;
        v.own_mask = 1u << outer;
        mf_run run = {i, i, g, g, 0, 0, 0};
        mf_spam_grow_run(&v, &run);
        if (inside_of(&v, &run, outer))
            for (size_t k = run.start; k < run.end; k++)
                inside[w->g[k]] += foreign(&v, k);
        i = run.end > i ? run.end - 1 : i;
    }
    unsigned mask = 0;
    for (int k = MF_G_LATIN; k < MF_G_COUNT; k++)
        mask |= all[k] && inside[k] == all[k] ? 1u << k : 0;
    /* kanji and kana are one text: both inside, or neither */
    unsigned cjk_pair = 1u << MF_G_HAN | 1u << MF_G_KANA;
    if ((all[MF_G_HAN] && !(mask & 1u << MF_G_HAN)) || (all[MF_G_KANA] && !(mask & 1u << MF_G_KANA)))
        mask &= ~cjk_pair;
    return mask;
}
