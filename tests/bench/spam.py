#!/usr/bin/env python3
"""Spam benchmark: how much injected promotional spam the fixer removes,
and what legitimate mixed-script text it harms.

SEO spam scrapers pick up runs of promotional tokens pushed into real text,
usually in another script, often into the middle of a word:

    the deadly sho광주출장마사지otings at    ->  the deadly shootings at
    who survived the포커 의 신 rampage       ->  who survived the rampage

Carriers are clean lines ("lang<TAB>text") from the machine's gettext
catalogs (corpus.py; --quick: fixtures/spam/carriers.txt). Positives are
carriers with runs of 1-4 spam tokens injected (tables/lexicons/<lang>.txt
for the in-lexicon cases, tests/bench/spam_heldout/<lang>.txt for the
held-out ones, never both in one run), sometimes with a URL or a phone
number; the expected output is the carrier exactly. Negatives are the
carriers themselves and generated, legitimately mixed text (English quoting
Korean words, Chinese with Latin terms, a Korean article about casinos...):
they must come out unchanged.

THE SPACING RULE (what "removed exactly" means). A run is one or more spam
tokens with single spaces, nothing or a decoration between them; it never
begins or ends with whitespace. Whitespace is any Unicode White_Space
character; the start and the end of the line count as whitespace.
  1. A run with something other than whitespace just before it or just
     after it is *glued*: it is removed alone and everything around it
     stays. A word cut in two becomes one again ("sho"+run+"otings" ->
     "shootings"), a run glued to a word keeps the word's spacing
     ("the"+run+" rampage" -> "the rampage").
  2. A run with whitespace on both sides is *standalone*: it is removed
     with the whitespace just before it (all of it, back to the previous
     non-whitespace character); if only whitespace precedes it on the line,
     with the whitespace just after it instead ("the "+run+" rampage" ->
     "the rampage", run+" Hello" -> "Hello", "end. "+run -> "end.").
Each run of a line is removed by this rule; runs are never adjacent.

Injection kinds: inside a word (a letter of the carrier's script on both
sides), glued to a word's end or start, between two words with spaces
around it, at line start and end (glued or spaced), and two runs in one
line. Groups: "cross" (the run's letters share no script with the
carrier's language) and "same" (they are all in its scripts: Russian spam in
Russian text); each in-lexicon and held-out.

Prints a Markdown report; writes the failures, the changed negatives and
all cases to --out-dir. With --assert, exits 1 unless cross-script recall
is >= 99% for in-lexicon and for held-out spam, separately (or the floors
--min-recall gives), and no negative changes (same-script recall is
reported, not asserted). Exits 2 if
the fixer fails or does not give back one line per line. Deterministic.

  spam.py --mojifix PATH [--quick | --corpus FILE] [--assert [--min-recall L H]]
          [--out-dir DIR]
  spam.py --write-carriers FILE      (regenerates fixtures/spam/carriers.txt)
"""

import argparse
import collections
import functools
import glob
import os
import random
import re
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import batch  # noqa: E402
import corpus  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
LEXICON_DIR = os.path.join(ROOT, "tables", "lexicons")
HELDOUT_DIR = os.path.join(HERE, "spam_heldout")
CARRIERS = os.path.join(ROOT, "fixtures", "spam", "carriers.txt")
SEED = "mojifix-spam-1"

# Carrier languages of the full run (from the bench corpus) and of the
# committed quick sample.
FULL_LANGS = ("ar bg de el en es fa fr he hi hy id it ja ka ko ms pl pt_BR ru th tr uk "
              "vi zh_CN zh_TW").split()
FIXTURE_LANGS = "ar de en es fr he hi id ja ko ru th uk vi zh_CN zh_TW".split()
FIXTURE_PER_LANG = 40

# Positives per (group, part, carrier language, kind).
PER_KIND = {"full": {"cross": 24, "same": 10}, "quick": {"cross": 6, "same": 3}}
RECALL_MIN = 0.99
FAILURES_SHOWN = 20  # per group, part and kind
CHANGED_SHOWN = 20

KINDS = ("inside", "word-end", "word-start", "between", "start-glued", "start-spaced",
         "end-glued", "end-spaced", "two-runs")
KIND_NAMES = {
    "inside": "inside a word",
    "word-end": "glued to a word's end",
    "word-start": "glued to a word's start",
    "between": "between words, spaces around",
    "start-glued": "line start, glued",
    "start-spaced": "line start, then a space",
    "end-glued": "line end, glued",
    "end-spaced": "line end, after a space",
    "two-runs": "two runs in one line",
}
INNER_KINDS = ("inside", "word-end", "word-start", "between")
GROUPS = (("cross", "lexicon"), ("cross", "heldout"), ("same", "lexicon"), ("same", "heldout"))

# The scripts of carrier languages written in several (Japanese) or whose
# catalogs hold many Latin words (Chinese, Korean); any other language gets
# the script most of its letters are in.
LANG_SCRIPTS = {
    "ja": {"Han", "Hiragana", "Katakana"},
    "zh_CN": {"Han"}, "zh_TW": {"Han"}, "zh_HK": {"Han"},
    "ko": {"Hangul"},
}
# How often each spam language is picked, where it can be.
SPAM_LANG_WEIGHTS = {"ko": 3, "zh": 3, "ja": 1.5, "th": 1.5, "ru": 1.5, "en": 1.5, "vi": 1, "id": 1.5}
TOKEN_COUNTS, TOKEN_COUNT_WEIGHTS = (1, 2, 3, 4), (45, 30, 15, 10)
SEPARATORS, SEPARATOR_WEIGHTS = (" ", "", "★", " | ", "·"), (65, 20, 5, 5, 5)
WRAPPERS = (("【", "】"), ("★", "★"), ("▶", "◀"), ("♥", "♥"), ("《", "》"))
WRAP_SHARE, URL_SHARE, PHONE_SHARE = 0.08, 0.15, 0.12

Case = collections.namedtuple("Case", "group part kind lang spam_lang extras input expected")
Negative = collections.namedtuple("Negative", "family lang text")


# --- scripts ----------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def script_of(ch):
    """The script of a letter ('Latin', 'Han', 'Hangul', ...), None for anything else."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    for prefix in ("FULLWIDTH ", "HALFWIDTH "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    if name.startswith(("CJK ", "IDEOGRAPHIC")):
        return "Han"
    if name.startswith("KATAKANA-HIRAGANA"):
        return "Katakana"
    return name.split(" ")[0].capitalize() or None


def scripts(text):
    return {s for s in map(script_of, text) if s}


def language_scripts(carriers):
    """{lang: set of scripts}: LANG_SCRIPTS, else the script of most letters."""
    result = {}
    for lang, lines in carriers.items():
        if lang in LANG_SCRIPTS:
            result[lang] = LANG_SCRIPTS[lang]
            continue
        counts = collections.Counter(s for line in lines for s in map(script_of, line) if s)
        result[lang] = {counts.most_common(1)[0][0]} if counts else set()
    return result


@functools.lru_cache(maxsize=None)
def is_mark(ch):
    return unicodedata.category(ch).startswith("M")


@functools.lru_cache(maxsize=None)
def is_format(ch):
    return unicodedata.category(ch) == "Cf"


def is_word(ch):
    return ch.isalnum() or is_mark(ch) or is_format(ch)


# --- the spacing rule -------------------------------------------------------

def remove_run(text, start, end):
    """text without the run text[start:end], by the spacing rule (docstring)."""
    before_ws = start == 0 or text[start - 1].isspace()
    after_ws = end == len(text) or text[end].isspace()
    if not (before_ws and after_ws):
        return text[:start] + text[end:]
    left = start
    while left > 0 and text[left - 1].isspace():
        left -= 1
    if left > 0:
        return text[:left] + text[end:]
    right = end
    while right < len(text) and text[right].isspace():
        right += 1
    return text[:start] + text[right:]


# --- lexicons ---------------------------------------------------------------

def read_list(path):
    """The entries of a lexicon file: one per line, # comments, NFC."""
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                entries.append(unicodedata.normalize("NFC", line))
    return entries


