"""New rows written by one plain INSERT, stamped and recorded as a flush records them.

Adding many rows through the ORM costs an object per row and one more per history
entry; :func:`insert_created` writes the rows and their ``create`` history entries
with two statements instead, and leaves the same trace: ``created_by``/``updated_by``
stamped with the writing analyst, one history entry per row holding the fields
:func:`db.audit.snapshot` would, and those entries counted as this workspace's own by
the change feed.  :func:`insert_claim` does the same for one new claim without tags
(Ctrl+E in the reader): two statements instead of a flush of two objects.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Dialect, Table, insert
from sqlalchemy.orm import Session

from db import audit, timeutil
from db.changefeed import remember_own
from db.models import Claim, HistoryEntry
from db.models.base import TrackedMixin

_HISTORY = cast(Table, HistoryEntry.__table__)
# Kinds of row whose history entry names no claim (see db.audit._claim_of).
WITHOUT_CLAIM = frozenset({"article", "source", "fact"})


def insert_created(
    session: Session, model: type[TrackedMixin], rows: Sequence[dict[str, Any]]
) -> None:
    """INSERT *rows* (column -> value, the same columns in each, ids given) into *model*'s
    table in *session*'s transaction, with a ``create`` history entry for each.

    For rows that belong to no claim (articles, sources, facts).
    """
    kind = audit.AUDITED[model]
    if kind not in WITHOUT_CLAIM:
        raise ValueError(f"a {kind} row's history entry names its claim; add it to a session")
    if not rows:
        return
    _insert_with_entries(session, model, rows)


def insert_claim(session: Session, row: dict[str, Any]) -> None:
    """INSERT one new claim (column -> value, every column of the table given, its id
    included) and its ``create`` history entry in *session*'s transaction.

    For a claim without tags: the entry records the fields :func:`db.audit.snapshot`
    records for a new claim added to a session, its tags an empty list.
    """
    _insert_with_entries(session, Claim, [row])


def _insert_with_entries(
    session: Session, model: type[TrackedMixin], rows: Sequence[dict[str, Any]]
) -> None:
    """INSERT *rows* stamped with the writing analyst, then a ``create`` history entry
    for each (none for rows a bundle brings: the bundle brings their entries)."""
    from_bundle = bool(session.info.get(audit.FROM_BUNDLE_KEY))
    analyst_id = None if from_bundle else audit.writing_analyst(session)
    if not from_bundle:
        for row in rows:
            if row.get("created_by_id") is None:
                row["created_by_id"] = analyst_id
            if row.get("updated_by_id") is None:
                row["updated_by_id"] = analyst_id
    _insert_many(session, cast(Table, model.__table__), rows)
    if from_bundle:
        return
    kind = audit.AUDITED[model]
    entries = [
        {
            "id": uuid.uuid4(),
            "at": timeutil.utcnow(),  # read through the module: a test may set the clock
            "analyst_id": analyst_id,
            "entity_type": kind,
            "entity_id": row["id"],
            "claim_id": None if kind in WITHOUT_CLAIM else row["id"],
            "action": "create",
            "changes": _created_changes(model, row),
        }
        for row in rows
    ]
    if len(entries) > 1:  # one entry: SQLite's trigger numbers it within the INSERT
        _number_entries(session, entries)
    _insert_many(session, _HISTORY, entries)
    remember_own(session, [entry["id"] for entry in entries])


def _created_changes(model: type[TrackedMixin], row: dict[str, Any]) -> dict[str, list[Any]]:
    changes = audit.created_changes(model, row)
    if model is Claim:
        changes["tags"] = [None, []]  # a claim written so has no tags
    return changes


def _number_entries(session: Session, entries: list[dict[str, Any]]) -> None:
    """On SQLite, give *entries* the positions ``seq`` the history trigger would give them
    one INSERT at a time (the highest so far plus one, in order), so that it need not
    run an UPDATE per entry.  Called once the transaction writes (it holds SQLite's
    one write lock, so no other writer can take a position meanwhile).  On PostgreSQL
    the positions come from the sequence, as for any entry."""
    conn = session.connection()
    if conn.dialect.name != "sqlite" or not entries:
        return
    top = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM history").scalar_one()
    for n, entry in enumerate(entries, start=int(top) + 1):
        entry["seq"] = n


def _insert_many(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """One INSERT of *rows* (the same columns in each).

    On SQLite the statement SQLAlchemy compiles is run by the driver with each value
    converted by its column type's own bind processor: the same statement and values,
    without building a parameter dictionary per row.
    """
    conn = session.connection()
    dialect = conn.dialect
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        session.execute(insert(table), list(rows))
        return
    plain = _plain_insert(table, tuple(rows[0]), dialect)
    if plain is None:  # a default made a parameter of its own
        session.execute(insert(table), list(rows))
        return
    sql, order, processors = plain
    # Converted a column at a time (one pass of the column's processor over its values),
    # then put together as rows: the same values as converting each row, with far less
    # interpreter work per value.
    columns: list[list[Any]] = []
    for key, process in zip(order, processors, strict=True):
        values = [row[key] for row in rows]
        columns.append(values if process is None else list(map(process, values)))
    conn.exec_driver_sql(sql, list(zip(*columns, strict=True)))


# (SQL, parameter order, each parameter's bind processor or None)
_Plain = tuple[str, list[str], list[Any]]
_PLAIN: dict[tuple[Table, tuple[str, ...], Dialect], _Plain] = {}


def _plain_insert(table: Table, keys: tuple[str, ...], dialect: Dialect) -> _Plain | None:
    """(SQL, parameter order, bind processors) of the INSERT of *keys* into *table*,
    compiled once per table, columns and dialect; None when a column's default needs
    a parameter of its own."""
    key = (table, keys, dialect)
    found = _PLAIN.get(key)
    if found is not None:
        return found
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    order = list(compiled.positiontup or [])
    if sorted(order) != sorted(keys):
        return None
    processors = [table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in order]
    plain: _Plain = (compiled.string, order, processors)
    if len(_PLAIN) < 64:  # a few tables and column sets: kept for the process
        _PLAIN[key] = plain
    return plain
