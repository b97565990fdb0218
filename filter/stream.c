/* stream.c: cuts the input into windows, repairs each, writes the result.
 *
 * A window ends after a newline, or, in a line longer than WINDOW_HARD,
 * before the first ASCII word that follows a space once it holds
 * WINDOW_ASCII ASCII bytes, as the repairs leave them (no escape
 * sequence, an entity as the character it stands for, no space or '?',
 * which may be a lost no-break space or byte; no repair
 * unit spans an ASCII byte, a word is judged whole)
 * and not inside an entity or escape sequence, or near
 * WINDOW_HARD after an ASCII byte (else on a character boundary). Where
 * windows end depends on the bytes alone, never on how they arrived (a line
 * is cut only once WINDOW_HARD bytes of it are seen), so the output does
 * not depend on the read size; and memory is bounded by WINDOW_HARD.
 * Counting those, which no repair adds or removes but the spam rule's,
 * rather than all bytes, which they remove, cuts the repaired
 * text where its input was cut: so a second run sees the same windows, and
 * fix(fix(x)) == fix(x) in long lines too. */
#include <stdlib.h>
#include <string.h>

#include "broken.h"
#include "charclass.h"
#include "cjk.h"
#include "cosmetic.h"
#include "decode.h"
#include "edits.h"
#include "grow.h"
#include "lexicon.h"
#include "mojifix.h"
#include "repair.h"
#include "simd.h"
#include "spam.h"

#define WINDOW_ASCII (4u * 1024)
#define WINDOW_HARD (64u * 1024)
#define PENDING_CAP (WINDOW_HARD + 1 + 64u * 1024)
#define OUT_CAP (64u * 1024)
/* Output of this size or more (a run of clean lines) is written from where
 * it lies, not copied into out first. */
#define DIRECT_MIN (16u * 1024)

struct mf_stream {
    mf_config cfg;
    mf_write_fn write;
    void *write_ctx;
    uint8_t *pending;     /* input not yet cut into a whole window */
    size_t npending;
    char *out;            /* output not yet handed to write */
    size_t nout;
    uint64_t offset;      /* input offset of the next unprocessed byte */
    uint64_t line, column; /* of the next byte to pass, kept only for on_edit */
    mf_repair *repair;
    mf_trie *words;       /* the user's promotional words, or NULL */
    mf_edits edits;
    uint8_t stop[256];    /* bytes that take a line off the ASCII fast path, */
    uint64_t amp, esc;    /* and two of them repeated in a word, or 0x80s (none) */
    int ascii_fast;       /* no rule on reads ASCII controls (--newlines, --strip-controls) */
    mf_liner lines;       /* simd.h's looks, in the version the CPU runs best */
    mf_classer classer;
    int status;           /* sticky: the first error */
    int finished;
};

/* True when a cut at p[i] could fall inside an entity or escape sequence
 * of the rules on (one that begins before i and has not ended by it): no
 * rule could then read it whole. Decided by the bytes before the cut. */
static int inside_sequence(const uint8_t *p, size_t i, unsigned rules)
{
    static const struct {
        unsigned rule;
        uint8_t opener;
        size_t max;
        int (*scan)(const uint8_t *, size_t);
    } seqs[] = {{MF_RULE_ENTITIES, '&', MF_ENTITY_MAX, mf_entity_scan},
                {MF_RULE_ANSI, 0x1B, MF_ANSI_MAX, mf_ansi_scan}};
    for (size_t k = 0; k < sizeof seqs / sizeof *seqs; k++) {
        if (!(rules & seqs[k].rule))
            continue;
        size_t from = i > seqs[k].max ? i - seqs[k].max : 0;
        const uint8_t *o = memchr(p + from, seqs[k].opener, i - from);
        for (; o; o = memchr(o + 1, seqs[k].opener, (size_t)(p + i - o - 1)))
            if (seqs[k].scan(o, (size_t)(p + i - o)) < 0)
                return 1;
    }
    return 0;
}

/* The length of the whole escape sequence or entity at p, of a rule on,
 * or 0; *ascii is what a repair leaves of it in ASCII bytes: none of an
 * escape, which goes; one of an entity that stands for an ASCII character. */
