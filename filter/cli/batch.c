/* batch.c: a repair run over many inputs, on worker threads (jobs.h), with
 * each input's results held back (spool.h) until its turn. */
#define _POSIX_C_SOURCE 200809L
#include "batch.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inplace.h"
#include "jobs.h"
#include "say.h"
#include "spool.h"

typedef struct task {
    int trouble, out_failed, spool_err;
    uint64_t edits;
    FILE *text, *err, *explain, *log; /* held back; NULL: straight out, or none */
    stats st;
} task;

typedef struct worker {
    fix_job job;
    editlog log; /* its spool is the worker's, its out the task's */
} worker;

typedef struct batch {
    const batch_setup *s;
    fix_job *main;
    task *tasks;
    worker *workers;
    sink out;      /* standard output, the text's */
    progress prog;
    int trouble;
    uint64_t edits; /* summed here, not in main, which workers copy meanwhile */
} batch;

/* Repairs one input onto out. Returns 0 or -1; *out_failed when the output
 * itself failed (nothing more can go there). */
static int fix_path(fix_job *job, const char *path, sink *out, int *out_failed)
{
    int is_stdin = !strcmp(path, "-");
    const char *name = is_stdin ? "standard input" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    zin in;
    int err = fd < 0 ? errno : zin_open(&in, fd, is_stdin ? ZKIND_NONE : zkind_of(path));
    if (err) {
        say(path, "%s", strerror(err));
        if (fd > STDIN_FILENO)
            close(fd);
        return -1;
    }
    fix_result r;
    int rc = fix_input(job, &in, name, !is_stdin, out, &r);
    zin_close(&in);
    if (!is_stdin)
        close(fd);
    if (r.status == MF_ERR_OUTPUT) {
        *out_failed = 1;
        if (out->err != EPIPE) /* a reader that went away is no error to tell */
            say(out->fd == STDOUT_FILENO ? "standard output" : "temporary file", "%s",
                strerror(out->err));
    }
    if (fix_log(job, path, &r) != 0)
        rc = -1;
    return rc;
}

/* A temporary file for what task t makes, kept in order of the options. */
static FILE *spool(task *t)
{
    FILE *f = t->spool_err ? NULL : tmpfile();
    if (!f && !t->spool_err)
        t->spool_err = errno ? errno : EIO;
    return f;
}

/* Opens the spools of a task that is not at the head: all of them, or,
 * with the progress line, only the messages' (they must not run into it). */
static void open_spools(batch *b, task *t, int head)
{
    const fix_job *m = b->main;
    if (!head || b->s->progress)
        t->err = spool(t);
    if (head)
        return;
    if (!b->s->in_place && !b->s->check)
        t->text = spool(t);
    if (m->explain && m->explain != stderr)
        t->explain = spool(t);
    if (m->log)
        t->log = spool(t);
}

/* The worker's job for task t: the template, with t's outputs. */
static fix_job *task_job(batch *b, worker *w, task *t)
{
    const fix_job *m = b->main;
    w->job = *m;
    w->job.edits = 0;
    if (m->explain)
        w->job.explain = m->explain == stderr ? (t->err ? t->err : stderr)
                                              : (t->explain ? t->explain : m->explain);
    if (m->log) {
        w->log.out = t->log ? t->log : m->log->out;
        w->job.log = &w->log;
    }
    w->job.stats = m->stats ? &t->st : NULL;
    w->job.progress = b->s->progress ? &b->prog : NULL;
    return &w->job;
}

static void run(void *ctx, size_t i, int wi, int head)
{
    batch *b = ctx;
    task *t = &b->tasks[i];
    const char *path = b->s->files->v[i].path;
    open_spools(b, t, head);
    if (t->spool_err) {
        t->trouble = 1;
        return;
    }
    fix_job *job = task_job(b, &b->workers[wi], t);
    sink text = {.fd = t->text ? fileno(t->text) : -1};
    say_to(t->err);
    int rc = b->s->in_place ? inplace_fix(job, path, b->s->suffix)
                            : fix_path(job, path, t->text || b->s->check ? &text : &b->out,
                                       &t->out_failed);
    say_to(NULL);
    t->trouble = rc != 0;
    t->edits = job->edits;
    progress_file_done(job->progress);
}

