/* fuzz_stream: libFuzzer target over the streaming API and the edit log.
 * The first byte picks the rules (its low seven bits, the MF_RULE_* ones)
 * and, with the next seven, the seed of the chunk sizes; the rest is the
 * input. Every input
 * must keep the promise of tests/property_roundtrip.h: output == input with
 * the reported edits applied == mf_fix_buffer's output, and revert(log,
 * output) == input; and repairing the output changes nothing. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mojifix.h"
#include "property_roundtrip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    unsigned rules = data[0] & MF_RULES_DEFAULT;
    uint64_t seed = 0;
    memcpy(&seed, data, 8);
    seed >>= 7; /* 0 feeds the input in one write */
    rt_run r;
    if (rt_check((const char *)data + 8, size - 8, rules, seed, &r) != 0) {
        fprintf(stderr, "fuzz_stream: rules %u: %s\n", rules, r.why);
        abort();
    }
    rt_buf again = {0};
    if (rt_fix(r.out.p, r.out.n, rules, &again) != 0 || again.n != r.out.n ||
        (again.n && memcmp(again.p, r.out.p, again.n) != 0)) {
        fprintf(stderr, "fuzz_stream: rules %u: fix(fix(x)) != fix(x)\n", rules);
        abort();
    }
    free(again.p);
    rt_run_free(&r);
    return 0;
}