static size_t sequence_at(const uint8_t *p, size_t n, unsigned rules, size_t *ascii)
{
    int k = 0;
    uint32_t cp = 0x80;
    if (p[0] == 0x1B && (rules & MF_RULE_ANSI))
        k = mf_ansi_scan(p, n);
    else if (p[0] == '&' && (rules & MF_RULE_ENTITIES))
        k = mf_entity_decode(p, n, &cp);
    *ascii = cp < 0x80;
    return k > 0 ? (size_t)k : 0;
}

/* A hard cut on a character boundary at or before i, not between the two
 * halves of a CESU-8 pair (ED A0-AF xx | ED B0-BF xx). */
static size_t char_boundary(const uint8_t *p, size_t i)
{
    while (i > WINDOW_HARD - 3 && (p[i] & 0xC0) == 0x80)
        i--;
    if (p[i] == 0xED && p[i - 3] == 0xED && p[i - 2] >= 0xA0 && p[i - 2] <= 0xAF)
        i -= 3;
    return i;
}

/* With --newlines, a window also ends after each line break that rule makes
 * a line feed, as it ends after one: fix(fix(x)) then meets the windows
 * fix(x) did (the entity rule, for one, looks for "<" in its window). CR
 * ends one where what follows is known not to be LF; NEL only when the c1
 * rule does not read it. Looks at p[from..to) of the n bytes there are;
 * returns the end, 0 for none, or SIZE_MAX when more input is needed. */
static size_t break_end(const uint8_t *p, size_t n, size_t from, size_t to, int final,
                        unsigned rules)
{
    for (size_t i = from; i < to; i++) {
        if (p[i] == '\r' && i + 1 < n && p[i + 1] != '\n')
            return i + 1;
        if (p[i] == '\r' && i + 1 == n)
            return final ? n : SIZE_MAX;
        if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
            return i + 3;
        if (p[i] == 0xC2 && i + 1 < n && p[i + 1] == 0x85 && !(rules & MF_RULE_C1))
            return i + 2;
    }
    return 0;
}

/* Length of the window at p, or 0 when more input is needed to know it.
 * The first `known` bytes are known to hold no window end (they were looked
 * at before, with less input): small writes do not rescan them. */
static size_t window_length(const uint8_t *p, size_t n, int final, size_t known, unsigned rules)
{
    size_t limit = n < WINDOW_HARD ? n : WINDOW_HARD;
    const uint8_t *nl = known < limit ? memchr(p + known, '\n', limit - known) : NULL;
    if (rules & MF_RULE_NEWLINES) { /* a break split by the last read is looked at again */
        size_t end = break_end(p, n, known > 3 ? known - 3 : 0, nl ? (size_t)(nl - p) : limit,
                               final, rules);
        if (end)
            return end == SIZE_MAX ? 0 : end;
    }
    if (nl)
        return (size_t)(nl - p) + 1;
    if (n < WINDOW_HARD) /* the line may end before WINDOW_HARD: not cut */
        return final ? n : 0;
    size_t count = 0, ascii;
    int after_space = 0; /* as the repairs leave the text */
    for (size_t i = 0; i < limit; i++) {
        if (p[i] >= 0x80) {
            after_space = 0;
            continue;
        }
        size_t seq = sequence_at(p + i, limit - i, rules, &ascii);
        if (seq) { /* an escape goes; an entity becomes one character */
            count += ascii;
            after_space &= p[i] == 0x1B;
            i += seq - 1;
            continue;
        }
        if (count >= WINDOW_ASCII && after_space && mf_ascii_alnum(p[i]) &&
            !inside_sequence(p, i, rules))
            return i;
        /* A space may be a lost no-break space, a '?' a lost byte. */
        count += p[i] != ' ' && p[i] != '?';
        after_space = p[i] == ' ';
    }
    if (n > WINDOW_HARD) {
        /* After an ASCII blank or mark, where no repair unit or word goes
         * on (a cut inside "Ã©" would leave both halves broken, one after
         * "caf" leaves "Ã©" with no word to judge it by); else after any
         * ASCII byte; else on a character boundary. */
        size_t any = 0;
        for (size_t i = WINDOW_HARD; i > WINDOW_HARD - 4096; i--) {
            if (p[i - 1] >= 0x80 || inside_sequence(p, i, rules))
                continue;
            if (!mf_ascii_alnum(p[i - 1]))
                return i;
            any = any ? any : i;
        }
        return any ? any : char_boundary(p, WINDOW_HARD);
    }
    return final ? n : 0;
}

