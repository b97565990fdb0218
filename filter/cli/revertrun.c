/* revertrun.c: turns fixed text back into its input with an edit log: one
 * text (a FILE or standard input) onto standard output, the outputs of all
 * the log's inputs one after the other; or, with -i, each FILE where it is,
 * by the log's record of that name. */
#define _POSIX_C_SOURCE 200809L
#include "revertrun.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
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

static int revert_to_stdout(FILE *log, const mf_options *opt)
{
    int is_stdin = opt->nfiles == 0 || !strcmp(opt->files[0], "-");
    const char *name = is_stdin ? "standard input" : opt->files[0];
    FILE *text = is_stdin ? stdin : fopen(name, "rb");
    if (!text) {
        say(name, "%s", strerror(errno));
        return -1;
    }
    sink out = {.fd = STDOUT_FILENO};
    revert_error e;
    int rc = revert_stream(log, text, sink_write, &out, &e);
    if (rc != 0)
        tell(&e, opt->revert_log, name, &out);
    if (!is_stdin)
        fclose(text);
    return rc;
}

/* Reverts the open text at path into a file put in its place. */
static int replace(log_reader *r, const log_input *in, FILE *text, const char *path,
                   const char *logname, const char *suffix)
{
    struct stat st;
    atomic_file f;
    if (fstat(fileno(text), &st) != 0 || !S_ISREG(st.st_mode)) {
        say(path, "not a regular file; left as it was");
        return -1;
    }
    int err = atomic_open(&f, path);
    if (err) {
        say(path, "cannot create a temporary file beside it: %s", strerror(err));
        return -1;
    }
    sink out = {.fd = f.fd};
    revert_error e;
    if (revert_input(r, in, text, sink_write, &out, &e) != 0) {
        tell(&e, logname, path, &out);
        atomic_abort(&f);
        return -1;
    }
    char *backup = *suffix ? malloc(strlen(path) + strlen(suffix) + 1) : NULL;
    if (backup)
        strcat(strcpy(backup, path), suffix);
    err = *suffix && !backup ? ENOMEM : atomic_commit(&f, &st, backup);
    free(backup);
    if (err) {
        atomic_abort(&f);
        say(path, "cannot replace it: %s; left as it was", strerror(err));
    }
    return err ? -1 : 0;
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
    FILE *text = target ? fopen(target, "rb") : NULL;
    int rc = -1;
    if (!text)
        say(path, "%s", strerror(errno));
    else {
        rc = replace(&r, &in, text, target, logname, suffix);
        fclose(text);
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
