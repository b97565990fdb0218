#!/bin/sh
# tests/install.sh: `cmake --install` into a temporary DESTDIR and prefix
# puts every file in place (the program, both libraries, the header,
# mojifix.pc, the man page); the shared library has its SONAME and exports
# exactly the MF_API functions of mojifix.h; and the C example of README.md,
# built by the README's own two cc commands through pkg-config (shared, then
# static), prints the output the README shows.
#
# Usage: sh tests/install.sh BUILD_DIR SOURCE_DIR
set -eu
. "$(dirname "$0")/setup.sh"
build=$1
src=$2

DESTDIR=$tmp/dest cmake --install "$build" --prefix /opt/mojifix >"$tmp/install.log"
root=$tmp/dest/opt/mojifix
pc=$(find "$root" -name mojifix.pc)
[ -n "$pc" ] || { echo "FAIL no mojifix.pc installed" >&2; cat "$tmp/install.log" >&2; exit 1; }
libdir=$(dirname "$(dirname "$pc")")
for f in bin/mojifix include/mojifix.h share/man/man1/mojifix.1 \
         "${libdir#"$root"/}/libmojifix.a" "${libdir#"$root"/}/libmojifix.so"; do
    [ -e "$root/$f" ] && echo "ok   installed $f" || fail "not installed: $f"
done
cmp -s "$root/share/man/man1/mojifix.1" "$src/doc/mojifix.1" || fail "installed man page differs"
"$root/bin/mojifix" --version | grep -q '^mojifix [0-9]' || fail "installed mojifix --version"

# The SONAME, and the exported symbols: the functions the header marks MF_API.
so=$(readlink -f "$libdir/libmojifix.so")
readelf -d "$so" | grep -q 'SONAME.*\[libmojifix\.so\.0\]' || fail "no SONAME libmojifix.so.0 in $so"
[ -e "$libdir/libmojifix.so.0" ] || fail "no libmojifix.so.0 link"
sed -n 's/^MF_API [^(]*[ *]\(mf_[a-z_]*\)(.*/\1/p' "$root/include/mojifix.h" | sort >"$tmp/api"
nm -D --defined-only "$so" | awk '$2 == "T" { print $3 }' | sort >"$tmp/exported"
if [ -s "$tmp/api" ] && cmp -s "$tmp/api" "$tmp/exported"; then
    echo "ok   libmojifix.so exports the $(wc -l <"$tmp/api") MF_API functions, nothing else"
else
    fail "exported symbols differ from the MF_API functions of mojifix.h:"
    diff "$tmp/api" "$tmp/exported" >&2 || true
fi

# README.md: the first ```c block, the cc commands after it, and the
# ```text block after those (what the example prints).
awk '/^```c$/ { c = 1; next } c && /^```$/ { exit } c' "$src/README.md" >"$tmp/example.c"
awk '/^```c$/ { c = 1 } c && /^    cc / { sub(/^    /, ""); sub(/ *#.*/, ""); print }
     c && /^```text$/ { exit }' "$src/README.md" >"$tmp/commands"
awk '/^```c$/ { c = 1 } c && /^```text$/ { t = 1; next } t && /^```$/ { exit } t' \
    "$src/README.md" >"$tmp/expected"
[ -s "$tmp/example.c" ] && [ -s "$tmp/expected" ] && [ "$(wc -l <"$tmp/commands")" -eq 2 ] ||
    { echo "FAIL README.md: no C example, or not its two cc commands and its output" >&2; exit 1; }

PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
n=0
while IFS= read -r command; do
    n=$((n + 1))
    kind=$([ $n -eq 1 ] && echo shared || echo static)
    rm -f "$tmp/example"
    if ! (cd "$tmp" && sh -c "$command") >"$tmp/cc.log" 2>&1; then
        fail "README's $kind build: $command"
        cat "$tmp/cc.log" >&2
        continue
    fi
    needs=$(readelf -d "$tmp/example" | grep -c 'NEEDED.*libmojifix' || true)
    if [ "$kind" = shared ] && [ "$needs" -ne 1 ]; then
        fail "the shared build does not load libmojifix.so.0"
    elif [ "$kind" = static ] && [ "$needs" -ne 0 ]; then
        fail "the static build loads libmojifix.so"
    fi
    if LD_LIBRARY_PATH=$libdir "$tmp/example" >"$tmp/got" && cmp -s "$tmp/got" "$tmp/expected"; then
        echo "ok   README's example, $kind, prints what the README says"
    else
        fail "README's example, $kind, prints otherwise:"
        diff "$tmp/expected" "$tmp/got" >&2 || true
    fi
done <"$tmp/commands"
exit $failed