static int flush_out(mf_stream *s)
{
    if (s->nout && s->status == MF_OK && s->write(s->write_ctx, s->out, s->nout) != 0)
        s->status = MF_ERR_OUTPUT;
    s->nout = 0;
    return s->status;
}

static int emit(mf_stream *s, const void *bytes, size_t len)
{
    if (len == 0)
        return s->status;
    if ((s->nout + len > OUT_CAP || len >= DIRECT_MIN) && flush_out(s) != MF_OK)
        return s->status;
    if (len >= DIRECT_MIN) {
        if (s->write(s->write_ctx, bytes, len) != 0)
            s->status = MF_ERR_OUTPUT;
        return s->status;
    }
    memcpy(s->out + s->nout, bytes, len);
    s->nout += len;
    return MF_OK;
}

static uint64_t count_chars(const uint8_t *p, size_t n)
{
    uint64_t chars = 0;
    for (size_t i = 0; i < n; chars++) {
        uint32_t cp;
        int k = mf_utf8_decode(p + i, n - i, &cp);
        i += k ? (size_t)k : 1;
    }
    return chars;
}

/* Moves the line and column past input bytes p[0..n). Only edit reports
 * use them, so the work is done only for a caller that wants those. */
static void advance(mf_stream *s, const uint8_t *p, size_t n)
{
    if (!s->cfg.on_edit)
        return;
    const uint8_t *nl, *rest = p, *end = p + n;
    while ((nl = memchr(rest, '\n', (size_t)(end - rest))) != NULL) {
        s->line++;
        s->column = 0;
        rest = nl + 1;
    }
    s->column += count_chars(rest, (size_t)(end - rest));
}

static void report_edit(mf_stream *s, const uint8_t *w, const mf_edit_rec *rec)
{
    char rule[128];
    mf_edit_rule_name(rec, rule, sizeof rule);
    mf_edit e = {s->offset + rec->start, rec->end - rec->start,
                 s->edits.bytes + rec->repl_at, rec->repl_len, rule,
                 (const char *)w + rec->start, s->line, s->column + 1, mf_edit_detail(rec)};
    s->cfg.on_edit(s->cfg.edit_ctx, &e);
}

/* Writes a window with its edits applied. */
static int apply_edits(mf_stream *s, const uint8_t *w, size_t len)
{
    size_t at = 0;
    for (size_t i = 0; i < s->edits.n && s->status == MF_OK; i++) {
        const mf_edit_rec *rec = &s->edits.v[i];
        if (s->cfg.on_edit) {
            advance(s, w + at, rec->start - at);
            report_edit(s, w, rec);
            advance(s, w + rec->start, rec->end - rec->start);
        }
        emit(s, w + at, rec->start - at);
        emit(s, s->edits.bytes + rec->repl_at, rec->repl_len);
        at = rec->end;
    }
    advance(s, w + at, len - at);
    return emit(s, w + at, len - at);
}

static int process_window(mf_stream *s, const uint8_t *w, size_t len)
{
    /* Each rule runs only where its cheap look says it may have work; where
     * another rule may change the text, spam is looked for in the result.
     * An inert window (simd.h: CJK, Indic, Arabic... text) is proved to give
     * the byte rules nothing in one vector pass, before their looks; the
     * cosmetic rules have their own (NFC composes Hangul jamo), and so does
     * the CJK rule (mojibake through GBK is Han too). */
    unsigned rules = mf_inert(s->classer, w, len)
                         ? (s->cfg.rules & MF_RULE_SPAM) | mf_cosmetic_rules(w, len, s->cfg.rules) |
                               ((s->cfg.rules & MF_RULE_CJK) && mf_cjk_suspect(w, len) ? MF_RULE_CJK : 0)
                         : mf_repair_rules(w, len, s->cfg.rules);
    int spam = -1;
    if (!(rules & ~(unsigned)MF_RULE_SPAM) &&
        (!(rules & MF_RULE_SPAM) || !(spam = mf_spam_suspect(w, len, s->words)))) {
        advance(s, w, len);
        return emit(s, w, len);
    }
    mf_edits_clear(&s->edits);
    int rc = mf_repair_window(s->repair, w, len, rules, s->cfg.rules, spam, &s->edits);
    if (rc != MF_OK)
        return s->status = rc;
    return apply_edits(s, w, len);
}

