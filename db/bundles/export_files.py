"""An exported article's text and file, copied from the workspace into the bundle.

On SQLite each stored value is read a slice at a time through incremental BLOB
I/O (the text as the UTF-8 the database holds).  On PostgreSQL a slice of bytes
at a time with ``substr`` (the text converted to UTF-8 by the server); every
such read decompresses the whole value on the server again, so the slices there
are larger (``PG_SLICE``) and few.  Either way Python never holds an article's
text or file whole, nor its decoded text.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any, cast

from sqlalchemy import ColumnElement, LargeBinary, Table, func, literal_column, select, type_coerce
from sqlalchemy.orm import Session

from db import long_rows
from db.bundles.archive import original_member, text_member
from db.bundles.stream_zip import BundleZip
from db.models import Article

BATCH = 500
# PostgreSQL: each slice read decompresses (and converts) the whole value again,
# so slices are few and large; the result arrives as hex, twice their size.
PG_SLICE = 8 * 2**20


def _table() -> Table:
    return cast(Table, Article.__table__)  # the model maps one plain table


def _sqlite_slices(
    session: Session, rowid: int, column: str, table: Table | None = None
) -> Iterator[bytes]:
    raw = long_rows.raw_connection(session)
    with raw.blobopen(
        (table if table is not None else _table()).name, column, rowid, readonly=True
    ) as blob:
        while piece := blob.read(long_rows.SLICE):
            yield piece


def _pg_slices(
    session: Session, row_id: uuid.UUID, column: str, table: Table | None = None
) -> Iterator[bytes]:
    """A value read as bytes a slice of ``PG_SLICE`` at a time (PostgreSQL)."""
    table = table if table is not None else _table()
    value: ColumnElement[Any] = table.c[column]
    if column == "text":
        value = func.convert_to(table.c.text, "UTF8")
    row = table.c.id == row_id
    size = session.scalar(select(func.octet_length(value)).where(row)) or 0
    for at in range(0, size, PG_SLICE):
        piece = select(type_coerce(func.substr(value, at + 1, PG_SLICE), LargeBinary))
        yield bytes(session.scalar(piece.where(row)) or b"")


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
                    else _pg_slices(session, article_id, column)
                )
                with out.member(name) as sink:
                    for piece in slices:
                        sink.write(piece)


def write_texts(
    session: Session, out: BundleZip, table: Table, member: Callable[[uuid.UUID], str]
) -> int:
    """Write the ``text`` of every row of *table*, each as the member *member(id)*,
    a slice at a time (as an article's text); the number of rows."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    rowid: ColumnElement[Any] = literal_column("rowid" if sqlite else "0")
    query = select(table.c.id, rowid).order_by(table.c.id).execution_options(yield_per=BATCH)
    count = 0
    for part in session.execute(query).partitions():
        for row_id, row in part:
            slices = (
                _sqlite_slices(session, row, "text", table)
                if sqlite
                else _pg_slices(session, row_id, "text", table)
            )
            with out.member(member(row_id)) as sink:
                for piece in slices:
                    sink.write(piece)
            count += 1
    return count
