/* check_stream: the streaming API (filter/stream.c, filter/mojifix.h).
 *
 * The promise checked here: the output does not depend on how the input is
 * split across mf_stream_write calls. For every input (the seed fixtures,
 * the accuracy sample, and generated texts that aim at the window cuts),
 * mf_fix_buffer's output is the reference, and mf_stream_write fed in chunks
 * of every size 1..64, of larger sizes around the window and buffer sizes,
 * and of random sizes must give the same bytes and report the same edits.
 * The edits must also explain the output: applied to the input, they give
 * it. Then the error paths of the API. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "cjk_codec.h"
#include "codec.h"
#include "decode.h"
#include "legacy.h"
#include "mojifix.h"
#include "test_rng.h"

/* For the helpers that also build the inputs, before any test runs (where
 * ck_assert cannot report): a failure here is the harness's, not the
 * library's. */
#define NEED(cond)                                                                 \
    do {                                                                           \
        if (!(cond)) {                                                             \
            fprintf(stderr, "%s:%d: %s failed\n", __FILE__, __LINE__, #cond);     \
            abort();                                                               \
        }                                                                          \
    } while (0)

/* ---- byte buffers ---- */

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void buf_add(buf *b, const void *bytes, size_t len)
{
    if (b->n + len > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + len)
            cap *= 2;
        b->p = realloc(b->p, cap);
        NEED(b->p != NULL);
        b->cap = cap;
    }
    if (len)
        memcpy(b->p + b->n, bytes, len);
    b->n += len;
}

static void buf_str(buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_cp(buf *b, uint32_t cp)
{
    char enc[4];
    buf_add(b, enc, (size_t)mf_utf8_encode(cp, enc));
}

static void buf_free(buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

/* ---- mojibake, made here from the codec tables ---- */

static size_t codec_index(const char *name)
{
    for (size_t k = 0; k < mf_codecs_count; k++)
        if (strcmp(mf_codecs[k].name, name) == 0)
            return k;
    fprintf(stderr, "no codec named %s\n", name);
    abort();
}

/* Appends the UTF-8 text s[0..len) as it reads after its bytes were decoded
 * through codec k and encoded as UTF-8 again. A byte the codec leaves
 * undefined reads as the C1 control of the same number (what browsers do
 * with cp1252). */
static void buf_break(buf *b, const char *s, size_t len, size_t k)
{
    for (size_t i = 0; i < len; i++) {
        uint8_t byte = (uint8_t)s[i];
        uint32_t cp = mf_codecs[k].to_ucs[byte];
        buf_cp(b, cp == MF_CODEC_UNDEFINED ? byte : cp);
    }
}

static void buf_break_str(buf *b, const char *s, const char *codec)
{
    buf_break(b, s, strlen(s), codec_index(codec));
}

/* ---- inputs ---- */

/* Words to build text from: ASCII, Latin, Cyrillic, Greek, CJK, emoji. */
static const char *const words[] = {
    "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "2024", "A1",
    "café", "déjà", "naïve", "Größe", "Ærø", "Ñandú", "façade", "l’été", "São",
    "привет", "мир", "ещё", "Съешь", "ґанок",
    "γρήγορη", "Αθήνα",
    "中文", "日本語", "한국어", "かな", "漢字テスト",
    "😀", "🔴", "👍🏽", "€5", "“quoted”", "—", "…", "½", "µs", "°C", "±",
};
#define NWORDS (sizeof words / sizeof words[0])

static const char *const codecs_to_break[] = {"cp1252", "macroman", "latin1", "cp1251", "koi8-r"};

/* A line of random words, maybe broken through one or two codecs. */
static void gen_line(buf *b, size_t nwords)
{
    buf clean = {0};
    for (size_t i = 0; i < nwords; i++) {
        if (i)
            buf_str(&clean, rng_below(8) ? " " : ", ");
        buf_str(&clean, words[rng_below(NWORDS)]);
    }
    uint32_t how = rng_below(6);
    if (how < 2) {
        buf_add(b, clean.p, clean.n);
    } else if (how < 5) {
        /* Broken once, through cp1252 or MacRoman (mostly) or another. */
        const char *codec = how == 2 ? "cp1252" : how == 3 ? "macroman"
                                                 : codecs_to_break[rng_below(5)];
        buf_break(b, clean.p, clean.n, codec_index(codec));
    } else {
        buf twice = {0};
        buf_break(&twice, clean.p, clean.n, codec_index("cp1252"));
        buf_break(b, twice.p, twice.n, codec_index(rng_below(2) ? "cp1252" : "macroman"));
        buf_free(&twice);
    }
    buf_free(&clean);
}

typedef struct input {
    char name[256];
    buf data;
    int clean; /* correct text: must come out as it went in */
} input;

static input *inputs;
static size_t ninputs;

static input *new_input(const char *name)
{
    inputs = realloc(inputs, (ninputs + 1) * sizeof *inputs);
    NEED(inputs != NULL);
    input *in = &inputs[ninputs++];
    memset(in, 0, sizeof *in);
    snprintf(in->name, sizeof in->name, "%s", name);
    return in;
}

static void read_file(const char *path, const char *name)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
        exit(EXIT_FAILURE);
    }
    input *in = new_input(name);
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&in->data, chunk, k);
    fclose(f);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .txt files of fixtures/seeds, in name order. */
