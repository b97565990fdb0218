/* explain.c: a change, told to a person. */
#include "explain.h"

#include <string.h>

#include "escape.h"

/* What follows the place: "before" → "after" RULE (DETAIL) */
static void tell_change(FILE *f, const mf_edit *e)
{
    fputc('"', f);
    escape_write(f, e->original, e->length);
    fputs("\" \xE2\x86\x92 \"", f);
    escape_write(f, e->replacement, e->replacement_length);
    fprintf(f, "\" %s", e->rule);
    if (e->detail)
        fprintf(f, " (%s)", e->detail);
    fputc('\n', f);
}

void explain_edit(FILE *f, const char *name, const mf_edit *e)
{
    fprintf(f, "%s:%llu:%llu: byte %llu: ", name, (unsigned long long)e->line,
            (unsigned long long)e->column, (unsigned long long)e->offset);
    tell_change(f, e);
}

void explain_field_edit(FILE *f, const char *name, uint64_t line, const char *field,
                        const mf_edit *e)
{
    fprintf(f, "%s:%llu: field \"", name, (unsigned long long)line);
    escape_write(f, field, strlen(field));
    fprintf(f, "\" byte %llu: ", (unsigned long long)e->offset);
    tell_change(f, e);
}
