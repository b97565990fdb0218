/* utf8.h: strict UTF-8 for the command line's own needs (escaping, the log):
 * no overlong forms, no encoded surrogates, nothing above U+10FFFF. */
#ifndef MF_CLI_UTF8_H
#define MF_CLI_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 character at p[0..n), with its code point in
 * *cp, or 0 when p does not start one. n must be at least 1. */
size_t utf8_char(const uint8_t *p, size_t n, uint32_t *cp);

/* Whether all of p[0..n) is valid UTF-8. */
int utf8_valid(const char *p, size_t n);

#endif
