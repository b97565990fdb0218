/* test_rng.h: a small deterministic generator (xorshift64*) for the test
 * suites, so that a failure reproduces. */
#ifndef MF_TEST_RNG_H
#define MF_TEST_RNG_H

#include <stdint.h>

static uint64_t rng_state = 1;

static inline void rng_seed(uint64_t seed)
{
    rng_state = seed ? seed : 1;
}

static inline uint32_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static inline uint32_t rng_below(uint32_t n)
{
    return rng() % n;
}

#endif
