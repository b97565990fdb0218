/* main.c: the mojifix command. The only code that touches files or prints. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mojifix.h"
#include "options.h"

#define READ_SIZE (128u * 1024)

/* Output goes through write(2) so that every failure is seen (a full disk
 * is an error, not silence). */
typedef struct out_fd {
    int fd;
    int err; /* errno of the first failure */
} out_fd;

static int write_all(void *ctx, const char *p, size_t n)
{
    out_fd *o = ctx;
    while (n) {
        ssize_t k = write(o->fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            o->err = errno;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

static void complain(const char *name, const char *msg)
{
    fprintf(stderr, "mojifix: %s: %s\n", name, msg);
}

/* Repairs one input onto standard output. Returns 0, or -1 after saying why;
 * *out_failed is set when the output itself failed (nothing more can go). */
static int fix_fd(int fd, const char *name, const mf_config *cfg, out_fd *out, int *out_failed)
{
    static char buf[READ_SIZE];
    mf_stream *s = mf_stream_new(cfg, write_all, out);
    if (!s) {
        complain(name, mf_strerror(MF_ERR_NOMEM));
        return -1;
    }
    int rc = MF_OK, read_err = 0;
    uint64_t offset = 0;
    for (;;) {
        ssize_t k = read(fd, buf, sizeof buf);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            read_err = errno;
            break;
        }
        if (k == 0 || (rc = mf_stream_write(s, buf, (size_t)k)) != MF_OK)
            break;
        offset += (uint64_t)k;
    }
    if (rc == MF_OK)
        rc = mf_stream_finish(s);
    mf_stream_free(s);
    if (read_err) {
        char msg[256];
        snprintf(msg, sizeof msg, "read error at byte %llu: %s", (unsigned long long)offset,
                 strerror(read_err));
        complain(name, msg);
    }
    if (rc == MF_ERR_OUTPUT) {
        *out_failed = 1;
        complain("standard output", strerror(out->err));
    } else if (rc != MF_OK) {
        complain(name, mf_strerror(rc));
    }
    return read_err || rc != MF_OK ? -1 : 0;
}

static int fix_path(const char *path, const mf_config *cfg, out_fd *out, int *out_failed)
{
    if (!strcmp(path, "-"))
        return fix_fd(STDIN_FILENO, "standard input", cfg, out, out_failed);
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        complain(path, strerror(errno));
        return -1;
    }
    int rc = fix_fd(fd, path, cfg, out, out_failed);
    close(fd);
    return rc;
}

static void list_codecs(void)
{
    for (size_t i = 0; i < mf_codec_count(); i++)
        puts(mf_codec_name(i));
}

int main(int argc, char **argv)
{
    mf_options opt;
    char err[256];
    if (mf_options_parse(argc, argv, &opt, err, sizeof err) != 0) {
        fprintf(stderr, "mojifix: %s\nTry 'mojifix --help' for more information.\n", err);
        return MF_EXIT_TROUBLE;
    }
    if (opt.help || opt.version || opt.list_codecs) {
        if (opt.help)
            mf_options_usage();
        else if (opt.version)
            printf("mojifix %s\n", mf_version());
        else
            list_codecs();
        return fflush(stdout) == 0 && !ferror(stdout) ? MF_EXIT_OK : MF_EXIT_TROUBLE;
    }
    mf_config cfg;
    mf_config_init(&cfg);
    cfg.rules = opt.rules;
    out_fd out = {STDOUT_FILENO, 0};
    int status = MF_EXIT_OK, out_failed = 0;
    if (opt.nfiles == 0 && fix_path("-", &cfg, &out, &out_failed) != 0)
        status = MF_EXIT_TROUBLE;
    for (int i = 0; i < opt.nfiles && !out_failed; i++)
        if (fix_path(opt.files[i], &cfg, &out, &out_failed) != 0)
            status = MF_EXIT_TROUBLE;
    return status;
}
