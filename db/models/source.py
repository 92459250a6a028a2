"""Sources: who asserts a claim (people, agencies, outlets, experts, documents)."""

from __future__ import annotations

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, TrackedMixin
from db.models.enums import SourceKind, str_enum


class Source(TrackedMixin, Base):
    __tablename__ = "source"
    # The claims table sorts by source name: sources in name order, then their claims.
    __table_args__ = (Index("ix_source_name_order", "name", "id"),)

    name: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[SourceKind] = mapped_column(str_enum(SourceKind), default=SourceKind.OTHER)
    affiliation: Mapped[str] = mapped_column(String(300), default="")
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    default_reliability: Mapped[str | None] = mapped_column(String(1), nullable=True)
    # The information credibility a new claim of this source starts with (1-6).
    default_credibility: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
