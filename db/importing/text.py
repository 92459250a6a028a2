"""Plain-text and Markdown articles: decoding, normalisation and metadata.

Stored text is NFC-normalised Unicode with LF line endings and no trailing
whitespace; claim offsets index into exactly that text.  Markdown is kept as
source text (not rendered).
"""

from __future__ import annotations

import codecs
import unicodedata

from db.articles import NewArticle
from db.errors import InvalidInput
from db.importing.metadata import extract_metadata

UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Share of control characters (other than tab, LF, CR, FF) above which a
# decoded file is taken to be binary.
MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
_C1_HANDLER = "claimdesk-c1"


def _map_undefined_to_c1(exc: UnicodeError) -> tuple[str, int]:
    """Decode the five bytes Windows-1252 leaves undefined as C1 controls (as browsers do)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    raw = exc.object[exc.start : exc.end]
    return "".join(chr(b) for b in raw), exc.end


codecs.register_error(_C1_HANDLER, _map_undefined_to_c1)


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    if not text:
        return False
    sample = text[:65536]
    controls = sum(
        1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls / len(sample) > MAX_CONTROL_SHARE


def _binary(filename: str) -> InvalidInput:
    return InvalidInput(f"{filename or 'The file'} looks like a binary file, not text.")


def decode_text(data: bytes, filename: str) -> tuple[str, str]:
    """Decode file bytes; returns ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such;
    anything else that is not valid UTF-8 is read as Windows-1252 and the
    encoding returned is ``"windows-1252"`` so the caller can tell the user.
    Binary data is refused with :class:`InvalidInput` naming the file.
    """
    if data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InvalidInput(
                f"{filename or 'The file'} starts like UTF-16 text but is not valid UTF-16."
            ) from None
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    elif b"\x00" in data:
        raise _binary(filename)
    else:
        try:
            text = data.decode("utf-8-sig")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors=_C1_HANDLER)
            encoding = "windows-1252"
    if _looks_binary(text):
        raise _binary(filename)
    return text, encoding


def normalise_text(text: str) -> str:
    """NFC first (offsets index the stored NFC text), then LF line endings, no trailing space."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip()


def read_text_article(data: bytes, filename: str) -> NewArticle:
    """Read a ``.txt`` or ``.md`` file into a :class:`NewArticle` with extracted metadata."""
    raw, encoding = decode_text(data, filename)
    text = normalise_text(raw)
    if not text.strip():
        raise InvalidInput(f"{filename or 'The file'} holds no text.")
    fmt = "md" if filename.lower().endswith((".md", ".markdown")) else "txt"
    meta = extract_metadata(text, markdown=fmt == "md")
    return meta.article(text, data, filename, fmt, encoding)


__all__ = ["decode_text", "normalise_text", "read_text_article"]
