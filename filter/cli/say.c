/* say.c: the one way the command tells the user something went wrong. */
#include "say.h"

#include <stdarg.h>
#include <stdio.h>

void say(const char *who, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("mojifix: ", stderr);
    if (who)
        fprintf(stderr, "%s: ", who);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}
