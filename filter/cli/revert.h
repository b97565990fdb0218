/* revert.h: --revert, the fixed text turned back into the input, byte for
 * byte, by an edit log (editlog.h). The text must be what mojifix wrote:
 * every edit's replacement is checked where the log puts it, and the sizes
 * and checksums of each input's text and of what comes back must be the
 * log's; the first difference is an error naming its byte offset. */
#ifndef MF_CLI_REVERT_H
#define MF_CLI_REVERT_H

#include <stdio.h>
#include <sys/types.h>

#include "logread.h"
#include "mojifix.h"

typedef struct revert_error {
    char msg[512];
    int in_log; /* the log is at fault (else the text, or the output) */
    int output; /* the write callback failed */
    int unreadable; /* the text could not be read (the reader knows why) */
} revert_error;

/* Reads up to n bytes of the text: how many, 0 at its end, -1 on an error. */
typedef ssize_t (*revert_read_fn)(void *ctx, void *buf, size_t n);

/* A revert_read_fn of a FILE *. */
ssize_t revert_read_file(void *file, void *buf, size_t n);

/* Reverts the text read, the outputs of all the log's inputs one after the other,
 * writing the inputs through write. Returns 0 or -1 (e says why). */
int revert_stream(FILE *log, revert_read_fn read, void *rctx, mf_write_fn write, void *ctx,
                  revert_error *e);

/* Reverts text, the output of the log's input record in (read from r just
 * before), whose edits r reads next. Returns 0 or -1. */
int revert_input(log_reader *r, const log_input *in, revert_read_fn read, void *rctx,
                 mf_write_fn write, void *ctx, revert_error *e);

#endif
