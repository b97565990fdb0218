/* progress.c: the progress line. */
#define _POSIX_C_SOURCE 200809L
#include "progress.h"

#include <stdio.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void progress_start(progress *p, uint64_t total_bytes, uint64_t total_files)
{
    atomic_init(&p->bytes, 0);
    atomic_init(&p->files, 0);
    p->total_bytes = total_bytes;
    p->total_files = total_files;
    p->start = now();
    p->drawn = 0;
}

void progress_add(progress *p, uint64_t bytes)
{
    if (p && bytes)
        atomic_fetch_add_explicit(&p->bytes, bytes, memory_order_relaxed);
}

void progress_file_done(progress *p)
{
    if (p)
        atomic_fetch_add_explicit(&p->files, 1, memory_order_relaxed);
}

/* "1:02:03", or "4:05" under an hour. */
static void clock_text(char *buf, size_t n, double seconds)
{
    unsigned long s = (unsigned long)(seconds + 0.5);
    if (s >= 3600)
        snprintf(buf, n, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, n, "%lu:%02lu", s / 60, s % 60);
}

void progress_draw(progress *p)
{
    double mb = (double)atomic_load(&p->bytes) / 1e6, secs = now() - p->start;
    double rate = secs > 0 ? mb / secs : 0, total = (double)p->total_bytes / 1e6;
    char eta[32] = "?";
    if (rate > 0 && total >= mb)
        clock_text(eta, sizeof eta, (total - mb) / rate);
    fprintf(stderr, "\r\033[Kmojifix: %.1f of %.1f MB, %llu of %llu files, %.1f MB/s, ETA %s",
            mb, total, (unsigned long long)atomic_load(&p->files),
            (unsigned long long)p->total_files, rate, eta);
    fflush(stderr);
    p->drawn = 1;
}

void progress_clear(progress *p)
{
    if (p && p->drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        p->drawn = 0;
    }
}
