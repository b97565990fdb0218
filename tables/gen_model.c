/* gen_model: writes tables/model_tables.c, the plausibility model, from a
 * corpus of clean text (tables/corpus/train.txt: "lang<TAB>text" lines).
 *
 * Three parts, all learned from the corpus:
 * - class transitions: P(class_i | class_i-1);
 * - characters within their class: P(char_i | class_i), per BMP character
 *   (uniform over the seen ones for the open classes Han and Hangul);
 * - letters per language: P(letter | language), case folded, with other
 *   non-ASCII characters by class, to tell a line in one language from a mix
 *   of characters no language writes together;
 * - letter pairs per language: which pairs of adjacent letters (case folded,
 *   one at least non-ASCII, or a non-ASCII letter at a word's edge) each
 *   language writes, as a hashed filter (MF_PAIR_BUCKETS rows of a bit per
 *   language; a pair is seen where both its rows have the language's bit).
 * Costs are -ln P in 1/MF_COST_SCALE nats, capped to fit a byte.
 * Usage: gen_model CORPUS [OUTPUT] (default: stdout). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "charclass.h"
#include "decode.h"
#include "plausibility.h"

/* Add-alpha smoothing: an unseen transition is possible, only very unlikely. */
#define TRANS_ALPHA 0.05
/* Add-beta smoothing of per-character counts within a class. */
#define UNIGRAM_BETA 0.5
#define MAX_COST 255
/* Add-gamma smoothing of letter counts per language: a letter a language
 * never showed costs about ln(letters seen / gamma). */
#define LETTER_GAMMA 0.1
/* Add-gamma smoothing of ASCII letter bigrams per language. */
#define ASCII_GAMMA 0.5
#define MAX_LANGS 512
#define MAX_LETTERS 8192
/* Distinct (language, letter pair)s the corpus may hold. */
#define MAX_PAIRS (1 << 20)

static double trans[MF_CL_COUNT][MF_CL_COUNT];
static double unigram[0x10000];
static double class_chars[MF_CL_COUNT];
static double class_distinct[MF_CL_COUNT]; /* distinct characters seen */

static char *langs[MAX_LANGS];
static int nlangs;
static uint16_t (*lang_letter_count)[0x10000]; /* per language, folded letter */
static double lang_class_count[MAX_LANGS][MF_CL_COUNT]; /* other non-ASCII, by class */
/* ASCII letter bigrams per language, folded; row 26 is "after no ASCII letter". */
static double lang_ascii_count[MAX_LANGS][27][26];
/* (language, folded letter, folded letter) seen, as language << 40 | a << 20
 * | b, 0 standing for a word's edge; sorted and made unique at the end. */
static uint64_t *pairs;
static size_t npairs;

/* Decodes one UTF-8 character; a malformed byte counts as U+FFFD. */
static uint32_t next_cp(const unsigned char **p, const unsigned char *end)
{
    uint32_t cp;
    int n = mf_utf8_decode(*p, (size_t)(end - *p), &cp);
    *p += n ? n : 1;
    return n ? cp : 0xFFFD;
}

static int lang_index(const char *name)
{
    for (int i = 0; i < nlangs; i++)
        if (!strcmp(langs[i], name))
            return i;
    if (nlangs == MAX_LANGS)
        return -1;
    langs[nlangs] = strdup(name);
    return langs[nlangs] ? nlangs++ : -1;
}

static void count_line(int lang, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    const unsigned char *end = p + strcspn(text, "\n");
    mf_class prev = MF_CL_BOUNDARY;
    int prev_ascii = 26;
    while (p < end) {
        uint32_t cp = next_cp(&p, end);
        mf_class cl = mf_char_class(cp);
        int ascii = mf_ascii_letter(cp);
        if (lang >= 0 && ascii >= 0)
            lang_ascii_count[lang][prev_ascii][ascii] += 1;
        prev_ascii = ascii >= 0 ? ascii : 26;
        trans[prev][cl] += 1;
        class_chars[cl] += 1;
        if (cp <= 0xFFFF) {
            class_distinct[cl] += unigram[cp] == 0;
            unigram[cp] += 1;
        }
        if (lang >= 0 && mf_own_column(cp)) {
            uint32_t f = (uint32_t)u_tolower((UChar32)cp);
            if (f <= 0xFFFF && lang_letter_count[lang][f] < 0xFFFF)
                lang_letter_count[lang][f]++;
        } else if (lang >= 0 && cp >= 0x80) {
            lang_class_count[lang][cl] += 1;
        }
        prev = cl;
    }
    trans[prev][MF_CL_BOUNDARY] += 1;
}

