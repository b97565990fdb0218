#!/usr/bin/env python3
"""Accuracy benchmark: how much mojibake the fixer restores, and what it harms.

Takes clean sentences ("lang<TAB>text" lines), breaks them the ways
breakers.py knows, feeds each category to the fixer as one batch (one case
per line, stdin -> stdout, N lines in -> N lines out) and compares each
output line byte for byte with the clean sentence. Categories:

  single  every sentence with non-ASCII through every codec once
  double  sampled sentences through every ordered pair of codecs
  mixed   a clean sentence and two sentences broken through two different
          codecs, on one line joined by spaces, in a random order
  lossy   single breaks whose NBSPs became plain spaces (reported only)
  lost    single breaks by a decoder that drops the bytes the codec leaves
          undefined, or puts U+FFFD or '?' there; each damaged character
          should come back as U+FFFD (itself when it is the only fit)
  marked  clean sentences with some letters lost to U+FFFD or '?' (reported)
  legacy  sentences of the languages each legacy pair is for (breakers.py
          LEGACY_PAIRS) in one single-byte codec read as another
  cjk     Chinese, Japanese and Korean sentences through the double-byte
          paths of breakers.py (UTF-8 read as GBK ..., GBK ... read as cp1252
          or Latin-1); where the decoder lost bytes (U+FFFD) the case is
          counted apart, as changed or kept, since it cannot be restored
  clean   every sentence as it is: nothing may change

Prints a Markdown report on stdout; writes the failures of each category to
--out-dir. With --assert, exits 1 unless single breaks are restored for
>= 99% of the breakable cases of every codec, double breaks for >= 95%
overall, legacy mix-ups for LEGACY_MIN[pair] of every pair, lost bytes for
the LOST_MIN share of each way (quick run only), the lossless CJK cases of
every path for --cjk-min (default 99%; the quick test sets what the rule
reaches), and no clean line changes. Deterministic: fixed seeds, so the same
corpus and fixer give the same report (but for the timings and paths).

  accuracy.py --mojifix PATH [--corpus FILE | --quick] [--assert] [--jobs N]
"""

import argparse
import collections
import glob
import os
import random
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import breakers  # noqa: E402
import batch  # noqa: E402
import corpus  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SAMPLE = os.path.join(ROOT, "fixtures", "accuracy", "sample.txt")
SEED = "mojifix-accuracy-1"

# (double-break sentences per codec pair, mixed lines, lost-byte sentences
# per codec and way)
FULL_SIZES = (300, 3000, 2000)
QUICK_SIZES = (15, 300, 150)

SINGLE_MIN, DOUBLE_MIN = 0.99, 0.95
# Floors a little under what the lost-byte rule reaches on the quick sample
# (83 %, 93 %, 91 %), against regressions; the full run reports them only.
LOST_MIN = {"dropped": 0.80, "U+FFFD": 0.90, "?": 0.88}
# The break that lost bytes, broken again.
LOST_TWICE = "cp1252 > cp1252"
# Legacy mix-ups restored, per pair, on the quick sample and the full
# corpus: what the rule reaches, less a little (letter pairs tell Cyrillic
# read as Cyrillic, a permutation of its letters; Latin read as Latin is
# read only where no language writes the line as it stands, and a line with
# one or two broken letters often reads in another: Lithuanian "á" for "į",
# Romanian "ã" for "ă").
LEGACY_MIN = {
    "cp1251-as-cp1252": 0.98, "koi8-r-as-latin1": 0.97, "koi8-u-as-latin1": 0.97,
    "koi8-r-as-cp1251": 0.94, "koi8-u-as-cp1251": 0.95, "cp866-as-cp1251": 0.95,
    "cp1253-as-cp1252": 0.98, "cp1250-as-cp1252": 0.87, "cp1254-as-cp1252": 0.91,
    "cp1257-as-cp1252": 0.76,
}
FAILURES_SHOWN_PER_LABEL = 50
CLEAN_CHANGED_SHOWN = 20
WORST_PAIRS = 10

Case = collections.namedtuple("Case", "label lang input expected")


# --- the clean corpus -------------------------------------------------------

