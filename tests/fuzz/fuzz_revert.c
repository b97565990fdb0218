/* fuzz_revert: libFuzzer target over --revert's reading of an edit log and
 * a text, neither of which need be what mojifix wrote. The input is the
 * log, a NUL byte, then the text (a log holds no raw NUL). Nothing may
 * crash, leak or read out of bounds; a revert that succeeds must have given
 * back exactly as many bytes as the log's input records say. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revert.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count(void *ctx, const char *p, size_t n)
{
    (void)p;
    *(size_t *)ctx += n;
    return 0;
}

static FILE *read_mem(const uint8_t *p, size_t n)
{
    return n ? fmemopen((void *)p, n, "r") : fopen("/dev/null", "r");
}

/* The sum of in_bytes over the log's input records. */
static uint64_t logged_size(const uint8_t *p, size_t n)
{
    FILE *f = read_mem(p, n);
    log_reader r;
    char err[256];
    uint64_t total = 0;
    if (logread_open(&r, f, err, sizeof err) == 0) {
        log_input in;
        while (logread_input(&r, &in, err, sizeof err) == 1) {
            total += in.in_bytes;
            uint64_t k = in.edits;
            logread_input_free(&in);
            for (; k; k--) {
                log_edit e;
                if (logread_edit(&r, &e, err, sizeof err) != 0)
                    break;
                logread_edit_free(&e);
            }
        }
    }
    logread_close(&r);
    fclose(f);
    return total;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t nlog = nul ? (size_t)(nul - data) : size;
    size_t ntext = nul ? size - nlog - 1 : 0;
    FILE *log = read_mem(data, nlog), *text = read_mem(nul ? nul + 1 : data, ntext);
    if (!log || !text)
        abort();
    size_t got = 0;
    revert_error e;
    int rc = revert_stream(log, revert_read_file, text, count, &got, &e);
    fclose(log);
    fclose(text);
    if (rc == 0 && got != logged_size(data, nlog)) {
        fprintf(stderr, "fuzz_revert: reverted %zu bytes, the log says otherwise\n", got);
        abort();
    }
    return 0;
}
