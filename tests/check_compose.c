/* check_compose: two rounds of edits made one (filter/compose.c). Each case
 * gives a, first's edits on it, second's edits on the result, and what the
 * composed edits must be; applied to a they must give second(first(a)). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
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

START_TEST(test_disjoint)
{
    /* "abcdef": b -> XY, then (in aXYcdef) e -> Z: both kept, apart. */
    ed f[] = {{1, 2, "XY", 0}}, s[] = {{5, 6, "Z", 0}};
    check("abcdef", f, 1, s, 1, "1-2=XY;4-5=Z;");
}
END_TEST

START_TEST(test_second_spans_first)
{
    /* "a?b": ? -> "é" then "aé" -> "Q": one edit of "a?" */
    ed f[] = {{1, 2, "e'", 1}}, s[] = {{0, 3, "Q", 0}};
    check("a?b", f, 1, s, 1, "0-2=Q;");
}
END_TEST

START_TEST(test_second_inside_first)
{
    /* first wrote "xyz" for "b"; second changes only its "y": the whole of
     * first's edit is redone. */
    ed f[] = {{1, 2, "xyz", 0}}, s[] = {{2, 3, "Y", 0}};
    check("abc", f, 1, s, 1, "1-2=xYz;");
}
END_TEST

START_TEST(test_chain_of_overlaps)
{
    /* two first edits joined by one second edit, a third one after */
    ed f[] = {{0, 1, "AA", 0}, {2, 3, "CC", 0}, {5, 6, "F", 0}};
    ed s[] = {{1, 4, "-", 0}};
    /* a: "abcdef" -> b: "AAbCCdeF"; second: b[1..4) "AbC" -> "-": "A-CdeF" */
    check("abcdef", f, 3, s, 1, "0-3=A-C;5-6=F;");
}
END_TEST

START_TEST(test_removal_at_the_edge)
{
    /* first removes "xx" at 1; second replaces "b" right after it: apart */
    ed f[] = {{1, 3, "", 2}}, s[] = {{1, 2, "B", 0}};
    check("axxbc", f, 1, s, 1, "1-3=;3-4=B;");
}
END_TEST

START_TEST(test_back_to_the_input)
{
    /* second undoes first: no edit is left */
    ed f[] = {{1, 2, "X", 0}}, s[] = {{1, 2, "b", 0}};
    check("abc", f, 1, s, 1, "");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compose");
    TCase *tc = tcase_create("compose");
    tcase_add_test(tc, test_disjoint);
    tcase_add_test(tc, test_second_spans_first);
    tcase_add_test(tc, test_second_inside_first);
    tcase_add_test(tc, test_chain_of_overlaps);
    tcase_add_test(tc, test_removal_at_the_edge);
    tcase_add_test(tc, test_back_to_the_input);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
