/* spool.c: copying a temporary file out. */
#include "spool.h"

#include <errno.h>

int spool_copy(FILE *from, uint64_t len, spool_put_fn put, void *ctx)
{
    char buf[8192];
    rewind(from);
    for (uint64_t left = len; left > 0;) {
        size_t want = left < sizeof buf ? (size_t)left : sizeof buf;
        size_t k = fread(buf, 1, want, from);
        if (k == 0)
            return EIO;
        if (put(ctx, buf, k) != 0)
            return -1;
        left -= k;
    }
    rewind(from);
    return 0;
}

int spool_put_file(void *ctx, const char *p, size_t n)
{
    return fwrite(p, 1, n, ctx) == n ? 0 : -1;
}
