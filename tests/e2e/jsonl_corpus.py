#!/usr/bin/env python3
"""tests/e2e/jsonl_corpus.py: JSON Lines records for records.sh.

  make OUT_DIR FILE...   every UTF-8 line of the FILEs (and one long line of
                         ~300 KB) as the "text" of a record, beside copies of
                         it in other members and a nested "text", with keys in
                         varied orders, half written as ASCII (\\u escapes);
                         writes OUT_DIR/records.jsonl, and OUT_DIR/lines.txt,
                         the same texts as plain lines.
  verify IN OUT FIXED    OUT is mojifix --jsonl's output of IN, FIXED mojifix's
                         output of lines.txt: each record's "text" must be
                         FIXED's line, every other member as it was, a record
                         whose text did not change byte for byte the same, and
                         an ASCII record still ASCII. Prints what differs.
"""
import json
import sys


def make(out_dir, files):
    texts = []
    for name in files:
        with open(name, "rb") as f:
            for raw in f.read().split(b"\n"):
                try:
                    texts.append(raw.decode("utf-8"))
                except UnicodeDecodeError:
                    pass
    broken = [t for t in texts if "Ã" in t or "Ð" in t] or texts
    long_line = []
    while sum(len(t) for t in long_line) < 300000:
        long_line.append(broken[len(long_line) % len(broken)])
    texts.append(" ".join(long_line))
    with open(out_dir + "/records.jsonl", "w", encoding="utf-8", newline="") as rec, \
            open(out_dir + "/lines.txt", "w", encoding="utf-8", newline="") as lines:
        for i, t in enumerate(texts):
            members = [("id", i), ("text", t), ("other", t), ("meta", {"text": t, "n": [i, None]})]
            members = members[i % 4:] + members[:i % 4]
            rec.write(json.dumps(dict(members), ensure_ascii=i % 2 == 0,
                                 separators=(",", ":") if i % 3 else (", ", ": ")) + "\n")
            lines.write(t + "\n")


def verify(in_path, out_path, fixed_path):
    def lines(path):
        with open(path, "rb") as f:
            return f.read().split(b"\n")
    ins, outs, fixed = lines(in_path), lines(out_path), lines(fixed_path)
    problems = []
    if len(ins) != len(outs):
        problems.append("%d lines in, %d out" % (len(ins), len(outs)))
    for n, (i, o, want) in enumerate(zip(ins, outs, fixed), 1):
        if not i:
            continue
        a, b = json.loads(i), json.loads(o)
        if b["text"].encode("utf-8", "surrogatepass") != want:
            problems.append("line %d: text is not what the text mode makes of it" % n)
        if list(a) != list(b) or any(a[k] != b[k] for k in a if k != "text"):
            problems.append("line %d: another member changed" % n)
        if a["text"] == b["text"] and i != o:
            problems.append("line %d: no change, yet not byte for byte" % n)
        if i.isascii() and not o.isascii():
            problems.append("line %d: was ASCII, is not" % n)
    for p in problems[:10]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 5 and sys.argv[1] == "verify":
        sys.exit(verify(*sys.argv[2:]))
    else:
        sys.exit(__doc__)
