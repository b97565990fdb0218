/* logread.c: parses edit log records with jansson. */
#define _POSIX_C_SOURCE 200809L
#include "logread.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "editlog.h"

#define FAIL(...)                                    \
    do {                                             \
        snprintf(err, errlen, __VA_ARGS__);          \
        return -1;                                   \
    } while (0)

/* The next record, or NULL at the end of the log (*err empty) or on an
 * error (*err says what). */
static json_t *next_record(log_reader *r, char *err, size_t errlen)
{
    err[0] = 0;
    ssize_t n = getline(&r->buf, &r->cap, r->f);
    if (n < 0) {
        if (ferror(r->f))
            snprintf(err, errlen, "read error after line %" PRIu64, r->line);
        return NULL;
    }
    r->line++;
    json_error_t je;
    json_t *j = json_loadb(r->buf, (size_t)n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!j)
        snprintf(err, errlen, "line %" PRIu64 ": not JSON: %s", r->line, je.text);
    else if (!json_is_object(j)) {
        snprintf(err, errlen, "line %" PRIu64 ": not a JSON object", r->line);
        json_decref(j);
        j = NULL;
    }
    return j;
}

static int is_type(json_t *j, const char *type)
{
    const char *t = json_string_value(json_object_get(j, "type"));
    return t && !strcmp(t, type);
}

static int get_uint(json_t *j, const char *key, uint64_t *v)
{
    json_t *x = json_object_get(j, key);
    if (!json_is_integer(x) || json_integer_value(x) < 0)
        return -1;
    *v = (uint64_t)json_integer_value(x);
    return 0;
}

static int get_hash(json_t *j, const char *key, uint64_t *v)
{
    const char *s = json_string_value(json_object_get(j, key));
    if (!s || strlen(s) != 16 || strspn(s, "0123456789abcdef") != 16)
        return -1;
    *v = strtoull(s, NULL, 16);
    return 0;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int unhex(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hex_digit(s[2 * i]), lo = hex_digit(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        out[i] = (char)(hi << 4 | lo);
    }
    return 0;
}

/* A byte string from "key" (text) or "key_hex" (hex): exactly one of them. */
static int get_bytes(json_t *j, const char *key, char **p, size_t *n)
{
    char hexkey[32];
    snprintf(hexkey, sizeof hexkey, "%s_hex", key);
    json_t *text = json_object_get(j, key), *hex = json_object_get(j, hexkey);
    json_t *x = text ? text : hex;
    if (!json_is_string(x) || (text && hex))
        return -1;
    const char *s = json_string_value(x);
    size_t len = json_string_length(x);
    if (hex && len % 2)
        return -1;
    *n = hex ? len / 2 : len;
    if (!(*p = malloc(*n + 1)))
        return -1;
    if (hex ? unhex(s, len, *p) != 0 : (memcpy(*p, s, len), 0)) {
        free(*p);
        *p = NULL;
        return -1;
    }
    return 0;
}

/* Reads the first line, which says what the file is. */
static int read_header(log_reader *r, char *err, size_t errlen)
{
    json_t *j = next_record(r, err, errlen);
    if (!j) {
        if (!err[0])
            FAIL("empty: not a mojifix edit log");
        return -1;
    }
    uint64_t format = 0;
    int ok = is_type(j, "mojifix-log") && get_uint(j, "format", &format) == 0;
    json_decref(j);
    if (!ok)
        FAIL("line 1: not a mojifix edit log");
    if (format != EDITLOG_FORMAT)
        FAIL("line 1: log format %" PRIu64 ", this mojifix reads format %d", format,
             EDITLOG_FORMAT);
    return 0;
}

int logread_open(log_reader *r, FILE *f, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    r->f = f;
    return read_header(r, err, errlen);
}

int logread_input(log_reader *r, log_input *in, char *err, size_t errlen)
{
    memset(in, 0, sizeof *in);
    json_t *j = next_record(r, err, errlen);
    if (!j)
        return err[0] ? -1 : 0;
    int ok = is_type(j, "input") && get_bytes(j, "name", &in->name, &in->name_len) == 0 &&
             get_uint(j, "in_bytes", &in->in_bytes) == 0 &&
             get_uint(j, "out_bytes", &in->out_bytes) == 0 &&
             get_hash(j, "in_fnv1a64", &in->in_hash) == 0 &&
             get_hash(j, "out_fnv1a64", &in->out_hash) == 0 &&
             get_uint(j, "edits", &in->edits) == 0;
    json_decref(j);
    if (!ok) {
        logread_input_free(in);
        FAIL("line %" PRIu64 ": not a whole input record", r->line);
    }
    return 1;
}

int logread_edit(log_reader *r, log_edit *e, char *err, size_t errlen)
{
    memset(e, 0, sizeof *e);
    json_t *j = next_record(r, err, errlen);
    if (!j) {
        if (!err[0])
            FAIL("line %" PRIu64 ": the log ends before the input's last edit", r->line);
        return -1;
    }
    int ok = is_type(j, "edit") && get_uint(j, "offset", &e->offset) == 0 &&
             get_uint(j, "out_offset", &e->out_offset) == 0 &&
             get_bytes(j, "before", &e->before, &e->nbefore) == 0 &&
             get_bytes(j, "after", &e->after, &e->nafter) == 0;
    json_decref(j);
    if (!ok) {
        logread_edit_free(e);
        FAIL("line %" PRIu64 ": not a whole edit record", r->line);
    }
    return 0;
}

static int skip_edits(log_reader *r, uint64_t n, char *err, size_t errlen)
{
    for (uint64_t i = 0; i < n; i++) {
        log_edit e;
        if (logread_edit(r, &e, err, errlen) != 0)
            return -1;
        logread_edit_free(&e);
    }
    return 0;
}

int logread_find(log_reader *r, const char *name, log_input *in, char *err, size_t errlen)
{
    rewind(r->f);
    r->line = 0;
    if (read_header(r, err, errlen) != 0)
        return -1;
    for (;;) {
        int got = logread_input(r, in, err, errlen);
        if (got <= 0)
            return got;
        if (in->name_len == strlen(name) && !memcmp(in->name, name, in->name_len))
            return 1;
        uint64_t n = in->edits;
        logread_input_free(in);
        if (skip_edits(r, n, err, errlen) != 0)
            return -1;
    }
}

void logread_input_free(log_input *in)
{
    free(in->name);
    in->name = NULL;
}

void logread_edit_free(log_edit *e)
{
    free(e->before);
    free(e->after);
    e->before = e->after = NULL;
}

void logread_close(log_reader *r)
{
    free(r->buf);
    r->buf = NULL;
}
