/* check_compose: two rounds of edits made one (filter/compose.c). Each case
 * gives a, first's edits on it, second's edits on the result, and what the
 * composed edits must be; applied to a they must give second(first(a)). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "check_run.h"
#include "mojifix.h"

typedef struct ed {
    uint32_t start, end;
    const char *repl;
    uint8_t kind;
} ed;

static void load(mf_edits *e, const ed *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        mf_edit_rec r = {v[i].start, v[i].end, 0, 0, 0, 0, v[i].kind, 0};
        ck_assert_int_eq(mf_edits_add(e, &r, v[i].repl, strlen(v[i].repl)), MF_OK);
    }
}

/* Composes and checks the result against the expected edits "start-end=repl;". */
static void check(const char *a, const ed *f, size_t nf, const ed *s, size_t ns,
                  const char *want)
{
    mf_edits first = {0}, second = {0}, out = {0};
    load(&first, f, nf);
    load(&second, s, ns);
    uint8_t *b = NULL, *c = NULL, *d = NULL;
    size_t bcap = 0, blen, ccap = 0, clen, dcap = 0, dlen;
    ck_assert_int_eq(mf_edits_apply(&first, (const uint8_t *)a, strlen(a), &b, &bcap, &blen), MF_OK);
    ck_assert_int_eq(mf_edits_compose(&first, (const uint8_t *)a, b, &second, &out), MF_OK);
    ck_assert_int_eq(mf_edits_apply(&second, b, blen, &c, &ccap, &clen), MF_OK);
    ck_assert_int_eq(mf_edits_apply(&out, (const uint8_t *)a, strlen(a), &d, &dcap, &dlen), MF_OK);
    ck_assert_msg(clen == dlen && !memcmp(c, d, clen), "composed edits give %.*s, not %.*s",
                  (int)dlen, d, (int)clen, c);
    char got[256] = "";
    for (size_t i = 0; i < out.n; i++) {
        const mf_edit_rec *r = &out.v[i];
        ck_assert(i == 0 || r->start >= out.v[i - 1].end);
        snprintf(got + strlen(got), sizeof got - strlen(got), "%u-%u=%.*s;", r->start, r->end,
                 (int)r->repl_len, out.bytes + r->repl_at);
    }
    ck_assert_str_eq(got, want);
    free(b), free(c), free(d);
    mf_edits_free(&first), mf_edits_free(&second), mf_edits_free(&out);
}

/* Each case: a, first's and second's edits (ending at one with no repl),
 * and the composed edits as "start-end=repl;". */
typedef struct compose_case {
    const char *what, *a;
    ed first[4], second[4];
    const char *want;
} compose_case;

static const compose_case cases[] = {
    {"apart: both kept", "abcdef", {{1, 2, "XY", 0}, {0}}, {{5, 6, "Z", 0}, {0}}, "1-2=XY;4-5=Z;"},
    {"second spans first: one edit", "a?b", {{1, 2, "e'", 1}, {0}}, {{0, 3, "Q", 0}, {0}},
     "0-2=Q;"},
    {"second inside what first wrote: first redone", "abc", {{1, 2, "xyz", 0}, {0}},
     {{2, 3, "Y", 0}, {0}}, "1-2=xYz;"},
    {"one second edit joins two of first's", "abcdef",
     {{0, 1, "AA", 0}, {2, 3, "CC", 0}, {5, 6, "F", 0}, {0}}, {{1, 4, "-", 0}, {0}},
     "0-3=A-C;5-6=F;"},
    {"a removal at the edge stays apart", "axxbc", {{1, 3, "", 2}, {0}}, {{1, 2, "B", 0}, {0}},
     "1-3=;3-4=B;"},
    {"second undoes first: nothing left", "abc", {{1, 2, "X", 0}, {0}}, {{1, 2, "b", 0}, {0}},
     ""},
};

static size_t count(const ed *v)
{
    size_t n = 0;
    while (v[n].repl)
        n++;
    return n;
}

START_TEST(test_compose)
{
    const compose_case *c = &cases[_i];
    check(c->a, c->first, count(c->first), c->second, count(c->second), c->want);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compose");
    TCase *tc = tcase_create("compose");
    tcase_add_loop_test(tc, test_compose, 0, (int)(sizeof cases / sizeof *cases));
    suite_add_tcase(s, tc);
    return mf_run_suite(s);
}
