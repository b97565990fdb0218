/* gen_cjk_codecs: writes tables/cjk_tables.c from tables/cjk_codecs.txt.
 *
 * As gen_codecs does for the single-byte codecs, it asks glibc's iconv(3)
 * and ICU's ucnv what every byte (0x80-0xFF alone) and every pair (lead
 * 0x81-0xFE, trail 0x40-0xFE) of each double-byte codec decodes to. Where
 * both give the same character, or both give none, that is the table;
 * every other entry needs a line of cjk_codecs.txt with its reason, or the
 * generator fails. A line that decides nothing is an error too.
 *
 * Usage: gen_cjk_codecs CJK_CODECS_TXT [OUTPUT_C]   (stdout without OUTPUT_C)
 *
 * Lines ('#' starts a comment; every line but icu and codec needs one, the reason):
 *   icu 72                                ICU major version the tables pin
 *   codec NAME ICONV_NAME ICU_NAME        one codec, in priority order
 *   decode NAME 0xBB U+XXXX  # reason     a single byte decodes to U+XXXX
 *   decode NAME 0xBBBB U+XXXX # reason    a pair decodes to U+XXXX
 *   undefined NAME 0xL1-0xL2 0xT1-0xT2 # reason   pairs with a lead in L1-L2
 *                       and a trail in T1-T2 (or one byte, 0xBB) decode to nothing
 *   undefined-pua NAME # reason           every code that one decoder or both map
 *                       into the Private Use Area, and the other too or to nothing
 *   icu-pua NAME # reason                 every code that iconv leaves undefined
 *                       and ICU maps into the PUA: ICU's answer
 *   alias NAME U+XXXX 0xBBBB # reason     U+XXXX also encodes to the pair (how
 *                       another decoder reads it); only for code points without a code
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uclean.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

#include "cjk_codec.h"

#define NAME_LEN 64
#define LINE_LEN 512
#define MAX_LINES 64 /* decode and undefined lines per codec */
#define NONE 0xFFFFFFFFu

typedef struct rule_line {
    int line;
    bool block;                 /* an `undefined` block, else a `decode` line */
    unsigned lo1, hi1, lo2, hi2; /* block: leads and trails; decode: code, 0 */
    uint32_t ucs;               /* decode: the answer (NONE: undefined) */
    bool single;
    int used;
} rule_line;

typedef struct cjk_spec {
    char name[NAME_LEN], iconv_name[NAME_LEN], icu_name[NAME_LEN];
    int line;
    rule_line rules[MAX_LINES];
    int nrules;
    uint32_t single[128];
    uint32_t pair[256][MF_CJK_TRAILS];
    bool lead[256];
    int pua_line; /* the codec's `undefined-pua` line, or 0 */
    int icu_pua_line; /* its `icu-pua` line, or 0 */
    uint32_t alias[MAX_LINES][3]; /* code point, code, line */
    int naliases;
    int pua_count; /* the codes it made undefined */
} cjk_spec;

static const char *path;
static int icu_major, errors;
static cjk_spec codecs[MF_CJK_MAX];
static int ncodecs;

static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen_cjk_codecs: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    errors++;
}

/* ---- reading cjk_codecs.txt ---- */

static bool parse_hex(const char *s, int digits, unsigned *out)
{
    char *end;
    if ((int)strlen(s) != digits + 2 || s[0] != '0' || s[1] != 'x')
        return false;
    *out = (unsigned)strtoul(s + 2, &end, 16);
    return *end == '\0';
}

/* "0xL1-0xL2" or "0xBB" (then lo == hi). */
static bool parse_range(const char *s, unsigned *lo, unsigned *hi)
{
    char a[8], b[8];
    if (strlen(s) == 4)
        return parse_hex(s, 2, lo) && (*hi = *lo, true);
    if (strlen(s) != 9 || s[4] != '-')
        return false;
    memcpy(a, s, 4), a[4] = 0;
    memcpy(b, s + 5, 4), b[4] = 0;
    return parse_hex(a, 2, lo) && parse_hex(b, 2, hi) && *lo <= *hi;
}

static cjk_spec *find(const char *name)
{
    for (int i = 0; i < ncodecs; i++)
        if (strcmp(codecs[i].name, name) == 0)
            return &codecs[i];
    return NULL;
}

