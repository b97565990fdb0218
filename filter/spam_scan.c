/* spam_scan.c: the byte-level look that tells which windows the spam
 * rule need not decode: those with letters of one script group only, or
 * with nothing a spam run needs. */
#include <string.h>

#include "charclass.h"
#include "decode.h"
#include "lexicon.h"
#include "spam_window.h"

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

/* lead_bits of Thai and its neighbours, Han and kana, Hangul */
#define SPACELESS_BITS (1u << 5 | 1u << 9 | 1u << 10)

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
/* mf_fold, with ASCII (most of what is looked up) done here. */
static uint32_t fold(uint32_t cp)
{
    return cp < 0x80 ? (cp - 'A' < 26u ? cp + 0x20 : cp) : mf_fold(cp);
}

/* Whether a whole entry of t begins at buf[i], over the characters that
 * spam_cover.c skips between words (blanks, punctuation): what the prefix
 * of lexicon_start says maybe, the trie says for sure. */
static int entry_at(const mf_trie *t, const uint8_t *buf, size_t i, size_t len)
{
    uint32_t node = 0, cp;
    while (i < len) {
        int step = buf[i] < 0x80 ? (cp = buf[i], 1) : mf_utf8_decode(buf + i, len - i, &cp);
        if (!step)
            return 0;
        i += (size_t)step;
        if (cp < 0x80 ? !mf_ascii_alnum((uint8_t)cp)
                      : mf_spam_group(cp) == MF_G_NONE && mf_char_class(cp) != MF_CL_COMBINING)
            continue;
        if (!mf_trie_step(t, &node, fold(cp)))
            return 0;
        if (t->final[node])
            return 1;
    }
    return 0;
}

static int lexicon_start(const uint8_t *buf, size_t i, size_t len, const mf_trie *user)
{
    size_t start = i;
    uint32_t cp[3] = {0, 0, 0};
    for (int k = 0; k < 3 && i < len;) {
        int step = buf[i] < 0x80 ? (cp[k] = buf[i], 1) : mf_utf8_decode(buf + i, len - i, &cp[k]);
        if (!step)
            break;
        i += (size_t)step;
        k += cp[k] != ' ';
    }
    if (!cp[1])
        return 0;
    uint32_t a = fold(cp[0]), b = fold(cp[1]), c = cp[2] == ' ' ? 0 : fold(cp[2]);
    return (mf_lexicon_may_start(&mf_lexicon, a, b, c) && entry_at(&mf_lexicon, buf, start, len)) ||
           (user && mf_trie_may_start(user, a, b, c) && entry_at(user, buf, start, len));
}

/* Whether buf[i..] is a listed top-level domain ending its token: the
 * host of a URL with no scheme ("bet88.kr", "t.me/x"). */
static int domain_at(const uint8_t *buf, size_t i, size_t len)
{
    size_t e = i;
    while (e < len && e - i < 8 && (unsigned)((buf[e] | 0x20) - 'a') < 26u)
        e++;
    return e > i && (e == len || !mf_ascii_alnum(buf[e])) && mf_spam_tld(buf + i, e - i);
}

/* The script group of each byte, roughly, as lead_bits's bit index for a
 * letter or lead byte (E0 as Indic, E1 as not Latin, E3 as Han), 14 for a
 * continuation byte, 15 for the rest; a table, as it is looked up for every
 * byte of every window, and mf_spam_scan_table_ok proves it. */
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

int mf_spam_scan_table_ok(void)
{
    for (int b = 0; b < 256; b++) {
        uint8_t p[2] = {(uint8_t)b, 0x80};
        unsigned bits = b == 0xE3 ? 1u << 9 : lead_bits(p, 0, 2);
        int want = (b & 0xC0) == 0x80 ? 14 : bits ? __builtin_ctz(bits) : 15;
        if (rough_group[b] != want)
            return 0;
    }
    return 1;
}

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
    /* E0 leads Indic scripts and, by its second byte, Thai, Lao and Tibetan:
     * the table counts all as Indic ("क्रिรับโบนัสया" is two groups). */
    if (count[6]) {
        size_t sea;
        mf_spam_e0_leads(buf, len, &sea);
        count[6] -= sea;
        count[5] += sea;
    }
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

/* A group takes part with two letters at least (a run has two), Latin
 * with three (its runs need an entry; "%s" in a Russian line is no run). */
static size_t taking_part(const size_t count[16])
{
    size_t groups = 0;
    for (int k = 0; k < 14; k++)
        groups += count[k] >= (k == 0 ? 3u : k >= 9 ? 4u : 2u);
    return groups;
}

size_t mf_spam_groups(const uint8_t *buf, size_t len)
{
    size_t count[16];
    count_groups(buf, len, count);
    return taking_part(count);
}

/* Whether an entry begins where kana begins: in Han text with kana and
 * nothing else, a Japanese run in Chinese ("节区大小ライブカジノ"). */
static int kana_entry(const uint8_t *buf, size_t len, const mf_trie *user)
{
    int kana = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (rough_group[buf[i]] == 14)
            continue; /* a continuation byte */
        int k = buf[i] == 0xE3 && buf[i + 1] >= 0x81 && buf[i + 1] <= 0x83;
        if (k && !kana && lexicon_start(buf, i, len, user))
            return 1;
        kana = k;
    }
    return 0;
}

/* Follows the runs glued into a word: a letter of group `bits` after one of
 * `prev` (0 past a blank or a digit). True when a run of one group that
 * began glued to a word of a script but Han's ends glued to the same one:
 * a run inside a word ("sho광주 출장otings"), whichever group has more
 * letters. */
