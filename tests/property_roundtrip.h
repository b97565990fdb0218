/* property_roundtrip.h: the lossless promise, checked on one input, for the
 * property tests (property.c) and the fuzzer (fuzz/): the input is streamed
 * through libmojifix in chunks, with an edit log written as --log writes it;
 * then
 *   - the output is the input with the reported edits applied, and each
 *     edit's original bytes are the input's there;
 *   - the output is mf_fix_buffer's (chunking changes nothing);
 *   - --revert's code turns the output back into the input, by the log. */
#ifndef MF_PROPERTY_ROUNDTRIP_H
#define MF_PROPERTY_ROUNDTRIP_H

#include <stddef.h>
#include <stdint.h>

typedef struct rt_buf {
    char *p;
    size_t n, cap;
} rt_buf;

typedef struct rt_run {
    rt_buf out;      /* the fixed text */
    rt_buf log;      /* the edit log */
    rt_buf applied;  /* the input with the edits applied */
    rt_buf back;     /* the reverted text */
    size_t edits;
    char why[512];   /* what failed */
} rt_run;

/* Checks the promise for in[0..n) under the MF_RULE_* bits rules, feeding
 * the stream in chunks of sizes drawn from seed (0: all at once). Returns 0,
 * or -1 with r->why saying what broke. */
int rt_check(const char *in, size_t n, unsigned rules, uint64_t seed, rt_run *r);

/* fix(in) into out (mf_fix_buffer); returns its status. */
int rt_fix(const char *in, size_t n, unsigned rules, rt_buf *out);

void rt_buf_add(rt_buf *b, const void *p, size_t n);
void rt_run_free(rt_run *r);

#endif
