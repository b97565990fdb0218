/* spool.h: temporary files that hold output until its turn comes (the edit
 * records of an input until its input record is written; a -j worker's
 * text, explanations and log records until the files before it are out). */
#ifndef MF_CLI_SPOOL_H
#define MF_CLI_SPOOL_H

#include <stdint.h>
#include <stdio.h>

/* Where spool_copy writes: returns 0, or nonzero to stop. */
typedef int (*spool_put_fn)(void *ctx, const char *p, size_t n);

/* Copies the first len bytes of from to put, and rewinds from. Returns 0,
 * EIO when the spool is shorter or unreadable, or -1 when put stopped. */
int spool_copy(FILE *from, uint64_t len, spool_put_fn put, void *ctx);

/* A spool_put_fn for a FILE (ctx); ferror tells what went wrong. */
int spool_put_file(void *ctx, const char *p, size_t n);

#endif
