/* fix.h: one input repaired: read, streamed through libmojifix, written to
 * a sink, with each edit handed to --explain, --log and --stats. */
#ifndef MF_CLI_FIX_H
#define MF_CLI_FIX_H

#include <stdint.h>
#include <stdio.h>

#include "editlog.h"
#include "mojifix.h"
#include "sink.h"
#include "stats.h"

/* What is the same for every input of a run. */
typedef struct fix_job {
    unsigned rules;
    const char *jsonl_field; /* --jsonl: the member repaired; NULL: text */
    const char *words; /* --spam-words, all of them, or NULL */
    size_t words_length;
    FILE *explain;   /* --explain, or NULL */
    editlog *log;    /* --log, or NULL */
    stats *stats;    /* --stats, or NULL */
    int count;       /* whether edits must be counted (--check, -i) */
    uint64_t edits;  /* over all inputs so far, when counted */
} fix_job;

typedef struct fix_result {
    uint64_t in_bytes, out_bytes, in_hash, out_hash, edits;
    int read_err;   /* errno of a failed read, or 0 */
    int status;     /* of the stream: MF_ERR_OUTPUT when the sink failed */
} fix_result;

/* One input being repaired: what the pumps (fix.c for text, jsonlrun.c
 * for records) share. */
typedef struct fix_ctx {
    fix_job *job;
    const char *name;
    sink *out;
    fix_result *r;
    uint64_t record_line; /* --jsonl: the line of the record being repaired */
} fix_ctx;

/* Reads into buf, counting and hashing what was read; returns the bytes
 * read, or 0 at the end or on a read error (r->read_err set). */
size_t fix_read(fix_ctx *c, int fd, char *buf, size_t size);
/* An mf_write_fn to the input's output: counted, hashed for the log. */
int fix_write(void *ctx, const char *p, size_t n);

/* Repairs fd into out. Reports read and library errors itself, naming the
 * input and the byte offset; a failed output only in r->status. The caller
 * writes the input's log record (fix_log) once it knows the output stays.
 * Returns 0 when all went well. */
int fix_fd(fix_job *job, int fd, const char *name, sink *out, fix_result *r);

/* Writes the log record of an input fix_fd repaired; returns 0 or -1 after
 * saying why. */
int fix_log(fix_job *job, const char *log_name, const fix_result *r);

#endif
