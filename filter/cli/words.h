/* words.h: the user's promotional words (--spam-words), read whole. */
#ifndef MF_CLI_WORDS_H
#define MF_CLI_WORDS_H

#include <stddef.h>

/* Reads the files, one after the other, into *buf (malloc'd, *len bytes;
 * NULL when there are none). A file that cannot be read, or that is not
 * UTF-8 (named with the byte offset), is said; returns 0 or -1. */
int words_read(const char *const *files, int nfiles, char **buf, size_t *len);

#endif