/* Whether a byte of v is b (b repeated in pattern); a byte of 0x80s, in
 * place of b, finds none. */
static inline uint64_t has_byte(uint64_t v, uint64_t pattern)
{
    uint64_t x = v ^ pattern;
    return (x - 0x0101010101010101ull) & ~x & MF_HIGH_BITS;
}

/* Length of the leading run of whole ASCII lines without a byte of
 * s->stop (one that may begin an entity or escape sequence): they need no
 * repair and every line start is a window start, so they go out as one
 * block. None when the first `known` bytes hold no newline and nothing after
 * them does. Eight bytes at a time where none of them is a newline or a stop. */
static size_t ascii_lines(const mf_stream *s, const uint8_t *p, size_t n, size_t known)
{
    if (!s->ascii_fast || (known && (known >= n || !memchr(p + known, '\n', n - known))))
        return 0;
    const uint64_t nl = 0x0A0A0A0A0A0A0A0Aull;
    size_t i = 0, last_nl = 0;
    /* 64 bytes at a time (simd.h) while the whole block is within
     * WINDOW_HARD of the line's start, so that a line is left exactly where
     * the loop below would leave it. */
    while (i + 64 <= n && i + 64 - last_nl <= WINDOW_HARD) {
        uint64_t stop, nls = s->lines(p + i, (uint8_t)s->amp, (uint8_t)s->esc, &stop);
        if (stop)
            nls &= (stop & -stop) - 1; /* the newlines before the first stop */
        if (nls)
            last_nl = i + 64 - (size_t)__builtin_clzll(nls);
        if (stop)
            return last_nl;
        i += 64;
    }
    while (i < n && i - last_nl < WINDOW_HARD) {
        if (i + 8 <= n) {
            uint64_t v = mf_load8(p + i);
            if (!((v & MF_HIGH_BITS) | has_byte(v, nl) | has_byte(v, s->amp) |
                  has_byte(v, s->esc))) {
                i += 8;
                continue;
            }
        }
        if (s->stop[p[i]])
            break;
        if (p[i] == '\n')
            last_nl = i + 1;
        i++;
    }
    return last_nl;
}

/* Processes the whole windows at the start of p, whose first `known` bytes
 * hold no window end; returns the bytes used. What is left holds none. */
static size_t process(mf_stream *s, const uint8_t *p, size_t n, int final, size_t known)
{
    size_t at = 0;
    while (at < n && s->status == MF_OK) {
        size_t fast = ascii_lines(s, p + at, n - at, at ? 0 : known);
        if (fast) {
            advance(s, p + at, fast);
            emit(s, p + at, fast);
            at += fast;
            s->offset += fast;
            continue;
        }
        size_t w = window_length(p + at, n - at, final, at ? 0 : known, s->cfg.rules);
        if (w == 0)
            break;
        process_window(s, p + at, w);
        at += w;
        s->offset += w;
    }
    return at;
}

void mf_config_init(mf_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->rules = MF_RULES_DEFAULT;
}

