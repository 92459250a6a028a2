"""Append-only history of every change to tracked entities."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import DDL, JSON, BigInteger, ForeignKey, Index, Sequence, String, Uuid, event
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.expression import FunctionElement

from db.models.base import Base, UTCDateTime, UUIDMixin
from db.timeutil import utcnow

# Where the change feed stands is kept by the database, never by a client clock:
#  * ``seq`` is a position assigned by the database as the row is written (a
#    sequence on PostgreSQL; on SQLite the trigger below gives max + 1 while the
#    single writer holds the lock, so positions follow commit order).
#  * ``txid`` (PostgreSQL only) is the writing transaction's 64-bit id; with a
#    reader's snapshot it tells exactly which rows the reader could not yet see.
HISTORY_SEQ = Sequence("history_seq_seq")
SQLITE_SEQ_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS history_assign_seq AFTER INSERT ON history "
    "WHEN NEW.seq IS NULL BEGIN "
    "UPDATE history SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM history) "
    "WHERE rowid = NEW.rowid; END"
)


class current_txid(FunctionElement[int]):
    """The writing transaction's id on PostgreSQL; NULL elsewhere."""

    type = BigInteger()
    inherit_cache = True


@compiles(current_txid)
def _txid_default(element: current_txid, compiler: Any, **kw: Any) -> str:
    return "NULL"


@compiles(current_txid, "postgresql")
def _txid_postgresql(element: current_txid, compiler: Any, **kw: Any) -> str:
    return "CAST(CAST(pg_current_xact_id() AS TEXT) AS BIGINT)"


class HistoryEntry(UUIDMixin, Base):
    """One change: who, when, which entity, and field -> [old, new]."""

    __tablename__ = "history"
    # A claim's history finds the links recorded under their other claim among the
    # link entries alone (db.history), not by reading every entry.
    __table_args__ = (Index("ix_history_entity_type", "entity_type", "entity_id"),)

    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    analyst_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("analyst.id"), nullable=True
    )
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    # The claim a change concerns (itself, or the claim owning evidence/comment/link).
    claim_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)
    action: Mapped[str] = mapped_column(String(16))  # create | update | delete | restore
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Database-assigned position (see above); NULL only until the SQLite trigger runs.
    seq: Mapped[int | None] = mapped_column(BigInteger, HISTORY_SEQ, nullable=True, index=True)
    txid: Mapped[int | None] = mapped_column(
        BigInteger, default=current_txid(), nullable=True, index=True
    )


# A table rebuilt by a batch migration on SQLite loses its triggers: such a
# migration must run SQLITE_SEQ_TRIGGER again.
event.listen(
    HistoryEntry.__table__,
    "after_create",
    # SQLAlchemy leaves DDL.__init__ unannotated.
    DDL(SQLITE_SEQ_TRIGGER).execute_if(dialect="sqlite"),  # type: ignore[no-untyped-call]
)
