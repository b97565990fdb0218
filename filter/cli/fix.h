/* fix.h: one input repaired: read, streamed through libmojifix (or, with
 * --jsonl, record by record: jsonlrun.h), written to a sink, with each edit
 * handed to --explain, --log and --stats. */
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
/* The size of a read, and of the buffer the pumps are given. */
#define FIX_READ_SIZE (128u * 1024)

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
    int binary_ok;   /* -a: repair binary files as text, do not skip them */
    progress *progress; /* bytes read are counted there, or NULL */
    const char *from;   /* --from: the inputs' encoding, or NULL (UTF-8) */
    int guess;          /* --guess: each input's encoding guessed (from is NULL) */
} fix_job;

typedef struct fix_result {
    uint64_t in_bytes, out_bytes, in_hash, out_hash, edits;
    int read_err;   /* errno of a failed read (EILSEQ: corrupt data), or 0 */
    int status;     /* of the stream: MF_ERR_OUTPUT when the sink failed */
    int binary;     /* skipped: a NUL byte at binary_at, and no -a */
    uint64_t binary_at;
} fix_result;

/* One input being repaired: what the pumps (fix.c for text, jsonlrun.c
 * for records) share. */
typedef struct fix_ctx {
    fix_job *job;
    const char *name;
    sink *out;
    fix_result *r;
    zin *in;
    uint64_t raw_seen;    /* of the input's raw bytes, those told to progress */
    int eof;              /* the input is read to its end, or a read failed */
    uint64_t record_line; /* --jsonl: the line of the record being repaired */
} fix_ctx;

/* Reads into buf, counting and hashing what was read; returns the bytes
 * read, or 0 at the end or on a read error (r->read_err set). */
size_t fix_read(fix_ctx *c, char *buf, size_t size);
/* An mf_write_fn to the input's output: counted, hashed for the log. */
int fix_write(void *ctx, const char *p, size_t n);

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
