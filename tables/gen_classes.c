/* gen_classes: writes tables/class_tables.c, the BMP character class table
 * of filter/charclass.h, from the system's ICU (general category, script).
 * Usage: gen_classes [OUTPUT] (default: stdout). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uversion.h>

#include "charclass.h"

/* Must match tables/codecs.txt's pin: a different ICU may classify differently. */
#define PINNED_ICU_MAJOR 72

static mf_class class_of_script(UScriptCode s, int upper)
{
    switch (s) {
    case USCRIPT_GREEK: return upper ? MF_CL_GREEK_UPPER : MF_CL_GREEK_LOWER;
    case USCRIPT_CYRILLIC: return upper ? MF_CL_CYR_UPPER : MF_CL_CYR_LOWER;
    case USCRIPT_HEBREW: return MF_CL_HEBREW;
    case USCRIPT_ARABIC: return MF_CL_ARABIC;
    case USCRIPT_ARMENIAN: case USCRIPT_GEORGIAN: case USCRIPT_ETHIOPIC:
        return MF_CL_OTHER_ALPHA;
    case USCRIPT_DEVANAGARI: case USCRIPT_BENGALI: case USCRIPT_GURMUKHI:
    case USCRIPT_GUJARATI: case USCRIPT_ORIYA: case USCRIPT_TAMIL:
    case USCRIPT_TELUGU: case USCRIPT_KANNADA: case USCRIPT_MALAYALAM:
    case USCRIPT_SINHALA:
        return MF_CL_INDIC;
    case USCRIPT_THAI: case USCRIPT_LAO: case USCRIPT_TIBETAN:
    case USCRIPT_MYANMAR: case USCRIPT_KHMER:
        return MF_CL_SEA;
    case USCRIPT_HANGUL: return MF_CL_HANGUL;
    case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: return MF_CL_KANA;
    case USCRIPT_HAN: case USCRIPT_BOPOMOFO: return MF_CL_HAN;
    case USCRIPT_LATIN: return upper ? MF_CL_LX_UPPER : MF_CL_LX_LOWER;
    default: return MF_CL_RARE;
    }
}

static mf_class class_of_ascii(uint32_t cp)
{
    if (cp == '\n' || cp == '\r') return MF_CL_BOUNDARY;
    if (cp == ' ' || cp == '\t') return MF_CL_SPACE;
    if (cp < 0x20 || cp == 0x7F) return MF_CL_CONTROL;
    if (cp >= '0' && cp <= '9') return MF_CL_DIGIT;
    if (cp >= 'A' && cp <= 'Z') return MF_CL_UPPER;
    if (cp >= 'a' && cp <= 'z') return MF_CL_LOWER;
    if (strchr(".,;:!?", (int)cp)) return MF_CL_PUNCT;
    if (strchr("\"'`()[]{}<>", (int)cp)) return MF_CL_BRACKET;
    return MF_CL_SYMBOL;
}

static mf_class class_of_latin1(uint32_t cp)
{
    if (cp <= 0x9F) return MF_CL_CONTROL;
    if (cp == 0xA0) return MF_CL_NBSP;
    if (cp == 0xAD) return MF_CL_FORMAT;
    if (cp == 0xA1 || cp == 0xAB || cp == 0xB7 || cp == 0xBB || cp == 0xBF)
        return MF_CL_L1_PUNCT;
    if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return MF_CL_L1_SYMBOL;
    return cp <= 0xDE ? MF_CL_L1_UPPER : MF_CL_L1_LOWER;
}

/* Punctuation and symbols are classed by block: what matters is where
 * mojibake draws them from, not their script. */
static mf_class class_of_symbol(uint32_t cp, UScriptCode s)
{
    if (cp >= 0x02B0 && cp <= 0x02FF) return MF_CL_MODIFIER;
    if (cp >= 0x2010 && cp <= 0x205E) return MF_CL_GEN_PUNCT;
    if (cp >= 0x20A0 && cp <= 0x20CF) return MF_CL_CURRENCY;
    if (cp >= 0x2100 && cp <= 0x218F) return MF_CL_LETTERLIKE;
    if (cp >= 0x2190 && cp <= 0x23FF) return MF_CL_MATH;
    if (cp >= 0x27C0 && cp <= 0x2AFF) return MF_CL_MATH;
    if (cp >= 0x2500 && cp <= 0x25FF) return MF_CL_BOX;
    if (cp >= 0x2600 && cp <= 0x27BF) return MF_CL_SYMBOL_OTHER;
    if (cp >= 0x2B00 && cp <= 0x2BFF) return MF_CL_SYMBOL_OTHER;
    if (cp >= 0x3000 && cp <= 0x303F) return MF_CL_CJK_PUNCT;
    if (cp >= 0xFE30 && cp <= 0xFE4F) return MF_CL_CJK_PUNCT;
    if (cp >= 0xFF00 && cp <= 0xFFEF) return MF_CL_CJK_PUNCT;
    mf_class c = class_of_script(s, 0);
    return c == MF_CL_RARE || c == MF_CL_LX_LOWER ? MF_CL_SYMBOL_OTHER : c;
}