def load_vocabulary():
    """{lang: {"lexicon": [(entry, scripts)], "heldout": [...]}}.

    Stops (status 2) when a held-out entry is also in the lexicon: the
    held-out recall would mean nothing."""
    vocab = {}
    for path in sorted(glob.glob(os.path.join(LEXICON_DIR, "*.txt"))):
        lang = os.path.basename(path)[:-len(".txt")]
        held_path = os.path.join(HELDOUT_DIR, lang + ".txt")
        lexicon = read_list(path)
        heldout = read_list(held_path) if os.path.exists(held_path) else []
        shared = {e.casefold() for e in lexicon} & {e.casefold() for e in heldout}
        if shared:
            fatal("%s: held-out entries also in the lexicon: %s" % (lang, " ".join(sorted(shared))))
        vocab[lang] = {"lexicon": [(e, scripts(e)) for e in lexicon],
                       "heldout": [(e, scripts(e)) for e in heldout]}
    if not vocab:
        fatal("no lexicon in %s" % LEXICON_DIR)
    return vocab


def lexicon_matcher(vocab):
    """A regex finding any in-lexicon entry, case-insensitively."""
    entries = sorted({e for parts in vocab.values() for e, _ in parts["lexicon"]}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, entries)), re.IGNORECASE)


def leaks(vocab, matcher):
    """{lang: held-out entries that contain an in-lexicon entry}."""
    return {lang: [e for e, _ in parts["heldout"] if matcher.search(e)] for lang, parts in vocab.items()}


# --- spam runs --------------------------------------------------------------

URL_NAMES = ("casino toto bet slot vip win lucky king ace royal mega gold star baccarat "
             "poker sport live play jackpot").split()
URL_TLDS = "com net org top xyz vip me kr cc site club".split()


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def spam_url(rng):
    name, other = rng.choice(URL_NAMES), rng.choice(URL_NAMES)
    number = rng.choice(("77", "88", "99", "365", "777", "24", "7", str(rng.randint(10, 999))))
    tld = rng.choice(URL_TLDS)
    code = "".join(rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                   for _ in range(6))
    return rng.choice((
        "www.%s%s.%s" % (name, number, tld),
        "%s%s.%s" % (name, number, tld),
        "https://%s%s.%s" % (name, number, tld),
        "http://www.%s-%s.%s/?code=%s" % (name, other, tld, number),
        "www.xn--%s%s.%s" % (name, number, tld),
        "bit.ly/%s" % code,
        "t.me/%s%s" % (name, number),
    ))


def spam_phone(rng):
    d = lambda n: digits(rng, n)  # noqa: E731
    return rng.choice((
        "010-%s-%s" % (d(4), d(4)),
        "010 %s %s" % (d(4), d(4)),
        "1588-%s" % d(4),
        "+82 10-%s-%s" % (d(4), d(4)),
        "1%s%s" % (rng.choice("3578"), d(9)),
        "QQ:%s" % d(rng.randint(8, 10)),
        "+7 (9%s) %s-%s-%s" % (d(2), d(3), d(2), d(2)),
        "08%s-%s-%s" % (d(1), d(3), d(4)),
        "WA 08%s-%s-%s" % (d(2), d(4), d(4)),
        "+84 9%s %s %s" % (d(1), d(3), d(4)),
        "LINE @%s%s" % (rng.choice(URL_NAMES), d(2)),
        "ID: %s%s" % (rng.choice(URL_NAMES), d(3)),
    ))


def vary_case(rng, token):
    """Latin tokens as written, Title Case or UPPER CASE, as spam has them."""
    if "Latin" not in scripts(token):
        return token
    r = rng.random()
    return token.upper() if r < 0.12 else token.title() if r < 0.25 else token


def make_run(rng, entries, glued_left, glued_right):
    """(run, extras): 1-4 tokens, maybe a URL or phone number (never at a
    glued edge, where it would merge with the carrier's word), maybe
    decorations."""
    count = rng.choices(TOKEN_COUNTS, TOKEN_COUNT_WEIGHTS)[0]
    tokens = [vary_case(rng, t) for t in rng.sample(entries, min(count, len(entries)))]
    extras = []
    r = rng.random()
    addon = (spam_url(rng), "url") if r < URL_SHARE else \
        (spam_phone(rng), "phone") if r < URL_SHARE + PHONE_SHARE else None
    if addon:
        slots = [i for i in range(len(tokens) + 1)
                 if not (i == 0 and glued_left) and not (i == len(tokens) and glued_right)]
        if slots:
            tokens.insert(rng.choice(slots), addon[0])
            extras.append(addon[1])
    run = tokens[0]
    for token in tokens[1:]:
        separator = rng.choices(SEPARATORS, SEPARATOR_WEIGHTS)[0]
        if separator.strip():
            extras.append("decorated")
        run += separator + token
    if rng.random() < WRAP_SHARE:
        opening, closing = rng.choice(WRAPPERS)
        run = opening + run + closing
        extras.append("decorated")
    return run, tuple(sorted(set(extras)))


# --- where runs go ----------------------------------------------------------

def base_char(text, i):
    while i > 0 and is_mark(text[i]):
        i -= 1
    return text[i]


def own_letter(text, i, own):
    ch = base_char(text, i)
    return ch.isalpha() and script_of(ch) in own


def cuttable(text, p):
    """Text may be cut at p: not before a combining mark, not beside a joiner."""
    return not is_mark(text[p]) and not is_format(text[p]) and not is_format(text[p - 1])


def places(text, kind, own):
    """Insertion points of a kind in a carrier (p: between text[p-1] and text[p])."""
    n = len(text)
    inner = range(1, n)
    if kind == "inside":
        return [p for p in inner if cuttable(text, p) and own_letter(text, p - 1, own)
                and own_letter(text, p, own)]
    if kind == "word-end":
        return [p for p in inner if cuttable(text, p) and own_letter(text, p - 1, own)
                and not is_word(text[p])]
    if kind == "word-start":
        return [p for p in inner if cuttable(text, p) and own_letter(text, p, own)
                and not is_word(text[p - 1])]
    if kind == "between":
        return [p for p in inner if text[p].isspace() and not text[p - 1].isspace()
                and not is_format(text[p - 1])]
    if kind == "start-glued":
        return [0] if own_letter(text, 0, own) else []
    if kind == "end-glued":
        last = text[-1]
        return [n] if not last.isspace() and not is_format(last) and (
            own_letter(text, n - 1, own) or not is_word(last)) else []
    return [0] if kind == "start-spaced" else [n]  # end-spaced


def glue(text, p, kind):
    """(glued on the left, glued on the right) for a run put at p."""
    if kind in ("between", "start-spaced", "end-spaced"):
        return False, False
    left = p > 0 and not text[p - 1].isspace()
    right = p < len(text) and not text[p].isspace()
    return left, right


def digit_clash(a, b):
    """Two characters side by side whose border a reader could not see: a
    digit against a letter or another digit ("file" + "33카지노")."""
    return (a.isdigit() and b.isalnum()) or (b.isdigit() and a.isalnum())


def inject(text, p, kind, run):
    """(new text, (start, end) of the run)."""
    if kind == "between":
        return text[:p] + " " + run + text[p:], (p + 1, p + 1 + len(run))
    if kind == "start-spaced":
        return run + " " + text, (0, len(run))
    if kind == "end-spaced":
        return text + " " + run, (len(text) + 1, len(text) + 1 + len(run))
    return text[:p] + run + text[p:], (p, p + len(run))


def placed_run(rng, text, p, kind, entries):
    """A run that fits at p, with its extras, or None."""
    glued_left, glued_right = glue(text, p, kind)
    for _ in range(10):
        run, extras = make_run(rng, entries, glued_left, glued_right)
        if is_mark(run[0]):
            continue
        if glued_left and digit_clash(base_char(text, p - 1), run[0]):
            continue
        if glued_right and digit_clash(base_char(run, len(run) - 1), text[p]):
            continue
        return run, extras
    return None


# --- positives --------------------------------------------------------------

def token_pools(vocab, part, own, group):
    """{spam lang: entries} whose letters share no script with own (cross)
    or are all in own (same)."""
    pools = {}
    for lang, parts in vocab.items():
        entries = [e for e, s in parts[part]
                   if s and (s.isdisjoint(own) if group == "cross" else s <= own)]
        if entries:
            pools[lang] = entries
    return pools