static void read_seeds(const char *srcdir)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/fixtures/seeds", srcdir);
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "cannot open %s: %s\n", dir, strerror(errno));
        exit(EXIT_FAILURE);
    }
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0 && n < 256)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n == 0) {
        fprintf(stderr, "no fixtures in %s\n", dir);
        exit(EXIT_FAILURE);
    }
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char path[8192], name[200];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        snprintf(name, sizeof name, "seeds/%s", names[i]);
        read_file(path, name);
        free(names[i]);
    }
}

static void make_inputs(void)
{
    const char *src = getenv("MF_SOURCE_DIR");
    if (!src) {
        fprintf(stderr, "MF_SOURCE_DIR (the source tree) is not set\n");
        exit(EXIT_FAILURE);
    }
    read_seeds(src);
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/accuracy/sample.txt", src);
    read_file(path, "accuracy/sample.txt");

    input *in;
    rng_seed(1);

    in = new_input("random valid UTF-8");
    for (int i = 0; i < 1500; i++) {
        for (uint32_t w = rng_below(12); w; w--) {
            uint32_t r = rng_below(10);
            uint32_t cp = r < 4 ? 0x21 + rng_below(0x5E)
                        : r < 6 ? 0xA0 + rng_below(0x160)
                        : r < 7 ? 0x400 + rng_below(0x100)
                        : r < 8 ? 0x4E00 + rng_below(0x5000)
                        : r < 9 ? 0x1F300 + rng_below(0x300)
                                : 0x80 + rng_below(0x10FF7F);
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD;
            buf_cp(&in->data, cp);
            if (rng_below(4) == 0)
                buf_str(&in->data, " ");
        }
        buf_str(&in->data, "\n");
    }

    in = new_input("mojibake lines (cp1252, MacRoman, others, twice)");
    for (int i = 0; i < 600; i++) {
        gen_line(&in->data, 1 + rng_below(12));
        buf_str(&in->data, "\n");
    }

    in = new_input("random bytes");
    for (int i = 0; i < 16000; i++)
        buf_add(&in->data, &(uint8_t){(uint8_t)rng()}, 1);

    in = new_input("random high bytes and newlines");
    for (int i = 0; i < 16000; i++) {
        uint32_t r = rng();
        uint8_t byte = r % 50 == 0 ? '\n' : r % 3 == 0 ? (uint8_t)(0x20 + (r >> 8) % 0x5F)
                                                       : (uint8_t)(0x80 | r >> 8);
        buf_add(&in->data, &byte, 1);
    }

    /* Long lines: the window is cut inside them, before an ASCII word after
     * a space once 4 KiB of ASCII went by, or at 64 KiB on a character
     * boundary. */
    in = new_input("ASCII line > 200 KiB, no newline");
    in->clean = 1;
    while (in->data.n < 210 * 1024) {
        buf_str(&in->data, words[rng_below(10)]);
        buf_str(&in->data, " ");
    }

    in = new_input("ASCII line > 200 KiB with mojibake sprinkled in, no newline");
    while (in->data.n < 205 * 1024) {
        uint32_t r = rng_below(30);
        if (r == 0)
            buf_break_str(&in->data, words[10 + rng_below(NWORDS - 10)], "cp1252");
        else if (r == 1)
            buf_break_str(&in->data, words[10 + rng_below(NWORDS - 10)], "macroman");
        else
            buf_str(&in->data, words[rng_below(10)]);
        buf_str(&in->data, " ");
    }

    /* Under 64 KiB a line is one window, whatever the reads it came in: a
     * cut where a read ended would judge its halves apart (the spam rule
     * weighs the scripts of the window). */
    /* 4 KiB of ASCII in Korean, then English with a Korean word glued in:
     * in the whole line, Korean is the line's own script and the word stays;
     * cut where the English begins, the word would be a glued run. */
    in = new_input("a 40 KiB line, Korean then English with Korean glued in");
    for (int k = 0; k < 4200; k++)
        buf_str(&in->data, k % 2 ? "한국 " : "서울 ");
    for (int k = 0; k < 300; k++)
        buf_str(&in->data, k == 150 ? "the rampage감사합니다 in which " : "plain words of prose ");
    buf_str(&in->data, "\n");

    in = new_input("100 KiB of CJK, no ASCII");
    in->clean = 1;
    while (in->data.n < 100 * 1024)
        buf_cp(&in->data, 0x4E00 + rng_below(0x5000));

    /* 64 KiB with the newline is one window; a byte more and the window
     * is cut before the newline, on a character boundary. Under 4 KiB of
     * ASCII, so there is no earlier cut. */
    in = new_input("lines of 64 KiB and 64 KiB + 1");
    for (size_t target = 65536; target <= 65537; target++) {
        size_t start = in->data.n;
        while (in->data.n - start + 16 < target) {
            buf_cp(&in->data, rng_below(2) ? 0x4E2D : 0xE9);
            if (rng_below(500) == 0)
                buf_break_str(&in->data, "é", "cp1252");
        }
        buf_break_str(&in->data, "é", "cp1252");
        while (in->data.n - start + 1 < target)
            buf_str(&in->data, ".");
        buf_str(&in->data, "\n");
    }

    in = new_input("CRLF, CR, no final newline");
    for (int i = 0; i < 300; i++) {
        gen_line(&in->data, 1 + rng_below(8));
        static const char *const ends[] = {"\r\n", "\r", "\n", "\r\r\n", "\n\r"};
        buf_str(&in->data, ends[rng_below(5)]);
    }
    gen_line(&in->data, 3);
    buf_break_str(&in->data, "fin: café", "cp1252");

    in = new_input("NUL bytes");
    for (int i = 0; i < 300; i++) {
        gen_line(&in->data, 1 + rng_below(6));
        for (uint32_t z = rng_below(3); z; z--)
            buf_add(&in->data, "\0", 1);
        if (rng_below(3) == 0)
            buf_break_str(&in->data, "é", "cp1252");
        buf_add(&in->data, "\0\n", 1 + rng_below(2));
    }

    in = new_input("invalid bytes between mojibake");
    for (int i = 0; i < 400; i++) {
        gen_line(&in->data, 1 + rng_below(5));
        static const char *const junk[] = {"\xE9", "\x80", "\xC3", "\xE2\x80", "\xF0\x9F\x98",
                                           "\xFF", "\xC0\x80", "\xED\xA0\x80"};
        buf_str(&in->data, junk[rng_below(8)]);
        if (rng_below(4))
            buf_str(&in->data, "\n");
    }

    in = new_input("empty");
    in = new_input("one byte");
    buf_str(&in->data, "\xC3");
}