/* A letter's pair key: folded, with NON_ASCII set for a non-ASCII letter
 * (İ folds to i, but has the column of its own the library looks up); 0 for
 * none. Letters are those with a column of their own. */
#define NON_ASCII 0x10000u
static uint32_t pair_letter(uint32_t cp)
{
    if (!mf_is_letter(cp) || !mf_own_column(cp))
        return 0;
    uint32_t f = (uint32_t)u_tolower((UChar32)cp);
    return f > 0xFFFF ? 0 : cp < 0x80 ? f : f | NON_ASCII;
}

static void add_pair(int lang, uint32_t a, uint32_t b)
{
    if (!((a | b) & NON_ASCII) || npairs == MAX_PAIRS) /* ASCII pairs, edges: elsewhere */
        return;
    pairs[npairs++] = (uint64_t)lang << 40 | (uint64_t)a << 20 | b;
}

static void count_pairs(int lang, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    const unsigned char *end = p + strcspn(text, "\n");
    uint32_t prev = 0;
    while (lang >= 0 && p <= end) {
        uint32_t cp = p < end ? next_cp(&p, end) : (p++, 0);
        if (cp == 0xFFFD) /* a letter lost, as letter_pairs.c reads it */
            continue;
        uint32_t f = pair_letter(cp);
        if (f || prev)
            add_pair(lang, prev, f);
        prev = f;
    }
}

static int read_corpus(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        int lang = lang_index(line);
        count_line(lang, tab + 1);
        count_pairs(lang, tab + 1);
    }
    free(line);
    int bad = ferror(f);
    fclose(f);
    return bad ? -1 : 0;
}

static int to_cost(double p)
{
    double c = -log(p) * MF_COST_SCALE;
    return c > MAX_COST ? MAX_COST : (int)lround(c);
}

static void write_numbers(FILE *out, const int *v, int n, const char *indent)
{
    for (int i = 0; i < n; i++)
        fprintf(out, "%s%d,%s", i % 16 ? " " : indent, v[i], i % 16 == 15 || i == n - 1 ? "\n" : "");
}

static void write_trans(FILE *out)
{
    fprintf(out, "const uint8_t mf_model_trans[MF_CL_COUNT][MF_CL_COUNT] = {\n");
    for (int a = 0; a < MF_CL_COUNT; a++) {
        double total = 0;
        for (int b = 0; b < MF_CL_COUNT; b++)
            total += trans[a][b];
        fprintf(out, "    /* %s */ {", mf_class_name((mf_class)a));
        for (int b = 0; b < MF_CL_COUNT; b++)
            fprintf(out, "%s%d", b ? ", " : "",
                    to_cost((trans[a][b] + TRANS_ALPHA) / (total + TRANS_ALPHA * MF_CL_COUNT)));
        fprintf(out, "},\n");
    }
    fprintf(out, "};\n\n");
}

/* Han and Hangul have too many characters for the corpus to know each one:
 * any of them costs like one of those the corpus showed. */
static int open_class(mf_class c)
{
    return c == MF_CL_HAN || c == MF_CL_HANGUL;
}

static int open_cost(mf_class c)
{
    double distinct = class_distinct[c] < 1 ? 1 : class_distinct[c];
    return to_cost(1.0 / (distinct + 1));
}

/* Above the BMP the corpus says little: Han (extension B on) costs like
 * Han, an emoji like one of the ~1,400 there are; everything else there
 * (historic scripts, private use, unassigned) is as unlikely as can be. */
static int astral_cost(mf_class c)
{
    if (c == MF_CL_HAN)
        return open_cost(c);
    if (c == MF_CL_EMOJI)
        return to_cost(1.0 / 1400);
    return MAX_COST;
}

static int unigram_cost(uint32_t cp, const double *members)
{
    mf_class cl = mf_char_class(cp);
    if (open_class(cl))
        return open_cost(cl);
    return to_cost((unigram[cp] + UNIGRAM_BETA) / (class_chars[cl] + UNIGRAM_BETA * members[cl]));
}

