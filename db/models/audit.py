"""Append-only history of every change to tracked entities."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, UUIDMixin
from db.timeutil import utcnow


class HistoryEntry(UUIDMixin, Base):
    """One change: who, when, which entity, and field -> [old, new]."""

    __tablename__ = "history"

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
