/* cjk.c: the CJK rule (cjk.h): reads a window through each double-byte
 * path, keeps the runs whose bytes are proof of the damage, and chooses the
 * path whose reading costs least under the plausibility model, if it beats
 * the window as it stands by the prior of a broken window. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cjk.h"
#include "cjk_codec.h"
#include "codec.h"
#include "grow.h"
#include "mojifix.h"
#include "plausibility.h"

#define GAP 0x80000000u /* owner flag: the byte stands for a U+FFFD (lost bytes) */
#define BREAK 0xFFFFFFFFu /* owner of a character the path cannot encode */

void mf_cjk_scratch_free(mf_cjk_scratch *s)
{
    free(s->bytes);
    free(s->owner);
    free(s->text);
    mf_chars_free(&s->best);
    mf_chars_free(&s->try_);
    free(s->costs);
    memset(s, 0, sizeof *s);
}

static int reserve(mf_cjk_scratch *s, size_t n)
{
    if (!s->costs && !(s->costs = malloc(mf_lang_count * sizeof *s->costs)))
        return MF_ERR_NOMEM;
    if (n <= s->cap)
        return MF_OK;
    uint8_t *b = realloc(s->bytes, n);
    if (b)
        s->bytes = b;
    uint32_t *o = realloc(s->owner, n * sizeof *o);
    if (o)
        s->owner = o;
    uint32_t *t = realloc(s->text, n * sizeof *t);
    if (t)
        s->text = t;
    if (!b || !o || !t)
        return MF_ERR_NOMEM;
    s->cap = n;
    return MF_OK;
}

/* ---- the cost of a reading ---- */

/* Whether codec k's code is in the first, common level of its standard:
 * GB2312's level 1 (GBK B0-D7), JIS X 0208's (CP932 88-98), the Hangul of
 * KS X 1001 (CP949 B0-C8), Big5's (A440-C67E). */
static int common_code(size_t k, uint16_t code)
{
    unsigned lead = code >> 8, trail = code & 0xFF;
    const char *name = mf_cjk_codecs[k].name;
    if (!strcmp(name, "gbk"))
        return lead >= 0xB0 && lead <= 0xD7 && trail >= 0xA1;
    if (!strcmp(name, "cp932"))
        return lead >= 0x88 && lead <= 0x98;
    if (!strcmp(name, "cp949"))
        return lead >= 0xB0 && lead <= 0xC8 && trail >= 0xA1;
    return code >= 0xA440 && code <= 0xC67E;
}

/* A Han character or Hangul syllable that no codec here has in its common
 * level. The character model knows these by class only, every one alike;
 * but mojibake through these codecs is made of their rarest characters
 * (the pairs of UTF-8 bytes, or of Latin-1 letters, fall in the extensions
 * and second levels), and text mostly of their common ones. */
static int rare_cjk(const mf_char *c)
{
    uint32_t cp = c->cp;
    if (cp >= 0x3131 && cp <= 0x318E) /* Hangul letters alone: Big5's bopomofo row in CP949 */
        return 1;
    if (!((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
          (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xAC00 && cp <= 0xD7A3)))
        return 0;
    const uint16_t *codes = mf_cjk_encode_all(cp);
    /* A character read from codec k's text is as rare as it is in that
     * text: Hanja in Korean text, say, are rare though common in Chinese. */
    if ((c->flags & MF_CHAR_CJK) && c->chain >= MF_CJK_LEGACY) {
        size_t k = (c->chain - MF_CJK_LEGACY) / 2;
        return !common_code(k, codes[k]);
    }
    for (size_t k = 0; k < mf_cjk_codecs_count; k++)
        if (codes[k] && common_code(k, codes[k]))
            return 0;
    return 1;
}

/* What a rare character costs beyond its class: about the odds of a
 * character of the second levels against one of the first in real text. */
#define RARE_COST (6 * MF_COST_SCALE)

/* The characters under the character model, and in the language they fit
 * best. */
static int32_t text_cost(mf_cjk_scratch *s, const mf_chars *c)
{
    int32_t cost = 0;
    uint32_t prev = MF_CP_BOUNDARY;
    for (size_t i = 0; i < c->n; i++) {
        s->text[i] = c->v[i].cp;
        cost += mf_cost_after(prev, c->v[i].cp) + (rare_cjk(&c->v[i]) ? RARE_COST : 0);
        prev = c->v[i].cp;
    }
    cost += mf_cost_after(prev, MF_CP_BOUNDARY);
    memset(s->costs, 0, mf_lang_count * sizeof *s->costs);
    mf_language_costs(s->text, c->n, NULL, mf_lang_count, s->costs);
    int32_t best = s->costs[0];
    for (size_t l = 1; l < mf_lang_count; l++)
        best = s->costs[l] < best ? s->costs[l] : best;
    return cost + best;
}

/* ---- building a reading ---- */

static int plain(const mf_char *c)
{
    return !c->levels && !(c->flags & MF_CHAR_RULES);
}

/* Appends characters to the reading: the first covers input characters
 * [from, to), the others are empty at its end (one edit takes them all). */
static int put_piece(mf_chars *out, const mf_chars *in, size_t from, size_t to,
                     const uint32_t *cps, size_t n, uint32_t path, uint8_t signal)
{
    if (mf_chars_reserve(out, out->n + n) != MF_OK)
        return MF_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        uint32_t at = i ? in->v[to - 1].end : in->v[from].start;
        out->v[out->n++] = (mf_char){cps[i], at, in->v[to - 1].end, path, 0, MF_CHAR_CJK, signal};
    }
    return MF_OK;
}