class Places:
    """Insertion points per carrier line and kind, computed once."""

    def __init__(self, lines, own):
        self.lines, self.own, self.cache = lines, own, {}

    def get(self, i, kind):
        key = (i, kind)
        if key not in self.cache:
            self.cache[key] = places(self.lines[i], kind, self.own)
        return self.cache[key]

    def lines_with(self, kind):
        if kind not in self.cache:
            kinds = INNER_KINDS if kind == "two-runs" else (kind,)
            self.cache[kind] = [i for i in range(len(self.lines)) if any(self.get(i, k) for k in kinds)]
        return self.cache[kind]


def make_case(rng, group, part, kind, lang, carrier, where, pools):
    spam_lang = rng.choices(sorted(pools), [SPAM_LANG_WEIGHTS.get(l, 1) for l in sorted(pools)])[0]
    entries = pools[spam_lang]
    if kind == "two-runs":
        return two_runs_case(rng, group, part, lang, carrier, where, spam_lang, entries)
    spots = where(kind)
    if not spots:
        return None
    p = rng.choice(spots)
    made = placed_run(rng, carrier, p, kind, entries)
    if not made:
        return None
    run, extras = made
    text, span = inject(carrier, p, kind, run)
    check_rule(text, [span], carrier)
    return Case(group, part, kind, lang, spam_lang, extras, text, carrier)


def two_runs_case(rng, group, part, lang, carrier, where, spam_lang, entries):
    """Two runs, at two inner places with non-whitespace carrier text between."""
    kind1, kind2 = rng.choice(INNER_KINDS), rng.choice(INNER_KINDS)
    firsts, seconds = where(kind1), where(kind2)
    pair = None
    for _ in range(30 if firsts and seconds else 0):
        p1, p2 = rng.choice(firsts), rng.choice(seconds)
        if p2 - p1 >= 2 and carrier[p1:p2].strip():
            pair = p1, p2
            break
    if not pair:
        return None
    p1, p2 = pair
    second = placed_run(rng, carrier, p2, kind2, entries)
    first = placed_run(rng, carrier, p1, kind1, entries)
    if not first or not second:
        return None
    middle, span2 = inject(carrier, p2, kind2, second[0])
    text, span1 = inject(middle, p1, kind1, first[0])
    shift = len(text) - len(middle)
    span2 = (span2[0] + shift, span2[1] + shift)
    check_rule(text, [span1, span2], carrier)
    extras = tuple(sorted(set(first[1]) | set(second[1])))
    return Case(group, part, "two-runs", lang, spam_lang, extras, text, carrier)


def check_rule(text, spans, expected):
    """The spacing rule applied to the runs must give the carrier back."""
    for start, end in sorted(spans, reverse=True):
        text = remove_run(text, start, end)
    if text != expected:
        raise AssertionError("spacing rule gives %r for %r" % (text, expected))


def positive_cases(carriers, own_scripts, vocab, per_kind):
    """All positives, and {(group, part, lang, kind): count} of the cases
    that could not be made (no carrier line with a place for the kind)."""
    cases, skipped = [], collections.Counter()
    all_spots = {lang: Places(lines, own_scripts[lang]) for lang, lines in carriers.items()}
    for group, part in GROUPS:
        for lang in sorted(carriers):
            lines = carriers[lang]
            pools = token_pools(vocab, part, own_scripts[lang], group)
            if not pools:
                continue
            spots = all_spots[lang]
            for kind in KINDS:
                rng = random.Random("%s %s %s %s %s" % (SEED, group, part, lang, kind))
                usable = spots.lines_with(kind)
                for _ in range(per_kind[group]):
                    case = None
                    for _attempt in range(20):
                        if not usable:
                            break
                        i = rng.choice(usable)
                        case = make_case(rng, group, part, kind, lang, lines[i],
                                         lambda k, i=i: spots.get(i, k), pools)
                        if case:
                            break
                    if case:
                        cases.append(case)
                    else:
                        skipped[(group, part, lang, kind)] += 1
    return cases, skipped


# --- negatives: legitimately mixed text --------------------------------------

# (language, word, romanization, gloss)
FOREIGN_WORDS = [
    ("Korean", "감사합니다", "gamsahamnida", "thank you"), ("Korean", "사랑", "sarang", "love"),
    ("Korean", "김치", "gimchi", "kimchi"), ("Korean", "한글", "hangeul", "the Korean alphabet"),
    ("Korean", "눈치", "nunchi", "the art of sensing a mood"), ("Korean", "정", "jeong", "deep affection"),
    ("Korean", "빨리빨리", "ppalli-ppalli", "hurry, hurry"), ("Korean", "대박", "daebak", "awesome"),
    ("Korean", "화이팅", "hwaiting", "go for it"), ("Korean", "막걸리", "makgeolli", "rice wine"),
    ("Korean", "재벌", "jaebeol", "a family-run conglomerate"), ("Korean", "선배", "seonbae", "a senior colleague"),
    ("Korean", "안녕하세요", "annyeonghaseyo", "hello"), ("Korean", "친구", "chingu", "friend"),
    ("Korean", "한복", "hanbok", "traditional dress"), ("Korean", "온돌", "ondol", "floor heating"),
    ("Korean", "추석", "chuseok", "the harvest festival"), ("Korean", "설날", "seollal", "Lunar New Year"),
    ("Korean", "떡볶이", "tteokbokki", "spicy rice cakes"), ("Korean", "소주", "soju", "a distilled spirit"),
    ("Korean", "노래방", "noraebang", "a karaoke room"), ("Korean", "아줌마", "ajumma", "a middle-aged woman"),
    ("Korean", "우리", "uri", "we, our"), ("Korean", "밥", "bap", "cooked rice"),
    ("Japanese", "木漏れ日", "komorebi", "sunlight through leaves"),
    ("Japanese", "侘び寂び", "wabi-sabi", "beauty in imperfection"),
    ("Japanese", "ありがとう", "arigatou", "thank you"), ("Japanese", "いただきます", "itadakimasu", "let us eat"),
    ("Japanese", "お疲れ様", "otsukaresama", "thanks for your hard work"),
    ("Japanese", "改善", "kaizen", "continuous improvement"), ("Japanese", "生き甲斐", "ikigai", "a reason for being"),
    ("Japanese", "積ん読", "tsundoku", "buying books and not reading them"),
    ("Japanese", "過労死", "karoshi", "death from overwork"),
    ("Japanese", "おもてなし", "omotenashi", "wholehearted hospitality"),
    ("Japanese", "かわいい", "kawaii", "cute"), ("Japanese", "弁当", "bento", "a boxed lunch"),
    ("Japanese", "森林浴", "shinrin-yoku", "forest bathing"), ("Japanese", "金継ぎ", "kintsugi", "golden joinery"),
    ("Japanese", "先生", "sensei", "teacher"), ("Japanese", "根回し", "nemawashi", "laying the groundwork"),
    ("Japanese", "津波", "tsunami", "a harbour wave"), ("Japanese", "もったいない", "mottainai", "what a waste"),
    ("Chinese", "关系", "guanxi", "personal connections"), ("Chinese", "内卷", "neijuan", "involution"),
    ("Chinese", "躺平", "tang ping", "lying flat"), ("Chinese", "面子", "mianzi", "face"),
    ("Chinese", "你好", "ni hao", "hello"), ("Chinese", "谢谢", "xiexie", "thank you"),
    ("Chinese", "加油", "jiayou", "keep going"), ("Chinese", "饺子", "jiaozi", "dumplings"),
    ("Chinese", "风水", "fengshui", "wind and water"), ("Chinese", "春节", "chunjie", "the Spring Festival"),
    ("Chinese", "红包", "hongbao", "a red envelope"), ("Chinese", "麻烦", "mafan", "trouble"),
    ("Chinese", "随便", "suibian", "whatever you like"), ("Chinese", "吃苦", "chiku", "to eat bitterness"),
    ("Chinese", "山寨", "shanzhai", "knock-off"), ("Chinese", "马马虎虎", "mamahuhu", "so-so"),
    ("Chinese", "熊猫", "xiongmao", "panda"), ("Chinese", "茶", "cha", "tea"),
    ("Russian", "тоска", "toska", "a spiritual anguish"), ("Russian", "спасибо", "spasibo", "thank you"),
    ("Russian", "дача", "dacha", "a country house"), ("Russian", "пошлость", "poshlost", "self-satisfied vulgarity"),
    ("Russian", "душа", "dusha", "soul"), ("Russian", "здравствуйте", "zdravstvuyte", "hello"),
    ("Russian", "авось", "avos", "hoping for luck"), ("Russian", "матрёшка", "matryoshka", "a nesting doll"),
    ("Russian", "борщ", "borshch", "beet soup"), ("Russian", "гласность", "glasnost", "openness"),
    ("Russian", "перестройка", "perestroika", "restructuring"), ("Russian", "бабушка", "babushka", "grandmother"),
    ("Russian", "самовар", "samovar", "a tea urn"), ("Russian", "спутник", "sputnik", "fellow traveller"),
    ("Thai", "สวัสดี", "sawasdee", "hello"), ("Thai", "ขอบคุณ", "khop khun", "thank you"),
    ("Thai", "สนุก", "sanuk", "fun"), ("Thai", "ไม่เป็นไร", "mai pen rai", "never mind"),
    ("Thai", "ใจเย็น", "jai yen", "cool-hearted"), ("Thai", "เกรงใจ", "kreng jai", "considerate restraint"),
    ("Thai", "ต้มยำ", "tom yum", "a hot and sour soup"), ("Thai", "ส้มตำ", "som tam", "papaya salad"),
    ("Thai", "มวยไทย", "muay thai", "Thai boxing"),
    ("Greek", "φιλότιμο", "filotimo", "love of honour"), ("Greek", "ευχαριστώ", "efcharisto", "thank you"),
    ("Arabic", "شكرا", "shukran", "thank you"), ("Arabic", "سلام", "salam", "peace"),
    ("Hindi", "नमस्ते", "namaste", "greetings"), ("Hebrew", "שלום", "shalom", "peace"),
]
QUOTE_TEMPLATES = [
    'The {L} word {w} means "{g}".',
    'In {L}, {w} ({r}) means {g}.',
    'She wrote {w} on the card, which means "{g}" in {L}.',
    'The {L} term {w} ({r}) has no exact English equivalent.',
    'Students usually learn {w}, "{g}", in their first {L} lesson.',
    'The sign above the door read {w}, {L} for "{g}".',
    '"{w}" ({r}) is one of the first words visitors pick up.',
    'The {L} expression {w} roughly translates as "{g}".',
    'Her new novel takes its title from the {L} word {w} ({g}).',
    'He explained that {w} ({r}) is often translated as "{g}".',
    'Ask a native speaker what {w} means and you will hear "{g}".',
    'The word {w} is pronounced {r} and means {g}.',
]
QUOTES_PER_WORD = 3

