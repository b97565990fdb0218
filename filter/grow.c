/* grow.c: growable arrays. */
#include "grow.h"

#include <stdlib.h>
#include <string.h>

void *mf_grow(void *p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap && p)
        return p;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(p, c * elem);
    if (q)
        *cap = c;
    return q;
}

int mf_bytes_add(void *ctx, const char *bytes, size_t n)
{
    mf_bytes *b = ctx;
    char *p = mf_grow(b->p, &b->cap, b->n + n, 1);
    if (!p)
        return -1;
    b->p = p;
    memcpy(b->p + b->n, bytes, n);
    b->n += n;
    return 0;
}
