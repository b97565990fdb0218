/* fix.h: one input repaired: read, streamed through libmojifix, written to
 * a sink, with each edit handed to --explain, --log and --stats. */
#ifndef MF_CLI_FIX_H
#define MF_CLI_FIX_H

#include <stdint.h>
#include <stdio.h>

#include "compress.h"
#include "editlog.h"
#include "mojifix.h"
#include "progress.h"
#include "sink.h"
#include "stats.h"

/* A NUL byte in this much of a file's start makes it binary. */
#define FIX_SNIFF_SIZE (64u * 1024)

/* What is the same for every input of a run. */
typedef struct fix_job {
    unsigned rules;
    const char *words; /* --spam-words, all of them, or NULL */
    size_t words_length;
    FILE *explain;   /* --explain, or NULL */
    editlog *log;    /* --log, or NULL */
    stats *stats;    /* --stats, or NULL */
    int count;       /* whether edits must be counted (--check, -i) */
    uint64_t edits;  /* over all inputs so far, when counted */
    int binary_ok;   /* -a: repair binary files as text, do not skip them */
    progress *progress; /* bytes read are counted there, or NULL */
} fix_job;

typedef struct fix_result {
    uint64_t in_bytes, out_bytes, in_hash, out_hash, edits;
    int read_err;   /* errno of a failed read (EILSEQ: corrupt data), or 0 */
    int status;     /* of the stream: MF_ERR_OUTPUT when the sink failed */
    int binary;     /* skipped: a NUL byte at binary_at, and no -a */
    uint64_t binary_at;
} fix_result;

/* Repairs in into out, and ends out (sink_finish). Reports read and library
 * errors itself, naming the input and the byte offset; a failed output only
 * in r->status. With sniff, a binary input is skipped before anything is
 * written (r->binary), unless job->binary_ok. The caller writes the input's
 * log record (fix_log) once it knows the output stays. Returns 0 when all
 * went well, a skipped input included. */
int fix_input(fix_job *job, zin *in, const char *name, int sniff, sink *out, fix_result *r);

/* Writes the log record of an input fix_input repaired; returns 0 or -1 after
 * saying why. */
int fix_log(fix_job *job, const char *log_name, const fix_result *r);

#endif
