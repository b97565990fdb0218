/* words.c: the user's promotional words (--spam-words), read whole: the
 * lists are small, and the library wants them at once. */
#include "words.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "say.h"
#include "utf8.h"

/* Appends the file to buf; returns 0 or -1 after saying why. */
static int append(const char *name, char **buf, size_t *len, size_t *cap)
{
    FILE *f = fopen(name, "rb");
    if (!f) {
        say(name, "%s", strerror(errno));
        return -1;
    }
    size_t start = *len;
    for (;;) {
        if (*cap - *len < 4096) {
            size_t ncap = *cap ? 2 * *cap : 8192;
            char *p = realloc(*buf, ncap);
            if (!p) {
                fclose(f);
                say(name, "out of memory");
                return -1;
            }
            *buf = p;
            *cap = ncap;
        }
        size_t k = fread(*buf + *len, 1, *cap - *len - 1, f);
        *len += k;
        if (k == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        say(name, "read error at byte %zu", *len - start);
        return -1;
    }
    for (size_t i = start; i < *len;) {
        uint32_t cp;
        size_t k = utf8_char((const uint8_t *)*buf + i, *len - i, &cp);
        if (!k) {
            say(name, "not UTF-8 at byte %zu", i - start);
            return -1;
        }
        i += k;
    }
    (*buf)[(*len)++] = '\n'; /* a last line without one ends here */
    return 0;
}

int words_read(const char *const *files, int nfiles, char **buf, size_t *len)
{
    size_t cap = 0;
    *buf = NULL;
    *len = 0;
    for (int i = 0; i < nfiles; i++)
        if (append(files[i], buf, len, &cap) != 0) {
            free(*buf);
            *buf = NULL;
            return -1;
        }
    return 0;
}
