/* guess.c: --guess: the encoding of a file's first block. In order: a byte
 * order mark; the NUL bytes of UTF-32 or UTF-16 without one; UTF-8, when
 * its sequences outnumber the bytes that are not UTF-8 (those are the
 * repair's: a few cp1252 bytes in UTF-8 text do not make it cp1252); else
 * ICU's charset detector (ucsdet). */
#include <stdio.h>
#include <string.h>
#include <unicode/ucsdet.h>

#include "recode.h"
#include "decode.h"

static void choose(recode_guess *g, const char *name, int confidence, const char *why)
{
    snprintf(g->name, sizeof g->name, "%s", name);
    g->confidence = confidence;
    g->why = why;
}

static int starts(const unsigned char *p, size_t n, const char *bom, size_t len)
{
    return n >= len && memcmp(p, bom, len) == 0;
}

/* UTF-32 or UTF-16 by where NUL bytes fall: in text of any script, the high
 * bytes of most units are 0. Returns the name, or NULL. */
static const char *by_nuls(const unsigned char *p, size_t n)
{
    size_t z[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        z[i % 4] += p[i] == 0;
    size_t quads = n / 4, pairs = n / 2;
    if (n < 4 || (z[0] + z[1] + z[2] + z[3]) == 0)
        return NULL;
    if (z[3] >= quads && z[2] * 10 >= quads * 9)
        return "UTF-32LE";
    if (z[0] >= quads && z[1] * 10 >= quads * 9)
        return "UTF-32BE";
    size_t even = z[0] + z[2], odd = z[1] + z[3];
    if (odd * 10 >= pairs * 3 && even * 20 < pairs)
        return "UTF-16LE";
    if (even * 10 >= pairs * 3 && odd * 20 < pairs)
        return "UTF-16BE";
    return NULL;
}

/* Whether p[0..n) reads as UTF-8: more well-formed sequences than bytes
 * that are not UTF-8 (a sequence cut at the block's end is not counted). */
static int mostly_utf8(const unsigned char *p, size_t n)
{
    size_t seqs = 0, bad = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = mf_utf8_decode(p + i, n - i, &cp);
        if (k > 1)
            seqs++;
        else if (k == 0 && n - i > 3)
            bad++;
        i += k ? (size_t)k : 1;
    }
    return bad == 0 || seqs > bad;
}

void recode_guess_block(const unsigned char *p, size_t n, recode_guess *g)
{
    /* iconv's UTF-32 and UTF-16 read the mark and drop it; UTF-8's stays,
     * as it does without --guess. */
    if (starts(p, n, "\xFF\xFE\0\0", 4) || starts(p, n, "\0\0\xFE\xFF", 4))
        return choose(g, "UTF-32", 100, "byte order mark");
    if (starts(p, n, "\xFF\xFE", 2) || starts(p, n, "\xFE\xFF", 2))
        return choose(g, "UTF-16", 100, "byte order mark");
    if (starts(p, n, "\xEF\xBB\xBF", 3))
        return choose(g, "UTF-8", 100, "byte order mark");
    const char *wide = by_nuls(p, n);
    if (wide)
        return choose(g, wide, 90, "NUL bytes");
    if (memchr(p, 0, n)) /* binary: the sniff skips it */
        return choose(g, "UTF-8", 0, "NUL bytes, but not of UTF-16 or UTF-32");
    if (mostly_utf8(p, n))
        return choose(g, "UTF-8", 100, "valid UTF-8, or mostly");
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&err);
    ucsdet_setText(d, (const char *)p, (int32_t)n, &err);
    const UCharsetMatch *m = ucsdet_detect(d, &err);
    const char *name = U_SUCCESS(err) && m ? ucsdet_getName(m, &err) : NULL;
    int confidence = U_SUCCESS(err) && m ? ucsdet_getConfidence(m, &err) : 0;
    if (U_SUCCESS(err) && name)
        choose(g, name, confidence, "ICU's charset detector");
    else
        choose(g, "UTF-8", 0, "ICU's charset detector found nothing");
    ucsdet_close(d);
}
