/* explain.c: a change, told to a person. */
#include "explain.h"

#include "escape.h"

void explain_edit(FILE *f, const char *name, const mf_edit *e)
{
    fprintf(f, "%s:%llu:%llu: byte %llu: \"", name, (unsigned long long)e->line,
            (unsigned long long)e->column, (unsigned long long)e->offset);
    escape_write(f, e->original, e->length);
    fputs("\" \xE2\x86\x92 \"", f);
    escape_write(f, e->replacement, e->replacement_length);
    fprintf(f, "\" %s", e->rule);
    if (e->detail)
        fprintf(f, " (%s)", e->detail);
    fputc('\n', f);
}
