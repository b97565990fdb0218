/* check_codec: the generated codec tables (tables/codec_tables.c) and the
 * lookups over them (filter/codec.c).
 *
 * Besides internal consistency (round trips, fast index == reference), the
 * tables are checked against things the generator did not write: the
 * decisions documented in tables/codecs.txt, read here with a parser of its
 * own; iconv at test time; and well-known values typed in by hand. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "cjk_codec.h"
#include "codec.h"
#include "mojifix.h"

#define UNDEF MF_CODEC_UNDEFINED
#define DOC_ALIAS_MAX 256

/* ---- tables/codecs.txt, as the tests read it ---- */

typedef struct doc_alias {
    size_t codec;
    uint32_t ucs;
    unsigned byte;
} doc_alias;

typedef struct doc {
    size_t count;
    char name[MF_CODEC_MAX][64];
    char iconv_name[MF_CODEC_MAX][64];
    bool decoded[MF_CODEC_MAX][256]; /* has a `decode` line */
    uint32_t decode[MF_CODEC_MAX][256];
    doc_alias alias[DOC_ALIAS_MAX];
    size_t alias_count;
} doc;

static doc D;
static bool doc_loaded;

static size_t doc_codec(const char *name, int line)
{
    for (size_t k = 0; k < D.count; k++)
        if (strcmp(D.name[k], name) == 0)
            return k;
    ck_abort_msg("codecs.txt:%d: unknown codec %s", line, name);
    return 0;
}

static uint32_t doc_ucs(const char *s, int line)
{
    if (strcmp(s, "undefined") == 0)
        return UNDEF;
    ck_assert_msg(strncmp(s, "U+", 2) == 0, "codecs.txt:%d: bad code point %s", line, s);
    return (uint32_t)strtoul(s + 2, NULL, 16);
}

static void doc_line(char *text, int line)
{
    char kw[16], a[64], b[64], c[64];
    char *hash = strchr(text, '#');
    if (hash)
        *hash = '\0';
    int n = sscanf(text, "%15s %63s %63s %63s", kw, a, b, c);
    if (n <= 0)
        return;
    if (strcmp(kw, "codec") == 0) {
        ck_assert_int_eq(n, 4);
        ck_assert_uint_lt(D.count, MF_CODEC_MAX);
        strcpy(D.name[D.count], a);
        strcpy(D.iconv_name[D.count], b);
        D.count++;
    } else if (strcmp(kw, "decode") == 0) {
        ck_assert_int_eq(n, 4);
        size_t k = doc_codec(a, line);
        unsigned long byte = strtoul(b, NULL, 16);
        ck_assert_uint_le(byte, 0xFF);
        D.decoded[k][byte] = true;
        D.decode[k][byte] = doc_ucs(c, line);
    } else if (strcmp(kw, "alias") == 0) {
        ck_assert_int_eq(n, 4);
        ck_assert_uint_lt(D.alias_count, DOC_ALIAS_MAX);
        D.alias[D.alias_count++] = (doc_alias){
            .codec = doc_codec(a, line),
            .ucs = doc_ucs(b, line),
            .byte = (unsigned)strtoul(c, NULL, 16),
        };
    }
}

/* Reads $MF_SOURCE_DIR/tables/codecs.txt once per test process. */
static void load_doc(void)
{
    if (doc_loaded)
        return;
    const char *dir = getenv("MF_SOURCE_DIR");
    ck_assert_msg(dir != NULL, "MF_SOURCE_DIR (the source tree) is not set");
    char path[4096], buf[512];
    snprintf(path, sizeof path, "%s/tables/codecs.txt", dir);
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s: %s", path, strerror(errno));
    int line = 0;
    while (fgets(buf, sizeof buf, f))
        doc_line(buf, ++line);
    fclose(f);
    ck_assert_uint_gt(D.count, 0);
    doc_loaded = true;
}

static size_t codec_index(const char *name)
{
    for (size_t k = 0; k < mf_codecs_count; k++)
        if (strcmp(mf_codecs[k].name, name) == 0)
            return k;
    ck_abort_msg("no codec named %s", name);
    return 0;
}

static size_t aliases_of(size_t k)
{
    size_t n = 0;
    for (size_t i = 0; i < D.alias_count; i++)
        n += D.alias[i].codec == k;
    return n;
}

/* ---- the codec list ---- */

