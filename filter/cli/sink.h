/* sink.h: output through write(2), so that every failure is seen (a full
 * disk is an error, not silence). */
#ifndef MF_CLI_SINK_H
#define MF_CLI_SINK_H

#include <stddef.h>

typedef struct sink {
    int fd;  /* -1: bytes are dropped (--check) */
    int err; /* errno of the first failure, 0 while none */
} sink;

/* An mf_write_fn: writes all of p[0..n) to the sink's fd. */
int sink_write(void *ctx, const char *p, size_t n);

#endif
