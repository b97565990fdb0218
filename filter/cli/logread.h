/* logread.h: reads an edit log (format in editlog.h) one record at a time,
 * with jansson, checking every field it needs. */
#ifndef MF_CLI_LOGREAD_H
#define MF_CLI_LOGREAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct log_reader {
    FILE *f;
    uint64_t line; /* of the last record read, 1-based */
    char *buf;
    size_t cap;
} log_reader;

typedef struct log_input {
    char *name;
    size_t name_len;
    uint64_t in_bytes, out_bytes, in_hash, out_hash, edits;
} log_input;

typedef struct log_edit {
    uint64_t offset, out_offset;
    char *before, *after;
    size_t nbefore, nafter;
} log_edit;

/* Each returns 0, or -1 with a message ("line 3: ...") in err. */
int logread_open(log_reader *r, FILE *f, char *err, size_t errlen);
/* Returns 1 with the next input record, 0 at the end of the log, or -1. */
int logread_input(log_reader *r, log_input *in, char *err, size_t errlen);
int logread_edit(log_reader *r, log_edit *e, char *err, size_t errlen);
/* From the start, the first input record named name (whose edits come
 * next): 1, 0 when there is none, or -1. */
int logread_find(log_reader *r, const char *name, log_input *in, char *err, size_t errlen);
void logread_input_free(log_input *in);
void logread_edit_free(log_edit *e);
void logread_close(log_reader *r);

#endif
