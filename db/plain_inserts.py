"""New rows written by one plain INSERT, stamped and recorded as a flush records them.

Adding many rows through the ORM costs an object per row and one more per history
entry; :func:`insert_created` writes the rows and their ``create`` history entries
with two statements instead, and leaves the same trace: ``created_by``/``updated_by``
stamped with the writing analyst, one history entry per row holding the fields
:func:`db.audit.snapshot` would, and those entries counted as this workspace's own by
the change feed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from db import audit
from db.changefeed import remember_own
from db.models import HistoryEntry
from db.models.base import TrackedMixin
from db.timeutil import utcnow

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
    from_bundle = bool(session.info.get(audit.FROM_BUNDLE_KEY))
    if not from_bundle:
        analyst_id = audit.writing_analyst(session)
        for row in rows:
            if row.get("created_by_id") is None:
                row["created_by_id"] = analyst_id
            if row.get("updated_by_id") is None:
                row["updated_by_id"] = analyst_id
    _insert_many(session, cast(Table, model.__table__), rows)
    if from_bundle:  # the bundle brings the entries describing these rows
        return
    entries = [
        {
            "id": uuid.uuid4(),
            "at": utcnow(),
            "analyst_id": analyst_id,
            "entity_type": kind,
            "entity_id": row["id"],
            "claim_id": None,
            "action": "create",
            "changes": audit.created_changes(model, row),
        }
        for row in rows
    ]
    _number_entries(session, entries)
    _insert_many(session, _HISTORY, entries)
    remember_own(session, [entry["id"] for entry in entries])


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
    keys = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    order = compiled.positiontup or []
    if sorted(order) != sorted(keys):  # a default made a parameter of its own
        session.execute(insert(table), list(rows))
        return
    processors = [table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in order]
    # Converted a column at a time (one pass of the column's processor over its values),
    # then put together as rows: the same values as converting each row, with far less
    # interpreter work per value.
    columns: list[list[Any]] = []
    for key, process in zip(order, processors, strict=True):
        values = [row[key] for row in rows]
        columns.append(values if process is None else list(map(process, values)))
    conn.exec_driver_sql(compiled.string, list(zip(*columns, strict=True)))
