/* grow.h: the library's one growable-array helper. */
#ifndef MF_GROW_H
#define MF_GROW_H

#include <stddef.h>

/* Makes room for `need` elements of `elem` bytes in p (of *cap elements),
 * doubling. Returns the array, moved or not, or NULL when out of memory, in
 * which case p and *cap are left as they were. */
void *mf_grow(void *p, size_t *cap, size_t need, size_t elem);

/* A growable byte string. */
typedef struct mf_bytes {
    char *p;
    size_t n, cap;
} mf_bytes;

/* Appends bytes[0..n) to b; returns 0, or -1 when out of memory (b is
 * left as it was). Its signature is an mf_write_fn's, with b as ctx. */
int mf_bytes_add(void *b, const char *bytes, size_t n);

#endif