static int copy_chars(mf_chars *out, const mf_chars *in, size_t from, size_t to)
{
    if (mf_chars_reserve(out, out->n + (to - from)) != MF_OK)
        return MF_ERR_NOMEM;
    memcpy(out->v + out->n, in->v + from, (to - from) * sizeof *in->v);
    out->n += to - from;
    return MF_OK;
}

/* A decoded run: the sequences of bytes [from, to) of the path's bytes. */
typedef struct seq {
    size_t from, to;
    uint32_t cp;
} seq;

/* ---- UTF-8 read through a double-byte codec ---- */

/* Lays out the path's bytes of the window: each character's code in codec
 * k, a GAP byte for U+FFFD, a BREAK for what the codec cannot encode. */
static size_t utf8_bytes(mf_cjk_scratch *s, const mf_chars *c, size_t k)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++) {
        uint16_t code = plain(&c->v[i]) ? mf_cjk_encode_all(c->v[i].cp)[k] : 0;
        if (plain(&c->v[i]) && c->v[i].cp == 0xFFFD) {
            s->bytes[n] = 0;
            s->owner[n++] = (uint32_t)i | GAP;
        } else if (!code) {
            s->bytes[n] = 0;
            s->owner[n++] = BREAK;
        } else {
            if (code > 0xFF) {
                s->bytes[n] = (uint8_t)(code >> 8);
                s->owner[n++] = (uint32_t)i;
            }
            s->bytes[n] = (uint8_t)code;
            s->owner[n++] = (uint32_t)i;
        }
    }
    return n;
}

static int is_gap(const mf_cjk_scratch *s, size_t i)
{
    return s->owner[i] != BREAK && (s->owner[i] & GAP);
}

static int usable(const mf_cjk_scratch *s, size_t i)
{
    return s->owner[i] != BREAK && !(s->owner[i] & GAP);
}

/* Where a run of usable bytes from i ends. */
static size_t usable_end(const mf_cjk_scratch *s, size_t i, size_t n)
{
    while (i < n && usable(s, i))
        i++;
    return i;
}

/* The character a byte is of; the first byte of a character starts it. */
static uint32_t owner_of(const mf_cjk_scratch *s, size_t i)
{
    return s->owner[i] & ~GAP;
}

static int char_start(const mf_cjk_scratch *s, size_t i)
{
    return i == 0 || i >= s->nbytes || owner_of(s, i) != owner_of(s, i - 1);
}

/* How many bytes at p begin a UTF-8 sequence that is cut short (its lead
 * and the continuations that fit it), or 0. */
static size_t cut_prefix(const uint8_t *p, size_t avail)
{
    if (avail == 0 || p[0] < 0xC2 || p[0] > 0xF4)
        return 0;
    size_t need = p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4, m = 1;
    while (m < need && m < avail && (p[m] & 0xC0) == 0x80)
        m++;
    return m < need ? m : 0;
}

