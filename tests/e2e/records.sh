# tests/e2e/records.sh: scripted checks of --jsonl, sourced by run.sh, whose
# helpers (pass, fail, status_is, show_diff, says) and variables ($mojifix,
# $src, $cases, $seeds, $tmp, $m) it uses. The golden cases jsonl*,
# fixtures/cases, hold the hand-checked records (escapes, malformed lines,
# duplicate keys, NUL, CRLF, a BOM, no final newline, --field, --check).

r="$tmp/records"
mkdir -p "$r"
corpus="python3 $src/tests/e2e/jsonl_corpus.py"

# Every UTF-8 line of the fixtures as a record's text, beside copies in
# other members: each text is repaired as the text mode repairs its line,
# nothing else changes, an unchanged record stays byte for byte, and an
# ASCII record stays ASCII.
$corpus make "$r" "$cases"/*.in "$seeds"/*.txt
status=0
"$mojifix" --jsonl "$r/records.jsonl" >"$r/out.jsonl" 2>"$r/err" || status=$?
"$mojifix" -a "$r/lines.txt" >"$r/fixed.txt" 2>>"$r/err" || status=$?
if ! $corpus verify "$r/records.jsonl" "$r/out.jsonl" "$r/fixed.txt" >"$r/problems"; then
    fail "--jsonl on the fixtures' lines" "$(cat "$r/problems")"
elif [ -s "$r/err" ]; then
    fail "--jsonl on the fixtures' lines: unexpected standard error" "$(head -n 3 "$r/err")"
elif cmp -s "$r/out.jsonl" "$r/records.jsonl"; then
    fail "--jsonl on the fixtures' lines: nothing was repaired"
elif status_is "--jsonl on the fixtures' lines" "$status" 0; then
    pass "--jsonl: $(wc -l <"$r/lines.txt") records repaired as their lines, all else as it was"
fi

# The log of a --jsonl run reverts it (without --jsonl), byte for byte.
status=0
"$mojifix" --jsonl --log "$r/log" "$r/records.jsonl" "$cases/jsonl.in" >"$r/out" 2>/dev/null ||
    status=$?
"$mojifix" --revert "$r/log" "$r/out" >"$r/back" || status=$?
if cat "$r/records.jsonl" "$cases/jsonl.in" | cmp -s - "$r/back" &&
    grep -q '"rule":"jsonl-field"' "$r/log" && status_is "--jsonl --log, --revert" "$status" 0; then
    pass "--jsonl --log, then --revert: the records back byte for byte"
else
    fail "--jsonl --log, then --revert: not byte for byte"
fi

# In place, the same as to standard output; --check says 1, then 0.
cp "$r/records.jsonl" "$r/inplace.jsonl"
status=0
"$mojifix" --jsonl -i "$r/inplace.jsonl" || status=$?
"$mojifix" --jsonl --check "$r/out.jsonl" || status=$((status + 10 * $?))
"$mojifix" --jsonl --check "$r/records.jsonl" 2>/dev/null || status=$((status + 100 * $?))
if cmp -s "$r/inplace.jsonl" "$r/out.jsonl" && [ "$status" -eq 100 ]; then
    pass "--jsonl -i, and --jsonl --check (0 on repaired records, 1 before)"
else
    fail "--jsonl -i or --check: status $status (expected 100), or -i differs from standard output"
fi

# Lines that are not records pass as they are; past 20 warnings, one count.
i=0
while [ $i -lt 25 ]; do
    echo "not JSON $i caf$(printf '\303\203\302\251')"
    i=$((i + 1))
done >"$r/text.txt"
status=0
"$mojifix" --jsonl "$r/text.txt" >"$r/out" 2>"$r/err" || status=$?
if cmp -s "$r/out" "$r/text.txt" && [ "$(grep -c ': line [0-9]*: not JSON' "$r/err")" -eq 20 ] &&
    grep -q "text.txt: 25 lines in all passed through unchanged" "$r/err" &&
    status_is "--jsonl on text" "$status" 0; then
    pass "--jsonl on lines that are not records: unchanged, 20 warnings and a count, exit 0"
else
    fail "--jsonl on lines that are not records" "$(tail -n 2 "$r/err")"
fi

says "--field without --jsonl" 2 "^mojifix: --field goes with --jsonl" --field=body "$r/text.txt"
says "--jsonl with --revert" 2 "^mojifix: --revert takes no --jsonl" --jsonl --revert "$r/log" "$r/out"
