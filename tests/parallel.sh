#!/bin/sh
# tests/parallel.sh: the output does not depend on where the input was
# split at line ends, and N lines in give N lines out: GNU parallel --pipe
# (-j4 --keep-order, blocks of 200 KB, then of 20 KB over the first MB)
# running mojifix gives exactly the serial output, in the default mode and
# with --jsonl (records of that first MB), on a corpus of several MB (tests/parallel_corpus.py: real
# text of many languages, a third broken, invalid bytes, NULs, CRLF, spam,
# long lines, no final newline).
#
# Usage: sh tests/parallel.sh MOJIFIX MEGABYTES
set -eu
. "$(dirname "$0")/setup.sh"
mojifix=$1
mb=$2
src=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v parallel >/dev/null 2>&1; then
    echo "FAIL GNU parallel is not installed (apt-get install parallel, as in README.md)" >&2
    exit 1
fi

python3 "$src/tests/parallel_corpus.py" "$tmp/in" "$mb"
# The first MB, whole lines, for finer blocks and for --jsonl.
head -c 1000000 "$tmp/in" | sed '$d' >"$tmp/head"
head -c 1500000 "$tmp/in.jsonl" | sed '$d' >"$tmp/head.jsonl"
echo "corpus: $(wc -c <"$tmp/in") bytes, $(wc -l <"$tmp/in") line ends"

# same NAME BLOCK INPUT [OPTION...]: parallel's output is the serial one.
same() {
    name=$1 block=$2 in=$3
    shift 3
    "$mojifix" "$@" <"$in" >"$tmp/serial" 2>/dev/null
    parallel --will-cite --pipe -j4 --keep-order --block "$block" "$mojifix" "$@" \
        <"$in" >"$tmp/parallel" 2>/dev/null
    if cmp -s "$tmp/in" "$tmp/serial" || [ ! -s "$tmp/serial" ]; then
        echo "FAIL $name: the serial run repaired nothing" >&2
        failed=1
    elif ! cmp "$tmp/serial" "$tmp/parallel" >&2; then
        echo "FAIL $name: parallel --pipe --block $block differs from the serial run" >&2
        failed=1
    elif [ "$(wc -l <"$in")" -ne "$(wc -l <"$tmp/serial")" ] ||
        [ "$(tail -c 1 "$in" | od -An -c)" != "$(tail -c 1 "$tmp/serial" | od -An -c)" ]; then
        echo "FAIL $name: $(wc -l <"$in") lines in, $(wc -l <"$tmp/serial") out" >&2
        failed=1
    else
        echo "ok   $name: parallel --pipe --block $block gives the serial output, line for line"
    fi
}

same "text" 200k "$tmp/in"
cp "$tmp/serial" "$tmp/in.fixed"
same "text, small blocks" 20k "$tmp/head"
same "--jsonl" 200k "$tmp/head.jsonl" --jsonl
# Each line alone: --jsonl repairs each record's text by itself, so every
# record's text must come out as its line did in the serial text run, which
# saw the lines around it (a rule that looked past its line would differ).
"$mojifix" --jsonl <"$tmp/in.jsonl" >"$tmp/out.jsonl" 2>/dev/null
if python3 - "$tmp/in.jsonl" "$tmp/out.jsonl" "$tmp/in.fixed" <<'PY'; then
import json, sys
ins, outs, fixed = (open(p, "rb").read().split(b"\n") for p in sys.argv[1:])
alone = differ = 0
for i, o, f in zip(ins, outs, fixed):
    if i.startswith(b'{"id"'):
        alone += 1
        differ += json.loads(o)["text"].encode("utf-8") != f
print("%d of %d lines repaired alone differ from the serial run" % (differ, alone))
sys.exit(1 if differ or alone < 1000 or len(outs) != len(ins) else 0)
PY
    echo "ok   each line repaired alone (--jsonl) as in the serial run"
else
    echo "FAIL lines repaired alone differ from the serial run (a rule looks across lines)" >&2
    failed=1
fi
exit $failed
