/* jobs.h: tasks run on worker threads, their results emitted in task
 * order, so that what a batch writes does not depend on how many workers
 * ran it. A task that starts when every task before it is emitted is told
 * it is the head: it may write straight to the final outputs, since nothing
 * can come before it; the others keep their results until their turn. Tasks
 * start at most `window` ahead of the head, which bounds what waits. */
#ifndef MF_CLI_JOBS_H
#define MF_CLI_JOBS_H

#include <stddef.h>

/* Runs task on worker (0 .. nworkers-1; one task at a time per worker). */
typedef void (*jobs_run_fn)(void *ctx, size_t task, int worker, int head);
/* Emits a finished task, in order, one at a time; nonzero stops the batch
 * (no task starts after it, none after it is emitted). With discard, the
 * task is only to be cleaned up (it finished after a stop). */
typedef int (*jobs_emit_fn)(void *ctx, size_t task, int discard);
/* Called on the calling thread about five times a second while tasks run. */
typedef void (*jobs_tick_fn)(void *ctx);

typedef struct jobs_plan {
    size_t ntasks;
    int nworkers;
    size_t window;
    jobs_run_fn run;
    jobs_emit_fn emit;
    jobs_tick_fn tick; /* or NULL */
    void *ctx;
} jobs_plan;

/* Returns 1 when an emit stopped the batch, 0 when all tasks ran, -1 when
 * none could (out of memory). Fewer workers run when threads cannot be
 * made; with none, the tasks run on the calling thread. */
int jobs_run(const jobs_plan *p);

#endif
