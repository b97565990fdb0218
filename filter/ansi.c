/* ansi.c: ANSI terminal escape sequences (ECMA-48) left in text by programs
 * that colour their output: "ESC[1;31m", a window title "ESC]0;title BEL",
 * a hyperlink "ESC]8;;URL ESC\". They stand for nothing in text, and are
 * removed. A lone ESC that begins no sequence stays. */
#include "broken.h"

#define ESC 0x1B

/* What a scan that reached s[len) without an end says: a prefix of a
 * sequence if the input ran out, none if the sequence would be too long. */
static int ran_out(size_t len)
{
    return len < MF_ANSI_MAX ? -1 : 0;
}

/* A control string (OSC, DCS, SOS, PM, APC): any text but controls, ended
 * by ST (ESC \) or, for OSC, also by BEL as xterm allows. */
static int control_string(const uint8_t *s, size_t n, size_t len)
{
    for (size_t i = 2; i < n; i++) {
        if (s[i] == 0x07 && s[1] == ']')
            return (int)i + 1;
        if (s[i] == ESC)
            return i + 1 == n ? ran_out(len) : s[i + 1] == '\\' ? (int)i + 2 : 0;
        if (s[i] < 0x20 && s[i] != '\t')
            return 0;
    }
    return ran_out(len);
}

int mf_ansi_scan(const uint8_t *s, size_t len)
{
    size_t n = len < MF_ANSI_MAX ? len : MF_ANSI_MAX, i = 2;
    if (n < 2)
        return ran_out(len);
    uint8_t b = s[1];
    if (b == '[') { /* CSI: parameters, intermediates, a final byte */
        while (i < n && s[i] >= 0x30 && s[i] <= 0x3F)
            i++;
        while (i < n && s[i] >= 0x20 && s[i] <= 0x2F)
            i++;
        if (i == n)
            return ran_out(len);
        return s[i] >= 0x40 && s[i] <= 0x7E ? (int)i + 1 : 0;
    }
    if (b == ']' || b == 'P' || b == 'X' || b == '^' || b == '_')
        return control_string(s, n, len);
    /* nF: intermediates, a final byte ("ESC(B"). Not a space after the ESC:
     * in text that is a stray ESC before a word ("ESC SP F" is rare). */
    if (b >= 0x21 && b <= 0x2F) {
        for (i = 1; i < n && s[i] >= 0x20 && s[i] <= 0x2F; i++)
            ;
        if (i == n)
            return ran_out(len);
        return s[i] >= 0x30 && s[i] <= 0x7E ? (int)i + 1 : 0;
    }
    return b >= 0x30 && b <= 0x7E ? 2 : 0; /* Fp, Fe, Fs: "ESC7", "ESCc" */
}
