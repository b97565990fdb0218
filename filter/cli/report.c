/* report.c: the files beside the text. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "say.h"

int report_open(report *r, const char *path)
{
    r->f = NULL;
    int err = atomic_open(&r->file, path);
    if (!err) {
        /* stdio gets its own descriptor: atomic_commit closes the first. */
        int fd = dup(r->file.fd);
        if (fd < 0 || !(r->f = fdopen(fd, "w"))) {
            err = errno;
            if (fd >= 0)
                close(fd);
            atomic_abort(&r->file);
        }
    }
    if (err)
        say(path, "%s", strerror(err));
    return err ? -1 : 0;
}

int report_close(report *r)
{
    char *path = strdup(r->file.path ? r->file.path : "?");
    int err = fflush(r->f) != 0 || ferror(r->f) ? (errno ? errno : EIO) : 0;
    if (fclose(r->f) != 0 && !err)
        err = errno;
    r->f = NULL;
    if (err)
        atomic_abort(&r->file);
    else
        err = atomic_commit(&r->file, NULL, NULL);
    if (err)
        say(path ? path : "?", "%s", strerror(err));
    free(path);
    return err ? -1 : 0;
}

void report_abort(report *r)
{
    if (!r->f)
        return;
    fclose(r->f);
    r->f = NULL;
    atomic_abort(&r->file);
}
