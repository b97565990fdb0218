/* escape.h: bytes written so that what cannot be seen can be: invalid
 * bytes as \xC3, invisible or confusable characters (controls, no-break and
 * other spaces, joiners, marks of direction, BOM) as \u00A0 or \U000E0001,
 * and \n \r \t \\ \" as in C. Everything else is written as it is. */
#ifndef MF_CLI_ESCAPE_H
#define MF_CLI_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

void escape_write(FILE *f, const char *bytes, size_t n);

#endif