/* Reads a stretch of UTF-8 from byte i: sequences, ASCII, and for each
 * U+FFFD (or "?") where a sequence is cut short, one U+FFFD for the damaged
 * character with the continuations after it. Returns the sequences read;
 * *complete and *lost count the multi-byte ones. */
static size_t read_stretch(const mf_cjk_scratch *s, size_t i, size_t n, seq *out, int *complete,
                           int *lost)
{
    size_t m = 0, pos = i;
    *complete = *lost = 0;
    while (pos < n && s->owner[pos] != BREAK) {
        size_t end = usable_end(s, pos, n);
        uint32_t cp;
        int len = pos < end ? mf_utf8_decode(s->bytes + pos, end - pos, &cp) : 0;
        if (len > 0) {
            out[m++] = (seq){pos, pos + (size_t)len, cp};
            *complete += len > 1;
            pos += (size_t)len;
            continue;
        }
        size_t cut = cut_prefix(s->bytes + pos, end - pos);
        size_t g = pos + cut;
        int lost_here = g < n && (is_gap(s, g) || (cut && s->bytes[g] == '?' && usable(s, g) &&
                                                    char_start(s, g) && char_start(s, g + 1)));
        if (!lost_here || (cut == 0 && pos == i))
            break;
        size_t to = g + 1;
        while (to < n && usable(s, to) && (s->bytes[to] & 0xC0) == 0x80 && to - g <= 3 - cut)
            to++;
        out[m++] = (seq){pos, to, 0xFFFD};
        *lost += 1;
        pos = to;
    }
    return m;
}

/* Emits the stretch's sequences as pieces: each ends where a sequence and
 * a character end together, and covers those input characters. */
static int put_stretch(const mf_cjk_scratch *s, const mf_chars *in, mf_chars *out,
                       const seq *q, size_t m, uint32_t path)
{
    uint32_t cps[64];
    size_t n = 0, first = 0;
    uint8_t signal = MF_CJK_EXACT;
    for (size_t j = 0; j < m; j++) {
        if (n == sizeof cps / sizeof *cps)
            return MF_OK; /* cannot happen: pieces are a few characters */
        cps[n++] = q[j].cp;
        uint32_t own = owner_of(s, q[j].from);
        if (q[j].cp == 0xFFFD)
            signal = MF_CJK_LOST;
        else if (q[j].cp < 0x80 && in->v[own].cp >= 0x80 && signal == MF_CJK_EXACT)
            signal = MF_CJK_ASCII;
        if (j + 1 < m && !char_start(s, q[j].to))
            continue;
        size_t from = owner_of(s, q[first].from), to = owner_of(s, q[j].to - 1) + 1;
        int rc = n == 1 && q[j].cp < 0x80 && in->v[from].cp == q[j].cp
                     ? copy_chars(out, in, from, to)
                     : put_piece(out, in, from, to, cps, n, path, signal);
        if (rc != MF_OK)
            return rc;
        n = 0, first = j + 1, signal = MF_CJK_EXACT;
    }
    return MF_OK;
}

/* The reading of the window as UTF-8 through codec k: the stretches whose
 * bytes prove it (a complete multi-byte sequence, two in all counting
 * those cut short, and no more cut than complete). */
static int read_utf8(mf_cjk_scratch *s, const mf_chars *in, size_t k, seq *q, int *found)
{
    size_t n = s->nbytes = utf8_bytes(s, in, k), done = 0;
    mf_chars *out = &s->try_;
    out->n = 0;
    *found = 0;
    for (size_t i = 0; i < n;) {
        if (!usable(s, i) || !char_start(s, i) || s->bytes[i] < 0x80) {
            i++;
            continue;
        }
        int complete, lost;
        size_t m = read_stretch(s, i, n, q, &complete, &lost);
        /* End where a character ends, on one that changes. */
        while (m && !char_start(s, q[m - 1].to))
            m--;
        while (m && q[m - 1].cp < 0x80 && in->v[owner_of(s, q[m - 1].from)].cp == q[m - 1].cp)
            m--;
        complete = lost = 0;
        for (size_t j = 0; j < m; j++) {
            complete += q[j].cp != 0xFFFD && q[j].to - q[j].from > 1;
            lost += q[j].cp == 0xFFFD;
        }
        if (complete == 0 || complete + lost < 2 || lost > complete) {
            i++;
            continue;
        }
        size_t from = owner_of(s, i), to = owner_of(s, q[m - 1].to - 1) + 1;
        int rc = copy_chars(out, in, done, from);
        if (rc == MF_OK)
            rc = put_stretch(s, in, out, q, m, (uint32_t)k);
        if (rc != MF_OK)
            return rc;
        done = to;
        *found = 1;
        i = q[m - 1].to;
    }
    return *found ? copy_chars(out, in, done, in->n) : MF_OK;
}

