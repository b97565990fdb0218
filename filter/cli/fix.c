/* fix.c: the pipeline of one input. */
#define _POSIX_C_SOURCE 200809L
#include "fix.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "explain.h"
#include "fnv.h"
#include "jsonlrun.h"
#include "say.h"

#define READ_SIZE (128u * 1024)

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

size_t fix_read(fix_ctx *c, int fd, char *buf, size_t size)
{
    for (;;) {
        ssize_t k = read(fd, buf, size);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            c->r->read_err = errno;
        if (k <= 0)
            return 0;
        if (c->job->log)
            c->r->in_hash = fnv1a64(c->r->in_hash, buf, (size_t)k);
        c->r->in_bytes += (uint64_t)k;
        return (size_t)k;
    }
}

/* Feeds the whole of fd to a stream and finishes it; returns its status.
 * What was read is repaired and written even after a read error, so that
 * the output and the log agree. */
static int pump_text(fix_ctx *c, int fd, const mf_config *cfg)
{
    static char buf[READ_SIZE];
    mf_stream *s = mf_stream_new(cfg, fix_write, c);
    if (!s)
        return MF_ERR_NOMEM;
    int rc = MF_OK;
    for (size_t k; rc == MF_OK && (k = fix_read(c, fd, buf, sizeof buf)) > 0;)
        rc = mf_stream_write(s, buf, k);
    if (rc == MF_OK)
        rc = mf_stream_finish(s);
    mf_stream_free(s);
    return rc;
}

static void begin(fix_job *job, fix_result *r)
{
    memset(r, 0, sizeof *r);
    r->in_hash = r->out_hash = FNV1A64_INIT;
    if (job->stats)
        stats_input_begin(job->stats);
}

int fix_fd(fix_job *job, int fd, const char *name, sink *out, fix_result *r)
{
    begin(job, r);
    if (job->log && editlog_begin(job->log) != 0) {
        say(name, "cannot spool the edit log: %s", strerror(job->log->err));
        r->status = MF_ERR_NOMEM;
        return -1;
    }
    fix_ctx c = {job, name, out, r, 0};
    mf_config cfg;
    mf_config_init(&cfg);
    cfg.rules = job->rules;
    cfg.spam_words = job->words;
    cfg.spam_words_length = job->words_length;
    if (job->explain || job->log || job->stats || job->count) {
        cfg.on_edit = on_edit;
        cfg.edit_ctx = &c;
    }
    r->status = job->jsonl_field ? jsonl_pump(&c, fd, &cfg) : pump_text(&c, fd, &cfg);
    if (r->read_err)
        say(name, "read error at byte %" PRIu64 ": %s", r->in_bytes, strerror(r->read_err));
    if (r->status != MF_OK && r->status != MF_ERR_OUTPUT)
        say(name, "at byte %" PRIu64 ": %s", r->in_bytes, mf_strerror(r->status));
    if (job->stats)
        stats_input_end(job->stats, r->in_bytes, r->out_bytes);
    return r->read_err || r->status != MF_OK ? -1 : 0;
}

int fix_log(fix_job *job, const char *log_name, const fix_result *r)
{
    if (!job->log)
        return 0;
    editlog_input in = {log_name, r->in_bytes, r->out_bytes, r->in_hash, r->out_hash};
    int err = editlog_end(job->log, &in);
    if (err)
        say("edit log", "%s", strerror(err));
    return err ? -1 : 0;
}
