/* jsonl.c: a record's field repaired (jsonl.h). */
#include "jsonl.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "jsonfield.h"

struct jsonl {
    const char *field;
    mf_stream *stream; /* reset for each record: set up once */
    mf_bytes value;    /* the repaired value */
    char *json;        /* the last changed value, encoded by jansson */
};

jsonl *jsonl_new(const mf_config *cfg, const char *field)
{
    jsonl *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->field = field;
    if (!(j->stream = mf_stream_new(cfg, mf_bytes_add, &j->value))) {
        free(j);
        return NULL;
    }
    return j;
}

void jsonl_free(jsonl *j)
{
    if (!j)
        return;
    mf_stream_free(j->stream);
    free(j->value.p);
    free(j->json);
    free(j);
}

/* Repairs the decoded value v[0..n) into j->value. */
static int repair(jsonl *j, const char *v, size_t n)
{
    j->value.n = 0;
    int rc = mf_stream_reset(j->stream);
    if (rc == MF_OK)
        rc = mf_stream_write(j->stream, v, n);
    if (rc == MF_OK)
        rc = mf_stream_finish(j->stream);
    return rc == MF_ERR_OUTPUT ? MF_ERR_NOMEM : rc; /* mf_bytes_add fails only so */
}

static int ascii(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)p[i] >= 0x80)
            return 0;
    return 1;
}

/* Encodes j->value as the JSON string that replaces raw[0..n). */
static int encode(jsonl *j, const char *raw, size_t n, jsonl_result *r)
{
    free(j->json);
    j->json = NULL;
    json_t *s = json_stringn(j->value.p, j->value.n); /* NULL: out of memory (it is UTF-8) */
    size_t flags = JSON_ENCODE_ANY | (ascii(raw, n) ? JSON_ENSURE_ASCII : 0);
    if (s)
        j->json = json_dumps(s, flags);
    json_decref(s);
    if (!j->json)
        return MF_ERR_NOMEM;
    r->json = j->json;
    r->json_length = strlen(j->json);
    return JSONL_CHANGED;
}

static int malformed(jsonl_result *r, const char *why)
{
    snprintf(r->why, sizeof r->why, "%s", why);
    return JSONL_MALFORMED;
}

/* The field of the parsed record root, found in p[0..n): JSONL_SAME with
 * its value in *v, or JSONL_MALFORMED. */
static int locate(jsonl *j, json_t *root, const char *p, size_t n, jsonl_result *r,
                  json_t **v)
{
    if (!json_is_object(root))
        return malformed(r, "not a JSON object");
    *v = json_object_get(root, j->field);
    if (!*v)
        return malformed(r, "no such field");
    if (!json_is_string(*v))
        return malformed(r, "the field is not a string");
    int count = jsonfield_find(p, n, j->field, strlen(j->field), &r->start, &r->end);
    if (count < 0)
        return MF_ERR_NOMEM;
    if (count != 1)
        return malformed(r, "the field is there more than once");
    return JSONL_SAME;
}

int jsonl_fix(jsonl *j, const char *p, size_t n, jsonl_result *r)
{
    json_error_t err;
    /* Objects and arrays only (no JSON_DECODE_ANY); \u0000 is a character
     * like another in a value, and is encoded back as \u0000. */
    json_t *root = json_loadb(p, n, JSON_ALLOW_NUL, &err);
    if (!root) {
        snprintf(r->why, sizeof r->why, "not JSON: %s (near byte %d)", err.text, err.position);
        return JSONL_MALFORMED;
    }
    json_t *v = NULL;
    int rc = locate(j, root, p, n, r, &v);
    if (rc == JSONL_SAME)
        rc = repair(j, json_string_value(v), json_string_length(v));
    if (rc == MF_OK) {
        int same = j->value.n == json_string_length(v) &&
                   (!j->value.n || !memcmp(j->value.p, json_string_value(v), j->value.n));
        rc = same ? JSONL_SAME : encode(j, p + r->start, r->end - r->start, r);
    }
    json_decref(root);
    return rc;
}