static void parse_rule(int line, char **tok, int n, bool block)
{
    cjk_spec *c = n >= 3 ? find(tok[1]) : NULL;
    if (!c || c->nrules == MAX_LINES) {
        fail("%s:%d: unknown codec, or too many lines for it", path, line);
        return;
    }
    rule_line r = {.line = line, .block = block, .ucs = NONE};
    bool ok;
    if (block) {
        ok = n == 4 && parse_range(tok[2], &r.lo1, &r.hi1) && parse_range(tok[3], &r.lo2, &r.hi2);
        ok = ok || (n == 3 && parse_hex(tok[2], 2, &r.lo1) && (r.hi1 = r.lo1, r.single = true));
    } else {
        unsigned cp;
        r.single = strlen(tok[2]) == 4;
        ok = n == 4 && parse_hex(tok[2], r.single ? 2 : 4, &r.lo1) &&
             sscanf(tok[3], "U+%x", &cp) == 1 && cp >= 0x80 && cp <= 0xFFFF;
        r.ucs = ok ? cp : NONE;
    }
    if (!ok)
        fail("%s:%d: expected `decode CODEC 0xBB[BB] U+XXXX` or "
             "`undefined CODEC 0xL1-0xL2 0xT1-0xT2` (or `undefined CODEC 0xBB`)", path, line);
    else
        c->rules[c->nrules++] = r;
}

static void parse_line(int line, char *text)
{
    char *hash = strchr(text, '#');
    bool reason = false;
    if (hash) {
        *hash = '\0';
        reason = strspn(hash + 1, " \t\r\n") < strlen(hash + 1);
    }
    char *tok[8];
    int n = 0;
    for (char *p = strtok(text, " \t\r\n"); p && n < 8; p = strtok(NULL, " \t\r\n"))
        tok[n++] = p;
    if (n == 0)
        return;
    bool icu_pua = strcmp(tok[0], "icu-pua") == 0;
    bool pua = icu_pua || strcmp(tok[0], "undefined-pua") == 0;
    bool alias = strcmp(tok[0], "alias") == 0;
    bool rule = pua || alias || strcmp(tok[0], "decode") == 0 || strcmp(tok[0], "undefined") == 0;
    if (rule && !reason)
        fail("%s:%d: `%s` line without a `# reason`", path, line, tok[0]);
    else if (strcmp(tok[0], "icu") == 0 && n == 2)
        icu_major = atoi(tok[1]);
    else if (strcmp(tok[0], "codec") == 0 && n == 4 && ncodecs < MF_CJK_MAX && !find(tok[1]) &&
             strlen(tok[1]) < NAME_LEN && strlen(tok[2]) < NAME_LEN && strlen(tok[3]) < NAME_LEN) {
        cjk_spec *c = &codecs[ncodecs++];
        strcpy(c->name, tok[1]), strcpy(c->iconv_name, tok[2]), strcpy(c->icu_name, tok[3]);
        c->line = line;
    } else if (alias) {
        cjk_spec *c = n == 4 ? find(tok[1]) : NULL;
        unsigned cp, code;
        if (!c || c->naliases == 8 || sscanf(tok[2], "U+%x", &cp) != 1 ||
            !parse_hex(tok[3], 4, &code) || (code & 0xFF) < MF_CJK_TRAIL_MIN)
            fail("%s:%d: expected `alias CODEC U+XXXX 0xBBBB` (8 a codec at most)", path, line);
        else
            c->alias[c->naliases][0] = cp, c->alias[c->naliases][1] = code,
            c->alias[c->naliases++][2] = (uint32_t)line;
    } else if (pua && n == 2 && find(tok[1]) && icu_pua)
        find(tok[1])->icu_pua_line = line;
    else if (pua && n == 2 && find(tok[1]))
        find(tok[1])->pua_line = line;
    else if (rule && !pua)
        parse_rule(line, tok, n, tok[0][0] == 'u');
    else
        fail("%s:%d: cannot read this line", path, line);
}

static void read_spec(void)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fail("cannot open %s: %s", path, strerror(errno));
        return;
    }
    char buf[LINE_LEN];
    for (int line = 1; fgets(buf, sizeof buf, f); line++)
        parse_line(line, buf);
    fclose(f);
    if (!icu_major || !ncodecs)
        fail("%s: needs an `icu` line and a codec", path);
    else if (icu_major != U_ICU_VERSION_MAJOR_NUM)
        fail("%s: tables made with ICU %d, this is ICU %d: review the differences", path,
             icu_major, U_ICU_VERSION_MAJOR_NUM);
}

/* ---- asking the decoders ---- */

/* One code point from iconv for the n bytes, or NONE. */
static uint32_t iconv_decode(iconv_t cd, const uint8_t *b, size_t n)
{
    unsigned char out[16];
    char *in = (char *)b, *op = (char *)out;
    size_t il = n, ol = sizeof out;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &in, &il, &op, &ol) == (size_t)-1 || il || sizeof out - ol != 4)
        return NONE;
    return (uint32_t)out[0] << 24 | (uint32_t)out[1] << 16 | (uint32_t)out[2] << 8 | out[3];
}

