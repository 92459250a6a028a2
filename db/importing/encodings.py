"""Which encoding a text file is in: certain (UTF-8, a BOM), recognised, or refused.

UTF-8 and UTF-16 with a byte-order mark are read as such.  Bytes that are not
UTF-8 are recognised among the legacy encodings news text still arrives in
(Windows and ISO Latin code pages, Cyrillic, Greek, Arabic, Hebrew, Korean,
Japanese, Chinese) by charset-normalizer, and a reading is accepted only
when it is plausible: it decodes without error, holds no C1 control (nor
private-use) characters, shows none of the marks of UTF-8 read as a one-byte
code page, and reads as words people write (:mod:`db.importing.plausible`:
no lone letters of another script, rare letters standing alone, halfwidth
katakana in Latin text, signs stuck to letters).  Of the readings the detector
offers the first plausible one is taken; among the Latin pages, the one whose
letters make sense.  When none is plausible the file is refused with the
offset of its first byte that is not UTF-8.
Bytes that are mostly valid UTF-8 with some damaged sequences are damaged
UTF-8, not another encoding: they are refused with the offset of the first
bad byte.  Whoever imports is told which encoding was used and may name
another; nothing is ever decoded with replacement characters.
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
from dataclasses import dataclass

from db.errors import InvalidInput
from db.importing.plausible import Measure, foreign_letters, measure
from db.needs import needs

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
# C1 control characters, and the private-use characters some code pages map their
# vendors' extra bytes to: no reading holding either is stored.
_C1 = re.compile("[\u0080-\u009f\ue000-\uf8ff]")
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


_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte UTF-8 could not read, kept aside
_BAD_UTF8 = threading.local()  # what the error handler below found, per thread


def _note_bad_utf8(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: note a sequence that is not UTF-8 and go on after it."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    found = _BAD_UTF8.found
    if found[0] < 0:
        found[0] = exc.start
    found[1] += 1
    return "", exc.end


codecs.register_error("claimdesk-note-bad-utf8", _note_bad_utf8)


# Long files are read a slice at a time: no second copy of them as text.
_SLICE = 1 << 20


def _first_bad_utf8(data: bytes) -> tuple[int, int, int]:
    """(offset of the first undecodable byte, valid non-ASCII characters, bad sequences).

    The bad sequences are those a strict decoder stops at, one after another.  The bytes
    are read a slice at a time with each undecodable byte kept aside (a lone surrogate), at
    C speed: a sequence is one to three bytes, so when the bad bytes are over three times
    the valid characters the sequences outnumber them too, and a lower bound of their count
    is given (text in another encoding); otherwise they are counted exactly."""
    first = -1
    valid = bad_bytes = 0
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    for at in range(0, len(data), _SLICE):
        waiting = len(decoder.getstate()[0])  # bytes of a sequence cut by the last slice
        final = at + _SLICE >= len(data)
        text = decoder.decode(data[at : at + _SLICE], final)
        kept = text.encode("utf-8", "ignore").decode("utf-8")  # the lone surrogates dropped
        valid += len(kept) - len(kept.encode("ascii", "ignore"))
        bad_bytes += len(text) - len(kept)
        if first < 0 and len(text) != len(kept):
            escaped = _ESCAPED.search(text)
            assert escaped is not None
            first = at - waiting + len(text[: escaped.start()].encode("utf-8", "surrogateescape"))
    if 3 * valid < bad_bytes:
        return first, valid, -(-bad_bytes // 3)
    if not bad_bytes:
        return first, valid, 0
    counter = codecs.getincrementaldecoder("utf-8")("claimdesk-note-bad-utf8")
    _BAD_UTF8.found = [-1, 0]
    try:
        for at in range(0, len(data), _SLICE):
            counter.decode(data[at : at + _SLICE], at + _SLICE >= len(data))
    finally:
        (_first, bad), _BAD_UTF8.found = _BAD_UTF8.found, [-1, 0]
    return first, valid, bad


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


_PAIR_CODECS = ("cp1250", "cp1257", "iso8859-2")


@functools.cache
def _pairs(codec: str) -> re.Pattern[str]:
    """The pattern of :func:`_utf8_pairs` (compiled when a file in *codec* is first read)."""
    return re.compile("|".join(map(re.escape, sorted(_utf8_pairs(codec)))))


def _read_as_utf8(text: str, codec: str) -> bool:
    """True when *text* (read in a Latin page) holds UTF-8 letters read a byte at a time:
    "CafĂ©" is "Café" in UTF-8 read as Windows-1250 (:data:`_MOJIBAKE` knows the others)."""
    return codec in _PAIR_CODECS and _pairs(codec).search(text) is not None


def _odd_letters(text: str) -> int:
    """Non-ASCII letters standing alone or stuck to a digit ("Ł45", "5Ş"), or signs inside a
    word ("powiedzia³"): signs of a wrong page."""
    return sum(1 for m in _ODD_LETTER.finditer(text[:200_000]) if ord(m.group(0)) > 127)


def _clean(text: str, codec: str) -> bool:
    """*text* read in *codec* holds no character that cannot be text (C1 controls,
    replacement marks) and none of the marks of UTF-8 read a byte at a time."""
    return (
        "\ufffd" not in text
        and not _C1.search(text)
        and not _mojibake(text)
        and not _read_as_utf8(text, codec)
    )


def _judged(text: str, codec: str) -> Measure | None:
    """The measure of *text* read in *codec* when it is clean and reads as words people
    write (:mod:`db.importing.plausible`), else None."""
    if not text or not _clean(text, codec):
        return None
    found = measure(text)
    return found if found.plausible else None


def _mojibake(text: str) -> bool:
    return ("Ã" in text or "Â" in text or "â€" in text) and _MOJIBAKE.search(text) is not None


# How much of a long file the Latin pages are first compared on (the odd letters are
# counted in its first 200,000 characters in any case); the page chosen is then checked
# on the whole file.
_SAMPLE_BYTES = 1 << 20


def _latin_ranking(
    data: bytes, text: str, codec: str, judged: Measure, tied: list[str]
) -> list[str]:
    """*codec* (which gave *text*, *judged* so), then the other Latin code pages that
    read a sample of *data* as cleanly and plausibly, by fewest odd places and letters,
    then fewest letters foreign to the text's language, then the commonest page among
    those the detector found as clean (*tied*).  Just *codec* when it is no Latin page."""
    if codec not in _LATIN_PAGES:
        return [codec]
    sample = data[:_SAMPLE_BYTES]  # one byte a character: any cut is a whole character
    ranked = [(*_marks(text, judged), legacy_order().get(codec, 99), -1, codec)]
    for order, candidate in enumerate(_LATIN_PAGES):
        if candidate == codec:
            continue
        other = sample.decode(candidate, errors="replace")
        found = _judged(other, candidate)
        if found is None:
            continue  # nor is the whole file clean in it
        rank = legacy_order().get(candidate, 99) if candidate in tied else 99
        ranked.append((*_marks(other, found), rank, order, candidate))
    return [candidate for *_key, candidate in sorted(ranked)]


def _marks(text: str, judged: Measure) -> tuple[int, int]:
    """(odd places and letters, letters foreign to the text's language) of a reading in a
    Latin page: the fewer, the likelier the page."""
    return judged.odd + _odd_letters(text), foreign_letters(text)


def _commonest(data: bytes, text: str, codec: str) -> str:
    """Of the encodings giving exactly *text* (read in *codec*), the commonest (earliest in
    LEGACY); each compared a slice at a time."""
    for candidate in LEGACY:
        if codecs.lookup(candidate).name == codec:
            return codec
        decoder = codecs.getincrementaldecoder(candidate)()
        at = 0
        try:
            for start in range(0, len(data), _SLICE):
                piece = decoder.decode(data[start : start + _SLICE], start + _SLICE >= len(data))
                if not text.startswith(piece, at):
                    break
                at += len(piece)
            else:
                if at == len(text):
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


# The detector is shown at most this much of a file (it judges samples of it in any case,
# and keeps each reading of what it is shown): what it finds is checked on the whole file.
_DETECT_BYTES = 1 << 20


_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# Markup tags.  No legacy encoding here has "<" or ">" (nor a line feed, nor any byte
# below 0x40) inside a character, so bytes can be cut there without splitting one.
_TAG_BYTES = re.compile(rb"<[^<>]*>")
_SAFE_CUT = re.compile(rb"[\x00-\x3f]")


def _detector_sample(data: bytes) -> bytes:
    """What the detector is shown: the lines of the file holding a byte beyond ASCII,
    their markup tags taken out, up to about :data:`_DETECT_BYTES` (the lines all in
    ASCII read the same in every encoding, and a page's markup would outweigh its
    text).  The file up to a line break near that size when no line is left."""
    picked: list[bytes] = []
    size = at = 0
    while size < _DETECT_BYTES and (high := _HIGH_BYTE.search(data, at)):
        start = data.rfind(b"\n", 0, high.start()) + 1
        end = data.find(b"\n", high.start())
        end = len(data) if end < 0 else end + 1
        line = data[start:end]
        if size + len(line) > _DETECT_BYTES:  # a long line, cut where no character is split
            limit = _DETECT_BYTES - size
            cuts = [m.end() for m in _SAFE_CUT.finditer(line, max(0, limit - 4096), limit)]
            line = line[: cuts[-1]] if cuts else line
        line = _TAG_BYTES.sub(b" ", line)
        picked.append(line if line.endswith(b"\n") else line + b"\n")
        size += len(line)
        at = end
    if picked:
        return b"".join(picked)
    if len(data) <= _DETECT_BYTES:
        return data
    cut = data.rfind(b"\n", 0, _DETECT_BYTES)
    return data[: cut + 1] if cut > 0 else data


def recognise(data: bytes, filename: str) -> Decoded:
    """The encoding of bytes that are not UTF-8, or InvalidInput naming the problem."""
    name = filename or "The file"
    first, valid, bad = _first_bad_utf8(data)
    if valid and valid >= bad:
        raise InvalidInput(
            f"{name} is damaged UTF-8: the byte at offset {first} is not valid UTF-8 "
            f"({bad} damaged place(s)); nothing was imported."
        )
    with needs("Reading text that is not UTF-8"):
        from charset_normalizer import from_bytes  # loaded for the first file not in UTF-8

    # (codec, chaos) of each reading, best first; the readings' text is not kept
    matches = [
        (codecs.lookup(m.encoding).name, m.chaos)
        for m in from_bytes(_detector_sample(data), cp_isolation=list(LEGACY))
    ]
    # Best first; a reading that is not plausible is passed over for the next.  (On a
    # long file the detector judges samples of it, so a page it ranks first may fail on
    # the whole text: "–" is a control character in ISO 8859-2.)
    for codec, chaos in matches:
        if chaos > MAX_CHAOS:
            break
        tied = [other for other, its_chaos in matches if its_chaos <= chaos]
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        judged = _judged(text, codec)
        if judged is None:
            continue
        # Of the Latin pages reading the file as cleanly, the best; one reading of a long
        # file is held at a time.
        for candidate in _latin_ranking(data, text, codec, judged, tied):
            if candidate == codec:  # judged clean on the whole file above
                text = text or data.decode(codec)
                return Decoded(text, _commonest(data, text, codec))
            text = ""
            other = data.decode(candidate, errors="replace")
            if _clean(other, candidate):
                return Decoded(other, _commonest(data, other, candidate))
            other = ""
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
