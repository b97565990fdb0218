/* batch.h: the inputs of a repair run, each repaired on its own by one of
 * -j workers, and what each one makes (text, messages, --explain lines, log
 * records, --stats counts, the exit status) put out in input order: the
 * same bytes whatever the number of workers. A worker whose input is next
 * in line writes straight out, as a run of one worker always does; the
 * others keep their results in temporary files (not in memory, so a large
 * file costs disk, not RAM) until their turn, at most 2 x workers inputs
 * ahead. */
#ifndef MF_CLI_BATCH_H
#define MF_CLI_BATCH_H

#include "fix.h"
#include "walk.h"

typedef struct batch_setup {
    const walk_list *files;
    int nworkers;
    int in_place;
    const char *suffix;
    int check;    /* no text to write */
    int progress; /* draw the progress line on standard error */
} batch_setup;

/* Repairs the files with job as the template of every worker's (explain
 * FILE, log with its out, stats); job->edits gets the edits of all of them.
 * Returns 0, or 1 when an input had trouble (said). */
int batch_run(const batch_setup *s, fix_job *job);

#endif