START_TEST(test_codec_list_matches_doc)
{
    load_doc();
    ck_assert_uint_eq(mf_codec_count(), mf_codecs_count + mf_cjk_codecs_count);
    ck_assert_str_eq(mf_codec_name(mf_codecs_count), "gbk"); /* then the CJK rule's */
    ck_assert_ptr_null(mf_codec_name(mf_codec_count()));
    ck_assert_uint_eq(mf_codecs_count, D.count);
    ck_assert_uint_eq(mf_codecs_count, 16);
    ck_assert_uint_le(mf_codecs_count, MF_CODEC_MAX);
    for (size_t k = 0; k < mf_codecs_count; k++) {
        ck_assert_str_eq(mf_codec_name(k), D.name[k]);
        ck_assert_str_eq(mf_codecs[k].iconv_name, D.iconv_name[k]);
    }
    ck_assert_str_eq(mf_codec_name(0), "cp1252"); /* the preferred one */
}
END_TEST

START_TEST(test_codec_names_unique_and_bounded)
{
    for (size_t i = 0; i < mf_codec_count(); i++) {
        ck_assert_ptr_nonnull(mf_codec_name(i));
        for (size_t j = i + 1; j < mf_codec_count(); j++)
            ck_assert_str_ne(mf_codec_name(i), mf_codec_name(j));
    }
    ck_assert_ptr_null(mf_codec_name(mf_codec_count()));
    ck_assert_ptr_null(mf_codec_name(SIZE_MAX));
}
END_TEST

/* ---- the decode tables ---- */

START_TEST(test_ascii_is_identity)
{
    for (size_t k = 0; k < mf_codecs_count; k++)
        for (uint32_t b = 0; b < 0x80; b++)
            ck_assert_msg(mf_codecs[k].to_ucs[b] == b, "%s 0x%02X", mf_codecs[k].name, b);
}
END_TEST

START_TEST(test_undefined_bytes_are_documented)
{
    load_doc();
    for (size_t k = 0; k < mf_codecs_count; k++)
        for (int b = 0; b < 256; b++) {
            bool undefined = mf_codecs[k].to_ucs[b] == UNDEF;
            bool documented = D.decoded[k][b] && D.decode[k][b] == UNDEF;
            ck_assert_msg(undefined == documented, "%s 0x%02X: undefined %d, documented %d",
                          mf_codecs[k].name, b, undefined, documented);
        }
}
END_TEST

START_TEST(test_decode_lines_are_honoured)
{
    load_doc();
    for (size_t k = 0; k < mf_codecs_count; k++)
        for (int b = 0; b < 256; b++)
            if (D.decoded[k][b])
                ck_assert_msg(mf_codecs[k].to_ucs[b] == D.decode[k][b], "%s 0x%02X",
                              mf_codecs[k].name, b);
}
END_TEST

/* The byte's code point by iconv, UNDEF if iconv rejects it. */
static uint32_t iconv_decode(iconv_t cd, unsigned byte)
{
    char in[1] = {(char)byte};
    unsigned char out[8];
    char *inp = in, *outp = (char *)out;
    size_t inleft = 1, outleft = sizeof out;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &inp, &inleft, &outp, &outleft) == (size_t)-1) {
        ck_assert_int_eq(errno, EILSEQ);
        return UNDEF;
    }
    ck_assert_uint_eq(sizeof out - outleft, 4);
    return (uint32_t)out[0] << 24 | (uint32_t)out[1] << 16 | (uint32_t)out[2] << 8 | out[3];
}

/* Every byte codecs.txt does not override is exactly what iconv says now. */
START_TEST(test_agrees_with_iconv)
{
    load_doc();
    for (size_t k = 0; k < mf_codecs_count; k++) {
        iconv_t cd = iconv_open("UTF-32BE", mf_codecs[k].iconv_name);
        ck_assert_msg(cd != (iconv_t)-1, "iconv_open %s", mf_codecs[k].iconv_name);
        for (unsigned b = 0; b < 256; b++) {
            if (D.decoded[k][b])
                continue;
            uint32_t want = iconv_decode(cd, b);
            ck_assert_msg(mf_codecs[k].to_ucs[b] == want, "%s 0x%02X: table U+%04X, iconv U+%04X",
                          mf_codecs[k].name, b, mf_codecs[k].to_ucs[b], want);
        }
        iconv_close(cd);
    }
}
END_TEST

typedef struct known {
    const char *codec;
    unsigned byte;
    uint32_t ucs;
} known;

