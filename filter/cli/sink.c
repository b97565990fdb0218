/* sink.c: writing all of a buffer to a file descriptor. */
#define _POSIX_C_SOURCE 200809L
#include "sink.h"

#include <errno.h>
#include <unistd.h>

#include "compress.h"

int sink_write_raw(sink *o, const char *p, size_t n)
{
    if (o->err)
        return -1;
    while (n && o->fd >= 0) {
        ssize_t k = write(o->fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            o->err = errno;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

int sink_write(void *ctx, const char *p, size_t n)
{
    sink *o = ctx;
    if (o->err)
        return -1;
    return o->z ? zout_write(o->z, o, p, n, 0) : sink_write_raw(o, p, n);
}

int sink_finish(sink *o)
{
    if (o->err)
        return -1;
    return o->z ? zout_write(o->z, o, NULL, 0, 1) : 0;
}