# (kind, English name, native name)
NAMES = [
    ("company", "Samsung Electronics", "삼성전자"), ("company", "Hyundai Motor", "현대자동차"),
    ("company", "SK Hynix", "SK하이닉스"), ("company", "Kakao", "카카오"), ("company", "Naver", "네이버"),
    ("company", "Coupang", "쿠팡"), ("company", "Toyota", "トヨタ自動車"), ("company", "Sony", "ソニー"),
    ("company", "Nintendo", "任天堂"), ("company", "Panasonic", "パナソニック"),
    ("company", "Tencent", "腾讯"), ("company", "Alibaba", "阿里巴巴"), ("company", "Huawei", "华为"),
    ("company", "Xiaomi", "小米"), ("company", "BYD", "比亚迪"), ("company", "Foxconn", "鴻海"),
    ("company", "TSMC", "台積電"), ("company", "Gazprom", "Газпром"), ("company", "Yandex", "Яндекс"),
    ("company", "Sberbank", "Сбербанк"), ("company", "Aeroflot", "Аэрофлот"), ("company", "PTT", "ปตท."),
    ("place", "Seoul", "서울"), ("place", "Busan", "부산"), ("place", "Gwangju", "광주"),
    ("place", "Incheon", "인천"), ("place", "Daegu", "대구"), ("place", "Jeju", "제주"),
    ("place", "Gangnam", "강남"), ("place", "Haeundae", "해운대"), ("place", "Suwon", "수원"),
    ("place", "Tokyo", "東京"), ("place", "Osaka", "大阪"), ("place", "Kyoto", "京都"),
    ("place", "Hokkaido", "北海道"), ("place", "Beijing", "北京"), ("place", "Shanghai", "上海"),
    ("place", "Macau", "澳门"), ("place", "Shenzhen", "深圳"), ("place", "Taipei", "臺北"),
    ("place", "Moscow", "Москва"), ("place", "Saint Petersburg", "Санкт-Петербург"),
    ("place", "Sochi", "Сочи"), ("place", "Bangkok", "กรุงเทพมหานคร"), ("place", "Chiang Mai", "เชียงใหม่"),
    ("place", "Pattaya", "พัทยา"),
    ("person", "Bong Joon-ho", "봉준호"), ("person", "Han Kang", "한강"), ("person", "Son Heung-min", "손흥민"),
    ("person", "Haruki Murakami", "村上春樹"), ("person", "Hayao Miyazaki", "宮崎駿"),
    ("person", "Lu Xun", "鲁迅"), ("person", "Yao Ming", "姚明"), ("person", "Jackie Chan", "成龍"),
    ("person", "Leo Tolstoy", "Лев Толстой"), ("person", "Anna Akhmatova", "Анна Ахматова"),
    ("person", "Dmitri Mendeleev", "Дмитрий Менделеев"),
]
NAME_TEMPLATES = {
    "company": ["{E} ({N}) reported record profits for the quarter.",
                "Shares of {E} ({N}) rose 3 percent on Monday.",
                "{E} ({N}) said it would open a new plant next year.",
                "Analysts expect {E} ({N}) to raise its prices.",
                "A spokesman for {E} ({N}) declined to comment."],
    "place": ["The festival in {E} ({N}) drew record crowds this year.",
              "Flights to {E} ({N}) were cancelled because of the storm.",
              "The new museum in {E} ({N}) opens in May.",
              "Housing prices in {E} ({N}) fell for the third month.",
              "She grew up in {E} ({N}) and moved abroad at twenty."],
    "person": ["A new biography of {E} ({N}) came out this spring.",
               "The exhibition is devoted to {E} ({N}).",
               "Critics compared the debut with the early work of {E} ({N}).",
               "Fans lined up to meet {E} ({N}) at the airport."],
}

# English about spam, gambling and the like, quoting the word (some are lexicon entries).
QUOTED_SPAM_WORDS = [
    ("Korean", "카지노", "casino"), ("Korean", "바카라", "baccarat"),
    ("Korean", "출장마사지", "business-trip massage"), ("Korean", "토토", "toto, sports betting"),
    ("Korean", "먹튀", "eat-and-run scam"), ("Korean", "스포츠토토", "Sports Toto"),
    ("Chinese", "彩票", "lottery ticket"), ("Chinese", "博彩", "gambling"), ("Chinese", "六合彩", "Mark Six"),
    ("Chinese", "百家乐", "baccarat"), ("Japanese", "パチンコ", "pachinko"), ("Japanese", "スロット", "slot machine"),
    ("Japanese", "出会い系", "dating sites"), ("Thai", "สล็อต", "slot"), ("Thai", "หวย", "lottery"),
    ("Russian", "казино", "casino"), ("Russian", "ставки", "bets"), ("Russian", "букмекер", "bookmaker"),
]
QUOTED_SPAM_TEMPLATES = [
    'The {L} word {w} means "{g}".',
    'Ads for {w} ("{g}") flood {L} websites, regulators say.',
    'In {L}, "{g}" is {w}.',
    'The report counted thousands of pages promoting {w} ({g}).',
    'Search engines now filter the {L} term {w} ("{g}").',
]

