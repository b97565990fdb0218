# tests/e2e/modes.sh: scripted checks of --log, --revert, --check, --explain,
# --stats, -i and of faults (signals, a full disk, a closed pipe), sourced by
# run.sh, whose helpers (pass, fail, status_is, show_diff) and variables
# ($mojifix, $src, $cases, $seeds, $tmp) it uses.

m="$tmp/modes"
mkdir -p "$m"
cafe=$(printf 'caf\303\203\302\251')   # café broken through cp1252
printf 'Un %s cr\303\203\302\250me\n' "$cafe" >"$m/a.txt"
printf 'no final newline, bad \351 byte, NUL \000, CR\r\nend %s' "$cafe" >"$m/b.txt"
printf 'clean text\n' >"$m/clean.txt"

# -- log and revert: every golden input and seed, as one stream of several
# files, comes back byte for byte (-a: those with NUL bytes too).
set --
for f in "$cases"/*.in "$seeds"/*.txt "$m/a.txt" "$m/b.txt"; do set -- "$@" "$f"; done
cat "$@" >"$m/all.in"
status=0
"$mojifix" -a --log "$m/all.log" "$@" >"$m/all.out" 2>"$m/err" || status=$?
"$mojifix" --revert "$m/all.log" "$m/all.out" >"$m/all.back" 2>>"$m/err" || status=$?
if ! cmp -s "$m/all.back" "$m/all.in"; then
    fail "log and revert: the reverted text is not the input"
elif [ -s "$m/err" ]; then
    fail "log and revert: unexpected standard error" "$(head -n 3 "$m/err")"
elif status_is "log and revert" "$status" 0; then
    pass "log and revert: $# inputs back byte for byte"
fi
if [ "$(grep -c '"type":"input"' "$m/all.log")" -eq $# ] &&
    grep -q '"before_hex":"e9"' "$m/all.log"; then
    pass "log: one input record per input, invalid bytes in hex"
else
    fail "log: input records or hex bytes missing" "$(head -n 3 "$m/all.log")"
fi

# The same from standard input, and the revert from standard input.
status=0
"$mojifix" --log "$m/b.log" <"$m/b.txt" >"$m/b.out" || status=$?
"$mojifix" --revert="$m/b.log" <"$m/b.out" >"$m/b.back" || status=$?
if cmp -s "$m/b.back" "$m/b.txt" && status_is "revert from standard input" "$status" 0; then
    pass "log and revert through standard input"
else
    fail "log and revert through standard input: not byte for byte"
fi

# says NAME STATUS REGEX ARG...: mojifix ARG... exits with STATUS and says
# what REGEX matches on standard error.
says() {
    name=$1 want=$2 re=$3
    shift 3
    status=0
    "$mojifix" "$@" >"$m/out" 2>"$m/err" || status=$?
    if ! grep -q "$re" "$m/err"; then
        fail "$name: no message like '$re'" "$(cat "$m/err")"
    elif status_is "$name" "$status" "$want"; then
        pass "$name"
    fi
}

# -- revert refuses a text that is not the fixed output, naming the offset.
"$mojifix" --log "$m/a.log" "$m/a.txt" >"$m/a.out"
sed 's/café/cafe/' "$m/a.out" >"$m/a.edited"
says "revert refuses a changed replacement" 2 \
    "^mojifix: $m/a.edited: byte 6: the text does not match the log" --revert "$m/a.log" "$m/a.edited"
sed 's/^Un/An/' "$m/a.out" >"$m/a.edited"
says "revert refuses a change elsewhere" 2 \
    "^mojifix: $m/a.edited: bytes 0 to 16: the text does not match the log's checksum" \
    --revert "$m/a.log" "$m/a.edited"
head -c 10 "$m/a.out" >"$m/a.short"
says "revert refuses a truncated text" 2 \
    "^mojifix: $m/a.short: byte 10: the text ends here" --revert "$m/a.log" "$m/a.short"
cat "$m/a.out" "$m/a.out" >"$m/a.long"
says "revert refuses a longer text" 2 \
    "^mojifix: $m/a.long: byte 16: the text goes on past" --revert "$m/a.log" "$m/a.long"
says "revert refuses a file that is not a log" 2 \
    "^mojifix: $m/a.txt: line 1: not JSON" --revert "$m/a.txt" "$m/a.out"

# -- check: no text; 1 when something would change, 0 when not; with
# --explain it says why.
status=0
"$mojifix" --check "$m/clean.txt" "$m/a.txt" >"$m/out" 2>"$m/err" || status=$?
if [ -s "$m/out" ] || [ -s "$m/err" ]; then
    fail "--check wrote something" "$(head -c 200 "$m/out" "$m/err")"
elif status_is "--check, a change" "$status" 1; then
    pass "--check: exit 1 when an input would change"
fi
status=0
"$mojifix" --check "$m/clean.txt" >"$m/out" 2>&1 || status=$?
if [ ! -s "$m/out" ] && status_is "--check, no change" "$status" 0; then pass "--check: exit 0 when none would"; fi
status=0
"$mojifix" --check --explain "$m/a.txt" >"$m/out" 2>"$m/err" || status=$?
if [ "$(wc -l <"$m/err")" -eq 2 ] && grep -q "^$m/a.txt:1:7: byte 6: \"Ã©\" → \"é\" utf8-as-cp1252$" "$m/err" &&
    [ ! -s "$m/out" ] && status_is "--check --explain" "$status" 1; then
    pass "--check --explain says why"
else
    fail "--check --explain: not the two edits on standard error" "$(cat "$m/err")"
fi
status=0
"$mojifix" --check "$m/a.txt" "$m/missing.txt" >"$m/out" 2>"$m/err" || status=$?
if status_is "--check, a missing file" "$status" 2; then pass "--check: trouble beats a change (exit 2)"; fi

# --explain=FILE leaves standard error alone.
status=0
"$mojifix" --explain="$m/explain.txt" "$m/a.txt" >"$m/out" 2>"$m/err" || status=$?
if [ "$(wc -l <"$m/explain.txt")" -eq 2 ] && [ ! -s "$m/err" ] && status_is "--explain=FILE" "$status" 0; then
    pass "--explain=FILE"
else
    fail "--explain=FILE: not two lines in the file, or something on standard error"
fi

# -- in place: replaced atomically, mode kept, backup with a suffix, files
# that need no change untouched, no temporary file left.
cp "$m/a.txt" "$m/ip.txt"
cp "$m/clean.txt" "$m/ip_clean.txt"
chmod 640 "$m/ip.txt"
owner=$(id -u)
if [ "$owner" -eq 0 ] && chown 65534:65534 "$m/ip.txt" 2>/dev/null; then
    owner=65534 # root may keep another user's file theirs
fi
touch -d '2001-01-01 00:00' "$m/ip_clean.txt"
status=0
"$mojifix" -i.bak --log "$m/ip.log" "$m/ip.txt" "$m/ip_clean.txt" >"$m/out" 2>"$m/err" || status=$?
"$mojifix" "$m/a.txt" >"$m/a.want"
if ! cmp -s "$m/ip.txt" "$m/a.want"; then
    fail "-i: the file was not repaired"
elif ! cmp -s "$m/ip.txt.bak" "$m/a.txt"; then
    fail "-i.bak: no backup of the original"
elif [ "$(stat -c %a:%u "$m/ip.txt")" != "640:$owner" ]; then
    fail "-i: mode and owner $(stat -c %a:%u "$m/ip.txt"), expected 640:$owner"
elif [ -e "$m/ip_clean.txt.bak" ] || [ "$(stat -c %Y "$m/ip_clean.txt")" != "$(date -d '2001-01-01 00:00' +%s)" ]; then
    fail "-i: a file that needed no change was touched"
elif [ -s "$m/out" ] || [ -s "$m/err" ]; then
    fail "-i: wrote something" "$(head -c 200 "$m/out" "$m/err")"
elif ls -a "$m" | grep -q mojifix-; then
    fail "-i: a temporary file was left" "$(ls -a "$m")"
elif status_is "-i" "$status" 0; then
    pass "-i.bak: repaired in place, mode and owner kept, backup, clean file untouched"
fi
status=0
"$mojifix" --revert "$m/ip.log" --in-place=.fixed "$m/ip.txt" "$m/ip_clean.txt" 2>"$m/err" || status=$?
if cmp -s "$m/ip.txt" "$m/a.txt" && cmp -s "$m/ip.txt.fixed" "$m/a.want" &&
    cmp -s "$m/ip_clean.txt" "$m/clean.txt" && status_is "revert -i" "$status" 0; then
    pass "--revert --in-place: each file by its record in the log"
else
    fail "--revert --in-place: files not restored" "$(cat "$m/err")"
fi

# A symbolic link stays a link; a missing file and a directory are named,
# the others still done, exit 2.
cp "$m/a.txt" "$m/target.txt"
ln -s target.txt "$m/link.txt"
mkdir "$m/dir"
status=0
"$mojifix" -i --log "$m/link.log" "$m/missing.txt" "$m/dir" "$m/link.txt" >"$m/out" 2>"$m/err" ||
    status=$?
if [ ! -L "$m/link.txt" ] || ! cmp -s "$m/target.txt" "$m/a.want"; then
    fail "-i: the link's target was not repaired, or the link was replaced"
elif ! grep -q "^mojifix: $m/missing.txt: No such file" "$m/err" || ! grep -q "^mojifix: $m/dir: " "$m/err"; then
    fail "-i: the missing file or the directory not named" "$(cat "$m/err")"
elif status_is "-i, bad files" "$status" 2; then
    pass "-i: a link stays a link; bad files named, the others done"
fi
status=0
"$mojifix" --revert "$m/link.log" -i "$m/link.txt" 2>"$m/err" || status=$?
if [ -L "$m/link.txt" ] && cmp -s "$m/target.txt" "$m/a.txt" && status_is "revert -i, a link" "$status" 0; then
    pass "--revert -i: through a link, by the name it was given"
else
    fail "--revert -i through a link: not restored, or the link replaced" "$(cat "$m/err")"
fi
says "-i refuses standard input" 2 'cannot write standard input back' -i - <"$m/a.txt"

# -- stats.
"$mojifix" --stats -a "$m/a.txt" "$m/b.txt" >"$m/out" 2>"$m/err" || true
if grep -q '^mojifix: stats: 2 inputs, [0-9]* bytes in, [0-9]* bytes out, 4 edits, 3 lines touched$' "$m/err" &&
    grep -q '^mojifix: stats: 3 utf8-as-cp1252$' "$m/err" && grep -q '^mojifix: stats: 1 invalid-utf8-as-cp1252$' "$m/err"; then
    pass "--stats"
else
    fail "--stats: not the counts expected" "$(cat "$m/err")"
fi

# -- faults. A log that cannot be written: exit 2, a message, no log.
says "--log to a full disk" 2 '^mojifix: /dev/full: No space left' --log /dev/full "$m/a.txt"
says "--log in a missing directory" 2 "^mojifix: $m/nodir/x.log: No such file" \
    --log "$m/nodir/x.log" "$m/a.txt"

# A closed pipe with a log: quiet, and no log or temporary file is left.
if env --default-signal=PIPE true 2>/dev/null; then
    yes "$cafe" 2>/dev/null | head -c 20000000 >"$m/big.txt"
    env --default-signal=PIPE "$mojifix" --log "$m/pipe.log" "$m/big.txt" 2>"$m/err" | head -c 10 >/dev/null
    if [ -s "$m/err" ] || [ -e "$m/pipe.log" ] || ls -a "$m" | grep -q 'pipe.log.mojifix-'; then
        fail "closed pipe with --log: not quiet, or a log left" "$(cat "$m/err")"
    else
        pass "closed pipe with --log: quiet, no half-written log"
    fi
fi

# SIGINT while a file is being replaced in place and a log written: the
# explanation goes to a FIFO that is held open and never read, so mojifix
# blocks with its temporary files open; then it is interrupted.
if env --default-signal=INT true 2>/dev/null && mkfifo "$m/fifo" 2>/dev/null; then
    i=0
    while [ $i -lt 4000 ]; do echo "$cafe $cafe"; i=$((i + 1)); done >"$m/int.txt"
    cp "$m/int.txt" "$m/int.orig"
    exec 7<>"$m/fifo"
    env --default-signal=INT "$mojifix" -i --log "$m/int.log" --explain="$m/fifo" "$m/int.txt" 2>"$m/err" &
    pid=$!
    i=0
    until ls -a "$m" | grep -q '^\.int\.txt\.mojifix-' || [ $i -ge 300 ]; do sleep 0.1; i=$((i + 1)); done
    kill -INT $pid
    status=0
    wait $pid || status=$?
    exec 7<&-
    if ls -a "$m" | grep -q 'int.*mojifix-' || [ -e "$m/int.log" ]; then
        fail "SIGINT: a temporary file or a half-written log was left" "$(ls -a "$m")"
    elif ! cmp -s "$m/int.txt" "$m/int.orig"; then
        fail "SIGINT: the file was changed"
    elif status_is "SIGINT" "$status" 130; then
        pass "SIGINT: no temporary or half-written file, the original as it was"
    fi
fi

# -- injected faults (failio.c, an LD_PRELOAD shim; not under ASan, whose
# runtime must come first).
if command -v cc >/dev/null 2>&1 && ! ldd "$mojifix" 2>/dev/null | grep -q libasan &&
    cc -shared -fPIC -o "$m/failio.so" "$src/tests/e2e/failio.c" -ldl 2>"$m/err"; then
    # A read error in the middle: named with its offset, what was read is
    # still repaired and written, exit 2.
    status=0
    env LD_PRELOAD="$m/failio.so" MF_FAIL_READ_AFTER=10 "$mojifix" "$m/a.txt" >"$m/out" 2>"$m/err" ||
        status=$?
    head -c 10 "$m/a.txt" | "$mojifix" >"$m/want"
    if [ "$(cat "$m/err")" != "mojifix: $m/a.txt: read error at byte 10: Input/output error" ]; then
        fail "read error: not named with its offset" "$(cat "$m/err")"
    elif ! cmp -s "$m/out" "$m/want"; then
        fail "read error: what was read is not in the output"
    elif status_is "read error" "$status" 2; then
        pass "a read error in the middle: named with its offset, exit 2"
    fi
    # In place, a file not read whole is never replaced.
    cp "$m/a.txt" "$m/half.txt"
    status=0
    env LD_PRELOAD="$m/failio.so" MF_FAIL_READ_AFTER=10 "$mojifix" -i "$m/half.txt" 2>"$m/err" ||
        status=$?
    if ! cmp -s "$m/half.txt" "$m/a.txt" || ls -a "$m" | grep -q 'half.*mojifix-'; then
        fail "-i, read error: the file was replaced or a temporary file left"
    elif status_is "-i, read error" "$status" 2; then
        pass "-i: a file not read whole is left as it was"
    fi
    # No hard links: the backup is made by renaming the original.
    cp "$m/a.txt" "$m/nolink.txt"
    status=0
    env LD_PRELOAD="$m/failio.so" MF_FAIL_LINK=1 "$mojifix" -i.bak "$m/nolink.txt" 2>"$m/err" ||
        status=$?
    if cmp -s "$m/nolink.txt.bak" "$m/a.txt" && cmp -s "$m/nolink.txt" "$m/a.want" &&
        status_is "-i.bak without hard links" "$status" 0; then
        pass "-i.bak on a file system without hard links"
    else
        fail "-i.bak without hard links: no backup, or not repaired" "$(cat "$m/err")"
    fi
else
    echo "skip injected faults: no cc, or a sanitizer build"
fi
