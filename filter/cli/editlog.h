/* editlog.h: --log, the edit log, JSON Lines. The first line says what the
 * file is; then, for each input, a record of the input and one record per
 * edit, in input order:
 *
 *   {"type":"mojifix-log","format":1,"version":"0.1.0"}
 *   {"type":"input","name":"a.txt","in_bytes":12,"out_bytes":10,
 *    "in_fnv1a64":"…16 hex…","out_fnv1a64":"…","edits":1}
 *   {"type":"edit","offset":4,"out_offset":4,"line":1,"column":5,
 *    "rule":"utf8-as-cp1252","before":"Ã©","after":"é"}
 *
 * Byte strings (name, before, after) are JSON strings when they are valid
 * UTF-8, else hex under the key with "_hex" added ("before_hex":"c3"), so any
 * input is represented exactly. An edit may also carry "detail". Offsets
 * count bytes from the start of the input (offset) and of its output
 * (out_offset). The input record comes first so that --revert can stream;
 * the edits wait in a temporary file until the input is done. */
#ifndef MF_CLI_EDITLOG_H
#define MF_CLI_EDITLOG_H

#include <stdint.h>
#include <stdio.h>

#include "mojifix.h"

#define EDITLOG_FORMAT 1

typedef struct editlog {
    FILE *out;
    FILE *spool;    /* the current input's edit records */
    int64_t delta;  /* output offset minus input offset, so far */
    uint64_t edits;
    int err;        /* errno of the first failure */
} editlog;

/* What the input record says about one input. */
typedef struct editlog_input {
    const char *name;
    uint64_t in_bytes, out_bytes, in_hash, out_hash;
} editlog_input;

/* Writes the first line. l must be zeroed before its first use. Returns 0
 * or an errno. */
int editlog_start(editlog *l, FILE *out);
/* Starts an input. Returns 0 or an errno. */
int editlog_begin(editlog *l);
void editlog_edit(editlog *l, const mf_edit *e);
/* Writes the input's records. Returns 0 or an errno. */
int editlog_end(editlog *l, const editlog_input *in);
/* Forgets the current input's edits (an in-place file left as it was). */
void editlog_discard(editlog *l);
/* Flushes; returns 0 or the errno of the first failure. */
int editlog_finish(editlog *l);

#endif
