"""Long plain-text files stored without their text ever held whole.

A ``.txt`` or ``.md`` file of at least :data:`STREAM_BYTES`, in UTF-8 (with or
without a byte-order mark), is read a slice at a time, twice: first to check it
(binary, blank), hash it, count the UTF-8 size of its stored text and find its
metadata in its head; then to stage its text and its bytes in the database
(:func:`db.articles.add_streamed_article`).  Python holds a slice and a run of
lines at a time, never the file's bytes or its text whole: a text that Python
would keep at four bytes a character (one emoji in 50 MiB of ASCII) costs no
more than any other.  A PostgreSQL workspace takes each value in one statement
(:mod:`db.shared_long_rows`): the file's bytes, then the text's UTF-8, are each
gathered into one buffer as they are read, one at a time, never the text itself.

The stored text is exactly what :func:`db.importing.text.read_text_article`
makes of the whole file: NFC, then LF line endings, applied to runs of lines cut
just after a line feed — a line feed composes with nothing, and the CR of a CR LF
pair is always in the same run as its LF — and the checks decide as they do on the
whole text.  A file this path does not take (not UTF-8, a BOM of UTF-16, a line of
more than :data:`RUN_CHARS` characters) is read whole as before.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from db.articles import ArticleInfo, NewArticle, add_streamed_article
from db.errors import InvalidInput
from db.importing.metadata import HEAD_CHARS, extract_metadata
from db.importing.text import (
    _CONTROLS,
    MAX_CONTROL_SHARE,
    SNIFF_CHARS,
    UTF16_BOMS,
    _binary,
    _count_control_bytes,
    normalise_text,
)
from db.workspace import Workspace

STREAM_BYTES = 16 * 2**20  # files this long or longer are streamed (smaller ones go in batches)
SLICE = 2**20  # bytes read at a time
RUN_CHARS = 8 * 2**20  # a run of text without a line feed longer than this: read whole
SUFFIXES = (".txt", ".md", ".markdown")
HEAD_BYTES = 8192  # the start of the file kept with the article's metadata (for reports)


class NotStreamed(Exception):
    """The file is read whole instead (not UTF-8, or a line too long)."""


@dataclass(frozen=True)
class LongText:
    """A checked long text file: its metadata, hash and sizes, ready to be stored."""

    path: Path
    article: NewArticle  # metadata only: no text, the file's first bytes as original
    digest: str
    text_bytes: int  # the stored text's size in UTF-8
    file_bytes: int


def streams_file(path: Path, encoding: str | None = None) -> bool:
    """Whether *path* is a file this module reads (else it is read whole)."""
    from db.importing import MAX_BYTES

    if encoding is not None or path.suffix.lower() not in SUFFIXES:
        return False
    try:
        return STREAM_BYTES <= os.stat(path).st_size <= MAX_BYTES
    except OSError:
        return False  # the whole-file reader names the problem


def _slices(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as file:
        while chunk := file.read(SLICE):
            yield chunk


def _decoded(slices: Iterator[bytes]) -> Iterator[str]:
    """The file's text as decoded (UTF-8, a BOM dropped), a piece per slice."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        for chunk in slices:
            yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise NotStreamed from None


def _runs(pieces: Iterator[str]) -> Iterator[str]:
    """The text normalised as :func:`normalise_text`, in runs ending just after a line feed."""
    carry = ""
    for piece in pieces:
        carry += piece
        cut = carry.rfind("\n") + 1
        if cut:
            yield normalise_text(carry[:cut])
            carry = carry[cut:]
        elif len(carry) > RUN_CHARS:
            raise NotStreamed
    if carry:
        yield normalise_text(carry)


@dataclass
class _Scan:
    """What the first reading counts of the file's bytes."""

    size: int = 0
    controls: int = 0  # bytes that may write a control character (see _looks_binary)
    hashed: Any = field(default_factory=hashlib.sha256)


def _checked_slices(path: Path, name: str, scan: _Scan) -> Iterator[bytes]:
    """The file's slices, refused as binary when one holds a NUL, counted into *scan*."""
    first = True
    for chunk in _slices(path):
        if first and chunk.startswith(UTF16_BOMS):
            raise NotStreamed
        first = False
        if b"\x00" in chunk:
            raise _binary(name)
        scan.hashed.update(chunk)
        scan.size += len(chunk)
        scan.controls += _count_control_bytes(chunk)
        yield chunk


def read_long_text(path: Path) -> LongText:
    """Check *path* and find what storing it needs, its text read a run at a time.

    InvalidInput as the whole-file reader words it (binary, no text); NotStreamed
    when the file is to be read whole."""
    name = path.name
    scan = _Scan()
    raw_chars = 0
    sample = ""
    text_bytes = 0
    head = ""
    blank = True

    def counted(pieces: Iterator[str]) -> Iterator[str]:
        nonlocal raw_chars, sample
        for piece in pieces:
            raw_chars += len(piece)
            if len(sample) < SNIFF_CHARS:
                sample += piece[: SNIFF_CHARS - len(sample)]
            yield piece

    for run in _runs(counted(_decoded(_checked_slices(path, name, scan)))):
        text_bytes += len(run) if run.isascii() else len(run.encode("utf-8"))
        if len(head) < HEAD_CHARS:
            head += run[: HEAD_CHARS - len(head)]
        if blank and not run.isspace():
            blank = False
    # Decided as _looks_binary decides on the whole text and the file's bytes.
    if raw_chars and scan.controls / min(raw_chars, SNIFF_CHARS) > MAX_CONTROL_SHARE:
        if len(_CONTROLS.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
            raise _binary(name)
    if blank:
        raise InvalidInput(f"{name or 'The file'} holds no text.")
    fmt = "md" if name.lower().endswith((".md", ".markdown")) else "txt"
    meta = extract_metadata(head, markdown=fmt == "md")
    with open(path, "rb") as file:
        start = file.read(HEAD_BYTES)
    article = meta.article("", start, name, fmt, "utf-8")
    return LongText(path, article, scan.hashed.hexdigest(), text_bytes, scan.size)


def store_long_text(ws: Workspace, long: LongText) -> ArticleInfo:
    """Store the file *long* describes, reading it again a slice at a time."""

    def text_chunks() -> Iterator[bytes]:
        for run in _runs(_decoded(_slices(long.path))):
            yield run.encode("utf-8")

    return add_streamed_article(
        ws,
        replace(long.article, text=""),
        long.digest,
        (text_chunks, long.text_bytes),
        (lambda: _slices(long.path), long.file_bytes),
    )


def import_long_text(ws: Workspace, path: Path) -> ArticleInfo:
    """Read and store a long text file; NotStreamed when it is to be read whole."""
    return store_long_text(ws, read_long_text(path))
