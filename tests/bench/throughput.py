#!/usr/bin/env python3
"""Throughput and memory benchmark: mojifix against cat and iconv.

Builds deterministic corpora of about --size MB each (see README.md here):
  english   seed article 000 repeated (clean English, some non-ASCII)
  multi     the accuracy benchmark's clean lines in 150+ languages
  mojibake  the same lines, every third one broken through a rotating codec
  longline  the multilingual corpus with every newline removed (one line)
and times, in the same run, the median of --runs runs of `cat F | X > /dev/null`
for X = cat, `iconv -f UTF-8 -t UTF-8` and mojifix. Reports MB/s, mojifix's
throughput as a ratio of cat's and iconv's, and mojifix's peak RSS.
Benchmarks measure and report; nothing here asserts.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import breakers  # noqa: E402
import corpus  # noqa: E402

ROTATION = ("cp1252", "macroman", "cp1251", "latin2", "koi8-r", "cp437")


def fill(path, chunk, size):
    """Writes chunk (bytes) again and again until the file has size bytes."""
    if os.path.exists(path) and os.path.getsize(path) >= size:
        return
    with open(path, "wb") as f:
        written = 0
        while written < size:
            f.write(chunk)
            written += len(chunk)


def clean_lines(work):
    path = os.path.join(work, "bench-lines.txt")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, "corpus.py"), "bench", "--out", path],
                       check=True, stderr=subprocess.DEVNULL)
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t", 1)[1] for line in f]


def broken_every_third(lines):
    out = []
    for i, line in enumerate(lines):
        broken = breakers.break_once(line, ROTATION[(i // 3) % len(ROTATION)]) if i % 3 == 0 else None
        out.append(broken if broken is not None else line)
    return out


def build(work, size):
    lines = clean_lines(work)
    with open(os.path.join(ROOT, "fixtures", "seeds", "000.txt"), "rb") as f:
        english = f.read()
    multi = ("\n".join(lines) + "\n").encode()
    moji = ("\n".join(broken_every_third(lines)) + "\n").encode()
    files = {
        "english": english,
        "multi": multi,
        "mojibake": moji,
        "longline": multi.replace(b"\n", b" "),
    }
    paths = {}
    for name, chunk in files.items():
        paths[name] = os.path.join(work, f"{name}-{size // 2**20}MB.txt")
        fill(paths[name], chunk, size)
    return paths


GNU_TIME = "/usr/bin/time"  # Debian's package `time`: the child's own peak RSS


def run_once(cmd, path):
    """Seconds for `cat path | cmd > /dev/null`, and the command's peak RSS in
    KiB (measured by GNU time: a child forked from Python would count
    Python's memory too), or 0 without it."""
    measured = os.path.exists(GNU_TIME)
    full = [GNU_TIME, "-f", "%M", "--"] + cmd if measured else cmd
    start = time.perf_counter()
    with open(path, "rb") as src, open(os.devnull, "wb") as null:
        cat = subprocess.Popen(["cat"], stdin=src, stdout=subprocess.PIPE)
        proc = subprocess.run(full, stdin=cat.stdout, stdout=null, stderr=subprocess.PIPE)
        cat.stdout.close()
        cat.wait()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed on {path}: {proc.stderr.decode(errors='replace')}")
    return elapsed, int(proc.stderr.split()[-1]) if measured else 0


def measure(cmd, path, runs):
    results = [run_once(cmd, path) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mojifix", default=os.path.join(ROOT, "build", "mojifix"))
    ap.add_argument("--size", type=int, default=100, help="MB per corpus (default 100)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "mojifix-bench"))
    ap.add_argument("--only", nargs="*", help="corpora to run (default: all)")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    paths = build(args.work, args.size * 2**20)
    tools = {"cat": ["cat"], "iconv": ["iconv", "-f", "UTF-8", "-t", "UTF-8"], "mojifix": [args.mojifix]}
    print(f"# throughput, {args.size} MB per corpus, median of {args.runs} runs\n")
    print("| corpus | cat MB/s | iconv MB/s | mojifix MB/s | mojifix/cat | mojifix/iconv | mojifix peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for name, path in paths.items():
        if args.only and name not in args.only:
            continue
        mb = os.path.getsize(path) / 2**20
        speed, rss = {}, 0
        for tool, cmd in tools.items():
            secs, peak = measure(cmd, path, args.runs)
            speed[tool] = mb / secs
            if tool == "mojifix":
                rss = peak
        print(f"| {name} | {speed['cat']:.0f} | {speed['iconv']:.0f} | {speed['mojifix']:.0f} | "
              f"{speed['mojifix'] / speed['cat']:.2f} | {speed['mojifix'] / speed['iconv']:.2f} | "
              f"{rss / 1024:.1f} MiB |", flush=True)


if __name__ == "__main__":
    main()
