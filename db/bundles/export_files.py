"""An exported article's text and file, read from the workspace a slice at a time.

On SQLite each stored value is read through incremental BLOB I/O (the text as
the UTF-8 the database holds); on PostgreSQL a slice at a time with ``substr``
(the text in characters, each slice encoded as UTF-8).  Either way no article's
text or file is held whole, so the bundle's writer never sees more than a slice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, func, literal_column, select
from sqlalchemy.orm import Session

from db import long_rows
from db.bundles.archive import original_member, text_member
from db.bundles.stream_zip import BundleZip
from db.models import Article

BATCH = 500
TEXT_SLICE = 2**18  # characters (at most 1 MiB of UTF-8)


def _table() -> Table:
    return cast(Table, Article.__table__)  # the model maps one plain table


def _sqlite_slices(session: Session, rowid: int, column: str) -> Iterator[bytes]:
    raw = long_rows.raw_connection(session)
    with raw.blobopen(_table().name, column, rowid, readonly=True) as blob:
        while piece := blob.read(long_rows.SLICE):
            yield piece


def _sql_slices(session: Session, article_id: uuid.UUID, column: str) -> Iterator[bytes]:
    """Slices of a value read with ``substr`` (PostgreSQL)."""
    value = _table().c[column]
    size = TEXT_SLICE if column == "text" else long_rows.SLICE
    start = 1
    while True:
        piece = session.scalar(
            select(func.substr(value, start, size)).where(_table().c.id == article_id)
        )
        if not piece:
            return
        yield piece.encode("utf-8") if isinstance(piece, str) else bytes(piece)
        if len(piece) < size:
            return
        start += size


def write_articles(session: Session, out: BundleZip, articles: ColumnElement[bool]) -> None:
    """Write the text and file of every article meeting *articles*, a slice at a time."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    rowid: ColumnElement[Any] = literal_column("rowid" if sqlite else "0")
    query = (
        select(Article.id, rowid)
        .where(articles)
        .order_by(Article.id)
        .execution_options(yield_per=BATCH)
    )
    for part in session.execute(query).partitions():
        for article_id, row in part:
            for column, name in (
                ("original", original_member(article_id)),
                ("text", text_member(article_id)),
            ):
                slices = (
                    _sqlite_slices(session, row, column)
                    if sqlite
                    else _sql_slices(session, article_id, column)
                )
                with out.member(name) as sink:
                    for piece in slices:
                        sink.write(piece)
