/* jsonfield.h: where a top-level member's value lies in the bytes of a JSON
 * object. jansson decodes a record but does not say where its values are,
 * so this minimal scan finds them; it relies on jansson having parsed the
 * same bytes (a valid JSON object, valid UTF-8) and checks nothing itself. */
#ifndef MF_CLI_JSONFIELD_H
#define MF_CLI_JSONFIELD_H

#include <stddef.h>

/* Scans the object p[0..n) for top-level members named name[0..name_len)
 * (compared as decoded, so "te\u0078t" is "text"). Returns how many there
 * are, with the first one's value, quotes included, at [*start, *end);
 * -1 when a key's escapes could not be decoded (out of memory). */
int jsonfield_find(const char *p, size_t n, const char *name, size_t name_len,
                   size_t *start, size_t *end);

#endif
