/* charclass.h: the character classes the plausibility model speaks of.
 * Classes are coarse on purpose: the model learns class-to-class transitions
 * from real text, and the frequency of each character within its class. The
 * BMP class table is generated from ICU by tables/gen_classes.c. */
#ifndef MF_CHARCLASS_H
#define MF_CHARCLASS_H

#include <stdint.h>

/* Keep in sync with mf_class_names in charclass.c (the generators print them). */
typedef enum mf_class {
    MF_CL_BOUNDARY,   /* line start or end: \n \r U+2028 U+2029 */
    MF_CL_SPACE,      /* space, tab, other Zs */
    MF_CL_NBSP,       /* U+00A0 U+2007 U+202F */
    MF_CL_DIGIT,      /* 0-9 */
    MF_CL_UPPER,      /* A-Z */
    MF_CL_LOWER,      /* a-z */
    MF_CL_PUNCT,      /* ASCII . , ; : ! ? */
    MF_CL_BRACKET,    /* ASCII quotes and brackets " ' ` ( ) [ ] { } < > */
    MF_CL_SYMBOL,     /* other ASCII punctuation and symbols */
    MF_CL_CONTROL,    /* C0 and C1 controls, DEL */
    MF_CL_L1_UPPER,   /* Latin-1 letters À-Þ */
    MF_CL_L1_LOWER,   /* Latin-1 letters ß-ÿ */
    MF_CL_L1_PUNCT,   /* ¡ « · » ¿ */
    MF_CL_L1_SYMBOL,  /* the rest of U+00A1-U+00BF, × ÷ */
    MF_CL_LX_UPPER,   /* other Latin letters, uppercase */
    MF_CL_LX_LOWER,   /* other Latin letters, lowercase or caseless */
    MF_CL_MODIFIER,   /* spacing modifier letters U+02B0-U+02FF */
    MF_CL_COMBINING,  /* combining marks of no particular script */
    MF_CL_GREEK_UPPER,
    MF_CL_GREEK_LOWER,
    MF_CL_CYR_UPPER,
    MF_CL_CYR_LOWER,
    MF_CL_HEBREW,
    MF_CL_ARABIC,
    MF_CL_OTHER_ALPHA, /* Armenian, Georgian, Ethiopic */
    MF_CL_INDIC,       /* the Brahmic scripts of India and Sri Lanka */
    MF_CL_SEA,         /* Thai, Lao, Tibetan, Myanmar, Khmer */
    MF_CL_HANGUL,
    MF_CL_KANA,
    MF_CL_HAN,
    MF_CL_CJK_PUNCT,   /* CJK symbols and punctuation, full-width forms */
    MF_CL_GEN_PUNCT,   /* U+2010-U+205E: dashes, quotes, bullets, … */
    MF_CL_FORMAT,      /* zero-width and bidi controls, soft hyphen, BOM */
    MF_CL_CURRENCY,    /* U+20A0-U+20CF */
    MF_CL_LETTERLIKE,  /* ™ № ℓ Ω, number forms */
    MF_CL_MATH,        /* arrows, mathematical operators, technical */
    MF_CL_BOX,         /* box drawing, blocks, geometric shapes */
    MF_CL_SYMBOL_OTHER,/* other symbols: dingbats, misc symbols */
    MF_CL_EMOJI,       /* U+1F000-U+1FAFF */
    MF_CL_PRIVATE,     /* private use */
    MF_CL_RARE,        /* unassigned, historic and other rare characters */
    MF_CL_COUNT
} mf_class;

/* Generated BMP table: class = mf_class_page[mf_class_index[cp >> 8]][cp & 0xFF]. */
extern const uint8_t mf_class_index[256];
extern const uint8_t mf_class_page[][256];

/* An ASCII letter or digit (a byte): no repair unit holds one. */
static inline int mf_ascii_alnum(uint32_t b)
{
    return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

/* The class of a code point. */
static inline mf_class mf_char_class(uint32_t cp)
{
    if (cp <= 0xFFFF)
        return (mf_class)mf_class_page[mf_class_index[cp >> 8]][cp & 0xFF];
    if (cp >= 0x1F000 && cp <= 0x1FAFF)
        return MF_CL_EMOJI;
    if (cp >= 0x20000 && cp <= 0x3FFFF)
        return MF_CL_HAN;
    if (cp >= 0xE0000 && cp <= 0xE0FFF)
        return MF_CL_FORMAT;
    if (cp >= 0xF0000)
        return MF_CL_PRIVATE;
    return MF_CL_RARE;
}

/* Classes whose characters are letters of an alphabet that a language
 * writes (Han, Hangul and kana are not: their text is told apart otherwise). */
static inline int mf_alphabet_class(mf_class c)
{
    switch (c) {
    case MF_CL_L1_UPPER: case MF_CL_L1_LOWER: case MF_CL_LX_UPPER: case MF_CL_LX_LOWER:
    case MF_CL_GREEK_UPPER: case MF_CL_GREEK_LOWER: case MF_CL_CYR_UPPER:
    case MF_CL_CYR_LOWER: case MF_CL_HEBREW: case MF_CL_ARABIC: case MF_CL_OTHER_ALPHA:
    case MF_CL_INDIC: case MF_CL_SEA:
        return 1;
    default:
        return 0;
    }
}

/* Scripts, coarsely: the writing systems a line of text is in. */
enum {
    MF_SCRIPT_NONE, MF_SCRIPT_LATIN, MF_SCRIPT_GREEK, MF_SCRIPT_CYRILLIC, MF_SCRIPT_HEBREW,
    MF_SCRIPT_ARABIC, MF_SCRIPT_OTHER_ALPHA, MF_SCRIPT_INDIC, MF_SCRIPT_SEA, MF_SCRIPT_CJK,
    MF_SCRIPT_COUNT
};

/* The script of a non-ASCII letter; MF_SCRIPT_NONE for anything else. */
static inline int mf_script_of(uint32_t cp)
{
    if (cp < 0x80)
        return MF_SCRIPT_NONE;
    switch (mf_char_class(cp)) {
    case MF_CL_L1_UPPER: case MF_CL_L1_LOWER: case MF_CL_LX_UPPER: case MF_CL_LX_LOWER:
        return MF_SCRIPT_LATIN;
    case MF_CL_GREEK_UPPER: case MF_CL_GREEK_LOWER: return MF_SCRIPT_GREEK;
    case MF_CL_CYR_UPPER: case MF_CL_CYR_LOWER: return MF_SCRIPT_CYRILLIC;
    case MF_CL_HEBREW: return MF_SCRIPT_HEBREW;
    case MF_CL_ARABIC: return MF_SCRIPT_ARABIC;
    case MF_CL_OTHER_ALPHA: return MF_SCRIPT_OTHER_ALPHA;
    case MF_CL_INDIC: return MF_SCRIPT_INDIC;
    case MF_CL_SEA: return MF_SCRIPT_SEA;
    case MF_CL_HAN: case MF_CL_KANA: case MF_CL_HANGUL: return MF_SCRIPT_CJK;
    default: return MF_SCRIPT_NONE;
    }
}

/* A short name for a class, for generators and diagnostics. */
const char *mf_class_name(mf_class c);

#endif
