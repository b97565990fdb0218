/* recode.c: --from ENC through iconv(3) (recode.h). */
#define _POSIX_C_SOURCE 200809L
#include "recode.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "compress.h"

/* Source bytes held: a read's worth, and the tail of a sequence cut by it. */
#define RECODE_BUF (64u * 1024)

int recode_open(recode *r, const char *from)
{
    memset(r, 0, sizeof *r);
    r->from = from;
    r->guessing = from == NULL;
    r->cd = from ? iconv_open("UTF-8", from) : (iconv_t)-1;
    if (from && r->cd == (iconv_t)-1)
        return errno == EINVAL ? EINVAL : errno;
    r->buf = malloc(RECODE_BUF);
    if (!r->buf) {
        recode_close(r);
        return ENOMEM;
    }
    return 0;
}

void recode_close(recode *r)
{
    if (r->cd != (iconv_t)-1)
        iconv_close(r->cd);
    r->cd = (iconv_t)-1;
    free(r->buf);
    r->buf = NULL;
}

/* Reads the first block whole and chooses its encoding; UTF-8 is read as
 * it is (its invalid bytes are the repair's), an encoding iconv does not
 * know too, and said so. Returns 0 or -1 (a read error). */
static int guess(recode *r, struct zin *in)
{
    while (r->len < RECODE_BUF) {
        ssize_t k = zin_read_source(in, r->buf + r->len, RECODE_BUF - r->len);
        if (k < 0)
            return -1;
        if (k == 0) {
            r->eof = 1;
            break;
        }
        r->len += (size_t)k;
    }
    r->guessing = 0;
    recode_guess_block((const unsigned char *)r->buf, r->len, &r->guess);
    if (strcmp(r->guess.name, "UTF-8") != 0) {
        r->cd = iconv_open("UTF-8", r->guess.name);
        if (r->cd == (iconv_t)-1) {
            r->guess.why = "guessed, but iconv does not know it: read as UTF-8";
            r->guess.confidence = 0;
        }
    }
    r->from = r->guess.name;
    if (r->on_guess)
        r->on_guess(r->guess_ctx, &r->guess);
    return 0;
}

/* The text as it is: what the guess read, then the rest. */
static ssize_t pass(recode *r, struct zin *in, char *out, size_t n)
{
    if (r->pos == r->len)
        return zin_read_source(in, out, n);
    size_t k = r->len - r->pos < n ? r->len - r->pos : n;
    memcpy(out, r->buf + r->pos, k);
    r->pos += k;
    return (ssize_t)k;
}

static ssize_t bad(struct zin *in, const char *what, uint64_t at)
{
    in->bad = what;
    in->bad_at = at;
    in->bad_text = 1;
    errno = EILSEQ;
    return -1;
}

/* Converts what is held into out[0..n): the bytes made, or -1 at an invalid
 * sequence; a sequence cut at the end of what is held waits for more. */
static ssize_t convert(recode *r, char *out, size_t n, int *invalid)
{
    char *ip = r->buf + r->pos, *op = out;
    size_t il = r->len - r->pos, ol = n;
    size_t k = iconv(r->cd, &ip, &il, &op, &ol);
    int err = k == (size_t)-1 ? errno : 0;
    size_t used = (size_t)(ip - (r->buf + r->pos)), made = (size_t)(op - out);
    r->pos += used;
    r->done += used;
    if (made == 0 && err == E2BIG && out != r->spill) {
        /* no room for one character: make it into spill, give what fits */
        ssize_t m = convert(r, r->spill, sizeof r->spill, invalid);
        if (m <= 0)
            return m;
        r->nspill = (size_t)m;
        r->spilled = 0;
        return 0;
    }
    *invalid = err == EILSEQ && made == 0;
    return (ssize_t)made;
}

ssize_t recode_read(recode *r, struct zin *in, char *out, size_t n)
{
    if (r->guessing && guess(r, in) != 0)
        return -1;
    if (r->cd == (iconv_t)-1)
        return pass(r, in, out, n);
    for (;;) {
        if (r->spilled < r->nspill) {
            size_t k = r->nspill - r->spilled < n ? r->nspill - r->spilled : n;
            memcpy(out, r->spill + r->spilled, k);
            r->spilled += k;
            return (ssize_t)k;
        }
        int invalid = 0;
        ssize_t made = r->pos < r->len ? convert(r, out, n, &invalid) : 0;
        if (invalid)
            return bad(in, "invalid byte sequence for the encoding", r->done);
        if (made > 0)
            return made;
        if (r->spilled < r->nspill)
            continue;
        if (r->eof) {
            if (r->pos < r->len)
                return bad(in, "incomplete character at the end for the encoding", r->done);
            if (!r->flushed) { /* a stateful encoding's shift state */
                char *op = out;
                size_t ol = n;
                r->flushed = 1;
                iconv(r->cd, NULL, NULL, &op, &ol);
                if (op != out)
                    return op - out;
            }
            return 0;
        }
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
        ssize_t k = zin_read_source(in, r->buf + r->len, RECODE_BUF - r->len);
        if (k < 0)
            return -1;
        r->eof = k == 0;
        r->len += (size_t)k;
    }
}