/* One code point from ICU for the n bytes, or NONE (ICU's substitutes too). */
static uint32_t icu_decode(UConverter *cnv, const uint8_t *b, size_t n)
{
    UChar out[8], *d = out;
    const char *s = (const char *)b;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_reset(cnv);
    ucnv_toUnicode(cnv, &d, out + 8, &s, (const char *)b + n, NULL, true, &err);
    if (U_FAILURE(err) || d - out != 1 || U16_IS_SURROGATE(out[0]) || out[0] == 0xFFFD ||
        (out[0] == 0x1A && b[0] != 0x1A))
        return NONE;
    return out[0];
}

/* The rule line that decides code (a byte, or a pair), or NULL. */
static rule_line *rule_for(cjk_spec *c, unsigned code, bool single)
{
    for (int i = 0; i < c->nrules; i++) {
        rule_line *r = &c->rules[i];
        if (r->single != single)
            continue;
        if (!r->block && r->lo1 == code)
            return r;
        unsigned lead = single ? code : code >> 8, trail = code & 0xFF;
        if (r->block && lead >= r->lo1 && lead <= r->hi1 &&
            (single || (trail >= r->lo2 && trail <= r->hi2)))
            return r;
    }
    return NULL;
}

static bool is_pua(uint32_t u)
{
    return u >= 0xE000 && u <= 0xF8FF;
}

/* The table's answer for a byte or pair that iconv reads as a and ICU as b. */
static uint32_t resolve(cjk_spec *c, unsigned code, bool single, uint32_t a, uint32_t b)
{
    rule_line *r = rule_for(c, code, single);
    if (r) {
        r->used += !r->block || a != NONE || b != NONE;
        return r->ucs;
    }
    if (c->icu_pua_line && a == NONE && is_pua(b)) {
        c->pua_count++;
        return b;
    }
    bool pua = c->pua_line && (a == NONE || is_pua(a)) && (b == NONE || is_pua(b));
    if (a == b && !(pua && a != NONE))
        return a;
    if (pua) {
        c->pua_count++;
        return NONE;
    }
    fail("%s 0x%0*X: iconv %s says U+%04X, ICU %s says U+%04X (FFFFFFFF: none); "
         "document the choice in %s", c->name, single ? 2 : 4, code, c->iconv_name, a,
         c->icu_name, b, path);
    return NONE;
}

static void resolve_codec(cjk_spec *c)
{
    iconv_t cd = iconv_open("UCS-4BE", c->iconv_name);
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(c->icu_name, &err);
    if (cd == (iconv_t)-1 || U_FAILURE(err)) {
        fail("%s:%d: iconv or ICU does not know %s", path, c->line, c->name);
        return;
    }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    for (unsigned b = 0; b < 0x80; b++) {
        uint8_t x = (uint8_t)b;
        /* ICU's IBM tables swap controls (ibm-943: 0x1A, 0x1C, 0x7F). */
        if (iconv_decode(cd, &x, 1) != b || (b >= 0x20 && b < 0x7F && icu_decode(cnv, &x, 1) != b))
            fail("%s: byte 0x%02X is not ASCII", c->name, b);
    }
    for (unsigned b = 0x80; b < 0x100; b++) {
        uint8_t x = (uint8_t)b;
        uint32_t u = resolve(c, b, true, iconv_decode(cd, &x, 1), icu_decode(cnv, &x, 1));
        c->single[b - 0x80] = u;
    }
    for (unsigned lead = 0x81; lead < 0xFF; lead++)
        for (unsigned t = MF_CJK_TRAIL_MIN; t < 0xFF; t++) {
            uint8_t x[2] = {(uint8_t)lead, (uint8_t)t};
            uint32_t u = resolve(c, lead << 8 | t, false, iconv_decode(cd, x, 2),
                                 icu_decode(cnv, x, 2));
            if (u != NONE && (u < 0x80 || u > 0xFFFF))
                fail("%s 0x%02X%02X: U+%04X is outside U+0080-U+FFFF", c->name, lead, t, u);
            else if (u != NONE && c->single[lead - 0x80] != NONE)
                fail("%s 0x%02X is a character and a lead byte", c->name, lead);
            c->pair[lead][t - MF_CJK_TRAIL_MIN] = u;
            c->lead[lead] |= u != NONE;
        }
    for (int i = 0; i < c->nrules; i++)
        if (!c->rules[i].used)
            fail("%s:%d: this line decides nothing (iconv and ICU agree)", path, c->rules[i].line);
    if ((c->pua_line || c->icu_pua_line) && !c->pua_count)
        fail("%s:%d: this line decides nothing (no code decodes into the PUA)", path,
             c->pua_line + c->icu_pua_line);
    /* An alias names a defined pair, and a code point the codec has no
     * code for: the inverse stays a function. */
    for (int i = 0; i < c->naliases; i++) {
        uint32_t cp = c->alias[i][0], code = c->alias[i][1];
        bool taken = false;
        for (unsigned l = 0x81; l < 0xFF; l++)
            for (int t = 0; t < MF_CJK_TRAILS; t++)
                taken |= c->pair[l][t] == cp;
        if (taken || cp < 0x80 || cp > 0xFFFF ||
            c->pair[code >> 8][(code & 0xFF) - MF_CJK_TRAIL_MIN] == NONE)
            fail("%s:%u: the alias needs a defined pair and a code point without a code",
                 path, c->alias[i][2]);
    }
    ucnv_close(cnv);
    iconv_close(cd);
}