mf_stream *mf_stream_new(const mf_config *cfg, mf_write_fn write, void *write_ctx)
{
    if (!cfg || !write)
        return NULL;
    mf_stream *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->cfg = *cfg;
    s->write = write;
    s->write_ctx = write_ctx;
    s->line = 1;
    memset(s->stop + 0x80, 1, 0x80);
    s->stop['&'] = (cfg->rules & MF_RULE_ENTITIES) != 0;
    s->stop[0x1B] = (cfg->rules & MF_RULE_ANSI) != 0;
    s->amp = s->stop['&'] ? 0x2626262626262626ull : MF_HIGH_BITS;
    s->esc = s->stop[0x1B] ? 0x1B1B1B1B1B1B1B1Bull : MF_HIGH_BITS;
    s->ascii_fast = !(cfg->rules & (MF_RULE_NEWLINES | MF_RULE_CONTROLS));
    s->lines = mf_simd_liner(mf_simd_path());
    s->classer = mf_simd_classer(mf_simd_path());
    s->pending = malloc(PENDING_CAP);
    s->out = malloc(OUT_CAP);
    s->repair = mf_repair_new();
    int rc = cfg->spam_words ? mf_trie_build(cfg->spam_words, cfg->spam_words_length, &s->words)
                             : MF_OK;
    if (!s->pending || !s->out || !s->repair || rc != MF_OK) {
        mf_stream_free(s);
        return NULL;
    }
    mf_repair_set_words(s->repair, s->words);
    s->cfg.spam_words = NULL; /* not kept */
    s->cfg.spam_words_length = 0;
    return s;
}

int mf_stream_write(mf_stream *s, const void *bytes, size_t length)
{
    if (!s)
        return MF_ERR_ARG;
    if (s->finished)
        return MF_ERR_STATE;
    const uint8_t *p = bytes;
    while (length && s->status == MF_OK) {
        if (s->npending == 0) {
            /* Nothing held back: repair straight from the caller's buffer. */
            size_t used = process(s, p, length, 0, 0);
            if (s->status != MF_OK)
                break;
            p += used;
            length -= used;
            memcpy(s->pending, p, length);
            s->npending = length;
            break;
        }
        /* Only what completes the held-back line is copied: the rest is
         * repaired straight from the caller's buffer in the next round. The
         * output does not depend on how the input is split into writes. */
        const uint8_t *nl = memchr(p, '\n', length);
        size_t take = nl ? (size_t)(nl - p) + 1 : length;
        if (take > PENDING_CAP - s->npending)
            take = PENDING_CAP - s->npending;
        memcpy(s->pending + s->npending, p, take);
        s->npending += take;
        p += take;
        length -= take;
        /* What was held back holds no window end: only the new bytes are news. */
        size_t used = process(s, s->pending, s->npending, 0, s->npending - take);
        memmove(s->pending, s->pending + used, s->npending - used);
        s->npending -= used;
    }
    return s->status;
}

int mf_stream_finish(mf_stream *s)
{
    if (!s)
        return MF_ERR_ARG;
    if (s->finished)
        return MF_ERR_STATE;
    s->finished = 1;
    size_t used = process(s, s->pending, s->npending, 1, 0);
    s->npending -= used;
    return flush_out(s);
}

int mf_stream_reset(mf_stream *s)
{
    if (!s)
        return MF_ERR_ARG;
    /* Windows are repaired one by one and keep nothing of each other: the
     * repair's scratch memory holds no state from one input to the next. */
    s->npending = 0;
    s->nout = 0;
    s->offset = 0;
    s->line = 1;
    s->column = 0;
    s->status = MF_OK;
    s->finished = 0;
    return MF_OK;
}

void mf_stream_free(mf_stream *s)
{
    if (!s)
        return;
    free(s->pending);
    free(s->out);
    mf_repair_free(s->repair);
    mf_trie_free(s->words);
    mf_edits_free(&s->edits);
    free(s);
}

int mf_fix_buffer(const mf_config *cfg, const char *in, size_t length, char **out,
                  size_t *out_length)
{
    mf_config def;
    if (!cfg) {
        mf_config_init(&def);
        cfg = &def;
    }
    if (!out || !out_length || (!in && length))
        return MF_ERR_ARG;
    mf_bytes g = {0};
    mf_stream *s = mf_stream_new(cfg, mf_bytes_add, &g);
    if (!s)
        return MF_ERR_NOMEM;
    int rc = mf_stream_write(s, in, length);
    if (rc == MF_OK)
        rc = mf_stream_finish(s);
    mf_stream_free(s);
    /* A failed write here can only be a failed allocation. */
    if (rc == MF_ERR_OUTPUT)
        rc = MF_ERR_NOMEM;
    if (rc != MF_OK) {
        free(g.p);
        return rc;
    }
    if (!g.p && !(g.p = malloc(1)))
        return MF_ERR_NOMEM;
    *out = g.p;
    *out_length = g.n;
    return MF_OK;
}
