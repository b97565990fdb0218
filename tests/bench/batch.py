"""What the benchmarks share: running the fixer over batches of one case per
line, and the Markdown of their reports."""
import os
import subprocess
import sys


class BatchError(Exception):
    """The run itself failed (the fixer crashed or lost lines)."""


def run_fixer(fixer, texts, jobs, work_dir, name):
    """The fixer's output line (bytes) for each text (str): the batch is split
    into `jobs` contiguous chunks, each run as one fixer process. Lines are
    split on "\\n" only (broken text holds U+0085 and U+2028)."""
    size = -(-len(texts) // jobs) or 1
    runs = []
    for start in range(0, len(texts), size):
        chunk = texts[start:start + size]
        stem = os.path.join(work_dir, "%s.%d" % (name, start))
        with open(stem + ".in", "wb") as f:
            f.writelines(t.encode("utf-8") + b"\n" for t in chunk)
        with open(stem + ".in", "rb") as stdin, open(stem + ".out", "wb") as stdout:
            process = subprocess.Popen([fixer], stdin=stdin, stdout=stdout)
        runs.append((process, stem + ".out", len(chunk)))
    outputs = []
    for process, out_path, expected in runs:
        if process.wait() != 0:
            raise BatchError("%s exited with status %d on the %s batch"
                             % (fixer, process.returncode, name))
        with open(out_path, "rb") as f:
            lines = f.read().split(b"\n")
        if lines[-1] == b"":
            lines.pop()
        if len(lines) != expected:
            raise BatchError("the fixer gave %d lines for %d on the %s batch"
                             % (len(lines), expected, name))
        outputs.extend(lines)
    return outputs


def run_or_exit(tool, fixer, texts, jobs, work_dir, name):
    """run_fixer, stopping with status 2 when the run itself fails."""
    try:
        return run_fixer(fixer, texts, jobs, work_dir, name)
    except BatchError as e:
        print("%s: %s" % (tool, e), file=sys.stderr)
        sys.exit(2)


def percent(ok, total):
    return "%.2f" % (100.0 * ok / total) if total else "n/a"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