/* ---- running the filter ---- */

typedef struct rec_edit {
    uint64_t offset;
    uint32_t length;
    size_t repl_at, repl_len; /* in the run's repl buffer */
    size_t orig_at;           /* in the run's orig buffer */
    uint64_t line, column;
    char rule[64];
} rec_edit;

typedef struct run {
    buf out;
    buf repl;
    buf orig;
    rec_edit *edits;
    size_t nedits, cap;
    int bad_edit_call; /* a NULL edit, rule or replacement */
} run;

static int run_write(void *ctx, const char *bytes, size_t len)
{
    buf_add(&((run *)ctx)->out, bytes, len);
    return 0;
}

static void run_edit(void *ctx, const mf_edit *e)
{
    run *r = ctx;
    if (!e || !e->rule || (!e->replacement && e->replacement_length) || !e->original) {
        r->bad_edit_call = 1;
        return;
    }
    if (r->nedits == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 64;
        r->edits = realloc(r->edits, r->cap * sizeof *r->edits);
        NEED(r->edits != NULL);
    }
    rec_edit *x = &r->edits[r->nedits++];
    x->offset = e->offset;
    x->length = e->length;
    x->repl_at = r->repl.n;
    x->repl_len = e->replacement_length;
    buf_add(&r->repl, e->replacement, e->replacement_length);
    x->orig_at = r->orig.n;
    buf_add(&r->orig, e->original, e->length);
    x->line = e->line;
    x->column = e->column;
    snprintf(x->rule, sizeof x->rule, "%s", e->rule);
}

static void run_free(run *r)
{
    buf_free(&r->out);
    buf_free(&r->repl);
    buf_free(&r->orig);
    free(r->edits);
    memset(r, 0, sizeof *r);
}

static mf_config config_for(run *r, unsigned rules)
{
    mf_config cfg;
    mf_config_init(&cfg);
    cfg.rules = rules;
    cfg.on_edit = run_edit;
    cfg.edit_ctx = r;
    return cfg;
}

/* The reference: the whole input at once, through mf_fix_buffer. */
static void run_buffer(const buf *in, unsigned rules, run *r)
{
    memset(r, 0, sizeof *r);
    mf_config cfg = config_for(r, rules);
    char *out = NULL;
    size_t out_len = 0;
    ck_assert_int_eq(mf_fix_buffer(&cfg, in->p, in->n, &out, &out_len), MF_OK);
    ck_assert_ptr_nonnull(out);
    buf_add(&r->out, out, out_len);
    free(out);
}

/* chunk(i) gives the size of the i-th write. */
typedef size_t (*chunker)(size_t i, size_t param);

static size_t fixed_chunks(size_t i, size_t size)
{
    (void)i;
    return size;
}

static size_t random_chunks(size_t i, size_t seed)
{
    (void)i;
    (void)seed;
    switch (rng_below(4)) { /* small, medium, around the windows, any */
    case 0: return 1 + rng_below(16);
    case 1: return 1 + rng_below(5000);
    case 2: return 65536 - 8 + rng_below(16);
    default: return 1 + rng_below(150000);
    }
}

/* Feeds in through a stream, each write a copy of exactly its bytes (so a
 * sanitizer sees any read past a chunk). */
