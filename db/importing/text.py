"""Plain-text and Markdown articles: decoding, normalisation and metadata.

Stored text is the decoded text in Unicode NFC with LF line endings, every other
character kept (the final line break too); claim offsets index into exactly that
text.  Markdown is kept as source text (not rendered).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from db.articles import NewArticle
from db.errors import InvalidInput
from db.importing.encodings import decode_with, recognise
from db.importing.metadata import extract_metadata

UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Share of control characters (other than tab, LF, CR, FF) above which a
# decoded file is taken to be binary.
MAX_CONTROL_SHARE = 0.05
# The control characters (Unicode category Cc) other than those allowed above.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
SNIFF_CHARS = 65536  # the share is taken over this many characters at the start
_SLICE = 2**20  # bytes of a file looked at at once
_PROBE_BYTES = 2**16  # read as UTF-8 before the whole file is


# The bytes UTF-8 writes the control characters of _CONTROLS with: those below U+0080
# themselves, those from U+0080 after the byte C2 (with the other characters up to U+00BF).
_CONTROL_BYTES = bytes(c for c in range(0x80) if _CONTROLS.match(chr(c))) + b"\xc2"


def _count_control_bytes(data: bytes) -> int:
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def _looks_binary(text: str, utf8: bytes | None = None) -> bool:
    """True when *text* holds a NUL or too many control characters; *utf8*, the bytes
    *text* was decoded from as UTF-8, lets a text with few of them pass at once."""
    nul = b"\x00" in utf8 if utf8 is not None else "\x00" in text
    if nul:
        return True
    if not text:
        return False
    if utf8 is not None:
        # At least as many of these bytes as control characters: their share is never
        # below the share of control characters in the sample, and counted at once.
        # Counted a slice at a time: no second copy of a long file's bytes.
        most = sum(
            _count_control_bytes(utf8[at : at + _SLICE]) for at in range(0, len(utf8), _SLICE)
        )
        if most / min(len(text), SNIFF_CHARS) <= MAX_CONTROL_SHARE:
            return False
    sample = text[:SNIFF_CHARS]
    return len(_CONTROLS.findall(sample)) / len(sample) > MAX_CONTROL_SHARE


def _binary(filename: str) -> InvalidInput:
    return InvalidInput(f"{filename or 'The file'} looks like a binary file, not text.")


def decode_text(data: bytes, filename: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode file bytes; returns ``(text, encoding)`` (a codec name).

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; other
    bytes are recognised among legacy encodings (:mod:`db.importing.encodings`)
    or refused.  *encoding* names the encoding to use instead of finding it.
    Binary data is refused with :class:`InvalidInput` naming the file.
    """
    utf8: bytes | None = None  # the bytes when read as UTF-8
    if encoding is not None:
        decoded = decode_with(data, encoding, filename)
        text, found = decoded.text, decoded.encoding
    elif data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InvalidInput(
                f"{filename or 'The file'} starts like UTF-16 text but is not valid UTF-16."
            ) from None
        found = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    elif b"\x00" in data:
        raise _binary(filename)
    else:
        try:
            # A long file that is not UTF-8 most often shows it at once: found so, it is
            # not decoded whole first (a buffer the size of the file, thrown away).
            if len(data) > _PROBE_BYTES:
                codecs.getincrementaldecoder("utf-8-sig")().decode(data[:_PROBE_BYTES], False)
            text = data.decode("utf-8-sig")
            found, utf8 = "utf-8", data
        except UnicodeDecodeError:
            decoded = recognise(data, filename)
            text, found = decoded.text, decoded.encoding
    if _looks_binary(text, utf8):
        raise _binary(filename)
    return text, found


def normalise_text(text: str) -> str:
    """NFC first (offsets index the stored NFC text), then LF line endings; nothing else.

    Every character stays, the final line break and trailing spaces included, so
    annotations made on the file's text (which count to its very end) still fit.
    """
    text = unicodedata.normalize("NFC", text)
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_article(data: bytes, filename: str, encoding: str | None = None) -> NewArticle:
    """Read a ``.txt`` or ``.md`` file into a :class:`NewArticle` with extracted metadata."""
    raw, encoding = decode_text(data, filename, encoding)
    text = normalise_text(raw)
    if not text or text.isspace():
        raise InvalidInput(f"{filename or 'The file'} holds no text.")
    fmt = "md" if filename.lower().endswith((".md", ".markdown")) else "txt"
    meta = extract_metadata(text, markdown=fmt == "md")
    return meta.article(text, data, filename, fmt, encoding)


__all__ = ["decode_text", "normalise_text", "read_text_article"]
