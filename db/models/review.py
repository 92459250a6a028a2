"""Team review: comment threads and verdicts."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, ForeignKey, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, TrackedMixin, UTCDateTime, UUIDMixin
from db.models.enums import Status, str_enum
from db.timeutil import utcnow


class Comment(TrackedMixin, Base):
    """A comment on a claim; ``parent_id`` makes it a reply within a thread."""

    __tablename__ = "comment"

    claim_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("comment.id", ondelete="CASCADE"), nullable=True
    )
    body: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class Verdict(UUIDMixin, Base):
    """A reviewer's decision on a claim's status, with the written rationale."""

    __tablename__ = "verdict"

    claim_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    reviewer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("analyst.id"))
    status: Mapped[Status] = mapped_column(str_enum(Status))
    rationale: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
