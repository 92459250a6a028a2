"""Typed links between two claims, in the same or different articles."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, TrackedMixin
from db.models.enums import Relation, str_enum


class ClaimLink(TrackedMixin, Base):
    """``from_claim`` *relation* ``to_claim`` — e.g. A updates B: A's figure supersedes B's."""

    __tablename__ = "claim_link"
    __table_args__ = (UniqueConstraint("from_claim_id", "to_claim_id", "relation"),)

    from_claim_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    to_claim_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    relation: Mapped[Relation] = mapped_column(str_enum(Relation))
    note: Mapped[str] = mapped_column(Text, default="")
