/* fixrun.c: repairs every input onto standard output, or in place, with the
 * reports the options ask for. */
#define _POSIX_C_SOURCE 200809L
#include "fixrun.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fix.h"
#include "inplace.h"
#include "report.h"
#include "say.h"
#include "words.h"

/* Repairs one input onto out. Returns 0 or -1; *out_failed when the output
 * itself failed (nothing more can go there). */
static int fix_path(fix_job *job, const char *path, sink *out, int *out_failed)
{
    int is_stdin = !strcmp(path, "-");
    const char *name = is_stdin ? "standard input" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) {
        say(path, "%s", strerror(errno));
        return -1;
    }
    fix_result r;
    int rc = fix_fd(job, fd, name, out, &r);
    if (!is_stdin)
        close(fd);
    if (r.status == MF_ERR_OUTPUT) {
        *out_failed = 1;
        if (out->err != EPIPE) /* a reader that went away is no error to tell */
            say("standard output", "%s", strerror(out->err));
    }
    if (fix_log(job, path, &r) != 0)
        rc = -1;
    return rc;
}

static int fix_all(const mf_options *opt, fix_job *job)
{
    static char *stdin_only[] = {"-"};
    char **files = opt->nfiles ? opt->files : stdin_only;
    int n = opt->nfiles ? opt->nfiles : 1, trouble = 0, out_failed = 0;
    sink out = {opt->check ? -1 : STDOUT_FILENO, 0};
    for (int i = 0; i < n && !out_failed; i++) {
        int rc = opt->in_place ? inplace_fix(job, files[i], opt->suffix)
                               : fix_path(job, files[i], &out, &out_failed);
        trouble |= rc != 0;
    }
    return trouble;
}

static int open_reports(const mf_options *opt, fix_job *job, report *explain, report *log)
{
    if (opt->explain_file) {
        if (report_open(explain, opt->explain_file) != 0)
            return -1;
        job->explain = explain->f;
    }
    if (opt->log_file) {
        if (report_open(log, opt->log_file) != 0)
            return -1;
        if (editlog_start(job->log, log->f) != 0) {
            say(opt->log_file, "%s", strerror(job->log->err));
            return -1;
        }
    }
    return 0;
}

/* Puts the reports in place, or removes them when the run could not start. */
static int close_reports(fix_job *job, report *explain, report *log, int started)
{
    int trouble = 0;
    if (log->f && started && editlog_finish(job->log) != 0) {
        say(log->file.path, "%s", strerror(job->log->err));
        trouble = 1;
    }
    if (!started || trouble)
        report_abort(log);
    else if (log->f)
        trouble |= report_close(log) != 0;
    if (!started)
        report_abort(explain);
    else if (explain->f)
        trouble |= report_close(explain) != 0;
    return trouble;
}

int fixrun(const mf_options *opt)
{
    static char errbuf[BUFSIZ];
    setvbuf(stderr, errbuf, _IOLBF, sizeof errbuf); /* --explain: a write per line */
    editlog log_state = {0};
    stats st = {0};
    char *words;
    size_t words_length;
    if (words_read(opt->word_files, opt->nword_files, &words, &words_length) != 0)
        return MF_EXIT_TROUBLE;
    fix_job job = {opt->rules, opt->jsonl ? opt->field : NULL, words, words_length,
                   opt->explain ? stderr : NULL, opt->log_file ? &log_state : NULL,
                   opt->stats ? &st : NULL, opt->check || opt->in_place, 0};
    report explain = {.f = NULL}, log = {.f = NULL};
    int started = open_reports(opt, &job, &explain, &log) == 0;
    int trouble = started ? fix_all(opt, &job) : 1;
    trouble |= close_reports(&job, &explain, &log, started);
    if (opt->stats)
        stats_print(&st, stderr);
    stats_free(&st);
    free(words);
    if (trouble)
        return MF_EXIT_TROUBLE;
    return opt->check && job.edits ? MF_EXIT_CHANGED : MF_EXIT_OK;
}
