/* decode.c: UTF-8 decoding with input offsets and an invalid-byte fallback. */
#include "decode.h"

#include <stdlib.h>

#include "codec.h"
#include "grow.h"
#include "mojifix.h"

int mf_utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int mf_chars_reserve(mf_chars *c, size_t n)
{
    mf_char *v = mf_grow(c->v, &c->cap, n, sizeof *v);
    if (!v)
        return MF_ERR_NOMEM;
    c->v = v;
    return MF_OK;
}

void mf_chars_free(mf_chars *c)
{
    free(c->v);
    c->v = NULL;
    c->n = c->cap = 0;
}

/* Windows-1252 is codec 0 (tables/codecs.txt lists it first); all of its
 * bytes are defined, so every invalid byte has a reading. */
int mf_decode_window(const uint8_t *buf, size_t len, mf_chars *out)
{
    int rc = mf_chars_reserve(out, len + 1);
    if (rc != MF_OK)
        return rc;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        mf_char *c = &out->v[n++];
        int k = mf_utf8_decode(buf + i, len - i, &c->cp);
        c->flags = 0;
        c->signal = 0;
        if (k == 0) {
            c->cp = mf_codecs[0].to_ucs[buf[i]];
            c->flags = MF_CHAR_INVALID;
            k = 1;
        }
        c->start = (uint32_t)i;
        c->end = (uint32_t)(i + (size_t)k);
        c->chain = 0;
        c->levels = 0;
        i += (size_t)k;
    }
    out->n = n;
    return MF_OK;
}
