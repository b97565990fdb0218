#!/usr/bin/env bash
# tests/run_all.sh: the whole test run (the README's second command; CI runs
# it through .ci/run). From the top of the source tree, in order:
#   1. build/       Release build, and its ctest;
#   2. build-asan/  Debug build with AddressSanitizer and UBSan
#                   (-DMF_SANITIZE=ON), and its ctest;
#   3. valgrind     (no leaks, no memory errors) on build/mojifix over two
#                   fixtures and in every mode (--explain, --log, --revert,
#                   --check, --stats, -i, --jsonl, a -j 4 batch with -r), and
#                   on check_stream's api and edits cases and check_compose;
#                   DRD (no data races) on a -j 4 batch;
#   4. build-fuzz/  clang libFuzzer build; the regression inputs replayed,
#                   then 30 s of fuzzing per target (tests/fuzz/README.md).
# Every stage runs even when an earlier one failed (a failed build skips its
# own tests); the last line sums up, and the exit status is 0 only if all
# passed. Needs 2 cores and a few minutes.
set -euo pipefail

cd "$(dirname "$0")/.."
src=$(pwd)
jobs=2
start=$SECONDS
passed=()
failed=()

stage() {
    echo
    echo "==== $* ===="
}

# run NAME COMMAND...: runs a stage step and records its outcome.
run() {
    local name=$1
    shift
    if "$@"; then
        passed+=("$name")
        return 0
    fi
    echo "run_all: $name FAILED" >&2
    failed+=("$name")
    return 1
}

build() {
    local dir=$1
    shift
    cmake -S . -B "$dir" "$@" && cmake --build "$dir" -j"$jobs"
}

tests() {
    ctest --test-dir "$1" --output-on-failure -j"$jobs"
}

vg=(valgrind -q --leak-check=full --error-exitcode=1 --errors-for-leak-kinds=definite,indirect)

stage "Release build (build/)"
if run "release build" build build -DCMAKE_BUILD_TYPE=Release; then
    stage "Release tests"
    run "release tests" tests build || true
fi

stage "Sanitizer build (build-asan/: ASan + UBSan, Debug)"
if run "asan build" build build-asan -DCMAKE_BUILD_TYPE=Debug -DMF_SANITIZE=ON; then
    stage "Sanitizer tests"
    run "asan tests" tests build-asan || true
fi

# The command in every mode, on a fixture with every rule's edits, under
# valgrind: each step must also do what it should (the round trip).
vg_revert() {
    "${vg[@]}" build/mojifix --revert "$t/log" "$t/out" >"$t/back" && cat "$in" "$in" | cmp - "$t/back"
}
vg_check() { # exit 1 is --check's answer here, so valgrind reports with 99
    local rc=0
    "${vg[@]}" --error-exitcode=99 build/mojifix -a --check "$in" || rc=$?
    [ "$rc" -eq 1 ]
}
valgrind_modes() {
    local t in=fixtures/cases/explain_escapes.in
    t=$(mktemp -d "${TMPDIR:-/tmp}/mojifix-vg.XXXXXX")
    cp "$in" "$t/a.txt"
    echo "valgrind: mojifix --explain --log --stats, --revert, --check, -i, --revert -i, --spam-words, --jsonl"
    run "valgrind mojifix --explain --log --stats" "${vg[@]}" build/mojifix -a --explain="$t/explain" \
        --log "$t/log" --stats "$in" - <"$in" >"$t/out" 2>"$t/err" || true
    run "valgrind mojifix --revert" vg_revert || true
    run "valgrind mojifix --check" vg_check || true
    run "valgrind mojifix -i" "${vg[@]}" build/mojifix -a -i.orig --log "$t/ilog" "$t/a.txt" || true
    run "valgrind mojifix --revert -i" "${vg[@]}" build/mojifix --revert "$t/ilog" -i "$t/a.txt" || true
    run "-i then --revert -i give the file back" cmp "$t/a.txt" "$in" || true
    run "valgrind mojifix --spam-words" "${vg[@]}" build/mojifix \
        --spam-words=fixtures/cases/spam_words.list fixtures/cases/spam_words.in >"$t/out" || true
    # The golden records: escapes, malformed lines, NUL, CRLF, no final newline.
    run "valgrind mojifix --jsonl --explain --log --stats" "${vg[@]}" build/mojifix --jsonl \
        --explain --log "$t/jlog" --stats fixtures/cases/jsonl.in >"$t/out" 2>"$t/err" || true
    run "valgrind mojifix --jsonl: the golden output" cmp "$t/out" fixtures/cases/jsonl.out || true
    valgrind_batch "$t"
    rm -rf "$t"
}

