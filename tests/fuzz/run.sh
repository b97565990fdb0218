#!/bin/sh
# tests/fuzz/run.sh: builds the libFuzzer targets with clang in BUILD_DIR
# (default build-fuzz/), replays every regression input in fixtures/fuzz/,
# then fuzzes each target for SECONDS (default 30), one job each, from a seed
# corpus made from the fixtures (SECONDS 0: replay only). A crash leaves its
# input in BUILD_DIR/artifacts/ and fails the run. See tests/fuzz/README.md.
#
# Usage: sh tests/fuzz/run.sh [SECONDS [BUILD_DIR [TARGET...]]]
set -eu
LC_ALL=C
export LC_ALL
src=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-30}
dir=${2:-$src/build-fuzz}
shift $(($# < 2 ? $# : 2))
targets=${*:-fuzz_stream fuzz_revert}
# Small inputs keep a run fast; the property tests cover big ones.
maxlen=${MF_FUZZ_MAXLEN:-8192}

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S "$src" -B "$dir" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS="$flags" -DMF_FUZZ=ON >/dev/null
cmake --build "$dir" -j2 --target mojifix $targets >/dev/null

# Seeds: every fixture; for fuzz_stream behind 8 bytes that pick all rules
# and one write, for fuzz_revert as an edit log, a NUL and the fixed text.
seeds() {
    ls "$src"/fixtures/cases/*.in "$src"/fixtures/seeds/*.txt "$src"/fixtures/spam/*.txt
}
mkdir -p "$dir/corpus/fuzz_stream" "$dir/corpus/fuzz_revert" "$dir/artifacts"
n=0
for f in $(seeds); do
    n=$((n + 1))
    { printf '\177\000\000\000\000\000\000\000'; head -c 60000 "$f"; } >"$dir/corpus/fuzz_stream/seed$n"
    head -c 60000 "$f" >"$dir/seed.in"
    "$dir/mojifix" --log "$dir/seed.log" "$dir/seed.in" >"$dir/seed.out" 2>/dev/null || true
    { cat "$dir/seed.log"; printf '\000'; cat "$dir/seed.out"; } >"$dir/corpus/fuzz_revert/seed$n"
done
rm -f "$dir/seed.in" "$dir/seed.log" "$dir/seed.out"

status=0
for t in $targets; do
    regress=$src/fixtures/fuzz/$t
    if [ -d "$regress" ] && [ -n "$(ls "$regress")" ]; then
        echo "$t: replaying $(ls "$regress" | wc -l) regression inputs"
        "$dir/tests/fuzz/$t" "$regress"/* >"$dir/$t.replay.log" 2>&1 ||
            { echo "$t: a regression input fails:"; tail -n 30 "$dir/$t.replay.log"; status=1; }
    fi
    if [ "$secs" -eq 0 ]; then
        continue # replay only: libFuzzer reads 0 as "no time limit"
    fi
    echo "$t: fuzzing for $secs s"
    if "$dir/tests/fuzz/$t" -max_total_time="$secs" -max_len="$maxlen" -timeout=30 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/$t-" \
        "$dir/corpus/$t" >"$dir/$t.log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^Done' "$dir/$t.log" || true
    else
        echo "$t: FAILED (crash inputs in $dir/artifacts/):"
        grep -E -A 20 'ERROR|==[0-9]+==|fuzz_' "$dir/$t.log" | head -n 40
        status=1
    fi
done
exit $status
