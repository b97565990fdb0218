/* escape.c: visible renderings of bytes for --explain. */
#include "escape.h"

#include <stdint.h>

#include "utf8.h"

/* Characters that show as nothing, or as a plain space, on a terminal. */
static int invisible(uint32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || c == 0x34F ||
           c == 0x61C || c == 0x115F || c == 0x1160 || c == 0x180E ||
           (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
           (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0x3164 ||
           (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
           (c >= 0xFFF0 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE0FFF);
}

static void escape_char(FILE *f, uint32_t c)
{
    switch (c) {
    case '\n': fputs("\\n", f); return;
    case '\r': fputs("\\r", f); return;
    case '\t': fputs("\\t", f); return;
    default: break;
    }
    if (c > 0xFFFF)
        fprintf(f, "\\U%08lX", (unsigned long)c);
    else
        fprintf(f, "\\u%04X", (unsigned)c);
}

void escape_write(FILE *f, const char *bytes, size_t n)
{
    const uint8_t *p = (const uint8_t *)bytes;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = utf8_char(p + i, n - i, &c);
        if (!k) {
            fprintf(f, "\\x%02X", p[i++]);
            continue;
        }
        if (c == '\\' || c == '"')
            fprintf(f, "\\%c", (char)c);
        else if (invisible(c))
            escape_char(f, c);
        else
            fwrite(p + i, 1, k, f);
        i += k;
    }
}
