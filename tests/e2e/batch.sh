# tests/e2e/batch.sh: scripted checks of batches: -r (order, what is left
# out), -j (the same bytes whatever the number of workers), binary files,
# .gz and .zst files, the progress line. Sourced by run.sh, whose helpers
# (pass, fail, status_is) and variables ($mojifix, $src, $cases, $seeds,
# $tmp) it uses.

bt="$tmp/batch"
mkdir -p "$bt"
cafe=$(printf 'caf\303\203\302\251') # café broken through cp1252

# A tree whose order is known: "a" before "a.txt" (entries are sorted, then
# walked depth first), a big file early so that the small ones after it
# finish first under -j and must wait, hidden names, links, a binary file,
# compressed files, and the golden inputs and seeds in c/.
make_tree() {
    t=$1
    mkdir -p "$t/a" "$t/c" "$t/.hidden"
    printf 'x %s\n' "$cafe" >"$t/a/x.txt"
    printf 'bin\000ary %s\n' "$cafe" >"$t/a/bin.dat"
    printf 'gz %s\n' "$cafe" | gzip -c >"$t/a/y.txt.gz"
    printf 'zst %s\n' "$cafe" | zstd -q -c >"$t/a/z.txt.zst"
    ln -s ../a.txt "$t/a/link.txt"
    ln -s ../c "$t/a/linkdir"
    printf 'a %s\n' "$cafe" >"$t/a.txt"
    yes "big $cafe line, Ã¨ and â€™ too" 2>/dev/null | head -n 1500 >"$t/b_big.txt"
    cp "$cases"/*.in "$seeds"/*.txt "$t/c/"
    printf 'hidden %s\n' "$cafe" >"$t/.hidden/h.txt"
    printf 'dot %s\n' "$cafe" >"$t/.dot.txt"
}

if ! command -v zstd >/dev/null 2>&1 || ! command -v gzip >/dev/null 2>&1; then
    fail "batch: gzip and zstd are needed for these checks (README's apt-get line)"
    return 0
fi
make_tree "$bt/tree"

# -- order: the log's input records name the files in the documented order.
status=0
"$mojifix" -j1 -r --log "$bt/order.log" "$bt/tree" >/dev/null 2>"$bt/err" || status=$?
grep -o '"name":"[^"]*"' "$bt/order.log" | sed 's/^"name":"//; s/"$//' >"$bt/names"
{
    for f in a/x.txt a/y.txt.gz a/z.txt.zst a.txt b_big.txt; do echo "$bt/tree/$f"; done
    (cd "$bt/tree/c" && ls) | while IFS= read -r f; do
        if tr -d '\000' <"$bt/tree/c/$f" | cmp -s - "$bt/tree/c/$f"; then echo "$bt/tree/c/$f"; fi
    done
} >"$bt/names.want"
if ! cmp -s "$bt/names" "$bt/names.want"; then
    fail "-r: files not in the documented order, or hidden files, links or binaries taken" \
        "$(diff "$bt/names.want" "$bt/names" | head -n 8)"
elif ! grep -q "^mojifix: $bt/tree/a/bin.dat: binary file (a NUL byte at byte 3), skipped" "$bt/err"; then
    fail "-r: no note for the binary file" "$(cat "$bt/err")"
elif status_is "-r" "$status" 0; then
    pass "-r: depth first in byte order; hidden names, links and binaries left out"
fi

# -- -j: everything byte for byte the same with 1, 2, 4 and 8 workers:
# text, --explain, --log, --stats, messages (a missing file among them) and
# the exit status; then --check, and -i on copies of the tree.
for j in 1 2 4 8; do
    status=0
    "$mojifix" -j$j -r --explain --log "$bt/j$j.log" --stats "$bt/tree" "$bt/missing.txt" \
        "$seeds/001.txt" >"$bt/j$j.out" 2>"$bt/j$j.err" || status=$?
    echo "$status" >"$bt/j$j.status"
    status=0
    "$mojifix" -j$j --check --explain -r "$bt/tree" >"$bt/j$j.check" 2>&1 || status=$?
    echo "$status" >>"$bt/j$j.check"
    rm -rf "$bt/ip$j"
    make_tree "$bt/ip$j"
    status=0
    (cd "$bt/ip$j" && "$mojifix" -j$j -r -i.orig --log ../ip$j.log --explain . >../ip$j.err 2>&1) ||
        status=$?
    echo "$status" >>"$bt/ip$j.err"
done
same=1
for j in 2 4 8; do
    for f in out err log status check; do
        if ! cmp -s "$bt/j1.$f" "$bt/j$j.$f"; then
            fail "-j$j: $f differs from -j1" "$(diff "$bt/j1.$f" "$bt/j$j.$f" | head -n 6)"
            same=0
        fi
    done
    if ! cmp -s "$bt/ip1.log" "$bt/ip$j.log" || ! cmp -s "$bt/ip1.err" "$bt/ip$j.err" ||
        ! diff -r "$bt/ip1" "$bt/ip$j" >/dev/null; then
        fail "-j$j -i: files, log or messages differ from -j1" "$(diff "$bt/ip1.err" "$bt/ip$j.err" | head -n 6)"
        same=0
    fi
done
if [ "$same" = 1 ] && [ "$(cat "$bt/j1.status")" = 2 ] && grep -q "missing.txt: No such file" "$bt/j1.err" &&
    grep -q '^mojifix: stats: ' "$bt/j1.err" && [ "$(tail -n 1 "$bt/j1.check")" = 1 ] &&
    [ "$(tail -n 1 "$bt/ip1.err")" = 0 ] && [ -s "$bt/j1.log" ]; then
    pass "-j1, -j2, -j4, -j8: text, --explain, --log, --stats, messages, --check, -i and exit status byte for byte"
elif [ "$same" = 1 ]; then
    fail "-j: the runs agree, but not on what was expected" "$(tail -n 3 "$bt/j1.err" "$bt/j1.check" "$bt/ip1.err")"
fi

# The log of a -j8 run reverts to the inputs, decompressed, one after the
# other; and reverts the -i -j8 files in place.
status=0
"$mojifix" --revert "$bt/j8.log" "$bt/j8.out" >"$bt/back" 2>"$bt/err" || status=$?
grep -o '"name":"[^"]*"' "$bt/j8.log" | sed 's/^"name":"//; s/"$//' | while IFS= read -r f; do
    case $f in *.gz) gzip -dc "$f" ;; *.zst) zstd -q -dc "$f" ;; *) cat "$f" ;; esac
done >"$bt/back.want"
if cmp -s "$bt/back" "$bt/back.want" && status_is "revert a -j8 log" "$status" 0; then
    pass "--revert of a -j8 log: every input back, in order"
else
    fail "--revert of a -j8 log: not the inputs" "$(cat "$bt/err")"
fi
status=0
(cd "$bt/ip8" && grep -o '"name":"[^"]*"' ../ip8.log | sed 's/^"name":"//; s/"$//' |
    xargs "$mojifix" --revert ../ip8.log -i) 2>"$bt/err" || status=$?
make_tree "$bt/orig"
find "$bt/ip8" -name '*.orig' -exec rm {} +
# Compressed files come back compressed anew (gzip's header time differs):
# their text is compared.
for t in "$bt/orig" "$bt/ip8"; do
    gzip -d "$t/a/y.txt.gz" && zstd -q --rm -d "$t/a/z.txt.zst" || status=99
done
if diff -r "$bt/orig" "$bt/ip8" >/dev/null && status_is "revert -i of a -j8 log" "$status" 0; then
    pass "--revert -i of an -i -j8 log: the tree as it was, compressed files too"
else
    fail "--revert -i of an -i -j8 log: the tree differs" "$(cat "$bt/err")" \
        "$(diff -r "$bt/orig" "$bt/ip8" 2>&1 | head -n 4)"
fi

# --revert reads a compressed text decompressed, and names the compressed
# byte offset where it is cut short.
printf 'rz %s\n' "$cafe" >"$bt/rz.txt"
"$mojifix" --log "$bt/rz.log" "$bt/rz.txt" | gzip -c >"$bt/rz.out.gz"
status=0
"$mojifix" --revert "$bt/rz.log" "$bt/rz.out.gz" >"$bt/rz.back" 2>"$bt/err" || status=$?
head -c 20 "$bt/rz.out.gz" >"$bt/rz.cut.gz"
cut_status=0
"$mojifix" --revert "$bt/rz.log" "$bt/rz.cut.gz" >/dev/null 2>"$bt/rz.err" || cut_status=$?
if cmp -s "$bt/rz.back" "$bt/rz.txt" && status_is "revert of a .gz text" "$status" 0 &&
    grep -q "rz.cut.gz: truncated gzip data at byte 20 of the compressed file" "$bt/rz.err" &&
    status_is "revert of a cut .gz text" "$cut_status" 2; then
    pass "--revert of a .gz text: decompressed; cut short, the compressed offset named"
else
    fail "--revert of a .gz text" "$(cat "$bt/err" "$bt/rz.err")"
fi

# -- options of a batch: bad -j values and -r with --revert are usage errors.
for bad in -j0 -jx --jobs=65; do
    status=0
    "$mojifix" "$bad" "$bt/tree/a.txt" >/dev/null 2>"$bt/err" || status=$?
    if ! grep -q "^mojifix: --jobs takes a number from 1 to 64" "$bt/err"; then
        fail "$bad: no usage message" "$(cat "$bt/err")"
    elif status_is "$bad" "$status" 2; then
        pass "$bad refused"
    fi
done
status=0
"$mojifix" --revert "$bt/j1.log" -r -i "$bt/tree" 2>"$bt/err" || status=$?
if grep -q "not --recursive" "$bt/err" && status_is "--revert -r" "$status" 2; then
    pass "--revert -r refused"
else
    fail "--revert -r: not refused" "$(cat "$bt/err")"
fi

# -- binary files: skipped with a note and exit 0, in place too (untouched);
# -a and --binary-files=text repair them as text; standard input always is.
bin="$bt/tree/a/bin.dat"
cp "$bin" "$bt/bin.dat"
touch -d '2001-01-01 00:00' "$bt/bin.dat"
status=0
"$mojifix" "$bin" >"$bt/out" 2>"$bt/err" || status=$?
"$mojifix" <"$bin" >"$bt/bin.want"
s2=0
"$mojifix" -i.bak "$bt/bin.dat" 2>/dev/null || s2=$?
if [ -s "$bt/out" ] || [ "$(cat "$bt/err")" != "mojifix: $bin: binary file (a NUL byte at byte 3), skipped; -a repairs it as text" ]; then
    fail "binary file: not skipped with the note" "$(cat "$bt/err")"
elif cmp -s "$bt/bin.want" "$bin"; then
    fail "binary file: standard input was not repaired"
elif [ -e "$bt/bin.dat.bak" ] || [ "$(stat -c %Y "$bt/bin.dat")" != "$(date -d '2001-01-01 00:00' +%s)" ] || [ "$s2" != 0 ]; then
    fail "binary file: touched by -i, or exit $s2"
elif status_is "binary file" "$status" 0; then
    pass "binary file: skipped with a note, exit 0, untouched by -i; standard input repaired"
fi
"$mojifix" -a "$bin" >"$bt/a.out" 2>"$bt/err"
"$mojifix" --binary-files=text "$bin" >"$bt/text.out" 2>>"$bt/err"
status=0
"$mojifix" --binary-files=bogus "$bin" >/dev/null 2>&1 || status=$?
if cmp -s "$bt/a.out" "$bt/bin.want" && cmp -s "$bt/text.out" "$bt/bin.want" && [ ! -s "$bt/err" ] &&
    status_is "--binary-files=bogus" "$status" 2; then
    pass "-a and --binary-files=text repair a binary file as text"
else
    fail "-a, --binary-files=text: not repaired as text" "$(cat "$bt/err")"
fi

# -- compressed files: to standard output decompressed; in place
# decompressed, repaired and compressed again, the backup byte for byte;
# several gzip members are one file; a clean one is left alone.
printf 'one %s\n' "$cafe" >"$bt/plain.txt"
printf 'two %s\n' "$cafe" >>"$bt/plain.txt"
"$mojifix" "$bt/plain.txt" >"$bt/plain.want"
{ head -n 1 "$bt/plain.txt" | gzip -c; tail -n 1 "$bt/plain.txt" | gzip -c; } >"$bt/p.txt.gz"
zstd -q -c "$bt/plain.txt" >"$bt/p.txt.zst"
printf 'clean\n' | gzip -c >"$bt/clean.gz"
touch -d '2001-01-01 00:00' "$bt/clean.gz"
for z in gz zst; do
    cp "$bt/p.txt.$z" "$bt/p0.txt.$z"
    status=0
    "$mojifix" "$bt/p.txt.$z" >"$bt/out" 2>"$bt/err" || status=$?
    "$mojifix" -i.orig "$bt/p.txt.$z" "$bt/clean.gz" 2>>"$bt/err" || status=$?
    case $z in gz) dec="gzip -dc" ;; *) dec="zstd -q -dc" ;; esac
    if ! cmp -s "$bt/out" "$bt/plain.want"; then
        fail ".$z to standard output: not the repaired decompressed text"
    elif ! $dec "$bt/p.txt.$z" | cmp -s - "$bt/plain.want"; then
        fail ".$z in place: does not decompress to the repaired text"
    elif ! cmp -s "$bt/p.txt.$z.orig" "$bt/p0.txt.$z"; then
        fail ".$z in place: the backup is not the original byte for byte"
    elif [ -e "$bt/clean.gz.orig" ] || [ "$(stat -c %Y "$bt/clean.gz")" != "$(date -d '2001-01-01 00:00' +%s)" ]; then
        fail ".gz in place: a clean file was touched"
    elif [ -s "$bt/err" ]; then
        fail ".$z: unexpected standard error" "$(cat "$bt/err")"
    elif status_is ".$z" "$status" 0; then
        pass ".$z: read decompressed; in place compressed again, backup kept"
    fi
done

# A truncated or corrupt compressed file: named with the compressed byte
# offset, exit 2, left as it was, no temporary file.
seq 1 20000 | sed "s/\$/ $cafe/" >"$bt/long.txt"
gzip -c "$bt/long.txt" | head -c 3000 >"$bt/trunc.gz"
zstd -q -c "$bt/long.txt" >"$bt/bad.zst"
printf 'XXXXXXXX' | dd of="$bt/bad.zst" bs=1 seek=20 conv=notrunc 2>/dev/null
for f in trunc.gz bad.zst; do
    cp "$bt/$f" "$bt/$f.before"
    case $f in
        trunc.gz) re="^mojifix: $bt/trunc.gz: truncated gzip data at byte 3000 of the compressed file$" ;;
        *) re="^mojifix: $bt/bad.zst: corrupt zstd data at byte [0-9]* of the compressed file$" ;;
    esac
    status=0
    "$mojifix" -i "$bt/$f" 2>"$bt/err" || status=$?
    if ! grep -q "$re" "$bt/err"; then
        fail "$f: no message with the offset" "$(cat "$bt/err")"
    elif ! cmp -s "$bt/$f" "$bt/$f.before" || ls -a "$bt" | grep -q 'mojifix-'; then
        fail "$f: changed, or a temporary file left"
    elif status_is "$f" "$status" 2; then
        pass "$f: named with its offset, exit 2, left as it was"
    fi
done

# -- the progress line: none when standard error is not a terminal (the -j
# runs above: their standard error is compared, here it is looked at); on a
# terminal (script(1) makes one), bytes, files, MB/s and an ETA.
if grep -q 'MB/s' "$bt/j2.err" "$bt/ip2.err" || grep -q "$(printf '\r')" "$bt/j2.err"; then
    fail "progress: drawn though standard error is a file"
else
    pass "progress: silent when standard error is not a terminal"
fi
if command -v script >/dev/null 2>&1; then
    script -qec "'$mojifix' -j2 -r '$bt/tree' >/dev/null" /dev/null >"$bt/tty" 2>&1 </dev/null || true
    if grep -q 'mojifix: [0-9.]* of [0-9.]* MB, [0-9]* of [0-9]* files, [0-9.]* MB/s, ETA ' "$bt/tty" &&
        grep -q "$(printf '\033')\[K" "$bt/tty"; then
        pass "progress: drawn and erased on a terminal"
    else
        fail "progress: no progress line on a terminal" "$(head -c 300 "$bt/tty" | od -c | head -n 4)"
    fi
    # The text to the same terminal: no line to run into it.
    script -qec "'$mojifix' -j2 -r '$bt/tree/a'" /dev/null >"$bt/tty" 2>&1 </dev/null || true
    if grep -q 'x café' "$bt/tty" && ! grep -q 'MB/s' "$bt/tty"; then
        pass "progress: none when the text goes to the terminal too"
    else
        fail "progress: drawn into the text on a terminal, or no text" "$(head -c 300 "$bt/tty")"
    fi
else
    fail "progress: script(1) (util-linux) is needed to test the terminal case"
fi