/* ---- double-byte text read as Windows-1252 or Latin-1 ---- */

/* The byte of cp in Windows-1252 or Latin-1 (C1 controls are their own
 * byte in Latin-1, and cp1252's five undefined bytes decode to them), or -1. */
static int legacy_byte(uint32_t cp)
{
    if (cp >= 0x80 && cp <= 0xFF)
        return (int)cp;
    return cp < 0x80 ? (int)cp : mf_codec_encode(0, cp);
}

/* Whether the window's one-byte characters read as Latin-1 (a C1 control
 * cp1252 defines stands there) rather than cp1252. */
static int latin1_path(const mf_chars *in, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (in->v[i].cp >= 0x80 && in->v[i].cp <= 0x9F && mf_codecs[0].to_ucs[in->v[i].cp] != in->v[i].cp)
            return 1;
    return 0;
}

/* The reading of the window's runs of one-byte characters as codec k's
 * text: each run of well-formed pairs (and CP932's one-byte katakana) with
 * two pairs of bytes that are not ASCII, whose bytes are not UTF-8. */
/* The case of a Latin letter of ASCII or Windows-1252's upper half: 1
 * upper, 2 lower, 0 not a letter. */
static int latin_case(uint32_t cp)
{
    if (cp < 0x80)
        return mf_ascii_letter(cp) < 0 ? 0 : cp < 'a' ? 1 : 2;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || cp == 0x160 || cp == 0x152 ||
        cp == 0x17D || cp == 0x178)
        return 1;
    if ((cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || cp == 0x161 || cp == 0x153 ||
        cp == 0x17E || cp == 0x192)
        return 2;
    return 0;
}

/* Whether characters [i, j) read as a word: letters, all in one case or a
 * capital and then small ones ("õäöü", "ÕÄÖÜ" in a list of Estonian
 * letters). Double-byte text read as Latin-1 mixes symbols (its bytes
 * 0xA1-0xBF) and both cases in nearly every block. */
static int word_like(const mf_chars *in, size_t i, size_t j)
{
    int first = latin_case(in->v[i].cp), rest = 0;
    for (size_t x = i + 1; x < j; x++) {
        int c = latin_case(in->v[x].cp);
        if (!c || (rest && c != rest))
            return 0;
        rest = c;
    }
    return first && (!rest || rest == 2 || first == 1);
}

/* The length of the UTF-8 sequence at p, or of a surrogate encoded as
 * UTF-8 (CESU-8, which the unit search and the cesu rule read too), or 0. */
static int utf8_or_cesu(const uint8_t *p, size_t n)
{
    uint32_t cp;
    if (n >= 3 && p[0] == 0xED && p[1] >= 0xA0 && p[1] <= 0xBF && (p[2] & 0xC0) == 0x80)
        return 3;
    int len = mf_utf8_decode(p, n, &cp);
    /* A private-use character is no reading of real text either. */
    return len && (!mf_cp_readable(cp) || (cp >= 0xE000 && cp <= 0xF8FF)) ? 0 : len;
}

/* Parses the n bytes at p as UTF-8 into *multi multi-byte sequences and
 * *cuts cut short (allowed inside only with `inside`); 0 if they are not. */
static int parse_utf8(const uint8_t *p, size_t n, int inside, size_t *multi, size_t *cuts)
{
    for (size_t x = 0; x < n;) {
        int len = utf8_or_cesu(p + x, n - x);
        size_t cut = len ? 0 : cut_prefix(p + x, n - x);
        if (cut && cut == n - x)
            return 1; /* cut at the end: "à¦" of ঠ whose no-break space was lost */
        if (cut >= 2 && inside) { /* a lead and a continuation at least */
            x += cut;
            ++*cuts;
            continue;
        }
        if (len == 0)
            return 0;
        *multi += len > 1;
        x += (size_t)len;
    }
    return 1;
}

