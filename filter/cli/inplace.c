/* inplace.c: repairing files where they are. */
#define _XOPEN_SOURCE 700
#include "inplace.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "say.h"

char *inplace_target(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
        return realpath(path, NULL);
    return strdup(path);
}

static char *backup_name(const char *path, const char *suffix)
{
    size_t n = strlen(path) + strlen(suffix) + 1;
    char *b = malloc(n);
    if (b)
        snprintf(b, n, "%s%s", path, suffix);
    return b;
}

int inplace_commit(atomic_file *f, const struct stat *st, const char *path, const char *suffix)
{
    char *backup = suffix && *suffix ? backup_name(path, suffix) : NULL;
    int err = suffix && *suffix && !backup ? ENOMEM : atomic_commit(f, st, backup);
    free(backup);
    if (err) {
        atomic_abort(f);
        say(path, "cannot replace it: %s; left as it was", strerror(err));
    }
    return err ? -1 : 0;
}

int inplace_sink(sink *out, zout *z, int fd, zkind kind, const char *path)
{
    *out = (sink){.fd = fd};
    int err = kind == ZKIND_NONE ? 0 : zout_open(z, kind);
    if (err)
        say(path, "%s", strerror(err));
    else if (kind != ZKIND_NONE)
        out->z = z;
    return err ? -1 : 0;
}

/* Repairs in into f, compressed again as it was; returns fix_input's
 * result. */
static int repair_through(fix_job *job, zin *in, const char *path, atomic_file *f,
                          fix_result *r)
{
    sink out;
    zout z;
    if (inplace_sink(&out, &z, f->fd, in->kind, path) != 0)
        return -1;
    int rc = fix_input(job, in, path, 1, &out, r);
    if (out.z)
        zout_close(&z);
    if (rc != 0 && r->status == MF_ERR_OUTPUT)
        say(path, "cannot write the repaired text: %s", strerror(out.err));
    return rc;
}

/* Repairs the open file into f; 1 when it changed, 0 when not (or it is
 * binary and skipped), -1. */
static int repair_into(fix_job *job, int fd, const struct stat *st, const char *path,
                       const char *name, atomic_file *f, fix_result *r)
{
    uint64_t before = job->edits;
    zin in;
    int err = zin_open(&in, fd, zkind_of(name));
    if (err) {
        say(path, "%s", strerror(err));
        return -1;
    }
    int rc = repair_through(job, &in, path, f, r);
    uint64_t raw = in.raw;
    zin_close(&in);
    if (rc != 0)
        return -1;
    if (r->binary)
        return 0;
    struct stat now;
    if (fstat(fd, &now) != 0 || now.st_size != st->st_size || raw != (uint64_t)st->st_size) {
        say(path, "changed while being read; left as it was");
        return -1;
    }
    return job->edits != before;
}

/* Repairs the open file fd, path's target, in place; its log record is
 * named name, the path as given. */
static int replace(fix_job *job, const char *path, const char *name, int fd,
                   const char *suffix)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        say(path, "not a regular file; left as it was");
        return -1;
    }
    atomic_file f;
    int err = atomic_open(&f, path);
    if (err) {
        say(path, "cannot create a temporary file beside it: %s", strerror(err));
        return -1;
    }
    fix_result r;
    int changed = repair_into(job, fd, &st, path, name, &f, &r);
    if (changed <= 0) {
        atomic_abort(&f);
        if (job->log)
            editlog_discard(job->log);
        return changed < 0 ? -1 : fix_log(job, name, &r);
    }
    return inplace_commit(&f, &st, path, suffix) ? -1 : fix_log(job, name, &r);
}

int inplace_fix(fix_job *job, const char *path, const char *suffix)
{
    char *target = inplace_target(path);
    if (!target) {
        say(path, "%s", strerror(errno));
        return -1;
    }
    int fd = open(target, O_RDONLY);
    int rc = -1;
    if (fd < 0)
        say(path, "%s", strerror(errno));
    else {
        rc = replace(job, target, path, fd, suffix);
        close(fd);
    }
    free(target);
    return rc;
}