static void run_stream(const buf *in, unsigned rules, chunker chunk, size_t param, run *r)
{
    memset(r, 0, sizeof *r);
    mf_config cfg = config_for(r, rules);
    mf_stream *s = mf_stream_new(&cfg, run_write, r);
    ck_assert_ptr_nonnull(s);
    size_t at = 0;
    int rc = MF_OK;
    /* No ck_assert in the loop: each passing one costs Check a message. */
    for (size_t i = 0; at < in->n && rc == MF_OK; i++) {
        size_t k = chunk(i, param);
        if (k > in->n - at)
            k = in->n - at;
        char *copy = malloc(k);
        NEED(copy != NULL);
        memcpy(copy, in->p + at, k);
        rc = mf_stream_write(s, copy, k);
        free(copy);
        at += k;
    }
    ck_assert_msg(rc == MF_OK, "mf_stream_write before byte %zu: %s", at, mf_strerror(rc));
    ck_assert_int_eq(mf_stream_finish(s), MF_OK);
    mf_stream_free(s);
}

static size_t first_difference(const buf *a, const buf *b)
{
    size_t n = a->n < b->n ? a->n : b->n, i = 0;
    while (i < n && a->p[i] == b->p[i])
        i++;
    return i;
}

static void assert_same_run(const input *in, const run *want, const run *got, const char *how)
{
    if (got->out.n != want->out.n || first_difference(&got->out, &want->out) != want->out.n)
        ck_abort_msg("%s, %s: output of %zu bytes differs from mf_fix_buffer's (%zu bytes) "
                     "at byte %zu",
                     in->name, how, got->out.n, want->out.n, first_difference(&got->out, &want->out));
    ck_assert_msg(got->nedits == want->nedits, "%s, %s: %zu edits, mf_fix_buffer made %zu",
                  in->name, how, got->nedits, want->nedits);
    for (size_t i = 0; i < got->nedits; i++) {
        const rec_edit *a = &got->edits[i], *b = &want->edits[i];
        ck_assert_msg(a->offset == b->offset && a->length == b->length &&
                          a->repl_len == b->repl_len &&
                          (a->repl_len == 0 || /* a removal: no bytes to compare */
                           memcmp(got->repl.p + a->repl_at, want->repl.p + b->repl_at,
                                  a->repl_len) == 0) &&
                          a->line == b->line && a->column == b->column &&
                          strcmp(a->rule, b->rule) == 0,
                      "%s, %s: edit %zu differs from mf_fix_buffer's", in->name, how, i);
    }
}

/* ---- chunk invariance ---- */

static const size_t larger_sizes[] = {65,    100,   127,   128,   1000,  4093,   4096,
                                      16383, 16384, 65535, 65536, 65537, 131072, 1 << 20};

/* mf_fix_buffer's run of each input, made once per process (each test
 * runs in a process of its own unless CK_FORK=no). */
static run *references;
static char *have_reference;

static const run *reference(size_t i)
{
    if (!references) {
        references = calloc(ninputs, sizeof *references);
        have_reference = calloc(ninputs, 1);
        ck_assert_ptr_nonnull(references);
        ck_assert_ptr_nonnull(have_reference);
    }
    if (!have_reference[i]) {
        run_buffer(&inputs[i].data, MF_RULES_DEFAULT, &references[i]);
        have_reference[i] = 1;
    }
    return &references[i];
}

/* Chunks of 1..16 bytes cost the most (the stream looks at all it holds
 * back on every write). The fixed sizes are two cases of their own, tagged
 * small_chunks and medium_chunks, that ctest runs as separate tests beside
 * the rest (tests/core_tests.cmake), so that they run in parallel. */
static void chunks_fixed(int i, size_t from, size_t to)
{
    const input *in = &inputs[i];
    const run *want = reference((size_t)i);
    for (size_t size = from; size <= to; size++) {
        run got;
        run_stream(&in->data, MF_RULES_DEFAULT, fixed_chunks, size, &got);
        char how[64];
        snprintf(how, sizeof how, "chunks of %zu", size);
        assert_same_run(in, want, &got, how);
        run_free(&got);
    }
}

START_TEST(test_chunks_1_to_16)
{
    chunks_fixed(_i, 1, 16);
}
END_TEST

START_TEST(test_chunks_17_to_64)
{
    chunks_fixed(_i, 17, 64);
}
END_TEST

START_TEST(test_chunks_larger)
{
    const input *in = &inputs[_i];
    const run *want = reference((size_t)_i);
    for (size_t j = 0; j < sizeof larger_sizes / sizeof larger_sizes[0]; j++) {
        run got;
        run_stream(&in->data, MF_RULES_DEFAULT, fixed_chunks, larger_sizes[j], &got);
        char how[64];
        snprintf(how, sizeof how, "chunks of %zu", larger_sizes[j]);
        assert_same_run(in, want, &got, how);
        run_free(&got);
    }
}
END_TEST