/* Whether single-byte codec c is one this kind's text is read through. */
static int reading_codec(size_t c)
{
    return !strcmp(mf_codecs[c].name, "cp1252") || !strcmp(mf_codecs[c].name, "latin1");
}

/* Whether characters [i, j) are UTF-8 read through one of the single-byte
 * codecs (codec.h): the unit search's mojibake, not evidence of this kind
 * (MacRoman's "¬´" for "«" is a Big5 pair too). Returns 0 if not, 2 if
 * they spell two sequences or more through cp1252 or Latin-1, the codecs
 * this kind's text is read through too ("ÐŸÐ¾Ð¼"), else 1. Through those
 * two, sequences of three or four bytes cut short inside the block are
 * allowed too, one for two whole ones: UTF-8 that lost bytes cp1252 has no
 * character for (the 8D of a Devanagari virama, "à¥" for E0 A5 8D), which
 * the common characters of double-byte text read as cp1252 seldom spell. */
static int single_byte_mojibake(mf_cjk_scratch *s, const mf_chars *in, size_t i, size_t j)
{
    int found = 0;
    for (size_t c = 0; c < mf_codecs_count; c++) {
        int reading = reading_codec(c), ok = 1;
        size_t multi = 0, cuts = 0;
        /* A U+FFFD is a byte the decoder lost: each piece around it is read alone. */
        for (size_t x = i; ok && x < j;) {
            size_t n = 0;
            for (; x < j && in->v[x].cp != 0xFFFD; x++) {
                int b = mf_codec_encode(c, in->v[x].cp);
                if (b < 0)
                    break;
                s->bytes[n++] = (uint8_t)b;
            }
            if (x < j && in->v[x].cp != 0xFFFD)
                ok = 0;
            ok = ok && parse_utf8(s->bytes, n, reading, &multi, &cuts);
            x += x < j;
        }
        if (!ok || !multi)
            continue;
        if (reading && multi >= 2 && cuts * 2 <= multi)
            return 2;
        found |= !cuts;
    }
    return found;
}

/* Reads the block of one-byte characters that are not ASCII at in[i] as
 * codec k's text: pairs (a trail may be ASCII, as in Big5 and Shift_JIS)
 * and CP932's half-width katakana, to the first ASCII character where a
 * pair would start. Returns the characters the block takes (0: not
 * well-formed, or a character of the Private Use Area), with its pairs,
 * those of two bytes that are not ASCII, and whether it is the unit
 * search's mojibake. */
static size_t read_block(mf_cjk_scratch *s, const mf_chars *in, size_t i, size_t k, size_t *m,
                         size_t *high, size_t *pairs, int *utf8)
{
    const mf_cjk_codec *c = &mf_cjk_codecs[k];
    size_t j = i;
    *m = *high = *pairs = 0;
    while (j < in->n) {
        int b1 = plain(&in->v[j]) ? legacy_byte(in->v[j].cp) : -1;
        if (b1 < 0x80)
            break;
        int b2 = j + 1 < in->n && plain(&in->v[j + 1]) ? legacy_byte(in->v[j + 1].cp) : -1;
        uint32_t cp = b2 >= 0 ? mf_cjk_pair(k, (uint8_t)b1, (uint8_t)b2) : 0;
        size_t w = 2;
        if (!cp && c->single[b1 - 0x80] >= 0xFF61 && c->single[b1 - 0x80] <= 0xFF9F)
            cp = c->single[b1 - 0x80], w = 1; /* CP932's half-width katakana */
        if (!cp || (cp >= 0xE000 && cp <= 0xF8FF))
            return 0;
        s->text[*m] = cp;
        s->owner[(*m)++] = (uint32_t)w;
        /* A no-break space is no part of common text in these codecs, and
         * is half of French "« " and " »": such pairs are no evidence. */
        int nbsp = b1 == 0xA0 || b2 == 0xA0;
        *high += w == 2 && b2 >= 0x80 && !nbsp;
        *pairs += w == 2 && !nbsp;
        j += w;
    }
    /* The run of characters that are not ASCII around the block: a
     * MacRoman "π" in "ÁÇπ" ends the block, not the UTF-8 sequence. */
    size_t a = i, b = j;
    while (a > 0 && plain(&in->v[a - 1]) && in->v[a - 1].cp >= 0x80)
        a--;
    while (b < in->n && plain(&in->v[b]) && in->v[b].cp >= 0x80)
        b++;
    *utf8 = single_byte_mojibake(s, in, a, b);
    return j - i;
}

