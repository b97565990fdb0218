/* spam_cues.c: what the text around a foreign run says of it. A quoted,
 * bracketed or glossed run, or one in a line that names its language, is a
 * mention ("the Korean word 감사합니다", "Samsung (삼성전자)"); a URL, a phone
 * number or a row of ★ beside it is what promotion carries. */
#include <string.h>
#include <strings.h>

#include "spam.h"
#include "spam_window.h"

static int ascii_alpha(uint32_t cp)
{
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

int mf_spam_decoration(uint32_t cp)
{
    switch (cp) {
    case '|': case 0xB7: case 0x2022:
        return MF_JOINER; /* a list's punctuation as much as spam's */
    case 0x3010: case 0x3011: case 0x2605: case 0x2606:
    case 0x25B6: case 0x25C0: case 0x25BA: case 0x25C4: case 0x2665: case 0x2661: case 0x2764:
    case 0x25C6: case 0x25A0: case 0x25CF: case 0x2714: case 0x2705: case 0x27A1: case 0x2B50:
    case 0x300A: case 0x300B:
        return MF_ORNAMENT;
    default:
        return cp >= 0x1F300 && cp <= 0x1FAFF ? MF_ORNAMENT : 0; /* pictographs, emoji */
    }
}

/* ---- contacts -------------------------------------------------------- */

/* The length of a phone number at c[i]: digits, with + ( ) - . and single
 * spaces between groups; 7 digits at least. */
static size_t phone_at(const mf_char *c, size_t n, size_t i)
{
    size_t j = i, digits = 0, end = i;
    while (j < n) {
        uint32_t cp = c[j].cp;
        if (digit(cp)) {
            digits++;
            end = j + 1;
        } else if (!(cp == '+' && j == i) && cp != '(' && cp != ')' && cp != '-' &&
                   cp != '.' && !(cp == ' ' && j + 1 < n && (digit(c[j + 1].cp) ||
                                                             c[j + 1].cp == '('))) {
            break;
        }
        j++;
    }
    return digits >= 7 ? end - i : 0;
}

/* Top-level domains that spam hosts use, and that file names rarely end in. */
static const char *const tlds[] = {
    "com", "net", "org", "info", "biz", "top", "xyz", "vip", "me", "site", "club", "io",
    "kr", "cn", "jp", "ru", "th", "vn", "tv", "asia", "online", "bet", "win", "app",
    "live", "ly", "fun", "shop", "link", "icu", "tw", "hk", "cc", NULL};

int mf_spam_tld(const uint8_t *s, size_t n)
{
    for (const char *const *t = tlds; *t; t++)
        if (strlen(*t) == n && !strncasecmp((const char *)s, *t, n))
            return 1;
    return 0;
}

static int url_char(uint32_t cp)
{
    return cp > ' ' && cp < 0x7F && cp != '"' && cp != '\'' && cp != '(' && cp != ')' &&
           cp != '[' && cp != ']' && cp != ',' && cp != '<' && cp != '>';
}

static int starts_with(const mf_char *c, size_t n, size_t i, const char *s)
{
    for (; *s; s++, i++)
        if (i >= n || (c[i].cp | 0x20) != (uint32_t)(unsigned char)*s)
            return 0;
    return 1;
}

/* Whether the host c[i..end) ends in a listed top-level domain. */
static int spam_host(const mf_char *c, size_t i, size_t end)
{
    size_t dot = end;
    while (dot > i && c[dot - 1].cp != '.')
        dot--;
    if (dot <= i + 1)
        return 0;
    char tld[8];
    size_t k = 0;
    for (size_t j = dot; j < end && k + 1 < sizeof tld; j++)
        tld[k++] = (char)(c[j].cp | 0x20);
    tld[k] = '\0';
    for (const char *const *t = tlds; *t; t++)
        if (!strcmp(tld, *t) && end - dot == strlen(*t))
            return 1;
    return 0;
}

/* Whether a URL looks promotional: a link shortener or messenger, digits
 * or punycode in its host, a referral code ("casino77.com", "bit.ly/x",
 * "?code=88"); "www.gnu.org" does not. */
static int spammy_url(const mf_char *c, size_t i, size_t host_end, size_t end)
{
    static const char *const shorteners[] = {"bit.ly", "t.me", "wa.me", "line.me", "goo.gl",
                                             "tinyurl.com", NULL};
    size_t h = i;
    for (size_t k = i; k + 2 < host_end; k++)
        if (c[k].cp == ':' && c[k + 1].cp == '/' && c[k + 2].cp == '/')
            h = k + 3;
    if (h + 4 <= host_end && (c[h].cp | 0x20) == 'w' && c[h + 3].cp == '.')
        h += 4;
    for (const char *const *s = shorteners; *s; s++)
        if (host_end - h == strlen(*s) && starts_with(c, host_end, h, *s))
            return 1;
    for (size_t k = h; k < host_end; k++)
        if (digit(c[k].cp) || (c[k].cp == '-' && k + 1 < host_end && c[k + 1].cp == '-'))
            return 1;
    for (size_t k = host_end; k + 4 < end; k++)
        if (starts_with(c, end, k, "code=") || starts_with(c, end, k, "ref="))
            return 1;
    return 0;
}

/* A URL: a scheme or "www.", or a host in a spam domain ("bit.ly/x",
 * "casino77.com"). *strong when it looks promotional. */
static size_t url_at(const mf_char *c, size_t n, size_t i, int *strong)
{
    if (!ascii_alpha(c[i].cp) && !digit(c[i].cp))
        return 0;
    size_t j = i, host_end = 0;
    int dot = 0;
    while (j < n && url_char(c[j].cp)) {
        if (!host_end && (c[j].cp == '/' || c[j].cp == '?' || c[j].cp == ':'))
            host_end = j;
        dot |= c[j].cp == '.';
        j++;
    }
    if (!dot && !host_end)
        return 0; /* a word: every URL has a scheme or a dotted host */
    while (j > i && strchr(".:;!?", (int)c[j - 1].cp))
        j--; /* sentence punctuation after it */
    if (!host_end || host_end > j)
        host_end = j;
    int scheme = starts_with(c, n, i, "http://") || starts_with(c, n, i, "https://");
    if (!scheme && !starts_with(c, n, i, "www.") && !spam_host(c, i, host_end))
        return 0;
    *strong = spammy_url(c, i, host_end, j);
    return j - i;
}

/* A messenger handle: "@name", or a messenger's label ("QQ:", "LINE",
 * "ID:") before a number or a name with digits. */
static size_t handle_at(const mf_char *c, size_t n, size_t i)
{
    static const char *const labels[] = {"qq", "line", "wa", "id", "tel", "tg", "wx", "vx",
                                         "kakao", "zalo", "viber", "wechat", NULL}; /* any case */
    size_t j = i;
    if (c[j].cp == '@') {
        j++;
        while (j < n && (ascii_alpha(c[j].cp) || digit(c[j].cp) || c[j].cp == '_'))
            j++;
        return j - i >= 3 ? j - i : 0;
    }
    uint32_t first = c[i].cp | 0x20;
    const char *const *label = labels;
    while (*label && !((unsigned char)**label == first && starts_with(c, n, i, *label) &&
                       (i + strlen(*label) >= n || !ascii_alpha(c[i + strlen(*label)].cp))))
        label++;
    if (!*label)
        return 0;
    j = i + strlen(*label);
    int upper = 1; /* "LINE 12" or "line: 12", not the "line 12" of an error message */
    for (size_t k = i; k < j; k++)
        upper &= c[k].cp >= 'A' && c[k].cp <= 'Z';
    if (!upper && (j >= n || c[j].cp != ':'))
        return 0;
    if (j < n && c[j].cp == ':')
        j++;
    if (j < n && c[j].cp == ' ')
        j++;
    if (j >= n)
        return 0;
    size_t rest = phone_at(c, n, j);
    if (!rest) {
        size_t k = j, digits = 0;
        while (k < n && (ascii_alpha(c[k].cp) || digit(c[k].cp) || c[k].cp == '@'))
            digits += digit(c[k++].cp);
        rest = digits >= 2 ? k - j : 0;
    }
    return rest ? j - i + rest : 0;
}

size_t mf_spam_contact(const mf_char *c, size_t n, size_t i, int *strong)
{
    *strong = 1;
    if (i >= n)
        return 0;
    size_t k = url_at(c, n, i, strong);
    if (!k)
        k = phone_at(c, n, i);
    if (!k)
        k = handle_at(c, n, i);
    return k;
}

/* ---- mentions -------------------------------------------------------- */

static int opening(uint32_t cp)
{
    return cp == '(' || cp == '[' || cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 ||
           cp == 0xAB || cp == 0x300C || cp == 0x300E || cp == 0xFF08 || cp == 0x201E;
}

static int closing(uint32_t cp)
{
    return cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 ||
           cp == 0xBB || cp == 0x300D || cp == 0x300F || cp == 0xFF09 || cp == 0x201C;
}

/* English names of the languages and scripts a group writes: a line that
 * names one is talking about the words it quotes. */
static const char *const *names_of(int group)
{
    static const char *const hangul[] = {"Korean", "Hangul", "Hangeul", NULL};
    static const char *const han[] = {"Chinese", "Mandarin", "Cantonese", "Japanese", "Kanji",
                                      "Hanzi", "Hanja", NULL};
    static const char *const kana[] = {"Japanese", "Katakana", "Hiragana", "Kana", NULL};
    static const char *const cyrillic[] = {"Russian", "Ukrainian", "Belarusian", "Bulgarian",
                                           "Serbian", "Macedonian", "Kazakh", "Mongolian",
                                           "Cyrillic", NULL};
    static const char *const greek[] = {"Greek", NULL};
    static const char *const sea[] = {"Thai", "Lao", "Khmer", "Burmese", "Tibetan", NULL};
    static const char *const arabic[] = {"Arabic", "Persian", "Farsi", "Urdu", "Pashto", NULL};
    static const char *const hebrew[] = {"Hebrew", "Yiddish", NULL};
    static const char *const indic[] = {"Hindi", "Sanskrit", "Bengali", "Tamil", "Telugu",
                                        "Marathi", "Gujarati", "Punjabi", "Kannada",
                                        "Malayalam", "Nepali", "Sinhala", NULL};
    switch (group) {
    case MF_G_HANGUL: return hangul;
    case MF_G_HAN: return han;
    case MF_G_KANA: return kana;
    case MF_G_CYRILLIC: return cyrillic;
    case MF_G_GREEK: return greek;
    case MF_G_SEA: return sea;
    case MF_G_ARABIC: return arabic;
    case MF_G_HEBREW: return hebrew;
    case MF_G_INDIC: return indic;
    default: return NULL;
    }
}

/* Words that introduce or follow a quoted word in English. */
static const char *const mention_words[] = {
    "word", "words", "term", "expression", "phrase", "called", "named", "means", "meaning",
    "spelled", "written", "pronounced", "read", "reads", "wrote", "say", "says", NULL};

/* The ASCII word at c[i] (letters only) in buf, or "" if none. */
static void word_at(const mf_char *c, size_t n, size_t i, char *buf, size_t size)
{
    size_t k = 0;
    while (i < n && ascii_alpha(c[i].cp) && k + 1 < size)
        buf[k++] = (char)c[i++].cp;
    buf[k] = '\0';
}

static int in_list(const char *word, const char *const *list)
{
    for (; list && *list; list++)
        if (!strcmp(word, *list))
            return 1;
    return 0;
}

static int line_names(const mf_char *c, size_t n, int group)
{
    const char *const *names = names_of(group);
    char word[16];
    for (size_t i = 0; names && i < n; i++) {
        if (c[i].cp < 'A' || c[i].cp > 'Z' || (i && ascii_alpha(c[i - 1].cp)))
            continue;
        word_at(c, n, i, word, sizeof word);
        if (in_list(word, names))
            return 1;
    }
    return 0;
}

/* The words just before and just after the run, past one blank. */
static int mention_word_beside(const mf_char *c, size_t n, const mf_run *run)
{
    char word[16];
    size_t i = run->start;
    if (i >= 2 && blank(c[i - 1].cp) && ascii_alpha(c[i - 2].cp)) {
        i -= 2;
        while (i > 0 && ascii_alpha(c[i - 1].cp))
            i--;
        word_at(c, n, i, word, sizeof word);
        if (in_list(word, mention_words))
            return 1;
    }
    i = run->end;
    if (i + 1 < n && blank(c[i].cp)) {
        word_at(c, n, i + 1, word, sizeof word);
        if (in_list(word, mention_words))
            return 1;
    }
    return 0;
}

/* A gloss is words: a letter first, or a quote and a letter ("(casino)",
 * "(\"baccarat\")"), not "(?(", "(%s%d)" or "(0600)". */
static int gloss_word(const mf_char *c, size_t n, size_t i)
{
    if (i < n && opening(c[i].cp))
        i++;
    return i < n && mf_spam_group(c[i].cp) != MF_G_NONE;
}

static int has_blank(const mf_char *c, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (blank(c[i].cp))
            return 1;
    return 0;
}

int mf_spam_mention(const mf_char *c, size_t n, const mf_run *run, int own, int glued,
                    int promotional)
{
    uint32_t before = run->start ? c[run->start - 1].cp : 0;
    uint32_t after = run->end < n ? c[run->end].cp : 0;
    if (!glued && opening(before) && closing(after))
        return 1;
    /* 《》 mark the title of a Chinese, Japanese or Korean book or film
     * ("I watched 《霸王别姬》 again"); spam wraps its words in them too
     * ("《온라인홀덤 축구중계사이트》"), which the lexicon tells. */
    if (!glued && !promotional && run->end - run->start > 2 && c[run->start].cp == 0x300A &&
        c[run->end - 1].cp == 0x300B && (run->group == MF_G_HAN || run->group == MF_G_KANA ||
                                         run->group == MF_G_HANGUL))
        return 1;
    /* A gloss follows one word or name ("삼성전자 (Samsung)"); spam in front of
     * a parenthesis is often a row of tokens. */
    size_t gloss = run->end + (after == ' ');
    if (!glued && gloss < n && (c[gloss].cp == '(' || c[gloss].cp == 0xFF08) &&
        !has_blank(c, run->start, run->end) && gloss_word(c, n, gloss + 1))
        return 1;
    /* a word before a run glued to the next is no introduction ("read セフレsocket") */
    if (own == MF_G_LATIN)
        return line_names(c, n, run->group) || (!glued && mention_word_beside(c, n, run));
    return 0;
}