# Own-language text with Latin terms and brand names.
MIXED_LATIN = {
    "zh_CN": """今年一季度GDP同比增长5.3%，好于市场预期。
全市已建成5G基站两万余个，实现城区5G网络全覆盖。
不少iPhone用户反映升级后电池续航变短。
这款App的月活跃用户突破一亿。
公司计划明年推出新一代AI芯片。
他用Python写了一个自动整理文件的小工具。
这台电脑的CPU占用率一直很高。
请通过USB接口连接打印机。
会议室的WiFi密码贴在门口。
今天北京PM2.5浓度为每立方米35微克。
昨晚的NBA总决赛吸引了大量观众。
该公司CEO在发布会上介绍了新产品。
IT行业的招聘需求有所回升。
我们用Excel表格统计了销售数据。
新版Windows系统将于下月发布。
Linux内核开发者修复了这个漏洞。
这部电影在IMAX影院上映。
学校开设了STEM课程。
他在GitHub上开源了这个项目。
手机支持NFC功能，可以刷公交卡。
CPI同比上涨0.2%，涨幅比上月回落。
新能源汽车中SUV车型销量大增。
她在B站发布了一段学习视频。
HR部门正在整理员工档案。
这款显卡采用了最新的GPU架构。
公司的KPI考核制度引起了争议。
北京时间今晚8点，苹果公司将发布iOS新版本。
他通过了HSK六级考试。
这家医院新添了一台CT机。
可以用Google地图查询路线。
这个网站支持HTTPS加密访问。
我的MacBook屏幕出现了坏点。
大家在微信群里讨论DNA检测的结果。
下载PDF格式的说明书。
这次更新修复了Bluetooth连接不稳定的问题。
世界卫生组织WHO发布了新的指南。
他在MIT攻读博士学位。
GDP增长主要来自消费和出口。
5G网络建设带动了相关产业发展。
iPhone用户可以在设置中关闭这个功能。""",
    "zh_TW": """台積電第三季EPS創新高。
這款iPhone的相機功能很強。
新北市推動5G智慧城市。
他用Python分析了選舉資料。
這家公司的CEO宣布辭職。
請將USB隨身碟插入電腦。
今年GDP成長率預估為3%。
她在YouTube上分享旅遊影片。
政府將加強AI產業的人才培育。
這台筆電搭載最新的Intel處理器。""",
    "ja": """新しいiPhoneの機能が発表された。
トヨタのRAV4は海外でも人気がある。
ソニーがPlayStation 5の新モデルを発売した。
任天堂Switchの後継機が話題になっている。
GoogleがAndroid 15を公開しました。
東京でiPhone 15を購入した。
NHKのニュースによると、台風が接近している。
JR東日本は運転を見合わせた。
LINEで友達に連絡した。
パソコンのCPUを交換しました。
このアプリはWindowsとMacに対応しています。
Amazonで本を注文した。
YouTubeに動画を投稿した。
AIを活用した翻訳サービスが増えている。
ホンダのCR-Vがモデルチェンジした。
日産のGT-Rは根強い人気がある。
ユニクロはTシャツの新作を発表した。
USBメモリにデータを保存してください。
Wi-Fiに接続できません。
PDFファイルをダウンロードしてください。
iPhoneの新機能について説明します。
マツダのCX-5は燃費が良い。
GDPの成長率が予想を上回った。
新しいMacBook Proは性能が高い。
社内でSlackを使い始めた。
SNSで話題のカフェに行った。
DXを推進する企業が増えている。
このゲームはSteamで配信されている。""",
    "ko": """삼성전자는 Galaxy S24 시리즈를 공개했다.
LG전자의 OLED TV 판매가 늘었다.
BTS의 새 앨범이 빌보드 차트 1위에 올랐다.
KBS 뉴스에 따르면 내일은 비가 온다.
이 앱은 iOS와 Android에서 모두 쓸 수 있다.
회사는 AI 반도체 개발에 투자했다.
USB 케이블로 컴퓨터에 연결하세요.
Wi-Fi 비밀번호를 입력하세요.
SK하이닉스가 HBM 생산을 늘린다.
현대자동차의 아이오닉 5가 유럽에서 상을 받았다.
CEO는 주주총회에서 배당 확대를 약속했다.
GDP 성장률이 2%대에 머물렀다.
넷플릭스(Netflix) 드라마가 세계적으로 인기를 끌었다.
새 노트북에는 Windows 11이 설치되어 있다.
정부는 5G 요금제를 개편했다.
PDF 파일로 저장해 주세요.
그는 Python으로 데이터를 분석했다.
NASA는 새 우주망원경 사진을 공개했다.
이번 업데이트로 Bluetooth 연결 문제가 해결됐다.
손흥민은 EPL에서 또 골을 넣었다.""",
    "ru": """Смартфон Samsung Galaxy S24 поступил в продажу.
Компания Microsoft выпустила обновление Windows 11.
Браузер Google Chrome занимает большую долю рынка.
Я пишу скрипты на Python каждый день.
Ноутбук Apple MacBook Air стал легче.
Автомобиль Toyota Camry остаётся популярным.
Новый iPhone продаётся с кабелем USB-C.
Видео набрало миллион просмотров на YouTube.
Сервер работает под управлением Linux.
Процессор Intel Core i7 нагревается сильнее.
Приложение доступно в App Store и Google Play.
Компания Яндекс представила новую версию браузера.
Мы обсудили проект в Telegram.
Игра вышла на PlayStation 5 и Xbox.
Рост GDP оказался выше прогноза.
Сеть 5G пока работает в тестовом режиме.
Файл нужно сохранить в формате PDF.
Смартфон Samsung Galaxy получил новую камеру.
Официальный сайт NASA опубликовал снимки.
Редактор поддерживает Markdown и LaTeX.""",
    "th": """ดาวน์โหลดแอป LINE เวอร์ชันใหม่ได้แล้ว
เครื่องนี้ใช้ระบบปฏิบัติการ Windows 11
บริษัทเปิดตัว iPhone รุ่นใหม่ในเดือนกันยายน
ใส่การ์ดหน่วยความจำลงในสล็อตที่ว่าง
คอมพิวเตอร์เครื่องนี้มีสล็อต PCIe สองช่อง
เชื่อมต่อ Wi-Fi ไม่ได้
ดูคลิปนี้บน YouTube ได้เลย""",
    "vi": """Tôi dùng iPhone 15 để chụp ảnh.
Công ty vừa ra mắt mẫu xe VinFast VF 8.
Mạng 5G đã phủ sóng ở Hà Nội.
GDP của Việt Nam tăng 6% trong năm nay.
Bạn có thể tải ứng dụng trên Google Play.""",
    "ar": """أعلنت شركة Apple عن هاتف iPhone جديد.
يعمل الخادم بنظام Linux.
يمكن تحميل التطبيق من Google Play.""",
    "he": """חברת Google השיקה גרסה חדשה של Android.""",
    "hi": """Google ने Android का नया संस्करण जारी किया।""",
    "en": """The new iPhone supports Wi-Fi 7.
He bought a Samsung Galaxy and a Sony camera.""",
}

