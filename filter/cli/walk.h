/* walk.h: the inputs of a batch: the FILE arguments in their order, and,
 * with -r, each directory among them replaced by the files under it. A
 * directory's entries are taken in byte order (strcmp, not the locale's),
 * depth first, so the order, and so the output, is the same on every
 * machine. In a directory, names starting with "." are left out (.git and
 * the like are no text to repair), symbolic links are not followed (a link
 * could lead out of the tree, or around in it), and only regular files are
 * taken (a FIFO would block). Arguments themselves are taken as given. */
#ifndef MF_CLI_WALK_H
#define MF_CLI_WALK_H

#include <stddef.h>
#include <stdint.h>

typedef struct walk_file {
    char *path;
    uint64_t size; /* on disk, for the progress line; 0 when unknown */
} walk_file;

typedef struct walk_list {
    walk_file *v;
    size_t n, cap;
} walk_list;

/* Fills out (zeroed first) from args. Returns 0, or -1 when a directory
 * could not be read or memory ran out (said; the rest is listed). */
int walk_args(char *const *args, int nargs, int recursive, walk_list *out);
void walk_free(walk_list *l);

#endif
