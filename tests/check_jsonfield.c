/* check_jsonfield.c: the scan that finds a top-level member's value in a
 * record (filter/cli/jsonfield.c), on hand-made records, and on random ones
 * compared with jansson: the bytes it finds must decode to the value
 * jansson gives for that key. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "jsonfield.h"
#include "test_rng.h"

/* The value of name in json as a string ("" when none), and the count. */
static int find(const char *json, const char *name, char *value, size_t cap)
{
    size_t start = 0, end = 0;
    int n = jsonfield_find(json, strlen(json), name, strlen(name), &start, &end);
    ck_assert_msg(n == 0 || (end > start && end - start < cap), "%s: bad span", json);
    memcpy(value, json + start, n ? end - start : 0);
    value[n ? end - start : 0] = 0;
    return n;
}

static const struct {
    const char *json, *name;
    int count;
    const char *value;
} cases[] = {
    {"{\"text\":\"a\"}", "text", 1, "\"a\""},
    {" \t{ \"a\" : 1 ,\r\n \"text\"\t:\t\"x\\\"y\\\\\" } ", "text", 1, "\"x\\\"y\\\\\""},
    {"{\"a\":{\"text\":\"inner\"},\"b\":[\"text\",{\"text\":1}]}", "text", 0, ""},
    {"{\"a\":{\"text\":\"in\"},\"text\":\"top\"}", "text", 1, "\"top\""},
    {"{\"te\\u0078t\":\"esc\"}", "text", 1, "\"esc\""},
    {"{\"text\\u0000\":1,\"text\":2}", "text", 1, "2"},
    {"{\"text\":\"1\",\"text\":\"2\"}", "text", 2, "\"1\""},
    {"{\"x\":\"}\",\"y\":\"{[\",\"text\":[1,[2,{\"c\":\"]\"}]]}", "text", 1,
     "[1,[2,{\"c\":\"]\"}]]"},
    {"{\"n\":-1.5e3,\"t\":true,\"z\":null,\"text\":false}", "text", 1, "false"},
    {"{\"text\":-1.5e3 }", "text", 1, "-1.5e3"},
    {"{}", "text", 0, ""},
    {"{\"\":\"empty key\"}", "", 1, "\"empty key\""},
    {"{\"caf\xC3\xA9\":\"x\",\"caf\\u00e9\":\"y\"}", "caf\xC3\xA9", 2, "\"x\""},
};

START_TEST(test_cases)
{
    char value[256];
    int n = find(cases[_i].json, cases[_i].name, value, sizeof value);
    ck_assert_msg(n == cases[_i].count, "%s: %d members named %s, not %d", cases[_i].json, n,
                  cases[_i].name, cases[_i].count);
    ck_assert_str_eq(value, cases[_i].value);
}
END_TEST

/* ---- random records against jansson ---- */

static const char *const keys[] = {"text", "a", "te\"xt", "\\", "caf\xC3\xA9", "t\nx", "", "b c"};
#define NKEYS (sizeof keys / sizeof *keys)

static json_t *random_value(int depth)
{
    static const char *const strings[] = {"", "plain", "q\"uote", "back\\slash", "}]{[,:",
                                          "\xC3\x83\xC2\xA9", "nl\n\t", "\xF0\x9F\x98\x80"};
    switch (rng_below(depth > 3 ? 4 : 6)) {
    case 0: return json_string(strings[rng_below(8)]);
    case 1: return json_integer((json_int_t)rng() - (1 << 30));
    case 2: return rng_below(2) ? json_true() : json_null();
    case 3: return json_real(rng_below(1000) / 7.0);
    case 4: {
        json_t *a = json_array();
        for (uint32_t i = rng_below(4); i > 0; i--)
            json_array_append_new(a, random_value(depth + 1));
        return a;
    }
    default: {
        json_t *o = json_object();
        for (uint32_t i = rng_below(4); i > 0; i--)
            json_object_set_new(o, keys[rng_below(NKEYS)], random_value(depth + 1));
        return o;
    }
    }
}

START_TEST(test_random_against_jansson)
{
    rng_seed(0x6a736f6eu + (uint64_t)_i);
    static const size_t flags[] = {JSON_COMPACT, JSON_INDENT(2), 0, JSON_ENSURE_ASCII,
                                   JSON_INDENT(1) | JSON_ENSURE_ASCII};
    json_t *root = json_object();
    for (uint32_t i = 1 + rng_below(6); i > 0; i--)
        json_object_set_new(root, keys[rng_below(NKEYS)], random_value(0));
    char *text = json_dumps(root, flags[_i % 5]);
    ck_assert_ptr_nonnull(text);
    for (size_t k = 0; k < NKEYS; k++) {
        size_t start, end;
        int n = jsonfield_find(text, strlen(text), keys[k], strlen(keys[k]), &start, &end);
        json_t *want = json_object_get(root, keys[k]);
        ck_assert_msg(n == (want != NULL), "%s: %d members named %s", text, n, keys[k]);
        if (!want)
            continue;
        json_t *got = json_loadb(text + start, end - start, JSON_DECODE_ANY, NULL);
        ck_assert_msg(got && json_equal(got, want), "%s: member %s found as %.*s", text, keys[k],
                      (int)(end - start), text + start);
        json_decref(got);
    }
    free(text);
    json_decref(root);
}
END_TEST

static Suite *jsonfield_suite(void)
{
    Suite *s = suite_create("jsonfield");
    TCase *t = tcase_create("scan");
    tcase_add_loop_test(t, test_cases, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_loop_test(t, test_random_against_jansson, 0, 2000);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return mf_run_suite(jsonfield_suite());
}
