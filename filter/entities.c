/* entities.c: HTML character references in text that is not HTML ("caf&eacute;",
 * "l&#8217;été", "AT&amp;T"). Only references that end in ";" are read, and
 * only in a window without a "<" (which may be HTML, where they are meant)
 * where one of them is glued to a word: text that names entities sets them
 * apart ("escape & as &amp;", "e.g. &#234;"). Some are never read: "&lt;" and
 * "&gt;" (they would make markup out of text, and text that shows them is
 * about HTML), and references to controls, line ends or non-characters. */
#include "broken.h"

#include <string.h>

#include "charclass.h"
#include "codec.h"

/* Whether the reference may become cp in plain text: not a control (but a
 * tab), a line end, markup, a surrogate or a non-character. */
static int readable(uint32_t cp)
{
    return (cp >= 0x20 || cp == '\t') && cp != 0x7F && cp != '<' && cp != '>' &&
           (cp < 0xD800 || cp > 0xDFFF) && cp <= 0x10FFFF && (cp & 0xFFFE) != 0xFFFE &&
           (cp < 0xFDD0 || cp > 0xFDEF);
}

static int is_digit(uint8_t b, int hex)
{
    return (b >= '0' && b <= '9') || (hex && (b | 0x20) >= 'a' && (b | 0x20) <= 'f');
}

/* The body of a reference at b (after its "&": a name or "#" and digits,
 * then ";"), in at most max bytes: its length, 0 if none, or -1 when the
 * input ran out first. */