/* The reading of the window's blocks of one-byte characters as codec k's
 * text. A well-formed block is evidence unless it reads as a Latin word
 * or is mojibake the unit search reads (if it spells two UTF-8 sequences
 * or more through cp1252 or Latin-1, it is never read, and counts as a
 * block of other characters: one is a coincidence of two Latin-1
 * letters); the window is
 * read when a block of evidence holds two pairs of bytes that are not
 * ASCII, or all of them three pairs (Big5 and Shift_JIS trail bytes are
 * often ASCII letters): one pair is a coincidence of two Latin-1
 * characters ("¿¿"). Then every well-formed block is read, if they hold
 * nine in ten of the window's characters that are not ASCII: a line broken
 * so is broken throughout (French with one such block is French). */
static int read_legacy(mf_cjk_scratch *s, const mf_chars *in, size_t k, int *found)
{
    mf_chars *out = &s->try_;
    size_t done = 0, taken = 0, others = 0, high_one = 0, pairs_all = 0;
    out->n = 0;
    *found = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < in->n;) {
            int b = plain(&in->v[i]) ? legacy_byte(in->v[i].cp) : -1;
            if (b < 0x80) {
                others += pass == 0 && in->v[i].cp >= 0x80;
                i++;
                continue;
            }
            size_t m, high, pairs;
            int utf8;
            size_t len = read_block(s, in, i, k, &m, &high, &pairs, &utf8);
            if (len == 0) {
                for (; i < in->n && plain(&in->v[i]) && legacy_byte(in->v[i].cp) >= 0x80; i++)
                    others += pass == 0;
                continue;
            }
            if (utf8 == 2) { /* the unit search's, even where other blocks lost bytes */
                others += pass == 0 ? len : 0;
                i += len;
                continue;
            }
            if (pass == 0) {
                if (!utf8 && !word_like(in, i, i + len))
                    high_one = high > high_one ? high : high_one, pairs_all += pairs;
                taken += len;
                i += len;
                continue;
            }
            uint32_t path = MF_CJK_LEGACY + 2 * (uint32_t)k + (uint32_t)latin1_path(in, i, i + len);
            int rc = copy_chars(out, in, done, i);
            for (size_t t = 0; rc == MF_OK && t < m; i += s->owner[t++])
                rc = put_piece(out, in, i, i + s->owner[t], &s->text[t], 1, path, MF_CJK_EXACT);
            if (rc != MF_OK)
                return rc;
            done = i;
            *found = 1;
        }
        if ((high_one < 2 && pairs_all < 3) || others * 10 > taken + others)
            return MF_OK;
    }
    return copy_chars(out, in, done, in->n);
}

/* Whether every run of characters that are not ASCII in the window is
 * UTF-8 through cp1252 (or every one through Latin-1), cut short only where
 * a byte was lost, with two multi-byte sequences in all: the unit search's
 * mojibake ("láº¡i bá»? â€œ"), in blocks too short to tell one by one. */
static int unit_search_window(mf_cjk_scratch *s, const mf_chars *in)
{
    for (size_t c = 0; c < mf_codecs_count; c++) {
        size_t multi = 0, cuts = 0, n = 0;
        int ok = reading_codec(c);
        for (size_t i = 0; ok && i <= in->n; i++) {
            uint32_t cp = i < in->n ? in->v[i].cp : '\n';
            int b = cp >= 0x80 && cp != 0xFFFD ? mf_codec_encode(c, cp) : -1;
            if (b >= 0x80) {
                s->bytes[n++] = (uint8_t)b;
                continue;
            }
            if (cp >= 0x80 && cp != 0xFFFD)
                ok = 0;
            ok = ok && parse_utf8(s->bytes, n, 0, &multi, &cuts);
            n = 0;
        }
        if (ok && multi >= 2)
            return 1;
    }
    return 0;
}

