/* expect_fix.h: runs examples through mf_fix_buffer and checks the output
 * and the rule of every edit, for the suites of what the rules do to text
 * (check_repair.c, check_broken.c). Each example runs alone, as a line, as
 * a CRLF line, and between two plain lines. */
#ifndef MF_EXPECT_FIX_H
#define MF_EXPECT_FIX_H

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "mojifix.h"

/* An example: input, expected output, and the rule of its edits. */
typedef struct example {
    const char *name, *in, *out, *rule; /* rule: NULL to accept any */
} example;

#define MAX_EDITS 64

typedef struct result {
    char *out;
    size_t out_len;
    size_t nedits;
    char rules[MAX_EDITS][64];
} result;

static void on_edit(void *ctx, const mf_edit *e)
{
    result *r = ctx;
    if (r->nedits < MAX_EDITS)
        snprintf(r->rules[r->nedits], sizeof r->rules[0], "%s", e->rule);
    r->nedits++;
}

/* The rules examples run under: MF_RULES_DEFAULT unless a suite sets it. */
static unsigned expect_rules = MF_RULES_DEFAULT;

static void fix(const char *in, size_t len, result *r)
{
    memset(r, 0, sizeof *r);
    mf_config cfg;
    mf_config_init(&cfg);
    cfg.rules = expect_rules;
    cfg.on_edit = on_edit;
    cfg.edit_ctx = r;
    ck_assert_int_eq(mf_fix_buffer(&cfg, in, len, &r->out, &r->out_len), MF_OK);
}

/* Printable form of bytes for failure messages: UTF-8 as is, other bytes
 * and controls as \xHH. */
static const char *show(const char *s, size_t len, char *buf, size_t size)
{
    size_t at = 0;
    for (size_t i = 0; i < len && at + 8 < size;) {
        uint32_t cp;
        int k = mf_utf8_decode((const uint8_t *)s + i, len - i, &cp);
        if (k == 0 || cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            size_t n = k ? (size_t)k : 1;
            for (size_t j = 0; j < n && at + 8 < size; j++)
                at += (size_t)snprintf(buf + at, size - at, "\\x%02X", (uint8_t)s[i + j]);
            i += n;
        } else {
            memcpy(buf + at, s + i, (size_t)k);
            at += (size_t)k;
            i += (size_t)k;
        }
    }
    buf[at] = '\0';
    return buf;
}

/* Checks fix(in) == want, in[] and want[] being the bare example; ctx
 * wraps both in the same prefix and suffix. */
static void expect(const char *name, const char *in, size_t in_len, const char *want,
                   size_t want_len, const char *rule)
{
    static const struct {
        const char *what, *before, *after;
    } ctx[] = {
        {"alone", "", ""},
        {"as a line", "", "\n"},
        {"as a CRLF line", "", "\r\n"},
        {"between plain lines", "A plain first line.\n", "\nAnd a plain last line.\n"},
    };
    for (size_t c = 0; c < sizeof ctx / sizeof ctx[0]; c++) {
        size_t lb = strlen(ctx[c].before), la = strlen(ctx[c].after);
        char *full_in = malloc(lb + in_len + la + 1), *full_want = malloc(lb + want_len + la + 1);
        ck_assert_ptr_nonnull(full_in);
        ck_assert_ptr_nonnull(full_want);
        memcpy(full_in, ctx[c].before, lb);
        memcpy(full_in + lb, in, in_len);
        memcpy(full_in + lb + in_len, ctx[c].after, la);
        memcpy(full_want, ctx[c].before, lb);
        memcpy(full_want + lb, want, want_len);
        memcpy(full_want + lb + want_len, ctx[c].after, la);
        size_t n_in = lb + in_len + la, n_want = lb + want_len + la;

        result r;
        fix(full_in, n_in, &r);
        if (r.out_len != n_want || memcmp(r.out, full_want, n_want) != 0) {
            char a[2048], b[2048], g[2048];
            ck_abort_msg("%s (%s): \"%s\" -> \"%s\", expected \"%s\"", name, ctx[c].what,
                         show(full_in, n_in, a, sizeof a), show(r.out, r.out_len, g, sizeof g),
                         show(full_want, n_want, b, sizeof b));
        }
        if (rule) {
            ck_assert_msg(r.nedits > 0, "%s (%s): no edit reported", name, ctx[c].what);
            for (size_t i = 0; i < r.nedits && i < MAX_EDITS; i++)
                ck_assert_msg(strcmp(r.rules[i], rule) == 0, "%s (%s): edit %zu is %s, expected %s",
                              name, ctx[c].what, i, r.rules[i], rule);
        }
        if (in_len == want_len && memcmp(in, want, in_len) == 0)
            ck_assert_msg(r.nedits == 0, "%s (%s): unchanged, but %zu edits reported", name,
                          ctx[c].what, r.nedits);
        free(r.out);
        free(full_in);
        free(full_want);
    }
}

/* The examples' outputs and rules under the rules (RUN), and texts each
 * kept byte for byte, with no edit (KEEP). */
static inline void run_examples(const example *e, size_t n, unsigned rules)
{
    expect_rules = rules;
    for (size_t i = 0; i < n; i++)
        expect(e[i].name, e[i].in, strlen(e[i].in), e[i].out, strlen(e[i].out), e[i].rule);
    expect_rules = MF_RULES_DEFAULT;
}
#define RUN(examples, rules) run_examples(examples, sizeof examples / sizeof *examples, rules)

static inline void run_kept(const char *const *texts, size_t n, unsigned rules)
{
    expect_rules = rules;
    for (size_t i = 0; i < n; i++)
        expect("kept", texts[i], strlen(texts[i]), texts[i], strlen(texts[i]), NULL);
    expect_rules = MF_RULES_DEFAULT;
}
#define KEEP(texts, rules) run_kept(texts, sizeof texts / sizeof *texts, rules)

#endif
