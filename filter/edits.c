/* edits.c: the edit list of a window, and rule names. */
#include "edits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cjk.h"
#include "codec.h"
#include "grow.h"
#include "mojifix.h"
#include "spam.h"

void mf_edits_clear(mf_edits *e)
{
    e->n = 0;
    e->nbytes = 0;
}

void mf_edits_free(mf_edits *e)
{
    free(e->v);
    free(e->bytes);
    memset(e, 0, sizeof *e);
}

/* The byte buffer is always allocated (one byte more than needed), so that
 * bytes + repl_at is a valid pointer even for an empty replacement. */
int mf_edits_add(mf_edits *e, const mf_edit_rec *rec, const char *repl, size_t len)
{
    mf_edit_rec *v = mf_grow(e->v, &e->cap, e->n + 1, sizeof *v);
    if (v)
        e->v = v;
    char *bytes = mf_grow(e->bytes, &e->bytes_cap, e->nbytes + len + 1, 1);
    if (bytes)
        e->bytes = bytes;
    if (!v || !bytes)
        return MF_ERR_NOMEM;
    mf_edit_rec *r = &e->v[e->n++];
    *r = *rec;
    r->repl_at = (uint32_t)e->nbytes;
    r->repl_len = (uint32_t)len;
    if (len) /* a removal has no replacement, and repl may be NULL */
        memcpy(e->bytes + e->nbytes, repl, len);
    e->nbytes += len;
    return MF_OK;
}

/* Codecs in break order: the innermost break (the last one undone) first. */
void mf_edit_rule_name(const mf_edit_rec *rec, char *buf, size_t size)
{
    static const char *const names[] = {
        [MF_EDIT_SPAM] = "spam-run",     [MF_EDIT_C1] = "c1-as-cp1252",
        [MF_EDIT_CESU] = "cesu-8",       [MF_EDIT_ENTITY] = "html-entity",
        [MF_EDIT_ANSI] = "ansi-escape",  [MF_EDIT_NFC] = "nfc",
        [MF_EDIT_NFKC] = "nfkc",         [MF_EDIT_QUOTE] = "straight-quote",
        [MF_EDIT_LIGATURE] = "ligature", [MF_EDIT_WIDTH] = "halfwidth",
        [MF_EDIT_NEWLINE] = "newline",   [MF_EDIT_CONTROL] = "control",
    };
    if (rec->kind == MF_EDIT_CJK) {
        mf_cjk_rule_name(rec->chain, buf, size);
        return;
    }
    if (rec->kind == MF_EDIT_INVALID) {
        snprintf(buf, size, "invalid-utf8-as-%s", mf_codecs[0].name);
        return;
    }
    if (rec->kind == MF_EDIT_LEGACY) {
        snprintf(buf, size, "%s-as-%s", mf_codecs[(rec->chain & 0xFF) - 1].name,
                 mf_codecs[((rec->chain >> 8) & 0xFF) - 1].name);
        return;
    }
    if (rec->kind) {
        snprintf(buf, size, "%s", names[rec->kind]);
        return;
    }
    int same = 1;
    uint32_t first = rec->chain & 0xFF;
    for (int i = 1; i < rec->levels; i++)
        same &= ((rec->chain >> (8 * i)) & 0xFF) == first;
    if (same) {
        if (rec->levels > 1)
            snprintf(buf, size, "utf8-as-%s x%d", mf_codecs[first - 1].name, rec->levels);
        else
            snprintf(buf, size, "utf8-as-%s", mf_codecs[first - 1].name);
        return;
    }
    size_t at = (size_t)snprintf(buf, size, "utf8-as-");
    for (int i = rec->levels - 1; i >= 0 && at < size; i--) {
        uint32_t k = (rec->chain >> (8 * i)) & 0xFF;
        at += (size_t)snprintf(buf + at, size - at, "%s%s", mf_codecs[k - 1].name, i ? "+" : "");
    }
}

const char *mf_edit_detail(const mf_edit_rec *rec)
{
    static const char *const lost[] = {
        [MF_LOST_DROPPED] = "lost byte, dropped",
        [MF_LOST_REPLACED] = "lost byte, replaced by U+FFFD",
        [MF_LOST_QUESTION] = "lost byte, replaced by ?",
        [MF_LOST_KNOWN + MF_LOST_DROPPED] = "lost byte, dropped; one character fits",
        [MF_LOST_KNOWN + MF_LOST_REPLACED] = "lost byte, replaced by U+FFFD; one character fits",
        [MF_LOST_KNOWN + MF_LOST_QUESTION] = "lost byte, replaced by ?; one character fits",
    };
    if (rec->kind == MF_EDIT_CJK)
        return mf_cjk_detail(rec->signal);
    if (rec->kind == MF_EDIT_SPAM)
        return mf_spam_signal_name(rec->signal);
    return rec->kind == 0 && rec->signal ? lost[rec->signal] : NULL;
}
