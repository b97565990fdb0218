#!/usr/bin/env python3
"""tests/parallel_corpus.py OUT MEGABYTES: a deterministic corpus for
tests/parallel.sh (the same bytes on every run of one machine).

Lines of real text (the machine's gettext catalogs, read as
tests/bench/corpus.py reads them, and the fixtures), a third of them broken
through one codec (tests/bench/breakers.py), some twice, some with an
invalid byte, a NUL, CRLF, spam from fixtures/spam, long lines (one past
the stream's 64 KiB hard cut) and a last line without a newline. Also
OUT.jsonl: each UTF-8 line as the "text" of a record, the others as they
are (lines --jsonl passes through)."""
import glob
import json
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "bench"))
import breakers  # noqa: E402
import corpus  # noqa: E402


def texts(src):
    out = []
    for name in sorted(glob.glob(os.path.join(src, "fixtures/cases/*.in"))) + \
            sorted(glob.glob(os.path.join(src, "fixtures/seeds/*.txt"))):
        with open(name, "rb") as f:
            out += [t for t in (corpus.decode(r) for r in f.read().split(b"\n")) if t]
    with open(os.path.join(src, "fixtures/spam/carriers.txt"), "rb") as f:
        out += [t.split("\t", 1)[-1] for t in (corpus.decode(r) for r in f.read().split(b"\n")) if t]
    size = 0
    for path, _, _ in corpus.catalogs():
        if size > 4_000_000:
            break
        _, pairs = corpus.read_mo(path)
        for _, msgstr in pairs:
            for t in msgstr.split(b"\x00"):
                t = corpus.decode(t)
                if t and t.strip():
                    out.append(t.replace("\n", " "))
                    size += len(t)
    return out


def line(rnd, pool):
    t = rnd.choice(pool)
    r = rnd.random()
    codec = rnd.choice(list(breakers.CODECS))
    if r < 0.33:
        t = breakers.break_once(t, codec) or t
    elif r < 0.38:
        t = breakers.break_twice(t, codec, rnd.choice(["cp1252", "macroman", "latin1"])) or t
    elif r < 0.385:
        t = " ".join(rnd.choice(pool) for _ in range(rnd.choice([60, 400, 1200])))
    b = t.encode("utf-8")
    r = rnd.random()
    if r < 0.02:
        at = rnd.randrange(len(b) + 1)
        b = b[:at] + rnd.choice([b"\xe9", b"\x93", b"\x00", b"\xc3"]) + b[at:]
    elif r < 0.04:
        b += b"\r"
    return b


def main(out, megabytes):
    rnd = random.Random(20261123)
    pool = texts(os.path.dirname(here))
    lines, size = [], 0
    while size < megabytes * 1_000_000:
        lines.append(line(rnd, pool))
        size += len(lines[-1]) + 1
    with open(out, "wb") as f:
        f.write(b"\n".join(lines))  # no newline after the last line
    with open(out + ".jsonl", "wb") as f:
        for b in lines:
            try:
                b = json.dumps({"id": len(b), "text": b.decode("utf-8")},
                               ensure_ascii=len(b) % 2 == 0).encode("utf-8")
            except UnicodeDecodeError:
                pass
            f.write(b + b"\n")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
