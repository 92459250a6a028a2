"""Facts: the question a group of claims answers ("How many troops are in Russia?")."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, TrackedMixin, UTCDateTime, UUIDMixin
from db.models.enums import Relation, str_enum
from db.timeutil import utcnow


class Fact(TrackedMixin, Base):
    __tablename__ = "fact"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class DismissedProposal(UUIDMixin, Base):
    """A proposed link the analysts turned down: not proposed again."""

    __tablename__ = "dismissed_proposal"
    __table_args__ = (UniqueConstraint("from_claim_id", "to_claim_id", "relation"),)

    from_claim_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    to_claim_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    relation: Mapped[Relation] = mapped_column(str_enum(Relation))
    analyst_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("analyst.id"), nullable=True
    )
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
