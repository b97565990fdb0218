/* broken.h: the "broken text" rules, which read a sequence of bytes as the
 * character it stands for: C1 controls (c1.c), CESU-8 and modified UTF-8
 * (cesu.c), HTML entities (entities.c) and ANSI escape sequences (ansi.c,
 * which stand for nothing). decode.c makes one character of each sequence,
 * flagged with its rule, so that the mojibake search sees the character and
 * the edit covers the whole sequence. */
#ifndef MF_BROKEN_H
#define MF_BROKEN_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

/* ---- c1.c ---- */

/* Reads each C1 control (U+0080-U+009F) that no other rule made as the
 * Windows-1252 character of its byte, flagging it MF_CHAR_C1; the five
 * bytes cp1252 leaves undefined stay. */
void mf_c1_mark(mf_char *c, size_t n);

/* True when buf[0..len) holds a C1 control (C2 80-C2 9F). */
int mf_c1_suspect(const uint8_t *buf, size_t len);

/* ---- cesu.c ---- */

/* Kinds of CESU-8 / modified UTF-8 sequences. */
enum {
    MF_CESU_PAIR = 1, /* a surrogate pair encoded half by half: 6 bytes */
    MF_CESU_LONE = 2, /* an encoded surrogate without its other half: 3 bytes */
    MF_CESU_NUL = 4   /* C0 80, Java's NUL: 2 bytes */
};

/* Length of the sequence of one of `kinds` at s[0..len), with the code
 * point it stands for (U+FFFD for a lone surrogate) and its kind; 0 if
 * none begins there. */
int mf_cesu_decode(const uint8_t *s, size_t len, unsigned kinds, uint32_t *cp, unsigned *kind);

/* The kinds a window may read, given the kinds it holds (`seen`) and
 * whether it has other invalid bytes: pairs always; a lone surrogate only in
 * otherwise valid UTF-8 (in cp1252 text "í" NBSP "«" has the same bytes);
 * C0 80 only beside a surrogate, the sign of Java's encoding. */
unsigned mf_cesu_allowed(unsigned seen, int other_invalid);

/* ---- entities.c ---- */

typedef struct mf_entity {
    const char *name; /* without "&" and ";" */
    uint32_t cp;
} mf_entity;

/* The HTML5 named character references (tables/entity_tables.c). */
extern const mf_entity mf_entities[];
extern const size_t mf_entity_count;

/* Longest entity read, "&" and ";" included: the longest name (31 letters)
 * escaped again up to three times ("&amp;amp;amp;name;"). */
#define MF_ENTITY_MAX 48

/* The syntax alone of the entity at s (s[0] == '&'), escaped again any
 * number of times ("&amp;eacute;"): its length, 0 if there is none, or -1
 * when s[0..len) is a proper prefix of a longer one. */
int mf_entity_scan(const uint8_t *s, size_t len);

/* Length of the entity at s (s[0] == '&') that plain text reads, with the
 * code point; 0 if there is none. s[0..len) is all the input there is. */
int mf_entity_decode(const uint8_t *s, size_t len, uint32_t *cp);

/* True when the window buf[0..len) reads its entities: it holds no "<"
 * (it may be HTML) and one of its entities is glued to a word (text that
 * names entities sets them apart). */
int mf_entities_read(const uint8_t *buf, size_t len);

/* ---- ansi.c ---- */

/* Longest escape sequence removed (an OSC 8 hyperlink holds a URL). */
#define MF_ANSI_MAX 1024

/* The escape sequence at s (s[0] == ESC): its length, 0 if there is none,
 * or -1 when s[0..len) is a proper prefix of one. */
int mf_ansi_scan(const uint8_t *s, size_t len);

#endif