START_TEST(test_chunks_random)
{
    const input *in = &inputs[_i];
    const run *want = reference((size_t)_i);
    for (uint64_t seed = 1; seed <= 6; seed++) {
        rng_seed(seed * 7919 + (uint64_t)_i);
        run got;
        run_stream(&in->data, MF_RULES_DEFAULT, random_chunks, 0, &got);
        char how[64];
        snprintf(how, sizeof how, "random chunks, seed %llu", (unsigned long long)seed);
        assert_same_run(in, want, &got, how);
        run_free(&got);
    }
}
END_TEST

/* ---- the edits explain the output ---- */

static int rule_is_known(const char *rule)
{
    static const char *const whole[] = {"invalid-utf8-as-cp1252", "spam-run", "c1-as-cp1252",
                                        "cesu-8", "html-entity", "ansi-escape"};
    for (size_t i = 0; i < sizeof whole / sizeof *whole; i++)
        if (strcmp(rule, whole[i]) == 0)
            return 1;
    for (size_t i = 0; i < mf_legacy_pair_count; i++) { /* the legacy rule's REAL-as-READ */
        char name[64];
        snprintf(name, sizeof name, "%s-as-%s", mf_legacy_pairs[i].real, mf_legacy_pairs[i].read);
        if (strcmp(rule, name) == 0)
            return 1;
    }
    for (size_t k = 0; k < mf_cjk_codecs_count; k++) { /* the CJK rule's paths */
        char name[64];
        const char *const forms[] = {"utf8-as-%s", "%s-as-cp1252", "%s-as-latin1"};
        for (size_t f = 0; f < 3; f++) {
            snprintf(name, sizeof name, forms[f], mf_cjk_codecs[k].name);
            if (strcmp(rule, name) == 0)
                return 1;
        }
    }
    if (strncmp(rule, "utf8-as-", 8) != 0)
        return 0;
    /* utf8-as-C, utf8-as-C xN, or utf8-as-C1+C2[+C3] */
    const char *p = rule + 8;
    int parts = 0;
    for (;;) {
        size_t best = 0;
        for (size_t k = 0; k < mf_codecs_count; k++) {
            size_t len = strlen(mf_codecs[k].name);
            if (len > best && strncmp(p, mf_codecs[k].name, len) == 0 &&
                (p[len] == '\0' || p[len] == '+' || p[len] == ' '))
                best = len;
        }
        if (!best)
            return 0;
        p += best;
        parts++;
        if (*p == '+') {
            p++;
            continue;
        }
        if (*p == '\0')
            return 1;
        return parts == 1 && p[0] == ' ' && p[1] == 'x' && p[2] >= '2' && p[2] <= '9' &&
               p[3] == '\0';
    }
}