static int scan_body(const uint8_t *b, size_t len, size_t max)
{
    size_t n = len < max ? len : max, i = 0, first;
    if (i < n && b[i] == '#') {
        int hex = ++i < n && (b[i] | 0x20) == 'x';
        i += (size_t)hex;
        for (first = i; i < n && is_digit(b[i], hex); i++)
            ;
    } else {
        if (i < n && !((b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z'))
            return 0;
        for (first = i; i < n && mf_ascii_alnum(b[i]); i++)
            ;
    }
    if (i == n) /* ran out: of the input, or of the longest length */
        return len < max ? -1 : 0;
    return b[i] == ';' && i > first ? (int)i + 1 : 0;
}

/* The reference at s, escaped again any number of times ("&amp;eacute;",
 * which reads as one): its length, with the offset of its last body in
 * *body; 0 if none. Where the input runs out in it, -1, unless `final`
 * (the input is all there is), then the longest reference found. */
static int scan(const uint8_t *s, size_t len, int final, size_t *body)
{
    size_t at = 1;
    int best = 0;
    for (;;) {
        int n = scan_body(s + at, len - at, MF_ENTITY_MAX - at);
        if (n < 0 && !final)
            return -1;
        if (n <= 0)
            return best;
        best = (int)at + n;
        *body = at;
        if (n != 4 || memcmp(s + at, "amp;", 4) != 0)
            return best;
        at += 4;
    }
}

int mf_entity_scan(const uint8_t *s, size_t len)
{
    size_t body;
    return scan(s, len, 0, &body);
}

/* The code point of a numeric body b[0..n) ("#233;", "#xE9;"). */
static uint32_t numeric(const uint8_t *b, size_t n)
{
    int hex = (b[1] | 0x20) == 'x';
    uint32_t v = 0;
    for (size_t i = 1 + (size_t)hex; i < n - 1 && v <= 0x10FFFF; i++)
        v = v * (hex ? 16 : 10) + (uint32_t)(b[i] <= '9' ? b[i] - '0' : (b[i] | 0x20) - 'a' + 10);
    /* As HTML reads them: &#150; is cp1252's en dash, not a C1 control. */
    return v >= 0x80 && v <= 0x9F ? mf_codecs[0].to_ucs[v] : v;
}

static int by_name(const uint8_t *name, size_t n, uint32_t *cp)
{
    size_t lo = 0, hi = mf_entity_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *e = mf_entities[mid].name;
        int c = strncmp(e, (const char *)name, n);
        if (c == 0 && e[n] == 0) {
            *cp = mf_entities[mid].cp;
            return 1;
        }
        if (c < 0) /* a shorter name that is a prefix sorts first */
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int mf_entity_decode(const uint8_t *s, size_t len, uint32_t *cp)
{
    size_t body = 0;
    int n = scan(s, len, 1, &body);
    if (n <= 0)
        return 0;
    const uint8_t *b = s + body;
    size_t blen = (size_t)n - body;
    int known = b[0] == '#' ? (*cp = numeric(b, blen), 1) : by_name(b, blen - 1, cp);
    if (known && readable(*cp))
        return n;
    if (body == 1)
        return 0;
    *cp = '&'; /* "&amp;lt;": the last "&amp;" is read, "lt;" stays */
    return (int)body;
}

/* What an entity's neighbour is, for telling glued from set apart. */
enum { APART, WORD, MARK };

/* Brackets and quotation marks, which open or close a word of their own:
 * "(&#234;)", "„&#234;“", "（如 &#234;）". */
static int bracket(uint32_t cp)
{
    return cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == '{' || cp == '}' ||
           cp == 0xAB || cp == 0xBB || (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2039 ||
           cp == 0x203A || (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301B) ||
           cp == 0xFF08 || cp == 0xFF09 || cp == 0xFF3B || cp == 0xFF3D || cp == 0xFF5B ||
           cp == 0xFF5D || cp == 0xFF62 || cp == 0xFF63;
}

static int kind_of(uint32_t cp)
{
    if (bracket(cp))
        return APART;
    if (cp < 0x80)
        return mf_ascii_alnum(cp) ? WORD : cp > 0x20 && cp < 0x7F ? MARK : APART;
    mf_class c = mf_char_class(cp);
    if (mf_alphabet_class(c) || c == MF_CL_HAN || c == MF_CL_KANA || c == MF_CL_HANGUL ||
        c == MF_CL_COMBINING || c == MF_CL_MODIFIER)
        return WORD;
    return c == MF_CL_SPACE || c == MF_CL_NBSP || c == MF_CL_BOUNDARY || c == MF_CL_CONTROL
               ? APART : MARK;
}

/* The character that ends just before buf[i] (i > 0), and its length. */
static int char_before(const uint8_t *buf, size_t i, uint32_t *cp)
{
    for (int k = 1; k <= 4 && (size_t)k <= i; k++)
        if ((buf[i - (size_t)k] & 0xC0) != 0x80)
            return mf_utf8_decode(buf + i - k, (size_t)k, cp) == k ? k : (*cp = buf[i - 1], 1);
    *cp = buf[i - 1];
    return 1;
}

/* Whether buf[s, e) touches a word, maybe through a few marks ("caf&eacute;",
 * "AT&amp;T", "l&#8217;&eacute;"), rather than standing apart, after a
 * space or inside brackets or quotes ("„&#234;“", «&amp;»). A byte that is
 * not UTF-8 counts as a mark. */
static int glued(const uint8_t *buf, size_t len, size_t s, size_t e)
{
    uint32_t cp;
    int k = MARK;
    for (size_t i = s, n = 0; i > 0 && n < 8 && k == MARK; n++) {
        int step = char_before(buf, i, &cp);
        k = kind_of(cp);
        i -= (size_t)step;
    }
    if (k == WORD)
        return 1;
    k = MARK;
    for (size_t j = e, n = 0; j < len && n < 8 && k == MARK; n++) {
        int step = mf_utf8_decode(buf + j, len - j, &cp);
        k = step ? kind_of(cp) : MARK;
        j += step ? (size_t)step : 1;
    }
    return k == WORD;
}

int mf_entities_read(const uint8_t *buf, size_t len)
{
    const uint8_t *p = memchr(buf, '&', len), *end = buf + len;
    if (!p || memchr(buf, '<', len))
        return 0;
    for (; p; p = memchr(p + 1, '&', (size_t)(end - p - 1))) {
        uint32_t cp;
        int n = mf_entity_decode(p, (size_t)(end - p), &cp);
        if (n && glued(buf, len, (size_t)(p - buf), (size_t)(p - buf) + (size_t)n))
            return 1;
    }
    return 0;
}