/* The BMP table, as pages of 256 costs; identical pages are stored once. */
static void write_unigram(FILE *out)
{
    static double members[MF_CL_COUNT];
    static int pages[256][256];
    int index[256], npages = 0;
    for (uint32_t cp = 0; cp <= 0xFFFF; cp++)
        members[mf_char_class(cp)] += 1;
    for (int hi = 0; hi < 256; hi++) {
        int page[256];
        for (int lo = 0; lo < 256; lo++)
            page[lo] = unigram_cost((uint32_t)(hi << 8 | lo), members);
        int found = -1;
        for (int p = 0; p < npages && found < 0; p++)
            if (!memcmp(pages[p], page, sizeof page))
                found = p;
        if (found < 0) {
            memcpy(pages[npages], page, sizeof page);
            found = npages++;
        }
        index[hi] = found;
    }
    fprintf(out, "const uint8_t mf_model_unigram_index[256] = {\n");
    write_numbers(out, index, 256, "    ");
    fprintf(out, "};\n\nconst uint8_t mf_model_unigram_page[%d][256] = {\n", npages);
    for (int p = 0; p < npages; p++) {
        fprintf(out, "    {\n");
        write_numbers(out, pages[p], 256, "        ");
        fprintf(out, "    },\n");
    }
    fprintf(out, "};\n\n");
    int open[MF_CL_COUNT];
    for (int c = 0; c < MF_CL_COUNT; c++)
        open[c] = astral_cost((mf_class)c);
    fprintf(out, "/* Above the BMP, by class. */\nconst uint8_t mf_model_open[MF_CL_COUNT] = {\n");
    write_numbers(out, open, MF_CL_COUNT, "    ");
    fprintf(out, "};\n\n");
}

/* Letters (folded) that the corpus shows, in order; their index is their
 * column in the per-language cost table. */
static int letter_columns(uint32_t *folded, int max)
{
    int n = 0;
    for (uint32_t f = 0; f <= 0xFFFF && n < max; f++) {
        if (!mf_own_column(f) || (uint32_t)u_tolower((UChar32)f) != f)
            continue;
        long total = 0;
        for (int l = 0; l < nlangs; l++)
            total += lang_letter_count[l][f];
        if (total > 0)
            folded[n++] = f;
    }
    return n;
}

static int column_of(const uint32_t *folded, int n, uint32_t f)
{
    for (int i = 0; i < n; i++)
        if (folded[i] == f)
            return i;
    return -1;
}

/* The column of every character below U+3000 that has one of its own (every
 * case of a letter maps to its folded column), 0xFFFF for the others. */
static void write_char_columns(FILE *out, const uint32_t *folded, int ncols)
{
    static int column[MF_OWN_COLUMN_LIMIT];
    for (uint32_t cp = 0; cp < MF_OWN_COLUMN_LIMIT; cp++) {
        uint32_t f = (uint32_t)u_tolower((UChar32)cp);
        int col = cp >= 0x80 && mf_own_column(cp) && f <= 0xFFFF ? column_of(folded, ncols, f) : -1;
        column[cp] = col < 0 ? 0xFFFF : col;
    }
    fprintf(out, "const uint16_t mf_char_column[MF_OWN_COLUMN_LIMIT] = {\n");
    write_numbers(out, column, MF_OWN_COLUMN_LIMIT, "    ");
    fprintf(out, "};\n\n");
}

/* P(letter | previous letter) for ASCII letters, per language: with the
 * letters above, this tells German from Swedish where both write ä. Tables
 * are laid out language-last, so that weighing a character in every
 * language reads one contiguous row. */
static void write_ascii_bigrams(FILE *out)
{
    fprintf(out, "const uint8_t mf_lang_ascii_cost[] = {\n");
    static int row[MAX_LANGS];
    for (int a = 0; a < 27; a++)
        for (int b = 0; b < 26; b++) {
            for (int l = 0; l < nlangs; l++) {
                double total = 0;
                for (int c = 0; c < 26; c++)
                    total += lang_ascii_count[l][a][c];
                row[l] = to_cost((lang_ascii_count[l][a][b] + ASCII_GAMMA) / (total + ASCII_GAMMA * 26));
            }
            fprintf(out, "    /* %c%c */\n", a < 26 ? 'a' + a : '^', 'a' + b);
            write_numbers(out, row, nlangs, "    ");
        }
    fprintf(out, "};\n");
}

/* A pair key as the library computes it (letter_pairs.c): 0 for a word's
 * edge, 1-26 for ASCII letters, 27 on for the letter columns. */
