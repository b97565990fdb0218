/* c1.c: C1 controls that stand for Windows-1252 characters. Text that was
 * cp1252 and read as Latin-1 carries U+0093 for “ and U+0080 for €; real text
 * has no use for these controls, so (as browsers and ftfy do) each is read
 * through cp1252. Mojibake that holds C1 controls (Latin-1 mojibake, "â"
 * U+0080 U+0099 for ’) is undone by the mojibake rule first: only controls
 * it left are read here, and the settle loop repairs what they then make. */
#include "broken.h"

#include <string.h>

#include "codec.h"

int mf_c1_suspect(const uint8_t *buf, size_t len)
{
    const uint8_t *p = buf, *end = buf + len;
    while ((p = memchr(p, 0xC2, (size_t)(end - p))) != NULL && ++p < end)
        if (*p >= 0x80 && *p <= 0x9F)
            return 1;
    return 0;
}

void mf_c1_mark(mf_char *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (c[i].cp < 0x80 || c[i].cp > 0x9F || c[i].flags || c[i].levels)
            continue;
        /* cp1252 is codec 0; its undefined bytes map to the C1 control itself. */
        uint32_t to = mf_codecs[0].to_ucs[c[i].cp];
        if (to != c[i].cp) {
            c[i].cp = to;
            c[i].flags = MF_CHAR_C1;
        }
    }
}
