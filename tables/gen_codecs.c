/* gen_codecs: writes tables/codec_tables.c from tables/codecs.txt.
 *
 * For every codec and every byte it asks two independent decoders, glibc's
 * iconv(3) and ICU's ucnv, for the byte's code point. Where both give the
 * same character that character is used; everywhere else (they disagree, or
 * a byte is undefined) codecs.txt must carry a `decode` line with the choice
 * and its reason, or the generator fails. So every judgement call is written
 * down, and a changed iconv or ICU is loud instead of silently shifting the
 * tables.
 *
 * Usage: gen_codecs CODECS_TXT [OUTPUT_C]   (stdout without OUTPUT_C, or "-")
 *
 * codecs.txt lines ('#' starts a comment; decode/alias lines need one, as
 * the reason):
 *   icu 72                              ICU major version the tables pin
 *   codec NAME ICONV_NAME ICU_NAME      in priority order
 *   decode NAME 0xBB U+XXXX  # reason   this byte decodes to U+XXXX
 *   decode NAME 0xBB undefined # reason this byte has no character
 *   alias NAME U+XXXX 0xBB   # reason   U+XXXX also encodes to byte 0xBB
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
#include <sys/stat.h>

#include <unicode/uclean.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

#include "codec.h"

#define UNDEF MF_CODEC_UNDEFINED
#define LINE_LEN 512
#define NAME_LEN 64
#define ALIAS_MAX 64 /* per codec; raise if codecs.txt ever needs more */
#define MAX_TOKENS 8

/* A `decode` line: the documented answer for one byte. */
typedef struct decode_line {
    bool present;
    uint32_t ucs; /* UNDEF for "undefined" */
    int line;
} decode_line;

/* An `alias` line: one more code point that encodes to a byte. */
typedef struct alias_line {
    uint32_t ucs;
    uint8_t byte;
    int line;
} alias_line;

typedef struct codec_spec {
    char name[NAME_LEN];
    char iconv_name[NAME_LEN];
    char icu_name[NAME_LEN];
    int line;
    decode_line decode[256];
    alias_line aliases[ALIAS_MAX];
    size_t alias_count;
    /* Results, filled in by resolve_codec() and build_inverse(). */
    uint32_t to_ucs[256];
    mf_codec_pair inverse[256 + ALIAS_MAX];
    size_t inverse_count;
} codec_spec;

typedef struct spec {
    const char *path;
    int icu_major; /* 0 until the `icu` line is read */
    codec_spec codecs[MF_CODEC_MAX];
    size_t count;
} spec;

/* The fast inverse index, as codec.h describes it. Page 0 stays zero. */
typedef struct rev_index {
    uint8_t page[256];
    uint8_t byte[256][256][MF_CODEC_MAX];
    unsigned pages; /* including the zero page */
} rev_index;

static int error_count;

/* Reports one problem; the generator goes on to find the others, then fails. */
static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen_codecs: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    error_count++;
}

