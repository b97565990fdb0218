/* say.h: messages to the user, on standard error, as "mojifix: WHO: what". */
#ifndef MF_CLI_SAY_H
#define MF_CLI_SAY_H

#if defined(__GNUC__)
#define MF_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define MF_PRINTF(a, b)
#endif

/* who is a file name, "standard input", ...; NULL leaves it out. */
void say(const char *who, const char *fmt, ...) MF_PRINTF(2, 3);

#include <stdio.h>

/* Sends this thread's messages to f (NULL: standard error again): a worker
 * of -j keeps them with its file, to be told in file order. */
void say_to(FILE *f);

#endif