static uint64_t file_length(FILE *f)
{
    fflush(f);
    long n = ftell(f);
    return n > 0 ? (uint64_t)n : 0;
}

/* Copies a spool into a stream; a failed write there shows at its close
 * (ferror), a failed read here is said. Returns 0 or -1. */
static int put_file(FILE *from, FILE *to)
{
    int err = spool_copy(from, file_length(from), spool_put_file, to);
    if (err > 0)
        say("temporary file", "%s", strerror(err));
    return err > 0 ? -1 : 0;
}

/* Copies the held-back text to standard output; returns 0 or -1. */
static int put_text(batch *b, FILE *from)
{
    off_t n = lseek(fileno(from), 0, SEEK_CUR);
    int err = spool_copy(from, n > 0 ? (uint64_t)n : 0, sink_write, &b->out);
    if (err > 0)
        say("temporary file", "%s", strerror(err));
    else if (err < 0 && b->out.err != EPIPE)
        say("standard output", "%s", strerror(b->out.err));
    return err ? -1 : 0;
}

/* Puts task t's held-back results out, in the order a single run makes
 * them; returns nonzero when the text output failed. */
static int put_task(batch *b, task *t)
{
    const fix_job *m = b->main;
    int stop = t->out_failed;
    if (t->spool_err)
        say("temporary file", "%s", strerror(t->spool_err));
    if (t->err)
        put_file(t->err, stderr);
    if (t->explain)
        b->trouble |= put_file(t->explain, m->explain) != 0;
    if (t->log)
        b->trouble |= put_file(t->log, m->log->out) != 0;
    if (t->text)
        stop |= put_text(b, t->text) != 0;
    b->trouble |= t->trouble || stop;
    b->edits += t->edits;
    if (m->stats)
        stats_merge(m->stats, &t->st);
    return stop;
}

static int emit(void *ctx, size_t i, int discard)
{
    batch *b = ctx;
    task *t = &b->tasks[i];
    int stop = 0;
    if (!discard) {
        flockfile(stderr); /* the progress line is drawn under the same lock */
        progress_clear(b->s->progress ? &b->prog : NULL);
        stop = put_task(b, t);
        funlockfile(stderr);
    }
    FILE *spools[] = {t->text, t->err, t->explain, t->log};
    for (size_t k = 0; k < sizeof spools / sizeof *spools; k++)
        if (spools[k])
            fclose(spools[k]);
    stats_free(&t->st);
    return stop;
}

static void tick(void *ctx)
{
    batch *b = ctx;
    flockfile(stderr);
    progress_draw(&b->prog);
    funlockfile(stderr);
}

static uint64_t total_size(const walk_list *files)
{
    uint64_t total = 0;
    for (size_t i = 0; i < files->n; i++)
        total += files->v[i].size;
    return total;
}

int batch_run(const batch_setup *s, fix_job *job)
{
    size_t n = s->files->n;
    int nw = s->nworkers < 1 ? 1 : s->nworkers;
    batch b = {s, job, calloc(n ? n : 1, sizeof(task)), calloc((size_t)nw, sizeof(worker)),
               {.fd = s->check ? -1 : STDOUT_FILENO}, {0}, 0, 0};
    int ok = b.tasks && b.workers;
    if (ok) {
        progress_start(&b.prog, total_size(s->files), n);
        if (s->progress) /* a first line at once, so that even a short run shows one */
            tick(&b);
        jobs_plan plan = {n, nw, 2 * (size_t)nw, run, emit, s->progress ? tick : NULL, &b};
        ok = jobs_run(&plan) >= 0;
        progress_clear(s->progress ? &b.prog : NULL);
    }
    if (!ok) {
        say(NULL, "%s", strerror(ENOMEM));
        b.trouble = 1;
    }
    job->edits += b.edits;
    for (int w = 0; b.workers && w < nw; w++)
        if (b.workers[w].log.spool)
            fclose(b.workers[w].log.spool);
    free(b.tasks);
    free(b.workers);
    return b.trouble;
}
