/* failio.c: an LD_PRELOAD shim that makes I/O fail on purpose, for the
 * end-to-end tests of how mojifix takes it (modes.sh builds it):
 *   MF_FAIL_READ_AFTER=N  reads of regular files (descriptors the test
 *                         harness passes on are pipes or terminals) fail
 *                         with EIO once N bytes were read;
 *   MF_FAIL_LINK=1        link(2) fails with EPERM, as on a file system
 *                         without hard links. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t read(int fd, void *buf, size_t n)
{
    static ssize_t (*real)(int, void *, size_t);
    static long long done;
    if (!real)
        real = (ssize_t(*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
    const char *after = getenv("MF_FAIL_READ_AFTER");
    struct stat st;
    if (!after || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return real(fd, buf, n);
    long long limit = atoll(after);
    if (done >= limit) {
        errno = EIO;
        return -1;
    }
    if ((long long)n > limit - done)
        n = (size_t)(limit - done);
    ssize_t k = real(fd, buf, n);
    if (k > 0)
        done += k;
    return k;
}

int link(const char *from, const char *to)
{
    static int (*real)(const char *, const char *);
    if (getenv("MF_FAIL_LINK")) {
        errno = EPERM;
        return -1;
    }
    if (!real)
        real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "link");
    return real(from, to);
}