static mf_class class_of(uint32_t cp)
{
    if (cp < 0x80) return class_of_ascii(cp);
    if (cp <= 0xFF) return class_of_latin1(cp);
    if (cp == 0x2028 || cp == 0x2029) return MF_CL_BOUNDARY;
    if (cp == 0x2007 || cp == 0x202F) return MF_CL_NBSP;
    if (cp == 0xFFFD) return MF_CL_SYMBOL_OTHER;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)cp, &err);
    int8_t gc = u_charType((UChar32)cp);
    switch (gc) {
    case U_UNASSIGNED: case U_SURROGATE: return MF_CL_RARE;
    case U_PRIVATE_USE_CHAR: return MF_CL_PRIVATE;
    case U_CONTROL_CHAR: return MF_CL_CONTROL;
    case U_FORMAT_CHAR: return MF_CL_FORMAT;
    case U_SPACE_SEPARATOR: return MF_CL_SPACE;
    case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR: return MF_CL_BOUNDARY;
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
        if (s == USCRIPT_INHERITED || s == USCRIPT_COMMON) return MF_CL_COMBINING;
        return class_of_script(s, 0);
    case U_UPPERCASE_LETTER: case U_TITLECASE_LETTER:
        return class_of_script(s, 1);
    case U_LOWERCASE_LETTER: case U_MODIFIER_LETTER: case U_OTHER_LETTER:
        if (cp >= 0x02B0 && cp <= 0x02FF) return MF_CL_MODIFIER;
        return class_of_script(s, 0);
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
        if (cp >= 0xFF10 && cp <= 0xFF19) return MF_CL_CJK_PUNCT;
        return class_of_symbol(cp, s);
    default:
        return class_of_symbol(cp, s);
    }
}

/* Identical pages are stored once; the index says which page serves a block. */
static int write_table(FILE *out)
{
    static uint8_t pages[256][256];
    uint8_t index[256];
    int npages = 0;
    for (int hi = 0; hi < 256; hi++) {
        uint8_t page[256];
        for (int lo = 0; lo < 256; lo++)
            page[lo] = (uint8_t)class_of((uint32_t)(hi << 8 | lo));
        int found = -1;
        for (int p = 0; p < npages && found < 0; p++)
            if (memcmp(pages[p], page, 256) == 0) found = p;
        if (found < 0) {
            memcpy(pages[npages], page, 256);
            found = npages++;
        }
        index[hi] = (uint8_t)found;
    }
    fprintf(out, "/* Generated by tables/gen_classes.c from ICU %d; do not edit.\n"
                 " * Regenerate: cmake --build build --target regen */\n"
                 "#include \"charclass.h\"\n\n"
                 "const uint8_t mf_class_index[256] = {\n", U_ICU_VERSION_MAJOR_NUM);
    for (int i = 0; i < 256; i++)
        fprintf(out, "%s%d,%s", i % 16 ? " " : "    ", index[i], i % 16 == 15 ? "\n" : "");
    fprintf(out, "};\n\nconst uint8_t mf_class_page[%d][256] = {\n", npages);
    for (int p = 0; p < npages; p++) {
        fprintf(out, "    {\n");
        for (int i = 0; i < 256; i++)
            fprintf(out, "%s%d,%s", i % 16 ? " " : "        ", pages[p][i],
                    i % 16 == 15 ? "\n" : "");
        fprintf(out, "    },\n");
    }
    fprintf(out, "};\n");
    return ferror(out) ? -1 : 0;
}

int main(int argc, char **argv)
{
    if (U_ICU_VERSION_MAJOR_NUM != PINNED_ICU_MAJOR) {
        fprintf(stderr, "gen_classes: ICU %d, but the tables are pinned to ICU %d\n",
                U_ICU_VERSION_MAJOR_NUM, PINNED_ICU_MAJOR);
        return 1;
    }
    FILE *out = argc > 1 ? fopen(argv[1], "w") : stdout;
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    int rc = write_table(out);
    if (fclose(out) != 0 || rc != 0) {
        fprintf(stderr, "gen_classes: write error\n");
        return 1;
    }
    return 0;
}
