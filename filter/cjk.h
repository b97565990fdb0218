/* cjk.h: the CJK rule: mojibake through the double-byte codecs of
 * cjk_codec.h. Two kinds:
 *  - UTF-8 read through GBK, CP932, CP949 or Big5 ("浣犲ソ" for 你好):
 *    a run of characters that the codec encodes back into well-formed
 *    multi-byte UTF-8 (rules utf8-as-gbk ...);
 *  - text in one of those codecs read as Windows-1252 or Latin-1
 *    ("ÄãºÃ" for 你好): a run of one-byte characters whose bytes are
 *    well-formed double-byte text (rules gbk-as-cp1252, big5-as-latin1 ...).
 * A run is read only if the window reads better for it under the
 * plausibility model. */
#ifndef MF_CJK_H
#define MF_CJK_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

/* What an edit of the rule says about its bytes (mf_char.signal). */
enum {
    MF_CJK_EXACT = 0,
    MF_CJK_ASCII = 1, /* an ASCII byte a pair swallowed, given back */
    MF_CJK_LOST = 2   /* bytes a decoder dropped: the character is U+FFFD */
};

/* The paths, in mf_char.chain: k for UTF-8 read through codec k, and
 * MF_CJK_LEGACY + 2k (+ 1 for Latin-1) for codec k's text read as cp1252. */
#define MF_CJK_LEGACY 8

/* The cheap look on a window's bytes: whether some run could be CJK
 * mojibake (a few multi-byte UTF-8 sequences through one codec, valid from
 * after an ASCII character; or two double-byte pairs of one-byte
 * characters). mf_cjk_mark runs only where it says yes. */
int mf_cjk_suspect(const uint8_t *buf, size_t len);

typedef struct mf_cjk_scratch {
    uint8_t *bytes;     /* a path's bytes of the window */
    uint32_t *owner;    /* the character each byte is of, | GAP for U+FFFD */
    uint32_t *text;     /* a reading's code points */
    mf_chars best, try_; /* the best reading so far, and the one being made */
    int32_t *costs;     /* per language */
    size_t cap, nbytes;
} mf_cjk_scratch;

void mf_cjk_scratch_free(mf_cjk_scratch *s);

/* Reads the window's characters through the path of `paths` that makes
 * them read best, if it beats leaving them and the rival reading: the
 * characters it changes are replaced (flagged MF_CHAR_CJK, the path in
 * chain, the signal above), and *any is set. Characters other rules
 * changed are not touched. */
int mf_cjk_mark(mf_cjk_scratch *s, mf_chars *chars, unsigned paths, int32_t rival, int *any);
/* No rival reading: mf_cjk_mark weighs its readings against the window as it is. */
#define MF_CJK_NO_RIVAL INT32_MAX
/* The rival mf_cjk_mark must beat for another rule's reading of the window,
 * which reads `changed` characters otherwise: that reading's cost as
 * mf_cjk_mark weighs its own, less a margin per character changed. */
int mf_cjk_rival_cost(mf_cjk_scratch *s, const mf_chars *chars, size_t changed, int32_t *cost);
/* The paths mf_cjk_mark tries (bits). */
#define MF_CJK_READ_UTF8 1u   /* UTF-8 read through a double-byte codec */
#define MF_CJK_READ_LEGACY 2u /* double-byte text read as cp1252 or Latin-1 */

/* The rule name of a path ("utf8-as-gbk", "big5-as-cp1252") into buf. */
void mf_cjk_rule_name(uint32_t path, char *buf, size_t size);

/* The detail of an edit: NULL when exact, else what was given back or lost. */
const char *mf_cjk_detail(uint8_t signal);

#endif
