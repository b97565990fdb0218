#!/usr/bin/env python3
"""gen_lexicon.py: tables/lexicons/*.txt -> tables/lexicon_tables.c.

Compiles the promotional-spam word lists into one trie over folded code
points (filter/lexicon.h), which the spam rule walks to measure how much
of a foreign-script run is promotional vocabulary.

  gen_lexicon.py LEXICON_DIR CORPUS OUTPUT.c

CORPUS is tables/corpus/train.txt, the general text that decides which
blocks shared by entries are promotional (morphemes(), below).

Entries are NFC; folding (fold() below, the same as mf_fold in
filter/lexicon.c) lowercases Latin, Greek and Cyrillic, so that spam
matches in any case. Spaces inside an entry are dropped: spam glues its
words together as often as it spaces them ("slotgacor", "카지노 사이트"), and
the matcher skips spaces in the text likewise."""

import glob
import os
import sys
import unicodedata


def fold(cp):
    """Lowercase, for the scripts spam writes in several cases."""
    if 0x41 <= cp <= 0x5A or (0xC0 <= cp <= 0xDE and cp != 0xD7):
        return cp + 0x20
    if (0x100 <= cp <= 0x137 or 0x14A <= cp <= 0x177 or 0x1E00 <= cp <= 0x1EFF) and cp % 2 == 0:
        return cp + 1
    if 0x139 <= cp <= 0x148 and cp % 2 == 1:
        return cp + 1
    if cp in (0x1A0, 0x1AF):  # Vietnamese horned o and u
        return cp + 1
    if 0x391 <= cp <= 0x3A9 and cp != 0x3A2:
        return cp + 0x20
    if 0x410 <= cp <= 0x42F:
        return cp + 0x20
    if 0x400 <= cp <= 0x40F:
        return cp + 0x50
    return cp


