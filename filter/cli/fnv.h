/* fnv.h: 64-bit FNV-1a, the checksum the edit log keeps of each input and
 * output, so that --revert can refuse a text that is not the fixed output. */
#ifndef MF_CLI_FNV_H
#define MF_CLI_FNV_H

#include <stddef.h>
#include <stdint.h>

#define FNV1A64_INIT 0xcbf29ce484222325ULL

static inline uint64_t fnv1a64(uint64_t h, const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL;
    return h;
}

#endif
