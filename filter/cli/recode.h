/* recode.h: --from ENC: an input in another encoding read as UTF-8, through
 * iconv(3), as a stream between zin (compress.h) and the repair. A sequence
 * that a read cuts is carried into the next one; an invalid or truncated
 * one ends the input with the byte offset where it starts, and everything
 * before it is still given. --guess: the encoding is chosen from the first
 * block (guess.c) before a byte is given. */
#ifndef MF_CLI_RECODE_H
#define MF_CLI_RECODE_H

#include <iconv.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct zin;

/* What --guess chose, and why. */
typedef struct recode_guess {
    char name[48];     /* an iconv name; "UTF-8" when the text is read as it is */
    int confidence;    /* 0-100 */
    const char *why;   /* "byte order mark", "NUL bytes", ... */
} recode_guess;

typedef struct recode {
    iconv_t cd;        /* (iconv_t)-1 when the text is read as it is */
    const char *from;  /* the encoding's name, as given or guessed */
    int guessing;      /* --guess, and the first block not read yet */
    recode_guess guess;
    void (*on_guess)(void *ctx, const recode_guess *g); /* told once chosen */
    void *guess_ctx;
    char *buf;         /* source bytes read and not yet converted */
    size_t len, pos;
    uint64_t done;     /* source bytes converted so far */
    char spill[32];    /* UTF-8 of one character a short read had no room for */
    size_t nspill, spilled;
    int eof, flushed;
} recode;

/* Returns 0, ENOMEM, or EINVAL when iconv does not know the encoding. With
 * from NULL, the encoding is guessed from the first block read. */
int recode_open(recode *r, const char *from);

/* guess.c: the encoding of the block p[0..n) (a file's start), into *g. */
void recode_guess_block(const unsigned char *p, size_t n, recode_guess *g);
/* Reads up to n bytes of UTF-8 decoded from in's text: returns how many, 0
 * at the end, or -1 with errno set (a read error), or with in->bad set and
 * in->bad_text (errno EILSEQ). */
ssize_t recode_read(recode *r, struct zin *in, char *out, size_t n);
void recode_close(recode *r);

#endif
