/* fix.c: the pipeline of one input. */
#define _POSIX_C_SOURCE 200809L
#include "fix.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "explain.h"
#include "fnv.h"
#include "say.h"

#define READ_SIZE (128u * 1024)

typedef struct fix_ctx {
    fix_job *job;
    const char *name;
    sink *out;
    fix_result *r;
    int sniff;         /* look for a NUL byte in the first block */
    uint64_t raw_seen; /* of the input's raw bytes, those told to progress */
    int eof;           /* the input is read to its end, or a read failed */
} fix_ctx;

static void on_edit(void *ctx, const mf_edit *e)
{
    fix_ctx *c = ctx;
    c->r->edits++;
    c->job->edits++;
    if (c->job->explain)
        explain_edit(c->job->explain, c->name, e);
    if (c->job->log)
        editlog_edit(c->job->log, e);
    if (c->job->stats)
        stats_edit(c->job->stats, e);
}

static int on_write(void *ctx, const char *p, size_t n)
{
    fix_ctx *c = ctx;
    c->r->out_bytes += n;
    if (c->job->log) /* the checksum costs a little: only for the log */
        c->r->out_hash = fnv1a64(c->r->out_hash, p, n);
    return sink_write(c->out, p, n);
}

static int feed(fix_ctx *c, zin *in, mf_stream *s, const char *buf, size_t n)
{
    if (c->job->log)
        c->r->in_hash = fnv1a64(c->r->in_hash, buf, n);
    progress_add(c->job->progress, in->raw - c->raw_seen);
    c->raw_seen = in->raw;
    c->r->in_bytes += n;
    return n ? mf_stream_write(s, buf, n) : MF_OK;
}

/* Reads into buf: once, or, with whole, until it holds want bytes. The end
 * of the input sets c->eof, a read error r->read_err. */
static size_t fill(fix_ctx *c, zin *in, char *buf, size_t want, int whole)
{
    size_t have = 0;
    while (have < want && (whole || have == 0)) {
        ssize_t k = zin_read(in, buf + have, want - have);
        if (k <= 0) {
            c->r->read_err = k < 0 ? errno : 0;
            c->eof = 1;
            break;
        }
        have += (size_t)k;
    }
    return have;
}

/* Feeds the whole of in to the stream; returns its status. When sniffing,
 * the first block is read whole before any of it is repaired, so that a
 * binary input is skipped before a byte of it is written. */
static int pump(fix_ctx *c, zin *in, mf_stream *s, char *buf)
{
    size_t n = fill(c, in, buf, c->sniff ? FIX_SNIFF_SIZE : READ_SIZE, c->sniff);
    const char *nul = c->sniff ? memchr(buf, 0, n) : NULL;
    if (nul) {
        c->r->binary = 1;
        c->r->binary_at = (uint64_t)(nul - buf);
        return MF_OK;
    }
    int rc = feed(c, in, s, buf, n);
    while (rc == MF_OK && !c->eof)
        rc = feed(c, in, s, buf, fill(c, in, buf, READ_SIZE, 0));
    return rc;
}

static void begin(fix_job *job, fix_result *r)
{
    memset(r, 0, sizeof *r);
    r->in_hash = r->out_hash = FNV1A64_INIT;
    if (job->stats)
        stats_input_begin(job->stats);
}

static mf_stream *open_stream(fix_ctx *c)
{
    mf_config cfg;
    mf_config_init(&cfg);
    cfg.rules = c->job->rules;
    cfg.spam_words = c->job->words;
    cfg.spam_words_length = c->job->words_length;
    if (c->job->explain || c->job->log || c->job->stats || c->job->count) {
        cfg.on_edit = on_edit;
        cfg.edit_ctx = c;
    }
    return mf_stream_new(&cfg, on_write, c);
}

/* Says what went wrong with the input, or that it was skipped. */
static void tell(const fix_result *r, const zin *in, const char *name)
{
    if (r->binary)
        say(name, "binary file (a NUL byte at byte %" PRIu64 "), skipped; -a repairs it as text",
            r->binary_at);
    if (r->read_err && in->bad)
        say(name, "%s at byte %" PRIu64 " of the compressed file", in->bad, in->bad_at);
    else if (r->read_err)
        say(name, "read error at byte %" PRIu64 ": %s", in->raw, strerror(r->read_err));
    if (r->status != MF_OK && r->status != MF_ERR_OUTPUT)
        say(name, "at byte %" PRIu64 ": %s", r->in_bytes, mf_strerror(r->status));
}

int fix_input(fix_job *job, zin *in, const char *name, int sniff, sink *out, fix_result *r)
{
    begin(job, r);
    if (job->log && editlog_begin(job->log) != 0) {
        say(name, "cannot spool the edit log: %s", strerror(job->log->err));
        r->status = MF_ERR_NOMEM;
        return -1;
    }
    fix_ctx c = {job, name, out, r, sniff && !job->binary_ok, 0, 0};
    char *buf = malloc(READ_SIZE);
    mf_stream *s = buf ? open_stream(&c) : NULL;
    if (!s) {
        say(name, "%s", mf_strerror(MF_ERR_NOMEM));
        free(buf);
        r->status = MF_ERR_NOMEM;
        return -1;
    }
    r->status = pump(&c, in, s, buf);
    /* What was read is repaired and written even after a read error, so
     * that the output and the log agree. */
    if (r->status == MF_OK)
        r->status = mf_stream_finish(s);
    if (r->status == MF_OK && sink_finish(out) != 0)
        r->status = MF_ERR_OUTPUT;
    mf_stream_free(s);
    free(buf);
    tell(r, in, name);
    if (job->stats && !r->binary)
        stats_input_end(job->stats, r->in_bytes, r->out_bytes);
    return r->read_err || r->status != MF_OK ? -1 : 0;
}

int fix_log(fix_job *job, const char *log_name, const fix_result *r)
{
    if (!job->log || r->binary)
        return 0;
    editlog_input in = {log_name, r->in_bytes, r->out_bytes, r->in_hash, r->out_hash};
    int err = editlog_end(job->log, &in);
    if (err)
        say("edit log", "%s", strerror(err));
    return err ? -1 : 0;
}
