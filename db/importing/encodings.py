"""Which encoding a text file is in: certain (UTF-8, a BOM), recognised, or refused.

UTF-8 and UTF-16 with a byte-order mark are read as such.  Bytes that are not
UTF-8 are recognised among the legacy encodings news text still arrives in
(Windows and ISO Latin code pages, Cyrillic, Greek, Arabic, Hebrew, Korean,
Japanese, Chinese) by charset-normalizer, and the reading is accepted only
when it is plausible: it decodes without error, holds no C1 control
characters, and shows none of the marks of UTF-8 read as a one-byte code page.
Bytes that are mostly valid UTF-8 with some damaged sequences are damaged
UTF-8, not another encoding: they are refused with the offset of the first
bad byte.  Whoever imports is told which encoding was used and may name
another; nothing is ever decoded with replacement characters.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass

from db.errors import InvalidInput

# Candidates for bytes that are not UTF-8, as Python codec names.
LEGACY = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "koi8_r",
    "koi8_u",
    "iso8859_2",
    "iso8859_5",
    "iso8859_7",
    "iso8859_15",
    "cp949",
    "euc_kr",
    "cp932",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
)


@functools.cache
def legacy_order() -> dict[str, int]:
    """Codec name -> its place in :data:`LEGACY` (looked up when first needed: each
    lookup loads a codec's module)."""
    return {codecs.lookup(name).name: i for i, name in enumerate(LEGACY)}


CERTAIN = frozenset({"utf-8", "utf-16-le", "utf-16-be"})
MAX_CHAOS = 0.2
_C1 = re.compile("[\u0080-\u009f]")
# UTF-8 bytes read as a one-byte code page: "Ã©", "Â ", "â€™" ...
_MOJIBAKE = re.compile("[ÃÂ][\u00a0-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€[™œ\u009d“”˜¦¢]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a codec name: "utf-8", "utf-16-le", "cp1251", ...

    @property
    def certain(self) -> bool:
        """True for UTF-8 and BOM-marked UTF-16; a recognised encoding is a guess."""
        return self.encoding in CERTAIN


def label(encoding: str) -> str:
    """A name people know: "Windows-1251", "EUC-KR", "KOI8-R", "UTF-8"."""
    name = codecs.lookup(encoding).name
    known = {
        "cp949": "EUC-KR (Windows-949)",
        "euc_kr": "EUC-KR",
        "cp932": "Shift-JIS (Windows-932)",
        "shift_jis": "Shift-JIS",
        "euc_jp": "EUC-JP",
        "gb18030": "GB18030",
        "big5": "Big5",
        "koi8-r": "KOI8-R",
        "koi8-u": "KOI8-U",
        "utf-8": "UTF-8",
        "utf-16-le": "UTF-16 (little-endian)",
        "utf-16-be": "UTF-16 (big-endian)",
    }
    if name in known:
        return known[name]
    if name.startswith("cp125"):
        return f"Windows-{name[2:]}"
    if name.startswith("iso8859-"):
        return f"ISO-8859-{name[8:]}"
    return name.upper()


def _first_bad_utf8(data: bytes) -> tuple[int, int, int]:
    """(offset of the first undecodable byte, valid non-ASCII characters, bad sequences)."""
    first = -1
    valid = bad = 0
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    position = 0
    view = memoryview(data)
    while position < len(data):
        try:
            text = decoder.decode(bytes(view[position:]), final=True)
            valid += sum(1 for ch in text if ord(ch) > 127)
            break
        except UnicodeDecodeError as exc:
            if first < 0:
                first = position + exc.start
            good = exc.object[: exc.start].decode("utf-8", "ignore")
            valid += sum(1 for ch in good if ord(ch) > 127)
            bad += 1
            position += exc.end
            decoder.reset()
    return first, valid, bad


_WORD = re.compile(r"[^\W\d_]+")


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return "?"


def _plausible(text: str) -> bool:
    """False when letters of another script stand alone inside Latin text.

    ("Price rose Ђ 5" is Windows-1252 read as Windows-1251: real Cyrillic text
    has Cyrillic words, not lone Cyrillic letters among Latin ones.)
    """
    foreign = odd = 0
    for word in _WORD.findall(text[:200_000]):
        scripts = {_script(ch) for ch in word}
        if scripts <= {"LATIN"}:
            continue
        foreign += 1
        if len(word) == 1 or "LATIN" in scripts:
            odd += 1
    return not foreign or odd * 2 <= foreign


# One-byte Latin code pages that charset-normalizer cannot always tell apart on mostly
# ASCII text ("£45" in Windows-1252 is "Ł45" in Windows-1250).
_LATIN_PAGES = ("cp1252", "cp1250", "cp1257", "iso8859-15", "iso8859-2")
_ODD_LETTER = re.compile(
    r"(?<![^\W\d_])[^\W\d_](?![^\W\d_])|[^\W\d_](?=\d)|(?<=\d)[^\W\d_]"
    # A sign inside a word ("powiedzia³"): a letter of another page.
    r"|(?<=[^\W\d_])[\u00a1-\u00bf](?=[^\W\d_])"
)


def _utf8_pairs(codec: str) -> frozenset[str]:
    """What UTF-8's two-byte letters of Latin-1 ("é" is C3 A9) become in one-byte *codec*."""
    pairs = set()
    for lead in (0xC2, 0xC3):
        for tail in range(0x80, 0xC0):
            pair = bytes((lead, tail)).decode(codec, errors="replace")
            if "\ufffd" not in pair:
                pairs.add(pair)
    return frozenset(pairs)


_PAIRS = {codec: _utf8_pairs(codec) for codec in ("cp1250", "cp1257", "iso8859-2")}


def _read_as_utf8(text: str, codec: str) -> bool:
    """True when *text* (read in a Latin page) holds UTF-8 letters read a byte at a time:
    "CafĂ©" is "Café" in UTF-8 read as Windows-1250 (:data:`_MOJIBAKE` knows the others)."""
    pairs = _PAIRS.get(codec, frozenset())
    leads = {pair[0] for pair in pairs}
    return any(text[i : i + 2] in pairs for i in range(len(text) - 1) if text[i] in leads)


def _odd_letters(text: str) -> int:
    """Non-ASCII letters standing alone or stuck to a digit ("Ł45", "5Ş"), or signs inside a
    word ("powiedzia³"): signs of a wrong page."""
    return sum(1 for m in _ODD_LETTER.finditer(text[:200_000]) if ord(m.group(0)) > 127)


def _best_latin(data: bytes, text: str, codec: str, tied: list[str]) -> tuple[str, str]:
    """Between Latin code pages read as cleanly (*tied*), the reading with the fewest odd
    letters, then the commonest page."""
    if codec not in _LATIN_PAGES:
        return text, codec
    best = (_odd_letters(text), legacy_order().get(codec, 99), text, codec)
    for candidate in _LATIN_PAGES:
        if candidate == codec:
            continue
        other = data.decode(candidate, errors="replace")
        if "\ufffd" in other or _C1.search(other) or _MOJIBAKE.search(other):
            continue
        if _read_as_utf8(other, candidate):
            continue
        odd = _odd_letters(other)
        rank = legacy_order().get(candidate, 99) if candidate in tied else 99
        if (odd, rank) < best[:2]:
            best = (odd, rank, other, candidate)
    return best[2], best[3]


def _commonest(data: bytes, text: str, codec: str) -> str:
    """Of the encodings giving exactly *text*, the commonest (earliest in LEGACY)."""
    for candidate in LEGACY:
        try:
            if data.decode(candidate) == text:
                return codecs.lookup(candidate).name
        except UnicodeDecodeError:
            continue
    return codec


def decode_with(data: bytes, encoding: str, filename: str) -> Decoded:
    """Decode with the encoding the analyst named; refused where it does not fit."""
    name = filename or "The file"
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InvalidInput(f"{encoding!r} is not an encoding ClaimDesk knows.") from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{name} is not {label(codec)}: the byte at offset {exc.start} cannot be read in it."
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text, codec)


def recognise(data: bytes, filename: str) -> Decoded:
    """The encoding of bytes that are not UTF-8, or InvalidInput naming the problem."""
    name = filename or "The file"
    first, valid, bad = _first_bad_utf8(data)
    if valid and valid >= bad:
        raise InvalidInput(
            f"{name} is damaged UTF-8: the byte at offset {first} is not valid UTF-8 "
            f"({bad} damaged place(s)); nothing was imported."
        )
    from charset_normalizer import from_bytes  # loaded for the first file not in UTF-8

    matches = from_bytes(data, cp_isolation=list(LEGACY))
    best = matches.best()
    if best is not None and best.chaos <= MAX_CHAOS:
        tied = [codecs.lookup(m.encoding).name for m in matches if m.chaos <= best.chaos]
        codec = codecs.lookup(best.encoding).name
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            text = ""
        if text and not _C1.search(text) and not _MOJIBAKE.search(text) and _plausible(text):
            text, codec = _best_latin(data, text, codec, tied)
            if not _read_as_utf8(text, codec):
                return Decoded(text, _commonest(data, text, codec))
    raise InvalidInput(
        f"{name} is not UTF-8 (the byte at offset {first} is not valid UTF-8) and does not "
        "read as any encoding ClaimDesk recognises; save it as UTF-8, or name its encoding."
    )


# What an analyst may pick instead of the recognised encoding, commonest first.
CHOICES = ("utf-8", *LEGACY)
PREVIEW_BYTES = 16 * 1024
PREVIEW_LINES = 12


def choices() -> list[tuple[str, str]]:
    """(codec name, label) of each encoding offered, without repeats."""
    out: dict[str, str] = {}
    for encoding in CHOICES:
        codec = codecs.lookup(encoding).name
        out.setdefault(codec, label(codec))
    return list(out.items())


def preview(data: bytes, encoding: str, filename: str, lines: int = PREVIEW_LINES) -> str:
    """The first *lines* lines of *data* read in *encoding*; InvalidInput where it does not fit.

    Only the first :data:`PREVIEW_BYTES` are read (a character cut at that end
    waits for bytes that are not read, and is left out).
    """
    name = filename or "The file"
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InvalidInput(f"{encoding!r} is not an encoding ClaimDesk knows.") from None
    decoder = codecs.getincrementaldecoder(codec)("strict")
    head = data[:PREVIEW_BYTES]
    try:
        text = decoder.decode(head, final=len(data) <= PREVIEW_BYTES)
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{name} is not {label(codec)}: the byte at offset {exc.start} cannot be read in it."
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return "\n".join(text.splitlines()[:lines])


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


DECLARATION_BYTES = 8192  # how far into a page a declared charset is looked for


def declared_charset(data: bytes) -> str | None:
    """The codec an HTML page declares in a ``<meta>`` charset (near its start), or None.

    As browsers do, a declared Latin-1 (or ASCII) means Windows-1252.
    """
    match = _META_CHARSET.search(data[:DECLARATION_BYTES])
    if not match:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii", "replace").lower()).name
    except LookupError:
        return None
    return "cp1252" if codec in ("iso8859-1", "ascii") else codec


def recognised(encoding: str, fmt: str, original: bytes) -> bool:
    """True when a text or HTML file's *encoding* was recognised, not certain: not
    UTF-8 or BOM-marked, nor the charset an HTML page declares (and fits)."""
    codec = codecs.lookup(encoding).name
    if codec in CERTAIN or fmt not in ("txt", "md", "html"):
        return False
    return fmt != "html" or declared_charset(original) != codec
