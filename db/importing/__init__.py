"""Article import: read a file, extract text and metadata, store it.

A reader takes ``(data: bytes, filename: str)`` and returns
:class:`db.articles.NewArticle` (or raises :class:`db.errors.InvalidInput`
naming the file and the reason).  Readers for HTML, PDF and Word import their
packages on first use, so starting ClaimDesk does not pay for them and a
missing package is one clear message (:mod:`db.needs`).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from db.articles import (
    BATCH_ARTICLES,
    BATCH_BYTES,
    ArticleInfo,
    NewArticle,
    Stored,
    add_article,
    add_articles,
)
from db.errors import InvalidInput
from db.needs import needs
from db.workspace import Workspace

Reader = Callable[[bytes, str, str | None], NewArticle]


@functools.cache
def _text_reader() -> Reader:
    """The text reader, imported on first use (once: not again at every file)."""
    from db.importing.text import read_text_article

    return read_text_article


def _read_text(data: bytes, filename: str, encoding: str | None = None) -> NewArticle:
    return _text_reader()(data, filename, encoding)


def _read_html(data: bytes, filename: str, encoding: str | None = None) -> NewArticle:
    with needs("Reading HTML pages"):
        from db.importing.html import read_html_article
    return read_html_article(data, filename, encoding)


def _read_pdf(data: bytes, filename: str, encoding: str | None = None) -> NewArticle:
    with needs("Reading PDF files"):
        from db.importing.pdf import read_pdf_article
    return read_pdf_article(data, filename)


def _read_docx(data: bytes, filename: str, encoding: str | None = None) -> NewArticle:
    with needs("Reading Word files"):
        from db.importing.docx import read_docx_article
    return read_docx_article(data, filename)


def _import_annotations(ws: Workspace, path: Path) -> AnnotationResult:
    from db.importing.w3c import import_annotations

    report = import_annotations(ws, path)
    return AnnotationResult(report.added, tuple(report.problems))


READERS: dict[str, Reader] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".markdown": _read_text,
    ".html": _read_html,
    ".htm": _read_html,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
}


# Files that add claims to existing articles instead of adding an article:
# suffix -> a function taking (ws, path) and returning the claim count.
@dataclass(frozen=True, slots=True)
class AnnotationResult:
    """Claims a Web Annotation file added, and one line per annotation left out."""

    claims: int
    problems: tuple[str, ...] = ()


ANNOTATION_SUFFIXES: dict[str, Callable[[Workspace, Path], AnnotationResult]] = {
    ".jsonld": _import_annotations
}
MAX_BYTES = 50 * 1024 * 1024


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of *path*, refused when it is missing or larger than *limit*."""
    try:
        file = open(path, "rb", buffering=0)  # closed by the with block below
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file.") from None
    with file:
        if os.fstat(file.fileno()).st_size > limit:
            raise InvalidInput(f"{path.name}: the file is larger than {limit // 2**20} MiB.")
        return file.readall()


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def read_file(path: Path, encoding: str | None = None) -> NewArticle:
    """Extract an article from *path* without storing it.

    *encoding* (text and HTML files) names the encoding to read the bytes in,
    instead of recognising it.
    """
    if not isinstance(path, Path):
        path = Path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise InvalidInput(
            f"{path.name}: ClaimDesk cannot import {suffix or 'files without a suffix'}; "
            f"it reads {', '.join(supported_suffixes())}."
        )
    data = read_limited(path)
    return reader(data, path.name, encoding)


def import_file(ws: Workspace, path: Path) -> ArticleInfo:
    """Read and store one article file; DuplicateArticle when it was imported before.

    A long text file is read a slice at a time (:mod:`db.importing.streamed`)."""
    from db.importing.streamed import NotStreamed, import_long_text, streams_file

    if streams_file(Path(path)):
        try:
            return import_long_text(ws, Path(path))
        except NotStreamed:
            pass  # read whole below
    return add_article(ws, read_file(path))


class ArticleBatch:
    """Extracted articles stored a batch at a time, each outcome handed to *stored*.

    Many small files go in one transaction (one disk sync) instead of one each; a file
    of :data:`db.articles.BATCH_BYTES` or more is stored on its own.  Call
    :meth:`flush` once the last file is added.
    """

    def __init__(
        self,
        ws: Workspace,
        stored: Callable[[NewArticle, Stored], None],
        *,
        index_later: bool = False,
    ) -> None:
        self.ws = ws
        self.index_later = index_later  # see db.articles.add_articles
        self.stored = stored
        self.pending: list[NewArticle] = []
        self.digests: list[str | None] = []  # the SHA-256 of each pending file, when given
        self.size = 0

    def add(self, new: NewArticle) -> None:
        self.take([new])

    def take(self, holder: list[NewArticle], digest: str | None = None) -> None:
        """Add the article in *holder*, taking the caller's only reference to it.

        A file stored on its own is then the only copy of its text and bytes, which
        :func:`db.articles.add_article` lets go of before the database writes and
        indexes them; *stored* gets the article without its text.  *digest*, the
        SHA-256 of its file when the caller has it, is not worked out again.
        """
        new = holder.pop()
        size = len(new.original) + len(new.text)
        if size >= BATCH_BYTES:
            self.flush()
            from db.importing.encodings import DECLARATION_BYTES

            # What *stored* reads: the metadata, and the start of the file, where a
            # page declares its charset.
            light = replace(new, text="", original=new.original[:DECLARATION_BYTES])
            holder.append(new)
            del new  # add_article gets the only reference
            try:
                outcome: Stored = add_article(self.ws, holder.pop(), digest)
            except Exception as exc:  # reported with its file; the others go on
                outcome = exc
            self.stored(light, outcome)
            return
        if self.size + size > BATCH_BYTES:
            self.flush()
        self.pending.append(new)
        self.digests.append(digest)
        self.size += size
        if len(self.pending) >= BATCH_ARTICLES:
            self.flush()

    def flush(self) -> None:
        pending, self.pending, self.size = self.pending, [], 0
        digests, self.digests = self.digests, []
        if pending:
            stored = add_articles(self.ws, pending, index_later=self.index_later, digests=digests)
            for new, outcome in zip(pending, stored, strict=True):
                self.stored(new, outcome)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What one imported file added: an article, or claims on existing articles."""

    article: ArticleInfo | None = None
    claims: int = 0
    problems: tuple[str, ...] = ()  # annotations left out, one line each


def import_any(ws: Workspace, path: Path) -> ImportOutcome:
    """Import an article file, or a Web Annotation file (.jsonld) of claims."""
    path = Path(path)
    handler = ANNOTATION_SUFFIXES.get(path.suffix.lower())
    if handler is None:
        return ImportOutcome(article=import_file(ws, path))
    result = handler(ws, path)
    return ImportOutcome(claims=result.claims, problems=result.problems)
