/* editlog.c: writes the edit log (format in editlog.h). */
#include "editlog.h"

#include <errno.h>
#include <string.h>

#include "spool.h"
#include "utf8.h"

static void json_string(FILE *f, const char *p, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* ,"key":"text" or ,"key_hex":"6869" */
static void json_bytes(FILE *f, const char *key, const char *p, size_t n)
{
    if (utf8_valid(p, n)) {
        fprintf(f, ",\"%s\":", key);
        json_string(f, p, n);
        return;
    }
    fprintf(f, ",\"%s_hex\":\"", key);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%02x", (unsigned char)p[i]);
    fputc('"', f);
}

int editlog_start(editlog *l, FILE *out)
{
    FILE *spool = l->spool; /* kept: a caller may reuse one for many logs */
    memset(l, 0, sizeof *l);
    l->spool = spool;
    l->out = out;
    fprintf(out, "{\"type\":\"mojifix-log\",\"format\":%d,\"version\":", EDITLOG_FORMAT);
    json_string(out, mf_version(), strlen(mf_version()));
    fputs("}\n", out);
    return ferror(out) ? (l->err = errno ? errno : EIO) : 0;
}

int editlog_begin(editlog *l)
{
    l->delta = 0;
    l->edits = 0;
    if (!l->spool && !(l->spool = tmpfile()))
        return l->err = errno;
    rewind(l->spool);
    return 0;
}

void editlog_edit(editlog *l, const mf_edit *e)
{
    FILE *f = l->spool;
    if (!f)
        return;
    fprintf(f, "{\"type\":\"edit\",\"offset\":%llu,\"out_offset\":%llu,\"line\":%llu,"
               "\"column\":%llu,\"rule\":",
            (unsigned long long)e->offset, (unsigned long long)(e->offset + l->delta),
            (unsigned long long)e->line, (unsigned long long)e->column);
    json_string(f, e->rule, strlen(e->rule));
    if (e->detail) {
        fputs(",\"detail\":", f);
        json_string(f, e->detail, strlen(e->detail));
    }
    json_bytes(f, "before", e->original, e->length);
    json_bytes(f, "after", e->replacement, e->replacement_length);
    fputs("}\n", f);
    l->delta += (int64_t)e->replacement_length - (int64_t)e->length;
    l->edits++;
}

/* Copies the spooled edit records after the input record. */
static int copy_spool(editlog *l)
{
    long end = ftell(l->spool);
    if (end < 0 || ferror(l->spool))
        return errno ? errno : EIO;
    int err = spool_copy(l->spool, (uint64_t)end, spool_put_file, l->out);
    return err < 0 ? (errno ? errno : EIO) : err;
}

int editlog_end(editlog *l, const editlog_input *in)
{
    fputs("{\"type\":\"input\"", l->out);
    json_bytes(l->out, "name", in->name, strlen(in->name));
    fprintf(l->out, ",\"in_bytes\":%llu,\"out_bytes\":%llu,\"in_fnv1a64\":\"%016llx\","
                    "\"out_fnv1a64\":\"%016llx\",\"edits\":%llu}\n",
            (unsigned long long)in->in_bytes, (unsigned long long)in->out_bytes,
            (unsigned long long)in->in_hash, (unsigned long long)in->out_hash,
            (unsigned long long)l->edits);
    int err = copy_spool(l);
    if (!err && ferror(l->out))
        err = errno ? errno : EIO;
    if (err && !l->err)
        l->err = err;
    return err;
}

void editlog_discard(editlog *l)
{
    if (l->spool)
        rewind(l->spool);
    l->edits = 0;
}

int editlog_finish(editlog *l)
{
    if (l->spool)
        fclose(l->spool);
    l->spool = NULL;
    if (fflush(l->out) != 0 && !l->err)
        l->err = errno ? errno : EIO;
    return l->err;
}
