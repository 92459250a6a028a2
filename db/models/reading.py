"""What a claim's quote says in numbers, read once and kept: db.facts.readings."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ClaimReading(Base):
    """The figure, date and cues read from a claim's quote (``reading``, in the form
    :mod:`db.facts.readings` writes), valid while ``key`` matches the digest of what it
    was read from (the quote, the words before it, the publication time and the
    reader's code); and what :mod:`db.facts.happenings` read of it (``happenings``, in
    the form :mod:`db.facts.told` writes, each reading with its own digest).  A derived
    copy: deleting every row loses nothing."""

    __tablename__ = "claim_reading"

    id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(32))
    reading: Mapped[str] = mapped_column(Text)
    happenings: Mapped[str | None] = mapped_column(Text, nullable=True)