def bench_corpus_path():
    """The machine's bench corpus, built by corpus.py once and cached in the
    temp dir under a key of corpus.py's code and the catalogs' sizes/times."""
    with open(corpus.__file__, "rb") as f:
        key = zlib.crc32(f.read())
    for path in sorted(glob.glob(corpus.LOCALE_GLOB)):
        st = os.stat(path)
        key = zlib.crc32(("%s %d %d" % (path, st.st_size, st.st_mtime_ns)).encode(), key)
    cached = os.path.join(tempfile.gettempdir(), "mojifix-bench", "bench-%08x.txt" % key)
    if not os.path.exists(cached):
        print("building the bench corpus into %s ..." % cached, file=sys.stderr)
        partial = "%s.%d.part" % (cached, os.getpid())
        corpus.main(["bench", "--out", partial])
        os.replace(partial, cached)
    return cached


def read_corpus(path):
    """[(lang, text)] from a corpus file."""
    with open(path, encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in f if "\t" in line]


# --- cases ------------------------------------------------------------------

def single_cases(sentences, unbreakable):
    cases = []
    for codec in breakers.CODECS:
        for lang, text in sentences:
            broken = breakers.break_once(text, codec)
            if broken is None:
                unbreakable[codec] += 1
            else:
                cases.append(Case(codec, lang, broken, text))
    return cases


def double_cases(sentences, per_pair, unbreakable):
    """per_pair breakable sentences for each ordered codec pair (c1 may be c2)."""
    cases = []
    for first in breakers.CODECS:
        for second in breakers.CODECS:
            label = "%s > %s" % (first, second)
            order = list(range(len(sentences)))
            random.Random("%s double %s" % (SEED, label)).shuffle(order)
            taken = 0
            for i in order:
                if taken == per_pair:
                    break
                lang, text = sentences[i]
                broken = breakers.break_twice(text, first, second)
                if broken is None:
                    unbreakable[first] += 1
                    continue
                cases.append(Case(label, lang, broken, text))
                taken += 1
    return cases


def mixed_cases(lines, sentences, count):
    """Lines of a clean sentence plus two broken ones, all of one language."""
    rng = random.Random("%s mixed" % SEED)
    by_lang, all_by_lang = group_by_lang(sentences), group_by_lang(lines)
    cases = []
    while len(cases) < count:
        lang, first = rng.choice(sentences)
        second = rng.choice(by_lang[lang])
        codec_a, codec_b = rng.sample(list(breakers.CODECS), 2)
        broken_a = breakers.break_once(first, codec_a)
        broken_b = breakers.break_once(second, codec_b)
        if broken_a is None or broken_b is None:
            continue
        parts = [(rng.choice(all_by_lang[lang]),) * 2, (broken_a, first), (broken_b, second)]
        rng.shuffle(parts)
        cases.append(Case("%s + %s" % (codec_a, codec_b), lang,
                          " ".join(p[0] for p in parts), " ".join(p[1] for p in parts)))
    return cases


def group_by_lang(pairs):
    grouped = collections.defaultdict(list)
    for lang, text in pairs:
        grouped[lang].append(text)
    return grouped


def lossy_cases(sentences):
    """Single breaks that contained an NBSP, with it turned into a space."""
    cases = []
    for codec in breakers.CODECS:
        for lang, text in sentences:
            broken = breakers.break_once(text, codec)
            if broken is not None and breakers.NBSP in broken:
                cases.append(Case(codec, lang, broken.replace(breakers.NBSP, " "), text))
    return cases


def lost_cases(sentences, per_label):
    """per_label sentences that lose a byte, for each lossy codec and way,
    and for each way through cp1252 and then broken again through it."""
    cases = []
    for codec in breakers.LOSSY_CODECS + (LOST_TWICE,):
        for way in breakers.LOST_WAYS:
            label = "%s, %s" % (codec, way)
            order = list(range(len(sentences)))
            random.Random("%s lost %s" % (SEED, label)).shuffle(order)
            taken = 0
            for i in order:
                if taken == per_label:
                    break
                lang, text = sentences[i]
                broken = breakers.break_losing(text, codec.split(" > ")[0], way)
                if broken is not None and codec == LOST_TWICE:
                    broken = breakers.break_once(broken[0], "cp1252"), broken[1]
                if broken is not None and broken[0] is not None:
                    cases.append(Case(label, lang, broken[0], broken[1]))
                    taken += 1
    return cases


