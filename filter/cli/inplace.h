/* inplace.h: -i / --in-place, like sed: the repaired text goes to a
 * temporary file in the same directory, which is fsynced and renamed over
 * the original (mode kept, and owner when allowed); with a suffix, the
 * original stays as FILE+SUFFIX. A file that was not read whole, or changed
 * size while being read, is never replaced; one that needs no change is
 * left alone (no backup, same modification time), and so is a binary one
 * (fix.h). A FILE named *.gz or *.zst is decompressed, repaired and
 * compressed again (gzip or zstd at their default levels; the gzip header's
 * name and time are not kept); a corrupt one is left as it was. */
#ifndef MF_CLI_INPLACE_H
#define MF_CLI_INPLACE_H

#include <sys/stat.h>

#include "atomic.h"
#include "compress.h"
#include "fix.h"
#include "sink.h"

/* The file to replace for path: a symbolic link stays one, the file it
 * points to is replaced. NULL (errno set) when it cannot be resolved. */
char *inplace_target(const char *path);

/* Puts f in path's place, the original kept as path+suffix when suffix is
 * not empty (st: the original's mode and owner). Returns 0, or -1 after
 * saying why (f removed, path as it was). */
int inplace_commit(atomic_file *f, const struct stat *st, const char *path, const char *suffix);

/* Opens out on fd, compressing through z as kind says (ZKIND_NONE: as it
 * is). Returns 0, or -1 after saying why; out->z is then to be closed. */
int inplace_sink(sink *out, zout *z, int fd, zkind kind, const char *path);

/* Returns 0, or -1 after saying why (the file is then as it was). The log
 * record is named path, as given. */
int inplace_fix(fix_job *job, const char *path, const char *suffix);

#endif