static uint32_t pair_key(uint32_t f, const uint32_t *folded, int ncols)
{
    if (f & NON_ASCII)
        return 27 + (uint32_t)column_of(folded, ncols, f & ~NON_ASCII);
    return f ? f - 'a' + 1 : 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The pair filter: for each pair a language writes, its bit in the two rows
 * the pair's key hashes to (mf_pair_hash, as the library computes it). */
static void write_pairs(FILE *out, const uint32_t *folded, int ncols)
{
    size_t stride = ((size_t)nlangs + 7) / 8;
    uint8_t *bits = calloc(MF_PAIR_BUCKETS, stride);
    if (!bits) {
        fprintf(stderr, "gen_model: out of memory\n");
        exit(1);
    }
    qsort(pairs, npairs, sizeof *pairs, cmp_u64);
    for (size_t i = 0; i < npairs; i++) {
        if (i && pairs[i] == pairs[i - 1])
            continue;
        uint32_t a = (uint32_t)(pairs[i] >> 20) & 0xFFFFF, b = (uint32_t)pairs[i] & 0xFFFFF;
        int lang = (int)(pairs[i] >> 40);
        uint32_t h = mf_pair_hash(pair_key(a, folded, ncols), pair_key(b, folded, ncols));
        bits[(h % MF_PAIR_BUCKETS) * stride + (size_t)lang / 8] |= (uint8_t)(1u << lang % 8);
        bits[(h / MF_PAIR_BUCKETS % MF_PAIR_BUCKETS) * stride + (size_t)lang / 8] |=
            (uint8_t)(1u << lang % 8);
    }
    fprintf(out, "\nconst uint8_t mf_lang_pair_seen[] = {\n");
    static int row[MAX_LANGS / 8];
    for (size_t r = 0; r < MF_PAIR_BUCKETS; r++) {
        for (size_t k = 0; k < stride; k++)
            row[k] = bits[r * stride + k];
        write_numbers(out, row, (int)stride, "    ");
    }
    fprintf(out, "};\n");
    free(bits);
}

static double column_count(int l, const uint32_t *folded, int ncols, int c)
{
    return c < ncols ? lang_letter_count[l][folded[c]] : lang_class_count[l][c - ncols];
}

static void write_letters(FILE *out)
{
    static uint32_t folded[MAX_LETTERS];
    static double total[MAX_LANGS];
    static int row[MAX_LANGS];
    int ncols = letter_columns(folded, MAX_LETTERS);
    write_char_columns(out, folded, ncols);
    int width = ncols + MF_CL_COUNT;
    fprintf(out, "const size_t mf_lang_count = %d, mf_letter_columns = %d;\n", nlangs, ncols);
    fprintf(out, "const char *const mf_lang_names[] = {\n");
    for (int l = 0; l < nlangs; l++)
        fprintf(out, "    \"%s\",\n", langs[l]);
    fprintf(out, "};\n\nconst uint8_t mf_lang_letter_cost[] = {\n");
    for (int l = 0; l < nlangs; l++)
        for (int c = 0; c < width; c++)
            total[l] += column_count(l, folded, ncols, c);
    for (int c = 0; c < width; c++) {
        for (int l = 0; l < nlangs; l++)
            row[l] = to_cost((column_count(l, folded, ncols, c) + LETTER_GAMMA) /
                             (total[l] + LETTER_GAMMA * width));
        if (c < ncols)
            fprintf(out, "    /* U+%04X */\n", (unsigned)folded[c]);
        else
            fprintf(out, "    /* class %s */\n", mf_class_name((mf_class)(c - ncols)));
        write_numbers(out, row, nlangs, "    ");
    }
    fprintf(out, "};\n\n");
    write_ascii_bigrams(out);
    write_pairs(out, folded, ncols);
}

static void free_all(void)
{
    for (int i = 0; i < nlangs; i++)
        free(langs[i]);
    free(lang_letter_count);
    free(pairs);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen_model CORPUS [OUTPUT]\n");
        return 2;
    }
    lang_letter_count = calloc(MAX_LANGS, sizeof *lang_letter_count);
    pairs = malloc(MAX_PAIRS * sizeof *pairs);
    if (!lang_letter_count || !pairs || read_corpus(argv[1]) != 0) {
        free_all();
        return 1;
    }
    FILE *out = argc > 2 ? fopen(argv[2], "w") : stdout;
    if (!out) {
        perror(argv[2]);
        free_all();
        return 1;
    }
    fprintf(out, "/* Generated by tables/gen_model.c from tables/corpus/train.txt; do not edit.\n"
                 " * Regenerate: cmake --build build --target regen */\n"
                 "#include \"plausibility.h\"\n\n");
    write_trans(out);
    write_unigram(out);
    write_letters(out);
    free_all();
    if (fclose(out) != 0) {
        fprintf(stderr, "gen_model: write error\n");
        return 1;
    }
    return 0;
}
