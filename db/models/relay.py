"""The chain that relayed a claim from its original source: outlet → lawmaker → agency."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Integer, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UUIDMixin


class ClaimRelay(UUIDMixin, Base):
    """One link of a claim's relay chain; ``position`` 0 is the relay nearest the source."""

    __tablename__ = "claim_relay"
    __table_args__ = (UniqueConstraint("claim_id", "position"),)

    claim_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("source.id", ondelete="CASCADE"), index=True
    )
