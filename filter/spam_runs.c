/* spam_runs.c: how far a run of spam goes. From its first foreign letter
 * it takes the letters of its script and the gaps between them (blanks,
 * digits, decorations), the contacts (URL, phone number, messenger ID)
 * before, after and inside it, and the ornaments around it. */
#include "spam_window.h"

static int gap_percent(const spam_window *w, size_t k)
{
    return w->c[k].cp == '%' && k > 0 && digit(w->c[k - 1].cp);
}

/* Between two letters of one run: blanks, digits, decorations, and a
 * percent sign after a digit ("보너스 100%후불"). */
static int gap_char(const spam_window *w, size_t k)
{
    uint32_t cp = w->c[k].cp;
    return blank(cp) || digit(cp) || mf_spam_decoration(cp) || gap_percent(w, k);
}

/* A contact starting at i that is a token of its own: it ends at a blank, a
 * line end or a foreign letter. Its length, or 0. */
size_t mf_spam_contact_token(const spam_window *w, size_t i, int *strong)
{
    size_t k = mf_spam_contact(w->c, w->n, i, strong);
    size_t e = i + k;
    return k && (e == w->n || blank(w->c[e].cp) || line_end(w->c[e].cp) || foreign(w, e) ||
                 mf_spam_decoration(w->c[e].cp)) ? k : 0;
}

/* A contact at one of the token starts in [from, to]: its start, and its
 * length in *len (0 if none). */
static size_t contact_in(const spam_window *w, size_t from, size_t to, size_t *len, int *strong)
{
    for (size_t q = from; q <= to && q < w->n; q++)
        if (q == from || !word_char(w, q - 1))
            if ((*len = mf_spam_contact_token(w, q, strong)) != 0)
                return q;
    *len = 0;
    return to;
}

/* Whether a URL starts at letter i inside a token: a scheme or "www.". */
static size_t url_start(const spam_window *w, size_t i)
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

/* Extends run->end over the contacts, foreign letters and gaps after it.
 * Past a gap the run goes on in its own script only: another foreign
 * script there is another run ("老虎机 --strip"). */
static void extend_right(const spam_window *w, mf_run *run)
{
    size_t j = run->end, len;
    int strong;
    for (;;) {
        size_t at = contact_in(w, j, j, &len, &strong); /* "QQ:1234", "t.me/x" */
        if (len) {
            run->contact |= strong;
            j = run->end = at + len;
        }
        /* Letters, up to a contact glued in: "Alternatifhttps://x", "안마QQ:1234" */
        while (j < w->n && foreign(w, j) && !url_start(w, j) &&
               !(j > run->start && foreign(w, j - 1) && !same_script(w->g[j], w->g[j - 1]) &&
                 mf_spam_contact_token(w, j, &strong))) {
            run->letters++;
            run->last = w->g[j++];
        }
        if (j < w->n && foreign(w, j) && mf_spam_contact_token(w, j, &strong))
            continue;
        while (j < w->n && foreign(w, j)) { /* "www." that is no URL after all */
            run->letters++;
            run->last = w->g[j++];
        }
        run->end = j;
        size_t k = j, gap = 0;
        int decorated = 0;
        for (; k < w->n && gap < GAP_MAX && gap_char(w, k); k++) {
            decorated |= mf_spam_decoration(w->c[k].cp) == MF_ORNAMENT;
            gap += !digit(w->c[k].cp);
        }
        at = contact_in(w, j, k, &len, &strong);
        if (len || (k < w->n && k > j && foreign(w, k) && same_script(w->g[k], run->last))) {
            run->decorated |= decorated;
            j = len ? at : k;
            continue;
        }
        while (j < w->n && (digit(w->c[j].cp) || gap_percent(w, j))) /* "카지노365", "100%" */
            j++;
        if (j == w->n || !own_letter(w, j))
            run->end = j;
        return;
    }
}

/* The start of the token that ends at `end` (exclusive), after blanks. */
static size_t token_start(const spam_window *w, size_t end)
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
static void extend_left(const spam_window *w, mf_run *run)
{
    size_t t = token_start(w, run->start), len;
    int strong;
    while (t < run->start && mf_spam_decoration(w->c[t].cp))
        t++;
    size_t joined = run->start; /* "www.vip7.com·대구" */
    while (joined > t && mf_spam_decoration(w->c[joined - 1].cp) == MF_JOINER)
        joined--;
    len = mf_spam_contact_token(w, t, &strong);
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
            len = mf_spam_contact_token(w, t, &strong);
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
    if (d < run->start && (d == 0 || !word_char(w, d - 1))) /* "【1xbet】" */
        run->start = d;
}

/* Decorations glued to the run's ends: "【카지노】", "★바카라★". */
static void extend_decorations(const spam_window *w, mf_run *run)
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
void mf_spam_grow_run(const spam_window *w, mf_run *run)
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
