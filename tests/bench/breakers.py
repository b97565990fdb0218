"""How text gets broken into mojibake, for the accuracy benchmark.

break_once(text, codec) is what a program does when it reads UTF-8 as a
legacy single-byte codec and writes the result back out as UTF-8: the text's
UTF-8 bytes decoded through the codec. Like real-world decoders (browsers,
the WHATWG Encoding Standard), a Windows-125x byte in 0x80-0x9F that the
codec leaves undefined decodes to the C1 control U+0080+byte. A byte left
undefined at 0xA0 or above (cp1253 0xAA 0xD2 0xFF, cp1257 0xA1 0xA5) has no
agreed decoding, so the break is not reversible: break_once returns None and
the caller counts the sentence as "not breakable" for that codec.

Python's codecs are the reference here. They follow the WHATWG/Apple tables,
which differ from glibc iconv's in three bytes: MacRoman 0xC6 is U+2206
(iconv: U+0394) and 0xF0 is U+F8FF (iconv: U+E01E); MacCyrillic 0xFF is
U+20AC (iconv: U+00A4).
"""

import codecs

# Our short codec names, in the order reports list them, to Python's names.
CODECS = {
    "cp1252": "cp1252",
    "latin1": "latin-1",
    "latin9": "iso8859_15",
    "macroman": "mac_roman",
    "cp1250": "cp1250",
    "latin2": "iso8859_2",
    "cp1251": "cp1251",
    "koi8-r": "koi8_r",
    "koi8-u": "koi8_u",
    "maccyrillic": "mac_cyrillic",
    "cp866": "cp866",
    "cp1253": "cp1253",
    "cp1254": "cp1254",
    "cp1257": "cp1257",
    "cp437": "cp437",
    "cp850": "cp850",
}

NBSP = "\u00a0"


class Unbreakable(ValueError):
    """A byte the codec leaves undefined at 0xA0 or above."""


def _undefined_as_c1(error):
    byte = error.object[error.start]
    if 0x80 <= byte <= 0x9F:
        return chr(byte), error.start + 1
    raise Unbreakable("byte 0x%02X undefined in %s" % (byte, error.encoding))


codecs.register_error("mojifix-bench-c1", _undefined_as_c1)


def break_once(text, codec):
    """text's UTF-8 read through codec (a short name), or None if not reversible."""
    try:
        return text.encode("utf-8").decode(CODECS[codec], "mojifix-bench-c1")
    except Unbreakable:
        return None


def break_twice(text, first, second):
    """text broken through first, then the result broken through second."""
    once = break_once(text, first)
    return None if once is None else break_once(once, second)


def break_lossy(text, codec):
    """break_once, then every NBSP lost to a plain space ('Ã ' for à)."""
    broken = break_once(text, codec)
    return None if broken is None else broken.replace(NBSP, " ")


# Codecs with bytes a strict decoder (Python's, glibc's) leaves undefined
# among the UTF-8 continuation bytes 0x80-0xBF, and the ways such a decoder
# loses them: it drops the byte (errors="ignore"), puts U+FFFD in its place
# (errors="replace"), or U+FFFD was written out again in a legacy codec as
# '?' (encode with errors="replace").
LOSSY_CODECS = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1257")
LOST_WAYS = {"dropped": "", "U+FFFD": "\ufffd", "?": "?"}


def _undefined(codec):
    out = set()
    for byte in range(0x80, 0x100):
        try:
            bytes([byte]).decode(CODECS[codec])
        except UnicodeDecodeError:
            out.add(byte)
    return out


