# tests/e2e/encodings.sh: --from ENC (iconv), sourced by run.sh, whose
# helpers (pass, fail, status_is, show_diff) and variables ($mojifix, $tmp)
# it uses. Expected text is made by iconv(1), the oracle.

e="$tmp/encodings"
mkdir -p "$e"

# from_gives NAME FILE WANT ARG...: mojifix ARG... FILE writes WANT, exit 0,
# nothing on standard error.
from_gives() {
    name=$1 file=$2 want=$3
    shift 3
    status=0
    "$mojifix" "$@" "$file" >"$e/out" 2>"$e/err" || status=$?
    if ! cmp -s "$e/out" "$want"; then
        fail "$name: output differs"
        show_diff "$want" "$e/out"
    elif [ -s "$e/err" ]; then
        fail "$name: unexpected standard error" "$(head -n 3 "$e/err")"
    elif status_is "$name" "$status" 0; then
        pass "$name"
    fi
}

# UTF-16 with a byte order mark: iconv's UTF-16 reads the BOM and drops it.
printf 'caf\303\251 \303\240 Paris, \342\200\234quoted\342\200\235\n' >"$e/fr.want"
printf '\377\376' >"$e/fr.utf16"
iconv -f UTF-8 -t UTF-16LE <"$e/fr.want" >>"$e/fr.utf16"
from_gives "--from UTF-16, little-endian with a BOM" "$e/fr.utf16" "$e/fr.want" --from=UTF-16
# A UTF-16 file is binary (NUL bytes) without --from: skipped, not garbled.
status=0
"$mojifix" "$e/fr.utf16" >"$e/out" 2>"$e/err" || status=$?
if grep -q "binary file" "$e/err" && [ ! -s "$e/out" ] && status_is "UTF-16 without --from" "$status" 0; then
    pass "UTF-16 without --from is skipped as binary"
else
    fail "UTF-16 without --from: not skipped" "$(cat "$e/err")"
fi

# Shift_JIS, and Windows-1251 with mojibake inside: decoded, then repaired.
printf '\346\227\245\346\234\254\350\252\236\343\201\256\343\203\206\343\202\255\343\202\271\343\203\210\n' >"$e/ja.want"
iconv -f UTF-8 -t SHIFT_JIS <"$e/ja.want" >"$e/ja.sjis"
from_gives "--from SHIFT_JIS" "$e/ja.sjis" "$e/ja.want" --from SHIFT_JIS
printf '\320\237\321\200\320\270\320\262\320\265\321\202, \320\274\320\270\321\200\n' >"$e/ru.want"
iconv -f UTF-8 -t CP1251 <"$e/ru.want" >"$e/ru.cp1251"
from_gives "--from CP1251" "$e/ru.cp1251" "$e/ru.want" --from=CP1251
# "café" broken through cp1252 (Ã©), written in cp1251 as its two letters'
# bytes cannot be: the Latin-1 file holds it, decoded, then repaired.
printf 'caf\303\251\n' >"$e/moji.want"
printf 'caf\303\203\302\251\n' | iconv -f UTF-8 -t LATIN1 >"$e/moji.latin1"
from_gives "--from LATIN1, then the mojibake repaired" "$e/moji.latin1" "$e/moji.want" --from=LATIN1

# Sequences cut by the reads: 300 KiB of Shift_JIS after an odd ASCII byte,
# from a file and through a pipe, and gzip-compressed.
{
    printf 'x'
    i=0
    while [ $i -lt 2000 ]; do cat "$e/ja.want"; i=$((i + 1)); done
} >"$e/big.want"
iconv -f UTF-8 -t SHIFT_JIS <"$e/big.want" >"$e/big.sjis"
from_gives "--from SHIFT_JIS, sequences across reads" "$e/big.sjis" "$e/big.want" --from=SHIFT_JIS
status=0
cat "$e/big.sjis" | "$mojifix" --from=SHIFT_JIS >"$e/out" 2>"$e/err" || status=$?
if cmp -s "$e/out" "$e/big.want" && [ ! -s "$e/err" ] && status_is "--from through a pipe" "$status" 0; then
    pass "--from SHIFT_JIS through a pipe"
