/* progress.h: a progress line on standard error while a batch runs (bytes,
 * files, MB/s, ETA), when standard error is a terminal; nothing otherwise.
 * Workers count, the main thread draws. */
#ifndef MF_CLI_PROGRESS_H
#define MF_CLI_PROGRESS_H

#include <stdatomic.h>
#include <stdint.h>

typedef struct progress {
    _Atomic uint64_t bytes, files;
    uint64_t total_bytes, total_files;
    double start;  /* seconds, monotonic */
    int drawn;     /* a line is on the terminal */
} progress;

/* total_bytes: the inputs' sizes on disk (0 when unknown). */
void progress_start(progress *p, uint64_t total_bytes, uint64_t total_files);
/* Both take NULL (no progress line) and may be called from any thread. */
void progress_add(progress *p, uint64_t bytes);
void progress_file_done(progress *p);
/* Draws the line, over the one before. Call with stderr locked
 * (flockfile), as anything else that writes there while one is drawn. */
void progress_draw(progress *p);
/* Erases the line, so that a message can take its place. */
void progress_clear(progress *p);

#endif
