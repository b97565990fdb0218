/* cesu.c: CESU-8 and Java's modified UTF-8. Both encode a character above
 * U+FFFF as its two UTF-16 surrogates, three bytes each (ED A0-AF xx, then
 * ED B0-BF xx), which UTF-8 forbids; modified UTF-8 also writes U+0000 as
 * C0 80. Without this rule each such byte is invalid and read as cp1252. */
#include "broken.h"

/* The surrogate encoded at s (ED A0-BF 80-BF), or 0. */
static uint32_t surrogate(const uint8_t *s, size_t len)
{
    if (len < 3 || s[0] != 0xED || s[1] < 0xA0 || s[1] > 0xBF || (s[2] & 0xC0) != 0x80)
        return 0;
    return 0xD000u | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
}

int mf_cesu_decode(const uint8_t *s, size_t len, unsigned kinds, uint32_t *cp, unsigned *kind)
{
    if (s[0] == 0xC0) {
        if (!(kinds & MF_CESU_NUL) || len < 2 || s[1] != 0x80)
            return 0;
        *cp = 0;
        *kind = MF_CESU_NUL;
        return 2;
    }
    uint32_t hi = surrogate(s, len);
    if (!hi)
        return 0;
    uint32_t lo = hi < 0xDC00 ? surrogate(s + 3, len - 3) : 0;
    if (lo >= 0xDC00 && (kinds & MF_CESU_PAIR)) {
        *cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
        *kind = MF_CESU_PAIR;
        return 6;
    }
    if (!(kinds & MF_CESU_LONE))
        return 0;
    *cp = 0xFFFD;
    *kind = MF_CESU_LONE;
    return 3;
}

unsigned mf_cesu_allowed(unsigned seen, int other_invalid)
{
    unsigned ok = MF_CESU_PAIR;
    if (!other_invalid) {
        ok |= MF_CESU_LONE;
        if (seen & (MF_CESU_PAIR | MF_CESU_LONE))
            ok |= MF_CESU_NUL;
    }
    return ok;
}
