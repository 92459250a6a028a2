"""Long values written into a PostgreSQL row one value per statement.

PostgreSQL gives the workspace's logins no way to write a value a slice at a time:
they may not create temporary tables to stage into (the team rules take that right
from everyone), and appending a slice with ``text || slice`` rewrites the whole
value, and indexes it for search again, at every slice.  So a long value goes in
one UPDATE of its own, after the row was written without it: a file's bytes as
they are, a text as its UTF-8 bytes, which the server converts (``convert_from``).
Python then holds the one value being sent, in one buffer of its size
(:func:`gathered`), never the decoded text of a file it reads a slice at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import LargeBinary, Table, bindparam, func, update
from sqlalchemy.orm import Session


def gathered(chunks: Iterable[bytes | memoryview], size: int) -> bytearray:
    """The bytes of *chunks* in one buffer of *size* bytes (no list of chunks beside it);
    ValueError when the chunks come to more or fewer bytes than *size*."""
    out = bytearray(size)
    at = 0
    with memoryview(out) as view:
        for chunk in chunks:
            end = at + len(chunk)
            if end > size:
                raise ValueError(f"more than the {size} bytes expected")
            view[at:end] = chunk
            at = end
    if at != size:
        raise ValueError(f"{at} bytes of the {size} expected")
    return out


def put(
    session: Session,
    table: Table,
    row_id: Any,
    column: str,
    value: bytes | bytearray,
    *,
    utf8_text: bool = False,
) -> None:
    """Set *column* of the row whose id is *row_id* to *value*; with *utf8_text*, to
    the text *value* holds in UTF-8 (the server decodes it).

    The value goes as the execution's parameter, not in the statement: SQLAlchemy
    keeps a statement it has compiled, with any value bound in it, for the next."""
    param = bindparam("v", type_=LargeBinary)
    target = func.convert_from(param, "UTF8") if utf8_text else param
    statement = update(table).where(table.c.id == row_id).values({column: target})
    session.execute(statement, {"v": value})
