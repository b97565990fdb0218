/* jsonlrun.c: the records of one input (jsonlrun.h). */
#include "jsonlrun.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "jsonl.h"
#include "say.h"

/* Warnings told per input; past them, one count at the end, so that a file
 * that is not JSON Lines at all does not bury the terminal. */
#define MAX_WARNINGS 20

typedef struct records {
    fix_ctx *c;
    jsonl *j;
    uint64_t line;     /* of the record at hand, 1-based */
    uint64_t at;       /* its input offset */
    uint64_t malformed;
    mf_bytes held;     /* a line begun in an earlier read */
} records;

static void warn(records *rs, const char *why)
{
    if (++rs->malformed <= MAX_WARNINGS)
        say(rs->c->name, "line %" PRIu64 ": %s; passed through unchanged", rs->line, why);
}

/* A blank line is no record: it passes without a warning. */
static int blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
            return 0;
    return 1;
}

/* The 1-based column, in characters, of p[n] (p is UTF-8: jansson read it). */
static uint64_t column(const char *p, size_t n)
{
    uint64_t col = 1;
    for (size_t i = 0; i < n; i++)
        col += ((unsigned char)p[i] & 0xC0) != 0x80;
    return col;
}

/* The record's log entry: its value's bytes replaced. */
static void log_change(records *rs, const char *p, const jsonl_result *r)
{
    mf_edit e = {rs->at + r->start, (uint32_t)(r->end - r->start), r->json,
                 (uint32_t)r->json_length, "jsonl-field", p + r->start, rs->line,
                 column(p, r->start), rs->c->job->jsonl_field};
    editlog_edit(rs->c->job->log, &e);
}

/* Writes p[0..n) with [skip, skip + body) repaired as a record. */
static int record(records *rs, const char *p, size_t n, size_t skip, size_t body)
{
    fix_ctx *c = rs->c;
    c->record_line = rs->line;
    jsonl_result r;
    int rc = JSONL_SAME;
    if (!blank(p + skip, body))
        rc = jsonl_fix(rs->j, p + skip, body, &r);
    if (rc < 0)
        return rc;
    if (rc == JSONL_MALFORMED)
        warn(rs, r.why);
    /* An edit's lengths are 32-bit (mf_edit): a log could not undo more. */
    if (rc == JSONL_CHANGED && c->job->log &&
        (r.end - r.start > UINT32_MAX || r.json_length > UINT32_MAX)) {
        warn(rs, "the value is 4 GiB or more, past what the edit log holds");
        rc = JSONL_SAME;
    }
    if (rc != JSONL_CHANGED)
        return fix_write(c, p, n) ? MF_ERR_OUTPUT : MF_OK;
    r.start += skip;
    r.end += skip;
    if (c->job->log)
        log_change(rs, p, &r);
    if (fix_write(c, p, r.start) || fix_write(c, r.json, r.json_length) ||
        fix_write(c, p + r.end, n - r.end))
        return MF_ERR_OUTPUT;
    return MF_OK;
}

/* A whole line p[0..n), its end included if it has one. */
static int line(records *rs, const char *p, size_t n)
{
    size_t body = n;
    if (body && p[body - 1] == '\n')
        body--;
    if (body && p[body - 1] == '\r')
        body--;
    size_t skip = rs->line == 1 && body >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3) ? 3 : 0;
    int rc = record(rs, p, n, skip, body - skip);
    rs->at += n;
    rs->line++;
    return rc;
}

/* The lines of buf[0..n): whole ones straight from it, the end of one
 * begun before from what is held. */
static int lines(records *rs, const char *buf, size_t n)
{
    int rc = MF_OK;
    for (const char *p = buf, *end = buf + n; p < end && rc == MF_OK;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t k = nl ? (size_t)(nl + 1 - p) : (size_t)(end - p);
        if ((!nl || rs->held.n) && mf_bytes_add(&rs->held, p, k) != 0)
            rc = MF_ERR_NOMEM;
        if (nl && rc == MF_OK) {
            rc = rs->held.n ? line(rs, rs->held.p, rs->held.n) : line(rs, p, k);
            rs->held.n = 0;
        }
        p += k;
    }
    return rc;
}

int jsonl_pump(fix_ctx *c, const mf_config *cfg, char *buf, size_t n)
{
    records rs = {c, jsonl_new(cfg, c->job->jsonl_field), 1, 0, 0, {NULL, 0, 0}};
    if (!rs.j)
        return MF_ERR_NOMEM;
    int rc = MF_OK;
    for (; rc == MF_OK && n; n = fix_read(c, buf, FIX_READ_SIZE))
        rc = lines(&rs, buf, n);
    /* A last line without \n is a record; after a read error, what was
     * read of a line is passed on as it is. */
    if (rc == MF_OK && rs.held.n)
        rc = c->r->read_err ? (fix_write(c, rs.held.p, rs.held.n) ? MF_ERR_OUTPUT : MF_OK)
                            : line(&rs, rs.held.p, rs.held.n);
    if (rs.malformed > MAX_WARNINGS)
        say(c->name, "%" PRIu64 " lines in all passed through unchanged, not records with "
                     "the field", rs.malformed);
    jsonl_free(rs.j);
    free(rs.held.p);
    return rc;
}
