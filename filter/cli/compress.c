/* compress.c: gzip (zlib) and zstd streams, for compressed files repaired
 * in place and compressed files read to standard output. */
#define _POSIX_C_SOURCE 200809L
#include "compress.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "recode.h"
#include "sink.h"

#define ZBUF (64u * 1024)

zkind zkind_of(const char *name)
{
    size_t n = strlen(name);
    if (n > 3 && !strcmp(name + n - 3, ".gz"))
        return ZKIND_GZIP;
    if (n > 4 && !strcmp(name + n - 4, ".zst"))
        return ZKIND_ZSTD;
    return ZKIND_NONE;
}

int zin_open(zin *in, int fd, zkind kind)
{
    memset(in, 0, sizeof *in);
    in->kind = kind;
    in->fd = fd;
    if (kind == ZKIND_NONE)
        return 0;
    in->buf = malloc(ZBUF);
    if (kind == ZKIND_GZIP) {
        z_stream *z = calloc(1, sizeof *z);
        /* 16 + MAX_WBITS: gzip framing, not zlib's */
        if (z && inflateInit2(z, 16 + MAX_WBITS) != Z_OK) {
            free(z);
            z = NULL;
        }
        in->z = z;
    } else {
        in->z = ZSTD_createDStream();
    }
    if (!in->buf || !in->z) {
        zin_close(in);
        return ENOMEM;
    }
    return 0;
}

/* More compressed bytes into in->buf when it is used up; -1 on a read error. */
static int refill(zin *in)
{
    if (in->pos < in->len || in->eof)
        return 0;
    ssize_t k;
    while ((k = read(in->fd, in->buf, ZBUF)) < 0 && errno == EINTR)
        ;
    if (k < 0)
        return -1;
    in->len = (size_t)k;
    in->pos = 0;
    in->raw += (uint64_t)k;
    in->eof = k == 0;
    return 0;
}

static ssize_t fail(zin *in, const char *what)
{
    in->bad = what;
    in->bad_at = in->raw - (in->len - in->pos);
    errno = EILSEQ;
    return -1;
}

/* One step of gzip: decompressed bytes, or -1 when the data is corrupt. */
static ssize_t gzip_step(zin *in, void *out, size_t n)
{
    z_stream *z = in->z;
    if (in->ended) { /* concatenated members are one file, as gzip -d says */
        if (inflateReset(z) != Z_OK)
            return fail(in, "corrupt gzip data");
        in->ended = 0;
    }
    z->next_in = in->buf + in->pos;
    z->avail_in = (uInt)(in->len - in->pos);
    z->next_out = out;
    z->avail_out = (uInt)(n > ZBUF ? ZBUF : n);
    int rc = inflate(z, Z_NO_FLUSH);
    in->pos = in->len - z->avail_in;
    if (rc == Z_STREAM_END)
        in->ended = 1;
    else if (rc != Z_OK && rc != Z_BUF_ERROR)
        return fail(in, rc == Z_MEM_ERROR ? "out of memory" : "corrupt gzip data");
    return (ssize_t)((n > ZBUF ? ZBUF : n) - z->avail_out);
}

static ssize_t zstd_step(zin *in, void *out, size_t n)
{
    ZSTD_inBuffer src = {in->buf, in->len, in->pos};
    ZSTD_outBuffer dst = {out, n, 0};
    size_t rc = ZSTD_decompressStream(in->z, &dst, &src);
    if (ZSTD_isError(rc))
        return fail(in, "corrupt zstd data");
    in->pos = src.pos;
    in->ended = rc == 0; /* 0: a frame is complete and flushed */
    return (ssize_t)dst.pos;
}

ssize_t zin_read(zin *in, void *out, size_t n)
{
    return in->recode ? recode_read(in->recode, in, out, n) : zin_read_source(in, out, n);
}

