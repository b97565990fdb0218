#!/bin/sh
# The two commands at the top of README.md (its first ```sh block) must be
# the ones .ci/run runs (the lines between its "README commands" markers).
# Usage: sh tests/readme_commands.sh SOURCE_DIR
set -eu
src=${1:-.}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mojifix-readme.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

awk '/^```sh$/ && !seen { inside = 1; seen = 1; next }
     inside && /^```$/ { exit }
     inside { print }' "$src/README.md" >"$tmp/readme"
awk '/^# ---- README commands ----$/ { inside = 1; next }
     /^# ---- end of README commands ----$/ { exit }
     inside { print }' "$src/.ci/run" >"$tmp/ci"

if [ "$(wc -l <"$tmp/readme")" -ne 2 ]; then
    echo "README.md: the first \`\`\`sh block should hold exactly two commands, not:" >&2
    cat "$tmp/readme" >&2
    exit 1
fi
if ! cmp -s "$tmp/readme" "$tmp/ci"; then
    echo "README.md's two commands and .ci/run's differ:" >&2
    diff -u "$tmp/readme" "$tmp/ci" >&2 || true
    exit 1
fi
echo "README.md and .ci/run run the same two commands:"
cat "$tmp/readme"
