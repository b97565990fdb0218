/* jsonl.h: --jsonl, one JSON Lines record repaired: only its top-level
 * string member `field`, as decoded (mojibake hides in \u escapes too), by
 * libmojifix with all the enabled rules. When the value changes, its bytes
 * in the record are replaced by the repaired value, encoded by jansson (in
 * ASCII with \u escapes when the old value was all ASCII, as Python's json
 * writes it); every other byte of the record stays. */
#ifndef MF_CLI_JSONL_H
#define MF_CLI_JSONL_H

#include <stddef.h>

#include "mojifix.h"

typedef struct jsonl jsonl;

enum {
    JSONL_SAME = 0,   /* the record needs no change */
    JSONL_CHANGED = 1, /* replace [start, end) by json */
    JSONL_MALFORMED = 2 /* not an object with one string member field: why says */
};

/* What jsonl_fix found in a record. */
typedef struct jsonl_result {
    size_t start, end;  /* the value's bytes in the record, quotes included */
    const char *json;   /* JSONL_CHANGED: the new value, encoded */
    size_t json_length;
    char why[200];      /* JSONL_MALFORMED: what is wrong */
} jsonl_result;

/* A repairer of records for field, by cfg (its on_edit gets the value's
 * edits, offsets in the decoded value). NULL when out of memory. */
jsonl *jsonl_new(const mf_config *cfg, const char *field);
void jsonl_free(jsonl *j);

/* Repairs the record p[0..n) (a line without its end). Returns a JSONL_*
 * code, or an mf_status (negative) on failure. The result is valid until
 * the next call. */
int jsonl_fix(jsonl *j, const char *p, size_t n, jsonl_result *r);

#endif
