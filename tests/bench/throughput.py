#!/usr/bin/env python3
"""Throughput and memory benchmark: mojifix against cat and iconv.

Builds deterministic corpora of about --size MB each (see README.md here):
  english   seed article 000 repeated (clean English, some non-ASCII)
  multi     the accuracy benchmark's clean lines in 150+ languages
  mojibake  the same lines, every third one broken through a rotating codec
  spam      lines of 16 languages, each with a run of injected spam (spam.py)
  longline  the multilingual corpus with every newline removed (one line)
and times, in the same run, the median of --runs runs of `cat F | X > /dev/null`
for X = cat, `iconv -f UTF-8 -t UTF-8` and mojifix: X's CPU time (user +
system) and the pipeline's wall time. Reports MB/s by CPU
time, mojifix's throughput as a ratio of cat's and iconv's (by CPU time, and
by wall time), and mojifix's peak RSS on the corpus and on --big MB of it
(the corpus repeated, streamed into the pipe: never on disk).
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
import spam  # noqa: E402

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


def spam_lines():
    """Every positive case of spam.py's quick set: clean lines of 16
    languages, each with one or two runs of injected spam."""
    carriers = spam.read_corpus(spam.CARRIERS)
    cases, _ = spam.positive_cases(carriers, spam.language_scripts(carriers),
                                   spam.load_vocabulary(), spam.PER_KIND["quick"])
    return [c.input for c in cases]


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
        "spam": ("\n".join(spam_lines()) + "\n").encode(),
        "longline": multi.replace(b"\n", b" "),
    }
    paths = {}
    for name, chunk in files.items():
        paths[name] = os.path.join(work, f"{name}-{size // 2**20}MB.txt")
        fill(paths[name], chunk, size)
    return paths


GNU_TIME = "/usr/bin/time"  # Debian's package `time`


def run_once(cmd, path, repeat=1):
    """`cat path | cmd > /dev/null` (path `repeat` times over, streamed):
    the wall seconds, cmd's CPU seconds (user + system) and its peak RSS in
    KiB. cmd runs under GNU time, which gives its peak RSS (a child forked
    from Python would count Python's memory too); the CPU time comes from
    wait4() on GNU time, which includes cmd's: microseconds where GNU time
    prints hundredths."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        cat = subprocess.Popen(["cat"] + [path] * repeat, stdout=subprocess.PIPE)
        proc = subprocess.Popen([GNU_TIME, "-f", "%M", "--"] + cmd, stdin=cat.stdout,
                                stdout=null, stderr=subprocess.PIPE)
        cat.stdout.close()
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        cat.wait()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed on {path}: {err.decode(errors='replace')}")
    return elapsed, usage.ru_utime + usage.ru_stime, int(err.split()[-1])


def measure(cmd, path, runs):
    """Medians of wall and CPU seconds, and the largest peak RSS."""
    results = [run_once(cmd, path) for _ in range(runs)]
    return (statistics.median(r[0] for r in results),
            statistics.median(r[1] for r in results),
            max(r[2] for r in results))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mojifix", default=os.path.join(ROOT, "build", "mojifix"))
    ap.add_argument("--size", type=int, default=100, help="MB per corpus (default 100)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "mojifix-bench"))
    ap.add_argument("--only", nargs="*", help="corpora to run (default: all)")
    ap.add_argument("--big", type=int, default=1000,
                    help="MB streamed for the second peak RSS (0: none; default 1000)")
    args = ap.parse_args()
    if not os.path.exists(GNU_TIME):
        raise SystemExit(f"needs GNU time at {GNU_TIME} (Debian's package `time`)")
    os.makedirs(args.work, exist_ok=True)
    paths = build(args.work, args.size * 2**20)
    tools = {"cat": ["cat"], "iconv": ["iconv", "-f", "UTF-8", "-t", "UTF-8"], "mojifix": [args.mojifix]}
    print(f"# throughput, {args.size} MB per corpus, median of {args.runs} runs, {time.strftime('%Y-%m-%d')}\n")
    print("MB/s by X's CPU time (user + system); ratios by CPU time, then by the pipeline's wall time.\n")
    print("| corpus | cat MB/s | iconv MB/s | mojifix MB/s | mojifix/cat | mojifix/iconv | "
          "wall: mojifix/cat | wall: mojifix/iconv | peak RSS | peak RSS, big |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, path in paths.items():
        if args.only and name not in args.only:
            continue
        mb = os.path.getsize(path) / 2**20
        wall, cpu, rss = {}, {}, 0
        for tool, cmd in tools.items():
            wall[tool], cpu[tool], peak = measure(cmd, path, args.runs)
            if tool == "mojifix":
                rss = peak
        big = "-"
        if args.big:
            repeat = max(1, round(args.big * 2**20 / os.path.getsize(path)))
            big = f"{run_once(tools['mojifix'], path, repeat)[2] / 1024:.1f} MiB ({repeat * mb:.0f} MB)"
        print(f"| {name} | {mb / cpu['cat']:.0f} | {mb / cpu['iconv']:.0f} | {mb / cpu['mojifix']:.0f} | "
              f"{cpu['cat'] / cpu['mojifix']:.2f} | {cpu['iconv'] / cpu['mojifix']:.2f} | "
              f"{wall['cat'] / wall['mojifix']:.2f} | {wall['iconv'] / wall['mojifix']:.2f} | "
              f"{rss / 1024:.1f} MiB | {big} |", flush=True)


if __name__ == "__main__":
    main()