else
    fail "--from SHIFT_JIS through a pipe: output differs" "$(head -n 3 "$e/err")"
fi
gzip -c "$e/big.sjis" >"$e/big.sjis.gz"
from_gives "--from SHIFT_JIS of a .gz file" "$e/big.sjis.gz" "$e/big.want" --from=SHIFT_JIS

# from_fails NAME FILE WANT MESSAGE: mojifix --from=SHIFT_JIS FILE writes
# the text WANT that comes before the trouble, says MESSAGE, and exits 2.
from_fails() {
    name=$1 file=$2 want=$3 message=$4
    status=0
    "$mojifix" --from=SHIFT_JIS "$file" >"$e/out" 2>"$e/err" || status=$?
    if [ "$(cat "$e/out")" != "$want" ]; then
        fail "$name: the text before the trouble is not written" "$(od -c "$e/out" | head -n 2)"
    elif [ "$(cat "$e/err")" != "mojifix: $file: $message" ]; then
        fail "$name: message" "$(cat "$e/err")"
    elif status_is "$name" "$status" 2; then
        pass "$name"
    fi
}
# A sequence cut off at the end (three characters and a half), and an
# invalid byte: where they begin, and nothing made up past them.
head -c 7 "$e/ja.sjis" >"$e/cut.sjis"
from_fails "--from: a sequence cut off at the end, with its offset" "$e/cut.sjis" \
    "$(printf '\346\227\245\346\234\254\350\252\236')" \
    "incomplete character at the end for the encoding SHIFT_JIS at byte 6 of the input"
printf 'abc\202\240\377Adef\n' >"$e/bad.sjis"
from_fails "--from: an invalid byte, with its offset" "$e/bad.sjis" "$(printf 'abc\343\201\202')" \
    "invalid byte sequence for the encoding SHIFT_JIS at byte 5 of the input"

# Unknown encodings, and --revert, are usage errors.
status=0
"$mojifix" --from=NO-SUCH-ENCODING "$e/ja.sjis" >"$e/out" 2>"$e/err" || status=$?
if grep -q "unknown encoding 'NO-SUCH-ENCODING'" "$e/err" && [ ! -s "$e/out" ] &&
    status_is "--from, unknown encoding" "$status" 2; then
    pass "--from: an unknown encoding"
else
    fail "--from, unknown encoding" "$(cat "$e/err")"
fi
status=0
"$mojifix" --from=CP1251 --revert "$e/x.log" "$e/ru.cp1251" >"$e/out" 2>"$e/err" || status=$?
if grep -q "revert takes no --from" "$e/err" && status_is "--from with --revert" "$status" 2; then
    pass "--from with --revert is refused"
else
    fail "--from with --revert" "$(cat "$e/err")"
fi

# -i writes UTF-8 back; --log's offsets are of the UTF-8 text, which
# --revert gives back.
cp "$e/moji.latin1" "$e/inplace.txt"
status=0
"$mojifix" --from=LATIN1 --log "$e/moji.log" -i.orig "$e/inplace.txt" 2>"$e/err" || status=$?
printf 'caf\303\203\302\251\n' >"$e/moji.utf8"
if cmp -s "$e/inplace.txt" "$e/moji.want" && cmp -s "$e/inplace.txt.orig" "$e/moji.latin1" &&
    "$mojifix" --revert "$e/moji.log" "$e/inplace.txt" >"$e/back" 2>>"$e/err" &&
    cmp -s "$e/back" "$e/moji.utf8" && status_is "--from with -i and --log" "$status" 0; then
    pass "--from with -i writes UTF-8; --log reverts to the decoded text"
else
    fail "--from with -i and --log" "$(cat "$e/err")"
fi

# --jsonl: records in UTF-16 are decoded first.
printf '{"text":"caf\303\203\302\251","n":1}\n' | iconv -f UTF-8 -t UTF-16 >"$e/rec.utf16"
printf '{"text":"caf\303\251","n":1}\n' >"$e/rec.want"
from_gives "--from UTF-16 with --jsonl" "$e/rec.utf16" "$e/rec.want" --from=UTF-16 --jsonl

