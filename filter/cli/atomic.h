/* atomic.h: files that appear whole or not at all. A new file is written
 * under a temporary name in the same directory, fsynced and renamed over
 * its target; a signal that ends mojifix first removes the temporary files
 * it has open, so an interrupted run leaves no half-written file. */
#ifndef MF_CLI_ATOMIC_H
#define MF_CLI_ATOMIC_H

#include <sys/stat.h>

typedef struct atomic_file {
    char *path; /* the target */
    char *tmp;  /* the temporary file, NULL when written in place */
    int fd;
    int slot;   /* in the signal handler's list, or -1 */
} atomic_file;

/* Makes SIGINT, SIGTERM, SIGHUP and SIGPIPE remove the open temporary files
 * before they end the process as they would have. Call once, first. */
void atomic_signals(void);

/* Opens a temporary file beside path. A path that exists and is not a
 * regular file (/dev/stdout, a FIFO) is opened for writing directly.
 * Returns 0 or an errno. */
int atomic_open(atomic_file *f, const char *path);

/* Gives the file keep's mode and, when allowed, its owner (keep NULL: the
 * mode a new file gets under the umask), fsyncs it and renames it over the
 * target. When backup is not NULL the old target stays there. Returns 0 or
 * an errno; on failure the target is untouched and the temporary removed. */
int atomic_commit(atomic_file *f, const struct stat *keep, const char *backup);

/* Removes the temporary file; the target is untouched. */
void atomic_abort(atomic_file *f);

#endif
