#!/bin/sh
# End-to-end tests of the mojifix program: golden cases from fixtures/cases,
# then scripted checks of the command line. See tests/e2e/README.md.
#
# Usage: sh tests/e2e/run.sh MOJIFIX SOURCE_DIR
#        MF_UPDATE=1 sh tests/e2e/run.sh MOJIFIX SOURCE_DIR   (rewrite the
#        golden expectations from what the program does now)
set -eu
LC_ALL=C
export LC_ALL

if [ $# -ne 2 ]; then
    echo "usage: $0 MOJIFIX SOURCE_DIR" >&2
    exit 2
fi
mojifix=$1
src=$2
case $mojifix in /*) ;; *) mojifix=$(pwd)/$mojifix ;; esac
case $src in /*) ;; *) src=$(pwd)/$src ;; esac
if [ ! -x "$mojifix" ]; then
    echo "$0: $mojifix is not an executable" >&2
    exit 2
fi
cases=$src/fixtures/cases
seeds=$src/fixtures/seeds
update=${MF_UPDATE:-0}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mojifix-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

passed=0
failed=0
pass() {
    passed=$((passed + 1))
    echo "ok   $1"
}
fail() {
    failed=$((failed + 1))
    echo "FAIL $1" >&2
    shift
    for line in "$@"; do
        echo "     $line" >&2
    done
}

# Shows where two files differ, for failure messages.
show_diff() {
    if command -v diff >/dev/null 2>&1; then
        diff -u "$1" "$2" | head -n 20 | sed 's/^/     /' >&2 || true
    fi
}

# ---- golden cases ----------------------------------------------------------
#
# fixtures/cases/NAME.in is standard input; NAME.args, if present, holds the
# arguments, one per line; mojifix runs in fixtures/cases, so that file
# arguments are relative to it. NAME.out is the expected standard output,
# NAME.err the expected standard error (none: it must be empty), NAME.exit
# the expected exit status (none: 0).

run_case() {
    name=$1
    set --
    if [ -f "$cases/$name.args" ]; then
        while IFS= read -r arg || [ -n "$arg" ]; do
            set -- "$@" "$arg"
        done <"$cases/$name.args"
    fi
    status=0
    (cd "$cases" && exec "$mojifix" "$@") <"$cases/$name.in" >"$tmp/out" 2>"$tmp/err" ||
        status=$?

    if [ "$update" = 1 ]; then
        cp "$tmp/out" "$cases/$name.out"
        if [ -s "$tmp/err" ]; then cp "$tmp/err" "$cases/$name.err"; else rm -f "$cases/$name.err"; fi
        if [ "$status" -ne 0 ]; then echo "$status" >"$cases/$name.exit"; else rm -f "$cases/$name.exit"; fi
        echo "updated $name"
        return
    fi

    want_status=0
    if [ -f "$cases/$name.exit" ]; then
        want_status=$(cat "$cases/$name.exit")
    fi
    if [ -f "$cases/$name.err" ]; then
        cp "$cases/$name.err" "$tmp/want_err"
    else
        : >"$tmp/want_err"
    fi
    ok=1
    if [ ! -f "$cases/$name.out" ]; then
        fail "case $name" "no $name.out (make it with MF_UPDATE=1, then check it by hand)"
        return
    fi
    if ! cmp -s "$tmp/out" "$cases/$name.out"; then
        fail "case $name: standard output differs from $name.out"
        show_diff "$cases/$name.out" "$tmp/out"
        ok=0
    fi
    if ! cmp -s "$tmp/err" "$tmp/want_err"; then
        fail "case $name: standard error differs from what is expected"
        show_diff "$tmp/want_err" "$tmp/err"
        ok=0
    fi
    if [ "$status" -ne "$want_status" ]; then
        fail "case $name: exit status $status, expected $want_status"
        ok=0
    fi
    if [ "$ok" = 1 ]; then
        pass "case $name"
    fi
}

ncases=0
for input in "$cases"/*.in; do
    [ -f "$input" ] || continue
    name=${input##*/}
    run_case "${name%.in}"
    ncases=$((ncases + 1))
