/* say.c: the one way the command tells the user something went wrong. */
#define _POSIX_C_SOURCE 200809L
#include "say.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local FILE *target;

void say_to(FILE *f)
{
    target = f;
}

void say(const char *who, const char *fmt, ...)
{
    FILE *f = target ? target : stderr;
    va_list ap;
    va_start(ap, fmt);
    flockfile(f); /* one message, one piece */
    fputs("mojifix: ", f);
    if (who)
        fprintf(f, "%s: ", who);
    vfprintf(f, fmt, ap);
    fputc('\n', f);
    funlockfile(f);
    va_end(ap);
}