ssize_t zin_read_source(zin *in, void *out, size_t n)
{
    if (in->kind == ZKIND_NONE) {
        ssize_t k;
        while ((k = read(in->fd, out, n)) < 0 && errno == EINTR)
            ;
        if (k > 0)
            in->raw += (uint64_t)k;
        return k;
    }
    for (;;) {
        if (refill(in) != 0)
            return -1;
        int drained = in->eof && in->pos == in->len;
        if (drained && in->ended)
            return 0;
        ssize_t k = in->kind == ZKIND_GZIP ? gzip_step(in, out, n) : zstd_step(in, out, n);
        if (k != 0)
            return k;
        /* At the end with the stream unfinished, and nothing more it holds */
        if (drained)
            return fail(in, in->kind == ZKIND_GZIP ? "truncated gzip data"
                                                   : "truncated zstd data");
    }
}

void zin_close(zin *in)
{
    if (in->kind == ZKIND_GZIP && in->z) {
        inflateEnd(in->z);
        free(in->z);
    } else if (in->kind == ZKIND_ZSTD) {
        ZSTD_freeDStream(in->z);
    }
    free(in->buf);
    in->z = NULL;
    in->buf = NULL;
}

int zout_open(zout *out, zkind kind)
{
    memset(out, 0, sizeof *out);
    out->kind = kind;
    out->buf = malloc(ZBUF);
    if (kind == ZKIND_GZIP) {
        z_stream *z = calloc(1, sizeof *z);
        if (z && deflateInit2(z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                              Z_DEFAULT_STRATEGY) != Z_OK) {
            free(z);
            z = NULL;
        }
        out->z = z;
    } else {
        out->z = ZSTD_createCStream();
        if (out->z && ZSTD_isError(ZSTD_initCStream(out->z, ZSTD_CLEVEL_DEFAULT))) {
            ZSTD_freeCStream(out->z);
            out->z = NULL;
        }
    }
    if (!out->buf || !out->z) {
        zout_close(out);
        return ENOMEM;
    }
    return 0;
}

/* Compresses what gzip_pack is given; 1 while there is more to write. */
static int gzip_pack(zout *out, const char **p, size_t *n, int end, size_t *made)
{
    z_stream *z = out->z;
    z->next_in = (Bytef *)(uintptr_t)*p;
    z->avail_in = (uInt)*n;
    z->next_out = out->buf;
    z->avail_out = ZBUF;
    int rc = deflate(z, end ? Z_FINISH : Z_NO_FLUSH);
    *p += *n - z->avail_in;
    *n = z->avail_in;
    *made = ZBUF - z->avail_out;
    if (rc == Z_STREAM_ERROR)
        return -1;
    return end ? rc != Z_STREAM_END : *n > 0 || z->avail_out == 0;
}

static int zstd_pack(zout *out, const char **p, size_t *n, int end, size_t *made)
{
    ZSTD_inBuffer src = {*p, *n, 0};
    ZSTD_outBuffer dst = {out->buf, ZBUF, 0};
    size_t rc = ZSTD_compressStream2(out->z, &dst, &src, end ? ZSTD_e_end : ZSTD_e_continue);
    *p += src.pos;
    *n -= src.pos;
    *made = dst.pos;
    if (ZSTD_isError(rc))
        return -1;
    return end ? rc != 0 : *n > 0 || dst.pos == ZBUF;
}

int zout_write(zout *out, sink *to, const char *p, size_t n, int end)
{
    int more;
    do {
        size_t made = 0;
        more = out->kind == ZKIND_GZIP ? gzip_pack(out, &p, &n, end, &made)
                                       : zstd_pack(out, &p, &n, end, &made);
        if (more < 0 && !to->err)
            to->err = EIO;
        if (more < 0 || sink_write_raw(to, (const char *)out->buf, made) != 0)
            return -1;
    } while (more);
    return 0;
}

void zout_close(zout *out)
{
    if (out->kind == ZKIND_GZIP && out->z) {
        deflateEnd(out->z);
        free(out->z);
    } else if (out->kind == ZKIND_ZSTD) {
        ZSTD_freeCStream(out->z);
    }
    free(out->buf);
    out->z = NULL;
    out->buf = NULL;
}
