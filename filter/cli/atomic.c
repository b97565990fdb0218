/* atomic.c: temporary files renamed into place, and their removal when a
 * signal ends the process. */
#define _XOPEN_SOURCE 700
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The handler reads this list: a slot is filled before the file exists and
 * emptied after it is gone, so the handler never misses one. Slots are
 * taken with a compare-and-swap, since -j workers open files at once (lock
 * free, so the handler may read them); enough for one file per worker
 * (MF_MAX_JOBS, options.h) and the reports. */
#define SLOTS 72
static _Atomic(char *) slots[SLOTS];

static void on_signal(int sig)
{
    for (int i = 0; i < SLOTS; i++) {
        char *name = atomic_load(&slots[i]);
        if (name)
            unlink(name);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void atomic_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old, sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t j = 0; j < sizeof sigs / sizeof *sigs; j++)
            sigaddset(&sa.sa_mask, sigs[j]);
        /* A job started with SIGINT ignored (cmd &) keeps it ignored; a
         * closed pipe ends mojifix quietly even if SIGPIPE was ignored. */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN &&
            sigs[i] != SIGPIPE)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
}

static char *temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + sizeof ".mojifix-XXXXXX" + 1;
    char *t = malloc(n);
    if (t)
        snprintf(t, n, "%.*s.%s.mojifix-XXXXXX", (int)dir, path, path + dir);
    return t;
}

static int take_slot(char *name)
{
    for (int i = 0; i < SLOTS; i++) {
        char *empty = NULL;
        if (atomic_compare_exchange_strong(&slots[i], &empty, name))
            return i;
    }
    return -1;
}

int atomic_open(atomic_file *f, const char *path)
{
    struct stat st;
    memset(f, 0, sizeof *f);
    f->slot = -1;
    f->path = strdup(path);
    if (!f->path)
        return ENOMEM;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        f->fd = open(path, O_WRONLY | O_TRUNC);
        return f->fd < 0 ? errno : 0;
    }
    f->tmp = temp_name(path);
    if (!f->tmp || (f->slot = take_slot(f->tmp)) < 0) {
        atomic_abort(f);
        return f->tmp ? EMFILE : ENOMEM;
    }
    f->fd = mkstemp(f->tmp);
    if (f->fd < 0) {
        int e = errno;
        atomic_abort(f);
        return e;
    }
    return 0;
}

static void release(atomic_file *f)
{
    if (f->slot >= 0)
        atomic_store(&slots[f->slot], NULL);
    free(f->tmp);
    free(f->path);
    memset(f, 0, sizeof *f);
    f->fd = -1;
    f->slot = -1;
}

void atomic_abort(atomic_file *f)
{
    if (f->fd >= 0)
        close(f->fd);
    if (f->tmp && f->slot >= 0)
        unlink(f->tmp);
    release(f);
}

static int set_mode(atomic_file *f, const struct stat *keep)
{
    if (!keep) {
        mode_t mask = umask(0);
        umask(mask);
        return fchmod(f->fd, 0666 & ~mask) ? errno : 0;
    }
    /* The owner only when allowed: not being root is no reason to fail. */
    if (fchown(f->fd, keep->st_uid, keep->st_gid) != 0 && errno != EPERM)
        return errno;
    return fchmod(f->fd, keep->st_mode & 07777) ? errno : 0;
}

/* The rename is durable only once the directory is synced too. */
static void sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + 1) : strdup(".");
    int fd = dir ? open(dir, O_RDONLY) : -1;
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

/* A hard link keeps the original under both names until the rename. On a
 * file system without hard links, the original is renamed to the backup:
 * then, for a moment, the path names no file. */
static int keep_backup(const char *path, const char *backup)
{
    if (unlink(backup) != 0 && errno != ENOENT)
        return errno;
    if (link(path, backup) == 0)
        return 0;
    if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EMLINK)
        return errno;
    return rename(path, backup) ? errno : 0;
}

int atomic_commit(atomic_file *f, const struct stat *keep, const char *backup)
{
    int err = 0;
    if (!f->tmp) {
        err = close(f->fd) ? errno : 0;
        f->fd = -1;
        release(f);
        return err;
    }
    if (!(err = set_mode(f, keep)) && fsync(f->fd) != 0)
        err = errno;
    if (close(f->fd) != 0 && !err)
        err = errno;
    f->fd = -1;
    if (!err && backup)
        err = keep_backup(f->path, backup);
    if (!err && rename(f->tmp, f->path) != 0)
        err = errno;
    if (err) {
        atomic_abort(f);
        return err;
    }
    sync_dir(f->path);
    release(f);
    return 0;
}