# ---- --guess ----

# guess_gives NAME FILE WANT EXPLAIN: mojifix --guess --explain=E FILE
# writes WANT and tells EXPLAIN (a regular expression) in E.
guess_gives() {
    name=$1 file=$2 want=$3 re=$4
    status=0
    "$mojifix" --guess --explain="$e/explain" "$file" >"$e/out" 2>"$e/err" || status=$?
    if ! cmp -s "$e/out" "$want"; then
        fail "$name: output differs"
        show_diff "$want" "$e/out"
    elif ! grep -q "$re" "$e/explain"; then
        fail "$name: --explain does not say '$re'" "$(cat "$e/explain")"
    elif status_is "$name" "$status" 0; then
        pass "$name"
    fi
}

guess_gives "--guess: UTF-16 by its BOM" "$e/fr.utf16" "$e/fr.want" \
    "^$e/fr.utf16: encoding UTF-16 (byte order mark; confidence 100%)$"
iconv -f UTF-8 -t UTF-16LE <"$e/fr.want" >"$e/fr.utf16le"
guess_gives "--guess: UTF-16LE by its NUL bytes" "$e/fr.utf16le" "$e/fr.want" \
    ": encoding UTF-16LE (NUL bytes; confidence 90%)$"
iconv -f UTF-8 -t UTF-32BE <"$e/fr.want" >"$e/fr.utf32be"
guess_gives "--guess: UTF-32BE by its NUL bytes" "$e/fr.utf32be" "$e/fr.want" \
    ": encoding UTF-32BE (NUL bytes; confidence 90%)$"
# A paragraph is enough for the detector; a line of a few words is not.
para() {
    i=0
    while [ $i -lt 20 ]; do printf '%s' "$1"; i=$((i + 1)); done
    printf '\n'
}
para '日本語のテキストです。今日は良い天気ですね。' >"$e/jap.want"
iconv -f UTF-8 -t SHIFT_JIS <"$e/jap.want" >"$e/jap.sjis"
guess_gives "--guess: Shift_JIS" "$e/jap.sjis" "$e/jap.want" \
    ": encoding Shift_JIS (ICU's charset detector; confidence [0-9]*%)$"
para 'Это простой русский текст о погоде и природе. ' >"$e/rus.want"
iconv -f UTF-8 -t CP1251 <"$e/rus.want" >"$e/rus.cp1251"
guess_gives "--guess: Windows-1251" "$e/rus.cp1251" "$e/rus.want" \
    ": encoding windows-1251 (ICU's charset detector; confidence [0-9]*%)$"
# UTF-8 with a stray cp1252 byte stays UTF-8: the byte is the repair's.
printf 'd\303\251j\303\240 vu, caf\351\n' >"$e/mixed.txt"
printf 'd\303\251j\303\240 vu, caf\303\251\n' >"$e/mixed.want"
guess_gives "--guess: UTF-8 with a cp1252 byte" "$e/mixed.txt" "$e/mixed.want" \
    ": encoding UTF-8 (valid UTF-8, or mostly; confidence 100%)$"
# A truncated sequence at the end of what was guessed: its offset, exit 2.
head -c $(($(wc -c <"$e/jap.sjis") - 2)) "$e/jap.sjis" >"$e/jap_cut.sjis"
status=0
"$mojifix" --guess "$e/jap_cut.sjis" >"$e/out" 2>"$e/err" || status=$?
if grep -q "incomplete character at the end for the encoding Shift_JIS at byte $(($(wc -c <"$e/jap.sjis") - 3)) of the input" "$e/err" &&
    status_is "--guess, truncated" "$status" 2; then
    pass "--guess: a sequence cut off at the end, with its offset"
else
    fail "--guess, truncated" "$(cat "$e/err")"
fi
status=0
"$mojifix" --guess --from=CP1251 "$e/rus.cp1251" >"$e/out" 2>"$e/err" || status=$?
if grep -q "cannot go together" "$e/err" && status_is "--guess with --from" "$status" 2; then
    pass "--guess with --from is refused"
else
    fail "--guess with --from" "$(cat "$e/err")"
fi
