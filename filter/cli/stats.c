/* stats.c: counts of what changed. */
#define _POSIX_C_SOURCE 200809L
#include "stats.h"

#include <stdlib.h>
#include <string.h>

void stats_input_begin(stats *s)
{
    s->last_line = 0;
}

static stats_rule *find_rule(stats *s, const char *name)
{
    for (size_t i = 0; i < s->nrules; i++)
        if (!strcmp(s->rules[i].name, name))
            return &s->rules[i];
    if (s->nrules == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        stats_rule *r = realloc(s->rules, cap * sizeof *r);
        if (!r)
            return NULL;
        s->rules = r;
        s->cap = cap;
    }
    char *copy = strdup(name);
    if (!copy)
        return NULL;
    s->rules[s->nrules] = (stats_rule){copy, 0};
    return &s->rules[s->nrules++];
}

void stats_edit(stats *s, const mf_edit *e)
{
    s->edits++;
    /* Edits come in input order, so a new line is a line not yet touched. */
    if (e->line != s->last_line)
        s->lines++;
    s->last_line = e->line;
    stats_rule *r = find_rule(s, e->rule);
    if (r)
        r->count++;
    else
        s->nomem = 1;
}

void stats_input_end(stats *s, uint64_t bytes_in, uint64_t bytes_out)
{
    s->inputs++;
    s->bytes_in += bytes_in;
    s->bytes_out += bytes_out;
}

void stats_merge(stats *dst, const stats *src)
{
    dst->inputs += src->inputs;
    dst->bytes_in += src->bytes_in;
    dst->bytes_out += src->bytes_out;
    dst->edits += src->edits;
    dst->lines += src->lines;
    dst->nomem |= src->nomem;
    for (size_t i = 0; i < src->nrules; i++) {
        stats_rule *r = find_rule(dst, src->rules[i].name);
        if (r)
            r->count += src->rules[i].count;
        else
            dst->nomem = 1;
    }
}

void stats_print(const stats *s, FILE *f)
{
    fprintf(f, "mojifix: stats: %llu inputs, %llu bytes in, %llu bytes out, %llu edits, "
               "%llu lines touched\n",
            (unsigned long long)s->inputs, (unsigned long long)s->bytes_in,
            (unsigned long long)s->bytes_out, (unsigned long long)s->edits,
            (unsigned long long)s->lines);
    for (size_t i = 0; i < s->nrules; i++)
        fprintf(f, "mojifix: stats: %llu %s\n", (unsigned long long)s->rules[i].count,
                s->rules[i].name);
    if (s->nomem)
        fputs("mojifix: stats: (out of memory: some edits are not counted per rule)\n", f);
}

void stats_free(stats *s)
{
    for (size_t i = 0; i < s->nrules; i++)
        free(s->rules[i].name);
    free(s->rules);
    memset(s, 0, sizeof *s);
}
