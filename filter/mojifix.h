/* mojifix.h: the one public header of libmojifix.
 *
 * libmojifix repairs text: UTF-8 that was mis-decoded through a legacy codec
 * and re-encoded (mojibake). Every change is an edit against input offsets,
 * so a caller can explain, log or undo it. The library never prints, never
 * exits and never touches files: it returns an mf_status.
 */
#ifndef MOJIFIX_H
#define MOJIFIX_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MF_VERSION "0.1.0"

/* The shared library exports these declarations only (it is built with
 * hidden visibility). */
#if defined(__GNUC__) && __GNUC__ >= 4
#define MF_API __attribute__((visibility("default")))
#else
#define MF_API
#endif

/* Status codes: 0 is success, errors are negative. */
typedef enum mf_status {
    MF_OK = 0,
    MF_ERR_NOMEM = -1,  /* an allocation failed */
    MF_ERR_ARG = -2,    /* a bad argument (NULL stream, unknown codec name) */
    MF_ERR_OUTPUT = -3, /* the output callback reported a failure */
    MF_ERR_STATE = -4,  /* the stream was used after mf_stream_finish */
    MF_ERR_UNICODE = -5 /* ICU's normalization data could not be loaded */
} mf_status;

/* A static English description of a status code. */
MF_API const char *mf_strerror(int status);

/* The library version, MF_VERSION at build time. */
MF_API const char *mf_version(void);

/* Rules that can be switched on or off (bits of mf_config.rules). */
enum {
    MF_RULE_MOJIBAKE = 1u << 0,    /* UTF-8 mis-decoded through a legacy codec */
    MF_RULE_INVALID_UTF8 = 1u << 1, /* bytes that are not UTF-8, read as cp1252 */
    MF_RULE_SPAM = 1u << 2,         /* runs of injected spam pushed into words */
    MF_RULE_C1 = 1u << 3,           /* C1 controls standing for cp1252 characters */
    MF_RULE_CESU = 1u << 4,         /* CESU-8 and Java's modified UTF-8 */
    MF_RULE_ENTITIES = 1u << 5,     /* HTML entities in text that is not HTML */
    MF_RULE_ANSI = 1u << 6,         /* ANSI terminal escape sequences, removed */
    /* Cosmetic rules, off by default: they change text that is not broken. */
    MF_RULE_NFC = 1u << 7,          /* Unicode normalization form C */
    MF_RULE_NFKC = 1u << 8,         /* form KC (compatibility); wins over NFC */
    MF_RULE_QUOTES = 1u << 9,       /* curly quotes made straight: ‘’‚‛ ' and “”„‟ " */
    MF_RULE_LIGATURES = 1u << 10,   /* Latin ligatures spelled out: ﬁ fi, Ĳ IJ */
    MF_RULE_HALFWIDTH = 1u << 11,   /* full-width forms to ASCII, half-width kana to kana */
    MF_RULE_NEWLINES = 1u << 12,    /* CRLF, CR, NEL, U+2028, U+2029 to LF */
    MF_RULE_CONTROLS = 1u << 13,    /* control characters and the BOM, removed */
    MF_RULE_LEGACY = 1u << 14,      /* one single-byte codec read as another ("Ïðèâåò") */
    MF_RULE_CJK = 1u << 15          /* mojibake through GBK, CP932, CP949, Big5 */
};
#define MF_RULES_DEFAULT (MF_RULE_MOJIBAKE | MF_RULE_INVALID_UTF8 | MF_RULE_SPAM | \
                          MF_RULE_C1 | MF_RULE_CESU | MF_RULE_ENTITIES | MF_RULE_ANSI | \
                          MF_RULE_LEGACY | MF_RULE_CJK)
/* All the cosmetic rules; and the set --cosmetic turns on, which keeps what
 * the text means and how it reads (not NFKC, which makes "²" a "2", nor
 * straight quotes, which undo typography on purpose). */
