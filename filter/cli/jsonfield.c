/* jsonfield.c: the scan of jsonfield.h. Every loop stops at n as well, so
 * that bytes jansson did not parse could not make it read past them. */
#include "jsonfield.h"

#include <jansson.h>
#include <string.h>

static size_t skip_blanks(const char *p, size_t n, size_t i)
{
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
        i++;
    return i;
}

/* p[i] is a string's opening quote: the index past its closing one. */
static size_t skip_string(const char *p, size_t n, size_t i)
{
    for (i++; i < n && p[i] != '"'; i++)
        if (p[i] == '\\')
            i++; /* the escaped byte; \uXXXX's hex digits hold no quote */
    return i < n ? i + 1 : n;
}

/* p[i] starts a value: the index past it. Objects and arrays are skipped by
 * their depth, not by recursion (jansson allows 2048 levels). */
static size_t skip_value(const char *p, size_t n, size_t i)
{
    size_t depth = 0;
    while (i < n) {
        char c = p[i];
        if (c == '"')
            i = skip_string(p, n, i);
        else if (c == '{' || c == '[')
            depth++, i++;
        else if (c == '}' || c == ']') {
            if (depth == 0)
                return i; /* the end of the enclosing object: a scalar ended */
            depth--, i++;
        } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r'))
            return i;
        else
            i++;
        if (depth == 0 && (c == '"' || c == '}' || c == ']'))
            return i;
    }
    return i;
}

/* Whether the raw key p[0..n), quotes included, decodes to name. */
static int key_is(const char *p, size_t n, const char *name, size_t name_len)
{
    if (!memchr(p, '\\', n))
        return n - 2 == name_len && !memcmp(p + 1, name, name_len);
    json_t *key = json_loadb(p, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    if (!key)
        return -1;
    int same = json_string_length(key) == name_len &&
               !memcmp(json_string_value(key), name, name_len);
    json_decref(key);
    return same;
}

int jsonfield_find(const char *p, size_t n, const char *name, size_t name_len,
                   size_t *start, size_t *end)
{
    int count = 0;
    size_t i = skip_blanks(p, n, 0) + 1; /* past the '{' */
    for (;;) {
        i = skip_blanks(p, n, i);
        if (i >= n || p[i] != '"')
            return count; /* the closing '}' */
        size_t key = i;
        i = skip_string(p, n, i);
        int same = key_is(p + key, i - key, name, name_len);
        if (same < 0)
            return -1;
        i = skip_blanks(p, n, skip_blanks(p, n, i) + 1); /* past the ':' */
        size_t value = i;
        i = skip_value(p, n, i);
        if (same && count++ == 0) {
            *start = value;
            *end = i;
        }
        i = skip_blanks(p, n, i);
        if (i < n && p[i] == ',')
            i++;
    }
}