def _choices(seq, at, lost):
    """The characters seq (bytes, None at `at`) can be with a lost byte there."""
    out = set()
    for byte in lost:
        try:
            char = bytes(seq[:at] + [byte] + seq[at + 1:]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(char) == 1:
            out.add(char)
    return out


def _lost_char(char, codec, way, lost):
    """What a repair can give back for char, which lost bytes: the character
    when it is the only one the damaged sequence fits, else U+FFFD."""
    data = list(char.encode("utf-8"))
    holes = [i for i, byte in enumerate(data) if byte in lost]
    if len(holes) != 1 or holes[0] == 0:
        return "\ufffd"
    if way == "dropped":  # the decoder left no trace of where the byte was
        kept = [b for b in data if b not in lost]
        fits = set()
        for at in range(1, len(data)):
            fits |= _choices(kept[:at] + [None] + kept[at:], at, lost)
    else:
        fits = _choices(data, holes[0], lost)
    return char if fits == {char} else "\ufffd"


def break_losing(text, codec, way):
    """text's UTF-8 read through codec by a decoder that loses the bytes it
    leaves undefined the way `way` says (a key of LOST_WAYS), and what a
    repair should give back: (broken, expected), or None if no byte was
    lost."""
    lost = _undefined(codec)
    broken, expected, any_lost = [], [], False
    for char in text:
        data = char.encode("utf-8")
        if not any(byte in lost for byte in data):
            broken.append(data.decode(CODECS[codec]))
            expected.append(char)
            continue
        any_lost = True
        broken.append("".join(LOST_WAYS[way] if byte in lost else bytes([byte]).decode(CODECS[codec])
                              for byte in data))
        expected.append(_lost_char(char, codec, way, lost))
    return ("".join(broken), "".join(expected)) if any_lost else None


# Legacy-to-legacy mix-ups: text in one single-byte codec (real) read as
# another (read), as mojifix's legacy rule names them, with the languages
# of the bench corpus each is tried on.
LEGACY_PAIRS = [
    ("cp1251", "cp1252", ("ru", "uk", "bg", "sr", "be", "mk")),
    ("koi8-r", "latin1", ("ru", "bg")),
    ("koi8-u", "latin1", ("uk",)),
    ("koi8-r", "cp1251", ("ru", "bg")),
    ("koi8-u", "cp1251", ("uk",)),
    ("cp866", "cp1251", ("ru", "uk", "bg", "be")),
    ("cp1253", "cp1252", ("el",)),
    ("cp1250", "cp1252", ("cs", "pl", "hu", "sk", "sl", "hr", "ro")),
    ("cp1254", "cp1252", ("tr",)),
    ("cp1257", "cp1252", ("lt", "lv", "et")),
]


def break_legacy(text, real, read):
    """text encoded in real, decoded as read (UTF-8 once more when written),
    or None: a character real cannot encode, or a byte read leaves undefined
    at 0xA0 or above (0x80-0x9F read as C1, as for break_once)."""
    try:
        return text.encode(CODECS[real]).decode(CODECS[read], "mojifix-bench-c1")
    except (UnicodeEncodeError, Unbreakable):
        return None


# --- the double-byte codecs (the CJK rule) ----------------------------------
#
# Two kinds of damage. UTF-8 read through a double-byte codec: Python's
# decoder with errors="replace", which turns each byte it cannot read into
# U+FFFD (the byte is lost). And text in a double-byte codec read as
# Windows-1252 (its five undefined bytes as C1 controls, as above) or
# Latin-1: no byte is lost.

# label: (Python codec the UTF-8 is read through)
CJK_UTF8 = {
    "utf8-as-gbk": "gbk",
    "utf8-as-gb18030": "gb18030",
    "utf8-as-cp932": "cp932",
    "utf8-as-shift_jis": "shift_jis",
    "utf8-as-cp949": "cp949",
    "utf8-as-euc_kr": "euc_kr",
    "utf8-as-big5": "big5",
}

# label: (Python codec of the text, how it is read, the languages written in it)
CJK_LEGACY = {
    "%s-as-%s" % (codec, reader): (codec, CODECS[reader], langs)
    for codec, langs in (("gbk", ("zh_CN",)), ("cp932", ("ja",)), ("cp949", ("ko",)),
                         ("big5", ("zh_TW", "zh_HK")))
    for reader in ("cp1252", "latin1")
}

CJK_LANGS = ("zh_CN", "zh_TW", "zh_HK", "ja", "ko")


def break_cjk(text, lang, label):
    """(broken, lossless) for text broken the way label says; None when the
    text is not in the codec's repertoire or not of its languages. lossless:
    the decoder kept every byte (no U+FFFD, and the broken text encodes back
    to the bytes it was read from)."""
    if label in CJK_UTF8:
        raw = text.encode("utf-8")
        broken = raw.decode(CJK_UTF8[label], "replace")
        try:
            lossless = "\ufffd" not in broken and broken.encode(CJK_UTF8[label]) == raw
        except UnicodeEncodeError:
            lossless = False
        return broken, lossless
    codec, reader, langs = CJK_LEGACY[label]
    if lang not in langs:
        return None
    try:
        raw = text.encode(codec)
    except UnicodeEncodeError:
        return None
    return raw.decode(reader, "mojifix-bench-c1"), True
