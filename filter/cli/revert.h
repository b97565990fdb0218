/* revert.h: --revert, the fixed text turned back into the input, byte for
 * byte, by an edit log (editlog.h). The text must be what mojifix wrote:
 * every edit's replacement is checked where the log puts it, and the sizes
 * and checksums of each input's text and of what comes back must be the
 * log's; the first difference is an error naming its byte offset. */
#ifndef MF_CLI_REVERT_H
#define MF_CLI_REVERT_H

#include <stdio.h>

#include "logread.h"
#include "mojifix.h"

typedef struct revert_error {
    char msg[512];
    int in_log; /* the log is at fault (else the text, or the output) */
    int output; /* the write callback failed */
} revert_error;

/* Reverts text, the outputs of all the log's inputs one after the other,
 * writing the inputs through write. Returns 0 or -1 (e says why). */
int revert_stream(FILE *log, FILE *text, mf_write_fn write, void *ctx, revert_error *e);

/* Reverts text, the output of the log's input record in (read from r just
 * before), whose edits r reads next. Returns 0 or -1. */
int revert_input(log_reader *r, const log_input *in, FILE *text, mf_write_fn write,
                 void *ctx, revert_error *e);

#endif
