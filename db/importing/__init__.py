"""Article import: read a file, extract text and metadata, store it.

Readers are registered by file suffix as ``"module:function"``; a reader takes
``(data: bytes, filename: str)`` and returns :class:`db.articles.NewArticle`
(or raises :class:`db.errors.InvalidInput` naming the file and the reason).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db.articles import ArticleInfo, NewArticle, add_article
from db.errors import InvalidInput
from db.workspace import Workspace

READERS: dict[str, str] = {
    ".txt": "db.importing.text:read_text_article",
    ".md": "db.importing.text:read_text_article",
    ".markdown": "db.importing.text:read_text_article",
}
READERS.update(
    {
        ".html": "db.importing.html:read_html_article",
        ".htm": "db.importing.html:read_html_article",
        ".pdf": "db.importing.pdf:read_pdf_article",
        ".docx": "db.importing.docx:read_docx_article",
    }
)
# Files that add claims to existing articles instead of adding an article:
# suffix -> "module:function" taking (ws, path) and returning the claim count.
ANNOTATION_SUFFIXES: dict[str, str] = {".jsonld": "db.importing.w3c:import_annotations"}
MAX_BYTES = 50 * 1024 * 1024


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of *path*, refused when it is missing or larger than *limit*."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file.") from None
    if size > limit:
        raise InvalidInput(f"{path.name}: the file is larger than {limit // 2**20} MiB.")
    return path.read_bytes()


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def read_file(path: Path) -> NewArticle:
    """Extract an article from *path* without storing it."""
    path = Path(path)
    suffix = path.suffix.lower()
    spec = READERS.get(suffix)
    if spec is None:
        raise InvalidInput(
            f"{path.name}: ClaimDesk cannot import {suffix or 'files without a suffix'}; "
            f"it reads {', '.join(supported_suffixes())}."
        )
    data = read_limited(path)
    module_name, func_name = spec.split(":")
    reader: Callable[[bytes, str], NewArticle] = getattr(
        importlib.import_module(module_name), func_name
    )
    return reader(data, path.name)


def import_file(ws: Workspace, path: Path) -> ArticleInfo:
    """Read and store one article file; DuplicateArticle when it was imported before."""
    return add_article(ws, read_file(path))


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What one imported file added: an article, or claims on existing articles."""

    article: ArticleInfo | None = None
    claims: int = 0


def import_any(ws: Workspace, path: Path) -> ImportOutcome:
    """Import an article file, or a Web Annotation file (.jsonld) of claims."""
    path = Path(path)
    spec = ANNOTATION_SUFFIXES.get(path.suffix.lower())
    if spec is None:
        return ImportOutcome(article=import_file(ws, path))
    module_name, func_name = spec.split(":")
    handler = getattr(importlib.import_module(module_name), func_name)
    return ImportOutcome(claims=handler(ws, path))
