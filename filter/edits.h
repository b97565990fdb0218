/* edits.h: the edits a window's rules propose, and how they are applied.
 * An edit replaces window bytes [start, end); edits are kept in order and
 * never overlap. */
#ifndef MF_EDITS_H
#define MF_EDITS_H

#include <stddef.h>
#include <stdint.h>

enum {
    MF_EDIT_INVALID = 1, /* kind: an invalid byte read as cp1252 */
    MF_EDIT_SPAM = 2,    /* kind: a spam run removed */
    MF_EDIT_C1 = 3,      /* kind: C1 controls read as cp1252 */
    MF_EDIT_CESU = 4,    /* kind: CESU-8 or modified UTF-8 read */
    MF_EDIT_ENTITY = 5,  /* kind: HTML entities read */
    MF_EDIT_ANSI = 6,    /* kind: escape sequences removed */
    MF_EDIT_NFC = 7,     /* the cosmetic kinds (cosmetic.h) */
    MF_EDIT_NFKC = 8,
    MF_EDIT_QUOTE = 9,
    MF_EDIT_LIGATURE = 10,
    MF_EDIT_WIDTH = 11,
    MF_EDIT_NEWLINE = 12,
    MF_EDIT_CONTROL = 13,
    MF_EDIT_LEGACY = 14, /* kind: read through another codec; chain: real | read << 8 */
    MF_EDIT_CJK = 15     /* kind: read through a double-byte codec (cjk.h) */
};

/* How a byte the codec leaves undefined was lost on the way: a strict
 * decoder dropped it, put U+FFFD in its place, or a '?' (U+FFFD, or the C1
 * control, written out in a legacy codec). The signal of a mojibake edit
 * (kind 0) that wrote what such a sequence was: the way, plus
 * MF_LOST_KNOWN when only one character fits (else it wrote U+FFFD). */
enum { MF_LOST_DROPPED = 1, MF_LOST_REPLACED = 2, MF_LOST_QUESTION = 3, MF_LOST_KNOWN = 3 };

typedef struct mf_edit_rec {
    uint32_t start, end;
    uint32_t repl_at, repl_len; /* in mf_edits.bytes */
    uint32_t chain;             /* codecs, as mf_char.chain */
    uint8_t levels, kind;
    uint8_t signal;             /* MF_EDIT_SPAM: what decided it (MF_SPAM_*);
                                   kind 0: a lost byte (MF_LOST_*), or 0; MF_EDIT_CJK: what was lost (MF_CJK_*) */
} mf_edit_rec;

typedef struct mf_edits {
    mf_edit_rec *v;
    size_t n, cap;
    char *bytes;
    size_t nbytes, bytes_cap;
} mf_edits;

void mf_edits_clear(mf_edits *e);
void mf_edits_free(mf_edits *e);
/* Appends an edit; it must start at or after the end of the previous one. */
int mf_edits_add(mf_edits *e, const mf_edit_rec *rec, const char *repl, size_t len);

/* Writes the rule name of an edit ("utf8-as-cp1252 x2") into buf. */
void mf_edit_rule_name(const mf_edit_rec *rec, char *buf, size_t size);

/* Why the rule applied, for rules that say ("inside-word"), or NULL. */
const char *mf_edit_detail(const mf_edit_rec *rec);

#endif
