#!/usr/bin/env python3
"""Clean text corpora from the machine's gettext catalogs.

Reads every /usr/share/locale/*/LC_MESSAGES/*.mo, keeps the translations
(msgstr, under the locale's name) and the English source strings (msgid,
under "en") that look like real sentences, and splits them by catalog
DOMAIN (the .mo basename) into two pools that never share a catalog:
TRAIN (about 1 domain in 4, for the plausibility model) and BENCH (the rest,
for the accuracy benchmark).

Subcommands:
  train  --out FILE                    balanced training sample (TRAIN pool)
  bench  --out FILE [--max-per-lang N] benchmark clean set (BENCH pool, N=600)
  sample --out FILE                    small fixed sample for the quick test
  suspects                             lines dropped as already-mojibake

Output lines are "lang<TAB>text", UTF-8, sorted; counts go to stderr.
Standard library only.
"""

import argparse
import codecs
import collections
import glob
import os
import re
import struct
import sys
import unicodedata
import zlib

LOCALE_GLOB = "/usr/share/locale/*/LC_MESSAGES/*.mo"

# Locales that are English with decorated quotes or another script: dropped.
DROPPED_LOCALES = {"en@quot", "en@boldquot", "en@shaw"}
# Locale directory names that are the same language as another one.
LOCALE_ALIASES = {
    "sr@Latn": "sr@latin",
    "nb_NO": "nb",
    "no": "nb",
    "zh_Hans": "zh_CN",
    "zh_Hant": "zh_TW",
    "pt_PT": "pt",
    "kw_GB": "kw",
    "en_US": "en",
}
UTF8_CHARSETS = {"utf8", "ascii", "usascii"}

TRAIN_ONE_IN = 4  # a domain is TRAIN when crc32(domain) % TRAIN_ONE_IN == 0

MIN_LEN, MAX_LEN = 20, 300
MIN_LETTER_SHARE = 0.5  # letters / non-space characters, markup removed

# printf/Python/brace/shell placeholders, XML/HTML tags and entities, URLs.
MARKUP_RE = re.compile(
    r"%(?:\d+\$)?[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
    r"(?:hh|h|ll|l|L|q|j|z|t|I)?[diouxXeEfFgGaAcspnm%]"
    r"|%<\w+>|%\(\w+\)[a-z]|\{[\w.:!-]*\}|\$\{?\w+\}?"
    r"|<[^<>]*>|&#?\w+;|\w+://\S+"
)

TRAIN_PER_LANG, TRAIN_MIN_LANG, TRAIN_MAX_BYTES = 300, 10, 2_500_000
BENCH_PER_LANG = 600  # default cap; 0 keeps everything
BENCH_MIN_LINES, BENCH_MIN_LANGS = 50_000, 30  # what the full benchmark needs

SAMPLE_PER_LANG, SAMPLE_ASCII_PER_LANG, SAMPLE_MAX_LANGS = 60, 10, 48
SAMPLE_REQUIRED = (
    "fr de es pt pt_BR it nl pl cs sk hu ro hr sl tr ru uk be bg sr el he ar "
    "fa vi th zh_CN zh_TW ja ko hi lt lv et da sv nb fi is ca eu gl ka hy"
).split()

# Codecs that typical mojibake went through; used only to spot catalogs
# that already contain it (see find_mojibake).
SUSPECT_CODECS = ("cp1252", "mac_roman", "cp1251", "cp1250", "iso8859_2", "koi8_r")
UTF8_SEQUENCE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Punctuation that real text puts after a letter ("ТЕКА2“", "PŘEPÍNAČ…").
TEXT_PUNCTUATION = set("\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb"
                       "\u2026\u2013\u2014\u00a0\u00b7\u2022")
# A repaired character must occur in this many lines of its language.
KNOWN_CHAR_MIN_LINES = 1
codecs.register_error("corpus-nul", lambda e: (b"\0", e.start + 1))


# --- reading catalogs -------------------------------------------------------

def read_mo(path):
    """Return (charset, [(msgid, msgstr), ...]) of a .mo file, as bytes."""
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack("<I", data[:4])[0]
    endian = "<" if magic == 0x950412DE else ">"
    count, orig_at, trans_at = struct.unpack(endian + "3I", data[8:20])

    def string(table, i):
        length, offset = struct.unpack_from(endian + "2I", data, table + 8 * i)
        return data[offset:offset + length]

    pairs = [(string(orig_at, i), string(trans_at, i)) for i in range(count)]
    header = dict(pairs).get(b"", b"")
    match = re.search(rb"charset=([^\s;]+)", header)
    charset = match.group(1).decode("ascii", "replace") if match else None
    return charset, [p for p in pairs if p[0]]


def is_utf8_charset(charset):
    return charset is not None and re.sub(r"[-_]", "", charset.lower()) in UTF8_CHARSETS


def locale_language(locale):
    """The corpus language of a locale directory, or None if dropped."""
    if locale in DROPPED_LOCALES:
        return None
    return LOCALE_ALIASES.get(locale, locale)


