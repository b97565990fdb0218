/* explain.h: --explain, one line per change:
 *   NAME:LINE:COLUMN: byte OFFSET: "before" → "after" RULE [(DETAIL)]
 * and, for a change in a record's field (--jsonl), with the offset in the
 * field's decoded value:
 *   NAME:LINE: field "FIELD" byte OFFSET: "before" → "after" RULE [(DETAIL)]
 * with before and after escaped (escape.h) so that invisible characters and
 * invalid bytes show. */
#ifndef MF_CLI_EXPLAIN_H
#define MF_CLI_EXPLAIN_H

#include <stdint.h>
#include <stdio.h>

#include "mojifix.h"

void explain_edit(FILE *f, const char *name, const mf_edit *e);
void explain_field_edit(FILE *f, const char *name, uint64_t line, const char *field,
                        const mf_edit *e);

#endif
