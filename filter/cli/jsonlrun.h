/* jsonlrun.h: --jsonl over one input: line by line, each record through
 * jsonl.h. A line that is not a record with the field (not JSON, not an
 * object, the field missing, not a string or there twice, not UTF-8) is
 * written as it is, with a warning naming the input and the line; warnings
 * do not change the exit status. Blank lines pass silently. A line's end
 * (\n or \r\n) and a UTF-8 BOM before the first record stay, and a last
 * line without \n stays without. Each record is held whole in memory. */
#ifndef MF_CLI_JSONLRUN_H
#define MF_CLI_JSONLRUN_H

#include "fix.h"

/* Repairs the records that begin with buf[0..n) and go on in c->in (read
 * into buf, of FIX_READ_SIZE bytes) into c's output; each changed value is
 * one edit of the record's bytes in the log. Returns an mf_status. */
int jsonl_pump(fix_ctx *c, const mf_config *cfg, char *buf, size_t n);

#endif
