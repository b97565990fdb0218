/* compose.h: two rounds of edits made one, so that a window can be repaired
 * until repairing it again would change nothing (fix(fix(x)) == fix(x)),
 * while its edits still say, against the input, what changed. */
#ifndef MF_COMPOSE_H
#define MF_COMPOSE_H

#include <stddef.h>
#include <stdint.h>

#include "edits.h"

/* Writes into *out (of *cap bytes, grown with mf_grow) a[0..alen) with the
 * edits applied; sets *outlen. Returns MF_OK or MF_ERR_NOMEM. */
int mf_edits_apply(const mf_edits *e, const uint8_t *a, size_t alen, uint8_t **out,
                   size_t *cap, size_t *outlen);

/* first turns a into b (b = mf_edits_apply(first, a)); second are edits on
 * b. Appends to out the edits on a that give second's result directly. An
 * edit of second that touches what an edit of first wrote absorbs it, and
 * the merged edit keeps second's rule; one that ends up replacing bytes by
 * the same bytes is dropped. Returns MF_OK or MF_ERR_NOMEM. */
int mf_edits_compose(const mf_edits *first, const uint8_t *a, const uint8_t *b,
                     const mf_edits *second, mf_edits *out);

#endif
