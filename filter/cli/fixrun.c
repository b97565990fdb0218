/* fixrun.c: repairs every input onto standard output, or in place, with the
 * reports the options ask for. */
#define _POSIX_C_SOURCE 200809L
#include "fixrun.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "fix.h"
#include "recode.h"
#include "report.h"
#include "say.h"
#include "words.h"

/* A progress line when standard error is a terminal, and the text does not
 * go to that terminal too (it would run into the line). */
static int progress_wanted(const mf_options *opt)
{
    return isatty(STDERR_FILENO) && (opt->in_place || opt->check || !isatty(STDOUT_FILENO));
}

/* Lists the inputs and repairs them; returns 1 on trouble. */
static int fix_all(const mf_options *opt, fix_job *job)
{
    static char *stdin_only[] = {"-"};
    walk_list files;
    int trouble = walk_args(opt->nfiles ? opt->files : stdin_only, opt->nfiles ? opt->nfiles : 1,
                            opt->recursive, &files) != 0;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    batch_setup setup = {&files, opt->jobs ? opt->jobs : cores < 1 ? 1
                                         : cores > MF_MAX_JOBS ? MF_MAX_JOBS : (int)cores,
                         opt->in_place, opt->suffix, opt->check, progress_wanted(opt)};
    trouble |= batch_run(&setup, job);
    walk_free(&files);
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

/* Whether iconv knows --from's encoding; says so when not. */
static int from_known(const char *from)
{
    recode r;
    int err = recode_open(&r, from);
    if (err == EINVAL)
        say("--from", "unknown encoding '%s' (iconv -l lists them)", from);
    else if (err)
        say("--from", "%s", strerror(err));
    else
        recode_close(&r);
    return err ? -1 : 0;
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
                   opt->stats ? &st : NULL, opt->check || opt->in_place, 0, opt->binary_ok, NULL,
                   opt->from, opt->guess};
    if (opt->from && from_known(opt->from) != 0) {
        free(words);
        return MF_EXIT_TROUBLE;
    }
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
