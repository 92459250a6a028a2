"""Suggestions an analyst dismissed in an article, so they are not offered again."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, UUIDMixin
from db.timeutil import utcnow


class SuggestionDismissal(UUIDMixin, Base):
    """One dismissed suggestion: its kind and code-point span in the article's text."""

    __tablename__ = "suggestion_dismissal"
    __table_args__ = (UniqueConstraint("article_id", "analyst_id", "kind", "start", "end"),)

    article_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    analyst_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("analyst.id", ondelete="CASCADE"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
