#!/bin/sh
# tests/man_page.sh: doc/mojifix.1 and README.md name every option that
# `mojifix --help` lists, and the man page names no option --help does not;
# its ENVIRONMENT section names every variable the program reads (getenv);
# the page renders without a warning, by groff and man where they are
# installed (else mandoc -T lint; with neither, only the options are
# checked, and the test says so).
#
# Usage: sh tests/man_page.sh MOJIFIX SOURCE_DIR
set -eu
. "$(dirname "$0")/setup.sh"
mojifix=$1
page=$2/doc/mojifix.1
readme=$2/README.md

# Options as written: --long-name, and -X at the start of a help line.
"$mojifix" --help >"$tmp/help"
{
    grep -o -- '--[a-z][a-z0-9-]*' "$tmp/help"
    sed -n 's/^  \(-[a-zA-Z]\)[,[ ].*/\1/p' "$tmp/help"
} | sort -u >"$tmp/options"
[ "$(wc -l <"$tmp/options")" -ge 10 ] || fail "found only $(wc -l <"$tmp/options") options in --help"
sed 's/\\-/-/g; s/\\f[BIRP]//g' "$page" >"$tmp/page"
while IFS= read -r o; do
    grep -q -- "$o\\b" "$tmp/page" || fail "$o is in --help but not in doc/mojifix.1"
    grep -q -- "\`$o" "$readme" || fail "$o is in --help but not in README.md's option table"
done <"$tmp/options"
grep -o -- '--[a-z][a-z0-9-]*' "$tmp/page" | sort -u >"$tmp/page_options"
while IFS= read -r o; do
    case $o in --pipe | --keep-order | --block) continue ;; esac # parallel's, in EXAMPLES
    grep -qx -- "$o" "$tmp/options" || fail "$o is in doc/mojifix.1 but not in --help"
done <"$tmp/page_options"
[ $failed -eq 0 ] && echo "ok   the $(wc -l <"$tmp/options") options of --help are in the man page and README"

# Every environment variable the program reads is in the page's ENVIRONMENT.
sed -n '/^\.SH ENVIRONMENT/,/^\.SH [^E]/p' "$page" >"$tmp/environment"
grep -rhoE 'getenv\("[A-Z_]+"\)' "$2/filter" | sed 's/getenv("\(.*\)")/\1/' | sort -u >"$tmp/variables"
[ -s "$tmp/variables" ] || fail "found no getenv in filter/"
while IFS= read -r v; do
    grep -q "^\.B $v\$" "$tmp/environment" || fail "$v is read by the program but not in doc/mojifix.1's ENVIRONMENT"
done <"$tmp/variables"

if command -v groff >/dev/null 2>&1; then
    groff -man -Tutf8 -ww -z "$page" 2>"$tmp/warnings" || fail "groff failed"
    if command -v man >/dev/null 2>&1; then
        MANWIDTH=80 man --warnings -l "$page" 2>>"$tmp/warnings" >/dev/null || fail "man -l failed"
    fi
    checker="groff -ww and man --warnings"
elif command -v mandoc >/dev/null 2>&1; then
    mandoc -T lint -W warning "$page" >"$tmp/warnings" 2>&1 || true
    checker="mandoc -T lint"
else
    checker=
    echo "note neither groff nor mandoc is installed: the rendering is not checked"
fi
if [ -n "$checker" ]; then
    if [ -s "$tmp/warnings" ]; then
        fail "$checker warn about doc/mojifix.1:"
        cat "$tmp/warnings" >&2
    else
        echo "ok   $checker render doc/mojifix.1 without a warning"
    fi
fi
exit $failed
