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
#include "jsonlrun.h"
#include "recode.h"
#include "say.h"

/* A record's edits are told in its field's value, and logged by
 * jsonlrun.c as one edit of the record's bytes; --stats counts them on the
 * record's line. */
static void on_edit(void *ctx, const mf_edit *e)
{
    fix_ctx *c = ctx;
    c->r->edits++;
    c->job->edits++;
    mf_edit in_record = *e;
    if (c->job->jsonl_field)
        in_record.line = c->record_line;
    if (c->job->explain && c->job->jsonl_field)
        explain_field_edit(c->job->explain, c->name, c->record_line, c->job->jsonl_field, e);
    else if (c->job->explain)
        explain_edit(c->job->explain, c->name, e);
    if (c->job->log && !c->job->jsonl_field)
        editlog_edit(c->job->log, e);
    if (c->job->stats)
        stats_edit(c->job->stats, &in_record);
}

int fix_write(void *ctx, const char *p, size_t n)
{
    fix_ctx *c = ctx;
    c->r->out_bytes += n;
    if (c->job->log) /* the checksum costs a little: only for the log */
        c->r->out_hash = fnv1a64(c->r->out_hash, p, n);
    return sink_write(c->out, p, n);
}

/* Counts and hashes what was read, and tells progress. */
static void account(fix_ctx *c, const char *buf, size_t n)
{
    if (c->job->log)
        c->r->in_hash = fnv1a64(c->r->in_hash, buf, n);
    progress_add(c->job->progress, c->in->raw - c->raw_seen);
    c->raw_seen = c->in->raw;
    c->r->in_bytes += n;
}

/* Reads into buf: once, or, with whole, until it holds want bytes. The end
 * of the input sets c->eof, a read error r->read_err. */
static size_t fill(fix_ctx *c, char *buf, size_t want, int whole)
{
    size_t have = 0;
    while (!c->eof && have < want && (whole || have == 0)) {
        ssize_t k = zin_read(c->in, buf + have, want - have);
        if (k <= 0) {
            c->r->read_err = k < 0 ? errno : 0;
            c->eof = 1;
            break;
        }
        have += (size_t)k;
    }
    return have;
}

size_t fix_read(fix_ctx *c, char *buf, size_t size)
{
    size_t n = fill(c, buf, size, 0);
    account(c, buf, n);
    return n;
}

/* Repairs the text that begins with buf[0..n) and goes on in c->in;
 * returns the stream's status. */
static int pump_text(fix_ctx *c, const mf_config *cfg, char *buf, size_t n)
{
    mf_stream *s = mf_stream_new(cfg, fix_write, c);
    if (!s)
        return MF_ERR_NOMEM;
    int rc = MF_OK;
    for (; rc == MF_OK && n; n = fix_read(c, buf, FIX_READ_SIZE))
        rc = mf_stream_write(s, buf, n);
    /* What was read is repaired and written even after a read error, so
     * that the output and the log agree. */
    if (rc == MF_OK)
        rc = mf_stream_finish(s);
    mf_stream_free(s);
    return rc;
}

/* Reads the first block and repairs the input from it; when sniffing, the
 * block is read whole first, so that a binary input is skipped before a
 * byte of it is written. */
static int pump(fix_ctx *c, const mf_config *cfg, char *buf, int sniff)
{
    size_t n = fill(c, buf, sniff ? FIX_SNIFF_SIZE : FIX_READ_SIZE, sniff);
    const char *nul = sniff ? memchr(buf, 0, n) : NULL;
    if (nul) {
        c->r->binary = 1;
        c->r->binary_at = (uint64_t)(nul - buf);
        return MF_OK;
    }
    account(c, buf, n);
    return c->job->jsonl_field ? jsonl_pump(c, cfg, buf, n) : pump_text(c, cfg, buf, n);
}

static void begin(fix_job *job, fix_result *r)
{
    memset(r, 0, sizeof *r);
    r->in_hash = r->out_hash = FNV1A64_INIT;
    if (job->stats)
        stats_input_begin(job->stats);
}

static void configure(fix_ctx *c, mf_config *cfg)
{
    mf_config_init(cfg);
    cfg->rules = c->job->rules;
    cfg->spam_words = c->job->words;
    cfg->spam_words_length = c->job->words_length;
    if (c->job->explain || c->job->log || c->job->stats || c->job->count) {
        cfg->on_edit = on_edit;
        cfg->edit_ctx = c;
    }
}

/* --guess with --explain: what was chosen, why, and how sure. */
static void tell_guess(void *ctx, const recode_guess *g)
{
    const fix_ctx *c = ctx;
    fprintf(c->job->explain, "%s: encoding %s (%s; confidence %d%%)\n", c->name, g->name, g->why,
            g->confidence);
}

/* Says what went wrong with the input, or that it was skipped. */
static void tell(const fix_result *r, const zin *in, const char *name)
{
    if (r->binary)
        say(name, "binary file (a NUL byte at byte %" PRIu64 "), skipped; -a repairs it as text",
            r->binary_at);
    if (r->read_err && in->bad && in->bad_text)
        say(name, "%s %s at byte %" PRIu64 " of the %sinput", in->bad, in->recode->from,
            in->bad_at, in->kind == ZKIND_NONE ? "" : "decompressed ");
    else if (r->read_err && in->bad)
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
    fix_ctx c = {job, name, out, r, in, 0, 0, 0};
    mf_config cfg;
    configure(&c, &cfg);
    recode rec;
    char *buf = malloc(FIX_READ_SIZE);
    int recoding = job->from || job->guess;
    int err = !buf ? ENOMEM : recoding ? recode_open(&rec, job->from) : 0;
    if (err) {
        say(name, "%s", strerror(err));
        free(buf);
        r->status = MF_ERR_NOMEM;
        return -1;
    }
    in->recode = recoding ? &rec : NULL;
    if (recoding && job->explain) {
        rec.on_guess = tell_guess;
        rec.guess_ctx = &c;
    }
    r->status = pump(&c, &cfg, buf, sniff && !job->binary_ok);
    if (r->status == MF_OK && sink_finish(out) != 0)
        r->status = MF_ERR_OUTPUT;
    free(buf);
    tell(r, in, name);
    if (in->recode)
        recode_close(&rec);
    in->recode = NULL;
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