# Own-language text ABOUT casinos, lotteries, betting, massage, loans, spam:
# it uses the vocabulary in its proper sense and must stay.
TOPICAL = {
    "ko": """정부는 카지노 규제를 강화했다.
강원랜드 카지노의 올해 매출은 작년보다 늘었다.
경찰은 불법 온라인카지노 사이트 운영자를 구속했다.
사설토토 사이트에서 돈을 잃은 청소년이 늘고 있다.
스포츠토토 발매액이 역대 최대를 기록했다.
로또 1등 당첨금은 20억 원을 넘었다.
경찰은 출장마사지 광고 문자를 대량으로 보낸 일당을 검거했다.
시각장애인 안마사 단체는 불법 안마방 단속을 요구했다.
바카라는 카지노에서 가장 인기 있는 게임 가운데 하나다.
도박 중독 상담 전화는 국번 없이 1336이다.
제주의 외국인 전용 카지노는 관광객이 줄어 타격을 입었다.
방송통신심의위원회는 도박 사이트 접속을 차단했다.
불법 대출 광고에 속지 않도록 주의해야 한다.
금융감독원은 무등록 대부업체를 단속했다.
미국 파워볼 복권 당첨금이 화제가 됐다.
영화 타짜는 화투 도박을 소재로 했다.
포커는 전 세계에서 즐기는 카드 게임이다.
슬롯머신 규제를 둘러싸고 논쟁이 이어졌다.
카지노 산업이 지역 경제에 미치는 영향을 연구했다.
불법 성인사이트 접속 차단을 두고 논란이 일었다.
국회는 사행산업 규제 법안을 논의했다.
스웨디시 마사지는 스웨덴에서 유래한 마사지 기법이다.
홀덤펍이 젊은 층 사이에서 인기를 끌고 있다.
먹튀검증 사이트를 사칭한 사기가 늘었다.
마카오 카지노 업계는 관광객 회복을 기대하고 있다.
부산 해운대구는 불법 출장마사지 전단 단속에 나섰다.
광주시는 불법 광고물을 일제히 정비했다.
경찰은 토토사이트 광고를 올린 유튜버를 입건했다.
청소년 도박 예방 교육이 학교에서 시작됐다.
카지노 딜러 채용 설명회가 열렸다.
복권 판매점이 늘면서 복권 판매액도 증가했다.
출장안마를 가장한 성매매 업소가 적발됐다.
비아그라 복제약이 약국에서 팔리고 있다.
대부업체의 법정 최고금리는 연 20%다.
불법 스포츠중계 사이트가 저작권 침해로 폐쇄됐다.
정부는 온라인 도박 광고를 금지하는 법을 추진한다.
경마와 경륜, 경정은 합법적인 사행산업이다.
강원랜드는 카지노 입장 횟수를 제한하고 있다.
의료계는 발기부전치료제 오남용을 경고했다.
불법 도박 자금 세탁에 대포통장이 쓰였다.""",
    "zh_CN": """彩票销售额同比增长12.3%。
今年1至9月，全国共销售彩票4200亿元。
澳门博彩业收入连续三个月回升。
警方破获一起特大网络赌博案，涉案金额上亿元。
体育彩票公益金用于全民健身设施建设。
福利彩票发行三十多年来筹集了大量公益金。
香港六合彩头奖奖金累积至一亿港元。
百家乐是澳门赌场最受欢迎的游戏。
专家提醒，网络赌博危害极大。
公安机关严厉打击跨境赌博犯罪。
澳门特区政府修订了博彩法。
双色球开奖结果将在今晚公布。
记者调查了彩票站的经营情况。
老虎机在部分国家是合法的。
德州扑克被一些人视为智力运动。
警方提醒市民警惕网贷诈骗。
该市开展打击非法办证专项行动。
伟哥的专利到期后，仿制药大量上市。
当局关闭了多个色情网站。
桑拿行业受到疫情的严重冲击。
彩票行业需要加强监管。
博彩业是澳门经济的支柱产业。
六合彩由香港赛马会经营。
时时彩曾因开奖频率过高而被叫停。
非法网络博彩平台多设在境外。
法院以开设赌场罪判处被告有期徒刑五年。
年轻人沉迷网络赌博的问题引起关注。
研究人员分析了彩票中奖者的消费行为。""",
    "zh_TW": """台灣運彩今年銷售額創新高。
威力彩頭獎由一人獨得。
澳門博彩收入回升。
警方破獲線上賭場集團。
大樂透加碼活動吸引民眾排隊購買。
立法院討論博弈條款的修正案。
當舖業者必須遵守利率上限。
衛福部提醒民眾勿購買來路不明的威而鋼。""",
    "ja": """パチンコ店の数は年々減少している。
カジノを含む統合型リゾートの整備が進んでいる。
競馬の売上が前年を上回った。
宝くじの売上は減少傾向にある。
オンラインカジノの利用は日本では違法だ。
警察は違法な出会い系サイトの運営者を逮捕した。
パチスロ依存症の相談が増えている。
消費者金融の金利が見直された。
スロットマシンの設置台数が減った。
大阪のカジノ計画について住民説明会が開かれた。
ギャンブル依存症対策の法律が施行された。
警察は闇金業者を摘発した。""",
    "ru": """Центробанк повысил ключевую ставку до 16%.
Процентные ставки по ипотеке выросли.
Ставки по вкладам снизились.
В Сочи открылось легальное казино.
Букмекерские компании платят налоги в бюджет.
Государство ограничило рекламу ставок на спорт.
Банк предложил кредит по льготной ставке.
Микрофинансовые организации обязаны соблюдать закон.
Лотерея провела юбилейный тираж.
Казино в Лас-Вегасе привлекают туристов.
Налоговые ставки для малого бизнеса не изменятся.
Ставки сделаны, ставок больше нет.
Полиция закрыла подпольное казино.
Онлайн казино в России запрещены законом.
Ставки на спорт разрешены только у лицензированных букмекеров.""",
    "th": """รัฐบาลกำลังพิจารณากฎหมายคาสิโนถูกกฎหมาย
สลากกินแบ่งรัฐบาลออกทุกวันที่ 1 และ 16
ตำรวจจับกุมผู้ให้บริการเว็บพนันออนไลน์
นักวิชาการเตือนถึงผลกระทบของการพนัน
บาคาร่าเป็นเกมไพ่ที่นิยมในคาสิโน""",
    "vi": """Chính phủ siết chặt quản lý kinh doanh casino.
Xổ số kiến thiết đóng góp cho ngân sách địa phương.
Công an triệt phá đường dây cá cược bóng đá qua mạng.
Nhiều người trẻ mắc nợ vì cá cược trực tuyến.""",
    "id": """Pemerintah memblokir ribuan situs judi online.
Polisi menangkap bandar togel di Surabaya.
OJK menertibkan pinjol ilegal.
Kecanduan judi online merusak keuangan keluarga.
Kementerian mengimbau warga menjauhi judi slot.""",
    "en": """The state legalized sports betting in 2019.
Online casino revenue rose 20% last year.
Regulators fined the operator for advertising free spins to minors.
Payday loans carry very high interest rates.
The FDA warned about fake online pharmacies.
The casino reopened after a two-year renovation.
Lottery sales reached a record this summer.
Police shut down an illegal poker room downtown.""",
}

# Templates filled with real words, for more own-language negatives:
# (family, lang, template, {slot: choices}, how many to draw).
FILLED = [
    ("latin-terms", "zh_CN", "{who}{what}。", {
        "who": "我们公司 这所大学 该市 很多年轻人 这家银行 不少用户 研究团队 这家医院".split(),
        "what": ("开始使用AI技术 升级了5G网络 更换了Linux服务器 推出了新的App 加强了IT安全管理 "
                 "采购了一批iPad 用Python处理数据 在GitHub上公开了代码 关注CPI的变化 "
                 "引进了CT设备").split()}, 60),
    ("latin-terms", "ja", "{who}は{what}を{verb}。", {
        "who": "私 彼 父 姉 同僚".split(),
        "what": ["iPhone 15", "MacBook", "Windows 11のパソコン", "PlayStation 5", "Nintendo Switch",
                 "Kindle", "AirPods"],
        "verb": "買いました 使っています 修理に出しました".split()}, 60),
    ("latin-terms", "ko", "{who} 새 {what} 모델을 {verb}.", {
        "who": "나는 친구는 회사는 언니는 아버지는".split(),
        "what": "iPhone Galaxy MacBook iPad ThinkPad PlayStation AirPods Kindle".split(),
        "verb": ["샀다", "주문했다", "써 보았다"]}, 60),
    ("latin-terms", "ru", "{who} {verb} {what}.", {
        "who": ["Мой брат", "Отец", "Сосед", "Коллега"],
        "verb": "купил заказал продал".split(),
        "what": ["ноутбук Lenovo ThinkPad", "смартфон Samsung Galaxy", "телефон Xiaomi Redmi",
                 "планшет Apple iPad", "наушники Sony", "автомобиль Kia Rio"]}, 50),
    ("topical", "ko", "{year}년 {place} 카지노 매출은 전년보다 {pct}% 늘었다.", {
        "year": [str(y) for y in range(2015, 2025)],
        "place": ["강원랜드", "제주 외국인 전용", "부산 세븐럭", "인천 파라다이스시티"],
        "pct": [str(n) for n in range(3, 30)]}, 25),
    ("topical", "ko", "{place} 경찰은 불법 도박 사이트 {n}곳을 적발했다.", {
        "place": "서울 부산 대구 인천 광주 대전 울산 수원 창원 제주".split(),
        "n": [str(n) for n in range(12, 400, 7)]}, 20),
    ("topical", "ko", "{place}시는 출장마사지 불법 전단지 {n}장을 수거했다.", {
        "place": "서울 부산 대구 인천 광주 대전 울산 수원 창원 제주".split(),
        "n": [str(n) for n in range(200, 9000, 170)]}, 20),
    ("topical", "zh_CN", "{year}年{where}彩票销售额同比增长{pct}%。", {
        "year": [str(y) for y in range(2015, 2025)],
        "where": "广东 江苏 浙江 山东 河南 四川 北京 上海 湖北 福建".split(),
        "pct": ["%d.%d" % (a, b) for a in range(2, 20) for b in range(10)]}, 30),
    ("topical", "zh_CN", "{where}警方破获一起网络赌博案，抓获犯罪嫌疑人{n}名。", {
        "where": "广东 江苏 浙江 山东 河南 四川 北京 上海 湖北 福建".split(),
        "n": [str(n) for n in range(3, 120)]}, 30),
    ("topical", "ru", "{bank} снизил ставки по вкладам до {pct}%.", {
        "bank": ["Сбербанк", "ВТБ", "Альфа-Банк", "Газпромбанк", "Райффайзенбанк"],
        "pct": ["%d,%d" % (a, b) for a in range(5, 19) for b in (0, 5)]}, 30),
    ("topical", "ja", "{year}年、{where}のパチンコ店は{n}店に減った。", {
        "year": [str(y) for y in range(2015, 2025)],
        "where": "東京都 大阪府 愛知県 福岡県 北海道 神奈川県".split(),
        "n": [str(n) for n in range(80, 900, 13)]}, 30),
]