/* ---- writing cjk_tables.c ---- */

static void emit(FILE *f)
{
    fprintf(f, "/* generated by tables/gen_cjk_codecs.c from tables/cjk_codecs.txt, do not edit.\n"
               " * Regenerate with: cmake --build build --target regen\n"
               " * Decoders: glibc iconv, cross-checked with ICU %d. */\n"
               "#include \"cjk_codec.h\"\n",
            icu_major);
    for (int k = 0; k < ncodecs; k++) {
        cjk_spec *c = &codecs[k];
        int rows = 0;
        fprintf(f, "\n/* %s: the row of each lead byte, + 1. */\n", c->name);
        if (c->pua_count)
            fprintf(f, "/* %d codes that decode into the Private Use Area are %s (line %d). */\n",
                    c->pua_count, c->icu_pua_line ? "ICU's" : "undefined",
                    c->pua_line + c->icu_pua_line);
        fprintf(f, "static const uint8_t row_of_%d[256] = {", k);
        for (int b = 0; b < 256; b++)
            fprintf(f, "%s%3d,", b % 16 ? " " : "\n    ", c->lead[b] ? ++rows : 0);
        fprintf(f, "\n};\n\n/* %s: trail bytes 0x40-0xFE of each lead byte. */\n"
                   "static const uint16_t rows_%d[%d][MF_CJK_TRAILS] = {\n", c->name, k, rows);
        for (int b = 0; b < 256; b++) {
            if (!c->lead[b])
                continue;
            fprintf(f, "    { /* 0x%02X */", b);
            for (int t = 0; t < MF_CJK_TRAILS; t++) {
                uint32_t u = c->pair[b][t];
                fprintf(f, "%s0x%04X,", t % 12 ? " " : "\n        ", u == NONE ? 0 : u);
            }
            fputs("\n    },\n", f);
        }
        fputs("};\n", f);
    }
    fputs("\n/* In priority order: the repair prefers earlier codecs on ties. */\n"
          "const mf_cjk_codec mf_cjk_codecs[] = {\n", f);
    for (int k = 0; k < ncodecs; k++) {
        cjk_spec *c = &codecs[k];
        fprintf(f, "    {\n        .name = \"%s\",\n        .iconv_name = \"%s\",\n"
                   "        .single = {", c->name, c->iconv_name);
        for (int b = 0; b < 128; b++)
            fprintf(f, "%s0x%04X,", b % 8 ? " " : "\n            ",
                    c->single[b] == NONE ? 0 : c->single[b]);
        fprintf(f, "\n        },\n        .row_of = row_of_%d,\n        .rows = rows_%d,\n", k, k);
        if (c->naliases) {
            fputs("        .aliases = {", f);
            for (int i = 0; i < c->naliases; i++)
                fprintf(f, "%s{0x%04X, 0x%04X},", i ? " " : "", c->alias[i][0], c->alias[i][1]);
            fprintf(f, "},\n        .alias_count = %d,\n", c->naliases);
        }
        fputs("    },\n", f);
    }
    fprintf(f, "};\nconst size_t mf_cjk_codecs_count = %d;\n", ncodecs);
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s CJK_CODECS_TXT [OUTPUT_C]\n", argv[0]);
        return 2;
    }
    path = argv[1];
    read_spec();
    if (errors)
        ncodecs = 0;
    for (int k = 0; k < ncodecs; k++)
        resolve_codec(&codecs[k]);
    if (!errors) {
        const char *out = argc == 3 && strcmp(argv[2], "-") ? argv[2] : NULL;
        char tmp[4096];
        snprintf(tmp, sizeof tmp, "%s.tmp", out ? out : "");
        FILE *f = out ? fopen(tmp, "w") : stdout;
        if (!f)
            fail("cannot create %s: %s", tmp, strerror(errno));
        else {
            emit(f);
            if (fflush(f) || ferror(f) || (out && fclose(f)))
                fail("error writing %s", out ? tmp : "stdout");
            else if (out && rename(tmp, out))
                fail("cannot rename %s: %s", tmp, strerror(errno));
        }
    }
    u_cleanup();
    if (errors) {
        fprintf(stderr, "gen_cjk_codecs: %d error%s, nothing written\n", errors,
                errors == 1 ? "" : "s");
        return 1;
    }
    return 0;
}
