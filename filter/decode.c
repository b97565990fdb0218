/* decode.c: UTF-8 decoding with input offsets and an invalid-byte fallback. */
#include "decode.h"

#include <stdlib.h>

#include "broken.h"
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

/* What the rules of a window read besides UTF-8. */
typedef struct reading {
    unsigned cesu;   /* MF_CESU_* kinds read */
    int entities;    /* -1: not yet known (no "&" seen yet) */
    int ansi;
    unsigned seen;   /* MF_CESU_* kinds met */
    int invalid;     /* bytes read as cp1252 */
} reading;

/* Reads what begins at buf[i] that is not a plain character: the sequence
 * of a broken-text rule, or else an "&" or ESC as itself, or an invalid
 * byte as cp1252 (Windows-1252 is codec 0, tables/codecs.txt lists it
 * first; all of its bytes are defined, so every invalid byte has a reading).
 * Returns the length. Out of the decoding loop: it is rare. */
__attribute__((noinline)) static int read_other(const uint8_t *buf, size_t len, size_t i,
                                                reading *rd, mf_char *c)
{
    const uint8_t *s = buf + i;
    unsigned kind;
    int k = 0;
    if (s[0] == '&' && rd->entities) {
        if (rd->entities < 0)
            rd->entities = mf_entities_read(buf, len);
        if (rd->entities && (k = mf_entity_decode(s, len - i, &c->cp)) > 0)
            c->flags = MF_CHAR_ENTITY;
    } else if (s[0] == 0x1B && rd->ansi) {
        if ((k = mf_ansi_scan(s, len - i)) > 0) {
            c->cp = 0x1B; /* breaks any unit, as the ESC did */
            c->flags = MF_CHAR_ANSI;
        }
    } else if ((k = mf_cesu_decode(s, len - i, rd->cesu, &c->cp, &kind)) > 0) {
        c->flags = MF_CHAR_CESU;
        rd->seen |= kind;
    }
    if (k > 0)
        return k;
    c->cp = s[0];
    if (s[0] >= 0x80) {
        c->cp = mf_codecs[0].to_ucs[s[0]];
        c->flags = MF_CHAR_INVALID;
        rd->invalid++;
    }
    return 1;
}

/* "&" and ESC, as bits of a word. */
#define SEQUENCE_STARTS ((1ull << '&') | (1ull << 0x1B))

static int decode(const uint8_t *buf, size_t len, reading *rd, mf_chars *out)
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
        /* Only "&", ESC and bytes that are not UTF-8 may begin a sequence:
         * most characters are past the first test. */
        if (k == 0 || (c->cp < 0x40 && (SEQUENCE_STARTS >> c->cp & 1)))
            k = read_other(buf, len, i, rd, c);
        c->start = (uint32_t)i;
        c->end = (uint32_t)(i + (size_t)k);
        c->chain = 0;
        c->levels = 0;
        i += (size_t)k;
    }
    out->n = n;
    return MF_OK;
}

int mf_decode_window(const uint8_t *buf, size_t len, unsigned rules, mf_chars *out)
{
    reading rd = {(rules & MF_RULE_CESU) ? MF_CESU_PAIR | MF_CESU_LONE | MF_CESU_NUL : 0,
                  (rules & MF_RULE_ENTITIES) ? -1 : 0, (rules & MF_RULE_ANSI) != 0, 0, 0};
    int rc = decode(buf, len, &rd, out);
    /* Whether a lone surrogate or C0 80 is read depends on the whole window:
     * read it again without those it may not read (rare: pairs are always). */
    unsigned allowed = mf_cesu_allowed(rd.seen, rd.invalid > 0);
    if (rc == MF_OK && (rd.seen & ~allowed)) {
        rd.cesu = allowed;
        rc = decode(buf, len, &rd, out);
    }
    return rc;
}
