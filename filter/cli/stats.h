/* stats.h: --stats, counted over all inputs and printed at the end:
 * edits per rule, bytes in and out, lines touched. */
#ifndef MF_CLI_STATS_H
#define MF_CLI_STATS_H

#include <stdint.h>
#include <stdio.h>

#include "mojifix.h"

typedef struct stats_rule {
    char *name;
    uint64_t count;
} stats_rule;

typedef struct stats {
    uint64_t inputs, bytes_in, bytes_out, edits, lines;
    uint64_t last_line; /* of the current input's last edit, 0 before one */
    stats_rule *rules;
    size_t nrules, cap;
    int nomem;
} stats;

void stats_input_begin(stats *s);
void stats_edit(stats *s, const mf_edit *e);
void stats_input_end(stats *s, uint64_t bytes_in, uint64_t bytes_out);
/* Adds src's counts to dst, rules new to dst after dst's: merged in input
 * order, the counts of several inputs are those of one run over them. */
void stats_merge(stats *dst, const stats *src);
void stats_print(const stats *s, FILE *f);
void stats_free(stats *s);

#endif