def marked_cases(sentences):
    """Clean sentences with a sixth of their non-ASCII letters lost to U+FFFD
    or '?' (as a strict decoder leaves text that was never mojibake): they
    must come out as they went in."""
    rng = random.Random("%s marked" % SEED)
    cases = []
    for lang, text in sentences:
        chars = list(text)
        letters = [i for i, c in enumerate(chars) if not c.isascii() and c.isalpha()]
        if not letters:
            continue
        for i in rng.sample(letters, max(1, len(letters) // 6)):
            chars[i] = "\ufffd" if rng.random() < 0.7 else "?"
        marked = "".join(chars)
        cases.append(Case("marked", lang, marked, marked))
    return cases


def legacy_cases(sentences, unbreakable):
    """Each pair's languages' sentences, real codec read as the other."""
    cases = []
    for real, read, langs in breakers.LEGACY_PAIRS:
        label = "%s-as-%s" % (real, read)
        for lang, text in sentences:
            if lang not in langs:
                continue
            broken = breakers.break_legacy(text, real, read)
            if broken is None:
                unbreakable[label] += 1
            elif broken != text:
                cases.append(Case(label, lang, broken, text))
    return cases


def cjk_cases(lines):
    """Every Chinese, Japanese and Korean sentence with non-ASCII through
    every CJK path that takes it; lossy ones are labelled "lossy <path>"."""
    cases = []
    sentences = [(lang, text) for lang, text in lines
                 if lang in breakers.CJK_LANGS and not text.isascii()]
    for label in list(breakers.CJK_UTF8) + list(breakers.CJK_LEGACY):
        for lang, text in sentences:
            broken = breakers.break_cjk(text, lang, label)
            if broken is not None:
                cases.append(Case(label if broken[1] else "lossy " + label, lang, broken[0], text))
    return cases


def clean_cases(lines):
    return [Case("clean", lang, text, text) for lang, text in lines]


# --- running the fixer ------------------------------------------------------

def run_fixer(fixer, cases, jobs, work_dir, name):
    """The fixer's output line (bytes) for each case."""
    return batch.run_or_exit("accuracy", fixer, [c.input for c in cases], jobs, work_dir, name)


def fatal(message):
    """Stop with status 2: the run itself failed, whatever the accuracy."""
    print("accuracy: " + message, file=sys.stderr)
    sys.exit(2)


class Result:
    """One category's cases, the fixer's outputs and what passed."""

    def __init__(self, name, cases, outputs, seconds):
        self.name, self.cases, self.outputs, self.seconds = name, cases, outputs, seconds
        self.ok = [out == c.expected.encode("utf-8") for c, out in zip(cases, outputs)]

    def tally(self, key):
        """{key(case): [restored, cases]}, in first-seen order."""
        counts = {}
        for case, ok in zip(self.cases, self.ok):
            entry = counts.setdefault(key(case), [0, 0])
            entry[0] += ok
            entry[1] += 1
        return counts

    def restored(self):
        return sum(self.ok), len(self.ok)

    def failures(self):
        return [(c, out) for c, out, ok in zip(self.cases, self.outputs, self.ok) if not ok]

    def input_bytes(self):
        return sum(len(c.input.encode("utf-8")) + 1 for c in self.cases)


def run_category(fixer, name, cases, jobs, work_dir):
    started = time.monotonic()
    outputs = run_fixer(fixer, cases, jobs, work_dir, name)
    return Result(name, cases, outputs, time.monotonic() - started)


# --- the report -------------------------------------------------------------

percent, table = batch.percent, batch.table


def single_section(result, unbreakable):
    counts = result.tally(lambda c: c.label)
    rows = []
    for codec in breakers.CODECS:
        ok, total = counts.get(codec, (0, 0))
        rows.append((codec, total, unbreakable[codec], ok, percent(ok, total)))
    ok, total = result.restored()
    rows.append(("**all**", total, sum(unbreakable.values()), ok, percent(ok, total)))
    return "## Single break\n\n" + table(
        ("codec", "cases", "not breakable", "restored", "%"), rows)


def double_section(result, unbreakable, per_pair):
    by_first = result.tally(lambda c: c.label.split(" > ")[0])
    rows = [(codec, by_first[codec][1], unbreakable[codec], by_first[codec][0],
             percent(*by_first[codec])) for codec in breakers.CODECS if codec in by_first]
    ok, total = result.restored()
    rows.append(("**all**", total, sum(unbreakable.values()), ok, percent(ok, total)))
    pairs = result.tally(lambda c: c.label)
    worst = sorted(pairs.items(), key=lambda kv: (kv[1][0] / kv[1][1], kv[0]))[:WORST_PAIRS]
    return ("## Double break\n\n%d ordered codec pairs, up to %d sentences each; "
            "by first codec (sentences skipped as not breakable: by first codec of the pair).\n\n"
            % (len(pairs), per_pair)
            + table(("first codec", "cases", "not breakable", "restored", "%"), rows)
            + "\nWorst %d pairs:\n\n" % WORST_PAIRS
            + table(("pair", "cases", "restored", "%"),
                    [(label, n, ok, percent(ok, n)) for label, (ok, n) in worst]))


def other_section(mixed, lossy):
    rows = [("mixed line: clean + codec A + codec B",) + counts_row(mixed.restored()),
            ("lossy: single break, NBSP lost to a space (not asserted)",)
            + counts_row(lossy.restored())]
    return "## Mixed and lossy\n\n" + table(("category", "cases", "restored", "%"), rows)


def lost_section(result):
    counts = result.tally(lambda c: c.label)
    rows = [(label,) + counts_row(n) for label, n in counts.items()]
    by_way = result.tally(lambda c: c.label.split(", ")[1])
    rows += [("**%s, all**" % way,) + counts_row(n) for way, n in by_way.items()]
    rows.append(("**all**",) + counts_row(result.restored()))
    return ("## Lost bytes\n\nSingle breaks by a decoder that loses the bytes the codec "
            "leaves undefined; restored when each damaged character is U+FFFD (or itself, "
            "when it is the only character that fits) and the rest is repaired.\n\n"
            + table(("codec, way", "cases", "restored", "%"), rows))


def marked_section(result):
    ok, total = result.restored()
    return ("## Clean lines with lost characters\n\nClean sentences with a sixth of their "
            "non-ASCII letters replaced by U+FFFD or `?`; none should change.\n\n"
            + table(("lines", "changed"), [(total, total - ok)]))


def legacy_section(result, unbreakable):
    counts = result.tally(lambda c: c.label)
    rows = [(label, n, unbreakable[label], ok, percent(ok, n))
            for label, (ok, n) in counts.items()]
    ok, total = result.restored()
    rows.append(("**all**", total, sum(unbreakable.values()), ok, percent(ok, total)))
    by_lang = result.tally(lambda c: (c.label, c.lang))
    return ("## Legacy to legacy\n\nSentences of each pair's languages encoded in the real "
            "codec and decoded as the other (not breakable: a character the real codec "
            "lacks, or a byte the other leaves undefined).\n\n"
            + table(("pair", "cases", "not breakable", "restored", "%"), rows)
            + "\nBy language:\n\n"
            + table(("pair", "lang", "cases", "restored", "%"),
                    [(label, lang, n, ok, percent(ok, n))
                     for (label, lang), (ok, n) in by_lang.items()]))


def counts_row(counts):
    ok, total = counts
    return total, ok, percent(ok, total)


def cjk_section(result):
    counts = result.tally(lambda c: c.label)
    rows = []
    for label in list(breakers.CJK_UTF8) + list(breakers.CJK_LEGACY):
        ok, total = counts.get(label, (0, 0))
        lossy = [(out != c.input.encode("utf-8"), but_lost(out, c.expected))
                 for c, out in zip(result.cases, result.outputs) if c.label == "lossy " + label]
        rows.append((label, total, ok, percent(ok, total), len(lossy),
                     sum(changed for changed, _ in lossy), sum(read for _, read in lossy)))
    lossless = [v for k, v in counts.items() if not k.startswith("lossy ")]
    ok, total = sum(v[0] for v in lossless), sum(v[1] for v in lossless)
    rows.append(("**all**", total, ok, percent(ok, total), "", "", ""))
    return ("## CJK paths\n\nChinese, Japanese and Korean sentences; lossy: the decoder "
            "turned bytes into U+FFFD, so the sentence cannot come back whole (changed: "
            "the fixer changed it; read: every character is the sentence's or U+FFFD, the "
            "damaged ones, and so the rest was read exactly).\n\n"
            + table(("path", "lossless cases", "restored", "%", "lossy cases", "lossy changed",
                     "lossy read"), rows))


def but_lost(out, expected):
    """Whether out is expected with some characters U+FFFD, and not all."""
    got = out.decode("utf-8", "replace")
    return (len(got) == len(expected) and got != "\ufffd" * len(got)
            and all(g == e or g == "\ufffd" for g, e in zip(got, expected)))


def clean_section(result, changed_path):
    ok, total = result.restored()
    non_ascii = sum(not c.input.isascii() for c in result.cases)
    return ("## Clean lines\n\n" + table(
        ("lines", "with non-ASCII", "changed"), [(total, non_ascii, total - ok)])
        + "\nFirst %d changed lines with their output: `%s`\n" % (CLEAN_CHANGED_SHOWN, changed_path))


def language_section(result):
    counts = result.tally(lambda c: c.lang)
    ranked = sorted(counts.items(), key=lambda kv: (kv[1][0] / kv[1][1], kv[0]))
    cells = [(lang, n, percent(ok, n)) for lang, (ok, n) in ranked]
    width = 4
    rows = []
    for start in range(0, len(cells), width):
        row = [x for cell in cells[start:start + width] for x in cell]
        rows.append(row + [""] * (3 * width - len(row)))
    return ("## Single break by language (worst first)\n\n"
            + table(("lang", "cases", "%") * width, rows))


def time_section(results, wall):
    rows = [(r.name, len(r.cases), "%.1f" % (r.input_bytes() / 1e6), "%.1f" % r.seconds)
            for r in results]
    return ("## Time\n\n" + table(("batch", "lines", "MB in", "fixer seconds"), rows)
            + "\nWall time: %.1f s\n" % wall)


# --- failures and thresholds ------------------------------------------------

def write_failures(result, out_dir):
    """All failures of a category, at most FAILURES_SHOWN_PER_LABEL per label."""
    path = os.path.join(out_dir, "failures-%s.txt" % result.name)
    by_label = collections.defaultdict(list)
    for case, out in result.failures():
        by_label[case.label].append((case, out))
    with open(path, "w", encoding="utf-8") as f:
        for label, failures in by_label.items():
            f.write("# %s %s: %d failures, first %d shown\n\n" % (
                result.name, label, len(failures), min(len(failures), FAILURES_SHOWN_PER_LABEL)))
            for case, out in failures[:FAILURES_SHOWN_PER_LABEL]:
                f.write(describe(case, out))
    return path


def describe(case, out):
    return "[%s]\ninput:    %s\nexpected: %s\ngot:      %s\n\n" % (
        case.lang, case.input, case.expected, out.decode("utf-8", "backslashreplace"))


def write_clean_changed(result, out_dir):
    path = os.path.join(out_dir, "clean-changed.txt")
    with open(path, "w", encoding="utf-8") as f:
        for case, out in result.failures()[:CLEAN_CHANGED_SHOWN]:
            f.write(describe(case, out))
    return path


def check_thresholds(single, double, legacy, clean, cjk, cjk_min, lost=None):
    """The failed thresholds, as messages (lost bytes: only when given)."""
    failed = []
    for way, (ok, n) in (lost.tally(lambda c: c.label.split(", ")[1]).items() if lost else ()):
        if ok < LOST_MIN[way] * n:
            failed.append("lost bytes, %s: %s%% restored < %d%%"
                          % (way, percent(ok, n), LOST_MIN[way] * 100))
    for label, (ok, n) in legacy.tally(lambda c: c.label).items():
        if ok < LEGACY_MIN[label] * n:
            failed.append("legacy %s: %s%% restored < %d%%"
                          % (label, percent(ok, n), LEGACY_MIN[label] * 100))
    for label, (ok, n) in cjk.tally(lambda c: c.label).items():
        if not label.startswith("lossy ") and ok < cjk_min * n:
            failed.append("CJK %s: %s%% restored < %s%%" % (label, percent(ok, n), cjk_min * 100))
    for codec, (ok, n) in single.tally(lambda c: c.label).items():
        if ok < SINGLE_MIN * n:
            failed.append("single break %s: %s%% restored < %d%%"
                          % (codec, percent(ok, n), SINGLE_MIN * 100))
    ok, n = double.restored()
    if ok < DOUBLE_MIN * n:
        failed.append("double break overall: %s%% restored < %d%%" % (percent(ok, n), DOUBLE_MIN * 100))
    ok, n = clean.restored()
    if ok != n:
        failed.append("clean lines: %d of %d changed, must be 0" % (n - ok, n))
    return failed


# --- main -------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mojifix", required=True, help="the fixer executable")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--corpus", help="clean lines, lang<TAB>text (default: built from the machine)")
    source.add_argument("--quick", action="store_true",
                        help="the committed fixtures/accuracy/sample.txt and smaller samples")
    parser.add_argument("--assert", dest="check", action="store_true",
                        help="exit 1 unless the accuracy thresholds are met")
    parser.add_argument("--cjk-min", type=float, default=99.0,
                        help="with --assert, the %% of lossless cases each CJK path must restore")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="fixer processes per batch (default: CPU count)")
    parser.add_argument("--out-dir", help="where failure files go (default: a new temp dir)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    fixer = os.path.abspath(args.mojifix)
    corpus_path = SAMPLE if args.quick else args.corpus or bench_corpus_path()
    per_pair, mixed_count, per_lost = QUICK_SIZES if args.quick else FULL_SIZES
    out_dir = args.out_dir or tempfile.mkdtemp(prefix="mojifix-accuracy-")
    os.makedirs(out_dir, exist_ok=True)

    lines = read_corpus(corpus_path)
    sentences = [(lang, text) for lang, text in lines if not text.isascii()]
    single_unbreakable = collections.Counter()
    double_unbreakable = collections.Counter()
    legacy_unbreakable = collections.Counter()
    batches = [
        ("single", single_cases(sentences, single_unbreakable)),
        ("double", double_cases(sentences, per_pair, double_unbreakable)),
        ("mixed", mixed_cases(lines, sentences, mixed_count)),
        ("lossy", lossy_cases(sentences)),
        ("lost", lost_cases(sentences, per_lost)),
        ("marked", marked_cases(sentences)),
        ("legacy", legacy_cases(sentences, legacy_unbreakable)),
        ("cjk", cjk_cases(lines)),
        ("clean", clean_cases(lines)),
    ]
    with tempfile.TemporaryDirectory(prefix="mojifix-accuracy-batches-") as work_dir:
        results = {name: run_category(fixer, name, cases, max(1, args.jobs), work_dir)
                   for name, cases in batches}
    failure_paths = [write_failures(results[name], out_dir)
                     for name in ("single", "double", "mixed", "lossy", "lost", "marked", "legacy", "cjk")]
    changed_path = write_clean_changed(results["clean"], out_dir)

    print("# mojifix accuracy\n")
    print("Fixer `%s`; corpus `%s`: %d lines in %d languages, %d with non-ASCII.\n" % (
        args.mojifix, os.path.relpath(corpus_path, ROOT) if args.quick else corpus_path,
        len(lines), len({lang for lang, _ in lines}), len(sentences)))
    print(single_section(results["single"], single_unbreakable))
    print(double_section(results["double"], double_unbreakable, per_pair))
    print(other_section(results["mixed"], results["lossy"]))
    print(lost_section(results["lost"]))
    print(marked_section(results["marked"]))
    print(legacy_section(results["legacy"], legacy_unbreakable))
    print(cjk_section(results["cjk"]))
    print(clean_section(results["clean"], changed_path))
    print(language_section(results["single"]))
    print("Failures (input, expected, got): " + ", ".join("`%s`" % p for p in failure_paths) + "\n")
    print(time_section(results.values(), time.monotonic() - started))

    if args.check:
        failed = check_thresholds(results["single"], results["double"], results["legacy"],
                                  results["clean"], results["cjk"], args.cjk_min / 100,
                                  results["lost"] if args.quick else None)
        for message in failed:
            print("FAILED: " + message)
        if failed:
            return 1
        print("All accuracy thresholds met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
