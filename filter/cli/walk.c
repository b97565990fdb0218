/* walk.c: listing the files of a batch. */
#define _POSIX_C_SOURCE 200809L
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "say.h"

static int add(walk_list *l, const char *path, uint64_t size)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        walk_file *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    char *copy = strdup(path);
    if (!copy)
        return -1;
    l->v[l->n++] = (walk_file){copy, size};
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir but "." files, sorted; NULL when it cannot be read. The
 * directory is closed before its subdirectories are opened, so a deep tree
 * holds one descriptor at a time. */
static char **names_in(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int err = 0;
    while (!err && (errno = 0, e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char **grown = n < cap ? v : realloc(v, (cap = cap ? 2 * cap : 16) * sizeof *v);
        if (!grown || !(grown[n] = strdup(e->d_name)))
            err = ENOMEM;
        else
            v = grown, n++;
    }
    err = err ? err : errno;
    closedir(d);
    if (!err)
        qsort(v, n, sizeof *v, by_name);
    *count = n;
    if (err) {
        while (n)
            free(v[--n]);
        free(v);
        errno = err;
        return NULL;
    }
    return v ? v : calloc(1, sizeof *v);
}

static int walk_dir(walk_list *l, const char *dir);

/* One entry of a directory: a file to take, a directory to walk, or
 * something else to leave (a link, a FIFO, a device). */
static int walk_entry(walk_list *l, const char *dir, const char *name)
{
    size_t n = strlen(dir);
    char *path = malloc(n + strlen(name) + 2);
    if (!path)
        return -1;
    sprintf(path, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
    struct stat st;
    int rc = 0;
    if (lstat(path, &st) != 0) {
        say(path, "%s", strerror(errno));
        rc = -1;
    } else if (S_ISDIR(st.st_mode)) {
        rc = walk_dir(l, path);
    } else if (S_ISREG(st.st_mode) && add(l, path, (uint64_t)st.st_size) != 0) {
        say(path, "%s", strerror(ENOMEM));
        rc = -1;
    }
    free(path);
    return rc;
}

static int walk_dir(walk_list *l, const char *dir)
{
    size_t n;
    char **names = names_in(dir, &n);
    if (!names) {
        say(dir, "%s", strerror(errno));
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        rc |= walk_entry(l, dir, names[i]);
        free(names[i]);
    }
    free(names);
    return rc;
}

int walk_args(char *const *args, int nargs, int recursive, walk_list *out)
{
    memset(out, 0, sizeof *out);
    int rc = 0;
    for (int i = 0; i < nargs; i++) {
        struct stat st;
        int known = strcmp(args[i], "-") && stat(args[i], &st) == 0;
        if (recursive && known && S_ISDIR(st.st_mode))
            rc |= walk_dir(out, args[i]);
        else if (add(out, args[i], known && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0)) {
            say(args[i], "%s", strerror(ENOMEM));
            rc = -1;
        }
    }
    return rc;
}

void walk_free(walk_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].path);
    free(l->v);
    memset(l, 0, sizeof *l);
}
