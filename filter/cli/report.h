/* report.h: a file mojifix writes besides the text (--log, --explain=FILE),
 * through stdio, that appears whole or not at all (atomic.h). */
#ifndef MF_CLI_REPORT_H
#define MF_CLI_REPORT_H

#include <stdio.h>

#include "atomic.h"

typedef struct report {
    atomic_file file;
    FILE *f;
} report;

/* Returns 0, or -1 after saying why. */
int report_open(report *r, const char *path);
/* Puts the file in place; returns 0, or -1 after saying why. */
int report_close(report *r);
/* Removes the unfinished file (nothing when it is not open). */
void report_abort(report *r);

#endif
