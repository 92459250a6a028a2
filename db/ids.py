"""Parsing ids given by people: full UUIDs or unambiguous prefixes of them."""

from __future__ import annotations

import uuid

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from db.errors import NotFound
from db.models.base import UUIDMixin


def resolve_id(
    session: Session, model: type[UUIDMixin], given: str | uuid.UUID, noun: str
) -> uuid.UUID:
    """The id of the *model* row named by *given* (a UUID or a prefix of at least 4 hex digits).

    Only the id is read, never the row: an article's row holds its whole text and file
    (a 50 MiB article would cost some 250 MiB for a moment just to be found).
    """
    if isinstance(given, uuid.UUID):
        if not _exists(session, model, given):
            raise NotFound(f"No {noun} with id {given}.")
        return given
    text = given.strip().lower()
    try:
        full = uuid.UUID(text)
    except ValueError:
        full = None
    if full is not None:
        if not _exists(session, model, full):
            raise NotFound(f"No {noun} with id {given}.")
        return full
    hexpart = text.replace("-", "")
    if len(hexpart) < 4 or any(c not in "0123456789abcdef" for c in hexpart):
        raise NotFound(f"No {noun} with id {given!r}.")
    column = model.id
    rows = session.scalars(
        select(column).where(cast(column, String).like(f"{hexpart}%")).limit(2)
    ).all()
    if not rows:
        # PostgreSQL renders UUIDs with hyphens.
        rows = session.scalars(
            select(column).where(cast(column, String).like(f"{_hyphenated(hexpart)}%")).limit(2)
        ).all()
    if not rows:
        raise NotFound(f"No {noun} with id {given}.")
    if len(rows) > 1:
        raise NotFound(f"The id {given} matches more than one {noun}; give more digits.")
    return rows[0]


def _exists(session: Session, model: type[UUIDMixin], given: uuid.UUID) -> bool:
    return session.scalar(select(model.id).where(model.id == given)) is not None


def _hyphenated(hexpart: str) -> str:
    out = []
    for i, ch in enumerate(hexpart):
        if i in (8, 12, 16, 20):
            out.append("-")
        out.append(ch)
    return "".join(out)


def short(value: uuid.UUID | str) -> str:
    return str(value).replace("-", "")[:8]