done
if [ "$ncases" -eq 0 ]; then
    fail "golden cases" "no fixtures/cases/*.in found in $src"
fi
if [ "$update" = 1 ]; then
    echo "updated $ncases golden cases: review them with git diff before committing"
    exit 0
fi

# ---- scripted checks -------------------------------------------------------

# check NAME STATUS WANT_STATUS: records whether the exit status is right.
status_is() {
    if [ "$2" -eq "$3" ]; then
        return 0
    fi
    fail "$1: exit status $2, expected $3"
    return 1
}

# The seed files: clean (000), MacRoman mojibake (001), spam runs (002).
for n in 000 001 002; do
    status=0
    "$mojifix" "$seeds/$n.txt" >"$tmp/out" 2>"$tmp/err" || status=$?
    if ! cmp -s "$tmp/out" "$seeds/$n.expected.txt"; then
        fail "seed $n: output differs from $n.expected.txt"
        show_diff "$seeds/$n.expected.txt" "$tmp/out"
    elif [ -s "$tmp/err" ]; then
        fail "seed $n: unexpected standard error" "$(head -n 3 "$tmp/err")"
    elif status_is "seed $n" "$status" 0; then
        pass "seed $n"
    fi
done

# --help and --version (and their short forms): exit 0, say it on stdout.
for opt in --help -h --version -V; do
    status=0
    "$mojifix" "$opt" >"$tmp/out" 2>"$tmp/err" || status=$?
    if [ ! -s "$tmp/out" ]; then
        fail "$opt: nothing on standard output"
    elif [ -s "$tmp/err" ]; then
        fail "$opt: unexpected standard error" "$(head -n 3 "$tmp/err")"
    elif status_is "$opt" "$status" 0; then
        pass "$opt"
    fi
done
"$mojifix" --help >"$tmp/out" 2>&1 || true
if grep -q '^Usage: mojifix ' "$tmp/out"; then pass "--help says Usage"; else fail "--help does not start with a Usage line"; fi
# Every rule's switch is in --help and in the README's option table.
for opt in --no-mojibake --no-invalid --no-spam --no-c1 --no-cesu --no-cjk --no-entities --no-ansi --no-legacy; do
    if grep -q -- "^      $opt " "$tmp/out" && grep -q -- "^| \`$opt\` |" "$src/README.md"; then
        pass "$opt in --help and README.md"
    else
        fail "$opt: missing from --help or from README.md's option table"
    fi
done
"$mojifix" --version >"$tmp/out" 2>&1 || true
if grep -q '^mojifix [0-9][0-9.]*$' "$tmp/out"; then pass "--version says mojifix X.Y.Z"; else fail "--version: $(cat "$tmp/out")"; fi

# An unknown option: exit 2, a message on stderr, nothing on stdout.
status=0
echo text | "$mojifix" --no-such-option >"$tmp/out" 2>"$tmp/err" || status=$?
if ! grep -q "^mojifix: unknown option" "$tmp/err"; then
    fail "unknown option: no 'mojifix: unknown option' on standard error" "$(cat "$tmp/err")"
elif [ -s "$tmp/out" ]; then
    fail "unknown option: something on standard output"
elif status_is "unknown option" "$status" 2; then
    pass "unknown option"
fi

# A missing file among others: named in a message, the others still
# processed, in order, exit 2.
printf 'one caf\303\203\302\251\n' >"$tmp/one.txt"
printf 'two \303\242\342\202\254\305\223q\303\242\342\202\254\302\235\n' >"$tmp/two.txt"
printf 'one caf\303\251\ntwo \342\200\234q\342\200\235\n' >"$tmp/one_two.want"
status=0
"$mojifix" "$tmp/one.txt" "$tmp/missing.txt" "$tmp/two.txt" >"$tmp/out" 2>"$tmp/err" || status=$?
if [ "$(cat "$tmp/err")" != "mojifix: $tmp/missing.txt: No such file or directory" ]; then
    fail "missing file: standard error is not 'mojifix: $tmp/missing.txt: No such file or directory'" \
        "$(cat "$tmp/err")"