# Families of negatives, as reported.
NEGATIVE_FAMILIES = (
    ("carrier", "clean carrier lines"),
    ("quote", "English quoting a foreign word"),
    ("name", "English with a name in its own script"),
    ("quoted-spam-word", "English about spam, quoting the word"),
    ("latin-terms", "own language with Latin terms, brands"),
    ("topical", "own language about gambling, massage, loans"),
)


def template_negatives():
    """The generated negatives, deduplicated, in a fixed order."""
    rng = random.Random(SEED + " negatives")
    texts = []
    for lang_name, word, roman, gloss in FOREIGN_WORDS:
        for template in rng.sample(QUOTE_TEMPLATES, QUOTES_PER_WORD):
            texts.append(("quote", "en", template.format(L=lang_name, w=word, r=roman, g=gloss)))
    for kind, english, native in NAMES:
        for template in NAME_TEMPLATES[kind]:
            texts.append(("name", "en", template.format(E=english, N=native)))
            texts.append(("name", "en", template.format(E=native, N=english)))
    for lang_name, word, gloss in QUOTED_SPAM_WORDS:
        for template in QUOTED_SPAM_TEMPLATES:
            texts.append(("quoted-spam-word", "en", template.format(L=lang_name, w=word, g=gloss)))
    for family, table in (("latin-terms", MIXED_LATIN), ("topical", TOPICAL)):
        for lang, block in table.items():
            texts += [(family, lang, line) for line in block.split("\n") if line.strip()]
    for family, lang, template, slots, count in FILLED:
        made = set()
        while len(made) < count:
            made.add(template.format(**{k: rng.choice(v) for k, v in slots.items()}))
        texts += [(family, lang, text) for text in sorted(made)]
    seen, result = set(), []
    for family, lang, text in texts:
        if text not in seen:
            seen.add(text)
            result.append(Negative(family, lang, text))
    return result


def negatives(carriers):
    return [Negative("carrier", lang, text) for lang in sorted(carriers)
            for text in carriers[lang]] + template_negatives()


# --- carriers ---------------------------------------------------------------

def read_corpus(path, langs=None):
    """{lang: [text]} from lang<TAB>text lines."""
    carriers = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            lang, _, text = line.rstrip("\n").partition("\t")
            if text and (langs is None or lang in langs):
                carriers[lang].append(text)
    return dict(carriers)


def bench_corpus_path():
    import accuracy  # the cached bench corpus (accuracy.py builds and keys it)
    return accuracy.bench_corpus_path()


def write_carriers(out):
    """fixtures/spam/carriers.txt: FIXTURE_PER_LANG lines per FIXTURE_LANGS
    language from the bench corpus, in CRC order, without placeholders or
    markup; lines with a place for every kind first."""
    bench = read_corpus(bench_corpus_path(), set(FIXTURE_LANGS))
    missing = [lang for lang in FIXTURE_LANGS if lang not in bench]
    if missing:
        fatal("no bench text for %s" % " ".join(missing))
    own = language_scripts(bench)
    chosen = {}
    for lang in FIXTURE_LANGS:
        plain = [t for t in corpus.stable_order(bench[lang]) if not corpus.MARKUP_RE.search(t)]
        full = [t for t in plain if all(places(t, k, own[lang]) for k in KINDS if k != "two-runs")]
        rest = [t for t in plain if t not in set(full)]
        chosen[lang] = (full + rest)[:FIXTURE_PER_LANG]
    corpus.write_corpus(chosen, out)


# --- running the fixer ------------------------------------------------------

def run_fixer(fixer, texts, jobs, work_dir, name):
    """The fixer's output line (bytes) for each text, in `jobs` processes."""
    return batch.run_or_exit("spam", fixer, texts, jobs, work_dir, name)


def fatal(message):
    print("spam: " + message, file=sys.stderr)
    sys.exit(2)


# --- the report -------------------------------------------------------------

percent, table = batch.percent, batch.table


def group_name(group, part):
    return "%s-script, %s" % (group, "in-lexicon" if part == "lexicon" else "held-out")


def tally(cases, ok, key):
    """{key: {(group, part): [removed, cases]}}."""
    counts = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    for case, good in zip(cases, ok):
        for k in key(case):
            cell = counts[k][(case.group, case.part)]
            cell[0] += good
            cell[1] += 1
    return counts


def breakdown(title, counts, keys, label):
    rows = []
    for k in keys:
        if k not in counts:
            continue
        row = [label(k)]
        for gp in GROUPS:
            ok, n = counts[k].get(gp, (0, 0))
            row.append("%s (%d)" % (percent(ok, n), n) if n else "-")
        rows.append(row)
    return ("## %s\n\n%% removed exactly (cases)\n\n" % title
            + table(["", "cross, in-lexicon", "cross, held-out", "same, in-lexicon", "same, held-out"],
                    rows))


def lexicon_section(vocab, leaked):
    rows = [(lang, len(p["lexicon"]), len(p["heldout"]), len(leaked[lang]))
            for lang, p in sorted(vocab.items())]
    rows.append(("**all**", sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows)))
    return ("## Vocabulary\n\n`tables/lexicons/` (in-lexicon) and `tests/bench/spam_heldout/` (held-out).\n\n"
            + table(("lang", "in-lexicon entries", "held-out entries",
                     "held-out containing an in-lexicon entry"), rows))


def recall_section(cases, outputs, ok):
    rows = []
    for group, part in GROUPS:
        picked = [(c, out, good) for c, out, good in zip(cases, outputs, ok)
                  if c.group == group and c.part == part]
        n = len(picked)
        good = sum(g for _, _, g in picked)
        untouched = sum(out == c.input.encode("utf-8") for c, out, _ in picked)
        asserted = "yes" if group == "cross" else "no"
        rows.append((group_name(group, part), n, good, percent(good, n), untouched,
                     n - good - untouched, asserted))
    return ("## Recall\n\nA case counts when the output is the carrier exactly. "
            "*untouched*: the output is the input; *wrong*: changed, but not into the carrier.\n\n"
            + table(("group", "cases", "removed exactly", "%", "untouched", "wrong",
                     "asserted >= %d%%" % (RECALL_MIN * 100)), rows))