#define MF_RULES_COSMETIC (MF_RULE_NFC | MF_RULE_NFKC | MF_RULE_QUOTES | MF_RULE_LIGATURES | \
                           MF_RULE_HALFWIDTH | MF_RULE_NEWLINES | MF_RULE_CONTROLS)
#define MF_RULES_COSMETIC_SAFE (MF_RULE_NFC | MF_RULE_LIGATURES | MF_RULE_HALFWIDTH | \
                                MF_RULE_NEWLINES | MF_RULE_CONTROLS)

/* One change: input bytes [offset, offset + length) become replacement.
 * Offsets count from the first byte given to the stream. The pointers are
 * valid during the callback only; the byte strings are not NUL-terminated. */
typedef struct mf_edit {
    uint64_t offset;
    uint32_t length;
    const char *replacement;
    uint32_t replacement_length;
    const char *rule;        /* e.g. "utf8-as-macroman", "utf8-as-cp1252 x2" */
    const char *original;    /* the length input bytes replaced */
    uint64_t line;           /* 1-based line of offset (lines end with \n) */
    uint64_t column;         /* 1-based, in characters (an invalid byte is one) */
    const char *detail;      /* what decided a spam edit ("inside-word"), how a
                                character was lost ("lost byte, dropped"), or NULL */
} mf_edit;

/* Receives output bytes; returns 0, or nonzero to stop with MF_ERR_OUTPUT. */
typedef int (*mf_write_fn)(void *ctx, const char *bytes, size_t length);
/* Receives each edit as it is made, in input order. */
typedef void (*mf_edit_fn)(void *ctx, const mf_edit *edit);

typedef struct mf_config {
    unsigned rules;    /* MF_RULE_* bits; MF_RULES_DEFAULT by mf_config_init */
    mf_edit_fn on_edit; /* optional */
    void *edit_ctx;
    /* Optional: more promotional words for the spam rule, in addition to the
     * built-in lists, in their format: UTF-8 (NFC), one word or phrase per
     * line, lines starting with # ignored; matched regardless of case and
     * of the spaces inside. Read by mf_stream_new, not kept. */
    const char *spam_words;
    size_t spam_words_length;
} mf_config;

/* Fills cfg with the defaults. */
MF_API void mf_config_init(mf_config *cfg);

/* The streaming API. Memory stays bounded whatever the input, and the output
 * does not depend on how the input is split across mf_stream_write calls. */
typedef struct mf_stream mf_stream;

/* Returns NULL when out of memory. cfg is copied. */
MF_API mf_stream *mf_stream_new(const mf_config *cfg, mf_write_fn write, void *write_ctx);
/* Feeds input bytes; output is written through the callback as it is ready. */
MF_API int mf_stream_write(mf_stream *s, const void *bytes, size_t length);
/* Flushes what is held back at the end of the input. */
MF_API int mf_stream_finish(mf_stream *s);
/* Starts a new input on s, as a new stream would: offsets, lines and
 * columns count from the start again, an error is forgotten, and whatever
 * of the last input was not finished is dropped. The configuration and the
 * scratch memory stay, so that a caller with many small inputs (records)
 * pays for them once. */
MF_API int mf_stream_reset(mf_stream *s);
MF_API void mf_stream_free(mf_stream *s);

/* The buffer API: repairs in[0..length) into a new malloc'd buffer that the
 * caller frees. */
MF_API int mf_fix_buffer(const mf_config *cfg, const char *in, size_t length,
                  char **out, size_t *out_length);

/* Codecs known to the repair: the single-byte ones in the order they are
 * preferred on ties, then the double-byte ones of the CJK rule. */
MF_API size_t mf_codec_count(void);
/* The codec's short name (e.g. "cp1252"), or NULL past the end. */
MF_API const char *mf_codec_name(size_t index);

#ifdef __cplusplus
}
#endif
#endif
