"""Long values written into a SQLite row in slices, so no statement holds them whole.

Binding a 50 MiB value makes the ``sqlite3`` module and SQLite each keep a copy,
and a row of two such values (an article's text and its file) is rebuilt whole by
every statement that writes either.  Instead the values go first into a temporary
table (:func:`stage`), so the caller can let go of its own copies; the row is then
written with placeholders of the right sizes, and :func:`fill` copies each staged
value into its column a slice at a time (incremental BLOB I/O, which writes pages
in place and fires no triggers).  Everything happens in the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Table, literal_column, select
from sqlalchemy.orm import Session

STAGE = "long_value_stage"
SLICE = 2**20


def raw_connection(session: Session) -> sqlite3.Connection:
    raw: Any = session.connection().connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise TypeError("Long values are written in slices only on SQLite.")
    return raw


def stage(session: Session, value: bytes) -> int:
    """Copy *value* into a temporary row; its id, for :func:`fill`."""
    view = memoryview(value)
    return stage_chunks(
        session, (view[at : at + SLICE] for at in range(0, len(value), SLICE)), len(value)
    )


def text_chunks(text: str, chars: int = SLICE // 4) -> Iterator[bytes]:
    """*text* in UTF-8, *chars* characters at a time (no copy of the whole encoding)."""
    for at in range(0, len(text), chars):
        yield text[at : at + chars].encode("utf-8")


def stage_text(session: Session, text: str) -> tuple[int, int]:
    """Copy *text*, encoded in UTF-8 a slice at a time, into a temporary row: its id
    for :func:`fill`, and the length of the encoding in bytes."""
    size = len(text) if text.isascii() else sum(len(chunk) for chunk in text_chunks(text))
    return stage_chunks(session, text_chunks(text), size), size


def stage_chunks(session: Session, chunks: Iterable[bytes | memoryview], size: int) -> int:
    """Copy a value of *size* bytes, given a chunk at a time, into a temporary row."""
    raw = raw_connection(session)
    raw.execute(f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} (id INTEGER PRIMARY KEY, data BLOB)")
    cursor = raw.execute(f"INSERT INTO temp.{STAGE}(data) VALUES (zeroblob(?))", (size,))
    staged = cursor.lastrowid
    assert staged is not None
    written = 0
    with raw.blobopen(STAGE, "data", staged, name="temp") as blob:
        for chunk in chunks:
            blob.write(chunk)  # ValueError past the end
            written += len(chunk)
    if written != size:
        raise ValueError(f"staged {written} bytes of {size}")
    return staged


def same_bytes(
    session: Session, table: Table, column: str, row_id: Any, chunks: Iterable[bytes]
) -> bool:
    """Whether the stored value of *column* (read in slices) is exactly the bytes of *chunks*."""
    raw = raw_connection(session)
    rowid: int = session.execute(
        select(literal_column("rowid")).select_from(table).where(table.c.id == row_id)
    ).scalar_one()
    with raw.blobopen(table.name, column, rowid, readonly=True) as stored:
        for chunk in chunks:
            if stored.read(len(chunk)) != chunk:
                return False
        return stored.tell() == len(stored)


def fill(session: Session, table: Table, row_id: Any, columns: dict[str, int]) -> None:
    """Copy staged values into *columns* (name -> staged id) of the row whose id is *row_id*.

    Each column already holds a value of the staged value's length in bytes.
    """
    raw = raw_connection(session)
    rowid: int = session.execute(
        select(literal_column("rowid")).select_from(table).where(table.c.id == row_id)
    ).scalar_one()
    for column, staged in columns.items():
        with (
            raw.blobopen(STAGE, "data", staged, readonly=True, name="temp") as source,
            raw.blobopen(table.name, column, rowid) as target,
        ):
            while piece := source.read(SLICE):
                target.write(piece)
    marks = ", ".join("?" * len(columns))
    raw.execute(f"DELETE FROM temp.{STAGE} WHERE id IN ({marks})", tuple(columns.values()))