def negatives_section(negs, changed, matcher, changed_path):
    rows = []
    for family, name in NEGATIVE_FAMILIES:
        picked = [(n, c) for n, c in zip(negs, changed) if n.family == family]
        rows.append((name, len(picked), sum(bool(matcher.search(n.text)) for n, _ in picked),
                     sum(c for _, c in picked)))
    rows.append(("**all**", len(negs), sum(r[2] for r in rows), sum(changed)))
    langs = collections.Counter(n.lang for n in negs if n.family != "carrier")
    return ("## False positives\n\nNegatives must come out unchanged. Generated ones by language: %s.\n\n"
            % ", ".join("%s %d" % kv for kv in sorted(langs.items()))
            + table(("negatives", "texts", "with an in-lexicon entry", "changed"), rows)
            + "\nFirst %d changed negatives with their output: `%s`\n" % (CHANGED_SHOWN, changed_path))


def write_failures(cases, outputs, ok, out_dir):
    path = os.path.join(out_dir, "failures-positive.txt")
    shown = collections.Counter()
    with open(path, "w", encoding="utf-8") as f:
        for case, out, good in zip(cases, outputs, ok):
            key = (case.group, case.part, case.kind)
            if good or shown[key] >= FAILURES_SHOWN:
                continue
            shown[key] += 1
            f.write("[%s; %s; carrier %s, spam %s%s]\ninput:    %s\nexpected: %s\ngot:      %s\n\n" % (
                group_name(case.group, case.part), KIND_NAMES[case.kind], case.lang, case.spam_lang,
                "; " + ", ".join(case.extras) if case.extras else "", case.input, case.expected,
                out.decode("utf-8", "backslashreplace")))
    return path


def write_changed(negs, outputs, changed, out_dir):
    path = os.path.join(out_dir, "negatives-changed.txt")
    with open(path, "w", encoding="utf-8") as f:
        for neg, out in [(n, o) for n, o, c in zip(negs, outputs, changed) if c][:CHANGED_SHOWN]:
            f.write("[%s; %s]\ninput: %s\ngot:   %s\n\n" % (
                neg.family, neg.lang, neg.text, out.decode("utf-8", "backslashreplace")))
    return path


def write_cases(cases, negs, out_dir):
    """All cases, tab-separated, for running the fixer by hand."""
    with open(os.path.join(out_dir, "positives.tsv"), "w", encoding="utf-8") as f:
        f.write("group\tpart\tkind\tlang\tspam_lang\textras\tinput\texpected\n")
        for c in cases:
            f.write("\t".join((c.group, c.part, c.kind, c.lang, c.spam_lang, ",".join(c.extras),
                               c.input, c.expected)) + "\n")
    with open(os.path.join(out_dir, "negatives.tsv"), "w", encoding="utf-8") as f:
        f.write("family\tlang\ttext\n")
        f.writelines("%s\t%s\t%s\n" % n for n in negs)


# --- main -------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mojifix", help="the fixer executable (stdin to stdout, line-preserving)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--quick", action="store_true",
                        help="carriers from the committed fixtures/spam/carriers.txt, fewer cases")
    source.add_argument("--corpus", help="carriers of your own, lang<TAB>text (all languages used)")
    source.add_argument("--write-carriers", metavar="FILE",
                        help="write the quick carrier sample from the bench corpus and exit")
    parser.add_argument("--assert", dest="check", action="store_true",
                        help="exit 1 unless cross-script recall >= 99%% (in-lexicon and held-out) "
                             "and no negative changes")
    parser.add_argument("--min-recall", nargs=2, type=float, metavar=("LEXICON", "HELDOUT"),
                        help="with --assert: cross-script recall floors in %% for in-lexicon "
                             "and held-out spam, instead of 99%% (a regression test)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="fixer processes per batch (default: CPU count)")
    parser.add_argument("--out-dir", help="where failures and cases go (default: a new temp dir)")
    args = parser.parse_args(argv)
    if not args.write_carriers and not args.mojifix:
        parser.error("--mojifix is required")
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.write_carriers:
        write_carriers(args.write_carriers)
        return 0
    started = time.monotonic()
    fixer = os.path.abspath(args.mojifix) if os.sep in args.mojifix else args.mojifix
    if args.quick:
        corpus_path, carriers = CARRIERS, read_corpus(CARRIERS)
    elif args.corpus:
        corpus_path, carriers = args.corpus, read_corpus(args.corpus)
    else:
        corpus_path = bench_corpus_path()
        carriers = read_corpus(corpus_path, set(FULL_LANGS))
    out_dir = args.out_dir or tempfile.mkdtemp(prefix="mojifix-spam-")
    os.makedirs(out_dir, exist_ok=True)

    vocab = load_vocabulary()
    matcher = lexicon_matcher(vocab)
    own = language_scripts(carriers)
    cases, skipped = positive_cases(carriers, own, vocab, PER_KIND["quick" if args.quick else "full"])
    negs = negatives(carriers)
    write_cases(cases, negs, out_dir)

    with tempfile.TemporaryDirectory(prefix="mojifix-spam-batches-") as work_dir:
        t0 = time.monotonic()
        outputs = run_fixer(fixer, [c.input for c in cases], max(1, args.jobs), work_dir, "positives")
        t1 = time.monotonic()
        neg_outputs = run_fixer(fixer, [n.text for n in negs], max(1, args.jobs), work_dir, "negatives")
        t2 = time.monotonic()
    ok = [out == c.expected.encode("utf-8") for c, out in zip(cases, outputs)]
    changed = [out != n.text.encode("utf-8") for n, out in zip(negs, neg_outputs)]
    failures_path = write_failures(cases, outputs, ok, out_dir)
    changed_path = write_changed(negs, neg_outputs, changed, out_dir)

    print("# mojifix spam removal\n")
    print("Fixer `%s`; carriers `%s`: %d lines in %d languages (%s). Seed `%s`.\n" % (
        args.mojifix, os.path.relpath(corpus_path, ROOT) if args.quick else corpus_path,
        sum(map(len, carriers.values())), len(carriers), " ".join(sorted(carriers)), SEED))
    print(lexicon_section(vocab, leaks(vocab, matcher)))
    print(recall_section(cases, outputs, ok))
    print(breakdown("By injection kind", tally(cases, ok, lambda c: [c.kind]), KINDS,
                    lambda k: KIND_NAMES[k]))
    print(breakdown("By carrier language", tally(cases, ok, lambda c: [c.lang]), sorted(carriers),
                    str))
    print(breakdown("By spam language", tally(cases, ok, lambda c: [c.spam_lang]), sorted(vocab), str))
    print(breakdown("By extras in the run", tally(cases, ok, lambda c: c.extras or ("none",)),
                    ("none", "url", "phone", "decorated"), str))
    if skipped:
        print("Cases not made (no carrier line has a place for the kind): %s\n" % ", ".join(
            "%s %s %s %s: %d" % (k + (n,)) for k, n in sorted(skipped.items())))
    print(negatives_section(negs, changed, matcher, changed_path))
    print("Failures (input, expected, got; up to %d per group and kind): `%s`; all cases: `%s`, `%s`\n"
          % (FAILURES_SHOWN, failures_path, os.path.join(out_dir, "positives.tsv"),
             os.path.join(out_dir, "negatives.tsv")))
    print("## Time\n\n" + table(("batch", "lines", "fixer seconds"), [
        ("positives", len(cases), "%.1f" % (t1 - t0)), ("negatives", len(negs), "%.1f" % (t2 - t1))])
        + "\nWall time: %.1f s\n" % (time.monotonic() - started))

    if args.check:
        failed = []
        floors = [m / 100 for m in args.min_recall] if args.min_recall else [RECALL_MIN] * 2
        for (group, part), floor in zip(GROUPS[:2], floors):
            picked = [g for c, g in zip(cases, ok) if c.group == group and c.part == part]
            if not picked or sum(picked) < floor * len(picked):
                failed.append("%s recall: %s%% < %g%%" % (
                    group_name(group, part), percent(sum(picked), len(picked)), floor * 100))
        if any(changed):
            failed.append("false positives: %d of %d negatives changed, must be 0"
                          % (sum(changed), len(negs)))
        for message in failed:
            print("FAILED: " + message)
        if failed:
            return 1
        print("All spam thresholds met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
