/* jobs.c: a pool of worker threads over a list of tasks, with results put
 * back in order. */
#define _POSIX_C_SOURCE 200809L
#include "jobs.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

typedef struct jobs {
    const jobs_plan *p;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t next;          /* the next task to start */
    size_t head;          /* the next task to emit */
    unsigned char *done;  /* per task: finished */
    int emitting, stop, running;
} jobs;

typedef struct worker_arg {
    jobs *j;
    int w;
} worker_arg;

/* Emits the finished tasks at the head, the lock released while each one
 * is written; one thread at a time does it. Called with the lock held. */
static void emit_ready(jobs *j)
{
    while (!j->stop && !j->emitting && j->head < j->p->ntasks && j->done[j->head]) {
        size_t k = j->head;
        j->emitting = 1;
        pthread_mutex_unlock(&j->mu);
        int stop = j->p->emit(j->p->ctx, k, 0);
        pthread_mutex_lock(&j->mu);
        j->head++;
        j->emitting = 0;
        j->stop |= stop;
        pthread_cond_broadcast(&j->cv);
    }
}

/* The next task for a worker, or -1 when there is none left. */
static long take(jobs *j, int *head)
{
    while (!j->stop && j->next < j->p->ntasks && j->next >= j->head + j->p->window)
        pthread_cond_wait(&j->cv, &j->mu);
    if (j->stop || j->next >= j->p->ntasks)
        return -1;
    *head = j->next == j->head && !j->emitting;
    return (long)j->next++;
}

static void *work(void *arg)
{
    worker_arg *a = arg;
    jobs *j = a->j;
    pthread_mutex_lock(&j->mu);
    for (;;) {
        int head;
        long i = take(j, &head);
        if (i < 0)
            break;
        pthread_mutex_unlock(&j->mu);
        j->p->run(j->p->ctx, (size_t)i, a->w, head);
        pthread_mutex_lock(&j->mu);
        j->done[i] = 1;
        emit_ready(j);
    }
    j->running--;
    pthread_cond_broadcast(&j->cv);
    pthread_mutex_unlock(&j->mu);
    return NULL;
}

/* Waits for the workers, ticking. Called with the lock held. */
static void wait_workers(jobs *j)
{
    while (j->running > 0) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        t.tv_nsec += 200 * 1000 * 1000;
        t.tv_sec += t.tv_nsec / 1000000000;
        t.tv_nsec %= 1000000000;
        pthread_cond_timedwait(&j->cv, &j->mu, &t);
        if (j->p->tick && j->running > 0) {
            pthread_mutex_unlock(&j->mu);
            j->p->tick(j->p->ctx);
            pthread_mutex_lock(&j->mu);
        }
    }
}

/* Starts up to n workers; with none made, works on this thread. Returns
 * how many threads were made. Called with the lock held; returns with it. */
static int start(jobs *j, pthread_t *threads, worker_arg *args, int n)
{
    int made = 0;
    for (int w = 0; threads && args && w < n; w++) {
        args[w] = (worker_arg){j, w};
        if (pthread_create(&threads[made], NULL, work, &args[w]) != 0)
            break;
        made++;
        j->running++;
    }
    if (made == 0) {
        worker_arg self = {j, 0};
        j->running = 1;
        pthread_mutex_unlock(&j->mu);
        work(&self);
        pthread_mutex_lock(&j->mu);
    }
    return made;
}

int jobs_run(const jobs_plan *p)
{
    jobs j = {.p = p};
    int n = p->nworkers < 1 ? 1 : p->nworkers;
    if ((size_t)n > p->ntasks)
        n = p->ntasks ? (int)p->ntasks : 1;
    j.done = calloc(p->ntasks ? p->ntasks : 1, 1);
    if (!j.done)
        return -1;
    pthread_t *threads = malloc((size_t)n * sizeof *threads);
    worker_arg *args = malloc((size_t)n * sizeof *args);
    pthread_mutex_init(&j.mu, NULL);
    pthread_cond_init(&j.cv, NULL);
    pthread_mutex_lock(&j.mu);
    int made = start(&j, threads, args, n);
    wait_workers(&j);
    pthread_mutex_unlock(&j.mu);
    for (int w = 0; w < made; w++)
        pthread_join(threads[w], NULL);
    for (size_t i = j.head; i < p->ntasks; i++)
        if (j.done[i])
            p->emit(p->ctx, i, 1);
    pthread_cond_destroy(&j.cv);
    pthread_mutex_destroy(&j.mu);
    free(j.done);
    free(args);
    free(threads);
    return j.stop;
}