def lexicon_lines(lexicon_dir):
    """Every entry of every list, NFC, as written."""
    for path in sorted(glob.glob(os.path.join(lexicon_dir, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    yield unicodedata.normalize("NFC", line)


def folded(text):
    return tuple(fold(ord(ch)) for ch in text if not ch.isspace())


def entries(lexicon_dir):
    """The folded entries (tuples of code points) of every list, sorted."""
    return sorted({folded(line) for line in lexicon_lines(lexicon_dir)} - {()})


# Morphemes: the building blocks that promotional entries share (카지노,
# 출장마사지, 娱乐, слоты...), so that a compound or phrase that no list holds
# is still recognized. A block counts when MORPHEME_ENTRIES entries or more
# hold it and the general corpus (clean text in 108 languages) never does.
MORPHEME_ENTRIES = 2
MORPHEME_MIN = {"cjk": 2, "thai": 3, "word": 4}
# Short blocks are often plain words (무료 "free", 서울, 视频, live, real):
# they need more entries.
SHORT_ENTRIES = {"cjk": (2, 4), "thai": (3, 3), "word": (5, 3)}


def kind_of(ch):
    """cjk, thai, word (a letter of another script), latin or None. Latin
    words make no morphemes: other scripts' text is full of Latin
    identifiers (fake_fork, Extract/Deposit) that would match them."""
    o = ord(ch)
    if 0x0E00 <= o <= 0x0EFF:
        return "thai"
    if 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF:
        return "cjk"
    if not ch.isalpha():
        return None
    return "latin" if o < 0x250 or 0x1E00 <= o <= 0x1EFF else "word"


def blocks(entry):
    """Candidate blocks of an entry: substrings of its spaceless-script
    stretches, whole words of its spaced-script ones."""
    found = set()
    for word in entry.split():
        kinds = {kind_of(ch) for ch in word}
        if kinds == {"word"}:
            if len(word) >= MORPHEME_MIN["word"]:
                found.add(word.lower())
        elif len(kinds) == 1 and kinds <= {"cjk", "thai"}:
            low = MORPHEME_MIN[kinds.pop()]
            for a in range(len(word)):
                for b in range(a + low, len(word) + 1):
                    found.add(word[a:b])
    return found


def morphemes(lexicon_dir, corpus_path):
    """Blocks shared by entries and absent from the general corpus."""
    count = {}
    for line in set(lexicon_lines(lexicon_dir)):
        for block in blocks(line):
            count[block] = count.get(block, 0) + 1
    def enough(block, n):
        kind = kind_of(block[0])
        short, needed = SHORT_ENTRIES.get(kind, (0, 0))
        hiragana = all(0x3040 <= ord(ch) <= 0x309F for ch in block)  # grammar
        return n >= MORPHEME_ENTRIES and not hiragana and (len(block) > short or n >= needed)

    shared = {b for b, n in count.items() if enough(b, n)}
    # A fragment (카지 of 카지노) says nothing its whole does not: a block
    # goes when a longer block holding it is in as many entries.
    shared = {b for b in shared
              if not any(b != o and b in o and count[o] == count[b] for o in shared)}
    with open(corpus_path, encoding="utf-8") as f:
        text = unicodedata.normalize("NFC", f.read())
    words = set(text.lower().split())
    return sorted(folded(b) for b in shared
                  if not (b in text if kind_of(b[0]) in ("cjk", "thai") else b in words))


def build_trie(words):
    """Nodes as (sorted [(cp, child)], final); node 0 is the root."""
    children, final = [{}], [False]
    for word in words:
        node = 0
        for cp in word:
            if cp not in children[node]:
                children[node][cp] = len(children)
                children.append({})
                final.append(False)
            node = children[node][cp]
        final[node] = True
    return [(sorted(c.items()), f) for c, f in zip(children, final)]


START_BITS = 32768  # filter/lexicon.h: MF_LEXICON_START_BITS


def start_hash(a, b, c):
    """filter/lexicon.h: mf_lexicon_start_hash, of an entry's first three
    folded code points (0 for the third of a two-character entry)."""
    return ((((a * 31 + b) * 31 + c) * 2654435761) & 0xFFFFFFFF) >> 17


def start_bits(words):
    """Bitmap of the hashes of the first three characters of every entry:
    the cheap look whether a window may hold one."""
    bits = bytearray(START_BITS // 8)
    for word in words:
        if len(word) >= 2:
            h = start_hash(word[0], word[1], word[2] if len(word) > 2 else 0)
            bits[h // 8] |= 1 << (h % 8)
    return bits


def emit(nodes, nwords, bits, out):
    edges = [e for kids, _ in nodes for e in kids]
    first, at = [], 0
    for kids, _ in nodes:
        first.append(at)
        at += len(kids)
    first.append(at)
    lines = ["/* Generated by tables/gen_lexicon.py from the lists in tables/lexicons: do not edit. */",
             '#include "lexicon.h"', "",
             "/* %d entries, %d trie nodes, %d edges. */" % (nwords, len(nodes), len(edges)), ""]

    def array(ctype, name, values, per_line):
        lines.append("static const %s %s[%d] = {" % (ctype, name, len(values)))
        for i in range(0, len(values), per_line):
            lines.append("    " + ", ".join(str(v) for v in values[i:i + per_line]) + ",")
        lines.append("};")
        lines.append("")

    array("uint32_t", "edge_cp", [cp for cp, _ in edges], 10)
    array("uint32_t", "edge_to", [to for _, to in edges], 10)
    array("uint32_t", "node_first", first, 10)
    array("uint8_t", "node_final", [int(f) for _, f in nodes], 20)
    array("uint8_t", "starts", list(bits), 16)
    lines.append("const mf_trie mf_lexicon = {edge_cp, edge_to, node_first, node_final, starts, %d};"
                 % len(nodes))
    out.write("\n".join(lines) + "\n")


def main(argv):
    if len(argv) != 4:
        sys.exit("usage: gen_lexicon.py LEXICON_DIR CORPUS OUTPUT.c")
    words = sorted(set(entries(argv[1])) | set(morphemes(argv[1], argv[2])))
    if not words:
        sys.exit("gen_lexicon.py: no entries in %s" % argv[1])
    with open(argv[3], "w", encoding="utf-8", newline="\n") as out:
        emit(build_trie(words), len(words), start_bits(words), out)


if __name__ == "__main__":
    main(sys.argv)
