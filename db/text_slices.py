"""An article's stored text read a slice at a time, for readers of very long articles.

On SQLite the text is read from its row with incremental BLOB I/O (UTF-8, as the
workspace stores it), so neither the ``sqlite3`` module nor SQLite holds the whole
value: a window showing a 50 MiB article need not hold its text as one ``str``
besides its document.  Each piece ends at a line break (but the last), so a piece
holds whole lines.  On PostgreSQL the text is read whole and cut the same way.
"""

from __future__ import annotations

import codecs
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import func, literal_column, select

from db import long_rows
from db.errors import NotFound
from db.models import Article
from db.workspace import Workspace

# Bytes read from the row at a time (a piece is about this many characters or fewer).
SLICE_BYTES = long_rows.SLICE


def _sqlite(session: Any) -> sqlite3.Connection | None:
    """The session's ``sqlite3`` connection, or None on another database."""
    try:
        return long_rows.raw_connection(session)
    except TypeError:
        return None


def _rowid(session: Any, article_id: uuid.UUID) -> int:
    number = session.scalar(
        select(literal_column("rowid")).select_from(Article).where(Article.id == article_id)
    )
    if number is None:
        raise NotFound(f"No article with id {article_id}.")
    return int(number)


def _decoded(blob: Any, limit: int | None = None) -> Iterator[str]:
    """The UTF-8 value of *blob* decoded a slice at a time (up to *limit* bytes)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    left = len(blob) if limit is None else min(limit, len(blob))
    while left > 0 and (piece := blob.read(min(SLICE_BYTES, left))):
        left -= len(piece)
        yield decoder.decode(piece)
    yield decoder.decode(b"", final=limit is None)


def whole_lines(pieces: Iterable[str]) -> Iterator[str]:
    """*pieces* of a text joined again and cut after their last line break: each piece
    given back holds whole lines (the text's last line may lack its break)."""
    carry: list[str] = []
    for piece in pieces:
        cut = piece.rfind("\n")
        if cut < 0:
            if piece:
                carry.append(piece)  # a line longer than a slice: kept until its end
            continue
        yield "".join((*carry, piece[: cut + 1]))
        carry = [piece[cut + 1 :]] if cut + 1 < len(piece) else []
    if carry:
        yield "".join(carry)


def article_text_pieces(ws: Workspace, article_id: uuid.UUID) -> Iterator[str]:
    """The article's text in pieces of whole lines; joined, they are the stored text.

    The session stays open until the last piece is taken (or the iterator is closed).
    """
    with ws.session() as session:
        raw = _sqlite(session)
        if raw is None:
            text = session.scalar(select(Article.text).where(Article.id == article_id))
            if text is None:
                raise NotFound(f"No article with id {article_id}.")
            slices = (text[at : at + SLICE_BYTES] for at in range(0, len(text), SLICE_BYTES))
            yield from whole_lines(slices)
            return
        number = _rowid(session, article_id)
        with raw.blobopen(Article.__tablename__, "text", number, readonly=True) as blob:
            yield from whole_lines(_decoded(blob))


def article_head(ws: Workspace, article_id: uuid.UUID, chars: int) -> tuple[str, bool]:
    """(the article's first *chars* characters at most, whether its text is longer),
    without reading the rest of it on SQLite."""
    with ws.session() as session:
        raw = _sqlite(session)
        if raw is None:
            row = session.execute(
                select(func.length(Article.text), func.substr(Article.text, 1, chars)).where(
                    Article.id == article_id
                )
            ).first()
            if row is None:
                raise NotFound(f"No article with id {article_id}.")
            return row[1], row[0] > chars
        number = _rowid(session, article_id)
        with raw.blobopen(Article.__tablename__, "text", number, readonly=True) as blob:
            # A character takes one to four bytes: 4 × chars bytes hold chars characters.
            size = len(blob)
            head = "".join(_decoded(blob, 4 * chars))
        return head[:chars], len(head) > chars or size > 4 * chars