static int is_well_formed(const buf *b)
{
    for (size_t i = 0; i < b->n;) {
        uint32_t cp;
        int k = mf_utf8_decode((const uint8_t *)b->p + i, b->n - i, &cp);
        if (!k)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

/* The 1-based line and column (in characters) of input byte `offset`,
 * counted the slow way. */
static void position_of(const buf *b, uint64_t offset, uint64_t *line, uint64_t *column)
{
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < offset;) {
        if (b->p[i] == '\n') {
            ++*line;
            *column = 1;
            i++;
            continue;
        }
        uint32_t cp;
        int k = mf_utf8_decode((const uint8_t *)b->p + i, b->n - i, &cp);
        i += k ? (size_t)k : 1;
        ++*column;
    }
}

static void check_edits_explain(const input *in, const run *r)
{
    ck_assert_msg(!r->bad_edit_call, "%s: an edit with a NULL rule or replacement", in->name);
    buf applied = {0};
    uint64_t at = 0;
    for (size_t i = 0; i < r->nedits; i++) {
        const rec_edit *e = &r->edits[i];
        ck_assert_msg(e->offset >= at, "%s: edit %zu at %llu overlaps or precedes the last one "
                      "(which ends at %llu)", in->name, i, (unsigned long long)e->offset,
                      (unsigned long long)at);
        ck_assert_msg(e->offset + e->length <= in->data.n, "%s: edit %zu ends past the input",
                      in->name, i);
        ck_assert_msg(e->rule[0] != '\0', "%s: edit %zu has an empty rule", in->name, i);
        ck_assert_msg(rule_is_known(e->rule), "%s: edit %zu has rule \"%s\"", in->name, i,
                      e->rule);
        ck_assert_msg(memcmp(r->orig.p + e->orig_at, in->data.p + e->offset, e->length) == 0,
                      "%s: edit %zu's original bytes are not the input's", in->name, i);
        uint64_t line, column;
        position_of(&in->data, e->offset, &line, &column);
        ck_assert_msg(e->line == line && e->column == column,
                      "%s: edit %zu at %llu:%llu, should be %llu:%llu", in->name, i,
                      (unsigned long long)e->line, (unsigned long long)e->column,
                      (unsigned long long)line, (unsigned long long)column);
        buf_add(&applied, in->data.p + at, (size_t)(e->offset - at));
        buf_add(&applied, r->repl.p + e->repl_at, e->repl_len);
        at = e->offset + e->length;
    }
    buf_add(&applied, in->data.p + at, (size_t)(in->data.n - at));
    ck_assert_msg(applied.n == r->out.n && first_difference(&applied, &r->out) == r->out.n,
                  "%s: the edits applied to the input differ from the output at byte %zu",
                  in->name, first_difference(&applied, &r->out));
    buf_free(&applied);
}

START_TEST(test_edits_explain_output)
{
    const input *in = &inputs[_i];
    check_edits_explain(in, reference((size_t)_i));
    /* And in a streamed run, whose offsets count across writes. */
    run got;
    run_stream(&in->data, MF_RULES_DEFAULT, fixed_chunks, 777, &got);
    check_edits_explain(in, &got);
    run_free(&got);
}
END_TEST

/* Every invalid byte is read as cp1252, so the output is UTF-8. */
START_TEST(test_output_is_utf8)
{
    const input *in = &inputs[_i];
    const run *r = reference((size_t)_i);
    ck_assert_msg(is_well_formed(&r->out), "%s: the output is not well-formed UTF-8", in->name);
}
END_TEST

/* Correct text passes unchanged, however long its lines: a window cut
 * inside a character would turn its bytes into invalid ones. */
START_TEST(test_clean_unchanged)
{
    const input *in = &inputs[_i];
    if (!in->clean)
        return;
    const run *r = reference((size_t)_i);
    ck_assert_msg(r->out.n == in->data.n && first_difference(&r->out, &in->data) == in->data.n,
                  "%s: correct text changed at byte %zu", in->name,
                  first_difference(&r->out, &in->data));
    ck_assert_uint_eq(r->nedits, 0);
}
END_TEST

/* The rules switch their edits on and off, and nothing else. */
START_TEST(test_rules_select_edits)
{
    const input *in = &inputs[_i];
    run r;
    run_buffer(&in->data, 0, &r);
    ck_assert_uint_eq(r.nedits, 0);
    ck_assert_msg(r.out.n == in->data.n && first_difference(&r.out, &in->data) == in->data.n,
                  "%s: changed with no rule on", in->name);
    run_free(&r);

    run_buffer(&in->data, MF_RULE_MOJIBAKE, &r);
    for (size_t i = 0; i < r.nedits; i++)
        ck_assert_msg(strncmp(r.edits[i].rule, "utf8-as-", 8) == 0,
                      "%s: mojibake rule only, but edit %zu is %s", in->name, i, r.edits[i].rule);
    check_edits_explain(in, &r);
    run_free(&r);

    run_buffer(&in->data, MF_RULE_INVALID_UTF8, &r);
    for (size_t i = 0; i < r.nedits; i++)
        ck_assert_msg(strcmp(r.edits[i].rule, "invalid-utf8-as-cp1252") == 0,
                      "%s: invalid-UTF-8 rule only, but edit %zu is %s", in->name, i,
                      r.edits[i].rule);
    check_edits_explain(in, &r);
    ck_assert_msg(is_well_formed(&r.out), "%s: invalid bytes remain", in->name);
    run_free(&r);
}
END_TEST

/* ---- the API's errors ---- */

static int count_writes(void *ctx, const char *bytes, size_t len)
{
    (void)bytes;
    (void)len;
    ++*(int *)ctx;
    return 0;
}

static int fail_writes(void *ctx, const char *bytes, size_t len)
{
    (void)bytes;
    (void)len;
    ++*(int *)ctx;
    return -1;
}

/* A stream with the default configuration that writes through w, which
 * counts its calls in *calls. */
static mf_stream *stream_to(mf_write_fn w, int *calls)
{
    mf_config cfg;
    mf_config_init(&cfg);
    mf_stream *s = mf_stream_new(&cfg, w, calls);
    ck_assert_ptr_nonnull(s);
    return s;
}

/* mf_stream_reset makes a used stream a new one: after part of another
 * input (held back, unfinished) and after a finished one, input i gives
 * what mf_fix_buffer gives, offsets and lines counted from its start. */
START_TEST(test_reset_is_a_new_stream)
{
    const input *in = &inputs[_i], *other = &inputs[((size_t)_i + 1) % ninputs];
    run r = {0};
    mf_config cfg = config_for(&r, MF_RULES_DEFAULT);
    mf_stream *s = mf_stream_new(&cfg, run_write, &r);
    ck_assert_ptr_nonnull(s);
    for (int round = 0; round < 2; round++) {
        ck_assert_int_eq(mf_stream_write(s, other->data.p, other->data.n / 2), MF_OK);
        if (round == 1)
            ck_assert_int_eq(mf_stream_finish(s), MF_OK);
        ck_assert_int_eq(mf_stream_reset(s), MF_OK);
        run_free(&r);
        ck_assert_int_eq(mf_stream_write(s, in->data.p, in->data.n), MF_OK);
        ck_assert_int_eq(mf_stream_finish(s), MF_OK);
        assert_same_run(in, reference((size_t)_i), &r, round ? "reset after finish" : "reset");
        run_free(&r);
        ck_assert_int_eq(mf_stream_reset(s), MF_OK);
    }
    mf_stream_free(s);
}
END_TEST

/* An error is forgotten by a reset: the stream writes again. */
START_TEST(test_reset_after_error)
{
    int calls = 0;
    mf_stream *s = stream_to(fail_writes, &calls);
    ck_assert_int_eq(mf_stream_write(s, "caf\xC3\xA9\n", 6), MF_OK);
    ck_assert_int_eq(mf_stream_finish(s), MF_ERR_OUTPUT);
    ck_assert_int_eq(mf_stream_reset(s), MF_OK);
    ck_assert_int_eq(mf_stream_write(s, "x\n", 2), MF_OK);
    ck_assert_int_eq(mf_stream_finish(s), MF_ERR_OUTPUT);
    ck_assert_int_eq(calls, 2);
    ck_assert_int_eq(mf_stream_reset(NULL), MF_ERR_ARG);
    mf_stream_free(s);
}
END_TEST

START_TEST(test_write_after_finish)
{
    int calls = 0;
    mf_stream *s = stream_to(count_writes, &calls);
    ck_assert_int_eq(mf_stream_write(s, "caf\xC3\x83\xC2\xA9\n", 8), MF_OK);
    ck_assert_int_eq(mf_stream_finish(s), MF_OK);
    ck_assert_int_eq(mf_stream_write(s, "more\n", 5), MF_ERR_STATE);
    ck_assert_int_eq(mf_stream_write(s, "", 0), MF_ERR_STATE);
    ck_assert_int_eq(mf_stream_finish(s), MF_ERR_STATE);
    mf_stream_free(s);
}
END_TEST

START_TEST(test_output_failure_on_finish)
{
    int calls = 0;
    mf_stream *s = stream_to(fail_writes, &calls);
    /* Small input: held back until finish, which then reports the failure. */
    int rc = mf_stream_write(s, "caf\xC3\x83\xC2\xA9\n", 8);
    ck_assert(rc == MF_OK || rc == MF_ERR_OUTPUT);
    ck_assert_int_eq(mf_stream_finish(s), MF_ERR_OUTPUT);
    ck_assert_int_eq(calls, 1);
    mf_stream_free(s);
}
END_TEST

/* A failing write stops the stream: the error sticks, and the callback is
 * not asked again. */
START_TEST(test_output_failure_sticks)
{
    int calls = 0;
    mf_stream *s = stream_to(fail_writes, &calls);
    buf big = {0};
    while (big.n < 300 * 1024)
        buf_str(&big, "Ã©tÃ© ‚Äúquoted‚Äù plain words\n");
    int rc = MF_OK;
    for (size_t at = 0; at < big.n && rc == MF_OK; at += 4096)
        rc = mf_stream_write(s, big.p + at, big.n - at < 4096 ? big.n - at : 4096);
    ck_assert_int_eq(rc, MF_ERR_OUTPUT);
    ck_assert_int_eq(calls, 1);
    ck_assert_int_eq(mf_stream_write(s, big.p, big.n), MF_ERR_OUTPUT);
    ck_assert_int_eq(mf_stream_finish(s), MF_ERR_OUTPUT);
    ck_assert_int_eq(calls, 1);
    mf_stream_free(s);
    buf_free(&big);
}
END_TEST

START_TEST(test_null_arguments)
{
    mf_config cfg;
    mf_config_init(&cfg);
    ck_assert_int_eq(mf_stream_write(NULL, "x", 1), MF_ERR_ARG);
    ck_assert_int_eq(mf_stream_finish(NULL), MF_ERR_ARG);
    mf_stream_free(NULL);
    ck_assert_ptr_null(mf_stream_new(&cfg, NULL, NULL));
    ck_assert_ptr_null(mf_stream_new(NULL, count_writes, NULL));
    char *out = NULL;
    size_t n = 0;
    ck_assert_int_eq(mf_fix_buffer(&cfg, "x", 1, NULL, &n), MF_ERR_ARG);
    ck_assert_int_eq(mf_fix_buffer(&cfg, "x", 1, &out, NULL), MF_ERR_ARG);
    ck_assert_int_eq(mf_fix_buffer(&cfg, NULL, 1, &out, &n), MF_ERR_ARG);
}
END_TEST

START_TEST(test_fix_buffer_empty)
{
    mf_config cfg;
    mf_config_init(&cfg);
    char *out = NULL;
    size_t n = 12345;
    ck_assert_int_eq(mf_fix_buffer(&cfg, "", 0, &out, &n), MF_OK);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(n, 0);
    free(out);
    out = NULL;
    n = 12345;
    ck_assert_int_eq(mf_fix_buffer(NULL, NULL, 0, &out, &n), MF_OK); /* default config */
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(n, 0);
    free(out);
}
END_TEST

START_TEST(test_fix_buffer_default_config)
{
    char *out = NULL;
    size_t n = 0;
    ck_assert_int_eq(mf_fix_buffer(NULL, "caf\xC3\x83\xC2\xA9\n", 8, &out, &n), MF_OK);
    ck_assert_uint_eq(n, 6);
    ck_assert_mem_eq(out, "caf\xC3\xA9\n", 6);
    free(out);
}
END_TEST

START_TEST(test_empty_stream)
{
    int calls = 0;
    mf_stream *s = stream_to(count_writes, &calls);
    ck_assert_int_eq(mf_stream_write(s, "", 0), MF_OK);
    ck_assert_int_eq(mf_stream_write(s, NULL, 0), MF_OK);
    ck_assert_int_eq(mf_stream_finish(s), MF_OK);
    ck_assert_int_eq(calls, 0); /* nothing to write, so no write */
    mf_stream_free(s);
}
END_TEST

START_TEST(test_config_init)
{
    mf_config cfg;
    memset(&cfg, 0xFF, sizeof cfg);
    mf_config_init(&cfg);
    ck_assert_uint_eq(cfg.rules, MF_RULES_DEFAULT);
    ck_assert_uint_eq(MF_RULES_DEFAULT, MF_RULE_MOJIBAKE | MF_RULE_INVALID_UTF8 | MF_RULE_SPAM |
                                            MF_RULE_C1 | MF_RULE_CESU | MF_RULE_ENTITIES |
                                            MF_RULE_ANSI | MF_RULE_LEGACY | MF_RULE_CJK);
    ck_assert(cfg.on_edit == NULL);
    ck_assert_ptr_null(cfg.edit_ctx);
}
END_TEST

START_TEST(test_strerror_every_status)
{
    static const int statuses[] = {MF_OK,         MF_ERR_NOMEM, MF_ERR_ARG,
                                   MF_ERR_OUTPUT, MF_ERR_STATE, MF_ERR_UNICODE};
    static const char *const want[] = {"success",       "out of memory",
                                       "invalid argument", "output failed",
                                       "stream already finished",
                                       "Unicode normalization data (ICU) unavailable"};
    size_t n = sizeof statuses / sizeof statuses[0];
    for (size_t i = 0; i < n; i++) {
        const char *msg = mf_strerror(statuses[i]);
        ck_assert_ptr_nonnull(msg);
        ck_assert_str_eq(msg, want[i]);
    }
    static const int unknown[] = {1, -6, 100, -1000, INT32_MIN, INT32_MAX};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        const char *msg = mf_strerror(unknown[i]);
        ck_assert_ptr_nonnull(msg);
        ck_assert_str_eq(msg, "unknown error");
    }
}
END_TEST