# A batch on 4 workers, in every stream the workers hold back (text, stderr,
# --explain, --log, --stats), and in place with compressed files: no leak
# (memcheck), no data race (DRD), and the same output as one worker.
valgrind_batch() {
    local t=$1 drd=(valgrind -q --tool=drd --error-exitcode=1)
    mkdir -p "$t/tree/sub"
    cp fixtures/cases/*.in fixtures/seeds/00[12].txt "$t/tree/sub/"
    gzip -c "$in" >"$t/tree/a.txt.gz"
    zstd -q -c "$in" >"$t/tree/b.txt.zst"
    echo "valgrind: mojifix -j4 -r, -j4 -r -i, and -j4 -r under DRD"
    build/mojifix -a -j1 -r --explain="$t/bexp1" --log "$t/blog1" --stats "$t/tree" >"$t/bout1"
    run "valgrind mojifix -j4 -r" "${vg[@]}" build/mojifix -a -j4 -r --explain="$t/bexp" \
        --log "$t/blog" --stats "$t/tree" >"$t/bout" || true
    run "valgrind -j4 gives -j1's output" cmp "$t/bout" "$t/bout1" || true
    run "DRD mojifix -j4 -r" "${drd[@]}" build/mojifix -a -j4 -r --explain="$t/bexp" \
        --log "$t/blog" --stats "$t/tree" >/dev/null || true
    run "valgrind mojifix -j4 -r -i" "${vg[@]}" build/mojifix -a -j4 -r -i --log "$t/blog" "$t/tree" || true
}

stage "valgrind"
if [ -x build/mojifix ] && [ -x build/tests/check_stream ]; then
    for f in fixtures/seeds/001.txt fixtures/accuracy/sample.txt; do
        echo "valgrind: mojifix $f"
        run "valgrind mojifix $f" "${vg[@]}" build/mojifix "$f" >/dev/null || true
    done
    # The chunk sweeps would take many minutes under valgrind; the edits
    # case still streams every input, and api covers the error paths.
    for case in api edits; do
        echo "valgrind: check_stream, case $case"
        run "valgrind check_stream $case" env CK_FORK=no CK_RUN_CASE="$case" \
            MF_SOURCE_DIR="$src" "${vg[@]}" build/tests/check_stream || true
    done
    echo "valgrind: check_compose"
    run "valgrind check_compose" env CK_FORK=no "${vg[@]}" build/tests/check_compose || true
    echo "valgrind: check_spam"
    run "valgrind check_spam" env CK_FORK=no "${vg[@]}" build/tests/check_spam || true
    valgrind_modes
else
    echo "run_all: no build/mojifix or build/tests/check_stream to run valgrind on" >&2
    failed+=("valgrind")
fi

stage "Fuzzing (build-fuzz/: clang, libFuzzer, ASan + UBSan; 30 s a target)"
run "fuzz" sh tests/fuzz/run.sh 30 "$src/build-fuzz" || true

elapsed=$((SECONDS - start))
time=$(printf '%dm%02ds' $((elapsed / 60)) $((elapsed % 60)))
echo
if [ ${#failed[@]} -eq 0 ]; then
    echo "run_all: all ${#passed[@]} stages passed in $time"
    exit 0
fi
failed_list=$(printf '%s, ' "${failed[@]}")
echo "run_all: FAILED ${#failed[@]} of $((${#passed[@]} + ${#failed[@]})) stages (${failed_list%, }) in $time"
exit 1
