/* revert.c: applies an edit log backwards. */
#include "revert.h"

#include <inttypes.h>
#include <string.h>

#include "fnv.h"

typedef struct rv {
    revert_read_fn read;
    void *rctx;
    mf_write_fn write;
    void *ctx;
    revert_error *e;
    uint64_t base;              /* text offset where the current input's output starts */
    uint64_t in_pos, out_pos;   /* within the current input and its output */
    uint64_t in_hash, out_hash; /* of what came back, of the text read */
    char buf[64 * 1024];
} rv;

static int emit(rv *v, const char *p, size_t n)
{
    v->in_hash = fnv1a64(v->in_hash, p, n);
    v->in_pos += n;
    if (n && v->write(v->ctx, p, n) != 0) {
        v->e->output = 1;
        snprintf(v->e->msg, sizeof v->e->msg, "write error");
        return -1;
    }
    return 0;
}

/* Reads up to want bytes of the text into buf; 0 at its end, or when it
 * cannot be read (then e->unreadable is set). */
static size_t take(rv *v, uint64_t want)
{
    ssize_t k = v->read(v->rctx, v->buf, want < sizeof v->buf ? (size_t)want : sizeof v->buf);
    if (k < 0) {
        v->e->unreadable = 1;
        k = 0;
    }
    v->out_hash = fnv1a64(v->out_hash, v->buf, (size_t)k);
    return (size_t)k;
}

ssize_t revert_read_file(void *file, void *buf, size_t n)
{
    size_t k = fread(buf, 1, n, file);
    return k == 0 && ferror((FILE *)file) ? -1 : (ssize_t)k;
}

static int text_ends(rv *v, uint64_t missing)
{
    if (v->e->unreadable)
        return -1;
    snprintf(v->e->msg, sizeof v->e->msg,
             "byte %" PRIu64 ": the text ends here, the log expects %" PRIu64 " bytes more",
             v->base + v->out_pos, missing);
    return -1;
}

/* Copies n unchanged bytes of the text. */
static int copy(rv *v, uint64_t n)
{
    while (n) {
        size_t k = take(v, n);
        if (k == 0)
            return text_ends(v, n);
        v->out_pos += k;
        n -= k;
        if (emit(v, v->buf, k) != 0)
            return -1;
    }
    return 0;
}

/* Reads what an edit wrote, which must be there. */
static int expect(rv *v, const char *p, size_t n)
{
    while (n) {
        size_t k = take(v, n);
        for (size_t i = 0; i < k; i++)
            if (v->buf[i] != p[i]) {
                snprintf(v->e->msg, sizeof v->e->msg,
                         "byte %" PRIu64 ": the text does not match the log (not mojifix's "
                         "output, or changed since)",
                         v->base + v->out_pos + i);
                return -1;
            }
        if (k == 0)
            return text_ends(v, n);
        v->out_pos += k;
        p += k;
        n -= k;
    }
    return 0;
}

static int log_error(rv *v, const log_reader *r, const char *what)
{
    v->e->in_log = 1;
    snprintf(v->e->msg, sizeof v->e->msg, "line %" PRIu64 ": %s", r->line, what);
    return -1;
}

static int apply_edit(rv *v, const log_reader *r, const log_edit *x)
{
    /* Edits are in order and the stretch between two is the same both ways. */
    if (x->offset < v->in_pos || x->out_offset < v->out_pos ||
        x->offset - v->in_pos != x->out_offset - v->out_pos)
        return log_error(v, r, "an edit out of order, or offsets that do not agree");
    if (copy(v, x->out_offset - v->out_pos) != 0 || expect(v, x->after, x->nafter) != 0)
        return -1;
    return emit(v, x->before, x->nbefore);
}

static int apply_edits(rv *v, log_reader *r, uint64_t n)
{
    for (uint64_t i = 0; i < n; i++) {
        log_edit x;
        if (logread_edit(r, &x, v->e->msg, sizeof v->e->msg) != 0) {
            v->e->in_log = 1;
            return -1;
        }
        int rc = apply_edit(v, r, &x);
        logread_edit_free(&x);
        if (rc != 0)
            return -1;
    }
    return 0;
}

static int check_sums(rv *v, const log_reader *r, const log_input *in)
{
    if (v->in_pos != in->in_bytes)
        return log_error(v, r, "the edits do not add up to the input's size");
    if (v->out_hash != in->out_hash) {
        snprintf(v->e->msg, sizeof v->e->msg,
                 "bytes %" PRIu64 " to %" PRIu64 ": the text does not match the log's "
                 "checksum (not mojifix's output, or changed since)",
                 v->base, v->base + in->out_bytes);
        return -1;
    }
    if (v->in_hash != in->in_hash)
        return log_error(v, r, "the reverted text does not match the log's checksum");
    return 0;
}

static int run_input(rv *v, log_reader *r, const log_input *in)
{
    v->in_pos = v->out_pos = 0;
    v->in_hash = v->out_hash = FNV1A64_INIT;
    if (apply_edits(v, r, in->edits) != 0)
        return -1;
    if (v->out_pos > in->out_bytes)
        return log_error(v, r, "the edits go past the end of the input's output");
    if (copy(v, in->out_bytes - v->out_pos) != 0 || check_sums(v, r, in) != 0)
        return -1;
    v->base += in->out_bytes;
    return 0;
}

/* rv is too big for the stack of a fuzzer's thread: it is static. */
static rv the_rv;

static rv *rv_init(revert_read_fn read, void *rctx, mf_write_fn write, void *ctx,
                   revert_error *e)
{
    memset(e, 0, sizeof *e);
    rv *v = &the_rv;
    v->read = read;
    v->rctx = rctx;
    v->write = write;
    v->ctx = ctx;
    v->e = e;
    v->base = 0;
    return v;
}

/* The text must end where the log's last output does. */
static int ends_here(rv *v)
{
    if (take(v, 1) == 0)
        return v->e->unreadable ? -1 : 0;
    snprintf(v->e->msg, sizeof v->e->msg,
             "byte %" PRIu64 ": the text goes on past the output the log describes", v->base);
    return -1;
}

int revert_input(log_reader *r, const log_input *in, revert_read_fn read, void *rctx,
                 mf_write_fn write, void *ctx, revert_error *e)
{
    rv *v = rv_init(read, rctx, write, ctx, e);
    return run_input(v, r, in) != 0 ? -1 : ends_here(v);
}

int revert_stream(FILE *log, revert_read_fn read, void *rctx, mf_write_fn write, void *ctx,
                  revert_error *e)
{
    rv *v = rv_init(read, rctx, write, ctx, e);
    log_reader r;
    int rc = logread_open(&r, log, e->msg, sizeof e->msg);
    e->in_log = rc != 0;
    while (rc == 0) {
        log_input in;
        int got = logread_input(&r, &in, e->msg, sizeof e->msg);
        if (got <= 0) {
            e->in_log = got < 0;
            rc = got;
            break;
        }
        rc = run_input(v, &r, &in);
        logread_input_free(&in);
    }
    if (rc == 0)
        rc = ends_here(v);
    logread_close(&r);
    return rc;
}