typedef struct glued_run {
    unsigned outer, inner;
    int spaced; /* a blank or a digit in it */
} glued_run;

static int inside_step(unsigned bits, unsigned prev, glued_run *r)
{
    if (!prev) {
        r->inner = bits == r->inner ? r->inner : 0;
        r->spaced = 1;
        return 0;
    }
    /* in Korean and Thai, a Latin run inside a word is a phrase (spam_inside.c) */
    if (r->inner && bits == r->outer && prev == r->inner)
        return r->spaced || r->inner != 1u || !(r->outer & SPACELESS_BITS);
    r->outer = prev & 1u << 9 ? 0 : prev; /* Han and kana glue to anything */
    r->inner = r->outer ? bits : 0;
    r->spaced = 0;
    return 0;
}

/* A window is worth a look when it has letters of two script groups and
 * something a spam run needs: a letter of a minor group (not the main one,
 * nor Latin) glued to one of another, an ornament, the look of a contact
 * (seven digits, "@", "://"), or the first characters of a lexicon entry
 * where a word of a minor group starts, or at any of its letters in a
 * script without spaces (of any group, if the main is contested). */
int mf_spam_suspect(const uint8_t *buf, size_t len, const mf_trie *user)
{
    if (mf_spam_one_group(buf, len))
        return 0;
    size_t count[16], digits = 0;
    count_groups(buf, len, count);
    if (taking_part(count) < 2)
        return count[9] && mf_spam_kana_in_han(buf, len) && kana_entry(buf, len, user);
    int contested, latin_plural;
    unsigned own = main_mask(count, &contested, &latin_plural), prev = 0;
    glued_run glued = {0, 0, 0};
    unsigned own_group = (unsigned)__builtin_ctz(own);
    /* Japanese prose (many hiragana) is not looked at kana by kana */
    int kana = 0, kana_check = own_group == 9 && !contested && mf_spam_kana_in_han(buf, len);
    /* Latin has the most letters: a run may be inside its words */
    unsigned glue_mask = latin_plural ? ~1u : ~own & ~1u;
    /* Thai, Lao, Tibetan share E0 with Indic ("आรับโบนัสवेदन"): all E0 is
     * Thai where Indic is not; where both are, E0 is neither (13), and
     * lead_bits tells them apart by the next byte. */
    const uint8_t *group_of = rough_group;
    uint8_t e0_told[256];
    if (count[5]) {
        memcpy(e0_told, rough_group, sizeof e0_told);
        e0_told[0xE0] = count[6] ? 13 : 5;
        group_of = e0_told;
    }
    for (size_t i = 0; i < len; i++) {
        uint8_t b = buf[i];
        unsigned g = group_of[b];
        if (g == 14) /* a continuation byte */
            continue;
        /* the bulk of the text: nothing to see but 【】《》 */
        /* Kana in a text of Han may be a Japanese entry in Chinese
         * ("节区大小ライブカジノ"): looked for where the kana begin. */
        int was_kana = kana;
        kana = kana_check && b == 0xE3 && i + 1 < len && buf[i + 1] >= 0x81 &&
               buf[i + 1] <= 0x83;
        if (kana && !was_kana && lexicon_start(buf, i, len, user))
            return 1;
        if (g == own_group && !contested && !(b == 0xE3 && i + 1 < len && buf[i + 1] == 0x80)) {
            if (prev != own && ((prev & ~own & glue_mask) || inside_step(own, prev, &glued)))
                return 1; /* "九游会call": a minor group glued to a word's start */
            prev = own;
            continue;
        }
        if (g == 0) { /* a Latin letter, as lead_bits has it, below */
            if (prev != 1u) {
                if ((prev && ((1u | prev) & glue_mask)) || inside_step(1u, prev, &glued))
                    return 1;
                if ((contested || !(own & 1u)) && lexicon_start(buf, i, len, user))
                    return 1;
                prev = 1u;
            }
            continue;
        }
        if (g == 15 && b < 0x80 && b != '@' && b != ':' && b != '.' && (b < '0' || b > '9')) {
            prev = 0; /* blanks and punctuation */
            continue;
        }
        unsigned bits = lead_bits(buf, i, len);
        if (bits && prev && bits != prev && ((bits | prev) & glue_mask))
            return 1; /* "sho광주": a minor group glued; Latin gluing is left to entries */
        if (bits && bits != prev && inside_step(bits, prev, &glued))
            return 1;
        /* Entries glue to names in compounds ("수원콜걸", "香港六合彩"): in the
         * scripts that write them without spaces, looked for at each letter
         * of a minor group; elsewhere at its words' starts. */
        if (bits && (bits != prev || (bits & SPACELESS_BITS)) &&
            (contested || !(bits & own)) &&
            lexicon_start(buf, i, len, user))
            return 1;
        if (b < 0x80) {
            int digit = b >= '0' && b <= '9';
            digits += digit;
            /* Entries that begin with digits: "1xbet", "188bet" */
            if (digit && (i == 0 || !mf_ascii_alnum(buf[i - 1])) && lexicon_start(buf, i, len, user))
                return 1;
            if (b == '@' || (b == ':' && i + 2 < len && buf[i + 1] == '/' && buf[i + 2] == '/') ||
                (b == '.' && i > 0 && mf_ascii_alnum(buf[i - 1]) && domain_at(buf, i + 1, len)))
                return 1;
        } else if (ornament_bytes(buf, i, len)) {
            return 1;
        }
        prev = bits;
    }
    return digits >= 7;
}
