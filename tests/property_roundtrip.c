/* property_roundtrip.c: fix, log, apply, revert: see the header. */
#define _POSIX_C_SOURCE 200809L
#include "property_roundtrip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "editlog.h"
#include "fnv.h"
#include "mojifix.h"
#include "revert.h"

void rt_buf_add(rt_buf *b, const void *p, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *q = realloc(b->p, cap);
        if (!q)
            abort();
        b->p = q;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->n, p, n);
    b->n += n;
}

static int buf_write(void *ctx, const char *p, size_t n)
{
    rt_buf_add(ctx, p, n);
    return 0;
}

typedef struct rt_ctx {
    const char *in;
    size_t n, applied_to; /* input bytes copied to r->applied so far */
    rt_run *r;
    editlog *log;
    int bad;
} rt_ctx;

/* Applies each edit to the input as it is reported. */
static void on_edit(void *ctx, const mf_edit *e)
{
    rt_ctx *c = ctx;
    rt_run *r = c->r;
    r->edits++;
    editlog_edit(c->log, e);
    if (c->bad)
        return;
    if (e->offset < c->applied_to || e->offset + e->length > c->n ||
        memcmp(c->in + e->offset, e->original, e->length) != 0) {
        snprintf(r->why, sizeof r->why, "edit %zu at byte %llu: out of order, or its "
                 "original bytes are not the input's", r->edits, (unsigned long long)e->offset);
        c->bad = 1;
        return;
    }
    rt_buf_add(&r->applied, c->in + c->applied_to, e->offset - c->applied_to);
    rt_buf_add(&r->applied, e->replacement, e->replacement_length);
    c->applied_to = e->offset + e->length;
}

static uint64_t next_rand(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1DULL;
}

/* Streams the input in chunks; returns the stream's status. */
static int stream_in_chunks(rt_ctx *c, unsigned rules, uint64_t seed)
{
    mf_config cfg;
    mf_config_init(&cfg);
    cfg.rules = rules;
    cfg.on_edit = on_edit;
    cfg.edit_ctx = c;
    mf_stream *s = mf_stream_new(&cfg, buf_write, &c->r->out);
    if (!s)
        return MF_ERR_NOMEM;
    int rc = MF_OK;
    for (size_t at = 0; at < c->n && rc == MF_OK;) {
        size_t k = seed ? 1 + next_rand(&seed) % (next_rand(&seed) % 4 ? 64 : 70000) : c->n;
        if (k > c->n - at)
            k = c->n - at;
        rc = mf_stream_write(s, c->in + at, k);
        at += k;
    }
    if (rc == MF_OK)
        rc = mf_stream_finish(s);
    mf_stream_free(s);
    return rc;
}

/* The edit log of the run, as --log writes it: r->log. */
static int fix_and_log(const char *in, size_t n, unsigned rules, uint64_t seed, rt_run *r,
                       rt_ctx *c)
{
    static editlog log; /* its spool file is kept from run to run */
    char *mem = NULL;
    size_t memlen = 0;
    FILE *f = open_memstream(&mem, &memlen);
    if (!f)
        abort();
    *c = (rt_ctx){in, n, 0, r, &log, 0};
    if (editlog_start(&log, f) != 0 || editlog_begin(&log) != 0)
        abort();
    int rc = stream_in_chunks(c, rules, seed);
    editlog_input rec = {"input", n, r->out.n, fnv1a64(FNV1A64_INIT, in, n),
                         fnv1a64(FNV1A64_INIT, r->out.p, r->out.n)};
    if (rc == MF_OK && editlog_end(&log, &rec) != 0)
        abort();
    fclose(f);
    rt_buf_add(&r->log, mem, memlen);
    free(mem);
    return rc;
}

/* fmemopen wants a buffer of at least one byte. */
static FILE *read_mem(const rt_buf *b)
{
    return b->n ? fmemopen(b->p, b->n, "r") : fopen("/dev/null", "r");
}

static int revert_run(rt_run *r)
{
    FILE *log = read_mem(&r->log), *text = read_mem(&r->out);
    if (!log || !text)
        abort();
    revert_error e;
    int rc = revert_stream(log, revert_read_file, text, buf_write, &r->back, &e);
    fclose(log);
    fclose(text);
    if (rc != 0)
        snprintf(r->why, sizeof r->why, "revert failed: %.400s", e.msg);
    return rc;
}

static int same(const rt_buf *a, const char *p, size_t n)
{
    return a->n == n && (n == 0 || memcmp(a->p, p, n) == 0);
}

int rt_fix(const char *in, size_t n, unsigned rules, rt_buf *out)
{
    mf_config cfg;
    mf_config_init(&cfg);
    cfg.rules = rules;
    char *p;
    size_t len;
    int rc = mf_fix_buffer(&cfg, n ? in : "", n, &p, &len);
    if (rc == MF_OK) {
        rt_buf_add(out, p, len);
        free(p);
    }
    return rc;
}

int rt_check(const char *in, size_t n, unsigned rules, uint64_t seed, rt_run *r)
{
    memset(r, 0, sizeof *r);
    rt_ctx c;
    int rc = fix_and_log(in, n, rules, seed, r, &c);
    if (rc != MF_OK) {
        snprintf(r->why, sizeof r->why, "the stream failed: %s", mf_strerror(rc));
        return -1;
    }
    if (c.bad)
        return -1;
    rt_buf_add(&r->applied, in + c.applied_to, n - c.applied_to);
    if (!same(&r->applied, r->out.p, r->out.n)) {
        snprintf(r->why, sizeof r->why, "the output is not the input with the edits applied");
        return -1;
    }
    rt_buf whole = {0};
    rc = rt_fix(in, n, rules, &whole);
    int differs = rc != MF_OK || !same(&whole, r->out.p, r->out.n);
    free(whole.p);
    if (differs) {
        snprintf(r->why, sizeof r->why, "the output in chunks differs from mf_fix_buffer's");
        return -1;
    }
    if (revert_run(r) != 0)
        return -1;
    if (!same(&r->back, in, n)) {
        snprintf(r->why, sizeof r->why, "the reverted text is not the input");
        return -1;
    }
    return 0;
}

void rt_run_free(rt_run *r)
{
    free(r->out.p);
    free(r->log.p);
    free(r->applied.p);
    free(r->back.p);
    memset(r, 0, sizeof *r);
}
