/* sink.h: output through write(2), so that every failure is seen (a full
 * disk is an error, not silence), compressed on the way when asked. */
#ifndef MF_CLI_SINK_H
#define MF_CLI_SINK_H

#include <stddef.h>

struct zout;

typedef struct sink {
    int fd;  /* -1: bytes are dropped (--check) */
    int err; /* errno of the first failure, 0 while none */
    struct zout *z; /* compresses what is written, or NULL (compress.h) */
} sink;

/* An mf_write_fn: writes all of p[0..n) to the sink's fd, through its
 * compressor if it has one. */
int sink_write(void *ctx, const char *p, size_t n);
/* Writes p[0..n) as it is, past the compressor. */
int sink_write_raw(sink *o, const char *p, size_t n);
/* Ends the compressed stream (nothing without a compressor); 0 or -1. */
int sink_finish(sink *o);

#endif