/* Typed in from the code pages' published charts, not from the generator. */
static const known known_values[] = {
    {"cp1252", 0x80, 0x20AC},      {"cp1252", 0x81, 0x0081},      {"cp1252", 0x9F, 0x0178},
    {"cp1252", 0xE9, 0x00E9},      {"latin1", 0x80, 0x0080},      {"latin1", 0xE9, 0x00E9},
    {"latin9", 0xA4, 0x20AC},      {"latin9", 0xBD, 0x0153},      {"macroman", 0x80, 0x00C4},
    {"macroman", 0xA9, 0x00A9},    {"macroman", 0xC3, 0x221A},    {"macroman", 0xE2, 0x201A},
    {"macroman", 0xDB, 0x20AC},    {"macroman", 0xBD, 0x03A9},    {"macroman", 0xC6, 0x2206},
    {"macroman", 0xF0, 0xF8FF},    {"cp1250", 0x8A, 0x0160},      {"cp1250", 0xB9, 0x0105},
    {"latin2", 0xB1, 0x0105},      {"cp1251", 0xC0, 0x0410},      {"cp1251", 0xD0, 0x0420},
    {"cp1251", 0xFF, 0x044F},      {"cp1251", 0x98, 0x0098},      {"koi8-r", 0xC1, 0x0430},
    {"koi8-r", 0xE1, 0x0410},      {"koi8-r", 0xA3, 0x0451},      {"koi8-u", 0xA4, 0x0454},
    {"maccyrillic", 0x80, 0x0410}, {"maccyrillic", 0xFF, 0x20AC}, {"cp866", 0x80, 0x0410},
    {"cp866", 0xA0, 0x0430},       {"cp866", 0x7F, 0x007F},       {"cp1253", 0xC1, 0x0391},
    {"cp1253", 0xAA, UNDEF},       {"cp1253", 0xD2, UNDEF},       {"cp1253", 0xFF, UNDEF},
    {"cp1254", 0xF0, 0x011F},      {"cp1257", 0xE0, 0x0105},      {"cp1257", 0xD0, 0x0160},
    {"cp1257", 0xA1, UNDEF},       {"cp437", 0x80, 0x00C7},       {"cp437", 0xE1, 0x00DF},
    {"cp437", 0xE6, 0x00B5},       {"cp437", 0x1A, 0x001A},       {"cp850", 0x9B, 0x00F8},
};

START_TEST(test_known_values)
{
    for (size_t i = 0; i < sizeof known_values / sizeof known_values[0]; i++) {
        const known *kv = &known_values[i];
        uint32_t got = mf_codecs[codec_index(kv->codec)].to_ucs[kv->byte];
        ck_assert_msg(got == kv->ucs, "%s 0x%02X: U+%04X, expected U+%04X", kv->codec,
                      kv->byte, got, kv->ucs);
    }
}
END_TEST

/* ---- the inverse ---- */

START_TEST(test_round_trip_every_byte)
{
    for (size_t k = 0; k < mf_codecs_count; k++)
        for (int b = 0; b < 256; b++) {
            uint32_t u = mf_codecs[k].to_ucs[b];
            if (u == UNDEF)
                continue;
            ck_assert_int_eq(mf_codec_encode_ref(&mf_codecs[k], u), b);
            ck_assert_int_eq(mf_codec_encode(k, u), b);
        }
}
END_TEST

/* Sorted, no duplicates, and nothing in it but defined bytes and the
 * documented aliases. */
START_TEST(test_inverse_is_bytes_plus_aliases)
{
    load_doc();
    for (size_t k = 0; k < mf_codecs_count; k++) {
        const mf_codec *c = &mf_codecs[k];
        size_t defined = 0;
        for (int b = 0; b < 256; b++)
            defined += c->to_ucs[b] != UNDEF;
        ck_assert_uint_eq(c->from_ucs_count, defined + aliases_of(k));
        for (size_t i = 1; i < c->from_ucs_count; i++)
            ck_assert_uint_lt(c->from_ucs[i - 1].ucs, c->from_ucs[i].ucs);
    }
    for (size_t i = 0; i < D.alias_count; i++) {
        const doc_alias *a = &D.alias[i];
        ck_assert_int_eq(mf_codec_encode_ref(&mf_codecs[a->codec], a->ucs), (int)a->byte);
        ck_assert_int_eq(mf_codec_encode(a->codec, a->ucs), (int)a->byte);
        ck_assert_uint_ne(mf_codecs[a->codec].to_ucs[a->byte], UNDEF);
    }
}
END_TEST