def domain_pool(domain):
    """'train' or 'bench': a stable split by catalog domain."""
    return "train" if zlib.crc32(domain.encode()) % TRAIN_ONE_IN == 0 else "bench"


def catalogs():
    """Yield (path, language, domain) for each distinct catalog file.

    A domain that is a symlink to another (iso_639.mo -> iso_639-2.mo) is the
    same catalog: it is read once, under the target's domain."""
    seen = set()
    for path in sorted(glob.glob(LOCALE_GLOB)):
        real = os.path.realpath(path)
        language = locale_language(path.split(os.sep)[-3])
        if real in seen or language is None:
            continue
        seen.add(real)
        yield path, language, os.path.basename(real)[: -len(".mo")]


def entry_strings(msgid, msgstr):
    """The singular and plural forms of an entry; msgctxt removed."""
    msgid = msgid.split(b"\x04", 1)[-1]
    return msgid.split(b"\x00"), [s for s in msgstr.split(b"\x00") if s]


def decode(raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


# --- filtering --------------------------------------------------------------

def sentence(text):
    """The stripped text if it is sentence-like, else None."""
    text = text.strip()
    if not MIN_LEN <= len(text) <= MAX_LEN:
        return None
    if any(unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") or c == "\ufffd" for c in text):
        return None
    visible = len(text) - sum(c.isspace() for c in text)
    letters = sum(c.isalpha() for c in MARKUP_RE.sub(" ", text))
    if letters == 0 or letters < MIN_LETTER_SHARE * visible:
        return None
    return text


def known_chars(texts):
    """The non-ASCII characters of a language, from its own lines."""
    lines_with = collections.Counter(c for t in texts for c in set(t) if not c.isascii())
    return {c for c, n in lines_with.items() if n >= KNOWN_CHAR_MIN_LINES}


def find_mojibake(text, known):
    """(codec, broken, repaired) if text looks already broken, else None.

    Each character is re-encoded through a legacy codec (one byte each, NUL
    where it has none); a UTF-8 multi-byte sequence in the result is
    mojibake when it decodes to a character known in the language and the
    broken form does not read as a letter plus ordinary punctuation: so
    'vÃ¦re' in Norwegian is suspect, but Serbian 'ТЕКА2“' (cp1251 'Р“' ->
    'Г') and Ukrainian 'дії' (-> the CJK '䳿') are not."""
    if all(c.isascii() or c.isalnum() for c in text):
        return None
    for codec in SUSPECT_CODECS:
        for match in UTF8_SEQUENCE_RE.finditer(text.encode(codec, "corpus-nul")):
            broken = text[match.start():match.end()]
            repaired = decode(match.group())
            if repaired in known and looks_broken(broken, text[match.end():match.end() + 1]):
                return codec, broken, repaired
    return None


def looks_broken(broken, after):
    """True unless broken is letters and ordinary punctuation not followed by a letter."""
    odd = [c for c in broken if not c.isalnum()]
    if not odd:
        return False
    return after.isalpha() or any(c not in TEXT_PUNCTUATION for c in odd)


# --- pools ------------------------------------------------------------------

def collect(pool):
    """{language: {text: domain}} of one pool's sentences, and stats."""
    texts = collections.defaultdict(dict)
    stats = collections.Counter()
    domains = set()
    for path, language, domain in catalogs():
        if domain_pool(domain) != pool:
            continue
        charset, pairs = read_mo(path)
        if not is_utf8_charset(charset):
            stats["catalogs skipped (charset %s)" % charset] += 1
            continue
        stats["catalogs"] += 1
        domains.add(domain)
        for msgid, msgstr in pairs:
            ids, strs = entry_strings(msgid, msgstr)
            for lang, raw in [("en", r) for r in ids] + [(language, r) for r in strs if r not in ids]:
                text = decode(raw)
                text = text and sentence(text)
                if text:
                    texts[lang].setdefault(text, domain)
    stats["domains"] = len(domains)
    return texts, stats


def split_mojibake(texts):
    """Remove already-broken lines; return them as (lang, domain, finding, text)."""
    suspects = []
    for lang, by_text in texts.items():
        known = known_chars(by_text)
        for text, domain in list(by_text.items()):
            finding = find_mojibake(text, known)
            if finding:
                suspects.append((lang, domain, finding, text))
                del by_text[text]
    return sorted(suspects)


def clean_pool(pool):
    """{language: sorted texts} of a pool, stats, and the dropped suspects.

    BENCH loses any text also found in TRAIN (in any language), since some
    domains share strings (gnulib, binutils, postgres)."""
    texts, stats = collect(pool)
    suspects = split_mojibake(texts)
    stats["lines dropped as already mojibake"] = len(suspects)
    if pool == "bench":
        train = {text for by_text in collect("train")[0].values() for text in by_text}
        for by_text in texts.values():
            shared = by_text.keys() & train
            for text in shared:
                del by_text[text]
            stats["lines shared with train, dropped"] += len(shared)
    return {lang: sorted(t) for lang, t in texts.items()}, stats, suspects


def stable_order(texts):
    """Texts in a fixed pseudo-random order (by CRC of the text)."""
    return sorted(texts, key=lambda t: (zlib.crc32(t.encode()), t))


# --- subcommands ------------------------------------------------------------

def make_train(texts):
    """At most TRAIN_PER_LANG lines per language with at least TRAIN_MIN_LANG."""
    chosen = {lang: stable_order(t)[:TRAIN_PER_LANG]
              for lang, t in texts.items() if len(t) >= TRAIN_MIN_LANG}
    return shrink_to(chosen, TRAIN_MAX_BYTES)


def shrink_to(chosen, max_bytes):
    """Drop lines from the largest languages until the output fits."""
    while output_size(chosen) > max_bytes:
        biggest = max(chosen, key=lambda lang: (len(chosen[lang]), lang))
        chosen[biggest] = chosen[biggest][: len(chosen[biggest]) * 9 // 10]
    return chosen


def output_size(chosen):
    return sum(len(("%s\t%s\n" % (lang, t)).encode()) for lang, ts in chosen.items() for t in ts)


def make_bench(texts, max_per_lang):
    if not max_per_lang:
        return dict(texts)
    return {lang: stable_order(t)[:max_per_lang] for lang, t in texts.items()}


def make_sample(texts):
    """About SAMPLE_PER_LANG lines for each required language and the
    largest others, mostly lines with non-ASCII characters."""
    others = sorted((lang for lang in texts if lang not in SAMPLE_REQUIRED
                     and len(texts[lang]) >= SAMPLE_PER_LANG),
                    key=lambda lang: (-len(texts[lang]), lang))
    missing = [lang for lang in SAMPLE_REQUIRED if lang not in texts]
    if missing:
        sys.exit("corpus.py: no BENCH text for required languages: %s" % " ".join(missing))
    langs = SAMPLE_REQUIRED + others[: max(0, SAMPLE_MAX_LANGS - len(SAMPLE_REQUIRED))]
    return {lang: pick_sample(texts[lang]) for lang in langs}


def pick_sample(texts):
    """SAMPLE_PER_LANG lines, of which up to SAMPLE_ASCII_PER_LANG ASCII-only."""
    ordered = stable_order(texts)
    plain = [t for t in ordered if t.isascii()]
    accented = [t for t in ordered if not t.isascii()]
    n_accented = min(len(accented), SAMPLE_PER_LANG - min(len(plain), SAMPLE_ASCII_PER_LANG))
    return accented[:n_accented] + plain[: SAMPLE_PER_LANG - n_accented]


def write_corpus(chosen, out):
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    lines = sorted("%s\t%s\n" % (lang, t) for lang, ts in chosen.items() for t in ts)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)
    report(chosen, out)


def report(chosen, out):
    counts = {lang: len(ts) for lang, ts in chosen.items() if ts}
    print("%s: %d lines, %d languages, %d bytes" % (
        out, sum(counts.values()), len(counts), os.path.getsize(out)), file=sys.stderr)
    print("  " + " ".join("%s:%d" % (lang, n) for lang, n in sorted(counts.items())),
          file=sys.stderr)


def warn_if_small(chosen):
    lines = sum(len(ts) for ts in chosen.values())
    if lines < BENCH_MIN_LINES or len(chosen) < BENCH_MIN_LANGS:
        print("WARNING: the bench corpus has %d lines in %d languages; the benchmark "
              "wants at least %d in %d" % (lines, len(chosen), BENCH_MIN_LINES, BENCH_MIN_LANGS),
              file=sys.stderr)


def print_stats(pool, stats):
    for key, value in sorted(stats.items()):
        print("%s pool: %s: %d" % (pool, key, value), file=sys.stderr)


def print_suspects():
    for pool in ("train", "bench"):
        for lang, domain, (codec, broken, repaired), text in clean_pool(pool)[2]:
            print("\t".join((pool, lang, domain, codec, broken, repaired, text)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("train", "bench", "sample"):
        p = sub.add_parser(name)
        p.add_argument("--out", required=True)
        if name == "bench":
            p.add_argument("--max-per-lang", type=int, default=BENCH_PER_LANG,
                           help="lines per language (default %(default)s; 0: all)")
    sub.add_parser("suspects", help="print lines dropped as already-mojibake")
    args = parser.parse_args(argv)

    if args.command == "suspects":
        print_suspects()
        return
    pool = "train" if args.command == "train" else "bench"
    texts, stats, _ = clean_pool(pool)
    print_stats(pool, stats)
    if args.command == "train":
        write_corpus(make_train(texts), args.out)
    elif args.command == "bench":
        chosen = make_bench(texts, args.max_per_lang)
        write_corpus(chosen, args.out)
        warn_if_small(chosen)
    else:
        write_corpus(make_sample(texts), args.out)


if __name__ == "__main__":
    main()