elif ! cmp -s "$tmp/out" "$tmp/one_two.want"; then
    fail "missing file: the other files' output is not all there"
    show_diff "$tmp/one_two.want" "$tmp/out"
elif status_is "missing file" "$status" 2; then
    pass "missing file"
fi

# Several files concatenate, and "-" is standard input, where it stands.
printf 'stdin \303\203\302\251\n' >"$tmp/stdin.txt"
printf 'one caf\303\251\nstdin \303\251\ntwo \342\200\234q\342\200\235\n' >"$tmp/want"
status=0
"$mojifix" "$tmp/one.txt" - "$tmp/two.txt" <"$tmp/stdin.txt" >"$tmp/out" 2>"$tmp/err" || status=$?
if ! cmp -s "$tmp/out" "$tmp/want"; then
    fail "files and -: output is not the files' and stdin's, in order"
    show_diff "$tmp/want" "$tmp/out"
elif [ -s "$tmp/err" ]; then
    fail "files and -: unexpected standard error" "$(cat "$tmp/err")"
elif status_is "files and -" "$status" 0; then
    pass "several files and - concatenate"
fi
status=0
"$mojifix" <"$tmp/stdin.txt" >"$tmp/out" 2>"$tmp/err" || status=$?
if [ "$(cat "$tmp/out")" = "$(printf 'stdin \303\251')" ] && [ ! -s "$tmp/err" ] && status_is "no file" "$status" 0; then
    pass "no file reads standard input"
else
    fail "no file: standard input not repaired onto standard output"
fi

# A full disk: exit 2 and a message that names standard output.
if [ -w /dev/full ]; then
    status=0
    "$mojifix" "$seeds/001.txt" >/dev/full 2>"$tmp/err" || status=$?
    if ! grep -q '^mojifix: standard output: ' "$tmp/err"; then
        fail "/dev/full: no 'mojifix: standard output: ...' message" "$(cat "$tmp/err")"
    elif status_is "/dev/full" "$status" 2; then
        pass "output to /dev/full"
    fi
else
    fail "/dev/full: not available on this machine, so the write error cannot be tested"
fi

# A reader that goes away: mojifix stops quietly. SIGPIPE is set to its
# default action for mojifix, as in an ordinary shell (a test harness may
# have inherited it ignored; then mojifix would rightly report EPIPE).
dflt=
if env --default-signal=PIPE true 2>/dev/null; then
    dflt="env --default-signal=PIPE"
fi
first=$(yes 'Ã©' 2>/dev/null | head -c 50000000 2>/dev/null | $dflt "$mojifix" 2>"$tmp/err" | head -n 1)
if [ -s "$tmp/err" ]; then
    fail "closed pipe: mojifix wrote to standard error" "$(head -n 3 "$tmp/err")"
elif [ "$first" != "é" ]; then
    fail "closed pipe: first line '$first', expected 'é'"
else
    pass "closed pipe: quiet"
fi

# A directory is an input that cannot be read: named in a message, exit 2,
# and the next file is still processed.
mkdir "$tmp/adir"
status=0
"$mojifix" "$tmp/adir" "$tmp/one.txt" >"$tmp/out" 2>"$tmp/err" || status=$?
if ! grep -q "^mojifix: $tmp/adir: .*Is a directory" "$tmp/err"; then
    fail "directory: no message naming it" "$(cat "$tmp/err")"
elif [ "$(cat "$tmp/out")" != "$(printf 'one caf\303\251')" ]; then
    fail "directory: the next file was not processed"
elif status_is "directory" "$status" 2; then
    pass "directory argument"
fi

# --log, --revert, --check, --explain, --stats, -i, and faults.
. "$src/tests/e2e/modes.sh"
# --jsonl.
. "$src/tests/e2e/records.sh"

# -r, -j, binary files, .gz and .zst, the progress line.
. "$src/tests/e2e/batch.sh"
# --from: other encodings through iconv.
. "$src/tests/e2e/encodings.sh"

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
