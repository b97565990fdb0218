/* simd_dispatch.c: which version of simd.h's looks runs: the best the CPU
 * has, or the one MOJIFIX_SIMD names, for the tests. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "simd.h"

/* Whether the CPU runs `path`. */
static int available(int path)
{
    switch (path) {
    case MF_SIMD_SCALAR:
        return 1;
#if defined(__x86_64__) && defined(__GNUC__)
    case MF_SIMD_SSE2:
        return 1; /* in every x86-64 */
    case MF_SIMD_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") != 0;
#endif
    default:
        return 0;
    }
}

mf_classer mf_simd_classer(int path)
{
    static const mf_classer all[MF_SIMD_PATHS] = {mf_class_scalar, mf_class_sse2, mf_class_avx2};
    return path >= 0 && path < MF_SIMD_PATHS && available(path) ? all[path] : NULL;
}

mf_liner mf_simd_liner(int path)
{
    static const mf_liner all[MF_SIMD_PATHS] = {mf_lines_scalar, mf_lines_sse2, mf_lines_avx2};
    return path >= 0 && path < MF_SIMD_PATHS && available(path) ? all[path] : NULL;
}

static int path = MF_SIMD_SCALAR;
static pthread_once_t path_once = PTHREAD_ONCE_INIT;

static void choose_path(void)
{
    static const char *const names[MF_SIMD_PATHS] = {"scalar", "sse2", "avx2"};
    const char *want = getenv("MOJIFIX_SIMD");
    for (int k = 0; want && k < MF_SIMD_PATHS; k++)
        if (!strcmp(want, names[k]) && available(k)) {
            path = k;
            return;
        }
    for (int k = 0; k < MF_SIMD_PATHS; k++)
        if (available(k))
            path = k;
}

int mf_simd_path(void)
{
    pthread_once(&path_once, choose_path);
    return path;
}