/* ---- choosing ---- */

/* The prior of the claim that the window is broken this way: as the unit
 * search's, a broken window and a decode; and a lost byte, which real text
 * never shows, pays for the U+FFFD it brings. */
static int32_t prior(const mf_chars *c)
{
    int32_t p = mf_repair_cost.broken_window + mf_repair_cost.decode;
    for (size_t i = 0; i < c->n; i++)
        if ((c->v[i].flags & MF_CHAR_CJK) && c->v[i].signal == MF_CJK_LOST)
            p += mf_repair_cost.decode;
    return p;
}

#define TIE (2 * MF_COST_SCALE)

/* How much more plausible, per character the rival reads otherwise, a CJK
 * reading must be to overrule it. The character model knows Han only by
 * class, so a line of Cyrillic read as common Han costs little less than
 * its true Cyrillic reading (about 3 nats a byte on the benchmark's KOI8
 * lines), while real double-byte text wins by 7 nats a byte or more. */
#define RIVAL_MARGIN (4 * MF_COST_SCALE)

int mf_cjk_rival_cost(mf_cjk_scratch *s, const mf_chars *chars, size_t changed, int32_t *cost)
{
    if (reserve(s, 2 * chars->n + 2) != MF_OK)
        return MF_ERR_NOMEM;
    int32_t c = text_cost(s, chars) + mf_repair_cost.broken_window + mf_repair_cost.decode;
    *cost = c - RIVAL_MARGIN * (int32_t)(changed < 1000000 ? changed : 1000000);
    return MF_OK;
}

int mf_cjk_mark(mf_cjk_scratch *s, mf_chars *chars, unsigned paths, int32_t rival, int *any)
{
    *any = 0;
    if (reserve(s, 2 * chars->n + 2) != MF_OK)
        return MF_ERR_NOMEM;
    seq *q = malloc((2 * chars->n + 2) * sizeof *q);
    if (!q)
        return MF_ERR_NOMEM;
    int32_t best = text_cost(s, chars);
    best = rival < best ? rival : best;
    int rc = MF_OK;
    if ((paths & MF_CJK_READ_LEGACY) && unit_search_window(s, chars))
        paths &= ~MF_CJK_READ_LEGACY;
    for (size_t p = 0; rc == MF_OK && p < 2 * mf_cjk_codecs_count; p++) {
        int found = 0, utf8 = p < mf_cjk_codecs_count;
        size_t k = p % mf_cjk_codecs_count;
        if (!(paths & (utf8 ? MF_CJK_READ_UTF8 : MF_CJK_READ_LEGACY)))
            continue;
        rc = utf8 ? read_utf8(s, chars, k, q, &found) : read_legacy(s, chars, k, &found);
        if (rc != MF_OK || !found)
            continue;
        /* Paths are in the order of how often text is broken along them:
         * a later one must win by more than a near tie ("ÄãºÃ" is 你好
         * in GBK and 콱봤 in CP949, which the model weighs alike). */
        int32_t cost = text_cost(s, &s->try_) + prior(&s->try_) + (*any ? TIE : 0);
        if (cost < best) {
            best = cost;
            mf_chars t = s->best;
            s->best = s->try_;
            s->try_ = t;
            *any = 1;
        }
    }
    free(q);
    if (rc == MF_OK && *any) {
        mf_chars t = *chars;
        *chars = s->best;
        s->best = t;
    }
    return rc;
}

/* ---- names ---- */

void mf_cjk_rule_name(uint32_t path, char *buf, size_t size)
{
    if (path < MF_CJK_LEGACY)
        snprintf(buf, size, "utf8-as-%s", mf_cjk_codecs[path].name);
    else
        snprintf(buf, size, "%s-as-%s", mf_cjk_codecs[(path - MF_CJK_LEGACY) / 2].name,
                 (path - MF_CJK_LEGACY) % 2 ? "latin1" : "cp1252");
}

const char *mf_cjk_detail(uint8_t signal)
{
    return signal == MF_CJK_ASCII  ? "an ASCII byte a pair took, given back"
           : signal == MF_CJK_LOST ? "bytes lost to the decoder: U+FFFD"
                                   : NULL;
}
