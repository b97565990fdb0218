#!/bin/sh
# property_big: the lossless promise on one 100 MB line with no newline,
# through the command: revert(fix(x)) == x by the edit log, and
# fix(fix(x)) == fix(x). The line is real words with a broken one in every
# ~500 (deterministic: the same bytes on every run), so that the run stays
# cheap: about four passes over 100 MB.
# Usage: sh tests/property_big.sh MOJIFIX [MEGABYTES]
set -eu
LC_ALL=C
export LC_ALL
mojifix=$1
mb=${2:-100}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mojifix-big.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp/in" "$mb" <<'PY'
import random, sys
rnd = random.Random(20261123)
words = "the of and a to in is was for on that with as by at from his her it an".split()
broken = ["caf\u00c3\u00a9", "cr\u00c3\u00a8me", "s\u00e2\u20ac\u2122il", "\u00d0\u0178\u00d1\u20ac\u00d0\u00b8",
          "\u221a\u00a9t\u221a\u00a9", "na\u00c3\u00afve", "\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2"]
parts = []
for i in range(20000):
    parts.append(rnd.choice(broken) if rnd.random() < 1 / 500 else rnd.choice(words))
block = (" ".join(parts) + " ").encode("utf-8") + b"\xe9 "  # and one invalid byte
size = int(sys.argv[2]) * 1000 * 1000
with open(sys.argv[1], "wb") as f:
    for _ in range(size // len(block)):
        f.write(block)
    f.write(block[: size % len(block)])
PY
"$mojifix" --log "$tmp/log" "$tmp/in" >"$tmp/out"
"$mojifix" --revert "$tmp/log" "$tmp/out" | cmp - "$tmp/in"
echo "revert(fix(x)) == x on a $(wc -c <"$tmp/in")-byte line, $(grep -c '"type":"edit"' "$tmp/log") edits"
"$mojifix" "$tmp/out" | cmp - "$tmp/out"
echo "fix(fix(x)) == fix(x)"