START_TEST(test_known_encodings)
{
    size_t cp1252 = codec_index("cp1252"), koi8r = codec_index("koi8-r");
    size_t macroman = codec_index("macroman"), cp437 = codec_index("cp437");
    size_t maccyr = codec_index("maccyrillic");
    ck_assert_int_eq(mf_codec_encode(cp1252, 0x00E9), 0xE9);
    ck_assert_int_eq(mf_codec_encode(cp1252, 0x20AC), 0x80);
    ck_assert_int_eq(mf_codec_encode(cp1252, 'A'), 'A');
    ck_assert_int_eq(mf_codec_encode(koi8r, 0x00E9), -1);
    ck_assert_int_eq(mf_codec_encode(koi8r, 0x0430), 0xC1);
    ck_assert_int_eq(mf_codec_encode(macroman, 0x00A4), 0xDB); /* aliases */
    ck_assert_int_eq(mf_codec_encode(macroman, 0x2126), 0xBD);
    ck_assert_int_eq(mf_codec_encode(macroman, 0x0394), 0xC6);
    ck_assert_int_eq(mf_codec_encode(cp437, 0x03BC), 0xE6);
    ck_assert_int_eq(mf_codec_encode(maccyr, 0x00A4), 0xFF);
    ck_assert_int_eq(mf_codec_encode(cp1252, 0x1F600), -1);
    ck_assert_int_eq(mf_codec_encode(cp1252, UNDEF), -1);
}
END_TEST

/* The fast index answers exactly like the binary search, everywhere. */
START_TEST(test_fast_index_equals_reference)
{
    static const uint32_t extra[] = {0x110000, 0x7FFFFFFF, 0xFFFFFFFE, UNDEF};
    for (size_t k = 0; k < mf_codecs_count; k++) {
        const mf_codec *c = &mf_codecs[k];
        for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
            int fast = mf_codec_encode(k, cp), ref = mf_codec_encode_ref(c, cp);
            if (fast != ref)
                ck_abort_msg("%s U+%04X: fast %d, reference %d", c->name, cp, fast, ref);
        }
        for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
            ck_assert_int_eq(mf_codec_encode(k, extra[i]), mf_codec_encode_ref(c, extra[i]));
    }
}
END_TEST

START_TEST(test_rev_page_zero_is_empty)
{
    for (int lo = 0; lo < 256; lo++)
        for (int k = 0; k < MF_CODEC_MAX; k++)
            ck_assert_uint_eq(mf_rev_byte[0][lo][k], 0);
    /* Codec slots past the last codec are never filled. */
    for (int hi = 0; hi < 256; hi++)
        for (int lo = 0; mf_rev_page[hi] && lo < 256; lo++)
            for (size_t k = mf_codecs_count; k < MF_CODEC_MAX; k++)
                ck_assert_uint_eq(mf_rev_byte[mf_rev_page[hi]][lo][k], 0);
}
END_TEST

static Suite *codec_suite(void)
{
    Suite *s = suite_create("codec");
    TCase *names = tcase_create("names");
    tcase_add_test(names, test_codec_list_matches_doc);
    tcase_add_test(names, test_codec_names_unique_and_bounded);
    suite_add_tcase(s, names);

    TCase *decode = tcase_create("decode");
    tcase_add_test(decode, test_ascii_is_identity);
    tcase_add_test(decode, test_undefined_bytes_are_documented);
    tcase_add_test(decode, test_decode_lines_are_honoured);
    tcase_add_test(decode, test_agrees_with_iconv);
    tcase_add_test(decode, test_known_values);
    suite_add_tcase(s, decode);

    TCase *encode = tcase_create("encode");
    tcase_set_timeout(encode, 60); /* the full code point sweep, under sanitizers */
    tcase_add_test(encode, test_round_trip_every_byte);
    tcase_add_test(encode, test_inverse_is_bytes_plus_aliases);
    tcase_add_test(encode, test_known_encodings);
    tcase_add_test(encode, test_fast_index_equals_reference);
    tcase_add_test(encode, test_rev_page_zero_is_empty);
    suite_add_tcase(s, encode);
    return s;
}

int main(void)
{
    return mf_run_suite(codec_suite());
}