/* ---- reading codecs.txt ---- */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && strchr(" \t\r\n", s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Splits s in place at blanks; returns the number of tokens. */
static int tokenize(char *s, char *tok[MAX_TOKENS])
{
    int n = 0;
    for (char *p = strtok(s, " \t"); p; p = strtok(NULL, " \t")) {
        if (n == MAX_TOKENS)
            return MAX_TOKENS + 1;
        tok[n++] = p;
    }
    return n;
}

/* Parses "0xBB" (exactly two hex digits). */
static bool parse_byte(const char *s, uint8_t *out)
{
    char *end;
    if (strlen(s) != 4 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
        return false;
    unsigned long v = strtoul(s + 2, &end, 16);
    if (*end != '\0')
        return false;
    *out = (uint8_t)v;
    return true;
}

/* Parses "U+XXXX" (4 to 6 hex digits, a Unicode scalar value). */
static bool parse_ucs(const char *s, uint32_t *out)
{
    char *end;
    size_t len = strlen(s);
    if (len < 6 || len > 8 || s[0] != 'U' || s[1] != '+' || s[2] == '-' || s[2] == '+')
        return false;
    unsigned long v = strtoul(s + 2, &end, 16);
    if (*end != '\0' || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return false;
    *out = (uint32_t)v;
    return true;
}

static codec_spec *find_codec(spec *sp, const char *name)
{
    for (size_t i = 0; i < sp->count; i++)
        if (strcmp(sp->codecs[i].name, name) == 0)
            return &sp->codecs[i];
    return NULL;
}

/* Copies a name into a fixed field; false if it does not fit. */
static bool copy_name(char dst[NAME_LEN], const char *src)
{
    if (strlen(src) >= NAME_LEN)
        return false;
    strcpy(dst, src);
    return true;
}

/* Short names end up in C identifiers and rule names: keep them plain. */
static bool valid_short_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

static void parse_icu(spec *sp, int line, char **tok, int n)
{
    char *end;
    long v = n == 2 ? strtol(tok[1], &end, 10) : 0;
    if (n != 2 || *end != '\0' || v <= 0)
        fail("%s:%d: expected `icu MAJOR`", sp->path, line);
    else if (sp->icu_major)
        fail("%s:%d: second `icu` line", sp->path, line);
    else
        sp->icu_major = (int)v;
}

static void parse_codec(spec *sp, int line, char **tok, int n)
{
    if (n != 4) {
        fail("%s:%d: expected `codec NAME ICONV_NAME ICU_NAME`", sp->path, line);
        return;
    }
    if (!valid_short_name(tok[1])) {
        fail("%s:%d: codec name '%s' must be [a-z0-9-]+", sp->path, line, tok[1]);
        return;
    }
    if (find_codec(sp, tok[1])) {
        fail("%s:%d: codec '%s' listed twice", sp->path, line, tok[1]);
        return;
    }
    if (sp->count == MF_CODEC_MAX) {
        fail("%s:%d: more than MF_CODEC_MAX (%d) codecs", sp->path, line, MF_CODEC_MAX);
        return;
    }
    codec_spec *c = &sp->codecs[sp->count];
    if (!copy_name(c->name, tok[1]) || !copy_name(c->iconv_name, tok[2]) ||
        !copy_name(c->icu_name, tok[3])) {
        fail("%s:%d: a name is longer than %d characters", sp->path, line, NAME_LEN - 1);
        return;
    }
    c->line = line;
    sp->count++;
}

static void parse_decode(spec *sp, int line, char **tok, int n)
{
    uint8_t byte;
    uint32_t ucs = UNDEF;
    codec_spec *c = n == 4 ? find_codec(sp, tok[1]) : NULL;
    if (n != 4 || !parse_byte(tok[2], &byte) ||
        (strcmp(tok[3], "undefined") != 0 && !parse_ucs(tok[3], &ucs))) {
        fail("%s:%d: expected `decode CODEC 0xBB U+XXXX|undefined  # reason`", sp->path, line);
        return;
    }
    if (!c) {
        fail("%s:%d: unknown codec '%s' (codec lines come first)", sp->path, line, tok[1]);
        return;
    }
    decode_line *d = &c->decode[byte];
    if (d->present) {
        fail("%s:%d: second decode line for %s 0x%02X (first at line %d)", sp->path, line,
             c->name, byte, d->line);
        return;
    }
    *d = (decode_line){.present = true, .ucs = ucs, .line = line};
}

static void parse_alias(spec *sp, int line, char **tok, int n)
{
    uint8_t byte;
    uint32_t ucs;
    codec_spec *c = n == 4 ? find_codec(sp, tok[1]) : NULL;
    if (n != 4 || !parse_ucs(tok[2], &ucs) || !parse_byte(tok[3], &byte)) {
        fail("%s:%d: expected `alias CODEC U+XXXX 0xBB  # reason`", sp->path, line);
        return;
    }
    if (!c) {
        fail("%s:%d: unknown codec '%s' (codec lines come first)", sp->path, line, tok[1]);
        return;
    }
    if (c->alias_count == ALIAS_MAX) {
        fail("%s:%d: more than %d aliases for %s", sp->path, line, ALIAS_MAX, c->name);
        return;
    }
    c->aliases[c->alias_count++] = (alias_line){.ucs = ucs, .byte = byte, .line = line};
}

/* One line of codecs.txt; decode and alias lines must give a reason. */
static void parse_line(spec *sp, int line, char *text)
{
    char *hash = strchr(text, '#');
    const char *reason = "";
    if (hash) {
        *hash = '\0';
        reason = trim(hash + 1);
    }
    char *tok[MAX_TOKENS];
    int n = tokenize(trim(text), tok);
    if (n == 0)
        return;
    if (n > MAX_TOKENS) {
        fail("%s:%d: too many fields", sp->path, line);
        return;
    }
    bool needs_reason = strcmp(tok[0], "decode") == 0 || strcmp(tok[0], "alias") == 0;
    if (needs_reason && !*reason) {
        fail("%s:%d: `%s` line without a `# reason`", sp->path, line, tok[0]);
        return;
    }
    if (strcmp(tok[0], "icu") == 0)
        parse_icu(sp, line, tok, n);
    else if (strcmp(tok[0], "codec") == 0)
        parse_codec(sp, line, tok, n);
    else if (strcmp(tok[0], "decode") == 0)
        parse_decode(sp, line, tok, n);
    else if (strcmp(tok[0], "alias") == 0)
        parse_alias(sp, line, tok, n);
    else
        fail("%s:%d: unknown directive '%s'", sp->path, line, tok[0]);
}

static int read_spec(spec *sp)
{
    FILE *f = fopen(sp->path, "r");
    if (!f) {
        fail("cannot open %s: %s", sp->path, strerror(errno));
        return -1;
    }
    char buf[LINE_LEN];
    int line = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        if (!strchr(buf, '\n') && !feof(f)) {
            fail("%s:%d: line longer than %d characters", sp->path, line, LINE_LEN - 2);
            break;
        }
        parse_line(sp, line, buf);
    }
    if (ferror(f))
        fail("error reading %s: %s", sp->path, strerror(errno));
    fclose(f);
    if (!sp->icu_major)
        fail("%s: no `icu MAJOR` line", sp->path);
    if (sp->count == 0)
        fail("%s: no codecs", sp->path);
    return error_count ? -1 : 0;
}

/* ---- asking the decoders ---- */

static void format_ucs(uint32_t ucs, char buf[16])
{
    if (ucs == UNDEF)
        strcpy(buf, "undefined");
    else
        snprintf(buf, 16, "U+%04X", (unsigned)ucs);
}

/* The byte's code point according to iconv: UNDEF if iconv rejects the byte
 * (EILSEQ). Returns -1 (reported) on any other failure. */
static int iconv_decode(iconv_t cd, const codec_spec *c, uint8_t byte, uint32_t *ucs)
{
    char in[1] = {(char)byte};
    unsigned char out[16];
    char *inp = in, *outp = (char *)out;
    size_t inleft = sizeof in, outleft = sizeof out;

    iconv(cd, NULL, NULL, NULL, NULL); /* a fresh state for every byte */
    if (iconv(cd, &inp, &inleft, &outp, &outleft) == (size_t)-1) {
        if (errno == EILSEQ) {
            *ucs = UNDEF;
            return 0;
        }
        fail("%s: iconv %s failed on byte 0x%02X: %s", c->name, c->iconv_name, byte,
             strerror(errno));
        return -1;
    }
    size_t len = sizeof out - outleft;
    if (len != 4) {
        fail("%s: iconv %s decodes byte 0x%02X to %zu bytes of UCS-4, not one code point",
             c->name, c->iconv_name, byte, len);
        return -1;
    }
    *ucs = (uint32_t)out[0] << 24 | (uint32_t)out[1] << 16 | (uint32_t)out[2] << 8 | out[3];
    return 0;
}

/* The byte's code point according to ICU: UNDEF if ICU reports the byte as
 * unmapped or illegal (the STOP callback makes that an error rather than a
 * substitution character). Returns -1 (reported) on any other failure. */
static int icu_decode(UConverter *cnv, const codec_spec *c, uint8_t byte, uint32_t *ucs)
{
    const char in[1] = {(char)byte};
    const char *src = in;
    UChar out[8];
    UChar *dst = out;
    UErrorCode err = U_ZERO_ERROR;

    ucnv_reset(cnv);
    ucnv_toUnicode(cnv, &dst, out + 8, &src, in + 1, NULL, true, &err);
    if (err == U_INVALID_CHAR_FOUND || err == U_ILLEGAL_CHAR_FOUND ||
        err == U_TRUNCATED_CHAR_FOUND) {
        *ucs = UNDEF;
        return 0;
    }
    if (U_FAILURE(err)) {
        fail("%s: ICU %s failed on byte 0x%02X: %s", c->name, c->icu_name, byte,
             u_errorName(err));
        return -1;
    }
    int32_t len = (int32_t)(dst - out), i = 0;
    UChar32 cp = 0;
    if (len > 0)
        U16_NEXT(out, i, len, cp);
    if (len == 0 || i != len) {
        fail("%s: ICU %s decodes byte 0x%02X to %d UTF-16 units, not one code point",
             c->name, c->icu_name, byte, (int)len);
        return -1;
    }
    *ucs = (uint32_t)cp;
    return 0;
}

/* Chooses the byte's code point from the two answers and codecs.txt. */
static void resolve_byte(const spec *sp, codec_spec *c, uint8_t byte, uint32_t by_iconv,
                         uint32_t by_icu)
{
    const decode_line *d = &c->decode[byte];
    bool agreed = by_iconv == by_icu && by_iconv != UNDEF;
    char a[16], b[16];
    format_ucs(by_iconv, a);
    format_ucs(by_icu, b);

    if (!d->present) {
        if (agreed)
            c->to_ucs[byte] = by_iconv;
        else
            fail("%s byte 0x%02X: iconv %s says %s, ICU %s says %s; document the choice in "
                 "%s: `decode %s 0x%02X U+XXXX|undefined  # reason`",
                 c->name, byte, c->iconv_name, a, c->icu_name, b, sp->path, c->name, byte);
        return;
    }
    if (agreed && d->ucs == by_iconv)
        fail("%s:%d: redundant decode line: iconv and ICU both say %s 0x%02X is %s",
             sp->path, d->line, c->name, byte, a);
    c->to_ucs[byte] = d->ucs;
}

/* Fills c->to_ucs from both decoders. */
static void resolve_codec(const spec *sp, codec_spec *c)
{
    iconv_t cd = iconv_open("UCS-4BE", c->iconv_name);
    if (cd == (iconv_t)-1) {
        fail("%s:%d: iconv does not know '%s': %s", sp->path, c->line, c->iconv_name,
             strerror(errno));
        return;
    }
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(c->icu_name, &err);
    if (U_SUCCESS(err))
        ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    if (U_FAILURE(err)) {
        fail("%s:%d: ICU cannot open '%s': %s", sp->path, c->line, c->icu_name,
             u_errorName(err));
    } else if (err == U_AMBIGUOUS_ALIAS_WARNING) {
        fail("%s:%d: ICU name '%s' is ambiguous; write the converter it means, '%s'", sp->path,
             c->line, c->icu_name, ucnv_getName(cnv, &err));
    } else {
        for (int byte = 0; byte < 256; byte++) {
            uint32_t by_iconv, by_icu;
            if (iconv_decode(cd, c, (uint8_t)byte, &by_iconv) == 0 &&
                icu_decode(cnv, c, (uint8_t)byte, &by_icu) == 0)
                resolve_byte(sp, c, (uint8_t)byte, by_iconv, by_icu);
        }
    }
    if (cnv)
        ucnv_close(cnv);
    iconv_close(cd);
}

/* ---- checking the tables ---- */

static int compare_pairs(const void *pa, const void *pb)
{
    const mf_codec_pair *a = pa, *b = pb;
    if (a->ucs != b->ucs)
        return a->ucs < b->ucs ? -1 : 1;
    return (a->byte > b->byte) - (a->byte < b->byte);
}

/* The fast index only covers the BMP, and the repair relies on ASCII bytes
 * being themselves, so both are hard requirements on the decode table. */
static void check_decode_table(const codec_spec *c)
{
    for (int byte = 0; byte < 256; byte++) {
        uint32_t u = c->to_ucs[byte];
        if (byte < 0x80 && u != (uint32_t)byte)
            fail("%s byte 0x%02X decodes to U+%04X: bytes 0x00-0x7F must be ASCII", c->name,
                 byte, (unsigned)u);
        else if (u != UNDEF && u > 0xFFFF)
            fail("%s byte 0x%02X decodes to U+%04X, outside the BMP the fast index covers",
                 c->name, byte, (unsigned)u);
    }
}

/* Sorts the defined bytes by code point and rejects any code point that two
 * bytes share: decoding must be reversible. */
static void build_inverse(codec_spec *c)
{
    c->inverse_count = 0;
    for (int byte = 0; byte < 256; byte++)
        if (c->to_ucs[byte] != UNDEF)
            c->inverse[c->inverse_count++] =
                (mf_codec_pair){.ucs = c->to_ucs[byte], .byte = (uint8_t)byte};
    qsort(c->inverse, c->inverse_count, sizeof c->inverse[0], compare_pairs);
    for (size_t i = 1; i < c->inverse_count; i++)
        if (c->inverse[i].ucs == c->inverse[i - 1].ucs)
            fail("%s: bytes 0x%02X and 0x%02X both decode to U+%04X (not a bijection)",
                 c->name, c->inverse[i - 1].byte, c->inverse[i].byte,
                 (unsigned)c->inverse[i].ucs);
}

/* An alias must point at a defined non-ASCII byte, stay in the non-ASCII BMP
 * (where both encoders look it up) and not steal another byte's code point. */
static void check_alias(const spec *sp, const codec_spec *c, const alias_line *a)
{
    if (a->byte < 0x80 || c->to_ucs[a->byte] == UNDEF) {
        fail("%s:%d: alias to %s byte 0x%02X, which is ASCII or undefined", sp->path, a->line,
             c->name, a->byte);
        return;
    }
    if (a->ucs < 0x80 || a->ucs > 0xFFFF) {
        fail("%s:%d: alias U+%04X must be in U+0080-U+FFFF", sp->path, a->line,
             (unsigned)a->ucs);
        return;
    }
    for (int byte = 0; byte < 256; byte++)
        if (c->to_ucs[byte] == a->ucs)
            fail("%s:%d: alias U+%04X -> 0x%02X collides with %s byte 0x%02X's own code point",
                 sp->path, a->line, (unsigned)a->ucs, a->byte, c->name, byte);
    for (const alias_line *b = c->aliases; b < a; b++)
        if (b->ucs == a->ucs)
            fail("%s:%d: alias U+%04X already given at line %d", sp->path, a->line,
                 (unsigned)a->ucs, b->line);
}

static void add_aliases(const spec *sp, codec_spec *c)
{
    for (size_t i = 0; i < c->alias_count; i++) {
        const alias_line *a = &c->aliases[i];
        check_alias(sp, c, a);
        c->inverse[c->inverse_count++] = (mf_codec_pair){.ucs = a->ucs, .byte = a->byte};
    }
    qsort(c->inverse, c->inverse_count, sizeof c->inverse[0], compare_pairs);
}

static void check_icu_version(const spec *sp)
{
    UVersionInfo v;
    u_getVersion(v);
    if (v[0] != sp->icu_major)
        fail("%s pins ICU %d but this is ICU %d.%d: review the tables against the new ICU, "
             "then update the `icu` line",
             sp->path, sp->icu_major, v[0], v[1]);
}

/* Pages are numbered from 1 in order of the code points' high byte; only
 * high bytes that some codec's non-ASCII entry uses get one. */
static void build_rev_index(const spec *sp, rev_index *rx)
{
    bool used[256] = {false};
    for (size_t k = 0; k < sp->count; k++)
        for (size_t i = 0; i < sp->codecs[k].inverse_count; i++)
            if (sp->codecs[k].inverse[i].ucs >= 0x80)
                used[sp->codecs[k].inverse[i].ucs >> 8] = true;
    memset(rx, 0, sizeof *rx);
    rx->pages = 1;
    for (int hi = 0; hi < 256; hi++)
        if (used[hi])
            rx->page[hi] = (uint8_t)rx->pages++;
    if (rx->pages > 256) {
        fail("more than 255 index pages");
        return;
    }
    for (size_t k = 0; k < sp->count; k++)
        for (size_t i = 0; i < sp->codecs[k].inverse_count; i++) {
            mf_codec_pair p = sp->codecs[k].inverse[i];
            if (p.ucs >= 0x80)
                rx->byte[rx->page[p.ucs >> 8]][p.ucs & 0xFF][k] = p.byte;
        }
}

/* ---- writing codec_tables.c ---- */

/* "koi8-r" -> "koi8_r", for the per-codec array names. */
static void c_identifier(const char *name, char out[NAME_LEN])
{
    size_t i = 0;
    for (; name[i]; i++)
        out[i] = name[i] == '-' ? '_' : name[i];
    out[i] = '\0';
}

static void emit_banner(FILE *f, const spec *sp)
{
    fprintf(f, "/* generated by tables/gen_codecs.c from tables/codecs.txt, do not edit.\n"
               " * Regenerate with: cmake --build build --target regen\n"
               " * Decoders: glibc iconv, cross-checked with ICU %d. */\n"
               "#include \"codec.h\"\n",
            sp->icu_major);
}

static void emit_inverse(FILE *f, const codec_spec *c)
{
    char id[NAME_LEN];
    c_identifier(c->name, id);
    fprintf(f, "\n/* %s by code point: %zu defined bytes + %zu alias%s. */\n", c->name,
            c->inverse_count - c->alias_count, c->alias_count, c->alias_count == 1 ? "" : "es");
    fprintf(f, "static const mf_codec_pair from_ucs_%s[%zu] = {", id, c->inverse_count);
    for (size_t i = 0; i < c->inverse_count; i++)
        fprintf(f, "%s{0x%04X, 0x%02X},", i % 8 ? " " : "\n    ", (unsigned)c->inverse[i].ucs,
                c->inverse[i].byte);
    fputs("\n};\n", f);
}

static void emit_codec(FILE *f, const codec_spec *c)
{
    char id[NAME_LEN];
    c_identifier(c->name, id);
    fprintf(f, "    {\n        .name = \"%s\",\n        .iconv_name = \"%s\",\n"
               "        .to_ucs = {",
            c->name, c->iconv_name);
    for (int byte = 0; byte < 256; byte++) {
        if (byte % 8 == 0)
            fprintf(f, "\n            /* 0x%02X */", byte);
        if (c->to_ucs[byte] == UNDEF)
            fputs(" MF_CODEC_UNDEFINED,", f);
        else
            fprintf(f, " 0x%04X,", (unsigned)c->to_ucs[byte]);
    }
    fprintf(f, "\n        },\n        .from_ucs = from_ucs_%s,\n"
               "        .from_ucs_count = %zu,\n    },\n",
            id, c->inverse_count);
}

static void emit_codecs(FILE *f, const spec *sp)
{
    for (size_t k = 0; k < sp->count; k++)
        emit_inverse(f, &sp->codecs[k]);
    fputs("\n/* In priority order: the repair prefers earlier codecs on ties. */\n"
          "const mf_codec mf_codecs[] = {\n",
          f);
    for (size_t k = 0; k < sp->count; k++)
        emit_codec(f, &sp->codecs[k]);
    fprintf(f, "};\nconst size_t mf_codecs_count = %zu;\n", sp->count);
}

static void emit_rev_index(FILE *f, const spec *sp, const rev_index *rx)
{
    fputs("\n/* Fast inverse: see codec.h. Page numbers by code point high byte. */\n"
          "const uint8_t mf_rev_page[256] = {",
          f);
    for (int hi = 0; hi < 256; hi++)
        fprintf(f, "%s%3u,", hi % 16 ? " " : "\n    ", rx->page[hi]);
    fputs("\n};\n", f);

    fputs("\n/* [page][low byte] = {byte in each codec}; rows not listed are 0.\n"
          " * Columns:", f);
    for (size_t k = 0; k < sp->count; k++)
        fprintf(f, "%s %s", k ? "," : "", sp->codecs[k].name);
    fputs(". */\n", f);
    fprintf(f, "const uint8_t mf_rev_byte[%u][256][MF_CODEC_MAX] = {\n", rx->pages);
    for (int hi = 0; hi < 256; hi++) {
        unsigned pg = rx->page[hi];
        for (int lo = 0; pg && lo < 256; lo++) {
            const uint8_t *row = rx->byte[pg][lo];
            bool any = false;
            for (size_t k = 0; k < sp->count; k++)
                any |= row[k] != 0;
            if (!any)
                continue;
            fprintf(f, "    [%2u][0x%02X] = {", pg, lo);
            for (size_t k = 0; k < sp->count; k++)
                fprintf(f, "%s0x%02X", k ? ", " : "", row[k]);
            fprintf(f, "}, /* U+%02X%02X */\n", hi, lo);
        }
    }
    fputs("};\n", f);
}

static void emit_all(FILE *f, const spec *sp, const rev_index *rx)
{
    emit_banner(f, sp);
    emit_codecs(f, sp);
    emit_rev_index(f, sp, rx);
}

/* Writes a stream, reporting write errors under the given name. */
static int write_stream(FILE *f, const char *name, const spec *sp, const rev_index *rx)
{
    emit_all(f, sp, rx);
    if (fflush(f) != 0 || ferror(f)) {
        fail("error writing %s: %s", name, strerror(errno));
        return -1;
    }
    return 0;
}

/* A regular file (or a new one) is written as PATH.tmp and renamed over, so
 * a failed run never leaves half a file. Anything else (stdout as "-",
 * /dev/null, a pipe) is written in place: renaming over it would replace
 * the device or pipe with a plain file. */
static int write_output(const char *path, const spec *sp, const rev_index *rx)
{
    struct stat st;
    if (!path || strcmp(path, "-") == 0)
        return write_stream(stdout, "stdout", sp, rx);
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        FILE *f = fopen(path, "w");
        if (!f) {
            fail("cannot open %s: %s", path, strerror(errno));
            return -1;
        }
        int rc = write_stream(f, path, sp, rx);
        if (fclose(f) != 0 && rc == 0) {
            fail("error closing %s: %s", path, strerror(errno));
            rc = -1;
        }
        return rc;
    }
    size_t len = strlen(path) + sizeof ".tmp";
    char *tmp = malloc(len);
    if (!tmp) {
        fail("out of memory");
        return -1;
    }
    snprintf(tmp, len, "%s.tmp", path);
    int rc = -1;
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fail("cannot create %s: %s", tmp, strerror(errno));
    } else {
        rc = write_stream(f, tmp, sp, rx);
        if (fclose(f) != 0 && rc == 0) {
            fail("error closing %s: %s", tmp, strerror(errno));
            rc = -1;
        }
        if (rc == 0 && rename(tmp, path) != 0) {
            fail("cannot rename %s to %s: %s", tmp, path, strerror(errno));
            rc = -1;
        }
        if (rc != 0)
            remove(tmp);
    }
    free(tmp);
    return rc;
}

int main(int argc, char **argv)
{
    static spec sp;       /* large: keep them off the stack */
    static rev_index rx;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s CODECS_TXT [OUTPUT_C]\n", argv[0]);
        return 2;
    }
    sp.path = argv[1];
    /* Each stage runs only on a clean result of the one before, so the
     * errors reported are causes, not consequences. */
    if (read_spec(&sp) == 0) {
        check_icu_version(&sp);
        for (size_t k = 0; k < sp.count; k++)
            resolve_codec(&sp, &sp.codecs[k]);
    }
    for (size_t k = 0; error_count == 0 && k < sp.count; k++) {
        check_decode_table(&sp.codecs[k]);
        build_inverse(&sp.codecs[k]);
        add_aliases(&sp, &sp.codecs[k]);
    }
    if (error_count == 0)
        build_rev_index(&sp, &rx);
    if (error_count == 0)
        write_output(argc == 3 ? argv[2] : NULL, &sp, &rx);
    u_cleanup(); /* frees ICU's caches, for a clean valgrind report */
    if (error_count) {
        fprintf(stderr, "gen_codecs: %d error%s, nothing written\n", error_count,
                error_count == 1 ? "" : "s");
        return 1;
    }
    return 0;
}
