/* grow.h: the library's one growable-array helper. */
#ifndef MF_GROW_H
#define MF_GROW_H

#include <stddef.h>

/* Makes room for `need` elements of `elem` bytes in p (of *cap elements),
 * doubling. Returns the array, moved or not, or NULL when out of memory, in
 * which case p and *cap are left as they were. */
void *mf_grow(void *p, size_t *cap, size_t need, size_t elem);

#endif
