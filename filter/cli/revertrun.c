/* revertrun.c: turns fixed text back into its input with an edit log: one
 * text (a FILE or standard input) onto standard output, the outputs of all
 * the log's inputs one after the other; or, with -i, each FILE where it is,
 * by the log's record of that name (a .gz or .zst file decompressed, and
 * compressed again). */
#define _POSIX_C_SOURCE 200809L
#include "revertrun.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "compress.h"
#include "inplace.h"
#include "revert.h"
#include "say.h"
#include "sink.h"

static void tell(const revert_error *e, const char *log_name, const char *text_name,
                 const sink *out)
{
    if (!e->output)
        say(e->in_log ? log_name : text_name, "%s", e->msg);
    else if (out->err != EPIPE)
        say(out->fd == STDOUT_FILENO ? "standard output" : text_name, "%s", strerror(out->err));
}

static ssize_t read_zin(void *in, void *buf, size_t n)
{
    return zin_read(in, buf, n);
}

/* Says why the text of path could not be reverted. */
static void tell_file(const revert_error *e, const zin *in, const char *logname,
                      const char *path, const sink *out)
{
    if (e->unreadable && in->bad)
        say(path, "%s at byte %" PRIu64 " of the compressed file", in->bad, in->bad_at);
    else if (e->unreadable)
        say(path, "read error at byte %" PRIu64 ": %s", in->raw, strerror(errno));
    else
        tell(e, logname, path, out);
}

/* One text (a FILE, decompressed when its name says so, or standard input)
 * reverted onto standard output. */
static int revert_to_stdout(FILE *log, const mf_options *opt)
{
    int is_stdin = opt->nfiles == 0 || !strcmp(opt->files[0], "-");
    const char *name = is_stdin ? "standard input" : opt->files[0];
    int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY);
    zin in;
    int err = fd < 0 ? errno : zin_open(&in, fd, is_stdin ? ZKIND_NONE : zkind_of(name));
    if (err) {
        say(name, "%s", strerror(err));
        if (fd > STDIN_FILENO)
            close(fd);
        return -1;
    }
    sink out = {.fd = STDOUT_FILENO};
    revert_error e;
    int rc = revert_stream(log, read_zin, &in, sink_write, &out, &e);
    if (rc != 0)
        tell_file(&e, &in, opt->revert_log, name, &out);
    zin_close(&in);
    if (!is_stdin)
        close(fd);
    return rc;
}

/* Reverts the text of in, decompressed, into f, compressed again as it
 * was. */
static int revert_into(log_reader *r, const log_input *li, zin *in, atomic_file *f,
                       const char *path, const char *logname)
{
    sink out;
    zout z;
    if (inplace_sink(&out, &z, f->fd, in->kind, path) != 0)
        return -1;
    revert_error e;
    int rc = revert_input(r, li, read_zin, in, sink_write, &out, &e);
    if (rc == 0 && sink_finish(&out) != 0) {
        e.output = 1;
        rc = -1;
    }
    if (rc != 0)
        tell_file(&e, in, logname, path, &out);
    if (out.z)
        zout_close(&z);
    return rc;
}

/* Reverts the open file fd at path into a file put in its place; a file
 * the log has no edit for is checked and left as it was (so a compressed
 * one is not compressed anew). */
static int replace(log_reader *r, const log_input *li, int fd, const char *path,
                   const char *logname, const char *suffix)
{
    struct stat st;
    atomic_file f;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        say(path, "not a regular file; left as it was");
        return -1;
    }
    int err = atomic_open(&f, path);
    if (err) {
        say(path, "cannot create a temporary file beside it: %s", strerror(err));
        return -1;
    }
    zin in;
    err = zin_open(&in, fd, zkind_of(path));
    if (err) {
        say(path, "%s", strerror(err));
        atomic_abort(&f);
        return -1;
    }
    int rc = revert_into(r, li, &in, &f, path, logname);
    zin_close(&in);
    if (rc != 0 || li->edits == 0) {
        atomic_abort(&f);
        return rc;
    }
    return inplace_commit(&f, &st, path, suffix);
}

static int revert_file(FILE *log, const char *logname, const char *path, const char *suffix)
{
    log_reader r = {.f = log};
    log_input in;
    char err[256];
    int got = logread_find(&r, path, &in, err, sizeof err);
    if (got <= 0) {
        if (got < 0)
            say(logname, "%s", err);
        else
            say(path, "not in the edit log %s", logname);
        logread_close(&r);
        return -1;
    }
    char *target = inplace_target(path);
    int fd = target ? open(target, O_RDONLY) : -1;
    int rc = -1;
    if (fd < 0)
        say(path, "%s", strerror(errno));
    else {
        rc = replace(&r, &in, fd, target, logname, suffix);
        close(fd);
    }
    free(target);
    logread_input_free(&in);
    logread_close(&r);
    return rc;
}

int revertrun(const mf_options *opt)
{
    FILE *log = fopen(opt->revert_log, "rb");
    if (!log) {
        say(opt->revert_log, "%s", strerror(errno));
        return MF_EXIT_TROUBLE;
    }
    int trouble = 0;
    if (!opt->in_place)
        trouble = revert_to_stdout(log, opt) != 0;
    for (int i = 0; opt->in_place && i < opt->nfiles; i++)
        trouble |= revert_file(log, opt->revert_log, opt->files[i], opt->suffix) != 0;
    fclose(log);
    return trouble ? MF_EXIT_TROUBLE : MF_EXIT_OK;
}