START_TEST(test_version)
{
    ck_assert_str_eq(mf_version(), MF_VERSION);
}
END_TEST

static Suite *stream_suite(void)
{
    Suite *s = suite_create("stream");
    int n = (int)ninputs;

    TCase *small = tcase_create("chunks_small");
    tcase_set_tags(small, "small_chunks"); /* CK_INCLUDE_TAGS, CK_EXCLUDE_TAGS */
    tcase_set_timeout(small, 300); /* sanitizer builds */
    tcase_add_loop_test(small, test_chunks_1_to_16, 0, n);
    suite_add_tcase(s, small);

    TCase *medium = tcase_create("chunks_medium");
    tcase_set_tags(medium, "medium_chunks");
    tcase_set_timeout(medium, 300);
    tcase_add_loop_test(medium, test_chunks_17_to_64, 0, n);
    suite_add_tcase(s, medium);

    TCase *chunks = tcase_create("chunks");
    tcase_set_timeout(chunks, 300);
    tcase_add_loop_test(chunks, test_chunks_larger, 0, n);
    tcase_add_loop_test(chunks, test_chunks_random, 0, n);
    suite_add_tcase(s, chunks);

    TCase *edits = tcase_create("edits");
    tcase_set_timeout(edits, 120);
    tcase_add_loop_test(edits, test_edits_explain_output, 0, n);
    tcase_add_loop_test(edits, test_output_is_utf8, 0, n);
    tcase_add_loop_test(edits, test_clean_unchanged, 0, n);
    tcase_add_loop_test(edits, test_rules_select_edits, 0, n);
    tcase_add_loop_test(edits, test_reset_is_a_new_stream, 0, n);
    suite_add_tcase(s, edits);

    TCase *api = tcase_create("api");
    tcase_add_test(api, test_write_after_finish);
    tcase_add_test(api, test_output_failure_on_finish);
    tcase_add_test(api, test_output_failure_sticks);
    tcase_add_test(api, test_null_arguments);
    tcase_add_test(api, test_fix_buffer_empty);
    tcase_add_test(api, test_fix_buffer_default_config);
    tcase_add_test(api, test_empty_stream);
    tcase_add_test(api, test_config_init);
    tcase_add_test(api, test_strerror_every_status);
    tcase_add_test(api, test_version);
    tcase_add_test(api, test_reset_after_error);
    suite_add_tcase(s, api);
    return s;
}

static void free_inputs(void)
{
    for (size_t i = 0; i < ninputs; i++) {
        buf_free(&inputs[i].data);
        if (references)
            run_free(&references[i]);
    }
    free(inputs);
    free(references);
    free(have_reference);
}

int main(void)
{
    make_inputs();
    int failed = mf_run_suite(stream_suite());
    free_inputs();
    return failed;
}
