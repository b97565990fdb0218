/* compress.h: gzip and zstd, both ways, for files named *.gz and *.zst:
 * read decompressed (zin), written back compressed (zout, through a sink).
 * A corrupt or truncated compressed input is an error with the compressed
 * byte offset, never text made up past it. */
#ifndef MF_CLI_COMPRESS_H
#define MF_CLI_COMPRESS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct sink;
struct recode;

typedef enum zkind { ZKIND_NONE, ZKIND_GZIP, ZKIND_ZSTD } zkind;

/* The compression a file name says (its suffix: .gz, .zst), or ZKIND_NONE. */
zkind zkind_of(const char *name);

/* An input, decompressed when kind says so. */
typedef struct zin {
    zkind kind;
    int fd;
    uint64_t raw;      /* bytes read from fd so far */
    const char *bad;   /* what is wrong with the compressed data, or NULL */
    uint64_t bad_at;   /* where: a byte offset in the compressed file, */
    int bad_text;      /* or, when set, in its text in the --from encoding */
    struct recode *recode; /* --from: the text is decoded by it, or NULL */
    unsigned char *buf; /* compressed bytes read and not yet decompressed */
    size_t len, pos;
    int eof;           /* fd is at its end */
    int ended;         /* the last gzip member or zstd frame is complete */
    void *z;           /* z_stream or ZSTD_DStream */
} zin;

/* Returns 0 or an errno (ENOMEM). */
int zin_open(zin *in, int fd, zkind kind);
/* Reads up to n bytes of text (UTF-8 decoded by in->recode when set):
 * returns how many, 0 at the end, or -1 with errno set (a read error), or
 * with in->bad set (errno EILSEQ). */
ssize_t zin_read(zin *in, void *out, size_t n);
/* The same, of the text as it is in the file (decompressed), for recode.c. */
ssize_t zin_read_source(zin *in, void *out, size_t n);
void zin_close(zin *in);

/* A compressor a sink writes through (sink.h). */
typedef struct zout {
    zkind kind;
    void *z;
    unsigned char *buf;
} zout;

/* Returns 0 or an errno (ENOMEM). */
int zout_open(zout *out, zkind kind);
/* Compresses p[0..n) into the sink's file; with end, finishes the stream.
 * Returns 0, or -1 with the sink's err set. */
int zout_write(zout *out, struct sink *to, const char *p, size_t n, int end);
void zout_close(zout *out);

#endif
