/* recode.h: --from ENC: an input in another encoding read as UTF-8, through
 * iconv(3), as a stream between zin (compress.h) and the repair. A sequence
 * that a read cuts is carried into the next one; an invalid or truncated
 * one ends the input with the byte offset where it starts, and everything
 * before it is still given. */
#ifndef MF_CLI_RECODE_H
#define MF_CLI_RECODE_H

#include <iconv.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct zin;

typedef struct recode {
    iconv_t cd;
    const char *from;  /* the encoding's name, as given */
    char *buf;         /* source bytes read and not yet converted */
    size_t len, pos;
    uint64_t done;     /* source bytes converted so far */
    char spill[32];    /* UTF-8 of one character a short read had no room for */
    size_t nspill, spilled;
    int eof, flushed;
} recode;

/* Returns 0, ENOMEM, or EINVAL when iconv does not know the encoding. */
int recode_open(recode *r, const char *from);
/* Reads up to n bytes of UTF-8 decoded from in's text: returns how many, 0
 * at the end, or -1 with errno set (a read error), or with in->bad set and
 * in->bad_text (errno EILSEQ). */
ssize_t recode_read(recode *r, struct zin *in, char *out, size_t n);
void recode_close(recode *r);

#endif
