"""Named claim filters the team keeps in the workspace."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, UUIDMixin
from db.timeutil import utcnow


class SavedFilter(UUIDMixin, Base):
    """A claims-table filter under a name (unique in the workspace), as JSON."""

    __tablename__ = "saved_filter"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    criteria: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("analyst.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
